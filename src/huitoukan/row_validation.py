"""Turning the cells of one form row into a `HazardRow`, and the problems found on the way.

Every check of SPEC 5 that concerns a single row lives here. A row with problems
is still returned: nothing a department reported is dropped, it is marked.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import cast

from huitoukan.campaign import Campaign
from huitoukan.dates import DateNotUnderstood, parse_date
from huitoukan.form_layout import COLUMN_BY_FIELD, DATE_FIELDS, DONE, STATUS_SYNONYMS
from huitoukan.models import HazardRow, Problem, Progress, Severity, count
from huitoukan.text import clean_cell_text, normalize_key
from huitoukan.xlsx_writer import column_letter

_MIDNIGHT = time()


def cell_text(value: object) -> str:
    """A cell value as the text a person sees (1.0 → "1", a date → 2023-12-10).

    Runs on every cell of every return: the types calamine gives are tested exactly first."""
    kind = type(value)
    if kind is str:
        return clean_cell_text(cast(str, value))
    if value is None:
        return ""
    if kind is float:
        number = cast(float, value)
        return str(int(number)) if number.is_integer() else str(number)
    if kind is datetime:
        moment = cast(datetime, value)
        return moment.date().isoformat() if moment.time() == _MIDNIGHT else str(moment)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return clean_cell_text(str(value))


@functools.lru_cache(maxsize=4096)
def normalize_progress(text: str) -> Progress | None:
    key = normalize_key(text).rstrip("。.!！")
    if not key:
        return None
    if key in STATUS_SYNONYMS:
        return STATUS_SYNONYMS[key]  # type: ignore[return-value]
    if key.startswith(("已完成", "已整改", "完成整改", "已销号")):
        return "已完成"
    if key.startswith(("未", "尚未", "没有")):
        return "未整改"
    if "整改中" in key or key.startswith(("正在", "部分")):
        return "整改中"
    return None


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

    def text(self, name: str) -> str:
        return self.texts.get(name, "")

    def ref(self, name: str) -> str:
        if name not in self.values:
            return ""
        return f"{column_letter(self.columns[name])}{self.row}"


@dataclass
class RowChecker:
    campaign: Campaign
    file: str
    sheet: str
    department: str
    has_deadline_column: bool
    problems: list[Problem] = field(default_factory=list)

    def problem(
        self, severity: Severity, code: str, cells: RowCells, name: str, message: str
    ) -> None:
        self.problems.append(
            Problem(
                severity=severity,
                code=code,
                file=self.file,
                sheet=self.sheet,
                cell=cells.ref(name) or f"{COLUMN_BY_FIELD[name].header}列 第{cells.row}行",
                field=COLUMN_BY_FIELD[name].header,
                value=cells.text(name),
                message=message,
                department=self.department,
            )
        )

    def hazard(self, cells: RowCells) -> HazardRow:
        first = len(self.problems)
        dates: dict[str, date | None] = {}
        for name in DATE_FIELDS:
            try:
                dates[name] = parse_date(cells.values.get(name), self.campaign.info.issued_on)
            except DateNotUnderstood:
                dates[name] = None
                header = COLUMN_BY_FIELD[name].header
                self.problem(
                    Severity.ERROR,
                    "bad-date",
                    cells,
                    name,
                    f"{header}“{cells.text(name)}”无法识别为日期，请写成 2023-12-10 或 2023年12月10日",
                )
        progress_text = cells.text("progress")
        progress = normalize_progress(progress_text)
        deadline = dates["deadline"]
        deadline_is_default = deadline is None
        if deadline is None:
            deadline = self.campaign.info.default_deadline
        self._check(cells, progress, progress_text, dates)
        remarks = cells.text("remarks")
        if cells.extras:
            extra = "；".join(f"{header}：{text}" for header, text in cells.extras)
            remarks = f"{remarks}；{extra}" if remarks else extra
        mine = self.problems[first:]
        return HazardRow(
            department=self.department,
            seq=cells.text("seq"),
            location=cells.text("location"),
            item=cells.text("item"),
            hazard=cells.text("hazard"),
            measures=cells.text("measures"),
            deadline=deadline,
            deadline_is_default=deadline_is_default,
            progress=progress,
            progress_text=progress_text,
            owner=cells.text("owner"),
            checked_on=dates["checked_on"],
            closed_on=dates["closed_on"],
            remarks=remarks,
            source_file=self.file,
            source_sheet=self.sheet,
            source_row=cells.row,
            errors=count(mine, Severity.ERROR) if mine else 0,
            warnings=count(mine, Severity.WARNING) if mine else 0,
        )

    def _check(
        self,
        cells: RowCells,
        progress: Progress | None,
        progress_text: str,
        dates: dict[str, date | None],
    ) -> None:
        error, warning = Severity.ERROR, Severity.WARNING
        if not cells.text("location") and not cells.text("hazard"):
            self.problem(
                error,
                "missing-hazard",
                cells,
                "hazard",
                "这一行填写了内容，但没有填写部位和存在隐患问题，请补充或删除该行",
            )
        elif not cells.text("hazard"):
            self.problem(
                error,
                "missing-hazard",
                cells,
                "hazard",
                "填写了部位但没有写存在隐患问题，请补充隐患内容",
            )
        if not cells.text("measures"):
            self.problem(
                error,
                "missing-measures",
                cells,
                "measures",
                "隐患没有填写整改措施，请补充整改措施（短期难以整改的写明补救或替代措施）",
            )
        if not cells.text("owner"):
            self.problem(error, "missing-owner", cells, "owner", "隐患没有填写责任人，请补充责任人")
        if not progress_text:
            self.problem(
                error,
                "missing-progress",
                cells,
                "progress",
                "没有填写整改完成情况，请选择：已完成、整改中或未整改",
            )
        elif progress is None:
            self.problem(
                error,
                "bad-progress",
                cells,
                "progress",
                f"整改完成情况“{progress_text}”无法识别，请选择：已完成、整改中或未整改",
            )
        checked, closed, deadline = dates["checked_on"], dates["closed_on"], dates["deadline"]
        if not cells.text("checked_on"):
            self.problem(
                warning, "missing-checked-on", cells, "checked_on", "没有填写检查时间，请补充"
            )
        if closed and progress is not None and progress != DONE:
            self.problem(
                error,
                "closed-not-done",
                cells,
                "closed_on",
                f"填写了销号时间，但整改完成情况为“{progress}”：已销号的请改为“已完成”，"
                "未完成的请删去销号时间",
            )
        if progress == DONE and closed is None and not cells.text("closed_on"):
            self.problem(
                error,
                "done-without-closed-on",
                cells,
                "closed_on",
                "整改完成情况为“已完成”，但没有填写销号时间，请补充销号时间",
            )
        if closed and checked and closed < checked:
            self.problem(
                error,
                "closed-before-checked",
                cells,
                "closed_on",
                f"销号时间 {closed} 早于检查时间 {checked}，请核对",
            )
        if deadline and checked and deadline < checked:
            self.problem(
                error,
                "deadline-before-checked",
                cells,
                "deadline",
                f"整改时限 {deadline} 早于检查时间 {checked}，请核对",
            )
        if self.has_deadline_column and not cells.text("deadline"):
            self.problem(
                warning,
                "missing-deadline",
                cells,
                "deadline",
                f"没有填写整改时限，暂按活动默认整改时限 "
                f"{self.campaign.info.default_deadline} 计，请补充",
            )
