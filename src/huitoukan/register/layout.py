"""The register's sheets and the one table of its hazard columns.

Every hazard sheet (隐患台账, 未销号, 逾期, 历史遗留问题) has the columns of
`HAZARD_COLUMNS`, in order: the writer takes each column's value from it (`show`),
and the reader takes it back (`read`), so the two cannot drift apart.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from huitoukan.cells import cell_text
from huitoukan.dates import DateNotUnderstood, chinese_date, parse_date
from huitoukan.forms.progress import progress_said, read_progress_said
from huitoukan.model.returns import DONE, FAILED, HAZARD_ID, HazardRow

REGISTER_FILE = "全校隐患台账.xlsx"


def kept_elsewhere(register: Path | str | None) -> Path | None:
    """`register` when it is not the working folder's `REGISTER_FILE` (None when it is):
    the collect said to the clerk must name it (typed as it stood, the advice wrote a second
    register beside the first, which never got the 复查: clerk trial 153)."""
    if not register:
        return None
    path = Path(register)
    return None if path.resolve() == Path(REGISTER_FILE).resolve() else path


SUMMARY_SHEET = "汇总"
SUMMARY_DEPARTMENT, SUMMARY_FIRST_RETURN = "部门", "首次报送日期"
"""The 汇总 department table's columns read back (a first return written over is there)."""
HAZARD_SHEET = "隐患台账"
OPEN_SHEET = "未销号"
OVERDUE_SHEET = "逾期"
NOT_RETURNED_SHEET = "未报送"
COVERAGE_SHEET = "项目覆盖"
FILES_SHEET = "报送记录"
PROBLEMS_SHEET = "校验问题"
LONG_STANDING_SHEET = "历史遗留问题"
ASSIGNED_SHEET = "交办问题"
UNREVIEWED_SHEET = "待复查"

DEFAULT_DEADLINE_SOURCE = "活动默认"
FORM_DEADLINE_SOURCE = "表中填写"
ASSIGNED_DEADLINE_SOURCE = "交办要求"
"""The row answers an assigned problem that sets 整改时限, and left it blank or typed a later one."""

Value = str | int | float | date | None
Show = Callable[[HazardRow, date], Value]
"""A column's value for a hazard, as of a date."""
Read = Callable[[object], Mapping[str, Any]]
"""The HazardRow fields a column's cell gives back."""
RowValues = Callable[[HazardRow, date], list[Value]]


def read_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:  # typed by hand into the register (45270 in a cell of no date format, 2023年12月
        # 10日): read as a return's dates are (refused whole, “Invalid isoformat string”:
        # clerk trial 117)
        return parse_date(value, date.today())
    except DateNotUnderstood:
        raise ValueError(f"“{text}”不是日期") from None


def _count(pattern: str, text: str) -> int:
    match = re.search(pattern + r"(\d+)", text)
    return int(match.group(1)) if match else 0


def _checks(row: HazardRow, as_of: date) -> str:
    parts = []
    if row.errors:
        parts.append(f"错误{row.errors}")
    if row.warnings:
        parts.append(f"警告{row.warnings}")
    return "；".join(parts)


def _read_checks(value: object) -> dict[str, int]:
    text = cell_text(value)
    return {"errors": _count("错误", text), "warnings": _count("警告", text)}


REVIEW_FAILED_STATE = "复查不合格"


def with_review(state: str, review: str) -> str:
    """状态 as printed: 复查不合格 for a hazard (or an assigned problem's part) sent back by
    its 复查验收, 逾期 and 复查不合格 once past its deadline — on paper the department's
    已完成 and 销号时间 stand beside it, and 复查结论 is on the screen only (an overdue one
    read as done late, clerk trial 44)."""
    if review != FAILED or state in ("已销号", "待复查"):
        return state
    # two lines, each whole in its column (逾期（复查不合格） wrapped a bracket alone: trial 45)
    return f"逾期\n{REVIEW_FAILED_STATE}" if state == "逾期" else REVIEW_FAILED_STATE


def _state(row: HazardRow, as_of: date) -> str:
    return with_review(row.state(as_of), row.review)


