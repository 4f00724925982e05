"""Hostile and broken returns, built at test time (nothing large is stored in the repo)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from huitoukan.campaign import Campaign
from huitoukan.forms.layout import COLUMNS, FORM_SHEET
from tests.helpers import filled_form, hazard, header_position


def rewrite_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def good(campaign: Campaign, path: Path, department: str = "附属医院") -> Path:
    return filled_form(campaign, department, path, [hazard(部位="门诊楼")])


def zip_bomb(path: Path, megabytes: int = 64) -> Path:
    """A valid-looking xlsx whose one part inflates to `megabytes` of zeros."""
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            for _ in range(megabytes):
                handle.write(chunk)
    return path


def size_lie(campaign: Campaign, path: Path, megabytes: int = 32) -> Path:
    """A good form whose worksheet part inflates to `megabytes` more than the zip
    directory declares (whitespace after the root element), declared size patched down."""
    good(campaign, path)
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    declared = len(parts[sheet])
    parts[sheet] += b" " * (megabytes << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    data = bytearray(path.read_bytes())
    name = sheet.encode()
    for signature, name_at, size_at in ((b"PK\x03\x04", 26, 22), (b"PK\x01\x02", 28, 24)):
        at = data.find(signature)
        while at >= 0:
            length = int.from_bytes(data[at + name_at : at + name_at + 2], "little")
            start = at + name_at + (4 if signature == b"PK\x03\x04" else 18)
            if data[start : start + length] == name:
                data[at + size_at : at + size_at + 4] = declared.to_bytes(4, "little")
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def entity_bomb(campaign: Campaign, path: Path) -> Path:
    good(campaign, path)
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10 if i else b"&lol;" * 10)
            for i in range(1, 10)
        )
        + b"]>"
    )
    rewrite_part(
        path, "xl/worksheets/sheet1.xml", lambda xml: lol + re.sub(rb"^<\?xml[^>]*\?>", b"", xml)
    )
    return path


def external_entity(campaign: Campaign, path: Path) -> Path:
    good(campaign, path)
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    rewrite_part(path, "xl/workbook.xml", lambda xml: xxe + re.sub(rb"^<\?xml[^>]*\?>", b"", xml))
    return path


_LONG_COMMENT = b"<!-- " + b"written by a tool that says a great deal first. " * 60 + b"-->"


def entity_after_long_prolog(campaign: Campaign, path: Path) -> Path:
    """The entity bomb's DOCTYPE behind a 3 KB comment: past the first KB of the part."""
    good(campaign, path)
    lol = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;">]>'
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: (
            b'<?xml version="1.0"?>' + _LONG_COMMENT + lol + re.sub(rb"^<\?xml[^>]*\?>", b"", xml)
        ),
    )
    return path


def absurd_after_long_prolog(campaign: Campaign, path: Path) -> Path:
    """The absurd far cell in a worksheet whose root element follows a 3 KB comment."""
    good(campaign, path)
    _far_row(path, b'<row r="1048576">' + _FAR + b"</row>")
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: (
            b'<?xml version="1.0"?>' + _LONG_COMMENT + re.sub(rb"^<\?xml[^>]*\?>", b"", xml)
        ),
    )
    return path


def undecodable_part(part: str) -> Callable[[Campaign, Path], Path]:
    """`part`'s compressed bytes replaced by bytes no inflater can decode."""

    def build(campaign: Campaign, path: Path) -> Path:
        good(campaign, path)
        with zipfile.ZipFile(path) as archive:
            entry = archive.getinfo(part)
        data = bytearray(path.read_bytes())
        start = entry.header_offset + 30 + len(entry.filename.encode()) + len(entry.extra)
        data[start : start + entry.compress_size] = b"\xff" * entry.compress_size
        path.write_bytes(bytes(data))
        return path

    return build


def unknown_encoding(part: str) -> Callable[[Campaign, Path], Path]:
    """`part` declares an encoding no XML parser knows (one byte of `UTF-8` mangled)."""

    def build(campaign: Campaign, path: Path) -> Path:
        good(campaign, path)
        declaration = b'<?xml version="1.0" encoding="UT--8" standalone="yes"?>'
        rewrite_part(path, part, lambda xml: declaration + re.sub(rb"^<\?xml[^>]*\?>", b"", xml))
        return path

    return build


def encrypted_ooxml(path: Path) -> Path:
    """An OLE compound file holding EncryptionInfo/EncryptedPackage, as Excel writes one."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    names = b"".join(
        n.encode("utf-16-le").ljust(128, b"\0")
        for n in ("Root Entry", "EncryptionInfo", "EncryptedPackage")
    )
    path.write_bytes(header + names + b"\0" * 1024)
    return path


def truncated(campaign: Campaign, path: Path) -> Path:
    data = good(campaign, path).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def renamed(campaign: Campaign, path: Path) -> Path:
    """A real xlsx saved under a .xls name: read by its content."""
    return good(campaign, path)


def csv_named_xlsx(path: Path) -> Path:
    path.write_text("序号,部位,存在隐患问题\n1,食堂,灭火器过期\n", encoding="utf-8")
    return path


def html_named_xls(path: Path) -> Path:
    path.write_text(
        "<html><body><table><tr><td>部位</td></tr></table></body></html>", encoding="utf-8"
    )
    return path


def docx_named_xlsx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return path


def empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def control_characters(path: Path) -> Path:
    """A form written by another library, with a BEL character inside a cell (XlsxWriter
    stores it as the escape _x0007_, which the reader decodes)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("自查整改清单")
    ws.write_string(0, 0, "部门（章）：附属医院")
    ws.write_string(0, 2, "主要负责人：冯医生")
    ws.write_string(0, 4, "日期：2023年12月14日")
    for c, h in enumerate(column.header for column in COLUMNS):
        ws.write_string(1, c, h)
    values = {
        "seq": 1,
        "location": "门诊\x07楼",
        "item": "消防安全工作情况",
        "hazard": "灭火器过期",
        "measures": "更换",
        "deadline": "2023-12-20",
        "progress": "整改中",
        "owner": "王五",
        "checked_on": "2023-12-10",
    }
    for c, column in enumerate(COLUMNS):
        ws.write(2, c, values.get(column.field, ""))
    ws.write_string(4, 0, "上报人：何静")
    ws.write_string(4, 3, "联系方式：0632-3456792")
    book.close()
    return path


