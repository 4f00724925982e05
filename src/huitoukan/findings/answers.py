"""Departments' answers to the problems assigned to them, and how far each part has got.

A returned row answers an assigned problem by its 问题编号; a row whose 编号 was lost or
retyped is recognised by its 部位 and 描述 within the department (a warning asks for the
编号 back). A problem a department returned without answering is an error naming the
编号 and the department, and its part stays in the register as 未反馈: nothing
assigned ever disappears. `assign` runs once per collect (its numbers go into the
register's hazards; a register read with a list given afterwards has its rows made
answers by `as_answers`); `parts` works from those hazards alone, so the state computed
from a register and from the returns themselves is the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from huitoukan.campaign import SELF_CHECK
from huitoukan.findings.similarity import CANDIDATE, MATCH, score
from huitoukan.model.findings import (
    STATE_ORDER,
    Finding,
    Part,
    PartState,
    SourceSummary,
    number_key,
)
from huitoukan.model.problems import Code, Problem, problem, said_again
from huitoukan.model.returns import (
    DONE,
    STILL_THERE,
    UNREVIEWED,
    HazardRow,
    NoteKey,
    ReturnForm,
    due_day,
    mentions_handing,
    note_key,
)


@dataclass
class Assignment:
    hazards: list[HazardRow]
    """The hazards, with the 编号 of the problem each answers (recognised by content too)."""
    problems: list[Problem] = field(default_factory=list)
    renumbered: set[tuple[str, str]] = field(default_factory=set)
    """(file, 编号 as compared) of a row whose 编号 was another of its department's problems
    (it answers the one it states): another row of that 编号 repeats nothing."""
    handed_over: list[HazardRow] = field(default_factory=list)
    """Rows answering a problem the list has given another department since this one
    answered it (`_moved_away`): not its hazards any more. Their number is in
    `HazardRow.answered_as`, as of a row numbered as another department's problem."""
    kept_back: list[HazardRow] = field(default_factory=list)
    """Rows gone from their department's newest form that answer a problem given back to
    it, that form issued without the problem (it was another department's then): not
    deleted, its answer still (`_left_out_when_away`)."""


def part_key(number: str, department: str) -> str:
    """A department's part of an assigned problem, as the register's record names it."""
    return f"{number_key(number)}|{department}"


def given_day(
    assigned_on: Mapping[str, date | None] | None, number: str, department: str
) -> date | None:
    """The day `department`'s part of problem `number` was given, when after the forms were
    issued (`assigned_on`: `assignment_days`); None otherwise."""
    return (assigned_on or {}).get(part_key(number, department))


def assignment_days(
    findings: Iterable[Finding], before: Mapping[str, date | None] | None, as_of: date
) -> dict[str, date | None]:
    """Each part of `findings` → the day it was assigned: `as_of` for a part new since the
    register's last collect (`before`, its record), the day recorded then for the others;
    None for every part of a first collect (or of a register that did not record them):
    assigned when the forms were issued. The parts of `before` the list has taken away
    keep their days: one given back is not given anew (its department, late before it was
    taken away, was counted from the day it was given back: clerk trial 160)."""
    days = {
        key: (before.get(key, as_of) if before is not None else None)
        for finding in findings
        for department in finding.departments
        for key in [part_key(finding.number, department)]
    }
    return {**(before or {}), **days}


Spans = dict[str, list[tuple[date, date | None]]]
"""Each part (`part_key`) → the spans it was away from its department: (the day a collect
first saw the list take it away, the day one saw it given back, or None)."""


def away_spans(
    assigned_on: Mapping[str, date | None], findings: Iterable[Finding], before: Spans, as_of: date
) -> Spans:
    """`before` with a span opened for each part of `assigned_on` (every part the register
    has known) the list no longer gives, and closed for each it gives again: who had a
    problem between a move and a give-back (a form written then was taken for its
    department's answer after the give-back: clerk trial 163)."""
    now = {part_key(f.number, d) for f in findings for d in f.departments}
    spans = {key: list(days) for key, days in before.items()}
    for key in assigned_on:
        days = spans.get(key, [])
        open_now = bool(days) and days[-1][1] is None
        if key not in now and not open_now:
            spans[key] = [*days, (as_of, None)]
        elif key in now and open_now:
            spans[key] = [*days[:-1], (days[-1][0], as_of)]
    return {key: days for key, days in spans.items() if days}


def given_anew(
    assigned_on: Mapping[str, date | None], findings: Iterable[Finding], spans: Spans, as_of: date
) -> dict[str, date | None]:
    """`assigned_on` with `as_of` the day of each part the list gives back on it (`spans`:
    `away_spans`) whose problem's 整改时限 passed while it was away: given anew, it is late
    from then, not for the days another department had it (“已逾期 4 天” of a department
    that had it back two days: clerk trial 164). One late already when the list took it
    away keeps its day (`assignment_days`: clerk trial 160)."""
    days = dict(assigned_on)
    for finding in findings:
        if (deadline := finding.deadline) is None:
            continue
        for department in finding.departments:
            key = part_key(finding.number, department)
            if any(end == as_of and start <= deadline < as_of for start, end in spans.get(key, ())):
                days[key] = as_of
    return days


def given_back_on(spans: Iterable[tuple[date, date | None]], day: date) -> bool:
    """Whether one of a part's `spans` (`away_spans`) ended on `day`: the list gave it back
    then."""
    return any(end == day for _, end in spans)


def away_on(spans: Spans, number: str, department: str, day: date | None) -> bool:
    """Whether the part was away from `department` on `day` (False when `day` is unknown)."""
    return day is not None and within(spans.get(part_key(number, department), ()), day)


def _back_before(
    spans: Iterable[tuple[date, date | None]], sent: date | None, first_noted: date | None
) -> date | None:
    """The day the list gave a part back, when a row sent while it was away (its form's day
    `sent` in one of `spans`) was first taken for a handover note after a collect before saw
    that (`first_noted`; None: not known): its 表头日期 may be the old one of a form corrected
    since (its 整改中 read as a note: clerk trial 168 T3); else None."""
    if sent is None or first_noted is None:
        return None
    ended = next((end for start, end in spans if start <= sent < (end or date.max)), None)
    return ended if ended is not None and ended < first_noted else None


def within(spans: Iterable[tuple[date, date | None]], day: date) -> bool:
    """Whether `day` falls in one of `spans` (from its first day, up to its last, open when
    None)."""
    return any(start <= day < (end or date.max) for start, end in spans)


