"""The crosschecks run against a register: which inspection's list, when, and what each
concluded — so that the report written after says what the inspections found that the
self-check missed (the leaders' report said nothing of them: clerk trials 150, 151).

`crosscheck` records its run beside the register (`.<name>.crosschecks.json`), one entry
for each inspection's list: run again on the same list, the entry is replaced.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from huitoukan.files import write_record
from huitoukan.model.findings import Finding, FoundAgain, number_key

UNCONFIRMED = "待确认"
"""How `CheckedList.counts` names the problems the clerk is to decide (the value of
`findings.crosscheck.Conclusion.TO_CONFIRM`, not imported: status does not load the
similarity scorer)."""


class CheckedList(BaseModel):
    """One crosscheck of an inspection's list against the register."""

    file: str
    """The inspection's list, as the crosscheck was given it."""
    sources: list[str]
    """The checks that found its problems (市级抽查 …), as its rows name them."""
    checked_on: date
    """The day the crosscheck judged (its --as-of)."""
    found_on: list[date] = []
    """The days its problems were found (发现时间), each once, in order: when the inspection
    was (the report gave the day of the crosscheck alone: clerk trial 153)."""
    counts: dict[str, int]
    """结论 (`findings.crosscheck.Conclusion`) → how many of its problems came to it."""
    missed: list[str] = []
    """The problems the self-check missed (自查未发现): 问题编号 and what, as listed."""
    unrectified: list[str] = []
    """The problems the self-check found and did not put right (自查已发现但未整改到位), as
    `missed`: the report counted them and named none (clerk trial 239 CM4)."""
    still_there: dict[str, str] = {}
    """隐患编号 of a hazard its department found itself (no 交办问题's answer), reported
    closed, that the inspection found still there → the inspection's problem (its 编号,
    source and day): its photo page read 已销号 alone (clerk trial 239 CM4; an assigned
    problem's answer is `belied`)."""
    written: str = ""
    """The 追责核查 workbook it wrote."""
    belied: dict[str, str] = {}
    """问题编号 of an assigned problem reported 已完成 → the problem of the inspection that
    found it still there (its 编号, source and day): its archive and the register said
    已清零 until the clerk listed it again (clerk trial 152)."""
    belied_by: dict[str, str] = {}
    """问题编号 of `belied` → the 问题编号 the inspection's problem is to be listed under:
    listed, it is found again (`relisted`)."""
    linked: dict[str, str] = {}
    """问题编号 an inspection's problem is to be listed under → the 隐患编号 of the hazard a
    department found itself that the clerk's 对应自查 named as that problem: listed, the
    hazard's row answers it, as a row worded like it does (`linked`)."""

    @property
    def problems(self) -> int:
        return sum(self.counts.values())


class _Checked(BaseModel):
    lists: list[CheckedList] = []


def belied(lists: Sequence[CheckedList]) -> dict[str, str]:
    """Of all `lists`, each assigned problem found still there → the inspection's problem
    that found it (`CheckedList.belied`)."""
    return {number: said for checked in lists for number, said in checked.belied.items()}


def still_there(lists: Sequence[CheckedList]) -> dict[str, str]:
    """Of all `lists`, each hazard found still there → the inspection's problem that found
    it (`CheckedList.still_there`)."""
    return {hazard: said for checked in lists for hazard, said in checked.still_there.items()}


def linked(lists: Sequence[CheckedList]) -> dict[str, str]:
    """Of all `lists`, 问题编号 (as compared) → the 隐患编号 of the department's own hazard
    the clerk named as that problem (`CheckedList.linked`): in other words, the list alone
    could not match them, and the hazard, closed and found still there, stayed 已销号 and
    its problem was asked of the department as a new one (clerk trial 155)."""
    return {number_key(n): hazard for checked in lists for n, hazard in checked.linked.items()}


def relisted(findings: Sequence[Finding], lists: Sequence[CheckedList]) -> list[Finding]:
    """`findings`, each an inspection found still there (`CheckedList.belied`) stated again
    (`Finding.found_again`) by that inspection's problem once it is on the list too: matched
    by the clerk's 对应自查 in other words, the list alone could not tell, and the problem
    read 检查时问题仍在…列入交办问题清单后由部门重新整改 after it was (clerk trial 154)."""
    by_key = {number_key(f.number): f for f in findings}
    again: dict[str, list[FoundAgain]] = {}
    for checked in lists:
        for number, listed_as in checked.belied_by.items():
            listed = by_key.get(number_key(listed_as))
            if listed is not None:
                found = FoundAgain(
                    number=listed.number, source=listed.source, found_on=listed.found_on
                )
                again.setdefault(number_key(number), []).append(found)
    return [
        f.model_copy(update={"found_again": (*f.found_again, *_not_among(more, f.found_again))})
        if (more := again.get(number_key(f.number)))
        else f
        for f in findings
    ]


def crosschecks_path(register: Path) -> Path:
    return register.with_name(f".{register.name}.crosschecks.json")


def recorded_crosschecks(register: Path) -> list[CheckedList]:
    """The crosschecks run against `register`, in the order first run (none when there is
    no record, or it cannot be read)."""
    try:
        return _Checked.model_validate_json(crosschecks_path(register).read_bytes()).lists
    except (OSError, ValidationError):
        return []


def record_crosscheck(register: Path, checked: CheckedList) -> bool:
    """Add `checked` to the crosschecks of `register`, in place of one of the same list.
    False when it could not be written."""
    lists: Sequence[CheckedList] = recorded_crosschecks(register)
    same = next((i for i, c in enumerate(lists) if c.file == checked.file), None)
    lists = [*lists, checked] if same is None else [*lists[:same], checked, *lists[same + 1 :]]
    return write_record(crosschecks_path(register), _Checked(lists=list(lists)).model_dump_json())


def crosschecks_of(register: Path, listed: str) -> list[CheckedList]:
    """The crosschecks of `register` of the list `listed`: as it was given, or — none so —
    of its file's name (the list moved or deleted since)."""
    lists = recorded_crosschecks(register)
    same = [c for c in lists if c.file == listed]
    return same or [c for c in lists if Path(c.file).name == Path(listed).name]


def forget_crosscheck(register: Path, checked: CheckedList) -> bool:
    """Take `checked` out of the crosschecks of `register`: one run on a trial list, or the
    wrong one, stayed in status and the report for good (trial 216 BP4). False when it
    could not be written."""
    kept = [c for c in recorded_crosschecks(register) if c.file != checked.file]
    return write_record(crosschecks_path(register), _Checked(lists=kept).model_dump_json())


def _not_among(more: list[FoundAgain], known: Sequence[FoundAgain]) -> list[FoundAgain]:
    """Those of `more` whose problem `known` does not name already (the list's own, with
    how alike the two were, and an inspection's, of the same problem)."""
    named = {number_key(a.number) for a in known}
    return [a for a in more if number_key(a.number) not in named]
