"""What changed in the 交办问题清单 since the register was last written from it.

An inspection sends its list again, corrected: a problem withdrawn, a deadline extended,
a department changed. Collect applied it without a word — the withdrawn problem's answer
became a hazard of the department's own, its number said to be typed wrong; the new
deadline tracked while the departments' forms still showed the old (clerk trial 85).
Each change is said to the clerk, with what it does to the register and whom to tell.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import TypeVar

from huitoukan.dates import chinese_date
from huitoukan.findings.answers import given_day, part_key, without_deadline_errors
from huitoukan.model.findings import Finding, number_key
from huitoukan.model.problems import Code, Problem, problem
from huitoukan.model.returns import HazardRow


def list_changes(
    before: Sequence[Finding],
    now: Sequence[Finding],
    file: str,
    today: date,
    renamed: Mapping[str, str] | None = None,
    answered: Collection[tuple[str, str]] = (),
    noted: Collection[tuple[str, str]] = (),
    assigned_on: Mapping[str, date | None] | None = None,
    by_number: Collection[tuple[str, str]] = (),
) -> list[Problem]:
    """The changes from the list `before` (as the register recorded it) to the list `now`
    (read from `file`) on `today`: each problem added or removed, each 整改时限, wording or
    责任部门 changed (a department renamed, `renamed`: former name → name, is none);
    `answered`: (`number_key`, department) of the answers the returns hold now, `by_number`
    those of them whose rows carry the 问题编号 (the rest were matched by their words);
    `noted`: those whose row is a handover note it sent while another had the problem;
    `assigned_on`: the day each part was given (`answers.given_anew`: one given back
    `today` was given anew)."""
    renamed = renamed or {}
    current = {number_key(f.number): f for f in now}
    numbers = listed_numbers(before)
    said: list[Problem] = []
    moved: set[str] = set()  # the 编号 of `now` that problems of `before` were given
    for old in before:
        new = current.get(number_key(old.number))
        departments = "、".join(old.departments) or "（未明确）"
        if new is None and (new := _renumbered(old, now, numbers)) is not None:
            # and compared as any other below: a deadline changed with the 编号 given went
            # unsaid (clerk trial 150)
            moved.add(number_key(new.number))
            said.append(
                problem(
                    Code.FINDING_LIST_CHANGED,
                    file,
                    sheet=new.sheet,
                    row=new.row,
                    value=new.number,
                    variant="renumbered" if old.departments else "renumbered_unassigned",
                    number=new.number,
                    old=old.number,
                    departments=departments,
                )
            )
        if new is None:
            said.append(
                problem(
                    Code.FINDING_LIST_CHANGED,
                    file,
                    value=old.number,
                    number=old.number,
                    what=old.where[:40],
                    departments=departments,
                )
            )
            continue
        changed = {
            "deadline": (old.deadline or "（未填写）", new.deadline or "（未填写）"),
            # (the follow-up form showed both wordings: clerk trial 86)
            "wording": (old.where, new.where),
            "departments": (departments, "、".join(new.departments) or "（未明确）"),
        }
        had = {renamed.get(d, d) for d in old.departments}  # (under their names now)
        given = set(new.departments) - had
        # given back to one that answered it before: its answers and day stand (said to be
        # 按未反馈计 and overdue from today, status showing its old answer: trial 160)
        back = [
            d for d in new.departments if d in given and (number_key(new.number), d) in answered
        ]
        # given back to one whose row is the note it sent meanwhile: not new (trial 163)
        noting = [d for d in new.departments if d in given and (number_key(new.number), d) in noted]
        # given back after its 整改时限 passed elsewhere: late from today (clerk trial 164)
        anew = [d for d in (*back, *noting) if given_day(assigned_on, new.number, d) == today]
        for variant, (was, now_is) in changed.items():
            if was == now_is or variant == "departments" and had == set(new.departments):
                continue
            said.append(
                problem(
                    Code.FINDING_LIST_CHANGED,
                    file,
                    sheet=new.sheet,
                    row=new.row,
                    value=new.number,
                    # (“由（未明确）改为…：不再负责的部门…” of one no department had: trial 139)
                    # (one a return answers already: not 按未反馈计, clerk trial 181 AH5)
                    variant=(
                        _answered_variant("assigned", new, by_number)
                        if all((number_key(new.number), d) in answered for d in new.departments)
                        else "assigned"
                    )
                    if variant == "departments" and not old.departments
                    else _moved(had, given, new)
                    if variant == "departments"
                    else variant,
                    number=new.number,
                    old=was[:40] if isinstance(was, str) else was,
                    new=now_is[:40] if isinstance(now_is, str) else now_is,
                    departments=changed["departments"][1],
                    past=_past(new, today)
                    if variant == "departments" and given.difference(back, noting)
                    else "",
                    added=_added_said(given, back, noting, anew, _late_from(new, today)),
                )
            )
    for new in now:
        if number_key(new.number) not in numbers | moved:
            done = all((number_key(new.number), d) in answered for d in new.departments)
            variant = _answered_variant("added", new, by_number) if done else "added"
            said.append(_added(new, file, today, variant))
    return said


def _answered_variant(kind: str, new: Finding, by_number: Collection[tuple[str, str]]) -> str:
    """`kind`_answered of a problem each of its departments answered, or _numbered when
    every one's row carries the 问题编号 (“按部位和问题描述对应” of a row that carried it:
    clerk trial 189 AO5)."""
    numbered = all((number_key(new.number), d) in by_number for d in new.departments)
    return f"{kind}_numbered" if numbered else f"{kind}_answered"


def _added_said(
    given: set[str],
    back: Sequence[str],
    noting: Sequence[str] = (),
    anew: Sequence[str] = (),
    late_from: str = "",
) -> str:
    """How the departments a problem was `given` are tracked: from no answer, or — given
    `back` to one that had it — by its answers before (it read 按未反馈计 and took it back in
    brackets: clerk trial 161) and its day, or — given back after its 整改时限 passed
    elsewhere (`anew`) — late from today (`late_from`, `_late_from`: trial 164), or — its
    row the handover note it sent (`noting`, “其间” read as while it had the problem, of one
    sent after: trial 168 T7) — from no answer, not as a new department (trial 163)."""
    said = "新增的部门按未反馈计" if given.difference(back, noting) else ""
    for who, how in (
        ([d for d in back if d not in anew], "仍按其原来的反馈和交办日期跟踪"),
        ([d for d in back if d in anew], f"仍按其原来的反馈跟踪，{late_from}"),
        ([d for d in noting if d not in anew], "最近报送的行是移交说明，按未反馈计"),
        ([d for d in noting if d in anew], f"最近报送的行是移交说明，按未反馈计，{late_from}"),
    ):
        if who:
            again = f"{'、'.join(who)}此前负责过这个问题，{how}"
            said = f"{said}（{again}）" if said else again
    return said or "新增的部门按未反馈计"


def _moved(had: set[str], given: set[str], new: Finding) -> str:
    """The `departments` variant of a change of departments: some taken out and some
    given, or one of the two alone."""
    if not given:
        return "departments_removed"
    if had <= set(new.departments):
        return "departments_added"
    return "departments"


def _late_from(new: Finding, today: date) -> str:
    """Of a department given `new` back `today` after its 整改时限 passed while another had
    it: late from today."""
    deadline = chinese_date(new.deadline) if new.deadline else ""
    return f"整改时限 {deadline} 在其他部门负责期间已过，逾期天数从交回之日（{chinese_date(today)}）算起"


def _past(new: Finding, today: date) -> str:
    """What is said of a problem given its departments `today` (`answers.assignment_days`)
    after its 整改时限: overdue from then ('' when its 整改时限 is not past)."""
    if new.deadline is None or new.deadline >= today:
        return ""
    return (
        f"；它的整改时限 {chinese_date(new.deadline)} 在交办前已过，清单中不改的，逾期天数从"
        f"交办之日（{chinese_date(today)}）算起，请核对整改时限"
    )


def _added(new: Finding, file: str, today: date, variant: str = "added") -> Problem:
    """`new` is a problem the list did not have before: given its departments `today`,
    overdue from then if its 整改时限 had passed (`_past`); answered by each of them in the
    returns already (`variant` added_answered, added_numbered: “报回答复前按未反馈计” of a
    problem status showed answered, clerk trial 142)."""
    return problem(
        Code.FINDING_LIST_CHANGED,
        file,
        sheet=new.sheet,
        row=new.row,
        value=new.number,
        variant=variant if new.departments else "added_unassigned",
        number=new.number,
        what=new.where[:40],
        departments="、".join(new.departments),
        past=_past(new, today),
    )


def carried_days(
    days: Mapping[str, date | None] | None,
    before: Sequence[Finding],
    now: Sequence[Finding],
    renamed: Mapping[str, str],
) -> dict[str, date | None] | None:
    """`days` (the day each part was given, `answers.assignment_days`, as the register
    recorded them) under the 编号 of `now` and the departments' names now: a problem of
    `before` given its 编号 since, a department renamed (`Campaign.renamed`), is no part
    given today (its days overdue counted afresh from the day it was renumbered or
    renamed: clerk trial 139)."""
    if not days:
        return None if days is None else {}
    return carried_parts(days, before, now, renamed)


_Value = TypeVar("_Value")


def carried_parts(
    parts: Mapping[str, _Value],
    before: Sequence[Finding],
    now: Sequence[Finding],
    renamed: Mapping[str, str],
) -> dict[str, _Value]:
    """`parts` (by `answers.part_key`) under the 编号 of `now` and the departments' names
    now (`carried_days`; the spans a part was away, `RegisterState.away`, too: kept under
    the old 编号, a problem renumbered and given back was still away, clerk trial 164)."""
    renumbered = renumbering(before, now)
    carried: dict[str, _Value] = {}
    for key, value in parts.items():
        number, _, department = key.rpartition("|")
        department = renamed.get(department, department)
        carried.setdefault(part_key(renumbered.get(number, number), department), value)
    return carried


def renumbering(before: Sequence[Finding], now: Sequence[Finding]) -> dict[str, str]:
    """The 编号 (as compared, `number_key`) of each problem of `before` the list `now` gives
    another → that 编号 (`_renumbered`)."""
    numbers, listed = listed_numbers(before), listed_numbers(now)
    return {
        number_key(old.number): new.number
        for old in before
        if number_key(old.number) not in listed
        and (new := _renumbered(old, now, numbers)) is not None
    }


def _renumbered(old: Finding, now: Sequence[Finding], numbers: set[str]) -> Finding | None:
    """The problem of `now` that `old` is under a new 编号: the same source, day and words
    (`Finding.content`), a 编号 the list before did not have (`numbers`: its 编号 as
    compared) — one numbered by its source and content given its 编号 as `issue` asked
    (clerk trial 114), or an inspectors' 序号 replaced by a 编号 (trial 115): each was said
    deleted, to be restored."""
    return next(
        (f for f in now if number_key(f.number) not in numbers and f.content == old.content),
        None,
    )


def deadlines_moved(before: Sequence[Finding], now: Sequence[Finding]) -> dict[str, date | None]:
    """The problems of `now` whose 整改时限 `before` gave otherwise: 问题编号 (as compared) →
    the 整改时限 before."""
    was = {number_key(f.number): f.deadline for f in before}
    return {
        key: was[key]
        for f in now
        if (key := number_key(f.number)) in was and was[key] != f.deadline
    }


def listed_numbers(findings: Sequence[Finding]) -> set[str]:
    """The 问题编号 of `findings`, as compared."""
    return {number_key(f.number) for f in findings}


def removed(before: Sequence[Finding], now: Sequence[Finding]) -> dict[str, str]:
    """The problems of `before` no longer in `now`: 问题编号 (as compared) → its number as
    listed. Kept in the register's record, collect after collect (said once, the next
    collect told the department its right number was typed wrong: clerk trial 86)."""
    listed, numbers = listed_numbers(now), listed_numbers(before)
    return {
        number_key(f.number): f.number
        for f in before
        if number_key(f.number) not in listed and _renumbered(f, now, numbers) is None
    }


def as_withdrawn(problems: Sequence[Problem], withdrawn: Mapping[str, str]) -> list[Problem]:
    """`problems`, a row's 问题编号 not in the list said to be withdrawn when it is one of
    `withdrawn` (as `removed` gives them): it was said typed wrong, the department asked to
    check a number it had copied right (clerk trial 85)."""
    return [
        p.model_copy(update={"message": _withdrawn_message(p)})
        if p.code is Code.ASSIGNMENT_UNKNOWN_NUMBER and number_key(p.value) in withdrawn
        else p
        for p in problems
    ]


def _withdrawn_message(said: Problem) -> str:
    return problem(
        Code.ASSIGNMENT_UNKNOWN_NUMBER, said.file, value=said.value, variant="withdrawn"
    ).message


def excuse_withdrawn(
    problems: Sequence[Problem], hazards: Sequence[HazardRow], withdrawn: Mapping[str, str]
) -> tuple[list[Problem], list[HazardRow]]:
    """Without 整改时限早于检查时间 on the rows answering a withdrawn problem: the deadline
    is the list's, locked in the issued form, excused while the problem was listed — an
    error blamed on the department, every round, once it was withdrawn (clerk trial 86).
    The problems, and the hazards with their error counts mended."""
    rows = {
        p.at
        for p in problems
        if p.code is Code.ASSIGNMENT_UNKNOWN_NUMBER and number_key(p.value) in withdrawn
    }
    return without_deadline_errors(problems, hazards, rows)
