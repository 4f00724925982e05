"""The follow-up rounds issued from a register: when each was dated, when it is due, to
whom — so that status and remind can tell who has not answered it.

`issue --followup 台账` records its round beside the register it was made from
(`.<name>.rounds.json`); a department has answered a round when a return of its is
dated on or after the round's 日期 (the forms come with it filled in).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ValidationError

from huitoukan.dates import chinese_date
from huitoukan.files import write_record
from huitoukan.model.problems import Code, Problem, problem
from huitoukan.model.returns import ReturnForm


class IssuedRound(BaseModel):
    form_date: date
    """The 日期 the round's forms came with."""
    due: date
    departments: list[str]
    """The departments it was issued to."""
    folder: str = ""
    """Where its forms were written ('' for a round recorded before this was): a round
    issued again into that folder with another 日期 (--force) replaces it."""
    returns_before: dict[str, int] = {}
    """Each department's returns the register it was issued from held: none of them
    answers it, whatever its 日期 (a late return dated the day the round was issued was
    taken for its answer, and the department never chased: clerk trial 81)."""

    def owing(
        self,
        sent: Mapping[str, Sequence[date]],
        until: Mapping[str, IssuedRound] | None = None,
    ) -> list[str]:
        """Its departments with no answer (`answers`)."""
        answered = self.answers(sent, until)
        return [d for d in self.departments if d not in answered]

    def answers(
        self,
        sent: Mapping[str, Sequence[date]],
        until: Mapping[str, IssuedRound] | None = None,
    ) -> dict[str, date]:
        """Its departments that answered it → the day the first return on or after the
        round's 日期 was sent, of those it was issued after (`sent`: each department's
        days, oldest first), and before the next round issued to it (`until`): a return
        sent since answers that round (one late return was counted late for every round it
        came after: clerk trial 123)."""
        found = {}
        for department in self.departments:
            days = list(sent.get(department, ()))
            start = self.returns_before.get(department, 0)
            first = next(
                ((i, d) for i, d in enumerate(days) if i >= start and d >= self.form_date), None
            )
            later = (until or {}).get(department)
            if first is not None and (later is None or later.preceded(department, *first)):
                found[department] = first[1]
        return found

    def preceded(self, department: str, index: int, day: date) -> bool:
        """Whether `department`'s return `index` (of its days, oldest first), sent on `day`,
        came before the round was issued: sent before its 日期, or among the returns the
        register held then (a late answer to the round before, collected the day this one
        was issued, was taken for this one's and told it used the old form: trial 131)."""
        return day < self.form_date or index < self.returns_before.get(department, 0)

    def answered_by(self, department: str, days: Sequence[date]) -> bool:
        """Whether `department` sent anything after the round was issued."""
        return any(not self.preceded(department, i, day) for i, day in enumerate(days))


def kept_dates(
    rounds: Sequence[IssuedRound],
    current: Mapping[str, ReturnForm],
    as_of: date,
    older: Sequence[ReturnForm] = (),
) -> list[Problem]:
    """A warning on each department's return that a round was issued to, dated before the
    round but saved after it was issued (and not after `as_of`, the day judged: a file
    copied or downloaded again carries that day, every first return of the README's
    walkthrough in a fresh clone was said, clerk trial 46): a follow-up answer that kept
    the 日期 of the version it was edited from counts as not answering the round (it is
    dated before it). So is a file of the `older` versions (replaced, or a copy of another)
    so saved while the department's return that counts is dated before the round too: an
    earlier round's form sent again, and the department told 尚未收到 with no word of the
    file it sent (clerk trial 104)."""
    said = []
    for form in [*current.values(), *older]:
        department = form.department
        newest = current.get(department)
        saved, sent = form.saved_on, form.sent_on
        if saved is None or sent is None or newest is None:
            continue
        if form is not newest and (newest.sent_on is None or newest.sent_on < sent):
            continue
        mine = [r for r in rounds if department in r.departments]
        # a round's own form (its 报送截止 says which, whenever it was saved: clerk trial
        # 114) is judged by that round alone (a later round made one rightly dated look
        # wrongly so: trial 115); another, by the day its file was saved
        own = [r for r in mine if form.prefilled and form.round_due == r.due]
        after = [
            r for r in own or mine if sent < r.form_date and (own or r.form_date <= saved <= as_of)
        ]
        if form is not newest:  # unanswered by the return that counts too
            after = [
                r for r in after if newest.sent_on is not None and newest.sent_on < r.form_date
            ]
        if form.form_date and after:
            said.append(
                problem(
                    Code.ROUND_DATE_KEPT,
                    form.file,
                    sheet=form.sheet,
                    cell=form.date_cell,
                    field="日期",
                    value=f"{form.form_date:%Y-%m-%d}",
                    department=department,
                    variant="older" if form is not newest else "form" if own else "",
                    day=form.form_date,
                    round=after[-1].form_date,
                    due=after[-1].due,
                    saved=saved,
                )
            )
    return said


