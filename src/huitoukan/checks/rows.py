"""Turning the cells of one form row into a `HazardRow`, and the problems found on the way.

Every check of SPEC 5 that concerns a single row lives here. A row with problems
is still returned: nothing a department reported is dropped, it is marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from huitoukan.campaign import SELF_CHECK, Campaign
from huitoukan.cells import DIGITS_KEPT, cell_ref, sheet_named
from huitoukan.dates import DateNotUnderstood, by_day, parse_date, term_deadline, typed_as_number
from huitoukan.forms.layout import COLUMN_BY_FIELD, DATE_FIELDS
from huitoukan.forms.listing import hazards_in
from huitoukan.forms.progress import normalize_progress
from huitoukan.model.documents import EARLIER_CAMPAIGN_DAYS
from huitoukan.model.findings import number_key
from huitoukan.model.problems import (
    NOT_A_DATE,
    Code,
    Problem,
    Severity,
    count,
    date_example,
    problem,
)
from huitoukan.model.returns import DONE, HazardRow, Progress, marked_long_standing
from huitoukan.text import fingerprint, normalize_key

_SELF_CHECKED = re.compile("自查|自检")
"""A 问题来源 that says the department found it itself (自查发现, 部门自查, 自检)."""


@dataclass(slots=True)
class RowCells:
    """The cells of one form row: field → raw value and the text a person sees."""

    row: int
    """1-based row number."""
    values: dict[str, object]
    """Only the fields whose column the row reaches."""
    texts: dict[str, str]
    """`cell_text` of each value."""
    columns: dict[str, int]
    """Field → 0-based column, for the cell reference of a problem (made only then)."""
    extras: list[tuple[str, str]] = field(default_factory=list)
    """(header, text) of columns the form does not know: kept in 备注."""
    keyed: dict[str, str] = field(default_factory=dict)
    """The texts of fields read otherwise than `cell_text` gives them (a date in a column of
    words, as its cell shows it): what the hazard's identity is made of (`HazardRow.keyed_as`)."""

    def text(self, name: str) -> str:
        return self.texts.get(name, "")

    def ref(self, name: str) -> str:
        """The A1 reference of the row's cell in `name`'s column ('' when the form has none)."""
        column = self.columns.get(name)
        return "" if column is None else cell_ref(self.row - 1, column)


_KEYED = ("location", "hazard")
"""The fields a hazard's `HazardRow.key` is made of."""
_BLANK_OF_A_CONTINUATION = frozenset(
    (
        Code.MISSING_MEASURES,
        Code.MISSING_OWNER,
        Code.MISSING_PROGRESS,
        Code.MISSING_CHECKED_ON,
        Code.MISSING_DEADLINE,
    )
)
"""What a row of text alone, read as the rest of the one above, is not told it lacks."""

CELL_TEXT_LIMIT = 32_767
"""Characters an Excel cell holds: longer text is cut in the register (kept whole in the
state record), with a warning naming the cell of the return."""


YEAR = 365
"""Days before the campaign was issued from which a date is implausible (`implausible`)."""


def implausible(day: date, campaign: Campaign, as_of: date, future_too: bool) -> Code | None:
    """Why `day` cannot be right: a year or more before the campaign was issued (the 1900
    dates of Excel serials such as 60 are), or — for a day that has happened — after the
    date the run judges by; None when it is plausible."""
    if day < campaign.info.issued_on - timedelta(days=YEAR):
        return Code.IMPLAUSIBLE_DATE
    if future_too and day > as_of:
        return Code.FUTURE_DATE
    return None


FAR_AHEAD_DAYS = 365
"""A 整改时限 more days than this after the campaign's end (or the day the hazard was found,
when later) is said: a year typed wrong, not a plan."""


def _found_after_default(checked_on: date | None, campaign: Campaign) -> bool:
    """A hazard found after the campaign's default 整改时限 has no default: it would be
    overdue the day it is reported."""
    return checked_on is not None and checked_on > campaign.info.default_deadline


@dataclass
class RowsSeen:
    """What a department's rows stated, over the sheets of its return (a sheet copied, then
    edited: its hazards were counted twice without a word, clerk trial 121)."""

    hazards: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    """(部位, 存在隐患问题) → the sheet and row first stating it."""
    numbered: dict[tuple[str, int], str] = field(default_factory=dict)
    """The sheet and row of each of `hazards` → its 问题编号 (as compared), when it has one."""
    repeated: bool = False
    """Some row states what an earlier row states (`ReturnForm.repeats_wording`)."""
    across: int = 0
    """How many rows state what a row of another sheet states."""
    numbers: dict[str, tuple[str, int]] = field(default_factory=dict)
    """问题编号 (as compared) → the sheet and row first answering it."""


