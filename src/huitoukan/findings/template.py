"""The blank 交办问题清单 `huitoukan init --findings` writes for the clerk to fill in.

One table with the list's columns, drop-downs for 问题来源 and 责任部门 (free text still
allowed, for several departments in one cell), date cells, A4 landscape printing, and a
filled example row (问题编号 示例) that the clerk deletes; left in, it is ignored.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from huitoukan.campaign import Campaign
from huitoukan.forms.findings_layout import (
    CHOICES_SHEET,
    EXAMPLE_NUMBER,
    LIST_COLUMNS,
    LIST_SHEET,
    LIST_WIDTHS,
)
from huitoukan.model.documents import FINDINGS_TITLE
from huitoukan.xlsx.styles import (
    BODY_FONT,
    BOX,
    CENTER,
    DATE_FORMAT,
    LEFT,
    date_validation,
    made_here,
    write_table,
)

BLANK_ROWS = 50
LAST_CHOICE_ROW = 1000
"""The drop-downs and date checks reach this far below the bordered rows: a 县级普查 or an
audit can hand over hundreds of problems, typed on below the table."""


def blank_list(campaign: Campaign) -> Workbook:
    workbook = Workbook()
    ws = workbook.active
    ws.title = LIST_SHEET
    columns = [(c.header, w) for c, w in zip(LIST_COLUMNS[:-1], LIST_WIDTHS, strict=False)]
    info = campaign.info
    example = [
        f"{EXAMPLE_NUMBER}-1",
        campaign.sources[0].name if campaign.sources else "",
        info.issued_on,
        "（示例）3号教学楼",
        "（示例）二楼走廊灭火器压力不足，请删除本行后填写",
        "、".join(u.name for u in campaign.units[:2]),
        "更换灭火器，建立月检记录",
        info.returns_due,
    ]
    rows: list[list[object]] = [example] + [[""] * len(columns) for _ in range(BLANK_ROWS)]
    write_table(ws, columns, rows, title=f"{info.school}交办问题清单")
    _typed_on(ws, len(columns), first=4)
    choices = workbook.create_sheet(CHOICES_SHEET)
    choices.sheet_state = "hidden"
    for r, source in enumerate(campaign.sources, start=1):
        choices.cell(r, 1, source.name)
    for r, unit in enumerate(campaign.units, start=1):
        choices.cell(r, 2, unit.name)
    first, last = 3, LAST_CHOICE_ROW
    letters = {c.field: get_column_letter(i) for i, c in enumerate(LIST_COLUMNS, start=1)}
    # printed and filtered as long as it is typed (a print area of the bordered rows printed
    # 51 problems of 120, with no word: clerk trial 45)
    ws.print_area = None
    ws.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{last}"
    source = DataValidation(
        type="list",
        formula1=f"'{CHOICES_SHEET}'!$A$1:$A${max(1, len(campaign.sources))}",
        allow_blank=True,
        promptTitle="问题来源",
        prompt="从下拉列表选择检查来源",
    )
    department = DataValidation(
        type="list",
        formula1=f"'{CHOICES_SHEET}'!$B$1:$B${len(campaign.units)}",
        allow_blank=True,
        promptTitle="责任部门",
        # the campaign's own two (another school's, or one renamed since, named none of
        # its departments: clerk trial 146)
        prompt="可从下拉列表选择；多个部门用顿号分隔，如 "
        + "、".join(u.name for u in campaign.units[:2]),
    )
    department.showErrorMessage = False  # several departments are typed in one cell
    for validation, field in ((source, "source"), (department, "departments")):
        validation.showInputMessage = True
        ws.add_data_validation(validation)
        validation.add(f"{letters[field]}{first}:{letters[field]}{last}")
    for field in ("found_on", "deadline"):
        dates = date_validation(info.issued_on.isoformat())
        ws.add_data_validation(dates)
        dates.add(f"{letters[field]}{first}:{letters[field]}{last}")
    made_here(workbook, FINDINGS_TITLE, campaign.info.title)
    return workbook


def _typed_on(ws: Worksheet, count: int, first: int) -> None:
    """What is typed into the blank rows (from `first`) and below them looks like the
    example row: rows grow with their text (a fixed height cut long descriptions off),
    dates read 2023年12月20日 (typed below the bordered rows they read 45250), wrapped
    and bordered — the columns carry the style, which a suite gives each cell typed in."""
    for row in range(first, ws.max_row + 1):
        ws.row_dimensions[row].height = None
    for index, column in enumerate(LIST_COLUMNS[:count], start=1):
        letter = get_column_letter(index)
        is_date = column.field in ("found_on", "deadline")
        style = ws.column_dimensions[letter]
        style.font, style.border = BODY_FONT, BOX
        style.alignment = CENTER if is_date else LEFT
        if is_date:
            style.number_format = DATE_FORMAT
            for row in range(first, ws.max_row + 1):
                ws.cell(row, index).number_format = DATE_FORMAT
                ws.cell(row, index).alignment = CENTER