def assign(
    findings: Sequence[Finding],
    hazards: Sequence[HazardRow],
    current: Mapping[str, ReturnForm],
    assigned_on: Mapping[str, date | None] | None = None,
    answered_before: Collection[tuple[str, str]] = (),
    receiver: str = "",
    linked: Mapping[str, str] | None = None,
    handed_before: Mapping[NoteKey, tuple[str, str]] | None = None,
    away: Spans | None = None,
    noted_on: Mapping[NoteKey, date | None] | None = None,
    today: date | None = None,
) -> Assignment:
    """Match returned rows to assigned problems; `current` is each department's return;
    `assigned_on`: the day each part was assigned, when later than the forms were issued
    (a return sent before cannot answer it); `answered_before`: (问题编号, department) of
    the answers the register holds (`Coverage.answered`: a department the list has given
    the problem to another since is told so); `receiver`: the office keeping the list (told
    to add itself, not to tell itself: clerk trial 141); `linked`: 问题编号 (as compared) →
    the 隐患编号 of the row the clerk's 对应自查 named as that problem
    (`register.crosschecks.linked`), taken before one worded alike; `handed_before`: the
    rows the register held handed over when written (`note_key`) → the (问题编号, 问题来源)
    they answered; `away`: when each part was away from its department (`away_spans`);
    `noted_on`: the day a collect first took each of `handed_before` for a note, this one
    collected `today`."""
    by_number = {number_key(f.number): f for f in findings}
    handed_before = handed_before or {}
    away = away or {}
    days = assigned_on or {}

    def held(number: str, department: str, day: date | None) -> bool:
        """Whether `department` had the problem on `day` (a part the register knew, given
        by then, not away then)."""
        key = part_key(number, department)
        if day is None or key not in days:
            return False
        given = days[key]
        return (given is None or given <= day) and not away_on(away, number, department, day)

    linked = linked or {}
    forms = {form.file: form for form in current.values()}
    # a column headed 编号 none of whose numbers is listed: the department's own numbering
    # (A-1, B-2), each row warned of its unknown 问题编号 (clerk trial 95), is its 序号
    own_numbering = {
        form.file
        for form in forms.values()
        if form.numbers_headed_bianhao
        and not any(number_key(h.number) in by_number for h in form.hazards if h.number)
    }
    hazards = [
        h._replace(seq=h.seq or h.number, number="")  # (its 序号 kept, beside a 序号 column)
        if h.source_file in own_numbering and h.number
        else h
        for h in hazards
    ]

    def _row_problem(
        code: Code,
        row: HazardRow,
        value: str,
        about: tuple[str, str] | None = None,
        **params: Any,
    ) -> Problem:
        """A problem about the row's 问题编号 (or 整改时限, 销号时间; `about`: the field and
        its header), on its cell where the form has the column."""
        field, header = about or _ABOUT.get(code, ("number", "问题编号"))
        form = forms.get(row.source_file)
        return problem(
            code,
            row.source_file,
            sheet=row.source_sheet,
            cell=form.cell_of(field, row.source_row) if form else "",
            row=row.source_row,
            field=header,
            value=value,
            department=row.department,
            **params,
        )

    def tell(row: HazardRow) -> str:
        """Whom `row`'s department is to ask to change the list: the receiving office, by
        name (告知接收部门 read as the department a problem went to: trial 170), or none."""
        return "" if row.department == receiver else f"告知{receiver or '接收部门'}"

    def handed_over(row: HazardRow, moved: Finding) -> Problem:
        """The warning on a row answering a problem its department no longer has: on its
        问题编号, or, sent without one, on its 存在隐患问题 (“问题编号“SJ4-02”” of a form
        without the column, clerk trial 162)."""
        about = ("number", "问题编号") if row.number else ("hazard", "存在隐患问题")
        return _row_problem(
            Code.ASSIGNMENT_OTHER_DEPARTMENT,
            row,
            row.number or row.hazard,
            about=about,
            variant="moved",
            number=moved.number,
            owners="、".join(moved.departments),
            tell=tell(row),
        )

    def first_noted(row: HazardRow) -> date | None:
        """The day a collect first took `row` for a note: today, when none did before."""
        key = note_key(row)
        return (noted_on or {}).get(key) if key in handed_before else today

    def sent(row: HazardRow) -> date | None:
        form = forms.get(row.source_file)
        return form.sent_on if form is not None else None

    def as_answer(row: HazardRow, finding: Finding, department: str, source: str = "") -> HazardRow:
        """`row` as the answer to `finding` for `department` (`_answering`), given it when
        the list says (given back then, or not)."""
        given = given_day(assigned_on, finding.number, department)
        back = given is not None and given_back_on(
            away.get(part_key(finding.number, department), ()), given
        )
        return _answering(row, finding, source, sent(row), given, back)

    def checked_answer(row: HazardRow, finding: Finding) -> list[Problem]:
        """What is wrong with `row` (as returned) as the answer to `finding`: a 整改时限 put
        back (`_answering` then takes the problem's), a 销号 before the problem was found."""
        said = []
        if _pushes_back(row, finding):
            said.append(
                _row_problem(
                    Code.ASSIGNMENT_DEADLINE_LATER,
                    row,
                    f"{row.deadline:%Y-%m-%d}",
                    number=finding.number,
                    required=finding.deadline,
                    typed=row.deadline,
                )
            )
        if _closed_before_found(row, finding):
            said.append(
                _row_problem(
                    Code.ASSIGNMENT_STILL_THERE
                    if _found_first(row, finding, sent(row))
                    else Code.ASSIGNMENT_CLOSED_BEFORE_FOUND,
                    row,
                    f"{row.closed_on:%Y-%m-%d}",
                    closed=row.closed_on,
                    number=finding.number,
                    found=finding.found_on,
                    source=finding.source,
                )
            )
        return said

    problems: list[Problem] = []
    unknown: dict[int, Problem] = {}
    """Row index → the warning on its 编号 (unknown, or another department's), until the row
    is recognised by its content as one of its own department's problems."""
    answered: set[tuple[str, str]] = set()
    result: list[HazardRow] = []
    loose: dict[str, list[int]] = {}  # department → rows without a usable 编号
    renumbered: set[tuple[str, str]] = set()
    shifted: set[int] = set()  # rows holding another row's 编号 (ASSIGNMENT_ROWS_SHIFTED)
    own: dict[str, list[Finding]] = {}  # department → its problems
    for listed in findings:
        for department in listed.departments:
            own.setdefault(department, []).append(listed)
    numbered = Counter((row.source_file, number_key(row.number)) for row in hazards if row.number)
    of_file: dict[str, list[HazardRow]] = {}  # file → its rows
    for row in hazards:
        of_file.setdefault(row.source_file, []).append(row)
    hinted: set[str] = set()  # files of no department known, told whose they may be
    handed: list[HazardRow] = []
    given_back: dict[tuple[str, str], HazardRow] = {}  # (问题编号 as compared, department)
    kept_back: list[HazardRow] = []
    noted: set[int] = set()  # rows matched by their words, sent while the problem was away
    for row in hazards:
        if _left_out_when_away(row, by_number, current, answered_before):
            # given back: its answer from before, not a row it deleted (“请恢复这些行” of
            # one its follow-up form was issued without: clerk trials 160, 162)
            row = row._replace(vanished_from="")
            kept_back.append(row)
        moved = _moved_away(row, by_number, current, answered_before, held, sent(row))
        kept = handed_before.get(note_key(row)) if handed_before else None
        answering = by_number.get(number_key(row.number)) if row.number else None
        if (
            kept is None
            and moved is None
            and answering is not None
            and row.department in answering.departments
            and away_on(away, answering.number, row.department, sent(row))
        ):  # sent while the problem was another department's, given back since
            kept = (row.number, row.source)
        back = by_number.get(number_key(kept[0])) if kept and moved is None else None
        if kept and back is not None and row.department in back.departments:
            # given back: a row written while the problem was another department's stays
            # handed over while it says what it said (its handover note
            # “已移交… 已完成” was taken for its own 销号, sent for 复查, its photo asked
            # for; its row left out of the follow-up form, asked to be put back: trial 162)
            handed.append(_as_handed(row, kept))
            if row.department in current and row.source_file == current[row.department].file:
                given_back[number_key(back.number), row.department] = row
            continue
        if kept and back is not None:  # its note, of a problem another department has,
            # under the 编号 the list gave it since (by the 编号 it was sent with, its
            # department's own hazard: clerk trial 164)
            handed.append(_as_handed(row, (back.number, kept[1])))
            continue
        if moved is not None:  # handed over: the new department's to answer (its row was
            # the old one's own hazard, overdue, chased till the campaign's end: trial 159);
            # kept as sent for it, its number not its department's (the 追责核查 took it for
            # the new department's answer: trial 161)
            handed.append(_as_handed(row, (row.number, row.source)) if row.number else row)
            # said of the return's row (one sent again without its number too: it went
            # unsaid), not of one a version since deleted (said at every collect, filed
            # under the version replaced: clerk trial 160)
            if row.source_file == current[row.department].file:
                problems.append(handed_over(row, moved))
            continue
        if not row.number:
            loose.setdefault(row.department, []).append(len(result))
            result.append(row)
            continue
        finding = by_number.get(number_key(row.number))
        if finding is None:
            unknown[len(result)] = _row_problem(Code.ASSIGNMENT_UNKNOWN_NUMBER, row, row.number)
            loose.setdefault(row.department, []).append(len(result))
        elif row.department not in finding.departments:  # or its own, 编号 typed wrong
            owners = "、".join(finding.departments)
            # not said of a header naming no department: its error is the one to fix (“不是
            # 本部门” of 学院警务处 for 学院警务室's problem named another: clerk trial 128)
            if row.department in current:
                unknown[len(result)] = _row_problem(
                    Code.ASSIGNMENT_OTHER_DEPARTMENT,
                    row,
                    row.number,
                    variant="unassigned" if not owners else "",
                    owners=owners,
                    tell=tell(row),
                )
            elif len(finding.departments) == 1 and row.source_file not in hinted:
                # whose it may be, said once (ATT00001.xlsx answering 学院警务室's SD6-04, a
                # department of its own in the report, 学院警务室 chased: clerk trial 135)
                hinted.add(row.source_file)
                problems.append(
                    _row_problem(
                        Code.ASSIGNMENT_OTHER_DEPARTMENT,
                        row,
                        row.number,
                        variant="sender",
                        owners=owners,
                    )
                )
            loose.setdefault(row.department, []).append(len(result))
        elif numbered[row.source_file, number_key(row.number)] > 1 and _states_another(
            row, finding, own.get(row.department, [])
        ):  # one of two rows of a 编号, stating another of its department's problems
            unknown[len(result)] = _row_problem(Code.ASSIGNMENT_UNKNOWN_NUMBER, row, row.number)
            loose.setdefault(row.department, []).append(len(result))
            renumbered.add((row.source_file, number_key(row.number)))
        elif (stated := _stated_elsewhere(row, finding, of_file, by_number)) is not None:
            problems.append(
                _row_problem(
                    Code.ASSIGNMENT_ROWS_SHIFTED,
                    row,
                    row.number,
                    what=finding.where[:40],
                    row_what=row.where[:40],
                    other=stated.source_row,
                )
            )
            # its 编号 and 来源 are the other row's: kept, a register read back would make
            # it the answer again
            row = row._replace(number="", source="")
            shifted.add(len(result))
            loose.setdefault(row.department, []).append(len(result))
        else:
            answered.add((finding.number, row.department))
            problems.extend(checked_answer(row, finding))
            row = as_answer(row, finding, row.department)
        result.append(row)
    for finding in findings:
        for department in finding.departments:
            if (finding.number, department) in answered or department not in current:
                continue
            candidates = loose.get(department, [])
            index = _named(finding, result, candidates, linked)
            by_hand = index is not None
            if index is None:
                index = _by_content(finding, result, candidates)
                if index is not None and away_on(
                    away, finding.number, department, sent(result[index])
                ):  # its note, sent while another department had the problem (under an
                    # old 编号, or none: its department's 已完成 once given back, trial 165)
                    row = result[index]
                    handed.append(_as_handed(row, (finding.number, finding.source)))
                    noted.add(index)
                    loose[department].remove(index)
                    unknown.pop(index, None)
                    if row.source_file == current[department].file:
                        given_back[number_key(finding.number), department] = row
                    index = None
            if index is not None:
                row = result[index]
                result[index] = as_answer(row, finding, department, finding.source)
                problems.extend(checked_answer(row, finding))
                loose[department].remove(index)
                answered.add((finding.number, department))
                typed = by_number.get(number_key(row.number)) if row.number else None
                unknown.pop(index, None)
                variant = "unknown" if row.number else ""  # a 编号 the list does not have
                if not row.number and _found_first(row, finding, sent(row)):
                    variant = "first"  # its own, before the problem was: not an omission
                if typed is not None:  # (“责任部门：” and nothing, for one unassigned: trial 85)
                    variant = (
                        "own"
                        if department in typed.departments
                        else "other"
                        if typed.departments
                        else "unassigned"
                    )
                # a table without the column (the plan's ten columns) cannot be given the
                # 编号: the clerk is told, the department's copy is not asked (trial 67)
                table = forms.get(row.source_file)
                columns = table.column_letters if table is not None else {}
                no_column = bool(columns) and "number" not in columns
                if index in shifted:  # moving the 编号 back is what it is asked: “请补上编号
                    continue  # XX-01” beside it would have it overwrite the one it has (trial 151)
                problems.append(
                    _row_problem(
                        Code.ASSIGNMENT_MATCHED_WITHOUT_COLUMN
                        if no_column
                        else Code.ASSIGNMENT_MATCHED_BY_CONTENT,
                        row,
                        row.number,
                        variant=variant,
                        by=_BY_HAND if by_hand else _BY_CONTENT,
                        number=finding.number,
                        typed=row.number,
                        owners="、".join(typed.departments) if typed else "",
                        typed_what=typed.where[:40] if typed else "",
                        source=finding.source,
                    )
                )
                continue
            form = current[department]
            note = given_back.get((number_key(finding.number), department))
            if note is not None:  # marked on its row (the 退回修改 copy shows where)
                spans = away.get(part_key(finding.number, department), ())
                # (not of one saying it hands the problem over: trial 169)
                first = None if mentions_handing(note) else first_noted(note)
                back_on = _back_before(spans, form.sent_on, first)
                if back_on is not None:  # on its 日期, for the department to correct (the
                    # hint reached neither its 退回修改 copy nor anything it is sent: trial 171)
                    problems.append(
                        problem(
                            Code.ASSIGNMENT_DATED_WHILE_AWAY,
                            form.file,
                            sheet=form.sheet,
                            cell=form.date_cell,
                            field="日期",
                            value=f"{form.sent_on:%Y-%m-%d}" if form.sent_on else "",
                            department=department,
                            sent=form.sent_on,
                            back=back_on,
                            row_number=note.source_row,
                            number=finding.number,
                            source=finding.source,
                            what=finding.where[:40],
                        )
                    )
                    continue
                problems.append(
                    problem(
                        Code.ASSIGNMENT_AFTER_RETURN,
                        form.file,
                        sheet=note.source_sheet,
                        cell=form.cell_of("number", note.source_row)
                        or form.cell_of("hazard", note.source_row),
                        row=note.source_row,
                        # told a note by its words, not its day (“它由其他部门负责” of a
                        # day the register had it the department's: trial 165)
                        variant="given_back"
                        if away_on(away, finding.number, department, form.sent_on)
                        else "given_back_said",
                        department=department,
                        sent=form.sent_on,
                        measures=(note.measures or note.remarks)[:40],
                        number=finding.number,
                        source=finding.source,
                        what=finding.where[:40],
                    )
                )
                continue
            row_number, cell = form.unanswered_place(issued_key(form, finding) or finding.number)
            owners = _issued_to_others(form, department, by_number)
            given_after = (
                None if cell or owners else _given_after(form, department, finding, assigned_on)
            )
            if given_after is not None:  # its form cannot have its row
                variant, day = given_after
                problems.append(
                    problem(
                        Code.ASSIGNMENT_AFTER_RETURN,
                        form.file,
                        variant=variant,
                        department=department,
                        number=finding.number,
                        source=finding.source,
                        what=finding.where[:40],
                        found=day,
                        sent=form.sent_on,
                    )
                )
                continue
            on_form = [i for i in loose.get(department, []) if result[i].source_file == form.file]
            alike = None if owners else _like_an_answer(finding, result, on_form)
            # the same problem listed again (found still there since its answer was closed),
            # the old answer reopened instead (clerk trial 142): said which row to fill
            reworked = (
                None
                if owners or alike is not None
                else _reworked_under(finding, [r for r in result if r.source_file == form.file])
            )
            if reworked is not None:
                alike = reworked
            if alike is not None:  # marked where it asks for the number (it marked the
                # problem's row, or none when the department deleted it: clerk trial 103)
                row_number = alike.source_row
                cell = form.cell_of("number", row_number) or form.cell_of("hazard", row_number)
            problems.append(
                problem(
                    Code.ASSIGNMENT_UNANSWERED,
                    form.file,
                    sheet=form.sheet,
                    cell=cell,
                    row=row_number,
                    field="问题编号",
                    value=finding.number,  # the problem unanswered, wherever it is marked
                    variant="other_form"
                    if owners
                    else "reworked"
                    if reworked
                    else "alike"
                    if alike
                    # no row of it on the form (deleted): a row to add, not one to fill in
                    # (the 退回修改 copy asked for the row it lacked: clerk trial 184 AJ2)
                    else ""
                    if cell
                    else "no_row",
                    department=department,
                    number=finding.number,
                    source=finding.source,
                    what=finding.where[:40],
                    owners=owners,
                    alike_row=alike.source_row if alike else 0,
                    alike_what=alike.where[:40] if alike else "",
                    earlier=reworked.number if reworked else "",
                )
            )
    gone = _answered_by_content_before(findings, result, loose, current, answered_before)
    for index, moved in gone.items():
        row = result[index]
        # (its 编号 an old one: the 追责核查 missed it, trial 165)
        handed.append(_as_handed(row, (moved.number, moved.source)))
        unknown.pop(index, None)
        if row.source_file == current[row.department].file:
            problems.append(handed_over(row, moved))
    for index in unknown:  # summed up as the department's own finding, as its warning says:
        # not shown as an answer (附属医院's row of 警务室's SD6-04 stood in the register as
        # 省级督查's SD6-04, went on the 复查验收表 as that and counted among the answers to
        # 交办问题 in the report: clerk trial 66); the 编号 as typed is in the warning, its
        # 问题来源 kept, as the warning tells the department to keep it (it read 自查 in the
        # register and on the follow-up form: clerk trial 136); its 整改时限 its own now, not
        # the list's (时限来源 交办要求 of a problem withdrawn: clerk trial 137)
        row = result[index]
        typed = by_number.get(number_key(row.number))
        source = row.source or (typed.source if typed is not None else SELF_CHECK)
        result[index] = row._replace(
            number="", source=source, answered_as=(row.number, row.source), deadline_assigned=False
        )
    result = [row for index, row in enumerate(result) if index not in gone and index not in noted]
    return Assignment(result, [*unknown.values(), *problems], renumbered, handed, kept_back)


