"""scripts/printcheck.py on workbooks made here, each with one known print defect (or none).

One LibreOffice run checks all of them (a module fixture); each test reads its file's report.
The pure parts (header/footer patterns, geometry, the one-sheet copies) need no LibreOffice.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

from scripts import printcheck as pc

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
DEPARTMENTS = ["安全保卫处", "总务基建处", "学生工作处", "各二级学院", "附属医院"]
FOOTER = "第 &P 页，共 &N 页"


def table_sheet(
    ws: Worksheet, rows: int, *, title: str | None = "安全隐患整改台账", repeat_header: bool = True
) -> None:
    """A plain bordered table: optional merged title row, a header row, `rows` data rows."""
    headers = ["序号", "部门", "存在隐患问题", "整改措施", "整改时限"]
    widths = [8, 16, 40, 30, 16]
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
        ws["A1"].font = Font(name="黑体", size=16)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.row_dimensions[1].height = 28
    ws.append(headers)
    header_row = ws.max_row
    for i in range(1, rows + 1):
        ws.append(
            [
                i,
                DEPARTMENTS[i % len(DEPARTMENTS)],
                f"第{i}号教学楼消防通道堆放杂物",
                "清理杂物并张贴警示标识",
                "2023-12-31",
            ]
        )
    for row in ws.iter_rows(min_row=header_row, max_row=ws.max_row, max_col=len(headers)):
        for cell in row:
            cell.border = BOX
            cell.font = Font(name="宋体", size=11, bold=cell.row == header_row)
    for col, width in zip("ABCDE", widths, strict=True):
        ws.column_dimensions[col].width = width
    if repeat_header:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = FOOTER
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"  # five columns of 110 characters: wider than portrait


def clean(path: Path) -> None:
    wb = Workbook()
    table_sheet(wb.active, 60)  # two A4 pages, header repeated, Excel default margins
    wb.active.title = "台账"
    wb.save(path)


def clean_two_sheets(path: Path) -> None:
    wb = Workbook()
    wb.active.title = "汇总"
    table_sheet(wb.active, 8, title="隐患汇总")
    table_sheet(wb.create_sheet("明细"), 50, title="隐患明细")
    ws = wb.create_sheet("隐藏")
    ws.append(["不打印"])
    ws.sheet_state = "hidden"
    wb.save(path)


def cut_footer(path: Path) -> None:
    wb = Workbook()
    table_sheet(wb.active, 20)
    wb.active.page_margins.bottom = 0.6  # footer area 0.1": LibreOffice cuts the footer
    wb.active.page_margins.footer = 0.5
    wb.save(path)


LONG = (
    "宿舍楼、教学楼、实验室、食堂、体育馆、图书馆、礼堂等人员密集场所消防安全责任制、"
    "消防设施设备、消防应急演练等工作落实情况。"
)


def overlap(path: Path) -> None:
    """Wrapped text in rows without a height: LibreOffice keeps them one line high and lets the
    text run over the rows above and below."""
    wb = Workbook()
    ws = wb.active
    table_sheet(ws, 10)
    for row in (4, 5):
        ws.cell(row, 3).value = LONG
        ws.cell(row, 3).alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(path)


def row_too_low(path: Path) -> None:
    """The same text in rows with an explicit one-line height: LibreOffice clips it."""
    wb = Workbook()
    ws = wb.active
    table_sheet(ws, 10)
    for row in (4, 6):
        ws.cell(row, 3).value = LONG
        ws.cell(row, 3).alignment = Alignment(wrap_text=True, vertical="center")
        ws.row_dimensions[row].height = 15
    wb.save(path)


def no_title(path: Path) -> None:
    wb = Workbook()
    table_sheet(wb.active, 60, title=None, repeat_header=False)
    wb.save(path)


def broken_wrap(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    table_sheet(ws, 5)
    ws["E2"].value = "整改完成情况"
    ws["E2"].alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    ws.column_dimensions["E"].width = 9.5  # five characters fit, the sixth wraps alone
    ws.row_dimensions[2].height = 32
    wb.save(path)


def paragraph(path: Path) -> None:
    """A long text whose last wrapped line holds one character: normal for a paragraph."""
    wb = Workbook()
    ws = wb.active
    ws.append(["整改说明"])
    ws.append(["存在隐患问题"])
    # eleven characters a line in a column 20 wide: three full lines, then 理。
    ws.append(["配电室内堆放纸箱和废旧桌椅距离配电柜不足一米存在火灾隐患需要立即清理。"])
    ws["A1"].font = Font(name="黑体", size=16)
    ws.column_dimensions["A"].width = 20
    ws["A3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[3].height = 80
    ws.oddFooter.center.text = FOOTER
    wb.save(path)


def number_overflow(path: Path) -> None:
    """A date wider than its column: suites print ### in its place."""
    wb = Workbook()
    ws = wb.active
    table_sheet(ws, 5)
    ws["E3"].value = date(2023, 12, 20)
    ws["E3"].number_format = 'yyyy"年"m"月"d"日"'
    ws.column_dimensions["E"].width = 8
    wb.save(path)