def _given_late(row: HazardRow) -> str:
    """After 交办要求: the day its department was given the problem, or given it back, when
    its 整改时限 had passed by then (逾期天数 counts from that day: `HazardRow.due_from`)."""
    if row.due_from is None:
        return ""
    return f"（{chinese_date(row.due_from)}{'交回' if row.given_back else '交办'}，时限已过）"


def _read_progress(value: object) -> dict[str, object]:
    progress, text = read_progress_said(cell_text(value))
    return {"progress": progress, "progress_text": text}


def _int(value: object) -> int:
    return int(float(cell_text(value) or 0))


def _parser(field: str) -> Callable[[object], object]:
    """How a cell gives back the HazardRow field `field`, by the field's type."""
    kind = typing.get_type_hints(HazardRow)[field]
    if kind is str:
        return cell_text
    if kind is int:
        return _int
    if kind == date | None:
        return read_date
    raise TypeError(f"no register reader for {field}: {kind}")


@dataclass(frozen=True)
class HazardColumn:
    header: str
    width: float
    field: str = ""
    """The HazardRow field shown as it is ('' for a derived column)."""
    derived: Show | None = None
    reads: Read | None = None
    """How a derived column is read back (None: it is not, e.g. 状态 depends on the date)."""

    @property
    def show(self) -> Show:
        if self.derived is not None:
            return self.derived
        get = attrgetter(self.field)
        return lambda row, as_of: get(row)

    @property
    def read(self) -> Read | None:
        if self.reads is not None or not self.field:
            return self.reads
        field, parse = self.field, _parser(self.field)
        return lambda value: {field: parse(value)}


def _read_id(value: object) -> dict[str, object]:
    """隐患编号 read back (a hazard reworded since it was first reported keeps its first)."""
    text = cell_text(value).upper()
    return {"kept_id": text} if HAZARD_ID.fullmatch(text) else {}


NUMBER_HEADER = "序号"
PHOTOS_HEADER = "照片"


def _photos_shown(row: HazardRow, as_of: date) -> Value:
    """The 照片 cell: how many, and 整改前 when those of a hazard reported done were all
    sent while it was open (a bare 1 read as its evidence: clerk trial 77)."""
    if not row.photos:
        return None
    if row.before_photos_only and row.progress == DONE:
        return f"{len(row.photos)}{BEFORE_ONLY}"
    return len(row.photos)


BEFORE_ONLY = "（仅整改前）"
HAZARD_COLUMNS: tuple[HazardColumn, ...] = (
    # printed: what a reader of the paper register needs, narrow enough to be read
    HazardColumn("部门", 14, "department"),
    HazardColumn("问题编号", 16, "number"),  # 四进巡查-569AE3, a derived number, on one line
    HazardColumn("部位", 14, "location"),
    HazardColumn("存在隐患问题", 28, "hazard"),
    HazardColumn("整改措施", 20, "measures"),
    HazardColumn("整改时限", 16, "deadline"),
    HazardColumn(
        "整改完成情况",
        14,  # the state, and the department's words after it (clerk trial 201 BA2)
        derived=lambda row, as_of: progress_said(row.progress, row.progress_text),
        reads=_read_progress,
    ),
    HazardColumn("责任人", 8, "owner"),
    HazardColumn("检查时间", 16, "checked_on"),
    HazardColumn("销号时间", 16, "closed_on"),
    HazardColumn("状态", 11, derived=_state),  # 复查不合格 on one line
    HazardColumn("逾期天数", 10, derived=lambda row, as_of: row.days_late(as_of) or None),
    HazardColumn("备注", 14, "remarks"),
    # on the screen only
    HazardColumn("问题来源", 9, "source"),
    HazardColumn("检查内容", 24, "item"),
    HazardColumn(
        "时限来源",
        10,
        derived=lambda row, as_of: (
            DEFAULT_DEADLINE_SOURCE
            if row.deadline_is_default
            else (ASSIGNED_DEADLINE_SOURCE if row.deadline_assigned else FORM_DEADLINE_SOURCE)
            + _given_late(row)
        ),
        reads=lambda value: {
            "deadline_is_default": cell_text(value) == DEFAULT_DEADLINE_SOURCE,
            "deadline_assigned": cell_text(value).startswith(ASSIGNED_DEADLINE_SOURCE),
        },
    ),
    HazardColumn(PHOTOS_HEADER, 8, derived=_photos_shown),
    HazardColumn("历史遗留", 10, derived=lambda row, as_of: "是" if row.long_standing else ""),
    HazardColumn("校验", 12, derived=_checks, reads=_read_checks),
    HazardColumn("新版本中消失", 14, "vanished_from"),
    HazardColumn("来源文件", 28, "source_file"),
    HazardColumn("来源工作表", 12, "source_sheet"),
    HazardColumn("来源行", 7, "source_row"),
    HazardColumn("原序号", 6, "seq"),
    # the name the 复查验收表 and the 追责核查's 对应自查 give the hazard
    HazardColumn("隐患编号", 11, derived=lambda row, as_of: row.hazard_id, reads=_read_id),
)
"""The columns after 序号 (which numbers the rows of each sheet)."""
REVIEW_HAZARD_COLUMNS: tuple[HazardColumn, ...] = (
    HazardColumn("复查结论", 8, "review"),
    HazardColumn("复查人", 8, "reviewer"),
    HazardColumn("复查时间", 16, "reviewed_on"),
    HazardColumn("复查意见", 18, "review_note"),
)
"""With 复查验收 required (review_required), after the others."""
READ_COLUMNS = HAZARD_COLUMNS + REVIEW_HAZARD_COLUMNS