def _as_handed(row: HazardRow, answered_as: tuple[str, str]) -> HazardRow:
    """`row` handed over (`Assignment.handed_over`): no 编号 of its department's, the
    (问题编号, 问题来源) it answered kept, its 整改时限 its own."""
    return row._replace(number="", answered_as=answered_as, deadline_assigned=False)


def _left_out_when_away(
    row: HazardRow,
    by_number: Mapping[str, Finding],
    current: Mapping[str, ReturnForm],
    answered_before: Collection[tuple[str, str]],
) -> bool:
    """Whether `row`, gone from its department's newest form, answers a problem of its
    department that form was issued without, answered before: the list had given it
    another department when the form was issued, and has given it back since."""
    if not row.vanished_from or not row.number or row.progress == DONE:
        return False
    listed = by_number.get(number_key(row.number))
    form = current.get(row.department)
    return (
        listed is not None
        and form is not None
        and row.department in listed.departments
        and (listed.number, row.department) in answered_before
        and form.issued_with is not None
        and issued_key(form, listed) is None
    )


def _answered_by_content_before(
    findings: Sequence[Finding],
    rows: Sequence[HazardRow],
    loose: Mapping[str, list[int]],
    current: Mapping[str, ReturnForm],
    answered_before: Collection[tuple[str, str]],
) -> dict[int, Finding]:
    """Row index → the problem it states, for rows without a usable 编号 left after every
    department's own problems took theirs, stating a problem their department answered
    before that the list has given another department since: handed over, as a row sent
    with the 编号 is (`_moved_away`). The plan's ten columns have no 问题编号: the answer
    was matched by its 部位 and 问题描述, and after the move became the old department's
    own hazard, 自查已发现 in the 追责核查 (clerk trial 162)."""
    found: dict[int, Finding] = {}
    for finding in findings:
        if not finding.departments:
            continue
        for department in sorted(current):
            if (
                department in finding.departments
                or (finding.number, department) not in answered_before
            ):
                continue
            left = [i for i in loose.get(department, []) if i not in found]
            index = _by_content(finding, rows, left)
            if index is not None:
                found[index] = finding
    return found


