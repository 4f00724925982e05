"""Hand-built workbooks for the picture tests: minimal OOXML/ODF packages whose parts
copy the structure of files written by Excel, WPS and LibreOffice (see NOTES.md)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Mapping

CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
ETC = "http://www.wps.cn/officeDocument/2017/etCustomData"
XLRD = "http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"
RV = "http://schemas.microsoft.com/office/spreadsheetml/2017/richdata"
RVREL = "http://schemas.microsoft.com/office/spreadsheetml/2022/richvaluerel"
IMAGE_REL = f"{R}/image"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A real (decodable) RGB PNG, made with zlib and struct only."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header declares `width` × `height` (the data is a token: nothing here
    decodes pictures, and a decoder would be the bomb)."""
    body = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    ihdr = struct.pack(">I", 13) + b"IHDR" + body + struct.pack(">I", zlib.crc32(b"IHDR" + body))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def zip_bytes(parts: Mapping[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in parts.items():
            data = content.encode() if isinstance(content, str) else content
            archive.writestr(name, data)
    return buffer.getvalue()


def rels(*relationships: tuple[str, str, str] | tuple[str, str, str, str]) -> str:
    """A .rels part: (Id, Type, Target[, TargetMode])."""
    body = ""
    for rel in relationships:
        mode = f' TargetMode="{rel[3]}"' if len(rel) == 4 else ""
        body += f'<Relationship Id="{rel[0]}" Type="{rel[1]}" Target="{rel[2]}"{mode}/>'
    return f'{XML_HEAD}<Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


def sheet_xml(rows: str = "", extra: str = "", head: str = "") -> str:
    return (
        f'{XML_HEAD}<worksheet xmlns="{MAIN}" xmlns:r="{R}">{head}'
        f"<sheetData>{rows}</sheetData>{extra}</worksheet>"
    )


def workbook(
    sheets: Mapping[str, str],
    sheet_rels: Mapping[str, str] | None = None,
    extra_parts: Mapping[str, bytes | str] | None = None,
    workbook_rels: tuple[tuple[str, str, str], ...] = (),
) -> dict[str, bytes | str]:
    """The parts of a minimal .xlsx: sheet name → worksheet XML (in order); `sheet_rels`:
    sheet name → the .rels of its worksheet part."""
    names = list(sheets)
    sheet_entries = "".join(
        f'<sheet name="{name}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
        for i, name in enumerate(names)
    )
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": (
            f'{XML_HEAD}<Types xmlns="{CT}"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="png" ContentType="image/png"/></Types>'
        ),
        "_rels/.rels": rels(("rId1", f"{R}/officeDocument", "xl/workbook.xml")),
        "xl/workbook.xml": (
            f'{XML_HEAD}<workbook xmlns="{MAIN}" xmlns:r="{R}"><sheets>{sheet_entries}</sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": rels(
            *[
                (f"rId{i + 1}", f"{R}/worksheet", f"worksheets/sheet{i + 1}.xml")
                for i in range(len(names))
            ],
            *workbook_rels,
        ),
    }
    for i, name in enumerate(names):
        parts[f"xl/worksheets/sheet{i + 1}.xml"] = sheets[name]
        if sheet_rels and name in sheet_rels:
            parts[f"xl/worksheets/_rels/sheet{i + 1}.xml.rels"] = sheet_rels[name]
    parts.update(extra_parts or {})
    return parts


def two_cell_anchor(
    rid: str,
    start: tuple[int, int, int, int],
    end: tuple[int, int, int, int],
    ext: tuple[int, int] | None = None,
    xdr: str = "xdr:",
    a: str = "a:",
    r: str = "r:",
    q: str = '"',
) -> str:
    """A twoCellAnchor with one picture: `start`/`end` are (col, colOff, row, rowOff);
    `xdr`, `a`, `r` the prefixes to write and `q` the attribute quote."""

    def marker(tag: str, m: tuple[int, int, int, int]) -> str:
        return (
            f"<{xdr}{tag}><{xdr}col>{m[0]}</{xdr}col><{xdr}colOff>{m[1]}</{xdr}colOff>"
            f"<{xdr}row>{m[2]}</{xdr}row><{xdr}rowOff>{m[3]}</{xdr}rowOff></{xdr}{tag}>"
        )

    xfrm = ""
    if ext is not None:
        xfrm = (
            f"<{a}xfrm><{a}off x={q}0{q} y={q}0{q}/><{a}ext cx={q}{ext[0]}{q} cy={q}{ext[1]}{q}/>"
            f"</{a}xfrm>"
        )
    return (
        f"<{xdr}twoCellAnchor editAs={q}oneCell{q}>{marker('from', start)}{marker('to', end)}"
        f"<{xdr}pic><{xdr}nvPicPr><{xdr}cNvPr id={q}2{q} name={q}Picture 1{q}/><{xdr}cNvPicPr/>"
        f"</{xdr}nvPicPr><{xdr}blipFill><{a}blip {r}embed={q}{rid}{q}/><{a}stretch><{a}fillRect/>"
        f"</{a}stretch></{xdr}blipFill><{xdr}spPr>{xfrm}<{a}prstGeom prst={q}rect{q}/></{xdr}spPr>"
        f"</{xdr}pic><{xdr}clientData/></{xdr}twoCellAnchor>"
    )


