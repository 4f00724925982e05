"""附件1 (项目清单): the template filled with the campaign's checklist."""

from __future__ import annotations

from copy import copy
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from huitoukan.campaign import COLLEGES_PLACEHOLDER, Campaign, CampaignInfo, default_campaign
from huitoukan.errors import TemplateError
from huitoukan.forms.layout import HEADER_SEARCH_ROWS
from huitoukan.model.documents import CHECKLIST_TITLE
from huitoukan.text import normalize_key
from huitoukan.xlsx.styles import fit_row_height, made_here, set_value

CHECKLIST_FILE = "附件1-项目清单.xlsx"


def fill_checklist(campaign: Campaign, template: Path) -> Workbook:
    """附件1 with the campaign's checklist in place of the template's rows."""
    workbook = load_workbook(template)
    ws = workbook.worksheets[0]
    header_row = None
    for row in ws.iter_rows(max_row=HEADER_SEARCH_ROWS):
        keys = [normalize_key(c.value) for c in row if isinstance(c.value, str)]
        if "督查内容" in keys and "责任部门" in keys:
            header_row = int(row[0].row)
            break
    if header_row is None:
        raise TemplateError("附件1 模板中找不到“督查项目、序号、督查内容……”表头行")
    remark_row = next(
        (
            r
            for r in range(header_row + 1, ws.max_row + 1)
            if isinstance(ws.cell(r, 1).value, str)
            and normalize_key(ws.cell(r, 1).value).startswith("备注")
        ),
        ws.max_row + 1,
    )
    old_count = remark_row - header_row - 1
    styles = [copy(ws.cell(header_row + 1, c)._style) for c in range(1, 6)]
    for merged in list(ws.merged_cells.ranges):
        if header_row < merged.min_row < remark_row:
            ws.unmerge_cells(str(merged))
    delta = len(campaign.checklist) - old_count
    last = ws.max_row
    if delta:
        below = [m for m in ws.merged_cells.ranges if m.min_row >= remark_row]
        heights = {r: ws.row_dimensions[r].height for r in range(remark_row, ws.max_row + 1)}
        for merged in below:
            ws.unmerge_cells(str(merged))
        ws.move_range(
            f"A{remark_row}:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", rows=delta
        )
        for merged in below:
            merged.shift(row_shift=delta)
            ws.merge_cells(str(merged))
        for r, height in heights.items():
            ws.row_dimensions[r + delta].height = height
        if delta < 0:  # the template's rows the notes moved up past are gone (three rows of
            # the built-in checklist stayed below 备注, off the print area: clerk trial 79)
            ws.delete_rows(last + delta + 1, -delta)
    row = header_row + 1
    for item in campaign.checklist:
        values = (
            item.category,
            item.number,
            item.content,
            "\n".join(item.methods),
            "\n".join(_named(campaign, item.departments)),
        )
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row, col)
            set_value(cell, value)
            cell._style = copy(styles[col - 1])
        ws.row_dimensions[row].height = None  # (the template's, for its own item)
        fit_row_height(ws, row, 15, least=max(30, 15 * len(item.departments) + 4))
        row += 1
    groups = _merge_runs(ws, header_row + 1, row - 1)
    if delta:
        ws.print_area = f"A1:E{remark_row + delta}"
    _keep_groups_on_a_page(ws, header_row, groups, range(row, remark_row + delta + 1))
    _title(ws, header_row, campaign)
    made_here(workbook, CHECKLIST_TITLE, campaign.info.title)
    return workbook


def _named(campaign: Campaign, departments: tuple[str, ...]) -> list[str]:
    """An item's 责任部门 as the school names them: 各二级学院 as the colleges listed, on one
    line (a 中学's 附件1 said 各二级学院 for its 年级部: clerk trials 127, 128)."""
    colleges = "、".join(c.name for c in campaign.colleges)
    return [colleges if d == COLLEGES_PLACEHOLDER and colleges else d for d in departments]


def _title(ws: Worksheet, header_row: int, campaign: Campaign) -> None:
    """The title line above the table names the campaign's 项目清单 — kept word for word
    (the provincial “全省学校安全问题专项整治‘回头看’项目清单”) for the provincial list
    under the default title; a school's own list is not titled 全省 (clerk trial 83)."""
    title = campaign.info.title
    if title == CampaignInfo.model_fields["title"].default and _items(campaign) == _items(
        default_campaign()
    ):
        return
    for row in ws.iter_rows(max_row=header_row - 1):
        for cell in row:
            if isinstance(cell.value, str) and normalize_key(cell.value).endswith("项目清单"):
                set_value(cell, f"{title}项目清单")
                return


def _items(campaign: Campaign) -> list[tuple[str, int, str]]:
    """What a checklist asks (not who answers: a school names its own departments)."""
    return [(item.category, item.number, item.content) for item in campaign.checklist]


def _merge_runs(ws: Worksheet, first: int, last: int) -> list[tuple[int, int]]:
    """Merge the 督查项目 cells of each run of rows of one category; the runs."""
    runs = []
    start = first
    while start <= last:
        end = start
        while end < last and ws.cell(end + 1, 1).value == ws.cell(start, 1).value:
            end += 1
        if end > start:
            ws.merge_cells(start_row=start, start_column=1, end_row=end, end_column=1)
        runs.append((start, end))
        start = end + 1
    return runs


PAGE_FILL = 0.97
"""The share of a page's height counted on: row heights add up a little differently in
each office suite."""


def _keep_groups_on_a_page(
    ws: Worksheet, header_row: int, groups: list[tuple[int, int]], remarks: range
) -> None:
    """A page break before each category that would not end on the page it starts on: a
    merged 督查项目 cell split by a page break prints its name on neither part (the
    continued rows would show an empty cell). The `remarks` rows below the table (备注)
    are not left alone on a last page under the repeated header: the last category goes
    over with them.

    The rows are laid out as office suites do: at their heights (15 points when not set),
    on the page's height between the margins, scaled down when the columns are wider than
    the page (fit to one page wide), the print title rows repeated on every page."""
    landscape = ws.page_setup.orientation == ws.ORIENTATION_LANDSCAPE
    paper_height, paper_width = (595.3, 841.9) if landscape else (841.9, 595.3)
    margins = ws.page_margins
    columns = sum(ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(1, 6))
    scale = min(1.0, (paper_width - 72 * (margins.left + margins.right)) / (columns * 5.25 + 5))
    page = (paper_height - 72 * (margins.top + margins.bottom)) / scale * PAGE_FILL

    def height(row: int) -> float:
        return float(ws.row_dimensions[row].height or 15)

    titles = ws.print_title_rows or ""
    repeated = 0.0
    if titles:
        first, last = (int(n) for n in titles.replace("$", "").split(":"))
        repeated = sum(height(r) for r in range(first, last + 1))
    used = sum(height(r) for r in range(1, header_row + 1))
    size = 0.0
    for start, end in groups:
        size = sum(height(r) for r in range(start, end + 1))
        if used + size > page and repeated + size <= page and start > header_row + 1:
            ws.row_breaks.append(Break(id=start - 1))
            used = repeated
        used += size
        while used > page:
            used -= page - repeated
    tail = sum(height(r) for r in remarks)
    if groups and used + tail > page:
        start = groups[-1][0]
        moved = start > header_row + 1 and repeated + size + tail <= page
        if moved and all(b.id != start - 1 for b in ws.row_breaks.brk):
            ws.row_breaks.append(Break(id=start - 1))