def _moved_away(
    row: HazardRow,
    by_number: Mapping[str, Finding],
    current: Mapping[str, ReturnForm],
    answered_before: Collection[tuple[str, str]],
    held: Callable[[str, str, date | None], bool] | None = None,
    sent: date | None = None,
) -> Finding | None:
    """The problem `row` answers (by its 编号, or the one it was sent with before its 编号
    was taken out) that its department answered before, or had when the row was `sent`
    (`held`: its form first collected after the list took the problem away, clerk trial
    163), and the list has given another department since; None when it answers none such."""
    number = row.number or (row.answered_as[0] if row.answered_as else "")
    finding = by_number.get(number_key(number)) if number else None
    if finding is None or not finding.departments or row.department in finding.departments:
        return None
    if row.department not in current:
        return None
    answered = (finding.number, row.department) in answered_before
    if not answered and not (held is not None and held(finding.number, row.department, sent)):
        return None
    return finding


def _states_another(row: HazardRow, numbered: Finding, own: Sequence[Finding]) -> bool:
    """Whether `row`, numbered as its department's problem `numbered`, plainly states
    another of its own problems instead (its 编号 overwritten): nothing like the one it
    names, the same as another."""
    if _states(numbered, row):
        return False
    return any(
        other is not numbered
        and score(other.location, other.description, row.location, row.hazard) >= MATCH
        for other in own
    )


