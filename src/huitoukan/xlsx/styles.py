"""Print and cell styles shared by the workbooks huitoukan writes with openpyxl."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

from huitoukan.model.documents import MAKER
from huitoukan.xlsx.writer import CELL_TEXT_LIMIT, MAX_ROW_HEIGHT

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
HEAD_FONT = Font(name="黑体", size=11)
BODY_FONT = Font(name="宋体", size=10.5)
DATE_FORMAT = 'yyyy"年"m"月"d"日"'


def print_setup(ws: Worksheet, title_rows: str, area: str) -> None:
    """A4 landscape, one page wide, header rows repeated on every page, pages numbered."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = title_rows
    ws.print_area = area
    ws.print_options.horizontalCentered = True
    # Excel's own margins: the page number prints whole in every suite (LibreOffice cuts a
    # 0.5" footer inside a 0.6" bottom margin in half).
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.font = "宋体"


TITLE_FONT = Font(name="黑体", size=14)


def write_table(
    ws: Worksheet,
    headers: Sequence[tuple[str, float]],
    rows: Sequence[Sequence[object]],
    title: str | None = None,
    printed: int | None = None,
    least_height: float = 0,
) -> None:
    """A bordered table with a frozen, filtered header row, under a `title` row when given
    (both repeated on every printed page, so each page says what it is); rows as tall as
    their wrapped text and at least `least_height` points (a table filled in by hand),
    dates written 2023年12月20日; the first `printed` columns printed (all by default)."""
    printed = printed or len(headers)
    top = 1
    if title is not None:
        ws.cell(1, 1, title).font = TITLE_FONT
        ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=printed)
        # 14-point characters: 2.8 columns each (Excel's measure; LibreOffice's is wider)
        room = max(sum(w for _, w in headers[:printed]) - 2, 1)
        lines = math.ceil(sum(2.8 if ord(ch) > 0x2E80 else 1.4 for ch in title) / room)
        ws.row_dimensions[1].height = 28 + 20 * (max(lines, 1) - 1)
        top = 2
    for index, (header, width) in enumerate(headers, start=1):
        cell = ws.cell(top, index, header)
        cell.font = HEAD_FONT
        cell.alignment = CENTER
        cell.border = BOX
        ws.column_dimensions[cell.column_letter].width = width
    fit_row_height(ws, top)  # a heading of two lines in its narrow column (SHA-256（前12位）
    # printed over the title's line: clerk trial 186 AL9)
    for row_index, values in enumerate(rows, start=top + 1):
        for col_index, value in enumerate(values, start=1):
            cell = ws.cell(row_index, col_index)
            set_value(cell, value)
            cell.font = BODY_FONT
            cell.border = BOX
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT
                cell.alignment = CENTER
            else:
                cell.alignment = LEFT
        fit_row_height(ws, row_index, least=least_height)
    last = ws.cell(max(top, len(rows) + top), len(headers)).coordinate
    last_printed = ws.cell(max(top, len(rows) + top), printed).coordinate
    ws.freeze_panes = ws.cell(top + 1, 1).coordinate
    ws.auto_filter.ref = f"A{top}:{last}"
    print_setup(ws, f"1:{top}", f"A1:{last_printed}")


def date_validation(example: str, **options: str) -> DataValidation:
    """A drop-in check for a date column: a date from 2000 to 2099, anything else a
    warning (“请填写日期，例如 `example`”, shown) the person typing may override."""
    validation = DataValidation(
        type="date",
        operator="between",
        formula1=str(int(to_excel(date(2000, 1, 1)))),
        formula2=str(int(to_excel(date(2099, 12, 31)))),
        allow_blank=True,
        errorStyle="warning",
        error=f"请填写日期，例如 {example}",
        **options,
    )
    validation.showErrorMessage = True
    return validation


