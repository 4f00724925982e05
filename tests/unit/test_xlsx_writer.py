from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
import python_calamine
from openpyxl import load_workbook

from huitoukan.cells import column_index, column_letter
from huitoukan.errors import HuitoukanError
from huitoukan.xlsx.writer import BarChart, Sheet, Style, cells, write_workbook

TRICKY = [
    "a&b<c>d",
    '=HYPERLINK("http://x.invalid","x")',
    "+1",
    "@SUM(A1)",
    "#N/A",
    "铃\x07声",
    "  两端空格  ",
    "多\n行",
]


def test_values_round_trip_through_two_readers(tmp_path: Path) -> None:
    sheet = Sheet("数据 'A'", [10] * 12, header_row=0, print_columns=3)
    sheet.add(cells(["标题"] * 12, Style.HEAD))
    sheet.add(cells([*TRICKY, 3, 2.5, date(2023, 12, 10), datetime(2023, 12, 11, 9, 30)]))
    sheet.add(cells([None, "", True]), height=40)
    path = tmp_path / "t.xlsx"
    write_workbook(path, [sheet], "标题", "说明")
    ws = load_workbook(path)["数据 'A'"]
    row = [c.value for c in ws[2]]
    expected = [t.replace("\x07", "") for t in TRICKY]
    assert row[:8] == expected and all(c.data_type == "s" for c in ws[2][:8])
    assert row[8:11] == [3, 2.5, datetime(2023, 12, 10)]
    assert row[11] == datetime(2023, 12, 11)
    assert [c.value for c in ws[3]][:3] == [None, None, True]
    assert ws.row_dimensions[3].height == 40
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:L3"
    assert ws.print_title_rows == "$1:$1" and ws.print_area == "'数据 ''A'''!$A$1:$C$3"
    grid = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert grid[1][:8] == expected and grid[1][10] == date(2023, 12, 10)


def test_chart_and_merges(tmp_path: Path) -> None:
    sheet = Sheet("汇总", [8, 8, 8])
    sheet.add(cells(["合并标题"], Style.TITLE))
    sheet.merge(0, 0, 2)
    for name, done, left in (("甲", 1, 2), ("乙", 3, 0)):
        sheet.add(cells([name, done, left]))
    sheet.charts = [
        BarChart(
            "图",
            0,
            ["甲", "乙"],
            [(1, "已销号", "70AD47", [1, 3]), (2, "未销号", "ED7D31", [2, 0])],
            1,
            2,
            4,
            10,
        )
    ]
    path = tmp_path / "c.xlsx"
    write_workbook(path, [sheet], "t", "c")
    ws = load_workbook(path)["汇总"]
    assert "A1:C1" in {str(m) for m in ws.merged_cells.ranges}
    assert len(ws._charts) == 1


@pytest.mark.parametrize(("departments", "smaller"), [(5, False), (22, True)])
def test_a_chart_of_many_departments_names_every_bar(
    tmp_path: Path, departments: int, smaller: bool
) -> None:
    """22 departments: placed below a table it gets a row a bar at least (it was squeezed
    to ten rows) and smaller names on its axis, so that every bar is named (LibreOffice
    named every other one); five keep the usual size."""
    import zipfile

    names = [f"部门{n}" for n in range(departments)]
    sheet = Sheet("汇总", [8, 8, 8])
    for name in names:
        sheet.add(cells([name, 1, 1]))
    chart = BarChart(
        "图",
        0,
        names,
        [(1, "已销号", "70AD47", [1] * departments), (2, "未销号", "ED7D31", [1] * departments)],
        0,
        departments - 1,
        0,
        max(12, round(departments * 1.5) + 8),
    )
    sheet.place_chart(chart)
    assert chart.height_rows >= departments + 6
    path = tmp_path / "c.xlsx"
    write_workbook(path, [sheet], "t", "c")
    with zipfile.ZipFile(path) as package:
        xml = package.read("xl/charts/chart1.xml").decode()
    axis = xml[xml.index("<c:catAx>") : xml.index("</c:catAx>")]
    size = int(axis.split('defRPr sz="')[1].split('"')[0])
    assert (size < 1000) is smaller and size >= 600 and "tickLblSkip" in axis


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert [column_index(x) for x in ("A", "z", "AA", "ZZ", "AAA")] == [0, 25, 26, 701, 702]