def _issued_to_others(form: ReturnForm, department: str, by_number: Mapping[str, Finding]) -> str:
    """The departments `form` was issued to, when it was issued with problems of others
    only, or its record gives it to another (its header typed over, or blank and its name
    or folder giving it to `department`) — '' otherwise: the department filled a
    neighbour's blank form, whose 交办问题 are not its own. Its own problems are unanswered
    — not 表格下发后才交办 with a follow-up round advised (clerk trials 79, 153)."""
    issued = form.typed_over or form.issued_to_another
    if issued and issued != department:
        return issued
    if not form.issued_with:
        return ""
    owners: list[str] = []
    for number in sorted(form.issued_with):
        listed = by_number.get(number)
        if listed is None:
            continue
        if department in listed.departments:
            return ""
        owners.extend(d for d in listed.departments if d not in owners)
    return "、".join(owners)


def issued_key(form: ReturnForm, finding: Finding) -> str | None:
    """The 问题编号 (as compared) `form` was issued `finding` under: its own, or — the list
    having given it a 编号 since (an inspectors' 序号 replaced: its department's form was
    said issued without it, clerk trial 150) — the one issued with its 部位 and 问题描述.
    None when the form was not issued it, or is not one huitoukan issued."""
    if form.issued_with is None:
        return None
    key = number_key(finding.number)
    if key in form.issued_with:
        return key
    return form.issued_in_words(finding.location, finding.description)


def _given_after(
    form: ReturnForm,
    department: str,
    finding: Finding,
    assigned_on: Mapping[str, date | None] | None,
) -> tuple[str, date | None] | None:
    """Why `department`'s `form`, without a row for `finding`, was never given it, as the variant of
    ASSIGNMENT_AFTER_RETURN and the day the problem was found or assigned: not among the
    problems the form was issued with (its own 交办问题清单 sheet: the list edited before
    the first collect, trial 63); assigned to its department after the form was sent (the
    list given its department later: trial 62); found after it. None: it was given it."""
    if form.issued_with is not None and issued_key(form, finding) is None:
        return "not_issued", None
    since = given_day(assigned_on, finding.number, department)
    assigned = since is not None and (finding.found_on is None or since > finding.found_on)
    day = since if assigned else finding.found_on
    sent = form.sent_on
    if sent is not None and day is not None and sent < day:
        return ("assigned" if assigned else ""), day
    return None