def earlier_round_forms(
    rounds: Sequence[IssuedRound],
    current: Mapping[str, ReturnForm],
    sent_days: Mapping[str, Sequence[date]],
) -> list[Problem]:
    """A warning on each department's return that counts when it is filled in on an
    earlier round's form than the latest one issued to it before it was sent: that form
    lacks what the round's form was issued with (a 复查 verdict, a reopened problem, its
    rows as last sent), and nothing said so (clerk trials 122, 123). Not for a department
    whose round's form held none of its rows (it had sent nothing before)."""
    said = []
    for department, form in current.items():
        sent = form.sent_on
        mine = [r for r in rounds if department in r.departments]
        days = list(sent_days.get(department, ()))
        index = days.index(sent) if sent in days else len(days)
        issued = [
            r
            for r in mine
            if sent is not None and r.form_date <= sent and not r.preceded(department, index, sent)
        ]
        if not issued or not issued[-1].returns_before.get(department):
            continue
        latest = issued[-1]
        if form.round_due is not None and form.round_due < latest.due:
            used = next((r for r in mine if r.due == form.round_due), None)
            what = f"{chinese_date(used.form_date)}下发的跟进轮表格" if used else "此前一轮的表格"
        elif form.first_round_form:
            what = "首轮下发的表格"
        else:
            continue
        said.append(
            problem(
                Code.EARLIER_ROUND_FORM,
                form.file,
                sheet=form.sheet,
                department=department,
                what=what,
                round=latest.form_date,
                due=latest.due,
            )
        )
    return said


class _Rounds(BaseModel):
    rounds: list[IssuedRound] = []


def rounds_path(register: Path) -> Path:
    return register.with_name(f".{register.name}.rounds.json")


def issued_rounds(register: Path, renames: Mapping[str, str] | None = None) -> list[IssuedRound]:
    """The rounds issued from `register`, oldest first (none when there is no record, or
    it cannot be read); their departments under the names they have now (`renames`, former
    → now: a department renamed after a round was issued was counted 首轮即未报送 and never
    chased for it, clerk trial 90)."""
    try:
        rounds = _Rounds.model_validate_json(rounds_path(register).read_bytes()).rounds
    except (OSError, ValidationError):
        return []
    if not renames:
        return rounds
    return [
        r.model_copy(
            update={
                "departments": [renames.get(d, d) for d in r.departments],
                "returns_before": {renames.get(d, d): n for d, n in r.returns_before.items()},
            }
        )
        for r in rounds
    ]


def record_round(register: Path, issued: IssuedRound) -> bool:
    """Add `issued` to the rounds of `register`; a round of the same 日期 is the same round,
    issued in batches (-d) or again: its departments are both's, its due date the latest
    given. False when it could not be written."""
    rounds = issued_rounds(register)
    if issued.folder:  # its forms written over those of a round of another 日期: that one
        # is gone (issued with a wrong date and issued again: both were chased, trial 40)
        rounds = [r for r in rounds if r.folder != issued.folder or r.form_date == issued.form_date]
    same = next((r for r in rounds if r.form_date == issued.form_date), None)
    if same is not None:
        rounds.remove(same)
        issued = IssuedRound(
            form_date=issued.form_date,
            due=issued.due,
            departments=list(dict.fromkeys([*same.departments, *issued.departments])),
            folder=issued.folder,
        )
    rounds = sorted([*rounds, issued], key=lambda r: r.form_date)
    return write_record(rounds_path(register), _Rounds(rounds=rounds).model_dump_json())
