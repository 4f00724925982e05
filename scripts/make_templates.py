"""Draw templates/附件1.xlsx and templates/附件2.xlsx from the seed work plan.

Run once by a developer (`python scripts/make_templates.py`); the results are
committed and are the office's to edit afterwards. `huitoukan issue` only fills
these files, it never redraws them, so any change made here or by the office in
Excel (a logo, wider columns, another font) reaches every department's form.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from huitoukan.campaign import default_campaign  # noqa: E402
from huitoukan.forms.layout import (  # noqa: E402
    CHECKLIST_SHEET,
    COLUMNS,
    FOOTER_LABELS,
    FORM_SHEET,
    HEADER_LABELS,
    ITEMS_SHEET,
)
from huitoukan.xlsx.styles import (  # noqa: E402
    BODY_FONT,
    BOX,
    CENTER,
    DATE_FORMAT,
    HEAD_FONT,
    LEFT,
    THIN,
    print_setup,
)

LABEL_FONT = Font(name="黑体", size=14)
TITLE_FONT = Font(name="宋体", size=18, bold=True)
LINE_FONT = Font(name="仿宋", size=12)
NOTE_FONT = Font(name="仿宋", size=10.5)


def make_form() -> Workbook:
    campaign = default_campaign()
    info = campaign.info
    wb = Workbook()
    ws = wb.active
    ws.title = FORM_SHEET
    last = len(COLUMNS)
    widths = (5, 10, 9, 13, 20, 24, 22, 14, 13, 8, 14, 14, 14)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(1, index).column_letter].width = width

    ws["A1"] = "附件2"
    ws["A1"].font = LABEL_FONT
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    ws["A2"] = f"{info.school}安全隐患自查整改清单"
    ws["A2"].font = TITLE_FONT
    ws["A2"].alignment = CENTER
    ws.row_dimensions[2].height = 36

    # 部门（章）： ____   主要负责人： ____   日期： ____ 年 __ 月 __ 日
    department, head, form_date = HEADER_LABELS
    for label, label_cols, value_cols in (
        (department, (1, 3), (4, 5)),
        (head, (6, 6), (7, 8)),
        (form_date, (9, 10), (11, 13)),
    ):
        label_col = label_cols[0]
        if label_cols[1] > label_col:
            ws.merge_cells(start_row=3, start_column=label_col, end_row=3, end_column=label_cols[1])
        cell = ws.cell(3, label_col, f"{label.text}：")
        cell.font = LINE_FONT
        cell.alignment = Alignment(horizontal="right", vertical="center")
        ws.merge_cells(start_row=3, start_column=value_cols[0], end_row=3, end_column=value_cols[1])
        value = ws.cell(3, value_cols[0])
        value.font = LINE_FONT
        value.alignment = Alignment(horizontal="left", vertical="center")
        for col in range(value_cols[0], value_cols[1] + 1):
            ws.cell(3, col).border = Border(bottom=THIN)
    ws.cell(3, 11).number_format = DATE_FORMAT
    ws.row_dimensions[3].height = 28

    ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=last)
    ws["A4"] = (
        "填报说明：请于12月15日前将本表纸质版经主要领导签字后报安全保卫处，电子版同时报送。"
        "有问题编号的行是交办给本部门的问题（编号、来源、部位、问题描述和交办要求的整改时限已填好），请逐项填写整改情况；"
        "自查发现的隐患填在空白行（每条隐患填一行，问题来源为“自查”）。整改完成情况从下拉列表中选择，已完成的填写销号时间；"
        "短期内难以整改到位的，在备注中注明“历史遗留”并写明补救或替代措施。"
        "整改前后照片可直接粘贴在该隐患所在行（WPS、Excel 中可选“嵌入单元格”或“放置在单元格中”，也可浮动放在该行上）。"
    )
    ws["A4"].font = NOTE_FONT
    ws["A4"].alignment = LEFT
    ws.row_dimensions[4].height = 48

    header_row = 5
    for index, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(header_row, index, column.header)
        cell.font = HEAD_FONT
        cell.alignment = CENTER
        cell.border = BOX
    ws.row_dimensions[header_row].height = 30
    first_data = header_row + 1
    for number in range(1, 11):
        row = first_data + number - 1
        ws.row_dimensions[row].height = 36
        for index, column in enumerate(COLUMNS, start=1):
            cell = ws.cell(row, index)
            cell.font = BODY_FONT
            cell.border = BOX
            centred = ("seq", "number", "source", "progress", "owner")
            cell.alignment = CENTER if column.field in centred else LEFT
            if column.field in ("deadline", "checked_on", "closed_on"):
                cell.number_format = DATE_FORMAT
                cell.alignment = CENTER
        ws.cell(row, 1, number)

    footer_row = first_data + 10 + 1
    reporter, phone = FOOTER_LABELS
    for label, label_cols, value_cols in ((reporter, (1, 3), (4, 5)), (phone, (6, 6), (7, 9))):
        label_col = label_cols[0]
        if label_cols[1] > label_col:
            ws.merge_cells(
                start_row=footer_row,
                start_column=label_col,
                end_row=footer_row,
                end_column=label_cols[1],
            )
        cell = ws.cell(footer_row, label_col, f"{label.text}：")
        cell.font = LINE_FONT
        cell.alignment = Alignment(horizontal="right", vertical="center")
        ws.merge_cells(
            start_row=footer_row,
            start_column=value_cols[0],
            end_row=footer_row,
            end_column=value_cols[1],
        )
        ws.cell(footer_row, value_cols[0]).font = LINE_FONT
        for col in range(value_cols[0], value_cols[1] + 1):
            ws.cell(footer_row, col).border = Border(bottom=THIN)
    ws.row_dimensions[footer_row].height = 28

    ws.freeze_panes = ws.cell(first_data, 1)
    print_setup(
        ws, f"{header_row}:{header_row}", f"A1:{ws.cell(1, last).column_letter}{footer_row}"
    )

    # 本部门检查项目: written in full by `issue` for each department.
    wb.create_sheet(ITEMS_SHEET)
    return wb


def make_checklist() -> Workbook:
    campaign = default_campaign()
    wb = Workbook()
    ws = wb.active
    ws.title = CHECKLIST_SHEET
    headers = (("督查项目", 14), ("序号", 6), ("督查内容", 62), ("督查方法", 12), ("责任部门", 16))
    ws["A1"] = "附件1"
    ws["A1"].font = LABEL_FONT
    ws.merge_cells("A2:E2")
    ws["A2"] = "全省学校安全问题专项整治“回头看”项目清单"
    ws["A2"].font = TITLE_FONT
    ws["A2"].alignment = CENTER
    ws.row_dimensions[2].height = 40
    for index, (header, width) in enumerate(headers, start=1):
        cell = ws.cell(3, index, header)
        cell.font = HEAD_FONT
        cell.alignment = CENTER
        cell.border = BOX
        ws.column_dimensions[cell.column_letter].width = width
    ws.row_dimensions[3].height = 26
    row = 4
    for item in campaign.checklist:
        values = (
            item.category,
            item.number,
            item.content,
            "\n".join(item.methods),
            "\n".join(item.departments),
        )
        for index, value in enumerate(values, start=1):
            cell = ws.cell(row, index, value)
            cell.font = BODY_FONT
            cell.border = BOX
            cell.alignment = LEFT if index == 3 else CENTER
        ws.row_dimensions[row].height = max(30, 15 * len(item.departments) + 4)
        row += 1
    start = 4
    while start < row:
        end = start
        while end + 1 < row and ws.cell(end + 1, 1).value == ws.cell(start, 1).value:
            end += 1
        if end > start:
            ws.merge_cells(start_row=start, start_column=1, end_row=end, end_column=1)
        start = end + 1
    ws.cell(row, 1, "备注\n（问题隐患补充）")
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=5)
    for index in range(1, 6):
        cell = ws.cell(row, index)
        cell.font = HEAD_FONT if index == 1 else BODY_FONT
        cell.border = BOX
        cell.alignment = CENTER if index == 1 else LEFT
    ws.row_dimensions[row].height = 60
    ws.freeze_panes = "A4"
    print_setup(ws, "3:3", f"A1:E{row}")
    return wb


def main() -> None:
    out = ROOT / "templates"
    out.mkdir(exist_ok=True)
    make_checklist().save(out / "附件1.xlsx")
    make_form().save(out / "附件2.xlsx")
    print(f"written: {out / '附件1.xlsx'}, {out / '附件2.xlsx'}")


if __name__ == "__main__":
    main()