def _stated_elsewhere(
    row: HazardRow,
    numbered: Finding,
    of_file: Mapping[str, list[HazardRow]],
    by_number: Mapping[str, Finding],
) -> HazardRow | None:
    """The row of `row`'s file that states the problem `row` is numbered as, when `row`
    itself states nothing like it: part of the table sorted (部位 to 备注, not 问题编号 and
    问题来源), and the 编号 stayed on a row the sort moved another hazard into (it answered
    SD-02 with another hazard, and its deadline was put back to SD-02's: clerk trial 60).
    That row may carry no 编号, or one of a problem it does not state itself: two assigned
    rows swapped each other's answers, each taken for its 编号's (clerk trial 150)."""
    if _states(numbered, row):
        return None
    best, best_score = None, MATCH
    for other in of_file.get(row.source_file, []):
        own = by_number.get(number_key(other.number)) if other.number else None
        if other is row or (own is not None and own is not numbered and _states(own, other)):
            continue
        if not other.number and other.source not in ("", SELF_CHECK, numbered.source):
            continue  # another inspection's (a row with a 编号 has the 来源 the sort left)
        value = score(numbered.location, numbered.description, other.location, other.hazard)
        if value >= best_score:
            best, best_score = other, value
    return best


def _states(finding: Finding, row: HazardRow) -> bool:
    """Whether `row` states something like `finding` (its 编号 aside)."""
    return score(finding.location, finding.description, row.location, row.hazard) >= CANDIDATE


_ABOUT = {
    Code.ASSIGNMENT_DEADLINE_LATER: ("deadline", "整改时限"),
    Code.ASSIGNMENT_CLOSED_BEFORE_FOUND: ("closed_on", "销号时间"),
    Code.ASSIGNMENT_STILL_THERE: ("closed_on", "销号时间"),
}
"""The cell (field, header) a problem about an answer is on, when not its 问题编号."""


def _answering(
    row: HazardRow,
    finding: Finding,
    source: str = "",
    sent: date | None = None,
    given: date | None = None,
    back: bool = False,
) -> HazardRow:
    """`row` as the answer to `finding`: its 编号 and source (`source`, else the row's,
    else the problem's), and the problem's 整改时限 where the department left the row's
    blank (not the campaign's default: the register, status and reminders then judge it
    overdue when the problem is) or put it back (the inspection set it, not the
    department: a later date is said, `Code.ASSIGNMENT_DEADLINE_LATER`). A 销号时间 before
    the problem was found (said, `Code.ASSIGNMENT_CLOSED_BEFORE_FOUND`) is no closure: the
    row is 已完成 without a 销号时间 it can be closed by (it counted as 清零, and the
    archive the 督导组 reads showed a problem closed before it was found: trial 48). A
    hazard the department found first keeps its source, 自查 (`_found_first`, `sent`: the
    day its form was sent), and its own 整改时限 unless it had reported it closed and the
    problem's is later (`_outlived`). `given`: the day the list gave the row's
    department the problem, when after the forms were issued (else the one the row was
    given before, `HazardRow.due_from`): after the problem's 整改时限, the row is overdue
    from then; `back`: that was the day the list gave it back (`HazardRow.given_back`)."""
    source = (row.source or SELF_CHECK) if _found_first(row, finding, sent) else source
    source = source or row.source or finding.source
    if row.number != finding.number or row.source != source:  # mostly as issued: kept
        row = row._replace(number=finding.number, source=source)
    own = source == SELF_CHECK
    if not own and row.checked_on is None and finding.found_on is not None:
        # the inspection's day, which the list says (the department was asked for it on an
        # inspection's row its form had left blank: clerk trial 116)
        row = row._replace(checked_on=finding.found_on)
    outlived = own and _outlived(row, finding)  # (before its closing is cleared)
    if own and not row.as_sent and (outlived or _closed_before_found(row, finding)):
        row = row._replace(as_sent=(row.deadline, row.closed_on))  # for the 追责核查
    if _closed_before_found(row, finding):  # nor is it waiting for its review (the
        # register's 复查结论 said 待复查 of a closing that is none: clerk trial 71)
        review = "" if row.review == UNREVIEWED else row.review
        # its own, found first: closed, and found still there — not a date typed wrong
        flaw = STILL_THERE if own else "早于问题发现时间"
        row = row._replace(closed_on=None, review=review, closing_flaw=flaw)
    if _takes_the_problems_deadline(row, finding) or _pushes_back(row, finding) or outlived:
        row = row._replace(
            deadline=finding.deadline, deadline_is_default=False, deadline_assigned=True
        )
    # (the problem's 整改时限 typed in, as its own: 8 days late on the day given, clerk
    # trial 139; the department's own hazard, found first, keeps its own)
    back = back if given else row.given_back
    given = given or row.due_from
    due_from = given if not own and due_day(row.deadline, given) != row.deadline else None
    back = back and due_from is not None
    if (due_from, back) == (row.due_from, row.given_back):
        return row
    return row._replace(due_from=due_from, given_back=back)


def _outlived(row: HazardRow, finding: Finding) -> bool:
    """The department reported its own hazard closed before the inspection found it still
    there, and the problem sets a later 整改时限 than its own: that one now, for rectifying
    it again (rectified again by the 交办 deadline, it was 逾期 by its own old one: clerk
    trial 114; its own the inspection's day, or a day after, it was overdue before it could
    be done again, while one a day earlier took the problem's: trial 194 AT1). One never
    reported closed keeps its own (moved to the problem's, its days overdue shrank: trial
    115)."""
    found = finding.found_on
    return bool(
        row.deadline is not None
        and found is not None
        and finding.deadline is not None
        and row.deadline < finding.deadline
        and (_closed_before_found(row, finding) or row.closure_taken_back(found) is not None)
    )


def _takes_the_problems_deadline(row: HazardRow, finding: Finding) -> bool:
    """The row left 整改时限 blank (the campaign's default, or the problem's of a list
    matched before, stands in) and the problem sets one."""
    return (row.deadline_is_default or row.deadline_assigned) and finding.deadline is not None


def _closed_before_found(row: HazardRow, finding: Finding) -> bool:
    """The row's 销号时间 is before the problem was found: no closure of the problem — the
    inspectors found it still there (a department's own hazard closed before they came
    too: counted 已清零 by a closing the inspection belied, clerk trial 69)."""
    return bool(row.closed_on and finding.found_on and row.closed_on < finding.found_on)


def _found_first(row: HazardRow, finding: Finding, sent: date | None = None) -> bool:
    """The row is the department's own finding (来源 自查), checked — or, its 检查时间
    blank, sent (`sent`) — before the inspection found the problem: it answers the problem
    and stays the self-check's. (Taken for the inspection's, a hazard 安全保卫处 had reported
    on 12月14日 came out 自查未发现 when the 省级督查 of 12月19日 was listed, and the
    department was blamed: clerk trials 68 and 69.)"""
    day = row.checked_on or sent
    return (
        row.source in ("", SELF_CHECK)
        and day is not None
        and finding.found_on is not None
        and day < finding.found_on
    )