def hazard_columns(review: bool) -> tuple[HazardColumn, ...]:
    return HAZARD_COLUMNS + REVIEW_HAZARD_COLUMNS if review else HAZARD_COLUMNS


def hazard_headers(columns: tuple[HazardColumn, ...]) -> tuple[str, ...]:
    return (NUMBER_HEADER, *(c.header for c in columns))


def hazard_widths(columns: tuple[HazardColumn, ...]) -> tuple[float, ...]:
    return (6.0, *(c.width for c in columns))


HAZARD_HEADERS = hazard_headers(HAZARD_COLUMNS)
HAZARD_WIDTHS = hazard_widths(HAZARD_COLUMNS)
PRINTED_HAZARD_COLUMNS = 1 + [c.header for c in HAZARD_COLUMNS].index("备注") + 1
"""Printed pages stop after 备注: 203 characters wide, they print at about 6.5 points on A4
landscape (all 18 columns up to 历史遗留 printed at 4.6); the rest is for the screen."""


def hazard_values(columns: tuple[HazardColumn, ...] = HAZARD_COLUMNS) -> RowValues:
    """A function giving a hazard's values for `columns`, as of a date (it runs for every
    hazard of the register: the columns' functions are looked up once)."""
    shows = tuple(column.show for column in columns)

    def values(row: HazardRow, as_of: date) -> list[Value]:
        return [show(row, as_of) for show in shows]

    return values


def hazard_from_cells(cells: Mapping[str, object]) -> HazardRow:
    """The hazard a register row (header → cell value) holds."""
    fields: dict[str, Any] = {}
    for column in READ_COLUMNS:
        read = column.read
        if read is not None:
            fields.update(read(cells.get(column.header)))
    row = HazardRow(**fields)
    return row._replace(kept_id="") if row.kept_id == row.own_id else row


# 报送记录: one row per file read.
FILE_NAME, FILE_DEPARTMENT, FILE_FORM_DATE, FILE_OUTCOME = "文件", "部门", "表头日期", "处理结果"
FILE_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    (FILE_NAME, 40),
    (FILE_DEPARTMENT, 14),
    (FILE_FORM_DATE, 16),
    ("文件修改时间", 18),
    (FILE_OUTCOME, 14),  # 被新版本替代 on one line
    ("隐患数", 8),
    ("错误", 6),
    ("警告", 6),
    ("说明", 50),
    ("表头部门", 14),
    ("主要负责人", 12),
    ("上报人", 10),  # whom to call about the return (recorded nowhere: clerk trial 76)
    ("联系方式", 16),
    ("SHA-256", 66),  # on one line (on the screen only: it set each row 4 lines high)
)
PRINTED_FILE_COLUMNS = 10
"""报送记录 prints what a reader of the archive checks (what came in, when, and what became
of it) at a legible size; 表头部门, 主要负责人, 上报人, 联系方式 and the file's SHA-256 are on
screen."""
