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


def _rewrite_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
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
    _rewrite_part(
        path, "xl/worksheets/sheet1.xml", lambda xml: lol + re.sub(rb"^<\?xml[^>]*\?>", b"", xml)
    )
    return path


def external_entity(campaign: Campaign, path: Path) -> Path:
    good(campaign, path)
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    _rewrite_part(path, "xl/workbook.xml", lambda xml: xxe + re.sub(rb"^<\?xml[^>]*\?>", b"", xml))
    return path


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
    row = [
        1,
        "门诊\x07楼",
        "",
        "灭火器过期",
        "更换",
        "2023-12-20",
        "整改中",
        "王五",
        "2023-12-10",
        "",
        "",
    ]
    for c, v in enumerate(row):
        ws.write(2, c, v)
    ws.write_string(4, 0, "上报人：何静")
    ws.write_string(4, 3, "联系方式：0632-3456792")
    book.close()
    return path


def dimension_lie(campaign: Campaign, path: Path) -> Path:
    """WPS writes <dimension ref="A1:A1"> whatever the sheet holds."""
    good(campaign, path)
    _rewrite_part(
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