def _pushes_back(row: HazardRow, finding: Finding) -> bool:
    """The department typed a 整改时限 later than the one the problem sets."""
    if row.deadline_is_default or row.deadline_assigned:
        return False
    return (
        row.deadline is not None
        and finding.deadline is not None
        and (row.deadline > finding.deadline)
    )


def as_answers(findings: Sequence[Finding], hazards: Sequence[HazardRow]) -> list[HazardRow]:
    """`hazards` read back from a register, with a list given now: each row carrying the
    编号 of one of its problems (and of the problem's department) made its answer as
    `assign` makes it, so that the overdue lists judge the row by the problem's 整改时限
    as the 交办问题 parts do. (A row recognised by its content kept the 编号 it was
    given; rows are not matched by content again, nor problems said again.)"""
    by_number = {number_key(f.number): f for f in findings}
    result = []
    for row in hazards:
        finding = by_number.get(number_key(row.number)) if row.number else None
        if finding is not None and row.department in finding.departments:
            row = _answering(row, finding)
        result.append(row)
    return result


def excuse_inspection_deadlines(
    problems: list[Problem], hazards: list[HazardRow], findings: Sequence[Finding]
) -> tuple[list[Problem], list[HazardRow]]:
    """Without 整改时限早于检查时间 on the rows answering an assigned problem: the problem
    was found by the inspection (its 发现时间, checked against its 整改时限 in the list),
    the department's own check may well come after its 整改时限, and the issued form locks
    that cell (the list may have moved the date since); nor 未填检查时间 on an inspection's
    row (`_answering` gave it the problem's 发现时间). The problems, and the hazards with
    their error counts mended."""
    numbers = {number_key(f.number): f.departments for f in findings}
    answers = [
        h for h in hazards if h.number and h.department in numbers.get(number_key(h.number), ())
    ]
    inspections = {h.at for h in answers}
    # nor 未填检查时间 on the inspection's own row: its day is the problem's 发现时间
    dated = {h.at for h in answers if h.source != SELF_CHECK}
    problems = [p for p in problems if not (p.code is Code.MISSING_CHECKED_ON and p.at in dated)]
    # nor 日期不合常理 of the 检查时间 the form prefilled from the list: a problem of last year
    # carried over keeps its 发现时间, and the department could not mend it (clerk trial 143)
    found = {number_key(f.number): f.found_on for f in findings}
    prefilled = {
        h.at
        for h in answers
        if h.checked_on is not None and h.checked_on == found.get(number_key(h.number))
    }
    problems, hazards = _without(problems, hazards, Code.IMPLAUSIBLE_DATE, prefilled, "检查时间")
    return without_deadline_errors(problems, hazards, inspections)


def excuse_belied_reviews(
    problems: list[Problem],
    hazards: Sequence[HazardRow],
    findings: Sequence[Finding],
    undone: Sequence[tuple[Problem, tuple[str, str, int], date | None]],
) -> list[Problem]:
    """`problems` without those saying a 合格 no longer holds (`Reviewed.undone`: the
    hazard's row (`HazardRow.at`), the 销号时间 the 合格 passed) of a hazard a later inspection
    found still there after that closing: the department reopened it, or rectified it
    again, as its follow-up form asked (warned as if it had gone back on a sound review,
    and told to change it back: clerk trial 115). Its 复查意见 still says it waits for a
    new review."""
    found: dict[tuple[str, str], list[date]] = {}
    for finding in findings:
        for department in finding.departments:
            if finding.found_on is not None:
                key = (number_key(finding.number), department)
                found.setdefault(key, []).append(finding.found_on)
    rows = {h.at: h for h in hazards if h.number}
    moot = {
        id(told)
        for told, where, closed_on in undone
        for row in [rows.get(where)]
        if row is not None
        and closed_on is not None
        and any(closed_on < day for day in found.get((number_key(row.number), row.department), ()))
    }
    return [p for p in problems if id(p) not in moot]


def without_deadline_errors(
    problems: Sequence[Problem], hazards: Sequence[HazardRow], rows: set[tuple[str, str, int]]
) -> tuple[list[Problem], list[HazardRow]]:
    """`problems` without the 整改时限早于检查时间 of the `rows` (file, sheet, row), and
    `hazards` with their error counts mended."""
    return _without(problems, hazards, Code.DEADLINE_BEFORE_CHECKED, rows)


def _without(
    problems: Sequence[Problem],
    hazards: Sequence[HazardRow],
    code: Code,
    rows: Collection[tuple[str, str, int]],
    field: str = "",
) -> tuple[list[Problem], list[HazardRow]]:
    """`problems` without those of `code` (about `field`, when given) on the `rows` (file,
    sheet, row), and `hazards` with their error counts mended."""
    excused = {
        id(p): p.at
        for p in problems
        if p.code is code and p.at in rows and (not field or p.field == field)
    }
    if not excused:
        return list(problems), list(hazards)
    mended = Counter(excused.values())
    kept = [p for p in problems if id(p) not in excused]
    return kept, [
        h._replace(errors=h.errors - mended[h.at]) if h.at in mended else h for h in hazards
    ]


def restate_deadlines(problems: list[Problem], hazards: Sequence[HazardRow]) -> list[Problem]:
    """`problems` with the 未填整改时限 of each row that took its assigned problem's 整改时限
    (`_answering`, in `hazards` as `assign` gave them) saying that date, not the campaign's
    default the reader put in it."""
    taken = {h.at: h for h in hazards if h.deadline_assigned}
    if not taken:
        return problems
    said: list[Problem] = []
    for p in problems:
        row = taken.get(p.at) if p.code is Code.MISSING_DEADLINE else None
        if row is not None:
            p = said_again(p, "assigned", number=row.number, deadline=row.deadline)
        said.append(p)
    return said


_BY_CONTENT = "按部位和问题描述"
_BY_HAND = "按追责核查中核对确认的“对应自查”"


def _named(
    finding: Finding,
    rows: Sequence[HazardRow],
    candidates: Iterable[int],
    linked: Mapping[str, str],
) -> int | None:
    """The department's row (without a usable 编号) the clerk's 对应自查 named as this
    problem (`linked`), if it is among `candidates`."""
    hazard = linked.get(number_key(finding.number))
    if hazard is None:
        return None
    return next((i for i in candidates if rows[i].hazard_id == hazard), None)