def one_cell_anchor(rid: str, col: int, row: int, col_off: int = 0, row_off: int = 0) -> str:
    return (
        f"<xdr:oneCellAnchor><xdr:from><xdr:col>{col}</xdr:col><xdr:colOff>{col_off}</xdr:colOff>"
        f"<xdr:row>{row}</xdr:row><xdr:rowOff>{row_off}</xdr:rowOff></xdr:from>"
        '<xdr:ext cx="381000" cy="285750"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="Image 1"/>'
        f'<xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="{rid}"/></xdr:blipFill>'
        '<xdr:spPr><a:prstGeom prst="rect"/></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>'
    )


def absolute_anchor(rid: str, x: int, y: int) -> str:
    return (
        f'<xdr:absoluteAnchor><xdr:pos x="{x}" y="{y}"/><xdr:ext cx="381000" cy="285750"/>'
        '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="1" name="Image 1"/><xdr:cNvPicPr/></xdr:nvPicPr>'
        f'<xdr:blipFill><a:blip r:embed="{rid}"/></xdr:blipFill><xdr:spPr/></xdr:pic>'
        "<xdr:clientData/></xdr:absoluteAnchor>"
    )


def drawing(*anchors: str, root: str | None = None) -> str:
    return root or (
        f'{XML_HEAD}<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}" xmlns:r="{R}">'
        + "".join(anchors)
        + "</xdr:wsDr>"
    )


def floating_workbook(
    anchors: list[str],
    media: Mapping[str, bytes],
    sheet: str | None = None,
    drawing_xml: str | None = None,
) -> bytes:
    """One worksheet "整改清单" with a drawing holding `anchors`; `media`: rId → bytes
    stored as xl/media/<rId>.png."""
    drawing_rels = rels(*[(rid, IMAGE_REL, f"../media/{rid}.png") for rid in media])
    parts = workbook(
        {"整改清单": sheet or sheet_xml(extra='<drawing r:id="rId1"/>')},
        {"整改清单": rels(("rId1", f"{R}/drawing", "../drawings/drawing1.xml"))},
        {
            "xl/drawings/drawing1.xml": drawing_xml or drawing(*anchors),
            "xl/drawings/_rels/drawing1.xml.rels": drawing_rels,
            **{f"xl/media/{rid}.png": data for rid, data in media.items()},
        },
    )
    return zip_bytes(parts)


# --- WPS in-cell pictures (structure of sheetjs-test_files/wps/image.xlsx)


def wps_cellimages(pictures: Mapping[str, str], q: str = '"', prolog: str = "") -> str:
    """xl/cellimages.xml: ID_… → rId."""
    body = ""
    for name, rid in pictures.items():
        body += (
            f"<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id={q}2{q} name={q}{name}{q} "
            f"descr={q}photo{q}/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip "
            f"r:embed={q}{rid}{q}/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>"
            f"<xdr:spPr><a:xfrm><a:off x={q}0{q} y={q}0{q}/><a:ext cx={q}9753600{q} "
            f"cy={q}7315200{q}/></a:xfrm><a:prstGeom prst={q}rect{q}><a:avLst/></a:prstGeom>"
            "</xdr:spPr></xdr:pic></etc:cellImage>"
        )
    return (
        f"{XML_HEAD}{prolog}<etc:cellImages xmlns:xdr={q}{XDR}{q} xmlns:r={q}{R}{q} "
        f"xmlns:a={q}{A}{q} xmlns:etc={q}{ETC}{q}>{body}</etc:cellImages>"
    )


def dispimg_cell(ref: str, image_id: str) -> str:
    return (
        f'<c r="{ref}" t="str"><f>_xlfn.DISPIMG(&quot;{image_id}&quot;,1)</f>'
        f"<v>=DISPIMG(&quot;{image_id}&quot;,1)</v></c>"
    )


def wps_workbook(
    cells: Mapping[str, str],
    images: Mapping[str, bytes],
    cellimages_xml: str | None = None,
) -> bytes:
    """A WPS-style workbook: `cells` A1 ref → ID_…; `images` ID_… → picture bytes."""
    rows: dict[int, str] = {}
    for ref, image_id in cells.items():
        number = int("".join(ch for ch in ref if ch.isdigit()))
        rows[number] = rows.get(number, "") + dispimg_cell(ref, image_id)
    sheet_rows = "".join(f'<row r="{n}">{cells_}</row>' for n, cells_ in sorted(rows.items()))
    ids = {image_id: f"rId{i + 1}" for i, image_id in enumerate(images)}
    parts = workbook(
        {"Sheet1": sheet_xml(sheet_rows)},
        extra_parts={
            "xl/cellimages.xml": cellimages_xml or wps_cellimages(ids),
            "xl/_rels/cellimages.xml.rels": rels(
                *[(rid, IMAGE_REL, f"media/image{i + 1}.png") for i, rid in enumerate(ids.values())]
            ),
            **{f"xl/media/image{i + 1}.png": data for i, data in enumerate(images.values())},
        },
        workbook_rels=(
            ("rId90", "http://www.wps.cn/officeDocument/2020/cellImage", "cellimages.xml"),
        ),
    )
    return zip_bytes(parts)