def record_pages(path: Path) -> None:
    """A page per record, each with its own title (as 一问题一档案): no header row repeats."""
    wb = Workbook()
    ws = wb.active
    for n in range(1, 4):
        ws.append([f"隐患整改记录（{n}）"])
        ws.cell(ws.max_row, 1).font = Font(name="黑体", size=16)
        ws.row_dimensions[ws.max_row].height = 28
        for label in ("部门", "部位", "存在隐患问题"):
            ws.append([label, DEPARTMENTS[n]])
        if n < 3:
            ws.row_breaks.append(pc_break(ws.max_row))
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 40
    ws.oddFooter.center.text = FOOTER
    wb.save(path)


def pc_break(row: int) -> object:
    from openpyxl.worksheet.pagebreak import Break

    return Break(id=row)


def chart_split(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    table_sheet(ws, 8, title="各部门隐患情况")
    chart = BarChart()
    chart.title = "各部门隐患销号情况"
    chart.add_data(Reference(ws, min_col=1, min_row=2, max_row=10), titles_from_data=True)
    chart.height, chart.width = 12, 18  # cm: runs past the first landscape page's bottom
    ws.add_chart(chart, "B14")
    wb.save(path)


MAKERS: dict[str, Callable[[Path], None]] = {
    "clean": clean,
    "clean_two_sheets": clean_two_sheets,
    "cut_footer": cut_footer,
    "overlap": overlap,
    "row_too_low": row_too_low,
    "no_title": no_title,
    "broken_wrap": broken_wrap,
    "paragraph": paragraph,
    "number_overflow": number_overflow,
    "record_pages": record_pages,
    "chart_split": chart_split,
}


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("books")
    paths = {}
    for name, make in MAKERS.items():
        paths[name] = folder / f"{name}.xlsx"
        make(paths[name])
    return paths


@pytest.fixture(scope="module")
def reports(libreoffice: None, books: dict[str, Path]) -> dict[str, pc.FileReport]:
    keep = next(iter(books.values())).parent / "pdf"
    return {r.path.stem: r for r in pc.check_workbooks(list(books.values()), keep=keep)}


def kinds(report: pc.FileReport) -> set[str]:
    return {d.kind for d in report.defects}


def test_clean_workbook_has_no_defects(reports: dict[str, pc.FileReport]) -> None:
    report = reports["clean"]
    n = len(report.pages)
    assert n >= 2
    assert report.errors == [], pc.format_report(report)
    page = report.pages[0]
    assert (page.paper, page.orientation) == ("A4", "landscape")
    assert page.footer is not None and page.footer.replace(" ", "") == f"第1页，共{n}页"
    assert page.first_line == "安全隐患整改台账"
    assert report.pages[1].first_line.startswith("序号 | 部门")
    assert report.pdf is not None and report.pdf.exists()  # kept where asked


def test_sheets_are_mapped_to_pages(reports: dict[str, pc.FileReport]) -> None:
    report = reports["clean_two_sheets"]
    assert report.errors == [], pc.format_report(report)
    assert list(report.sheets) == ["汇总", "明细"]  # the hidden sheet prints nothing
    assert report.sheets["汇总"] == [1]
    assert [p.sheet for p in report.pages] == ["汇总"] + ["明细"] * (len(report.pages) - 1)


def test_cut_footer(reports: dict[str, pc.FileReport]) -> None:
    report = reports["cut_footer"]
    cut = [d for d in report.defects if d.kind == "cut-footer"]
    assert [d.page for d in cut] == [p.number for p in report.pages]
    assert "cut at the bottom" in cut[0].message
    assert {d.kind for d in report.errors} == {"cut-footer"}, pc.format_report(report)


def test_overlapping_text(reports: dict[str, pc.FileReport]) -> None:
    report = reports["overlap"]
    found = kinds(report)
    assert "overlap" in found, pc.format_report(report)
    texts = [t for d in report.defects if d.kind == "overlap" for t in d.texts]
    assert any("宿舍楼" in t or "消防" in t for t in texts)
    assert "cut-footer" not in found


def test_text_cut_by_row_height(reports: dict[str, pc.FileReport]) -> None:
    report = reports["row_too_low"]
    clipped = [d for d in report.defects if d.kind == "clipped-text"]
    assert clipped, pc.format_report(report)
    assert all(d.page == 1 for d in clipped)
    assert any("cut at the top" in d.message for d in clipped)
    assert any("cut at the bottom" in d.message for d in clipped)


def test_no_title_and_no_repeated_header(reports: dict[str, pc.FileReport]) -> None:
    report = reports["no_title"]
    assert len(report.pages) >= 2
    by_kind: dict[str, pc.Defect] = {}
    for d in report.defects:
        by_kind.setdefault(d.kind, d)
    assert by_kind["no-title"].page == 1
    assert by_kind["no-title"].texts[0].startswith("序号 | 部门")
    assert by_kind["no-repeated-header"].page == 2


def test_pages_that_each_start_with_a_title(reports: dict[str, pc.FileReport]) -> None:
    report = reports["record_pages"]
    assert len(report.pages) == 3
    assert [p.first_line for p in report.pages] == [f"隐患整改记录（{n}）" for n in (1, 2, 3)]
    assert report.errors == [], pc.format_report(report)


def test_broken_wrap(reports: dict[str, pc.FileReport]) -> None:
    report = reports["broken_wrap"]
    wraps = [d for d in report.defects if d.kind == "broken-wrap"]
    assert wraps, pc.format_report(report)
    assert "整改完成情/况" in wraps[0].message


def test_a_paragraph_may_end_with_one_character(reports: dict[str, pc.FileReport]) -> None:
    report = reports["paragraph"]
    assert report.pages[0].first_line == "整改说明"
    assert report.errors == [], pc.format_report(report)


def test_a_date_wider_than_its_column(reports: dict[str, pc.FileReport]) -> None:
    report = reports["number_overflow"]
    overflow = [d for d in report.defects if d.kind == "number-overflow"]
    assert overflow, pc.format_report(report)
    assert re.fullmatch("#+", overflow[0].message.split("'")[1])


def test_chart_split(reports: dict[str, pc.FileReport]) -> None:
    report = reports["chart_split"]
    assert "graphic-split" in kinds(report), pc.format_report(report)
    cuts = [d for d in report.defects if d.kind == "graphic-cut"]
    assert [(d.page, "bottom" in d.message) for d in cuts] == [(1, True), (2, False)]


def test_command_line(
    libreoffice: None, books: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert pc.main([str(books["clean"]), "--json"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    assert list(report["sheets"]) == ["台账"] and len(report["pages"]) >= 2
    assert pc.main([str(books["cut_footer"]), "--no-sheet-map"]) == 1
    assert "cut-footer" in capsys.readouterr().out


# ----- pure functions


def test_header_footer_pattern() -> None:
    pattern = pc.header_footer_pattern('&"宋体,常规"&10第 &P 页，共 &N 页')
    assert pattern is not None
    assert re.fullmatch(pattern, "第12页，共13页")
    assert not re.fullmatch(pattern, "第页，共页")
    assert pc.header_footer_pattern("") is None


def test_geometry() -> None:
    a, b = pc.Box(0, 0, 10, 10), pc.Box(5, 5, 20, 20)
    assert a.intersect(b) == pc.Box(5, 5, 10, 10)
    assert a.intersect(pc.Box(10, 0, 12, 10)) is None
    assert pc.path_box("M 1 2 L 3 -4 C 5 6 7 8 9 10 Z") == pc.Box(1, -4, 9, 10)
    assert pc.path_box("M 1 2 l 3 4 L 0 9") == pc.Box(0, 2, 4, 9)  # relative: the careful way
    m = pc.parse_transform("matrix(1,0,0,-1,0,100) translate(5,5)")
    assert pc.mat_apply(m, 0, 0) == (5, 95)


def test_one_sheet_variant(tmp_path: Path) -> None:
    src = tmp_path / "two.xlsx"
    clean_two_sheets(src)
    dst = tmp_path / "v.xlsx"
    assert pc.one_sheet_variant(src, dst, 1)
    xml = zipfile.ZipFile(dst).read("xl/workbook.xml").decode()
    assert xml.count('state="hidden"') == 2
    assert 'activeTab="1"' in xml
    assert "'汇总'!$" not in xml  # the hidden sheets' print titles are gone
    not_zip = tmp_path / "not.xlsx"
    not_zip.write_text("x")
    assert not pc.one_sheet_variant(not_zip, dst, 0)
