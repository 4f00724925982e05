"""The problems earlier inspections found (交办问题), and what became of each department's part.

A `Finding` is one row of the 交办问题清单 the clerk compiles from the inspection
reports; it may name several responsible departments, each answering for its own
`Part`. A problem is 清零 only when every part is closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from huitoukan.dates import chinese_date
from huitoukan.model.problems import Code, Problem, problem
from huitoukan.text import normalize_key

SELF_CHECK = "自查"
"""The source (问题来源) of a hazard a department found itself."""


def number_key(number: str) -> str:
    """问题编号 as compared: width, spaces and case do not matter."""
    return normalize_key(number).upper()


class FoundAgain(BaseModel):
    """A later problem of the list stating one listed before it (`Finding.found_again`)."""

    model_config = ConfigDict(frozen=True)

    number: str
    source: str
    found_on: date | None = None
    score: int = 0
    """How alike the two are (`similarity`), as the warning said it."""

    def __str__(self) -> str:
        day = f"，{chinese_date(self.found_on)}发现" if self.found_on else ""
        return f"{numbered(self.number, self.source)}（{self.source}{day}）"


def numbered(number: str, source: str) -> str:
    """A problem's 问题编号 in a sentence: one that is a list's 序号 alone with its source
    (“自查未发现的 2、SD24-01” read as a count: clerk trial 122; “问题仍在：1（市级抽查…）” in
    the 工作汇报: trial 172 Y4)."""
    return f"{source}第{number}号" if number.isdigit() else number


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: str
    """问题编号, as the list gives it, or derived from source and content when blank."""
    number_given: bool = True
    source: str
    """The campaign's name of the source (县级普查 …; aliases resolved)."""
    found_on: date | None = None
    location: str = ""
    description: str
    departments: tuple[str, ...] = ()
    """The units responsible ('' when no department could be given: 未分配)."""
    unknown_departments: tuple[str, ...] = ()
    """The 责任部门 the list named that are none of the campaign's (a typo of the
    inspectors'): said where the department is (清单未指明 was untrue: clerk trial 83)."""
    requirement: str = ""
    """整改要求."""
    deadline: date | None = None
    deadline_typed: str = ""
    """整改时限 as the list gave it when it was not a date (一周内, 12月20日前): what a
    message about the deadline quotes, beside the day it was read as (clerk trial 132)."""
    found_again: tuple[FoundAgain, ...] = ()
    """The problems listed after it that state it again (`FINDING_RESTATED`): found still
    there after it was 销号, its archive and the register's 交办问题 sheet showed it 已清零
    with no word of it (clerk trials 150, 151)."""
    decision: str = ""
    """对应自查: the clerk's decision in a cross-check (a hazard's 隐患编号 or 序号, or 无)."""
    decision_cell: str = ""
    """The 对应自查 cell, for a problem about the decision."""
    file: str = ""
    sheet: str = ""
    row: int = 0

    @property
    def where(self) -> str:
        return f"{self.location}：{self.description}" if self.location else self.description

    @property
    def number_to_list(self) -> str:
        """The 问题编号 to list it under in the 交办问题清单: its own, or — an inspection's
        序号 alone — its source, day and 序号 (市级抽查1207-3), which no other inspection's
        序号 repeats (copied, 1, 3 and 6 of several stood in the list: clerk trial 143)."""
        if not self.number.isdigit():
            return self.number
        day = f"{self.found_on:%m%d}" if self.found_on else ""
        return f"{self.source}{day}-{self.number}"

    @property
    def content(self) -> tuple[str, date | None, str, str]:
        """The problem as its source, day and words say it, whatever its 编号."""
        return (self.source, self.found_on, self.location, self.description)

    def said(self, code: Code, field: str, value: str, cell: str = "", **params: Any) -> Problem:
        """A problem about the finding, on its row of its list (`field`'s `value`)."""
        return problem(
            code, self.file, sheet=self.sheet, cell=cell, row=self.row, field=field, value=value,
            **params,
        )  # fmt: skip


class PartState(StrEnum):
    CLOSED = "已销号"
    OPEN = "整改中"
    OVERDUE = "逾期"
    UNREVIEWED = "待复查"
    UNANSWERED = "未反馈"