def test_package_is_a_valid_zip_with_many_rows(tmp_path: Path) -> None:
    """Rows are deflated as they are added and the zip is written by hand: every
    member's CRC and sizes must check out, across several compression batches."""
    big = Sheet("大表", [10, 30], selected=True)
    for n in range(20_000):
        big.add(cells([n, f"第{n}行：消防通道堆放杂物"]))
    small = Sheet("小表", [10])
    small.add(cells(["一"]))
    path = tmp_path / "z.xlsx"
    write_workbook(path, [big, small], "标题", "说明")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert b'tabSelected="1"' in archive.read("xl/worksheets/sheet1.xml")
        assert b"tabSelected" not in archive.read("xl/worksheets/sheet2.xml")
    grid = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert len(grid) == 20_000 and grid[-1] == [19_999, "第19999行：消防通道堆放杂物"]


def test_a_sheet_too_large_for_a_plain_zip_is_refused_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("huitoukan.xlsx.writer._ZIP32_LIMIT", 10_000)
    sheet = Sheet("大表", [10])
    for n in range(2_000):
        sheet.add(cells([f"第{n}行"]))
    with pytest.raises(HuitoukanError, match="按部门分批汇总"):
        write_workbook(tmp_path / "大.xlsx", [sheet], "标题", "说明")


def test_literal_escape_sequences_stay_literal(tmp_path: Path) -> None:
    """Excel reads _xHHHH_ in text as the character HHHH (ECMA-376 22.9.2.19): a department's
    literal one is written escaped as _x005F_xHHHH_, which Excel, LibreOffice and calamine
    read back as typed (openpyxl does not decode inline text at all)."""
    sheet = Sheet("S", [10])
    sheet.add(cells(["_x0041_", "a_x00e9_b_x00"]))
    path = tmp_path / "t.xlsx"
    write_workbook(path, [sheet], "t", "t")
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    assert book.get_sheet_by_name("S").to_python()[0][:2] == ["_x0041_", "a_x00e9_b_x00"]
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<t>_x005F_x0041_</t>" in xml and "a_x005F_x00e9_b_x00" in xml


def test_text_is_cut_at_the_cell_limit_and_numbers_must_be_finite(tmp_path: Path) -> None:
    sheet = Sheet("S", [10])
    sheet.add(cells(["长" * 40_000]))
    path = tmp_path / "t.xlsx"
    write_workbook(path, [sheet], "t", "t")
    assert load_workbook(path)["S"]["A1"].value == "长" * 32_767
    for bad in (float("nan"), float("inf")):
        with pytest.raises(ValueError, match="cannot hold"):
            cells([bad])


def test_the_style_table_is_the_cell_formats_of_the_workbook(tmp_path: Path) -> None:
    """Style values index cellXfs: each Style's format is where its value says."""
    import xml.etree.ElementTree as ET

    from huitoukan.xlsx import writer

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    root = ET.fromstring(writer._STYLES.split("\n", 1)[1])
    xfs = root.find("m:cellXfs", ns)
    assert xfs is not None and int(xfs.get("count", "0")) == len(Style) == len(list(xfs))
    formats = {
        int(f.get("numFmtId", "0")): f.get("formatCode") for f in root.iter(f"{{{ns['m']}}}numFmt")
    }
    assert "yy" in str(formats[int(list(xfs)[Style.DATE].get("numFmtId", "0"))])
    assert "%" in str(formats[int(list(xfs)[Style.PERCENT].get("numFmtId", "0"))])
    assert list(xfs)[Style.HEAD].get("fillId") == "2"


def test_a_table_printed_over_pages_side_by_side_repeats_its_first_columns(
    tmp_path: Path,
) -> None:
    """项目覆盖 of 60 departments fitted to one page wide printed too small to read (clerk
    trial 45): printed over pages side by side, each repeating what its rows are."""
    sheet = Sheet("项目覆盖", [12, 40, *[12] * 30], header_row=1, title_rows=1)
    sheet.pages_wide, sheet.title_columns = 3, 2
    sheet.add(cells(["标题"], Style.TITLE))
    sheet.add(cells(["督查项目", "督查内容", *(f"部门{n}" for n in range(30))], Style.HEAD))
    sheet.add(cells(["消防安全-1", "消防设施", *["已查无隐患"] * 30]))
    write_workbook(tmp_path / "t.xlsx", [sheet], "台账", "")
    ws = load_workbook(tmp_path / "t.xlsx")["项目覆盖"]
    assert (ws.print_title_cols, ws.print_title_rows) == ("$A:$B", "$1:$2")
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (3, 0)


