"""Opening a returned workbook of any format departments save in, as plain grids.

The bytes are sniffed first (`sniffing`): the real format decides, not the file
name, and hostile or broken files are refused with a reason before a parser runs.
python-calamine then reads .xlsx/.xlsm/.xls/.ods (and WPS .et, which is BIFF
inside) in one fast pass, with cached formula values and real dates for 年月日
formats. It ignores a sheet's recorded dimension and styled empty cells, so
neither a lying `<dimension>` nor thousands of formatted empty rows matter.
Every sheet comes back as rows from A1, merged cells filled with their top-left
value on every row and column they cover. Anything that goes wrong becomes
`UnreadableWorkbook` with a one-line Chinese reason.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import cast

from huitoukan.cells import cell_ref, column_index
from huitoukan.files import read_reason, readable_text
from huitoukan.model.problems import RESAVE
from huitoukan.returns.extent import Merged
from huitoukan.returns.sniffing import (
    MAX_FILE_BYTES,
    Format,
    Made,
    NumberFormats,
    Refused,
    sniff,
)
from huitoukan.text import clean_cell_text

Cell = object
MAX_COLUMNS = 256
"""Columns read per row: the form has eleven; anything past IV is not form data."""
_EMPTY_ROW: list[Cell] = []


@dataclass(frozen=True)
class SheetGrid:
    name: str
    visible: bool
    rows: list[list[Cell]]
    formulas_without_value: tuple[str, ...] = ()
    beyond_columns: str = ""
    """The first cell with content past MAX_COLUMNS (not read), if any."""
    merged: tuple[Merged, ...] = ()
    """The merged ranges (top, left, bottom, right; 0-based, inclusive), whose cells hold
    the top-left value here."""
    todays: Mapping[str, str] = field(default_factory=dict)
    """Cells (A1) whose formula gives the day it is computed (=TODAY(), =NOW()): the
    formula, whose value here is the day the file was last computed."""
    errors: Mapping[str, str] = field(default_factory=dict)
    """Cells (A1) showing an error value (#REF!…): blank here."""
    hidden_rows: frozenset[int] = frozenset()
    """The rows (0-based) the sheet hides: not printed (an .xlsx's; none known otherwise)."""
    number_formats: Callable[[Iterable[str]], dict[str, str]] | None = None
    """The number format codes of the cells asked for (an .xlsx's: `sniffing.NumberFormats`):
    how a date in a column of text shows (3月2日, the room number 3-2 as Excel took it)."""


@dataclass(frozen=True)
class WorkbookContent:
    format: Format
    sheets: list[SheetGrid] = field(default_factory=list)
    sheet_names: list[str] = field(default_factory=list)
    made: Made = Made()


class UnreadableWorkbook(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


UNSUPPORTED_SUFFIXES = {
    ".csv": "CSV 文本文件没有表头信息，请使用下发的附件2（.xlsx）填写后重新报送",
    ".numbers": "Numbers 格式无法读取，请在 Numbers 中导出为 Excel（.xlsx）后重新报送",
    ".fods": f"平面 ODS 格式（.fods）无法读取，{RESAVE}",
}


_SUFFIXES = {
    Format.XLSX: (".xlsx", ".xlsm", ".xltx", ".xltm"),
    Format.XLS: (".xls", ".xlt"),
    Format.ODS: (".ods",),
    Format.ET: (),
}


def read_workbook(
    path: Path,
    only: Collection[str] | None = None,
    inspect: bool = True,
    data: bytes | None = None,
    name: str | None = None,
    returns_only: bool = False,
) -> WorkbookContent:
    """Every worksheet of `path` (or those named in `only`); see `sniff` for `inspect`.
    `data` is the file's content when the caller has read it already; `name` the file's
    own name when it is not `path`'s (a member of a zip archive, given as `data`). With
    `returns_only`, a workbook huitoukan wrote that is never a return (the register …)
    comes back without its sheets, unread."""
    import python_calamine as calamine

    suffix = PurePosixPath(name).suffix.lower() if name else path.suffix.lower()
    reason = UNSUPPORTED_SUFFIXES.get(suffix)
    if reason is not None:
        raise UnreadableWorkbook(reason)
    try:
        if data is None:
            data = read_file(path)
        sniffed = sniff(data, suffix, inspect)
    except Refused as refused:
        raise UnreadableWorkbook(refused.reason) from None
    if returns_only and sniffed.made.not_a_return:
        return WorkbookContent(sniffed.format, made=sniffed.made)
    try:
        if name is None and suffix in _SUFFIXES[sniffed.format] and _utf8(str(path)):
            workbook = calamine.CalamineWorkbook.from_path(str(path))
        else:  # a member, or a renamed file: calamine picks its reader by content from memory
            workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError:
        raise UnreadableWorkbook("文件设有打开密码，请取消密码后重新报送") from None
    except Exception as exc:  # calamine raises several unrelated types for damaged files
        raise UnreadableWorkbook(f"文件已损坏或格式不对（{_short(exc)}），{RESAVE}") from None
    sheets: list[SheetGrid] = []
    try:
        with workbook:
            for meta in workbook.sheets_metadata:
                if meta.typ is not calamine.SheetTypeEnum.WorkSheet:
                    continue
                if only is not None and meta.name not in only:
                    continue
                sheet = workbook.get_sheet_by_name(meta.name)
                rows: list[list[Cell]] = []
                beyond = ""
                for row in sheet.iter_rows():  # a new list per row: kept as it is
                    values = cast(list[Cell], row)
                    if len(row) > MAX_COLUMNS:
                        values = cast(list[Cell], row[:MAX_COLUMNS])
                        if not beyond and (past := _first_filled(row, MAX_COLUMNS)) is not None:
                            beyond = cell_ref(len(rows), past)
                    rows.append(values if values.count("") != len(values) else _EMPTY_ROW)
                while rows and rows[-1] is _EMPTY_ROW:
                    rows.pop()
                if sniffed.format is Format.ODS:
                    _as_excel_counts(rows)
                _as_percentages(rows, sniffed.percents.get(meta.name, ()))
                merged = tuple(
                    (top, left, bottom, right)
                    for (top, left), (bottom, right) in sheet.merged_cell_ranges or ()
                ) or tuple(sniffed.merged.get(meta.name, ()))  # .ods: calamine gives none
                _fill_merged(rows, merged)
                sheets.append(
                    SheetGrid(
                        meta.name,
                        meta.visible is calamine.SheetVisibleEnum.Visible,
                        rows,
                        tuple(sniffed.formulas_without_value.get(meta.name, ())),
                        beyond,
                        merged,
                        sniffed.todays.get(meta.name, {}),
                        sniffed.errors.get(meta.name, {}),
                        sniffed.hidden_rows.get(meta.name, frozenset()),
                        (NumberFormats(data, meta.name) if sniffed.format is Format.XLSX else None),
                    )
                )
    except calamine.PasswordError:
        raise UnreadableWorkbook("文件设有打开密码，请取消密码后重新报送") from None
    except Exception as exc:
        raise UnreadableWorkbook(f"工作表无法读取（{_short(exc)}），{RESAVE}") from None
    names = [m.name for m in workbook.sheets_metadata]
    return WorkbookContent(sniffed.format, sheets, names, sniffed.made)


_EXCEL_LEAP_MONTH = (1900, 3)
"""Before it, Excel's day numbers are one more than other suites' (it counts a 29 February
1900 that never was)."""


def _as_excel_counts(rows: list[list[Cell]]) -> None:
    """The dates of an .ods before 1 March 1900 as Excel would show the same day number: a
    number typed into a date cell (12.19 for 12月19日) is such a date, and is quoted back as
    the number typed, counted as Excel counts (it was quoted as 11.19: clerk trial 52)."""
    for row in rows:
        for c, value in enumerate(row):
            if isinstance(value, date) and (value.year, value.month) < _EXCEL_LEAP_MONTH:
                row[c] = value + timedelta(days=1)


_REF = re.compile(r"([A-Z]{1,3})([1-9]\d*)")


def _as_percentages(rows: list[list[Cell]], cells: Iterable[str]) -> None:
    """The numbers shown as percentages as they are shown: 100% typed is saved as the
    number 1, and was read as 1 (50% as 0.5: clerk trial 74)."""
    for ref in cells:
        match = _REF.fullmatch(ref)
        if match is None:
            continue
        r, c = int(match.group(2)) - 1, column_index(match.group(1))
        if r < len(rows) and c < len(rows[r]) and type(value := rows[r][c]) in (float, int):
            rows[r][c] = f"{cast(float, value) * 100:.10g}%"


def _utf8(text: str) -> bool:
    """A path the reader can open by name (one with undecodable bytes is read from memory)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _first_filled(row: Sequence[object], start: int) -> int | None:
    return next((c for c in range(start, len(row)) if row[c] not in ("", None)), None)


def read_csv(path: Path) -> WorkbookContent:
    """A CSV file as one sheet of text cells: a list of problems an inspection sent, or
    one exported from another system (refused as a department's form: clerk trial 179
    AF5). UTF-8 (with or without its mark), else GB18030, as Excel and WPS save it, read as
    a file's name is (`files.readable_text`)."""
    import codecs
    import csv

    data = read_file(path)
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableWorkbook("文件过大，不是问题清单")
    text = readable_text(data.removeprefix(codecs.BOM_UTF8))
    rows: list[list[Cell]] = [
        [clean_cell_text(value) for value in row] for row in csv.reader(io.StringIO(text))
    ]
    return WorkbookContent(Format.CSV, [SheetGrid(path.stem, True, rows)], [path.stem])


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableWorkbook(f"文件无法打开（{read_reason(exc)}）") from None


def _fill_merged(rows: list[list[Cell]], ranges: Sequence[Merged]) -> None:
    for top, left, bottom, right in ranges:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            row = rows[r]
            if row is _EMPTY_ROW:
                row = rows[r] = [""] * (right + 1)
            for c in range(left, min(right, len(row) - 1) + 1):
                if row[c] == "" or row[c] is None:
                    row[c] = value


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]
