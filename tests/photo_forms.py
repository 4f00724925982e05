"""Paste photos into a filled form the three ways departments do, as the suites store them.

The form is saved by openpyxl (as a department's form is filled in the other tests);
the pictures are then added to its package part by part, with the structure WPS
(嵌入单元格图片: DISPIMG + xl/cellimages.xml), Excel 365 (放置在单元格中: vm → metadata →
rich value → richValueRel) and every suite (a floating picture in a drawing) write.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from tests.picture_builders import (
    IMAGE_REL,
    RV,
    RVREL,
    XLRD,
    XML_HEAD,
    R,
    drawing,
    one_cell_anchor,
    rels,
    wps_cellimages,
)

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_FORM_PART = "xl/worksheets/sheet1.xml"


def _split(ref: str) -> tuple[int, int]:
    letters = "".join(ch for ch in ref if ch.isalpha())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch.upper()) - 64
    return int(ref[len(letters) :]), col - 1


def _replace_cell(sheet: str, ref: str, cell: str) -> str:
    pattern = re.compile(rf'<c r="{ref}"[\s/>][^>]*?(?:/>|(?<!/)>.*?</c>)', re.S)
    sheet, count = pattern.subn(cell, sheet, count=1)
    assert count == 1, f"no cell {ref} in the form"
    return sheet


def _style(sheet: str, ref: str) -> str:
    match = re.search(rf'<c r="{ref}"[^>]*?\ss="(\d+)"', sheet)
    return f' s="{match.group(1)}"' if match else ""


def _add_relationships(parts: dict[str, bytes], name: str, *entries: tuple[str, str, str]) -> None:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in entries)
    if name in parts:
        text = parts[name].decode()
        parts[name] = text.replace("</Relationships>", body + "</Relationships>").encode()
    else:
        parts[name] = rels(*entries).encode()


def _add_defaults(parts: dict[str, bytes]) -> None:
    types = parts["[Content_Types].xml"].decode()
    for ext, mime in (("png", "image/png"), ("jpeg", "image/jpeg")):
        if f'Extension="{ext}"' not in types:
            types = types.replace(
                "<Default ", f'<Default Extension="{ext}" ContentType="{mime}"/><Default ', 1
            )
    parts["[Content_Types].xml"] = types.encode()


def _extension(data: bytes) -> str:
    return "jpeg" if data.startswith(b"\xff\xd8") else "png"


def paste_photos(
    path: Path,
    wps: Mapping[str, bytes] | None = None,
    excel: Mapping[str, bytes] | None = None,
    floating: Sequence[tuple[str, bytes]] = (),
) -> None:
    """Paste into the form sheet of `path`: `wps` cell → photo as WPS stores an in-cell
    picture, `excel` cell → photo as Excel 365 does, `floating` (cell, photo) pictures
    whose top-left corner is in that cell."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = parts[_FORM_PART].decode()
    if wps:
        ids = {}
        for n, (ref, data) in enumerate(wps.items(), start=1):
            image_id = f"ID_{n:032X}"
            ids[image_id] = (f"rId{n}", data)
            sheet = _replace_cell(
                sheet,
                ref,
                f'<c r="{ref}"{_style(sheet, ref)} t="str"><f>_xlfn.DISPIMG(&quot;{image_id}&quot;,1)'
                f"</f><v>=DISPIMG(&quot;{image_id}&quot;,1)</v></c>",
            )
        parts["xl/cellimages.xml"] = wps_cellimages(
            {i: rid for i, (rid, _) in ids.items()}
        ).encode()
        media = []
        for n, (rid, data) in enumerate(ids.values(), start=1):
            name = f"media/wps{n}.{_extension(data)}"
            parts[f"xl/{name}"] = data
            media.append((rid, IMAGE_REL, name))
        parts["xl/_rels/cellimages.xml.rels"] = rels(*media).encode()
        _add_relationships(
            parts,
            "xl/_rels/workbook.xml.rels",
            ("rIdW1", "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml"),
        )
    if excel:
        count = len(excel)
        for n, ref in enumerate(excel, start=1):
            sheet = _replace_cell(
                sheet, ref, f'<c r="{ref}"{_style(sheet, ref)} t="e" vm="{n}"><v>#VALUE!</v></c>'
            )
        future = "".join(
            f'<bk><extLst><ext uri="{{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}}"><xlrd:rvb i="{i}"/>'
            "</ext></extLst></bk>"
            for i in range(count)
        )
        values = "".join(f'<bk><rc t="1" v="{i}"/></bk>' for i in range(count))
        parts["xl/metadata.xml"] = (
            f'{XML_HEAD}<metadata xmlns="{_MAIN_NS}" xmlns:xlrd="{XLRD}"><metadataTypes count="1">'
            '<metadataType name="XLRICHVALUE" minSupportedVersion="120000"/></metadataTypes>'
            f'<futureMetadata name="XLRICHVALUE" count="{count}">{future}</futureMetadata>'
            f'<valueMetadata count="{count}">{values}</valueMetadata></metadata>'
        ).encode()
        rich = "".join(f'<rv s="0"><v>{i}</v><v>5</v></rv>' for i in range(count))
        parts["xl/richData/rdrichvalue.xml"] = (
            f'{XML_HEAD}<rvData xmlns="{RV}" count="{count}">{rich}</rvData>'
        ).encode()
        parts["xl/richData/rdrichvaluestructure.xml"] = (
            f'{XML_HEAD}<rvStructures xmlns="{RV}" count="1"><s t="_localImage">'
            '<k n="_rvRel:LocalImageIdentifier" t="i"/><k n="CalcOrigin" t="i"/></s></rvStructures>'
        ).encode()
        parts["xl/richData/richValueRel.xml"] = (
            f'{XML_HEAD}<richValueRels xmlns="{RVREL}" xmlns:r="{R}">'
            + "".join(f'<rel r:id="rId{i + 1}"/>' for i in range(count))
            + "</richValueRels>"
        ).encode()
        media = []
        for n, data in enumerate(excel.values(), start=1):
            name = f"media/excel{n}.{_extension(data)}"
            parts[f"xl/{name}"] = data
            media.append((f"rId{n}", IMAGE_REL, f"../{name}"))
        parts["xl/richData/_rels/richValueRel.xml.rels"] = rels(*media).encode()
        _add_relationships(
            parts,
            "xl/_rels/workbook.xml.rels",
            ("rIdX1", f"{R}/sheetMetadata", "metadata.xml"),
            (
                "rIdX2",
                "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue",
                "richData/rdrichvalue.xml",
            ),
            (
                "rIdX3",
                "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueStructure",
                "richData/rdrichvaluestructure.xml",
            ),
            (
                "rIdX4",
                "http://schemas.microsoft.com/office/2022/10/relationships/richValueRel",
                "richData/richValueRel.xml",
            ),
        )
    if floating:
        anchors, media = [], []
        for n, (ref, data) in enumerate(floating, start=1):
            row, col = _split(ref)
            anchors.append(one_cell_anchor(f"rId{n}", col, row - 1, col_off=9525, row_off=9525))
            name = f"media/float{n}.{_extension(data)}"
            parts[f"xl/{name}"] = data
            media.append((f"rId{n}", IMAGE_REL, f"../{name}"))
        parts["xl/drawings/drawing9.xml"] = drawing(*anchors).encode()
        parts["xl/drawings/_rels/drawing9.xml.rels"] = rels(*media).encode()
        _add_relationships(
            parts,
            "xl/worksheets/_rels/sheet1.xml.rels",
            ("rIdD9", f"{R}/drawing", "../drawings/drawing9.xml"),
        )
        if 'xmlns:r="' not in sheet[:500]:
            sheet = sheet.replace("<worksheet ", f'<worksheet xmlns:r="{R}" ', 1)
        tail = min(
            (
                i
                for i in (sheet.find(t) for t in ("<legacyDrawing", "<tableParts", "<extLst"))
                if i >= 0
            ),
            default=sheet.rindex("</worksheet>"),
        )
        sheet = sheet[:tail] + '<drawing r:id="rIdD9"/>' + sheet[tail:]
    _add_defaults(parts)
    parts[_FORM_PART] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