def test_the_departments_of_a_large_school_are_charted_twenty_a_chart(tmp_path: Path) -> None:
    """A chart cannot run over pages: LibreOffice fitted one of 60 departments to a page
    and named every other bar (clerk trial 45). Twenty a chart at most, each on its own
    rows, each drawing its own part of the table, none across a header repeated on a new
    page (rows that do not follow one another)."""
    from huitoukan.register.status import DepartmentSummary
    from huitoukan.register.writing import CHART_DEPARTMENTS, department_charts, place_charts

    departments = [
        DepartmentSummary.model_construct(department=f"部门{n}", closed=n, open=1)
        for n in range(45)
    ]
    charts = department_charts(departments, closed_column=1, rows=range(3, 48))
    assert [len(c.labels) for c in charts] == [15, 15, 15]  # 45 in three alike
    assert [c.title for c in charts] == [f"各部门隐患销号情况（{n}/3）" for n in (1, 2, 3)]
    assert [c.first_row for c in charts] == [3, 18, 33] and charts[2].last_row == 47
    assert charts[1].series[0][3] == list(range(15, 30))
    # drawn to one scale: 部门44 (44 closed, 1 open) reaches 45 on the first chart too, whose
    # longest bar is 15 (7 hazards drew as long as 28 on the next page: trial 48)
    assert {c.axis_max for c in charts} == {45.0}
    assert department_charts(departments[:5], 1, range(5))[0].axis_max is None  # one chart
    broken = department_charts(departments, 1, [*range(3, 33), *range(34, 49)])  # a header
    assert [(c.first_row, c.last_row) for c in broken] == [(3, 17), (18, 32), (34, 48)]
    assert max(len(c.labels) for c in department_charts(departments * 2, 1, range(90))) <= (
        CHART_DEPARTMENTS
    )
    sheet = Sheet("汇总", [8, 8, 8])
    for d in departments:
        sheet.add(cells([d.department, d.closed, d.open]))
    place_charts(sheet, charts)
    tops = [c.anchor_row for c in charts]
    assert all(b >= a + c.height_rows for a, b, c in zip(tops, tops[1:], charts, strict=False))
    write_workbook(tmp_path / "c.xlsx", [sheet], "t", "c")
    with zipfile.ZipFile(tmp_path / "c.xlsx") as package:
        drawing = package.read("xl/drawings/drawing1.xml").decode()
        assert len([n for n in package.namelist() if n.startswith("xl/charts/")]) == 3
    assert [f'r:id="rIdC{n}"' in drawing for n in (1, 2, 3)] == [True] * 3
    with zipfile.ZipFile(tmp_path / "c.xlsx") as package:
        assert '<c:max val="45"/><c:min val="0"/>' in package.read("xl/charts/chart2.xml").decode()
    assert len(load_workbook(tmp_path / "c.xlsx")["汇总"]._charts) == 3


def test_a_short_text_of_several_lines_gets_a_row_of_several_lines() -> None:
    """1.… 2.… 3.… typed on lines of their own, short enough for one line had they been
    one: the row was given one line, and the text printed over the rows around it on a
    photo page (clerk trial 59)."""
    from huitoukan.xlsx.writer import row_height

    assert row_height(["1.机房线路老化\n2.灭火器过期\n3.应急照明不亮"], [80]) == 3 * 13.5 + 3
    assert row_height(["机房线路老化"], [80]) is None
    assert row_height(["一" * 50 + "\n二"], [40]) == 4 * 13.5 + 3  # 100 columns: 3 lines, 1


def test_a_row_is_as_tall_as_every_line_of_its_cells_wrapped() -> None:
    """Two departments in one cell, the first wrapping in its narrow column: the row fitted
    the longest line plus one, and 附件1 printed the second name cut off (clerk trial 79)."""
    from openpyxl import Workbook

    from huitoukan.xlsx.styles import fit_row_height

    ws = Workbook().active
    ws.column_dimensions["A"].width = 10  # 8.5 columns of text: four Chinese characters
    ws["A1"] = "学生工作部（学生处）\n马克思主义学院"  # 3 lines + 2
    fit_row_height(ws, 1)
    assert ws.row_dimensions[1].height == 14 * 5 + 6
