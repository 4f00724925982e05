"""Reading a register written by `collect` back into hazards and returned departments.

`status` works from a register as well as from a folder of returns; this module
gives it the same data collect had, so both agree exactly.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from huitoukan.errors import InputError
from huitoukan.models import FileOutcome, HazardRow, RegisterState
from huitoukan.register_file import recorded_state
from huitoukan.register_layout import (
    DEFAULT_DEADLINE_SOURCE,
    FILES_SHEET,
    HAZARD_SHEET,
)
from huitoukan.row_validation import cell_text, normalize_progress
from huitoukan.workbook_reading import SheetGrid, UnreadableWorkbook, read_workbook


def is_register(path: Path) -> bool:
    try:
        return HAZARD_SHEET in read_workbook(path, only=(), inspect=False).sheet_names
    except UnreadableWorkbook:
        return False


def _table(sheets: list[SheetGrid], name: str, path: Path) -> list[dict[str, object]]:
    grid = next((s for s in sheets if s.name == name), None)
    if grid is None or not grid.rows:
        raise InputError(
            f"{path} 中没有“{name}”工作表：请指定 huitoukan collect 生成的全校隐患台账"
        )
    header = [cell_text(v) for v in grid.rows[0]]
    return [
        dict(zip(header, row, strict=False)) for row in grid.rows[1:] if any(v != "" for v in row)
    ]


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    return date.fromisoformat(text) if text else None


def _count(pattern: str, text: str) -> int:
    match = re.search(pattern + r"(\d+)", text)
    return int(match.group(1)) if match else 0


def read_register(path: Path) -> RegisterState:
    """The register's hazards and returns: from the record huitoukan kept when it wrote the
    register, if the file is unchanged since; read from its sheets otherwise."""
    recorded = recorded_state(path)
    if recorded is not None:
        return recorded
    return read_register_sheets(path)


def read_register_sheets(path: Path) -> RegisterState:
    try:
        sheets = read_workbook(path, only=(HAZARD_SHEET, FILES_SHEET), inspect=False).sheets
    except UnreadableWorkbook as exc:
        raise InputError(f"无法读取台账 {path}：{exc.reason}") from None
    hazards: list[HazardRow] = []
    try:
        for row in _table(sheets, HAZARD_SHEET, path):
            progress_text = cell_text(row.get("整改完成情况"))
            checks = cell_text(row.get("校验"))
            hazards.append(
                HazardRow(
                    department=cell_text(row.get("部门")),
                    seq=cell_text(row.get("原序号")),
                    location=cell_text(row.get("部位")),
                    item=cell_text(row.get("检查内容")),
                    hazard=cell_text(row.get("存在隐患问题")),
                    measures=cell_text(row.get("整改措施")),
                    deadline=_date(row.get("整改时限")),
                    deadline_is_default=cell_text(row.get("时限来源")) == DEFAULT_DEADLINE_SOURCE,
                    progress=normalize_progress(progress_text),
                    progress_text=progress_text,
                    owner=cell_text(row.get("责任人")),
                    checked_on=_date(row.get("检查时间")),
                    closed_on=_date(row.get("销号时间")),
                    remarks=cell_text(row.get("备注")),
                    source_file=cell_text(row.get("来源文件")),
                    source_sheet=cell_text(row.get("来源工作表")),
                    source_row=int(float(cell_text(row.get("来源行")) or 0)),
                    errors=_count("错误", checks),
                    warnings=_count("警告", checks),
                    vanished_from=cell_text(row.get("新版本中消失")),
                )
            )
        files = _table(sheets, FILES_SHEET, path)
        returned: dict[str, date | None] = {
            cell_text(row.get("部门")): None
            for row in files
            if cell_text(row.get("处理结果")) == FileOutcome.USED.value
        }
        for row in files:
            department = cell_text(row.get("部门"))
            day = _date(row.get("表头日期"))
            if department in returned and day is not None:
                earliest = returned[department]
                returned[department] = day if earliest is None else min(earliest, day)
    except ValueError as exc:
        raise InputError(
            f"台账 {path} 的内容被改动过，无法读取（{exc}）；请重新运行 collect"
        ) from None
    return RegisterState.model_construct(hazards=hazards, returned=returned)