def _by_content(
    finding: Finding, rows: Sequence[HazardRow], candidates: Iterable[int]
) -> int | None:
    """The department's row (without a usable 编号) that states this problem, if one does
    clearly: the best at or above the matcher's MATCH score."""
    best, best_score = None, MATCH
    for index in candidates:
        row = rows[index]
        if row.source and row.source != SELF_CHECK and row.source != finding.source:
            continue
        value = score(finding.location, finding.description, row.location, row.hazard)
        if value >= best_score:
            best, best_score = index, value
    return best


def _reworked_under(finding: Finding, rows: Sequence[HazardRow]) -> HazardRow | None:
    """The row of the form answering another problem (its 编号) as not done, described as
    `finding` is (MATCH): the earlier problem's answer reopened for `finding`, the same
    problem listed again because an inspection found it still there."""
    key = number_key(finding.number)
    return next(
        (
            row
            for row in rows
            if row.number
            and number_key(row.number) != key
            and row.progress != DONE
            and score(finding.location, finding.description, row.location, row.hazard) >= MATCH
        ),
        None,
    )


def _like_an_answer(
    finding: Finding, rows: Sequence[HazardRow], candidates: Iterable[int]
) -> HazardRow | None:
    """The department's row without a 编号 that may be its answer to `finding`, not said
    clearly enough to be taken (`_by_content`): one of its 问题来源, else one described
    alike (CANDIDATE). A department typing its answer in a blank row in its own words was
    told only that it had not answered (clerk trial 102)."""
    best, best_score = None, -1.0
    for index in candidates:
        row = rows[index]
        value = score(finding.location, finding.description, row.location, row.hazard)
        if (row.source == finding.source or value >= CANDIDATE) and value > best_score:
            best, best_score = row, value
    return best


def _given_back_on(spans: Sequence[tuple[date, date | None]]) -> date | None:
    """The day the list last gave a part back (`spans`: its `away_spans`), if it is its
    department's now."""
    return spans[-1][1] if spans else None


def parts(
    findings: Iterable[Finding],
    hazards: Iterable[HazardRow],
    as_of: date,
    assigned_on: Mapping[str, date | None] | None = None,
    away: Mapping[str, Sequence[tuple[date, date | None]]] | None = None,
) -> list[Part]:
    """Every (problem, responsible department) with its answer and state as of `as_of`
    (a part reported 已完成 that owes its 复查验收 is 待复查); `assigned_on`: the day each
    part was given, when after the forms were issued (one not answered, given after its
    整改时限, is overdue from then); `away`: when the list had taken each part from its
    department (`Part.given_back`)."""
    away = away or {}
    answers: dict[tuple[str, str], list[HazardRow]] = {}
    for row in hazards:
        if row.number:
            answers.setdefault((number_key(row.number), row.department), []).append(row)
    result: list[Part] = []
    for finding in findings:
        for department in finding.departments:
            # of a problem a department answered in several rows (part done, part not), the
            # least advanced: the first was taken, and a problem half open was 已清零 while
            # its other row was overdue (clerk trial 130); of rows alike, the latest
            answer = min(
                answers.get((number_key(finding.number), department), []),
                key=lambda row: _lagging(row, as_of),
                default=None,
            )
            if answer is None:  # 未反馈, and overdue too once the problem's 整改时限 has passed
                given = given_day(assigned_on, finding.number, department)
                due = due_day(finding.deadline, given)
                late = (as_of - due).days if due else 0
                result.append(
                    Part(
                        number=finding.number,
                        department=department,
                        source=finding.source,
                        what=finding.where,
                        deadline=finding.deadline,
                        days_overdue=max(late, 0),
                        days_late=max(late, 0),
                        given_on=given if due != finding.deadline else None,
                        given_back=_given_back_on(
                            away.get(part_key(finding.number, department), ())
                        ),
                    )
                )
                continue
            state, days = _state(answer, as_of)
            result.append(
                Part(
                    number=finding.number,
                    department=department,
                    source=finding.source,
                    what=finding.where,
                    answered=True,
                    progress=answer.progress or answer.progress_text,
                    progress_text=answer.progress_text,
                    measures=answer.measures,
                    remarks=answer.remarks,
                    owner=answer.owner,
                    deadline=answer.deadline,
                    closed_on=answer.closing_day,
                    file=answer.vanished_from or answer.source_file,
                    row=answer.source_row,
                    state=state,
                    days_overdue=days,
                    days_late=answer.days_late(as_of),
                    review=answer.review,
                    reviewer=answer.reviewer,
                    reviewed_on=answer.reviewed_on,
                    review_note=answer.review_note,
                    closing_flaw=answer.closing_flaw,
                    given_on=answer.due_from,
                    given_back=_given_back_on(away.get(part_key(finding.number, department), ())),
                )
            )
    return result


def _lagging(row: HazardRow, as_of: date) -> tuple[int, int, int]:
    """Orders a department's rows answering one problem, the one its part is judged by first:
    the least advanced state, then the most days overdue, then the last closed (cleared
    11 days late, the part read as cleared in time, by the row closed first: trial 131)."""
    state, days = _state(row, as_of)
    closed = row.closed_on.toordinal() if row.closed_on is not None else 0
    return STATE_ORDER.index(state), -days, -closed


def _state(row: HazardRow, as_of: date) -> tuple[PartState, int]:
    if row.closed:
        return PartState.CLOSED, 0
    if row.unreviewed:
        return PartState.UNREVIEWED, 0
    overdue = row.days_overdue(as_of)
    return (PartState.OVERDUE, overdue) if overdue > 0 else (PartState.OPEN, 0)


def by_source(
    findings: Sequence[Finding], all_parts: Sequence[Part], sources: Sequence[str]
) -> list[SourceSummary]:
    """Per source, the problems as far as their least advanced part (未分配 ones apart)."""
    worst: dict[str, PartState] = {}
    for part in all_parts:
        state = worst.get(part.number)
        if state is None or STATE_ORDER.index(part.state) < STATE_ORDER.index(state):
            worst[part.number] = part.state
    order = list(dict.fromkeys([*sources, *(f.source for f in findings)]))
    summaries = []
    for source in order:
        states = [worst[f.number] for f in findings if f.source == source and f.number in worst]
        if not states:
            continue
        closed = states.count(PartState.CLOSED)
        summaries.append(
            SourceSummary(
                source=source,
                assigned=len(states),
                closed=closed,
                open=states.count(PartState.OPEN),
                overdue=states.count(PartState.OVERDUE),
                unanswered=states.count(PartState.UNANSWERED),
                unreviewed=states.count(PartState.UNREVIEWED),
                clearance_rate=closed / len(states),  # rounded where shown
            )
        )
    return summaries
