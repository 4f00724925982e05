"""Deciding what is overdue, due soon, not returned, and how far each department has got.

Used alike by the register's 汇总 sheet and by `huitoukan status`, from a fresh
collection or from a register read back, so both always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from pydantic import BaseModel, computed_field

from huitoukan.campaign import Campaign
from huitoukan.findings import answers
from huitoukan.model.findings import (
    Finding,
    Part,
    PartState,
    SourceSummary,
    given_mark,
    number_key,
)
from huitoukan.model.problems import NOT_A_DATE
from huitoukan.model.returns import (
    ANOTHER_CAMPAIGN,
    DONE,
    FAILED,
    PASSED,
    HazardRow,
    named_as,
    pictures_lost,
)
from huitoukan.register.crosschecks import UNCONFIRMED, CheckedList
from huitoukan.register.rounds import IssuedRound

SHORT_TEXT = 100
"""How many characters of a hazard's 部位 and 存在隐患问题 the screen and the letters show."""


@dataclass(slots=True)
class HazardView:
    """One hazard as status lists it. A plain dataclass (pydantic serialises it like a
    model): status may list tens of thousands, and building models cost half its time."""

    department: str
    location: str
    item: str
    hazard: str
    measures: str
    owner: str
    deadline: date | None
    deadline_is_default: bool
    progress: str | None
    checked_on: date | None
    closed_on: date | None
    remarks: str
    state: str
    days_overdue: int
    days_left: int | None
    long_standing: bool
    vanished: bool
    source: str
    review: str = ""
    review_note: str = ""
    photos: int = 0
    """Photos pasted into the hazard's rows (kept beside the register)."""
    number: str = ""
    """问题编号: the assigned problem the hazard answers ('' for what a department found)."""
    photos_unread: str = ""
    """Why a picture pasted into its row could not be read ('' when none was lost)."""
    photo_hint: str = ""
    """Where a photo sent for it may be instead (`HazardRow.photo_hint`)."""

    @property
    def photos_lost(self) -> bool:
        """Pictures were pasted into its row and could not be read (`pictures_lost`)."""
        return pictures_lost(self.photos_unread, self.photo_hint)

    @property
    def photo_lacking(self) -> str:
        """How it lacks a photo of its own rectification, in the words lists give it
        (“未附整改后照片” was said of hazards showing a photo shared with another, which the
        report's pages printed: clerk trial 229 CC5)."""
        if self.photos_lost:
            return "所附照片未能读取（如 .xls 格式）"
        if self.photos and self.photos_before_only:
            return "所附照片都是整改前的"
        if self.photos and self.photos_of_others:
            return "所附照片与其他隐患共用一张、不是本项自己的整改照片"
        return "未附整改后照片"

    put_off_from: date | None = None
    """The 整改时限 it had before its department put it off without saying why."""
    put_off_late: int = 0
    """The days its 整改时限 had passed when a version put it off (0: never so): with a
    reason written, it left every list, its days overdue unsaid (clerk trial 140)."""
    put_off_passed: date | None = None
    """The 整改时限 that had passed when a version put it off (`put_off_late`): with a reason
    written, the screen said to what day only (clerk trial 142)."""
    hazard_id: str = ""
    """隐患编号: how the register, the 复查验收表 and the 追责核查's 对应自查 name it (a script
    reading --json had no way to: clerk trial 62)."""
    closing_flaw: str = ""
    """Why it is 已完成 without a usable 销号时间 (`HazardRow.closing_flaw`; '' otherwise)."""
    errors: int = 0
    """The errors its row of the department's return has (a required cell left blank, a
    date that cannot be read): its 退回修改 copy marks them."""
    errors_said: tuple[tuple[str, str], ...] = ()
    """What they are, by column (`HazardRow.errors_said`)."""
    photos_before_only: bool = False
    """Its photos were all sent while it was open (整改前): none shows it done."""
    photos_of_others: str = ""
    """Reported 已完成, its photos all first sent by this other department
    (`HazardRow.photos_of_others`)."""
    days_late: int = 0
    """逾期天数 as the register shows it: of one completed after its 整改时限 too, the days
    it was late (`days_overdue` counts the days an open one is past it: 0 beside the
    register's 3 for one done three days late read as two answers: clerk trial 75)."""
    given_on: date | None = None
    """The day its department was given the problem it answers, when its 整改时限 had passed
    by then: its days overdue and late count from that day (`HazardRow.due_from`)."""
    given_is_back: bool = False
    """`given_on` is the day the list gave the problem back (`HazardRow.given_back`)."""
    sent_as: str = ""
    """The 问题编号 it was sent as, when the list does not give that problem to its
    department (`HazardRow.answered_as`: moved to another, withdrawn, typed wrong)."""

    @property
    def default_mark(self) -> str:
        """Said after its 整改时限 when the campaign's default stands in for one its row left
        blank or unreadable (2024年6月底, 长期 printed as 12月31日 in the report, and the
        department told it was 逾期 by it: clerk trial 118). One typed but no date (长期,
        待定) is said so: “未填或无法识别” read as the department's omission on the 历史遗留
        list (clerk trial 185 AK12)."""
        if not self.deadline_is_default:
            return ""
        if any(f == "整改时限" and s.startswith(f"{f}{NOT_A_DATE}") for f, s in self.errors_said):
            return "（表中填的不是日期，按活动默认）"
        return "（表中未填或无法识别，按活动默认）"

    @property
    def given_mark(self) -> str:
        """Said after its 整改时限 when its department was given the problem after that day
        (`given_on`): beside “已逾期 2 天” of a 12月15日 deadline on 12月20日, read as a
        miscount."""
        return given_mark(self.given_on, self.given_is_back)

    def named(self, limit: int = SHORT_TEXT) -> str:
        """部位：存在隐患问题 on one line as the screen and the letters name it, cut to `limit`
        characters (…): a 300-character description took 17 lines of the overdue table and
        a paragraph of the 本处待办 (clerk trial 123); the register and the printed pages
        keep it whole."""
        where = f"{self.location}：{self.hazard}" if self.location else self.hazard
        where = "；".join(filter(None, map(str.strip, where.splitlines())))  # (as the letters do)
        return where if len(where) <= limit else f"{where[: limit - 1]}…"

    @property
    def undated(self) -> bool:
        """Reported 已完成 without a 销号时间 that can be read (or can be right): done, only
        not 销号 yet."""
        return self.progress == DONE and self.closed_on is None

    @classmethod
    def of(cls, row: HazardRow, as_of: date, long_standing: bool) -> HazardView:
        lapsed = _put_off_late(row, as_of)
        return cls(
            department=row.department,
            location=row.location,
            item=row.item,
            hazard=row.hazard,
            measures=row.measures,
            owner=row.owner,
            deadline=row.deadline,
            deadline_is_default=row.deadline_is_default,
            progress=row.progress,
            checked_on=row.checked_on,
            closed_on=row.closing_day,
            remarks=row.remarks,
            state=row.state(as_of),
            days_overdue=row.days_overdue(as_of),
            # (failed its review, it is open again: “None天” it read, clerk trial 84)
            days_left=None
            if row.reported_done and row.review != FAILED or row.due is None
            else (row.due - as_of).days,
            long_standing=long_standing,
            vanished=bool(row.vanished_from),
            source=f"{row.vanished_from or row.source_file} {row.source_sheet}!第{row.source_row}行",
            review=row.review,
            review_note=row.review_note,
            photos=len(row.photos),
            number=row.number,
            photos_unread=row.photos_unread,
            photo_hint=row.photo_hint,
            put_off_from=row.put_off_from,
            put_off_late=(lapsed[1] - lapsed[0]).days if lapsed else 0,
            put_off_passed=lapsed[0] if lapsed else None,
            hazard_id=row.hazard_id,
            errors=row.errors,
            errors_said=row.errors_said,
            closing_flaw=row.closing_flaw,
            days_late=row.days_late(as_of),
            photos_before_only=row.before_photos_only,
            photos_of_others=row.photos_of_others,
            given_on=row.due_from,
            given_is_back=row.given_back,
            sent_as=row.answered_as[0] if row.answered_as and not row.number else "",
        )