STATE_ORDER = (
    PartState.UNANSWERED,
    PartState.OVERDUE,
    PartState.OPEN,
    PartState.UNREVIEWED,
    PartState.CLOSED,
)
"""Worst first: a problem is as far as its least advanced part."""


@dataclass(slots=True)
class Part:
    """A department's part of an assigned problem, and its answer (if any). A plain
    dataclass, as `HazardView` (pydantic serialises it like a model): status builds one
    for every part of every problem, 20,000 and more in a city's campaign."""

    number: str
    department: str
    source: str = ""
    what: str = ""
    """The problem's 部位：描述, for the people told about this part."""
    answered: bool = False
    progress: str = ""
    progress_text: str = ""
    """整改完成情况 as the department typed it (`progress` is the state read from it)."""
    measures: str = ""
    remarks: str = ""
    """备注 of the answer: where a department writes the 补救措施 of what it cannot rectify
    soon, which the work plan asks to see."""
    owner: str = ""
    deadline: date | None = None
    closed_on: date | None = None
    file: str = ""
    row: int = 0
    state: PartState = PartState.UNANSWERED
    days_overdue: int = 0
    days_late: int = 0
    """逾期天数 as the register shows it: of an answer reported done after its 整改时限 too,
    the days it was late (`HazardRow.days_late`: the 交办问题 sheet showed it blank, the
    隐患台账 26 days: clerk trial 108)."""
    review: str = ""
    """复查验收 of the answer: 待复查, 合格 or 不合格 ('' when not required or not owed)."""
    reviewer: str = ""
    reviewed_on: date | None = None
    review_note: str = ""
    closing_flaw: str = ""
    """Why an answer reported 已完成 has no usable 销号时间 (`HazardRow.closing_flaw`)."""
    given_on: date | None = None
    """The day the department was given the problem, when its 整改时限 had passed by then:
    its days overdue and late count from that day (`HazardRow.due_from`)."""
    given_back: date | None = None
    """The day the list last gave the problem back to the department (`answers.away_spans`:
    the notice of a part not answered said 尚未反馈 alone, to one that had sent a row
    saying it had handed the problem over, clerk trial 164)."""

    @property
    def given_is_back(self) -> bool:
        """`given_on` is the day the list gave the problem back (`answers.given_anew`)."""
        return self.given_on is not None and self.given_on == self.given_back

    @property
    def given_mark(self) -> str:
        """Said after its 整改时限 when given after it (`HazardView.given_mark`)."""
        return given_mark(self.given_on, self.given_is_back)


def given_mark(given: date | None, back: bool = False) -> str:
    """After a 整改时限 that had passed when the department was given the problem (`back`:
    given it back, “才交办” of one it had from the first round: clerk trial 165): the day
    it was given, from which its 逾期天数 counts ('' for none)."""
    if given is None:
        return ""
    if back:
        return f"（{chinese_date(given)}交回，逾期天数自交回之日起计）"
    return f"（{chinese_date(given)}才交办，逾期天数自交办之日起计）"


class SourceSummary(BaseModel):
    """How far the problems of one source are: 交办, 已销号, 整改中, 逾期, 未反馈, 清零率."""

    source: str
    assigned: int
    closed: int
    open: int
    overdue: int
    unanswered: int
    unreviewed: int = 0
    clearance_rate: float | None
    """Problems with every part closed / problems assigned, 0..1."""


@dataclass(slots=True)
class Mention:
    """A returned version that mentioned an assigned problem: its history for 一问题一档案.
    A plain dataclass, as `Part` (collect records one for every answer in every version;
    pydantic validates and serialises it in the state record like a model)."""

    number: str
    department: str
    file: str
    form_date: date | None = None
    progress: str = ""
    """整改完成情况 as the version gave it; `UNFILLED` for the problem's row left as issued."""
    row: int = 0
    """The row of the version that answers it (0 for one left as issued, or not recorded)."""
    measures: str = ""
    """整改措施 as that row gave it: a department answering in two rows showed only one row's
    measures on the archive page (clerk trial 132)."""
    sent_on: date | None = None
    """The day the version was sent (`ReturnForm.sent_on`: its file's day when it has no
    表头日期; one without was listed first, its date blank: clerk trial 178 AE6). Last: the
    state record holds the fields in order."""


UNFILLED = "（该行未填写）"
"""A version's word on an assigned problem whose row it left as issued."""
