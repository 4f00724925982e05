"""Filling issued forms the way a department does, with openpyxl, for tests."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from huitoukan.campaign import Campaign
from huitoukan.forms.issuing import TemplateForm, fill_form, form_file_name
from huitoukan.forms.layout import COLUMNS, FORM_SHEET, find_header
from huitoukan.forms.templates import FORM_TEMPLATE, template_path
from huitoukan.model.findings import Finding
from huitoukan.model.returns import ReturnForm
from huitoukan.returns.batch import read_one

Row = Mapping[str, object]
"""Header text (序号, 部位, …) → value to type."""


def header_position(ws: Worksheet) -> tuple[int, dict[str, int]]:
    """1-based header row and header text → 1-based column."""
    grid = [list(r) for r in ws.iter_rows(max_row=60, values_only=True)]
    match = find_header(grid)
    assert match is not None
    by_header = {c.header: match.columns[c.field] + 1 for c in COLUMNS if c.field in match.columns}
    return match.row + 1, by_header


def label_cell(ws: Worksheet, label: str) -> tuple[int, int]:
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.replace(" ", "").startswith(label):
                return cell.row, cell.column
    raise AssertionError(f"no label {label}")


def input_cell(ws: Worksheet, label: str) -> tuple[int, int]:
    """The cell right of a label (after the label's merged cells): where its value goes."""
    row, col = label_cell(ws, label)
    for merged in ws.merged_cells.ranges:
        if ws.cell(row, col).coordinate in merged:
            col = merged.max_col
    return row, col + 1


def set_label(ws: Worksheet, label: str, value: object) -> None:
    """Type `value` into the cell right of a label (skipping the label's merged cells)."""
    ws.cell(*input_cell(ws, label)).value = value


def write_rows(ws: Worksheet, rows: Sequence[Row], skip: int = 0) -> None:
    """Type rows into the table after its first `skip` rows, inserting rows (as Excel
    would) when there are not enough."""
    TemplateForm(ws.parent).make_room(skip + len(rows))
    header_row, columns = header_position(ws)
    first = header_row + 1 + skip
    for offset, row in enumerate(rows):
        for header, value in row.items():
            cell = ws.cell(first + offset, columns[header])
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"


def not_as_issued(path: Path) -> Path:
    """`path`'s workbook made as a form typed afresh, not the one issued to a department
    (whose title names the department: a blank 部门（章） is then that one's)."""
    workbook = load_workbook(path)
    workbook.properties.title = "安全隐患自查整改清单"
    workbook.save(path)
    return path


def marks(ws: Worksheet) -> dict[str, str]:
    """The cells a 退回修改 copy marks (the top-left one of a merged range) → the colour:
    a conditional format of the copy's colours (shown while the cell holds what was marked),
    or a fill of them."""
    from huitoukan.letters.feedback import ERROR_FILL, WARNING_FILL

    ours = {ERROR_FILL.fgColor.rgb, WARNING_FILL.fgColor.rgb}
    found: dict[str, str] = {}
    for formatting in ws.conditional_formatting:
        for rule in formatting.rules:
            fill = rule.dxf.fill if rule.dxf is not None else None
            if fill is not None and fill.bgColor.rgb in ours:
                for area in formatting.sqref.ranges:
                    found[area.coord.split(":")[0]] = fill.bgColor.rgb
    for row in ws.iter_rows():
        for cell in row:
            if cell.fill.fgColor.rgb in ours:
                found.setdefault(cell.coordinate, cell.fill.fgColor.rgb)
    return found


def filled_form(
    campaign: Campaign,
    department: str,
    out: Path,
    rows: Sequence[Row] = (),
    *,
    head: str | None = "张主任",
    form_date: object = date(2023, 12, 14),
    reporter: str | None = "李干事",
    phone: str | None = "0632-1234567",
    department_text: str | None = None,
    assigned: Sequence[Finding] = (),
    answers: Mapping[str, Row] | None = None,
) -> Path:
    """An issued form of `department` (listing the `assigned` problems first), filled in
    and saved as `out`: `answers` by 问题编号 typed into the assigned rows, `rows` below."""
    unit = campaign.resolve_units([department])[0]
    mine = [f for f in assigned if unit.name in f.departments]
    wb = fill_form(campaign, unit, template_path(FORM_TEMPLATE), assigned=mine)
    ws = wb[FORM_SHEET]
    ws.protection.sheet = False  # openpyxl types into locked cells: a department cannot
    header_row, columns = header_position(ws)
    for offset, finding in enumerate(mine):
        assert ws.cell(header_row + 1 + offset, columns["问题编号"]).value == finding.number
        for header, value in (answers or {}).get(finding.number, {}).items():
            ws.cell(header_row + 1 + offset, columns[header]).value = value
    if department_text is not None:
        set_label(ws, "部门", department_text)
    if head is not None:
        set_label(ws, "主要负责人", head)
    if form_date is not None:
        set_label(ws, "日期", form_date)
    if reporter is not None:
        set_label(ws, "上报人", reporter)
    if phone is not None:
        set_label(ws, "联系方式", phone)
    write_rows(ws, rows, skip=len(mine))
    wb.properties.lastModifiedBy = "填表人"  # Excel, WPS and LibreOffice name who saved it
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


MISFILED_NAME = "各二级学院-安全隐患自查整改清单.xlsx"


def misfiled_pair(
    campaign: Campaign,
    returns: Path,
    misfiled_on: date = date(2023, 12, 16),
    name: str = MISFILED_NAME,
) -> tuple[Path, Path]:
    """高级技工学校's form filled in by another department (its header 高级技工学校, the file
    named for 各二级学院 by default) and 高级技工学校's own return, 技校.xlsx of 12月14日: the
    form sharing no hazard with it, `merging.refiled` sets it aside."""
    misfiled = filled_form(
        campaign,
        "高级技工学校",
        returns / name,
        [hazard(部位="机电学院实训车间")],
        form_date=misfiled_on,
    )
    own = filled_form(
        campaign, "高级技工学校", returns / "技校.xlsx", [closed()], form_date=date(2023, 12, 14)
    )
    return misfiled, own


def ask_by(form: Path, due: date, title_mark: str = "") -> None:
    """The issued form at `form` asking, in its 填报说明, for it by `due` (as a form issued
    for another campaign does), its document title ending in `title_mark`."""
    from huitoukan.forms.layout import FORM_SHEET

    wb = load_workbook(form)
    [cell] = [
        c
        for row in wb[FORM_SHEET].iter_rows(max_row=8)
        for c in row
        if str(c.value).startswith("填报说明")
    ]
    assert "请于2023年12月15日前" in cell.value
    cell.value = cell.value.replace(
        "请于2023年12月15日前", f"请于{due.year}年{due.month}月{due.day}日前"
    )
    if title_mark:
        wb.properties.title = f"{wb.properties.title or ''}{title_mark}"
    wb.save(form)


def workbook_text(path: Path) -> str:
    """Every cell's value of every sheet of the workbook at `path`, run together."""
    book = load_workbook(path)
    return "".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value)