def _put_off_late(row: HazardRow, as_of: date) -> tuple[date, date, date] | None:
    """(the 整改时限, the day, to what) of a 整改时限 already passed that a version sent by
    `as_of` put off (`HazardRow.put_off_when_passed`)."""
    return row.put_off_when_passed(as_of + timedelta(days=1)) if row.history else None


class DepartmentSummary(BaseModel):
    department: str
    returned: bool
    first_returned_on: date | None
    """日期 of the department's first return: lateness is judged on it."""
    late: bool
    hazards: int
    closed: int
    open: int
    overdue: int
    long_standing: int
    closure_rate: float | None
    """Closed / hazards, 0..1; None for a department with no hazards."""
    unreviewed: int = 0
    """Reported 已完成, awaiting 复查验收 (not closed, not overdue)."""
    known: bool = True
    """A unit of the campaign; False for a name that only a return gave (its hazards are
    kept under it until the return is corrected)."""
    unreadable_file: str = ""
    """Not returned, but a file naming it came that could not be read."""
    unreadable_why: str = ""
    """Why that file could not be read ('' when not known: a register of before)."""
    set_aside_file: str = ""
    """Not returned, but a file named for it came: another department's form filled in,
    set aside to be checked (`merging.refiled`); or, returned, another form of its header
    came that its return shares no hazard with, set aside (`set_aside_header` is its own)."""
    set_aside_header: str = ""
    """The department that form's header names."""
    set_aside_by: str = ""
    """What named `set_aside_header`, the form's header blank (`ReturnForm.department_by`)."""
    set_aside_issued: bool = False
    """That form was issued to this department (its record says so, not its name or folder)."""
    set_aside_issued_to: str = ""
    """The department that form was issued to, its record says, when another than this one
    (its own, set aside beside its return)."""
    counted_file: str = ""
    """Not returned, but a file named for it came, counted as the return of the department
    its header names (`counted_header`), which sent nothing else."""
    counted_header: str = ""
    counted_by: str = ""
    """What named `counted_header`, the form's header blank (`ReturnForm.department_by`)."""
    counted_issued: bool = False
    """That form was issued to this department (its record says so, not its name or folder)."""
    old_form: str = ""
    """Its current return, made on an earlier campaign's form (`Collection.old_forms`)."""
    borrowed_form: str = ""
    """Its current return, another department's issued form with its header typed over, or
    left blank and counted by `borrowed_by` (`Collection.borrowed_forms`): issued to
    `borrowed_from`."""
    borrowed_from: str = ""
    borrowed_by: str = ""
    """What counted `borrowed_form` as this department's, its header blank (文件名, 所在文件夹名
    …: `ReturnForm.department_by`); '' when its header was typed over."""
    form_errors: list[str] = []
    """The errors of its current return off its hazards' rows, by title (未填主要负责人):
    its notice asks for them (`Collection.form_errors`)."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def sent_another_campaigns(self) -> bool:
        """Its file, refused, is another campaign's form (last year's): it could be read
        (in --json too: only `unreadable_why` said it, clerk trial 112)."""
        return ANOTHER_CAMPAIGN in self.unreadable_why

    @property
    def counted_named(self) -> str:
        """How the form counted for another names `counted_header` (`named_as`)."""
        return named_as(self.counted_by, self.counted_header)

    def set_aside_named(self, department: str = "") -> str:
        """How the form set aside names `set_aside_header` (or `department`, as the
        notices call it): “表头“部门（章）”是…”, or what named it, the header blank."""
        return named_as(self.set_aside_by, department or self.set_aside_header)

    @property
    def unreadable_said(self) -> str:
        """What it sent that was not summed up, as the tables say it."""
        return "报来的是其他活动的表格" if self.sent_another_campaigns else "报来的文件无法读取"

    def return_label(self, deadline_passed: bool = True) -> str:
        """已报送 / 逾期报送 / 未报送 — 尚未报送 while the 报送截止 has not passed (部门无法识别
        for a name not in the campaign), as every table shows it."""
        if not self.known:
            return "部门无法识别"
        if not self.returned:
            if self.unreadable_file:
                return (
                    "报送的是其他活动的表格" if self.sent_another_campaigns else "报送文件无法读取"
                )
            if self.set_aside_file:
                return "报送表格待核对"
            return "未报送" if deadline_passed else "尚未报送"
        # (the day of its return not known: not said late on its file's day, trial 235 CI3)
        label = "逾期报送" if self.late else "已报送"
        if self.first_returned_on is None:
            label += "（报送日期待核实）"
        # last year's return re-dated, counted: said where the count is (trial 111)
        return f"{label}（往期表格）" if self.old_form else label


class Totals(BaseModel):
    departments: int
    returned: int
    hazards: int
    closed: int
    open: int
    overdue: int
    closure_rate: float | None
    unreviewed: int = 0
    answers: int = 0
    """Of `hazards`, the rows answering a 交办问题 (its 问题编号, from a check not the
    department's own): the rest its self-check found (a report's 排查隐患 21 项 read as the
    self-check's, 9 of them answers: clerk trial 56)."""
    answered_problems: int = 0
    """The 交办问题 those `answers` answer: fewer when a problem given to several departments
    is answered by each (反馈 9 项 beside 交办问题 8 个 went unexplained: clerk trial 83)."""
    found_first: int = 0
    """The 交办问题 answered only by rows of the departments' own self-check (来源 自查, the
    problem's 问题编号 added): counted in the self-check's finds, not in `answers` (反馈 1 项
    beside 交办问题 3 个, 尚未反馈 1 个, left one unaccounted for: clerk trials 143, 144)."""
    unlisted_answers: int = 0
    """Of `hazards`, rows sent as answers to a check whose 问题编号 the list does not give
    them (not on it, another department's, withdrawn): neither the self-check's finds nor
    answers (counted as found by the self-check, they swelled 自查发现: clerk trial 136)."""
    default_deadlines: int = 0
    """Of the open hazards, those whose 整改时限 is the campaign's default (none given, or
    one that could not be read): what is overdue is counted by it, which the report says
    (only collect's messages and the register's 时限来源 did: clerk trial 235 CI8)."""
    done_late: int = 0
    """Of `hazards`, those reported 已完成 after their 整改时限 (closed, or 待复查): not in
    `overdue` (open ones), though the register shows their 逾期天数 (逾期 3 beside 7 rows
    with days late: clerk trial 56)."""


class RoundStatus(BaseModel):
    """A follow-up round (`issue --followup`) and who has not answered it."""

    form_date: date
    due: date
    departments: list[str]
    not_answered: list[str]
    """Its departments with no return dated on or after the round's 日期 (not those that
    never returned anything: `never_returned`)."""
    never_returned: list[str] = []
    """Its departments that have returned nothing at all: 逾期未报送 (催报) already, and
    not an answer to the round either (said beside it, not counted as answered)."""
    answered_late: dict[str, date] = {}
    """Its departments that answered after its due date → the day their answer was sent."""
    overdue: bool
    """Its due date has passed."""
    resent: dict[str, date] = {}
    """Of `not_answered`, those sent a later round since → its 日期 (the latest): that
    round's form answers this one too, as their notice says (listed under both rounds
    bare, they read as owing two forms: clerk trial 115)."""

    def owing(self) -> list[str]:
        """Who has not answered it, as the screen and the report list them, those that
        returned nothing at all last (listed by name as 逾期未报送 just before: a round of 7
        departments listing 2 read as 5 answered when others never sent anything, clerk
        trial 46)."""
        never = self.never_returned
        sent = [
            f"{d}（已另发{day.month}月{day.day}日的跟进表）" if (day := self.resent.get(d)) else d
            for d in self.not_answered
        ]
        if len(never) > 1:
            return [*sent, f"首轮即未报送的 {len(never)} 个部门"]
        return [*sent, *(f"{d}（首轮即未报送）" for d in never)]


class StatusReport(BaseModel):
    """The stable structure `huitoukan status --json` prints (see README)."""

    school: str
    campaign: str
    returns_due: date
    as_of: date
    return_deadline_passed: bool
    ended_on: date | None = None
    """The campaign's last day (`ends_on`), when `as_of` is after it: what is still open
    then was not cleared within the campaign (status and the report said nothing of it:
    clerk trial 62)."""
    due_within_days: int
    register_behind: list[str] = []
    """The 提示 that the register read is behind its returns or its list (returns put beside
    its returns since, it or the list changed since): what it says lacks them (a program
    reading --json saw only a department 未报送: clerk trial 84). Empty when it is not."""
    returns_not_collected: list[str] = []
    """The files put or changed beside the register's returns since it was written (its
    departments counted without them), as paths: for a program, which the 提示 is not
    (clerk trial 179 AF8)."""
    register_edited: bool = False
    """The register was changed by hand since collect wrote it."""
    list_changed: bool = False
    """The 交办问题清单 was changed since the register was written."""
    departments: list[DepartmentSummary]
    not_returned: list[str]
    overdue: list[HazardView]
    due_soon: list[HazardView]
    long_standing: list[HazardView]
    totals: Totals
    assigned: list[SourceSummary] = []
    """交办问题 by source: 交办, 已销号, 整改中, 逾期, 未反馈, 清零率 (empty without a list)."""
    parts: list[Part] = []
    """Every assigned problem × responsible department, with its state."""
    unassigned: list[str] = []
    """问题编号 of the problems no department could be given (未分配)."""
    unassigned_what: list[str] = []
    """Of each of `unassigned`: its source and 部位：问题描述."""
    review_failed: list[HazardView] = []
    """Hazards whose 复查验收 found them 不合格: back to 整改中."""
    missing_photos: list[HazardView] = []
    """Hazards reported 已完成 without a photo, when the campaign asks for one
    (`require_photo`): their departments are asked to add it."""
    accepted_without_photo: list[HazardView] = []
    """Hazards 已销号 on a 复查合格 without a photo, when the campaign asks for one: the
    review settled them (no department is asked), but the archive lacks the evidence, and
    the report says so (they went unsaid once accepted: clerk trial 75)."""
    put_off: list[HazardView] = []
    """Open hazards whose 整改时限 their department put off without saying why (it is asked:
    `put_off_from`), or after it had passed (`put_off_late`)."""
    done_late: list[HazardView] = []
    """Hazards reported 已完成 after their 整改时限 (逾期完成), the latest first: the report
    counted them without saying which (clerk trial 132)."""
    sent_as_answers: list[HazardView] = []
    """Rows sent as answers to a problem the list does not give their department (`sent_as`):
    summed up as its own, which its notice says (a problem moved to another department
    since: its notice asked for a photo of it, said nothing of the move: clerk trial 139)."""
    undated: list[HazardView] = []
    """Hazards reported 已完成 without a 销号时间 that can be read (or be right): open in
    the register until their department gives one, overdue or not (it is asked for it)."""
    with_errors: list[HazardView] = []
    """Hazards whose row in the department's return has errors, closed or not: its 退回修改
    copy marks them, and remind asks for them to be put right (a return with errors showed
    nowhere but in collect's list: clerk trial 70)."""
    vanished: list[HazardView] = []
    """Open hazards the register holds that the department's newest return no longer lists,
    or whose answer to an assigned problem it emptied: it is asked to put them back (its
    notice said nothing of one not yet overdue: clerk trial 107)."""
    rounds: list[RoundStatus] = []
    """The follow-up rounds issued from the register, oldest first."""
    dues_before: list[date] = []
    """The 报送截止 campaign.toml gave before it moved it to `returns_due`, oldest first."""
    reviews_not_taken: dict[str, list[int]] = {}
    """Each 复查验收表 → its rows whose verdict was not taken for an error
    (`Collection.reviews_not_taken`)."""
    crosschecks: list[CheckedList] = []
    """The crosschecks run against the register (`register.crosschecks`)."""
    found_again: list[str] = []
    """问题编号 of the assigned problems found again since, the problem listed (under the
    inspection's number, or another: `Finding.found_again`)."""

    @property
    def unreadable_senders(self) -> list[str]:
        """The departments of `not_returned` that sent a file which could not be read (a
        password, a damaged file): not silent, and asked for it again."""
        unread = {d.department for d in self.departments if d.unreadable_file}
        return [name for name in self.not_returned if name in unread]

    @property
    def unreadable_said(self) -> dict[str, str]:
        """`unreadable_senders`, each with what it sent as the tables say it
        (`DepartmentSummary.unreadable_said`)."""
        said = {d.department: d.unreadable_said for d in self.departments if d.unreadable_file}
        return {name: said[name] for name in self.unreadable_senders}

    @property
    def extra_form_senders(self) -> list[str]:
        """The departments that returned their form and another of their header, which
        shares no hazard with it, set aside to be checked (`merging.refiled`)."""
        return [
            d.department
            for d in self.departments
            if d.returned and d.set_aside_file and d.set_aside_header == d.department
        ]

    @property
    def form_error_senders(self) -> dict[str, list[str]]:
        """The departments whose current return has errors off its hazards' rows → those
        errors (`DepartmentSummary.form_errors`)."""
        return {d.department: d.form_errors for d in self.departments if d.form_errors}

    @property
    def old_form_senders(self) -> list[str]:
        """The departments whose current return is an earlier campaign's form dated in this
        one (`DepartmentSummary.old_form`): summed up, and asked to check it."""
        return [d.department for d in self.departments if d.returned and d.old_form]

    @property
    def counted_senders(self) -> list[str]:
        """The departments of `not_returned` whose file was counted as the return of the
        department its header names (`Collection.counted_for_header`)."""
        counted = {d.department for d in self.departments if d.counted_file}
        return [name for name in self.not_returned if name in counted]

    @property
    def set_aside_senders(self) -> list[str]:
        """The departments of `not_returned` whose file came as another department's form
        filled in, set aside (not `unreadable_senders`)."""
        held = {
            d.department for d in self.departments if d.set_aside_file and not d.unreadable_file
        }
        return [name for name in self.not_returned if name in held]

    def unassigned_named(self) -> str:
        """The problems no department was given, as a sentence names them: XN-13（学校通报，
        体育馆看台：安全出口指示标志缺失） — a leader read 学校通报 清零率 100% over a footnote
        of the number alone (trial 54)."""
        return "、".join(
            f"{number}（{what}）"
            for number, what in zip(self.unassigned, self.unassigned_what, strict=True)
        )

    def unconfirmed(self) -> list[tuple[CheckedList, int]]:
        """The crosschecks up to this day with problems still 待确认, and how many: the clerk
        decides them in the list's 对应自查 (said nowhere after the run: trial 219)."""
        return [
            (checked, n)
            for checked in self.crosschecks
            if checked.checked_on <= self.as_of and (n := checked.counts.get(UNCONFIRMED, 0))
        ]

    def belied_unlisted(self) -> list[tuple[str, str]]:
        """(交办问题 counted 已清零, the inspection's problem that found it still there) of the
        crosschecks up to this day whose problem is not listed yet: 已清零 by the register's
        rule until it is, which the report's 清零率 said beside “未整改” and the office's
        to-do did not ask for (clerk trial 155)."""
        listed = {number_key(p.number) for p in self.parts} | set(map(number_key, self.unassigned))
        closed = {number_key(p.number) for p in self.parts if p.state is PartState.CLOSED}
        closed -= set(map(number_key, self.found_again))  # listed under a number of its own
        found: dict[str, str] = {}
        for checked in self.crosschecks:
            if checked.checked_on > self.as_of:
                continue
            for number, said in checked.belied.items():
                listed_as = checked.belied_by.get(number, "")
                if number_key(number) in closed and number_key(listed_as) not in listed:
                    found[number] = said
        return list(found.items())

    def late_unanswered(self) -> list[Part]:
        """The parts of assigned problems past their 整改时限 that no return answers (they
        have no row among `overdue`)."""
        return [p for p in self.parts if p.days_overdue and not p.answered]

    def exit_code(self, fail_if_overdue: bool) -> int:
        """1 when asked to fail on overdue hazards and there are some (SPEC 8): an assigned
        problem past its 整改时限 with no answer is one."""
        late = self.overdue or self.late_unanswered()
        return 1 if fail_if_overdue and late else 0


def rate(closed: int, total: int) -> float | None:
    """closed / total, unrounded: rounded once, where it is shown (rounded to 4 places
    first, 15 of 19 showed as 79.0% for 78.9%: clerk trial 40)."""
    return closed / total if total else None


def build_status(
    campaign: Campaign,
    hazards: Sequence[HazardRow],
    returned: dict[str, date | None],
    as_of: date,
    due_within: int = 7,
    departments: Iterable[str] = (),
    findings: Sequence[Finding] = (),
    unreadable: Mapping[str, str] | None = None,
    unreadable_why: Mapping[str, str] | None = None,
    set_aside: Mapping[str, tuple[str, ...]] | None = None,
    rounds: Sequence[IssuedRound] = (),
    counted_for: Mapping[str, tuple[str, ...]] | None = None,
    latest: Mapping[str, date] | None = None,
    sent: Mapping[str, Sequence[date]] | None = None,
    dues_before: Sequence[date] = (),
    reviews_not_taken: Mapping[str, Sequence[int]] | None = None,
    old_forms: Mapping[str, str] | None = None,
    borrowed: Mapping[str, tuple[str, ...]] | None = None,
    form_errors: Mapping[str, Sequence[str]] | None = None,
    assigned_on: Mapping[str, date | None] | None = None,
    crosschecks: Sequence[CheckedList] = (),
    away: Mapping[str, Sequence[tuple[date, date | None]]] | None = None,
) -> StatusReport:
    """`returned`: department → 日期 of its current return (None when the form had no date);
    `findings`: the assigned problems, whose parts are followed too; `unreadable`: the file
    of a department that sent only files that could not be read (`unreadable_why`: why);
    `set_aside`: the form of another department filled in that a department's file name
    gives it, set aside (`Collection.set_aside`), when it sent nothing else (`counted_for`:
    one counted as its header department's, `Collection.counted_for_header`);
    `rounds`: the follow-up rounds issued, answered by a return dated on or after a
    round's 日期 (`latest`: each department's latest 日期; unknown — a register of an
    earlier huitoukan — the rounds are not followed; `sent`: the days each department's
    returns were sent, to tell an answer sent after its round's due date); `dues_before`:
    the 报送截止 the campaign had before (said in the report); `assigned_on`: the day each
    part of a problem was given, when after the forms were issued (`answers.parts`)."""
    unreadable = unreadable or {}
    unreadable_why = unreadable_why or {}
    set_aside = set_aside or {}
    counted_for = counted_for or {}
    wanted = set(departments)
    names = [u.name for u in campaign.units]
    names += sorted({h.department for h in hazards} - set(names))
    names += sorted(set(returned) - set(names))
    if wanted:
        names = [n for n in names if n in wanted]
        hazards = [h for h in hazards if h.department in wanted]
    due = campaign.info.returns_due
    by_department: dict[str, list[HazardRow]] = {name: [] for name in names}
    overdue: list[HazardView] = []
    due_soon: list[HazardView] = []
    long_standing: list[HazardView] = []
    review_failed: list[HazardView] = []
    missing_photos: list[HazardView] = []
    accepted_without_photo: list[HazardView] = []
    put_off: list[HazardView] = []
    undated: list[HazardView] = []
    with_errors: list[HazardView] = []
    vanished: list[HazardView] = []
    done_late: list[HazardView] = []
    sent_as_answers: list[HazardView] = []
    require_photo = campaign.info.require_photo
    open_long_standing: dict[str, int] = dict.fromkeys(names, 0)
    open_overdue: dict[str, int] = dict.fromkeys(names, 0)
    default_deadlines = 0
    for hazard in hazards:  # one pass: this runs on every hazard of a city's campaign
        by_department[hazard.department].append(hazard)
        if hazard.answered_as and not hazard.number:
            sent_as_answers.append(HazardView.of(hazard, as_of, hazard.long_standing))
        if hazard.errors:
            with_errors.append(HazardView.of(hazard, as_of, hazard.long_standing))
        if hazard.closed or hazard.unreviewed:  # done, or done and awaiting its review
            done = (
                HazardView.of(hazard, as_of, hazard.long_standing)
                if hazard.completed_late
                else None
            )
            if done is not None:
                done_late.append(done)
            lacking = not hazard.photos or hazard.before_photos_only or hazard.photos_of_others
            if require_photo and lacking:  # (accepted on review: settled, but said)
                settled = accepted_without_photo if hazard.review == PASSED else missing_photos
                settled.append(done or HazardView.of(hazard, as_of, hazard.long_standing))
            continue
        marked = hazard.long_standing
        view = None
        default_deadlines += hazard.deadline_is_default
        if hazard.review == FAILED:
            review_failed.append(HazardView.of(hazard, as_of, marked))
        if (until := hazard.due) is not None:
            days_left = (until - as_of).days
            if days_left < 0:
                view = HazardView.of(hazard, as_of, marked)
                overdue.append(view)
                open_overdue[hazard.department] += 1
            elif days_left <= due_within:
                view = HazardView.of(hazard, as_of, marked)
                due_soon.append(view)
        if hazard.progress == DONE and hazard.closed_on is None:
            undated.append(view := view or HazardView.of(hazard, as_of, marked))
        if marked:
            open_long_standing[hazard.department] += 1
            long_standing.append(view := view or HazardView.of(hazard, as_of, marked))
        if hazard.put_off_from is not None or hazard.history and _put_off_late(hazard, as_of):
            put_off.append(view := view or HazardView.of(hazard, as_of, marked))
        if hazard.vanished_from:
            vanished.append(view or HazardView.of(hazard, as_of, marked))
    unit_names = {u.name for u in campaign.units}
    summaries: list[DepartmentSummary] = []
    for name in names:
        mine = by_department[name]
        closed = sum(h.closed for h in mine)
        unreviewed = sum(h.unreviewed for h in mine)
        first = returned.get(name)
        aside = (*set_aside.get(name, ("", "")), "", "", "")[:5]
        if name in returned and aside[1] != name:  # (one named for it: it sent its own since)
            aside = ("", "", "", "", "")
        counted = (*(() if name in returned else counted_for.get(name, ())), "", "", "", "")[:4]
        summaries.append(
            DepartmentSummary(
                department=name,
                returned=name in returned,
                first_returned_on=first,
                late=first is not None and first > due,
                hazards=len(mine),
                closed=closed,
                open=len(mine) - closed,
                overdue=open_overdue[name],
                long_standing=open_long_standing[name],
                closure_rate=rate(closed, len(mine)),
                unreviewed=unreviewed,
                known=name in unit_names,
                unreadable_file="" if name in returned else unreadable.get(name, ""),
                unreadable_why="" if name in returned else unreadable_why.get(name, ""),
                set_aside_file=aside[0],
                set_aside_header=aside[1],
                set_aside_by=aside[2],
                set_aside_issued=bool(aside[3]),
                set_aside_issued_to=aside[4],
                counted_file=counted[0],
                counted_header=counted[1],
                counted_by=counted[2],
                counted_issued=bool(counted[3]),
                old_form=(old_forms or {}).get(name, ""),
                borrowed_form=(*(borrowed or {}).get(name, ()), "")[0],
                borrowed_from=(*(borrowed or {}).get(name, ()), "", "")[1],
                borrowed_by=(*(borrowed or {}).get(name, ()), "", "", "")[2],
                form_errors=list((form_errors or {}).get(name, ()) if name in returned else ()),
            )
        )
    position = {name: index for index, name in enumerate(names)}
    overdue.sort(key=lambda v: (-v.days_overdue, position[v.department], v.source))
    due_soon.sort(key=lambda v: (v.days_left or 0, position[v.department], v.source))
    done_late.sort(key=lambda v: (-v.days_late, position[v.department], v.source))
    total_closed = sum(s.closed for s in summaries)
    total = sum(s.hazards for s in summaries)
    all_parts = answers.parts(findings, hazards, as_of, assigned_on, away)
    if wanted:
        all_parts = [p for p in all_parts if p.department in wanted]
    sources = [s.name for s in campaign.sources]
    answering = [h for name in names for h in by_department[name] if h.answers_a_check]
    answered = {number_key(h.number) for h in answering}
    listed = {number_key(f.number) for f in findings}
    numbered = {number_key(h.number) for name in names for h in by_department[name] if h.number}
    found_first = (numbered & listed) - answered
    return StatusReport(
        school=campaign.info.school,
        campaign=campaign.info.title,
        returns_due=due,
        as_of=as_of,
        return_deadline_passed=as_of > due,
        ended_on=campaign.info.ends_on if as_of > campaign.info.ends_on else None,
        due_within_days=due_within,
        departments=summaries,
        not_returned=[
            s.department for s in summaries if not s.returned and s.department in unit_names
        ],
        overdue=overdue,
        due_soon=due_soon,
        long_standing=long_standing,
        totals=Totals(
            departments=len([s for s in summaries if s.department in unit_names]),
            returned=sum(s.returned for s in summaries if s.department in unit_names),
            hazards=total,
            closed=total_closed,
            open=total - total_closed,
            overdue=len(overdue),
            closure_rate=rate(total_closed, total),
            unreviewed=sum(s.unreviewed for s in summaries),
            answers=len(answering),
            answered_problems=len(answered),
            found_first=len(found_first),
            unlisted_answers=len(sent_as_answers),
            done_late=len(done_late),
            default_deadlines=default_deadlines,
        ),
        assigned=answers.by_source(findings, all_parts, sources),
        parts=all_parts,
        unassigned=[] if wanted else [f.number for f in findings if not f.departments],
        unassigned_what=[]
        if wanted
        else [f"{f.source}，{f.where}" for f in findings if not f.departments],
        review_failed=review_failed,
        missing_photos=missing_photos,
        accepted_without_photo=accepted_without_photo,
        put_off=put_off,
        done_late=done_late,
        sent_as_answers=sent_as_answers,
        undated=undated,
        with_errors=with_errors,
        vanished=vanished,
        rounds=_rounds(
            rounds,
            latest,
            sent or {},
            returned,
            as_of,
            wanted,
            _busy(hazards, all_parts, findings, assigned_on),
        ),
        dues_before=list(dues_before),
        reviews_not_taken={f: list(rows) for f, rows in (reviews_not_taken or {}).items()},
        crosschecks=list(crosschecks),
        found_again=[f.number for f in findings if f.found_again],
    )


def _busy(
    hazards: Iterable[HazardRow],
    parts: Iterable[Part],
    findings: Iterable[Finding],
    assigned_on: Mapping[str, date | None] | None,
) -> dict[str, date]:
    """The departments with something not closed — a hazard, or a part of an assigned
    problem (as `issue --followup --only-open` chooses whom to send a form) — each with
    the first day one of them was its: an assigned problem's the day it was found, or
    given the department, if later (a department whose only item an inspection after a
    round's 截止 found still there owes that round nothing: it was chased for it, clerk
    trial 150); any other's, always."""
    found = {number_key(f.number): f.found_on for f in findings}
    since: dict[str, date] = {}
    open_items = [(h.department, h.number) for h in hazards if not h.closed]
    open_items += [(p.department, p.number) for p in parts if p.state is not PartState.CLOSED]
    for department, number in open_items:
        day = date.min
        if number and number_key(number) in found:
            days = (found[number_key(number)], answers.given_day(assigned_on, number, department))
            day = max((d for d in days if d is not None), default=date.min)
        since[department] = min(since.get(department, date.max), day)
    return since


def _rounds(
    rounds: Sequence[IssuedRound],
    latest: Mapping[str, date] | None,
    sent: Mapping[str, Sequence[date]],
    returned: Mapping[str, date | None],
    as_of: date,
    wanted: set[str],
    busy: Mapping[str, date],
) -> list[RoundStatus]:
    """Each round issued by `as_of`, with who has not answered it: a department that
    returned before but has closed everything since owes no update (it was chased for a
    round it had been left out of the next: clerk trial 62), nor one whose open items
    (`busy`: since when, `_busy`) all came to it after the round's 截止."""
    if latest is None or (not latest and any(returned.values())):
        return []  # who answered is not known
    issued = sorted((r for r in rounds if r.form_date <= as_of), key=lambda r: r.form_date)
    statuses = []
    for i, r in enumerate(issued):
        # each department's next round: what it sent since answers that one, and this one
        # with it (it owes this one no more)
        until = {
            d: later
            for later in reversed(issued[i + 1 :])
            for d in later.departments
            if d in r.departments
        }
        statuses.append(
            RoundStatus(
                form_date=r.form_date,
                due=r.due,
                departments=r.departments,
                # who never returned anything is 逾期未报送 (催报) already
                not_answered=[
                    d
                    for d in r.owing(sent, until)
                    if d in returned
                    and busy.get(d, date.max) <= r.due
                    and (not wanted or d in wanted)
                    and not (d in until and until[d].answered_by(d, sent.get(d, ())))
                ],
                never_returned=[
                    d for d in r.departments if d not in returned and (not wanted or d in wanted)
                ],
                answered_late={
                    d: day
                    for d, day in r.answers(sent, until).items()
                    if r.due < day <= as_of and (not wanted or d in wanted)
                },
                overdue=as_of > r.due,
            )
        )
    for earlier, status in zip(issued, statuses, strict=True):
        for later in issued:
            if later.form_date > earlier.form_date:  # (the latest last: it stands)
                status.resent |= {
                    d: later.form_date for d in status.not_answered if d in later.departments
                }
    return statuses
