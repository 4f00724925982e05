"""Print and cell styles shared by the workbooks huitoukan writes with openpyxl."""

from __future__ import annotations

import re
from collections.abc import Sequence

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

from huitoukan.xlsx.writer import CELL_TEXT_LIMIT

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
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.font = "宋体"


def write_table(
    ws: Worksheet, headers: Sequence[tuple[str, float]], rows: Sequence[Sequence[object]]
) -> None:
    """A simple bordered table from A1 with a frozen, filtered, repeated header row."""
    for index, (header, width) in enumerate(headers, start=1):
        cell = ws.cell(1, index, header)
        cell.font = HEAD_FONT
        cell.alignment = CENTER
        cell.border = BOX
        ws.column_dimensions[cell.column_letter].width = width
    for row_index, values in enumerate(rows, start=2):
        for col_index, value in enumerate(values, start=1):
            cell = ws.cell(row_index, col_index)
            set_value(cell, value)
            cell.font = BODY_FONT
            cell.alignment = LEFT
            cell.border = BOX
    last = ws.cell(max(1, len(rows) + 1), len(headers)).coordinate
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last}"
    print_setup(ws, "1:1", f"A1:{last}")


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
