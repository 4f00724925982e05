"""The worksheet extent check: the quick pass reads the worksheets office suites write
(their xmlns:r declaration included) and declines the shapes it does not understand,
which the careful parse then reads. (It looks only for what could exceed the budget: a
sheet of a few rows gives (0, columns).)"""

from __future__ import annotations

import zipfile
from pathlib import Path

import xlsxwriter
from openpyxl import Workbook

from huitoukan.returns import extent


def _sheet_xml(path: Path) -> bytes:
    return zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")


def test_the_quick_pass_reads_an_xlsxwriter_worksheet(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    for r in range(30):
        for c in range(13):
            sheet.write_string(r, c, f"{r}-{c}")
    book.close()
    xml = _sheet_xml(path)
    assert b'xmlns:r="' in xml
    assert extent._fast_extent(xml) is not None


def test_the_quick_pass_reads_an_openpyxl_worksheet_with_a_link(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws["C4"] = "链接"
    ws["C4"].hyperlink = "https://example.org"
    path = tmp_path / "link.xlsx"
    book.save(path)
    assert extent._fast_extent(_sheet_xml(path)) is not None


def test_the_quick_pass_declines_a_prefixed_reference_attribute() -> None:
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = (
        f'<worksheet xmlns="{main}" xmlns:x="{main}"><sheetData><row r="1">'
        '<c x:r="A1"><v>1</v></c></row></sheetData></worksheet>'
    ).encode()
    assert extent._fast_extent(xml) is None
    spaced = f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r = "A1"/></row></sheetData></worksheet>'
    assert extent._fast_extent(spaced.encode()) is None


def test_the_merged_cells_of_an_ods_table_are_read_from_its_content() -> None:
    """python-calamine gives no merged ranges for .ods: the sniff reads them (spans after
    repeated rows and repeated cells land where an office suite shows them)."""
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="{table}" xmlns:text="{text}"><office:body><office:spreadsheet>
<table:table table:name="自查整改清单">
 <table:table-row><table:table-cell table:number-columns-spanned="13" office:value-type="string"
   ><text:p>标题</text:p></table:table-cell><table:covered-table-cell
   table:number-columns-repeated="12"/></table:table-row>
 <table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
 <table:table-row><table:table-cell table:number-columns-repeated="3"/><table:table-cell
   table:number-columns-spanned="2" table:number-rows-spanned="2" office:value-type="string"
   ><text:p>部位</text:p></table:table-cell></table:table-row>
</table:table>
<table:table table:name="空表"><table:table-row><table:table-cell/></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>""".encode()
    assert extent.inspect_ods_content(xml).merged == {"自查整改清单": [(0, 0, 0, 12), (3, 3, 4, 4)]}


def test_a_formula_giving_todays_date_is_found_also_where_it_was_filled_down() -> None:
    """Excel keeps a formula filled down once, on the first cell (a shared formula): the
    cells below carry only its index, and are today's date all the same."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = (
        f'<worksheet xmlns="{main}"><sheetData>'
        '<row r="3"><c r="K3"><f>today()</f><v>46357</v></c></row>'
        '<row r="6"><c r="F6"><f t="shared" ref="F6:F8" si="0">TODAY()+7</f><v>46364</v></c>'
        '<c r="G6"><f>B6&amp;"（NOW)"</f><v>x</v></c>'
        '<c r="H6"><f t="shared" ref="H6:H7" si="1">B6</f><v>1</v></c></row>'
        '<row r="7"><c r="F7"><f t="shared" si="0"/><v>46364</v></c>'
        '<c r="H7"><f t="shared" si="1"/><v>1</v></c></row>'
        '<row r="8"><c r="F8"><f t="shared" si="0"/><v>46364</v></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    facts = extent.inspect_worksheet(xml, "自查整改清单")
    assert facts.todays == {
        "K3": "today()",
        "F6": "TODAY()+7",
        "F7": "TODAY()+7",
        "F8": "TODAY()+7",
    }
    assert facts.formulas_without_value == []


def test_a_formula_giving_todays_date_is_found_in_an_ods() -> None:
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    xml = f"""<office:document-content xmlns:office="{office}" xmlns:table="{table}"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
<table:table table:name="自查整改清单"><table:table-row table:number-rows-repeated="2"><table:table-cell/>
</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="10"/>
<table:table-cell table:formula="of:=NOW()" office:value-type="date"
 office:date-value="2026-12-01"><text:p>2026-12-01</text:p></table:table-cell>
<table:table-cell table:formula="of:=[.A1]" office:value-type="string"><text:p>x</text:p>
</table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>""".encode()
    assert extent.inspect_ods_content(xml).todays == {"自查整改清单": {"K3": "NOW()"}}


def test_error_values_and_formulas_using_a_day_computed_are_noted() -> None:
    """An error value (a formula's, or pasted as a value) reads as blank: noted with it. A
    formula using a cell that gives today's date gives a day that moves as that one does."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = (
        f'<worksheet xmlns="{main}"><sheetData>'
        '<row r="6"><c r="D6" t="e"><v>#N/A</v></c><c r="K6"><f>NOW()</f><v>46357.5</v></c>'
        '<c r="L6"><f>\'其他\'!K6</f><v>1</v></c><c r="M6"><f>LOG10(100)</f><v>2</v></c></row>'
        '<row r="7"><c r="D7" t="e"><f>#REF!</f><v>#REF!</v></c><c r="K7"><f>$K$6+1</f>'
        '<v>46358.5</v></c><c r="L7"><f>K7</f><v>46358.5</v></c></row>'
        "</sheetData></worksheet>"
    ).encode()
    facts = extent.inspect_worksheet(xml, "自查整改清单")
    assert facts.errors == {"D6": "#N/A", "D7": "#REF!"}
    assert facts.todays == {"K6": "NOW()", "K7": "$K$6+1", "L7": "K7"}
    pasted = f'<worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="e"><v>#VALUE!</v></c></row></sheetData></worksheet>'
    assert extent.inspect_worksheet(pasted.encode(), "S").errors == {"A1": "#VALUE!"}


def test_a_picture_placed_in_a_cell_is_no_error_value() -> None:
    """Excel stores a picture placed in a cell as #VALUE! with a rich value (vm): no error
    to name, and no reason to leave the quick pass (one return in ten has one)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    picture = '<c r="M7" t="e" vm="1"><v>#VALUE!</v></c>'
    error = '<c r="D7" s="3" t="e"><v>#REF!</v></c>'
    for cells, holds in ((picture, False), (picture + error, True)):
        xml = (
            f'<worksheet xmlns="{main}"><sheetData><row r="7">{cells}</row></sheetData></worksheet>'
        )
        assert extent._holds_an_error(xml.encode()) is holds
        assert extent.inspect_worksheet(xml.encode(), "S").errors == (
            {"D7": "#REF!"} if holds else {}
        )


def test_an_ods_says_who_made_it_as_an_xlsx_does() -> None:
    """LibreOffice keeps an .xlsx's properties in the .ods's meta.xml, each word of the
    keywords an element of its own: the tool tells its forms by them whatever their format
    (clerk trial 187 AM4, AM5)."""
    import io
    import zipfile

    from huitoukan.returns.sniffing import sniff

    meta = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-meta'
        ' xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:meta>'
        "<meta:initial-creator>huitoukan</meta:initial-creator>"
        "<dc:title>某校安全隐患自查整改清单（总务处）（跟进轮）</dc:title>"
        "<dc:subject>学校安全问题专项整治&#8220;回头看&#8221;</dc:subject>"
        "<meta:creation-date>2026-12-06T02:56:59</meta:creation-date>"
        "<dc:date>2026-12-07T09:10:11.123456789</dc:date><dc:creator>王会计</dc:creator>"
        "<meta:keyword>表格内容</meta:keyword><meta:keyword>0123abcd</meta:keyword>"
        "</office:meta></office:document-meta>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("meta.xml", meta)
    made = sniff(buffer.getvalue(), ".ods", inspect=False).made
    assert made.creator == "huitoukan" and made.last_modified_by == "王会计"
    assert made.title == "某校安全隐患自查整改清单（总务处）（跟进轮）"
    assert made.subject == "学校安全问题专项整治“回头看”"
    assert made.keywords == "表格内容 0123abcd"
    assert (made.created, made.modified[:19]) == ("2026-12-06T02:56:59", "2026-12-07T09:10:11")
    assert not made.never_saved


def test_an_xls_whose_properties_cannot_be_read_is_read_without_them() -> None:
    """A damaged compound file (its header and nothing more, the workbook's name in it) is
    still sniffed as an .xls: its properties are best effort."""
    from huitoukan.returns.sniffing import Format, Made, sniff

    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Workbook".encode("utf-16-le")
    sniffed = sniff(data + bytes(1024), ".xls")
    assert (sniffed.format, sniffed.made) == (Format.XLS, Made())