def display_columns(text: str) -> int:
    """Columns `text` takes in Excel's measure: two for a Chinese character, one for others."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def fit_row_height(ws: Worksheet, row: int, line_height: float = 14.0, least: float = 0) -> None:
    """Make a row tall enough for its wrapped text, so nothing is clipped when printed
    (office suites do not grow a row whose height was set)."""
    lines = 1
    for cell in ws[row]:
        if not isinstance(cell.value, str) or isinstance(cell, MergedCell):
            continue
        width = ws.column_dimensions[cell.column_letter].width or 8.43
        # every line's own wrapping counted (the longest line's alone, plus one for each of
        # the others, cut off 学生工作部（学生处） under two names in 附件1: clerk trial 79)
        here = sum(
            max(1, math.ceil(display_columns(part) / max(width - 1.5, 1)))
            for part in cell.value.split("\n")
        )
        lines = max(lines, here)
    current = ws.row_dimensions[row].height or 15
    _set_height(ws, row, max(current, line_height * lines + 6, least), ws[row])


def _set_height(ws: Worksheet, row: int, needed: float, cells: Sequence[Cell | MergedCell]) -> None:
    """Make `row` `needed` points high, up to MAX_ROW_HEIGHT; clipped, its `cells` show the
    beginning of their texts (`to_the_top`)."""
    ws.row_dimensions[row].height = min(needed, MAX_ROW_HEIGHT)
    if needed > MAX_ROW_HEIGHT:
        to_the_top(cells)


class _GrowingRow(RowDimension):  # type: ignore[misc]  # (openpyxl is untyped)
    """A row as high as it was made that grows as text is typed into it."""

    @property
    def customHeight(self) -> bool:  # noqa: N802 (openpyxl's name)
        return False


def let_grow(ws: Worksheet, rows: Iterable[int]) -> None:
    """Let `rows` grow with what is typed into them: office suites fit a row to its text as
    it is typed unless its height was set by hand (customHeight), which every height openpyxl
    writes is marked as; they do not re-measure rows when a file is opened, so each opens as
    high as it was made (a blank row, high for handwriting, stays so). 400 characters typed
    into an issued form's row left it two lines high, on screen and on paper (clerk trial
    149)."""
    for r in rows:
        row = ws.row_dimensions[r]
        if row.height is not None:
            row.__class__ = _GrowingRow


def to_the_top(row: Sequence[Cell | MergedCell]) -> None:
    """A row clipped at MAX_ROW_HEIGHT shows the beginning of its texts, not their middle
    (on paper, a text of 1,000 characters showed lines from its middle: clerk trial 148)."""
    for cell in row:
        if isinstance(cell.value, str) and not isinstance(cell, MergedCell):
            a = cell.alignment
            cell.alignment = Alignment(
                horizontal=a.horizontal,
                vertical="top",
                wrap_text=a.wrap_text,
                shrink_to_fit=a.shrink_to_fit,
                indent=a.indent,
                text_rotation=a.text_rotation,
            )


def fit_merged_text(ws: Worksheet, cell: Cell) -> None:
    """Make the row of `cell` — text wrapped across the range merged from it — tall enough
    for its lines in any office suite's CJK font (a line of 10.5-point Noto CJK is about
    1.5 times its size, and wraps sooner than the column widths promise): a row too short
    for its text has it drawn over the row above."""
    width = 0.0
    merged = next((m for m in ws.merged_cells.ranges if cell.coordinate in m), None)
    first, last = (merged.min_col, merged.max_col) if merged else (cell.column, cell.column)
    for col in range(first, last + 1):
        width += ws.column_dimensions[get_column_letter(col)].width or 8.43
    text = str(cell.value or "")
    lines = sum(
        max(1, math.ceil(display_columns(part) / (width * 0.9))) for part in text.split("\n")
    )
    size = float(cell.font.sz or 11) if cell.font else 11.0
    current = ws.row_dimensions[cell.row].height or 15
    _set_height(ws, cell.row, max(current, lines * size * 1.5 + 6), [cell])


_ESCAPED_CHARACTER = re.compile("_(x[0-9A-Fa-f]{4}_)")


def set_value(cell: Cell, value: object) -> None:
    """Set a cell; text stays text (never a formula or error value), loses characters xlsx
    cannot hold, keeps within a cell's 32,767 characters, and a literal _xHHHH_ is escaped
    so that Excel does not read it as the character HHHH."""
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)[:CELL_TEXT_LIMIT]
        cell.value = _ESCAPED_CHARACTER.sub(r"_x005F_\1", text) if "_x" in text else text
        cell.data_type = "s"
    else:
        cell.value = value


def made_here(workbook: Workbook, title: str, subject: str = "") -> None:
    """Mark `workbook` as huitoukan's (see `model.documents`): its title, huitoukan as its
    creator and last modifier, and its creation time now (saving it sets the modified
    time: a workbook modified when it was created was saved by no one after)."""
    workbook.properties.created = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    workbook.properties.title = title
    workbook.properties.subject = subject or None
    workbook.properties.creator = MAKER
    workbook.properties.lastModifiedBy = MAKER
    workbook.properties.keywords = None  # (a 退回修改 copy kept its return's: `table_digest`)