@dataclass
class RowChecker:
    campaign: Campaign
    file: str
    sheet: str
    department: str
    has_deadline_column: bool
    as_of: date
    """The date the run judges by: 检查时间 and 销号时间 after it cannot be right."""
    photos_unseen: bool = False
    """The file holds photos that cannot be read (.xls): a row's photos are unknown, and
    one showing none is not said to lack them (the file is told to be saved as .xlsx)."""
    form_date: date | None = None
    """The form's 日期 (None when missing or not possible): the day it was sent."""
    missing_columns: frozenset[str] = frozenset()
    """Fields of the form's columns the table lacks (`MISSING_COLUMN`, said once): no
    row is told to fill in a cell it does not have."""
    problems: list[Problem] = field(default_factory=list)
    seen: RowsSeen = field(default_factory=lambda: RowsSeen())
    """The department's rows checked before, on this sheet and the return's others."""
    _id_name: str = ""
    """`HazardRow.id_name` of the department's rows (its former name, when renamed)."""
    _shortened: dict[str, str] = field(default_factory=dict)
    """The drop-down's 检查内容 cut short (…) → the whole item (`_item_whole`)."""

    def __post_init__(self) -> None:
        unit = self.campaign.named_unit(self.department)
        if unit is not None and unit.name == self.department and unit.formerly:
            self._id_name = unit.formerly[0]  # its name when the campaign began

    def _item_whole(self, text: str) -> str:
        """检查内容 as the drop-down offered it, cut short (消防安全-1 人员密集场所消防设施设备…),
        given whole: the register and --json kept the “…” (clerk trial 80)."""
        if not text.endswith("…"):
            return text
        whole = self._shortened.get(text)
        if whole is None:
            items = {i.short: f"{i.label} {i.content}" for i in self.campaign.checklist}
            self._shortened = {short: w for short, w in items.items() if short.endswith("…")}
            whole = self._shortened.get(text)
        return whole or text

    def problem(
        self, code: Code, cells: RowCells, name: str, variant: str = "", **params: object
    ) -> None:
        if name in self.missing_columns:
            return
        self.problems.append(
            problem(
                code,
                self.file,
                sheet=self.sheet,
                cell=cells.ref(name),
                row=cells.row,
                field=COLUMN_BY_FIELD[name].header,
                value=cells.text(name),
                department=self.department,
                variant=variant,
                **params,
            )
        )

    def _term_deadline(
        self, cells: RowCells, dates: dict[str, date | None], unreadable: set[str]
    ) -> None:
        """A 整改时限 written as a day with 前 (12月15日前) made that day; one written as a
        term (一周内, 立即, 本月底前) the date it gives, counted from the 检查时间, else the
        form's 日期 (each was an error, and the campaign's default date was tracked: clerk
        trial 60), said unless the hazard is reported done by that date (closed after it, it
        counts as 逾期完成 on a date the department never wrote: clerk trial 83)."""
        typed = cells.values.get("deadline")
        day = by_day(typed, self.campaign.info.issued_on)  # 12月15日前: that day, as written
        if day is not None:
            dates["deadline"] = day
            unreadable.discard("deadline")
            return
        start, since = dates["checked_on"], "检查时间"
        if start is None:
            start, since = self.form_date, "表头日期"
        day = term_deadline(typed, start) if start else None
        if day is None:
            return
        dates["deadline"] = day
        unreadable.discard("deadline")
        closed = dates.get("closed_on")
        late = closed is not None and closed > day
        done = normalize_progress(cells.text("progress")) == DONE and "closed_on" not in unreadable
        if done and not late:
            return
        self.problem(
            Code.DEADLINE_AS_TERM,
            cells,
            "deadline",
            variant="late" if late else "",
            since=since,
            start=start,
            day=day,
            closed=closed,
        )

    def hazard(
        self,
        cells: RowCells,
        first: int | None = None,
        photos: tuple[str, ...] = (),
        continued: bool = False,
    ) -> HazardRow:
        """The row's hazard (with the `photos` pasted into the row); its problem counts
        include those added since index `first`. A row `continued` from the one above (its
        text alone: `continued-row`) is not told of each cell it leaves blank (six errors came
        with the advice to merge it, and remind asked the department to fill them in: clerk
        trial 235 CI5)."""
        first = len(self.problems) if first is None else first
        dates: dict[str, date | None] = {}
        unreadable: set[str] = set()
        for name in DATE_FIELDS:
            try:
                dates[name] = parse_date(cells.values.get(name), self.campaign.info.issued_on)
            except DateNotUnderstood:
                dates[name] = None
                unreadable.add(name)
        if "deadline" in unreadable:  # 一周内, 立即: counted from the day it was found
            self._term_deadline(cells, dates, unreadable)
        for name in DATE_FIELDS:
            header = COLUMN_BY_FIELD[name].header
            day = dates[name]
            if name in unreadable:
                defaulted = name == "deadline" and not _found_after_default(
                    dates["checked_on"], self.campaign
                )  # said, or the hazard is chased against a date nobody wrote
                term = "long_term" if "长期" in cells.text(name) else "deadline"
                # 12.10 typed in a date cell: the number 12.1, shown as a day of 1900 (quoted
                # as “12.1” alone, the department saw neither: clerk trial 184 AJ5)
                number = typed_as_number(cells.values.get(name))
                self.problem(
                    Code.BAD_DATE,
                    cells,
                    name,
                    (f"{term}_number" if number and term == "deadline" else term)
                    if defaulted
                    else "number"
                    if number
                    else "",
                    header=header,
                    default=self.campaign.info.default_deadline,
                    **date_example(self.campaign.info.issued_on),
                )
            elif day is not None:
                why = implausible(day, self.campaign, self.as_of, name != "deadline")
                if why is not None:
                    variant = name if why is Code.FUTURE_DATE and name == "closed_on" else ""
                    self.problem(
                        why, cells, name, variant, header=header, day=day, as_of=self.as_of
                    )
        for name, text in cells.texts.items():
            if len(text) > CELL_TEXT_LIMIT:
                self.problem(Code.TEXT_TOO_LONG, cells, name, length=len(text))
            elif (
                type(value := cells.values.get(name)) is float
                and abs(value) >= DIGITS_KEPT
                and name not in DATE_FIELDS
            ):
                # an 18-digit ID typed as a number: shown in the register as the suites show
                # it, with no word that its last digits were gone (clerk trial 78)
                self.problem(Code.DIGITS_LOST, cells, name)
        progress_text = cells.text("progress")
        progress = normalize_progress(progress_text)
        deadline = dates["deadline"]
        deadline_is_default = deadline is None
        if deadline is None and not _found_after_default(dates["checked_on"], self.campaign):
            deadline = self.campaign.info.default_deadline
        self._check(cells, progress, progress_text, dates)
        closed_on, checked_on = dates["closed_on"], dates["checked_on"]
        flaw = ""
        if progress == DONE and closed_on is None:
            flaw = "无法识别" if "closed_on" in unreadable else "未填写"
        if closed_on and checked_on and closed_on < checked_on:
            flaw = "早于检查时间"
            # closed before it was found: one of the two is wrong (CLOSED_BEFORE_CHECKED), and
            # the register counted it 已销号 all the same (clerk trial 42) — it is not closed
            # until the department says when it was (as a 销号时间 that cannot be read)
            closed_on = None
        if closed_on and closed_on > self.as_of:
            flaw = "晚于统计日期"
            # nor is one closed on a day still to come (11/24 typed in 2024, stored as 2026:
            # 待复查 and 逾期 724 days in the register, on the 复查验收表, counted done late in
            # the report: clerk trial 65) — open until that day, said (FUTURE_DATE)
            closed_on = None
        if (
            progress == DONE
            and not photos
            and self.campaign.info.require_photo
            and not self.photos_unseen
        ):
            self.problem(Code.MISSING_PHOTO, cells, "progress")
        self._check_repeated(cells)
        self._check_source(cells)
        remarks = cells.text("remarks")
        if cells.extras:
            extra = "；".join(f"{header}：{text}" for header, text in cells.extras)
            remarks = f"{remarks}；{extra}" if remarks else extra
        if continued:
            self.problems[first:] = [
                p for p in self.problems[first:] if p.code not in _BLANK_OF_A_CONTINUATION
            ]
        mine = self.problems[first:]
        return HazardRow(
            department=self.department,
            seq=cells.text("seq"),
            location=cells.text("location"),
            item=self._item_whole(cells.text("item")),
            hazard=cells.text("hazard"),
            measures=cells.text("measures"),
            deadline=deadline,
            deadline_is_default=deadline_is_default,
            progress=progress,
            progress_text=progress_text,
            owner=cells.text("owner"),
            checked_on=checked_on,
            closed_on=closed_on,
            remarks=remarks,
            source_file=self.file,
            source_sheet=self.sheet,
            source_row=cells.row,
            errors=count(mine, Severity.ERROR) if mine else 0,
            warnings=count(mine, Severity.WARNING) if mine else 0,
            number=cells.text("number"),
            # what a department found itself is 自查, whether its form had the column or not
            source=self._source(cells) or ("" if cells.text("number") else SELF_CHECK),
            photos=photos,
            before_photos=photos if progress != DONE else (),
            id_name=self._id_name,
            closing_flaw=flaw if progress == DONE else "",
            errors_said=tuple(
                dict.fromkeys(
                    (p.field, _said_short(p)) for p in mine if p.severity is Severity.ERROR
                )
            ),
            keyed_as=(
                "|".join(fingerprint(cells.keyed.get(f, cells.text(f))) for f in _KEYED)
                if cells.keyed.keys() & set(_KEYED)
                else ""
            ),
        )

    def _source(self, cells: RowCells) -> str:
        """The row's 问题来源, by the campaign's name for it when typed as one of its other
        names (省督查 → 省级督查: an answer without its number so sourced was not matched to
        its problem, and was counted the department's own: clerk trial 102) or as a title
        names one (市教育局抽查, 省督查（第六轮）: clerk trial 103)."""
        found = self.campaign.named_source(cells.text("source"))
        return found.name if found is not None else cells.text("source")

    def _check_source(self, cells: RowCells) -> None:
        """A 问题来源 typed that is none of the campaign's (区教育局检查): kept as typed, and
        read by the 追责核查 as the school's own (`levels.get(source, "学校")`) without a word
        (noticed in session 22). An assigned problem's row takes its list's."""
        source = cells.text("source")
        if not source or cells.text("number") or self.campaign.named_source(source) is not None:
            return
        if _SELF_CHECKED.search(normalize_key(source)):  # 自查发现, 部门自查, 自检
            return
        known = "、".join([SELF_CHECK, *(s.name for s in self.campaign.sources)])
        self.problem(Code.UNKNOWN_SOURCE, cells, "source", known=known)

    def _check_repeated(self, cells: RowCells) -> None:
        """A row stating a hazard an earlier row of the form states (pasted twice), or
        answering a 问题编号 an earlier row answers: both are counted, so say so."""
        here = (self.sheet, cells.row)
        hazard = cells.text("hazard")
        number = cells.text("number")
        if hazard:
            first = self.seen.hazards.setdefault((cells.text("location"), hazard), here)
            if number:
                self.seen.numbered.setdefault(here, number_key(number))
            if first != here:
                self.seen.repeated = True
                # two assigned problems stated alike (the list holds one problem twice, as
                # two inspections found it): not pasted twice by the department, which was
                # told to delete a row the form came with, locked (clerk trial 122)
                theirs = self.seen.numbered.get(first)
                if not (number and theirs and theirs != number_key(number)):
                    self.seen.across += first[0] != self.sheet
                    at = sheet_named(first[0], self.sheet)
                    self.problem(
                        Code.REPEATED_HAZARD, cells, "hazard", first_at=at, first_row=first[1]
                    )
                    return
        if number:
            first = self.seen.numbers.setdefault(number_key(number), here)
            if first != here:
                at = sheet_named(first[0], self.sheet)
                self.problem(Code.REPEATED_ANSWER, cells, "number", first_at=at, first_row=first[1])

    def _check(
        self,
        cells: RowCells,
        progress: Progress | None,
        progress_text: str,
        dates: dict[str, date | None],
    ) -> None:
        if not cells.text("hazard"):
            variant = "" if cells.text("location") else "empty"
            self.problem(Code.MISSING_HAZARD, cells, "hazard", variant)
        elif not cells.text("number") and (items := hazards_in(cells.text("hazard"))) > 1:
            # an assigned problem's 问题描述 is the inspectors' (one 问题编号, however listed)
            self.problem(Code.SEVERAL_HAZARDS, cells, "hazard", count=items)
        if not cells.text("measures"):
            self.problem(Code.MISSING_MEASURES, cells, "measures")
        if not cells.text("owner"):
            self.problem(Code.MISSING_OWNER, cells, "owner")
        if not progress_text:
            self.problem(Code.MISSING_PROGRESS, cells, "progress")
        elif progress is None:
            self.problem(Code.BAD_PROGRESS, cells, "progress")
        checked, closed, deadline = dates["checked_on"], dates["closed_on"], dates["deadline"]
        if not cells.text("checked_on"):
            self.problem(Code.MISSING_CHECKED_ON, cells, "checked_on")
        if closed and progress is not None and progress != DONE:
            typed = " ".join(progress_text.split())
            self.problem(
                Code.CLOSED_NOT_DONE,
                cells,
                "closed_on",
                variant="" if typed == progress else "typed",
                progress=progress,
                typed=typed,
            )
        if progress == DONE and closed is None and not cells.text("closed_on"):
            self.problem(Code.DONE_WITHOUT_CLOSED_ON, cells, "closed_on")
        if closed and checked and closed < checked:
            self.problem(
                Code.CLOSED_BEFORE_CHECKED, cells, "closed_on", closed=closed, checked=checked
            )
        if closed and self.form_date and self.form_date < closed <= self.as_of:  # (after it:
            # FUTURE_DATE says so)
            self.problem(
                Code.CLOSED_AFTER_FORM_DATE, cells, "closed_on", closed=closed, sent=self.form_date
            )
        if checked and self.form_date and self.form_date < checked <= self.as_of:  # (after
            # it: FUTURE_DATE) a version sent before an inspection, its 检查时间 typed after
            # it, read as found after the inspection, without a word (clerk trial 73)
            self.problem(
                Code.CHECKED_AFTER_FORM_DATE,
                cells,
                "checked_on",
                checked=checked,
                sent=self.form_date,
            )
        if deadline and checked and deadline < checked:
            self.problem(
                Code.DEADLINE_BEFORE_CHECKED, cells, "deadline", deadline=deadline, checked=checked
            )
        issued = self.campaign.info.issued_on
        if deadline and deadline < issued and not checked and not cells.text("number"):
            # found in this campaign (no earlier 检查时间 says otherwise): a year typed wrong
            self.problem(
                Code.DEADLINE_BEFORE_ISSUE, cells, "deadline", deadline=deadline, issued=issued
            )
        if (
            closed
            and not cells.text("number")
            and closed < issued - timedelta(days=YEAR - EARLIER_CAMPAIGN_DAYS)
            and not implausible(closed, self.campaign, self.as_of, future_too=False)
            and not (checked and closed < checked)  # (said: closed-before-checked)
        ):  # a hazard of this self-check closed about a year before the campaign began: a
            # year typed wrong, or last year's follow-up form filled in (trial 211 BK14) —
            # not one checked and closed in the summer, its dates of a piece (trial 219 BS6)
            self.problem(Code.CLOSED_BEFORE_ISSUE, cells, "closed_on", closed=closed, issued=issued)
        ends = max(self.campaign.info.ends_on, checked or issued)
        if deadline and deadline > ends + timedelta(days=FAR_AHEAD_DAYS):
            # a year typed wrong the other way: off every overdue list for a year (clerk
            # trial 124, 12/18 read as 2026年12月18日 in a campaign of 2024)
            marked = any(
                marked_long_standing(cells.text(f), long_term=True) for f in ("remarks", "measures")
            )
            self.problem(
                Code.DEADLINE_FAR_AHEAD,
                cells,
                "deadline",
                "marked" if marked else "",
                deadline=deadline,
                ends=ends,
            )
        if self.has_deadline_column and not cells.text("deadline"):
            self.problem(
                Code.MISSING_DEADLINE,
                cells,
                "deadline",
                "found_later" if _found_after_default(checked, self.campaign) else "",
                default=self.campaign.info.default_deadline,
            )


def _said_short(problem: Problem) -> str:
    """A few words of a row's error, for the notice that asks for it (`errors_said`): a
    date that cannot be read, or one that is no date at all, with what to write instead
    (“长期” read “（整改时限无法识别）” in the notice, what to do said to the clerk alone:
    clerk trial 177 AD7)."""
    if problem.code is not Code.BAD_DATE:
        return problem.title
    if problem.variant == "long_term":
        return (
            f"{problem.field}{NOT_A_DATE}，请填写计划完成的日期，并在备注中注明“历史遗留”、写明整改"
            "完成前的防范措施"
        )
    return f"{problem.field}无法识别"
