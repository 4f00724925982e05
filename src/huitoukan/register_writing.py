"""Writing the school-wide register 全校隐患台账.xlsx with XlsxWriter.

Every text from a return is written with `write_string`, so nothing a department
typed can become a formula, an error value or a hyperlink in the register.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from huitoukan.campaign import Campaign
from huitoukan.coverage import coverage
from huitoukan.merging import Collection
from huitoukan.models import HazardRow
from huitoukan.register_layout import (
    COVERAGE_SHEET,
    DEFAULT_DEADLINE_SOURCE,
    FILE_COLUMNS,
    FILES_SHEET,
    FORM_DEADLINE_SOURCE,
    HAZARD_COLUMNS,
    HAZARD_SHEET,
    LONG_STANDING_SHEET,
    NOT_RETURNED_SHEET,
    OPEN_SHEET,
    OVERDUE_SHEET,
    PRINTED_HAZARD_COLUMNS,
    PROBLEMS_SHEET,
    SUMMARY_SHEET,
)
from huitoukan.status import StatusReport

Cell = str | int | float | date | None


def hazard_cells(number: int, row: HazardRow, as_of: date) -> list[Cell]:
    checks = []
    if row.errors:
        checks.append(f"错误{row.errors}")
    if row.warnings:
        checks.append(f"警告{row.warnings}")
    overdue = row.days_overdue(as_of)
    return [
        number,
        row.department,
        row.location,
        row.item,
        row.hazard,
        row.measures,
        row.deadline,
        DEFAULT_DEADLINE_SOURCE if row.deadline_is_default else FORM_DEADLINE_SOURCE,
        row.progress or row.progress_text,
        row.owner,
        row.checked_on,
        row.closed_on,
        row.remarks,
        row.state(as_of),
        overdue or None,
        "是" if row.long_standing else "",
        "；".join(checks),
        row.vanished_from,
        row.source_file,
        row.source_sheet,
        row.source_row,
        row.seq,
    ]


class _Book:
    """XlsxWriter workbook with the few formats every sheet shares."""

    def __init__(self, path: Path) -> None:
        import xlsxwriter

        self.wb = xlsxwriter.Workbook(
            str(path),
            {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        base = {"font_name": "宋体", "font_size": 10, "valign": "vcenter", "border": 1}
        self.head = self.wb.add_format(
            {
                **base,
                "font_name": "黑体",
                "bold": True,
                "align": "center",
                "text_wrap": True,
                "bg_color": "#D9E1F2",
            }
        )
        self.text = self.wb.add_format({**base, "text_wrap": True})
        self.number = self.wb.add_format({**base, "align": "center"})
        self.date = self.wb.add_format({**base, "num_format": "yyyy-mm-dd", "align": "center"})
        self.percent = self.wb.add_format({**base, "num_format": "0.0%", "align": "center"})
        self.title = self.wb.add_format(
            {
                "font_name": "宋体",
                "font_size": 16,
                "bold": True,
                "align": "center",
                "valign": "vcenter",
            }
        )
        self.note = self.wb.add_format({"font_name": "宋体", "font_size": 10})
        self.wb.set_properties(
            {
                "title": "全校隐患台账",
                "author": "huitoukan",
                "comments": "由 huitoukan collect 生成；原始报表为准，请勿在此修改",
            }
        )

    def put(self, ws: Any, r: int, c: int, value: Cell, fmt: Any = None) -> None:
        if value is None or value == "":
            ws.write_blank(r, c, None, fmt or self.text)
        elif isinstance(value, str):
            ws.write_string(r, c, value, fmt or self.text)
        elif isinstance(value, datetime):
            ws.write_datetime(r, c, value, fmt or self.date)
        elif isinstance(value, date):
            ws.write_datetime(r, c, datetime(value.year, value.month, value.day), fmt or self.date)
        else:
            ws.write_number(r, c, value, fmt or self.number)

    def table(
        self,
        name: str,
        columns: Sequence[tuple[str, float]],
        rows: Sequence[Sequence[Cell]],
        first_row: int = 0,
        ws: Any = None,
        print_columns: int | None = None,
    ) -> Any:
        ws = ws or self.wb.add_worksheet(name)
        for c, (header, width) in enumerate(columns):
            ws.write_string(first_row, c, header, self.head)
            ws.set_column(c, c, width)
        for r, values in enumerate(rows, start=first_row + 1):
            for c, value in enumerate(values):
                self.put(ws, r, c, value)
        last_row = first_row + max(len(rows), 1)
        ws.freeze_panes(first_row + 1, 0)
        ws.autofilter(first_row, 0, last_row, len(columns) - 1)
        self.print_setup(ws, first_row, last_row, (print_columns or len(columns)) - 1)
        return ws

    @staticmethod
    def print_setup(ws: Any, header_row: int, last_row: int, last_col: int) -> None:
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(header_row)
        ws.print_area(0, 0, last_row, last_col)
        ws.center_horizontally()
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        ws.set_footer("&C第 &P 页，共 &N 页")


def write_register(
    path: Path, campaign: Campaign, collection: Collection, status: StatusReport
) -> None:
    """Write the whole register to `path` (callers pass a temporary path, then rename)."""
    book = _Book(path)
    as_of = status.as_of

    def hazard_sheet(name: str, rows: Sequence[HazardRow]) -> None:
        cells = [hazard_cells(n, h, as_of) for n, h in enumerate(rows, start=1)]
        book.table(name, HAZARD_COLUMNS, cells, print_columns=PRINTED_HAZARD_COLUMNS)

    _summary(book, campaign, status)
    hazards = collection.hazards
    open_rows = [h for h in hazards if not h.closed]
    hazard_sheet(HAZARD_SHEET, hazards)
    hazard_sheet(OPEN_SHEET, open_rows)
    overdue = [h for h in open_rows if h.days_overdue(as_of) > 0]
    hazard_sheet(OVERDUE_SHEET, sorted(overdue, key=lambda h: -h.days_overdue(as_of)))
    _not_returned(book, campaign, status)
    _coverage(book, campaign, collection)
    _files(book, collection)
    _problems(book, collection)
    hazard_sheet(LONG_STANDING_SHEET, [h for h in open_rows if h.long_standing])
    book.wb.close()


def _summary(book: _Book, campaign: Campaign, status: StatusReport) -> None:
    info = campaign.info
    ws = book.wb.add_worksheet(SUMMARY_SHEET)
    columns = [
        ("序号", 6),
        ("部门", 16),
        ("报送情况", 12),
        ("首次报送日期", 12),
        ("隐患数", 8),
        ("已销号", 8),
        ("未销号", 8),
        ("逾期", 8),
        ("历史遗留", 8),
        ("销号率", 9),
    ]
    ws.merge_range(0, 0, 0, len(columns) - 1, f"{info.school}{info.title}全校隐患台账", book.title)
    ws.set_row(0, 30)
    ws.write_string(
        1,
        0,
        f"文号：{info.document_number}　报送截止：{info.returns_due}　整改默认时限："
        f"{info.default_deadline}　统计日期：{status.as_of}",
        book.note,
    )
    rows: list[list[Cell]] = []
    for n, dept in enumerate(status.departments, start=1):
        if dept.returned:
            returned = "逾期报送" if dept.late else "已报送"
        else:
            returned = "未报送"
        rows.append(
            [
                n,
                dept.department,
                returned,
                dept.first_returned_on,
                dept.hazards,
                dept.closed,
                dept.open,
                dept.overdue,
                dept.long_standing,
                dept.closure_rate,
            ]
        )
    totals = status.totals
    first = 3
    book.table(SUMMARY_SHEET, columns, rows, first_row=first, ws=ws)
    total_row = first + len(rows) + 1
    total: list[Cell] = [
        "",
        "合计",
        f"{totals.returned}/{totals.departments}",
        None,
        totals.hazards,
        totals.closed,
        totals.open,
        totals.overdue,
        sum(d.long_standing for d in status.departments),
        totals.closure_rate,
    ]
    for c, value in enumerate(total):
        book.put(ws, total_row, c, value, book.percent if c == 9 and value is not None else None)
    for r, dept in enumerate(status.departments, start=first + 1):
        if dept.closure_rate is not None:
            ws.write_number(r, 9, dept.closure_rate, book.percent)
    book.print_setup(ws, first, total_row + 22, len(columns) - 1)
    if rows:
        chart = book.wb.add_chart({"type": "bar", "subtype": "stacked"})
        last = first + len(rows)
        for col, name, colour in ((5, "已销号", "#70AD47"), (6, "未销号", "#ED7D31")):
            chart.add_series(
                {
                    "name": name,
                    "categories": [SUMMARY_SHEET, first + 1, 1, last, 1],
                    "values": [SUMMARY_SHEET, first + 1, col, last, col],
                    "fill": {"color": colour},
                }
            )
        chart.set_title({"name": "各部门隐患销号情况", "name_font": {"name": "宋体", "size": 12}})
        chart.set_y_axis({"reverse": True, "num_font": {"name": "宋体"}})
        chart.set_x_axis({"name": "隐患数", "major_gridlines": {"visible": True}})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 720, "height": max(280, 40 * len(rows) + 100)})
        ws.insert_chart(total_row + 2, 0, chart)


def _not_returned(book: _Book, campaign: Campaign, status: StatusReport) -> None:
    due = campaign.info.returns_due
    rows: list[list[Cell]] = []
    for n, name in enumerate(status.not_returned, start=1):
        late = (status.as_of - due).days
        note = f"逾期未报送 {late} 天" if late > 0 else "截止日期前，尚未报送"
        rows.append([n, name, len(campaign.items_for(name)), due, note])
    book.table(
        NOT_RETURNED_SHEET,
        [("序号", 6), ("部门", 16), ("应查项目数", 10), ("报送截止", 12), ("情况", 24)],
        rows,
    )


def _coverage(book: _Book, campaign: Campaign, collection: Collection) -> None:
    units = [u.name for u in campaign.units]
    columns = [("督查项目", 10), ("督查内容", 40)] + [(u, 10) for u in units]
    rows: list[list[Cell]] = [
        [row.item, row.content, *(row.cells[u] for u in units)]
        for row in coverage(campaign, collection)
    ]
    book.table(COVERAGE_SHEET, columns, rows)


def _files(book: _Book, collection: Collection) -> None:
    rows: list[list[Cell]] = []
    for form in collection.forms:
        rows.append(
            [
                len(rows) + 1,
                form.file,
                form.department,
                form.department_text,
                form.head,
                form.form_date,
                datetime.fromtimestamp(form.modified).strftime("%Y-%m-%d %H:%M"),
                form.sha256,
                collection.outcomes[form.file].value,
                len(form.hazards),
                form.errors if form.readable else 1,
                form.warnings,
                form.reason,
            ]
        )
    for skipped in collection.skipped:
        rows.append(
            [
                len(rows) + 1,
                skipped.file,
                "",
                "",
                "",
                None,
                "",
                "",
                "已跳过",
                None,
                None,
                None,
                skipped.reason,
            ]
        )
    book.table(FILES_SHEET, FILE_COLUMNS, rows)


def _problems(book: _Book, collection: Collection) -> None:
    rows: list[list[Cell]] = [
        [n, p.severity.value, p.department, p.file, p.where, p.field, p.value, p.message, p.code]
        for n, p in enumerate(collection.problems, start=1)
    ]
    book.table(
        PROBLEMS_SHEET,
        [
            ("序号", 6),
            ("严重程度", 8),
            ("部门", 12),
            ("文件", 30),
            ("位置", 16),
            ("字段", 12),
            ("填写内容", 20),
            ("问题说明", 60),
            ("代码", 18),
        ],
        rows,
    )