# --- Excel in-cell pictures (structure of calamine/tests/pictures_in_cell_and_over_cell.xlsx)


def excel_cell_workbook(
    cells: Mapping[str, int],
    images: list[bytes],
    rich_values: list[tuple[int, list[str]]],
    structures: list[list[str]],
    value_blocks: list[int] | None = None,
) -> bytes:
    """`cells`: A1 ref → vm (1-based); `rich_values`: (structure index, values) per rich
    value; `structures`: the key names of each structure; `value_blocks`: for each
    valueMetadata bk, the futureMetadata bk it points to (default: the identity), each
    futureMetadata bk i pointing at rich value i."""
    rows: dict[int, str] = {}
    for ref, vm in cells.items():
        number = int("".join(ch for ch in ref if ch.isdigit()))
        rows[number] = rows.get(number, "") + f'<c r="{ref}" t="e" vm="{vm}"><v>#VALUE!</v></c>'
    sheet_rows = "".join(f'<row r="{n}">{c}</row>' for n, c in sorted(rows.items()))
    count = len(rich_values)
    blocks = value_blocks if value_blocks is not None else list(range(count))
    future = "".join(
        f'<bk><extLst><ext uri="{{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}}"><xlrd:rvb i="{i}"/>'
        "</ext></extLst></bk>"
        for i in range(count)
    )
    value = "".join(f'<bk><rc t="1" v="{b}"/></bk>' for b in blocks)
    metadata = (
        f'{XML_HEAD}<metadata xmlns="{MAIN}" xmlns:xlrd="{XLRD}"><metadataTypes count="1">'
        '<metadataType name="XLRICHVALUE" minSupportedVersion="120000"/></metadataTypes>'
        f'<futureMetadata name="XLRICHVALUE" count="{count}">{future}</futureMetadata>'
        f'<valueMetadata count="{len(blocks)}">{value}</valueMetadata></metadata>'
    )
    rv = "".join(
        f'<rv s="{s}">' + "".join(f"<v>{v}</v>" for v in values) + "</rv>"
        for s, values in rich_values
    )
    structure_xml = "".join(
        '<s t="_localImage">' + "".join(f'<k n="{k}" t="i"/>' for k in keys) + "</s>"
        for keys in structures
    )
    parts = workbook(
        {"Sheet1": sheet_xml(sheet_rows)},
        extra_parts={
            "xl/metadata.xml": metadata,
            "xl/richData/rdrichvalue.xml": f'{XML_HEAD}<rvData xmlns="{RV}" count="{count}">{rv}</rvData>',
            "xl/richData/rdrichvaluestructure.xml": (
                f'{XML_HEAD}<rvStructures xmlns="{RV}" count="{len(structures)}">{structure_xml}'
                "</rvStructures>"
            ),
            "xl/richData/richValueRel.xml": (
                f'{XML_HEAD}<richValueRels xmlns="{RVREL}" xmlns:r="{R}">'
                + "".join(f'<rel r:id="rId{i + 1}"/>' for i in range(len(images)))
                + "</richValueRels>"
            ),
            "xl/richData/_rels/richValueRel.xml.rels": rels(
                *[
                    (f"rId{i + 1}", IMAGE_REL, f"../media/image{i + 1}.png")
                    for i in range(len(images))
                ]
            ),
            **{f"xl/media/image{i + 1}.png": data for i, data in enumerate(images)},
        },
        workbook_rels=(
            ("rId91", f"{R}/sheetMetadata", "metadata.xml"),
            (
                "rId92",
                "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValue",
                "richData/rdrichvalue.xml",
            ),
            (
                "rId93",
                "http://schemas.microsoft.com/office/2017/06/relationships/rdRichValueStructure",
                "richData/rdrichvaluestructure.xml",
            ),
            (
                "rId94",
                "http://schemas.microsoft.com/office/2022/10/relationships/richValueRel",
                "richData/richValueRel.xml",
            ),
        ),
    )
    return zip_bytes(parts)


# --- ODS (structure of LibreOffice 7.4's content.xml)

ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)


def ods(tables: str, media: Mapping[str, bytes], styles: str = "") -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NS} '
        f'office:version="1.2"><office:automatic-styles>{styles}</office:automatic-styles>'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    parts: dict[str, bytes | str] = {
        "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": content,
        **dict(media),
    }
    return zip_bytes(parts)


def ods_frame(*hrefs: str, extra: str = "", attrs: str = 'svg:x="0cm" svg:y="0cm"') -> str:
    images = "".join(
        f'<draw:image xlink:href="{href}" xlink:type="simple" xlink:show="embed"><text:p/></draw:image>'
        for href in hrefs
    )
    return f'<draw:frame draw:name="图片" svg:width="1cm" svg:height="1cm" {attrs}>{extra}{images}</draw:frame>'