def hazard(**fields: object) -> dict[str, object]:
    """A complete, valid hazard row, with any field overridden (keys are header texts)."""
    row: dict[str, object] = {
        "部位": "教学楼",
        "检查内容": "校园交通安全教育情况。",
        "存在隐患问题": "楼道灭火器过期",
        "整改措施": "更换灭火器",
        "整改时限": date(2023, 12, 20),
        "整改完成情况": "整改中",
        "责任人": "王五",
        "检查时间": date(2023, 12, 10),
    }
    row.update(fields)
    return row


def closed(**fields: object) -> dict[str, object]:
    return hazard(**{"整改完成情况": "已完成", "销号时间": date(2023, 12, 12), **fields})


def default_name(department: str) -> str:
    return form_file_name(department)


def sheet_rows(path: Path, sheet: str, header_row: int | None = None) -> list[dict[str, object]]:
    """A register sheet as dicts keyed by its header row (cell values read back): the
    1-based `header_row`, or the first row of two or more cells (below the sheet's title)."""
    ws = load_workbook(path)[sheet]
    if header_row is None:
        header_row = next(
            r
            for r, values in enumerate(ws.iter_rows(max_row=10, values_only=True), start=1)
            if sum(v is not None for v in values) >= 2
        )
    rows = list(ws.iter_rows(min_row=header_row, values_only=True))
    header = [str(h) for h in rows[0]]
    return [dict(zip(header, r, strict=False)) for r in rows[1:] if any(v is not None for v in r)]


def read_form(
    path: Path, campaign: Campaign, as_of: date | None = None, debug: bool = False
) -> ReturnForm:
    """The one form a returned file holds, read behind the reader's safety net."""
    forms = read_one(path, campaign, as_of, debug)
    assert len(forms) == 1, [f.file for f in forms]
    return forms[0]


def answer(**fields: object) -> dict[str, object]:
    """A department's answer to an assigned problem (keys are header texts)."""
    row: dict[str, object] = {
        "检查内容": "校园交通安全教育情况。",
        "整改措施": "已整改",
        "整改完成情况": "整改中",
        "责任人": "王五",
        "检查时间": date(2023, 12, 10),
    }
    row.update(fields)
    return row


LIST_HEADERS = (
    "问题编号",
    "问题来源",
    "发现时间",
    "部位",
    "问题描述",
    "责任部门",
    "整改要求",
    "整改时限",
)


def findings_list(
    path: Path, rows: Sequence[Mapping[str, object]], order: Sequence[str] = LIST_HEADERS
) -> Path:
    """A 交办问题清单 written by another program (XlsxWriter, shared strings), its columns in
    `order`, a title line above the header as clerks write one."""
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("问题清单")
    ws.write_string(0, 0, "各级检查发现问题交办清单")
    for c, header in enumerate(order):
        ws.write_string(2, c, header)
    for r, row in enumerate(rows, start=3):
        for c, header in enumerate(order):
            value = row.get(header)
            if isinstance(value, date):
                ws.write_datetime(
                    r,
                    c,
                    datetime(value.year, value.month, value.day),
                    book.add_format({"num_format": "yyyy-mm-dd"}),
                )
            elif value is not None:
                ws.write_string(r, c, str(value))
    book.close()
    return path


def listed_problem(
    number: str,
    source: str,
    found_on: date,
    location: str,
    description: str,
    *departments: str,
) -> Finding:
    """A problem of the campaign's 交办问题清单, as collect reads it."""
    return Finding(
        number=number,
        source=source,
        found_on=found_on,
        location=location,
        description=description,
        departments=departments,
    )


def city_finding(
    number: str, found_on: date, location: str, description: str, *departments: str
) -> Finding:
    """A problem a 市级抽查 found, as the cross-check reads it from its list."""
    return Finding(
        number=number,
        source="市级抽查",
        found_on=found_on,
        location=location,
        description=description,
        departments=departments,
    )