def dimension_lie(campaign: Campaign, path: Path) -> Path:
    """WPS writes <dimension ref="A1:A1"> whatever the sheet holds."""
    good(campaign, path)
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]+"', b'<dimension ref="A1:A1"', xml),
    )
    return path


def formula_without_value(campaign: Campaign, path: Path) -> tuple[Path, str]:
    """openpyxl saves formulas with no computed value (as scripts and some tools do)."""
    filled_form(campaign, "附属医院", path, [hazard(部位="门诊楼")])
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    cell = ws.cell(header_row + 1, columns["整改时限"])
    cell.value = "=DATE(2023,12,20)"
    wb.save(path)
    return path, cell.coordinate


def hidden_sheet(campaign: Campaign, path: Path, department: str = "附属医院") -> Path:
    """The visible form, plus a hidden copy of it holding other rows."""
    filled_form(campaign, department, path, [hazard(部位="门诊楼")])
    wb = load_workbook(path)
    copy = wb.copy_worksheet(wb[FORM_SHEET])
    copy.title = "旧版"
    header_row, columns = header_position(copy)
    copy.cell(header_row + 1, columns["部位"]).value = "隐藏的部位"
    copy.sheet_state = "hidden"
    wb.save(path)
    return path


def styled_rows_after_footer(campaign: Campaign, path: Path, rows: int = 20_000) -> Path:
    from openpyxl.styles import Font

    filled_form(campaign, "附属医院", path, [hazard(部位="门诊楼")])
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    bold = Font(bold=True)
    start = ws.max_row + 1
    for r in range(start, start + rows):
        ws.cell(r, 1).font = bold
        ws.cell(r, 11).font = bold
    wb.save(path)
    return path


def absurd_extent(campaign: Campaign, path: Path) -> Path:
    filled_form(campaign, "附属医院", path, [hazard(部位="门诊楼")])
    wb = load_workbook(path)
    wb[FORM_SHEET]["XFD1048576"] = "x"
    wb.save(path)
    return path


TODAY = date(2023, 12, 20)


_FAR = b'<c r="XFD1048576"><v>1</v></c>'


def _far_row(path: Path, row: bytes) -> Path:
    """A good form's sheet with `row` added at the end of its sheetData."""
    rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b"</sheetData>", row + b"</sheetData>"),
    )
    return path


def prefixed_absurd(campaign: Campaign, path: Path) -> Path:
    """The far cell written with a namespace prefix (legal XML, as .NET tools write it)."""
    good(campaign, path)
    main = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return _far_row(
        path,
        b'<x:row xmlns:x="'
        + main
        + b'" r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>',
    )


def single_quoted_absurd(campaign: Campaign, path: Path) -> Path:
    good(campaign, path)
    return _far_row(path, b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>")


def spaced_absurd(campaign: Campaign, path: Path) -> Path:
    good(campaign, path)
    return _far_row(path, b'<row r = "1048576"><c r = "XFD1048576" ><v>1</v></c></row>')


def character_reference_absurd(campaign: Campaign, path: Path) -> Path:
    """The far reference spelled with character references (&#88; is X)."""
    good(campaign, path)
    return _far_row(path, b'<row r="&#49;048576"><c r="&#88;FD1048576"><v>1</v></c></row>')


def implicit_positions_absurd(campaign: Campaign, path: Path) -> Path:
    """Rows and cells without references: their positions follow from their order."""
    good(campaign, path)
    cells = b"<c><v>1</v></c>" * 16_384
    return _far_row(path, b'<row r="1048575"/><row>' + cells + b"</row>")


def absurd_sheet_under_another_name(campaign: Campaign, path: Path) -> Path:
    """A second worksheet stored at a part name no worksheet usually has."""
    good(campaign, path)
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org'
        b'/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
        b'<row r="1048576">' + _FAR + b"</row></sheetData></worksheet>"
    )
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    parts["xl/misc/data.bin"] = sheet
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>", b'<sheet name="S2" sheetId="99" r:id="rId99"/></sheets>'
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/worksheet" Target="misc/data.bin"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def ods_repeated_bomb(path: Path, rows: int = 100_000, columns: int = 1_000) -> Path:
    """An .ods of 943 bytes whose one valued cell repeats into 100 million cells."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="S">'
        f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
        f'table:number-columns-repeated="{columns}" office:value-type="string"><text:p>x</text:p>'
        "</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path
