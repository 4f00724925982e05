"""The pictures embedded in a returned workbook, each mapped to the cell it belongs to.

Departments paste "before / after rectification" photos into the form rows in three
ways, all read here straight from the zip bytes:

* floating pictures (every suite): worksheet rels → drawing part → ``xdr:pic`` →
  ``a:blip r:embed`` → drawing rels → media part; mapped to the cell under the
  picture's top-left corner (``xdr:from``; ``xdr:absoluteAnchor`` through the column
  widths and row heights of the worksheet);
* WPS in-cell pictures (嵌入单元格图片): a cell holding ``_xlfn.DISPIMG("ID_…",1)``,
  the picture named ``ID_…`` in ``xl/cellimages.xml``;
* Excel 365 in-cell pictures (Place in Cell, IMAGE): a cell ``t="e" vm="N"`` →
  ``xl/metadata.xml`` → rich value → ``_rvRel:LocalImageIdentifier`` →
  ``richValueRel.xml`` → its rels → media part;

and, for .ods, ``draw:frame``/``draw:image`` inside a ``table:table-cell`` (or, anchored
to the page, in ``table:shapes``, mapped through the column widths and row heights).
.xls is not read: the result says so.

Nothing here raises for a bad file: whatever is wrong becomes a `PictureWarning` in
plain Chinese. Picture bytes are never decoded: type and pixel size come from the
header only. Budgets: `MAX_PICTURES` pictures, `MAX_PICTURE_BYTES` per picture part
(checked on the size the zip directory declares, before inflating), `MAX_MEDIA_BYTES`
in all; a member is never inflated past its declared size and its CRC is checked.
XML parts are parsed with expat, streaming and namespace-aware, and a DOCTYPE (entity
bombs, external entities) is refused.
"""

from __future__ import annotations

import functools
import io
import math
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from lzma import LZMAError
from urllib.parse import unquote
from xml.parsers import expat

from huitoukan.cells import column_index
from huitoukan.returns.sniffing import stored_member

MAX_PICTURES = 500
MAX_PICTURE_BYTES = 64 * 1024 * 1024
"""A full-size 200-megapixel phone photo is 30–40 MB."""
MAX_MEDIA_BYTES = 400 * 1024 * 1024
"""The sniff's own bound for a whole workbook."""
MAX_PIXELS = 300_000_000
"""More than any phone takes (200 million); a header claiming 100,000 × 100,000 is not
a photo."""
MAX_WARNINGS = 200
GRAZE = 4
"""A picture whose top-left corner leaves less than 1/GRAZE of its row (column), and of
itself, in that row belongs to the next one (see `settle`)."""
"""Past this many, one more warning says the rest were not listed."""
BOMB_RATIO = 500
"""A picture part inflating to more than this many times its compressed size (and to
more than `BOMB_MIN_BYTES`) is a zip bomb: photos are compressed already (ratio ≈ 1),
an uncompressed BMP or TIFF screenshot of flat colours stays under ~300, zeros deflate
~1000×."""
BOMB_MIN_BYTES = 1024 * 1024
MAX_XML_BYTES = 400 * 1024 * 1024
"""The largest XML part (declared, inflated) read at all: the caller's own limit for a
whole workbook."""
_CHUNK = 64 * 1024
_CHUNK_IN = 256 * 1024

XLS_NOT_READ = (
    "这是早期 Excel（.xls）或 WPS（.et）格式，其中的图片无法读取；"
    "如需报送照片，请另存为 .xlsx 后重新报送"
)

_EMU_PER_PIXEL = 9525
_EMU_PER_POINT = 12700
_EMU_PER_CM = 360000
_EMU_TOLERANCE = _EMU_PER_PIXEL // 2
"""A top-left corner this close above a row or column boundary belongs to the next
row or column: writers round positions (LibreOffice to 1/10000 inch)."""


@dataclass(frozen=True)
class Picture:
    sheet: str
    """Worksheet name as in workbook.xml (table:name for .ods)."""
    row: int
    """0-based row of the anchor cell; -1 when unknown."""
    col: int
    """0-based column of the anchor cell; -1 when unknown."""
    kind: str
    """"floating" | "wps-cell" | "excel-cell" | "ods"."""
    part: str
    """Zip member name of the media, e.g. "xl/media/image1.png"."""
    media_type: str
    """"png" | "jpeg" | "gif" | "bmp" | "webp" | "tiff" | "emf" | "wmf"."""
    width: int | None
    """Pixels, from the image header, when the header gives them (not for emf/wmf)."""
    height: int | None
    data: bytes
    """The picture bytes, exactly as stored."""


@dataclass(frozen=True)
class PictureWarning:
    sheet: str
    """"" when the warning is not about one worksheet."""
    row: int
    """0-based; -1 when not about one row."""
    col: int
    part: str
    """The zip member concerned ("" when none)."""
    message: str
    """One line in plain Chinese, for the office clerk."""


@dataclass
class Pictures:
    pictures: list[Picture] = field(default_factory=list)
    warnings: list[PictureWarning] = field(default_factory=list)
    dispimg_cells: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    """Worksheet → (row, col) of the cells holding a WPS DISPIMG formula, whether or not
    the picture was found: their text (=DISPIMG("ID_…",1)) is not the department's."""
    image_value_cells: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    """Worksheet → (row, col) of the cells holding an Excel in-cell picture: their
    cached value (#VALUE!) is not the department's either."""
    not_read: str = ""
    """Non-empty (Chinese) when this format's pictures cannot be read at all (.xls)."""


def read_pictures(data: bytes, kind: str) -> Pictures:
    """Every picture in the workbook `data` (`kind` "xlsx" — also .xlsm —, "ods" or "xls"),
    mapped to its cell. Never raises for a bad file: problems are `Pictures.warnings`."""
    result = Pictures()
    if kind in ("xls", "et"):
        result.not_read = XLS_NOT_READ
        return result
    if kind not in ("xlsx", "ods"):
        result.not_read = "无法识别的文件格式，其中的图片未读取"
        return result
    try:
        package = _Package(data)
        if kind == "xlsx":
            _read_xlsx(package, result)
        else:
            _read_ods(package, result)
    except _PartError as error:
        result.warnings.append(PictureWarning("", -1, -1, "", error.message))
    except Exception:  # noqa: BLE001 — a file we did not foresee must not stop the collection
        result.warnings.append(
            PictureWarning("", -1, -1, "", "读取图片时遇到无法识别的文件结构，部分图片可能未读取")
        )
    return result


# ---------------------------------------------------------------------------------------
# The zip package


class _PartError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_DAMAGED_FILE = "文件不完整或已损坏，其中的图片未读取"
_TEXT_SUFFIXES = (".xml", ".rels", ".vml", ".rdf")


class _Package:
    """The members of a zip held in memory. Members are inflated straight from the
    buffer, never past the size the zip directory declares, and checked against their
    CRC."""

    def __init__(self, data: bytes) -> None:
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            entries = self.archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise _PartError(_DAMAGED_FILE) from None
        self.data = data
        self.by_name: dict[str, zipfile.ZipInfo] = {}
        self.by_folded: dict[str, zipfile.ZipInfo] = {}
        for entry in entries:
            name = entry.filename.replace("\\", "/").lstrip("/")
            if name.endswith("/"):
                continue
            self.by_name.setdefault(name, entry)
            self.by_folded.setdefault(name.casefold(), entry)

    def find(self, name: str) -> zipfile.ZipInfo | None:
        """The member `name` (OPC part names are case-insensitive)."""
        return self.by_name.get(name) or self.by_folded.get(name.casefold())

    def binary_names(self) -> list[str]:
        """Members that are not XML text: the only places a picture can be stored."""
        return [name for name in self.by_name if not name.casefold().endswith(_TEXT_SUFFIXES)]

    def _raw(self, entry: zipfile.ZipInfo) -> memoryview:
        raw = stored_member(self.data, entry)
        if raw is None:
            raise _PartError("damaged")
        return raw

    def chunks(self, entry: zipfile.ZipInfo, size: int = _CHUNK) -> Iterator[bytes]:
        """The inflated member in pieces of at most `size` bytes: never more in all than
        declared; `_PartError` ("damaged" / "encrypted") when it is short or its CRC
        does not match."""
        if entry.flag_bits & 0x1:
            raise _PartError("encrypted")
        left = entry.file_size
        crc = 0
        if entry.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raw = self._raw(entry)
            if entry.compress_type == zipfile.ZIP_STORED:
                position = 0
                while left > 0:
                    out = bytes(raw[position : position + min(size, left)])
                    if not out:
                        break
                    position += len(out)
                    left -= len(out)
                    crc = zlib.crc32(out, crc)
                    yield out
            else:
                # compressed input goes in by slices: a tail left over by max_length is
                # then at most one slice, not the rest of the member copied again
                inflate = zlib.decompressobj(-zlib.MAX_WBITS)
                pending: bytes | memoryview = b""
                taken = 0
                while left > 0:
                    if not pending:
                        if taken >= len(raw) or inflate.eof:
                            break
                        pending = raw[taken : taken + _CHUNK_IN]
                        taken += len(pending)
                    try:
                        out = inflate.decompress(pending, min(size, left))
                    except zlib.error:
                        raise _PartError("damaged") from None
                    pending = inflate.unconsumed_tail
                    if out:
                        left -= len(out)
                        crc = zlib.crc32(out, crc)
                        yield out
        else:  # bzip2, lzma: rare in spreadsheets; zipfile stops at the declared size
            try:
                with self.archive.open(entry) as handle:
                    while left > 0:
                        out = handle.read(min(size, left))
                        if not out:
                            break
                        left -= len(out)
                        crc = zlib.crc32(out, crc)
                        yield out
            except (
                zipfile.BadZipFile,
                OSError,
                ValueError,
                EOFError,
                NotImplementedError,
                LZMAError,
            ):
                raise _PartError("damaged") from None
        if left or crc != entry.CRC:
            raise _PartError("damaged")

    def read(self, entry: zipfile.ZipInfo) -> bytes:
        return b"".join(self.chunks(entry, 1 << 30))


# ---------------------------------------------------------------------------------------
# XML


class _Doctype(Exception):
    pass


class _Stop(Exception):
    """Raised by a handler that has seen all it needs."""


_Start = Callable[[str, dict[str, str]], None]
_End = Callable[[str], None]


def _local(name: str) -> str:
    """The local part of an expat name ("uri local" or "local")."""
    return name.rpartition(" ")[2]


def _attr(attributes: dict[str, str], local: str) -> str | None:
    """The value of attribute `local`, whatever its namespace (unprefixed first)."""
    value = attributes.get(local)
    if value is not None:
        return value
    suffix = " " + local
    for key, value in attributes.items():
        if key.endswith(suffix):
            return value
    return None


def _rel_attr(attributes: dict[str, str], local: str) -> str | None:
    """The value of the relationships-namespace attribute `local` (r:embed, r:id), in the
    transitional or the strict namespace, whatever the prefix."""
    suffix = "relationships " + local
    for key, value in attributes.items():
        if key.endswith(suffix):
            return value
    return None


def _make_parser() -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_: object) -> None:
        raise _Doctype

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    return parser


def _feed(parser: expat.XMLParserType, pieces: Iterator[bytes] | Sequence[bytes]) -> None:
    try:
        for piece in pieces:
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except _Stop:
        pass


class _Reader:
    """The package and the result being filled, with the XML plumbing."""

    def __init__(self, package: _Package, result: Pictures) -> None:
        self.package = package
        self.result = result

    def warn(self, sheet: str, row: int, col: int, part: str, message: str) -> None:
        warnings = self.result.warnings
        if len(warnings) < MAX_WARNINGS:
            warnings.append(PictureWarning(sheet, row, col, part, message))
        elif len(warnings) == MAX_WARNINGS:
            warnings.append(PictureWarning("", -1, -1, "", "图片问题过多，其余问题未列出"))

    def parse(
        self,
        part: str,
        start: _Start,
        end: _End | None = None,
        parser: expat.XMLParserType | None = None,
    ) -> bool:
        """Stream member `part` through expat; False (with a warning) when it is missing,
        too large, damaged, malformed or declares a DOCTYPE."""
        entry = self.package.find(part)
        if entry is None:
            return False
        if _xml_too_large(entry):
            self.warn("", -1, -1, part, f"部件 {part} 解压后异常庞大，其中的图片未读取")
            return False
        return self._run(part, self.package.chunks(entry), start, end, parser)

    def parse_bytes(
        self,
        part: str,
        xml: bytes,
        start: _Start,
        end: _End | None = None,
        parser: expat.XMLParserType | None = None,
    ) -> bool:
        """Like `parse`, for XML already inflated."""
        pieces = [xml[i : i + _CHUNK] for i in range(0, len(xml), _CHUNK)]
        return self._run(part, pieces, start, end, parser)

    def _run(
        self,
        part: str,
        pieces: Iterator[bytes] | Sequence[bytes],
        start: _Start,
        end: _End | None,
        parser: expat.XMLParserType | None,
    ) -> bool:
        parser = parser or _make_parser()
        parser.StartElementHandler = start
        if end is not None:
            parser.EndElementHandler = end
        try:
            _feed(parser, pieces)
        except _Doctype:
            self.warn(
                "",
                -1,
                -1,
                part,
                f"部件 {part} 含有 XML 实体声明（可能是恶意文件），其中的图片未读取",
            )
            return False
        except (expat.ExpatError, LookupError):  # LookupError: an unknown encoding declared
            self.warn("", -1, -1, part, f"部件 {part} 格式有误，其中的图片未读取")
            return False
        except _PartError as error:
            if error.message == "encrypted":
                self.warn("", -1, -1, part, f"部件 {part} 设有密码，其中的图片未读取")
            else:
                self.warn("", -1, -1, part, f"部件 {part} 已损坏，其中的图片未读取")
            return False
        return True

    def rels(self, part: str) -> dict[str, _Rel]:
        """The relationships of `part` (from its .rels part), targets resolved."""
        folder, base = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", base + ".rels")
        found: dict[str, _Rel] = {}

        def start(name: str, attributes: dict[str, str]) -> None:
            if _local(name) != "Relationship":
                return
            rel_id = _attr(attributes, "Id")
            target = _attr(attributes, "Target")
            if rel_id is None or target is None:
                return
            external = (_attr(attributes, "TargetMode") or "").casefold() == "external"
            resolved = target if external else _resolve(part, target)
            found.setdefault(rel_id, _Rel(_attr(attributes, "Type") or "", resolved, external))

        self.parse(rels_part, start)
        return found


@dataclass(frozen=True)
class _Rel:
    type: str
    target: str
    external: bool


@functools.lru_cache(maxsize=512)
def _resolve(source: str, target: str) -> str:
    """The part name a relationship target of part `source` points to (the same few
    targets in every return: remembered)."""
    target = unquote(target.replace("\\", "/")).split("#", 1)[0]
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
    return joined.lstrip("/")


def _xml_too_large(entry: zipfile.ZipInfo) -> bool:
    """An XML part past the caller's own limits (sniffing: 200× over 2 MB)."""
    return entry.file_size > MAX_XML_BYTES or (
        entry.file_size > 2 * 1024 * 1024 and entry.file_size > 200 * max(entry.compress_size, 1)
    )


def _is_bomb(entry: zipfile.ZipInfo) -> bool:
    return entry.file_size > BOMB_MIN_BYTES and entry.file_size > BOMB_RATIO * max(
        entry.compress_size, 1
    )


# ---------------------------------------------------------------------------------------
# Picture headers


def image_info(data: bytes) -> tuple[str, int | None, int | None] | None:
    """(media type, width, height) from the header of `data`; None when the header is not
    that of a picture we know. Width and height are None where the header gives none."""
    head = data[:32]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        if len(data) >= 24 and data[12:16] == b"IHDR":
            width, height = struct.unpack(">II", data[16:24])
            return "png", width, height
        return None
    if head.startswith(b"\xff\xd8\xff"):
        size = _jpeg_size(data)
        return ("jpeg", size[0], size[1]) if size else None
    if head.startswith((b"GIF87a", b"GIF89a")):
        if len(data) >= 10:
            width, height = struct.unpack("<HH", data[6:10])
            return "gif", width, height
        return None
    if head.startswith(b"BM") and len(data) >= 26:
        (header_size,) = struct.unpack("<I", data[14:18])
        if header_size == 12:
            width, height = struct.unpack("<HH", data[18:22])
            return "bmp", width, height
        if 16 <= header_size <= 256:
            width, height = struct.unpack("<ii", data[18:26])
            return "bmp", abs(width), abs(height)
        return None
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        size = _webp_size(data)
        return ("webp", size[0], size[1]) if size else None
    if head.startswith((b"II*\x00", b"MM\x00*")):
        width, height = _tiff_size(data)
        return "tiff", width, height
    if len(data) >= 44 and data[:4] == b"\x01\x00\x00\x00" and data[40:44] == b" EMF":
        return "emf", None, None
    if head.startswith(b"\xd7\xcd\xc6\x9a"):
        return "wmf", None, None
    if len(data) >= 18:
        kind, header_words, version = struct.unpack("<HHH", data[:6])
        if kind in (1, 2) and header_words == 9 and version in (0x100, 0x300):
            return "wmf", None, None
    return None


_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_segments(data: bytes) -> Iterator[tuple[int, int]]:
    """(marker, position) of each segment of the header, up to and including the first
    SOS (start of scan), skipping each by its length (an EXIF thumbnail inside APP1 is
    never looked at); it stops early at anything that is not a segment."""
    position = 2
    end = len(data)
    while position + 4 <= end:
        if data[position] != 0xFF:
            return
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # standalone markers
            position += 2
            continue
        if marker == 0xD9:
            return
        yield marker, position
        if marker == 0xDA:
            return
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        if length < 2:
            return
        position += 2 + length


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from the first SOFn segment (None when a scan starts first)."""
    for marker, position in _jpeg_segments(data):
        if marker in _SOF:
            if position + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return width, height
    return None


def is_truncated(media_type: str, data: bytes) -> bool:
    """Whether a JPEG or PNG stops before its end marker (a photo cut off in sending or
    saving: it shows grey or black where the rest should be). Past a JPEG's first scan,
    FF D9 can only be its end (the scan escapes FF bytes); data after it (a phone's
    motion photo, a maker's trailer) is allowed. Searched from the end, where it is in
    all but those (forwards, every FF 00 of the scan stops the search)."""
    if media_type == "png":
        return data.rfind(b"IEND") < 0
    if media_type == "jpeg":
        scan = next((p for marker, p in _jpeg_segments(data) if marker == 0xDA), -1)
        return scan < 0 or data.rfind(b"\xff\xd9", scan) < 0
    return False


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        (bits,) = struct.unpack("<I", data[21:25])
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    return None


def _tiff_size(data: bytes) -> tuple[int | None, int | None]:
    order = "<" if data[:2] == b"II" else ">"
    try:
        (offset,) = struct.unpack(order + "I", data[4:8])
        (count,) = struct.unpack(order + "H", data[offset : offset + 2])
        found: dict[int, int] = {}
        for index in range(min(count, 512)):
            at = offset + 2 + 12 * index
            tag, kind, _ = struct.unpack(order + "HHI", data[at : at + 8])
            if tag in (256, 257):
                if kind == 3:
                    (found[tag],) = struct.unpack(order + "H", data[at + 8 : at + 10])
                elif kind == 4:
                    (found[tag],) = struct.unpack(order + "I", data[at + 8 : at + 12])
        return found.get(256), found.get(257)
    except struct.error:
        return None, None


# ---------------------------------------------------------------------------------------
# Collecting pictures under the budgets


def cell_name(row: int, col: int) -> str:
    """A1-style name of the 0-based (row, col)."""
    letters = ""
    number = col + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def picture_place(sheet: str, row: int, col: int) -> str:
    """Where a picture is, as a message says it: 工作表“…”第 7 行（L7）."""
    if row >= 0 and col >= 0:
        return f"工作表“{sheet}”第 {row + 1} 行（{cell_name(row, col)}）"
    if row >= 0:
        return f"工作表“{sheet}”第 {row + 1} 行"
    return f"工作表“{sheet}”中"


@dataclass(frozen=True)
class _Media:
    media_type: str
    width: int | None
    height: int | None
    data: bytes


class _Collector(_Reader):
    """Turns references to media parts into `Picture`s, reading each part once, under
    the budgets."""

    def __init__(self, package: _Package, result: Pictures) -> None:
        super().__init__(package, result)
        self.media: dict[str, _Media | str] = {}
        """Part → its picture, or the reason (Chinese, after the part name) it is not."""
        self.total = 0
        self.full = False

    def add(self, sheet: str, row: int, col: int, kind: str, parts: Sequence[str]) -> None:
        """A picture at (row, col) stored in the first of `parts` that is a readable
        picture (ODS frames may list a vector original before its bitmap)."""
        if len(self.result.pictures) >= MAX_PICTURES:
            if not self.full:
                self.full = True
                self.warn(sheet, row, col, "", f"图片超过 {MAX_PICTURES} 张，其余图片未读取")
            return
        first_failure: tuple[str, str] | None = None
        for part in parts:
            media = self._load(part)
            if isinstance(media, _Media):
                self.result.pictures.append(
                    Picture(
                        sheet,
                        row,
                        col,
                        kind,
                        part,
                        media.media_type,
                        media.width,
                        media.height,
                        media.data,
                    )
                )
                return
            first_failure = first_failure or (part, media)
        if first_failure is not None:
            part, reason = first_failure
            self.warn(sheet, row, col, part, f"{picture_place(sheet, row, col)}的图片{reason}")

    def _load(self, part: str) -> _Media | str:
        cached = self.media.get(part)
        if cached is None:
            cached = self.media[part] = self._read_media(part)
        return cached

    def _read_media(self, part: str) -> _Media | str:
        entry = self.package.find(part)
        if entry is None:
            return "在文件中不存在（文件可能已损坏），已跳过，请重新插入照片"
        if _is_bomb(entry):
            return "解压后异常庞大（疑似压缩炸弹），已跳过"
        if entry.file_size > MAX_PICTURE_BYTES:
            megabytes = entry.file_size / 1024 / 1024
            return (
                f"过大（{megabytes:.0f} MB，每张上限 {MAX_PICTURE_BYTES // 1024 // 1024} MB），"
                "已跳过，请压缩后重新插入"
            )
        if self.total + entry.file_size > MAX_MEDIA_BYTES:
            return f"未读取：全部图片合计超过 {MAX_MEDIA_BYTES // 1024 // 1024} MB"
        self.total += entry.file_size  # counted before reading: damaged parts cost too
        try:
            data = self.package.read(entry)
        except _PartError as error:
            if error.message == "encrypted":
                return "设有密码，无法读取，已跳过"
            return "已损坏，无法读取，已跳过，请重新插入照片"
        info = image_info(data)
        if info is None:
            return "不是有效的图片文件，已跳过，请插入 JPG 或 PNG 格式的照片"
        media_type, width, height = info
        if is_truncated(media_type, data):
            return "不完整（图片数据被截断，只能显示一部分），已跳过，请重新插入原图"
        if width is not None and height is not None:
            if width == 0 or height == 0:
                return "不是有效的图片文件，已跳过，请插入 JPG 或 PNG 格式的照片"
            if width * height > MAX_PIXELS:
                return (
                    f"尺寸异常（{width}×{height} 像素，超过 {MAX_PIXELS // 10**8} 亿像素），"
                    "已跳过；如确为照片，请在 WPS 或 Excel 中压缩图片后重新插入"
                )
        return _Media(media_type, width, height, data)

    def add_external(self, sheet: str, row: int, col: int, target: str) -> None:
        self.warn(
            sheet,
            row,
            col,
            "",
            f"{picture_place(sheet, row, col)}的图片链接到外部文件（{target}），没有嵌入表格，已跳过；"
            "请在表格中直接插入图片",
        )


# ---------------------------------------------------------------------------------------
# .xlsx / .xlsm


_WPS_CELLIMAGES = "xl/cellimages.xml"
_MAY_HOLD_PICTURES = re.compile(
    r"(?i)(?<!vml)drawing[^/]*\.xml$|cellimages[^/]*\.xml$|metadata\.xml$"
)
"""Parts without which an .xlsx holds no picture in a cell: drawings (every writer names
them xl/drawings/drawingN.xml), WPS's cellimages, Excel's metadata (rich values)."""


def _read_xlsx(package: _Package, result: Pictures) -> None:
    if not package.binary_names() or not any(_MAY_HOLD_PICTURES.search(n) for n in package.by_name):
        return  # a photo-less form costs a listing of the zip directory
    reader = _Collector(package, result)
    workbook = _workbook_part(reader)
    if package.find(workbook) is None:
        reader.warn("", -1, -1, workbook, "文件缺少工作簿部件，其中的图片未读取")
        return
    workbook_rels = reader.rels(workbook)
    sheets = _sheets(reader, workbook, workbook_rels)
    for sheet, part in sheets:
        for rel in reader.rels(part).values():
            if rel.type.endswith("/drawing") and not rel.external:
                _read_drawing(reader, sheet, part, rel.target)
    cell_images = _wps_cell_images(reader, workbook, workbook_rels)
    rich = _RichValues.load(reader, workbook, workbook_rels)
    if cell_images is None and rich is None:
        return
    for sheet, part in sheets:
        _read_cell_pictures(reader, sheet, part, cell_images, rich)


def _workbook_part(reader: _Reader) -> str:
    if reader.package.find("xl/workbook.xml") is not None:
        return "xl/workbook.xml"
    for rel in reader.rels("").values():  # _rels/.rels
        if rel.type.endswith("/officeDocument") and not rel.external:
            return rel.target
    return "xl/workbook.xml"


def _sheets(reader: _Reader, workbook: str, rels: dict[str, _Rel]) -> list[tuple[str, str]]:
    """(name, part) of each sheet, in workbook order."""
    found: list[tuple[str, str]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if _local(name) != "sheet":
            return
        sheet = _attr(attributes, "name")
        rel_id = _rel_attr(attributes, "id")
        rel = rels.get(rel_id or "")
        if sheet is not None and rel is not None and not rel.external:
            found.append((sheet, rel.target))

    reader.parse(workbook, start)
    return found


# --- floating pictures


@dataclass
class _Marker:
    """An xdr:from or xdr:to: a cell and the offset (EMU) into it."""

    col: int = -1
    col_off: int = 0
    row: int = -1
    row_off: int = 0


@dataclass
class _Anchor:
    kind: str
    """"two" | "one" | "absolute"."""
    start: _Marker = field(default_factory=_Marker)
    end: _Marker | None = None
    x: int | None = None
    y: int | None = None
    cx: int | None = None
    cy: int | None = None
    """The picture's extent (EMU): the anchor's xdr:ext, else the first a:xfrm/a:ext."""
    pictures: list[tuple[str | None, str | None]] = field(default_factory=list)
    """(r:embed, r:link) of each picture under the anchor."""


_ANCHORS = {"twoCellAnchor": "two", "oneCellAnchor": "one", "absoluteAnchor": "absolute"}
_MARKER_FIELDS = {"col": "col", "colOff": "col_off", "row": "row", "rowOff": "row_off"}


class _DrawingHandler:
    """Anchors and their pictures, from a drawing part. Of an mc:AlternateContent only
    the first branch is read (Excel's Choice and Fallback may hold the same picture)."""

    def __init__(self, parser: expat.XMLParserType) -> None:
        self.parser = parser
        self.anchors: list[_Anchor] = []
        self.anchor: _Anchor | None = None
        self.marker: _Marker | None = None
        self.field: str | None = None
        self.text: list[str] = []
        self.pic_depth = 0
        self.blip_taken = False
        self.skip = 0
        self.alternate: list[bool] = []
        """Per open mc:AlternateContent: whether a branch was taken already."""

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self.skip:
            self.skip += 1
            return
        local = _local(name)
        if local == "AlternateContent":
            self.alternate.append(False)
            return
        if local in ("Choice", "Fallback") and self.alternate:
            if self.alternate[-1]:
                self.skip = 1
            else:
                self.alternate[-1] = True
            return
        anchor = self.anchor
        if local in _ANCHORS:
            if anchor is None:
                self.anchor = _Anchor(_ANCHORS[local])
            return
        if anchor is None:
            return
        if local in ("from", "to") and not self.pic_depth:
            if local == "from":
                self.marker = anchor.start
            else:
                self.marker = anchor.end = _Marker()
        elif self.marker is not None and local in _MARKER_FIELDS:
            self.field = local
            self.text = []
            self.parser.CharacterDataHandler = self.text.append
        elif local == "pos" and anchor.kind == "absolute" and not self.pic_depth:
            anchor.x = _int(_attr(attributes, "x"))
            anchor.y = _int(_attr(attributes, "y"))
        elif local == "ext" and anchor.cx is None and "cx" in attributes:
            anchor.cx = _int(attributes.get("cx"))
            anchor.cy = _int(attributes.get("cy"))
        elif local == "pic":
            self.pic_depth += 1
            if self.pic_depth == 1:
                self.blip_taken = False
        elif local == "blip" and self.pic_depth and not self.blip_taken:
            self.blip_taken = True
            anchor.pictures.append((_rel_attr(attributes, "embed"), _rel_attr(attributes, "link")))

    def end(self, name: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        local = _local(name)
        if local == "AlternateContent" and self.alternate:
            self.alternate.pop()
        elif local in _ANCHORS and self.anchor is not None and _ANCHORS[local] == self.anchor.kind:
            self.anchors.append(self.anchor)
            self.anchor = None
            self.pic_depth = 0
        elif self.anchor is None:
            return
        elif local in ("from", "to") and not self.pic_depth:
            self.marker = None
        elif self.field is not None and local == self.field and self.marker is not None:
            value = _int("".join(self.text))
            if value is not None and value >= 0:
                setattr(self.marker, _MARKER_FIELDS[local], value)
            self.field = None
            self.parser.CharacterDataHandler = None
        elif local == "pic" and self.pic_depth:
            self.pic_depth -= 1


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return int(text.strip())
    except ValueError:
        try:
            return int(float(text.strip()))
        except (ValueError, OverflowError):
            return None


def settle(
    index: int,
    offset: float,
    size: float | None,
    extent: float | None,
    end: tuple[int, float] | None = None,
) -> int:
    """The row (column) a picture belongs to, along one axis: the one its top-left
    corner is in (`index`, `offset` into it), or the next one when the corner only
    grazes the bottom (right) edge — when less than 1/`GRAZE` of that row and less than
    1/`GRAZE` of the picture lie in it (writers and hands leave pictures a point or two above the
    row they sit in). `size` is the row's height, `extent` the picture's, `end` the
    (index, offset) of its bottom-right corner; any may be unknown. With an `end` in the
    next row and an `extent`, the writer's own numbers decide."""
    if index < 0 or offset <= 0:
        return index
    if size is not None and offset >= size:
        return index  # the geometry disagrees with the anchor: trust the anchor
    if end is not None and end[0] <= index:
        return index  # the picture stays in its row
    if end is not None and end[0] == index + 1 and extent is not None and extent > 0:
        inside = extent - end[1]
        size = offset + inside
    elif size is not None and size > 0:
        inside = size - offset
        if inside <= 0:
            return index  # the geometry disagrees with the anchor: trust the anchor
        if extent is not None and extent > 0:
            inside = min(inside, extent)
    else:
        return index
    if inside <= 0:
        return index + 1
    if GRAZE * inside < size and (extent is None or extent <= 0 or GRAZE * inside < extent):
        return index + 1
    return index


def _read_drawing(reader: _Collector, sheet: str, sheet_part: str, drawing: str) -> None:
    if reader.package.find(drawing) is None:
        reader.warn(
            sheet,
            -1,
            -1,
            drawing,
            f"部件 {drawing} 不存在（文件可能已损坏），工作表“{sheet}”中的图片未读取",
        )
        return
    parser = _make_parser()
    handler = _DrawingHandler(parser)
    if not reader.parse(drawing, handler.start, handler.end, parser=parser):
        return
    anchors = [anchor for anchor in handler.anchors if anchor.pictures]
    if not anchors:
        return
    rels = reader.rels(drawing)
    geometry: list[_SheetGeometry] = []

    def sheet_geometry() -> _SheetGeometry:
        if not geometry:
            last_row = max(anchor.start.row for anchor in anchors)
            if any(anchor.kind == "absolute" for anchor in anchors):
                last_row = -1  # all of it
            geometry.append(_SheetGeometry.load(reader, sheet_part, last_row))
        return geometry[0]

    for anchor in anchors:
        row, col = _anchor_cell(anchor, sheet_geometry)
        for embed, link in anchor.pictures:
            rel = rels.get(embed or link or "")
            if rel is None:
                reader.warn(
                    sheet,
                    row,
                    col,
                    drawing,
                    f"{picture_place(sheet, row, col)}的图片在文件中找不到（文件可能已损坏），已跳过",
                )
            elif rel.external:
                reader.add_external(sheet, row, col, rel.target)
            else:
                reader.add(sheet, row, col, "floating", [rel.target])


def _anchor_cell(anchor: _Anchor, geometry: Callable[[], _SheetGeometry]) -> tuple[int, int]:
    if anchor.kind == "absolute":
        if anchor.x is None or anchor.y is None:
            return -1, -1
        return geometry().cell_at(anchor.x, anchor.y)
    start, end = anchor.start, anchor.end
    row_end = (end.row, end.row_off) if end is not None and end.row >= 0 else None
    col_end = (end.col, end.col_off) if end is not None and end.col >= 0 else None
    row = start.row
    if start.row >= 0 and start.row_off > 0 and not _exact(row_end, start.row, anchor.cy):
        size = geometry().row_size(start.row)
        row = settle(start.row, start.row_off, size, anchor.cy, row_end)
    elif start.row >= 0:
        row = settle(start.row, start.row_off, None, anchor.cy, row_end)
    col = start.col
    if start.col >= 0 and start.col_off > 0 and not _exact(col_end, start.col, anchor.cx):
        size = geometry().col_size(start.col)
        col = settle(start.col, start.col_off, size, anchor.cx, col_end)
    elif start.col >= 0:
        col = settle(start.col, start.col_off, None, anchor.cx, col_end)
    return row, col


def _exact(end: tuple[int, int] | None, index: int, extent: int | None) -> bool:
    """Whether the anchor alone settles the axis (no row heights or column widths needed):
    the picture stays in its cell, or ends in the next one and its extent is known."""
    if end is None:
        return False
    return end[0] <= index or (end[0] == index + 1 and extent is not None and extent > 0)


class _SheetGeometry:
    """Column widths and row heights of a worksheet, in EMU. Widths follow Excel's rule
    for the default font (maximum digit width 7 pixels, 96 DPI); a sheet made for another
    font maps approximately. Row heights (points) are exact."""

    def __init__(self) -> None:
        self.default_width = 64 * _EMU_PER_PIXEL
        self.default_height = 15 * _EMU_PER_POINT
        self.columns: list[tuple[int, int, int]] = []
        """(first, last, width) — 0-based, inclusive, EMU."""
        self.rows: dict[int, int] = {}
        """0-based row → height in EMU, for the rows that say."""

    @staticmethod
    def _column_emu(width: float) -> int:
        return int(width * 7 + 0.5) * _EMU_PER_PIXEL if width > 0 else 0

    @classmethod
    def load(cls, reader: _Reader, part: str, last_row: int = -1) -> _SheetGeometry:
        """The geometry of worksheet `part`, its rows read as far as `last_row` (-1: all)."""
        geometry = cls()
        state = {"row": -1}

        def start(name: str, attributes: dict[str, str]) -> None:
            local = _local(name)
            if local == "sheetFormatPr":
                width = _float(_attr(attributes, "defaultColWidth"))
                base = _float(_attr(attributes, "baseColWidth"))
                if width is not None:
                    geometry.default_width = cls._column_emu(width)
                elif base is not None:
                    pixels = -(-int(base * 7 + 5) // 8) * 8
                    geometry.default_width = pixels * _EMU_PER_PIXEL
                height = _float(_attr(attributes, "defaultRowHeight"))
                if height is not None and height >= 0:
                    geometry.default_height = int(height * _EMU_PER_POINT)
            elif local == "col":
                first = _int(_attr(attributes, "min"))
                last = _int(_attr(attributes, "max"))
                width = _float(_attr(attributes, "width"))
                if first is None or last is None or first < 1 or last < first:
                    return
                emu = geometry.default_width if width is None else cls._column_emu(width)
                if _attr(attributes, "hidden") in ("1", "true"):
                    emu = 0
                geometry.columns.append((first - 1, last - 1, emu))
            elif local == "row":
                number = _int(_attr(attributes, "r"))
                row = number - 1 if number is not None and number > 0 else state["row"] + 1
                if 0 <= last_row < row:
                    raise _Stop
                state["row"] = row
                height = _float(_attr(attributes, "ht"))
                if _attr(attributes, "hidden") in ("1", "true"):
                    geometry.rows[row] = 0
                elif height is not None and height >= 0:
                    geometry.rows[row] = int(height * _EMU_PER_POINT)

        def end(name: str) -> None:
            if _local(name) == "sheetData":
                raise _Stop

        reader.parse(part, start, end)
        geometry.columns.sort()
        return geometry

    def row_size(self, row: int) -> int:
        return self.rows.get(row, self.default_height)

    def col_size(self, col: int) -> int:
        for first, last, width in self.columns:
            if first <= col <= last:
                return width
        return self.default_width

    def cell_at(self, x: int, y: int) -> tuple[int, int]:
        return self._row_at(y), self._col_at(x)

    def _col_at(self, x: int) -> int:
        position = 0
        column = 0
        for first, last, width in self.columns:
            first = max(first, column)
            if first > last:
                continue
            found = _index_in_run(x - position, first - column, self.default_width)
            if found is not None:
                return column + found
            position += (first - column) * self.default_width
            column = first
            found = _index_in_run(x - position, last - first + 1, width)
            if found is not None:
                return column + found
            position += (last - first + 1) * width
            column = last + 1
        found = _index_in_run(x - position, 1 << 40, self.default_width)
        return column + found if found is not None else -1

    def _row_at(self, y: int) -> int:
        position = 0
        row = 0
        for special in sorted(self.rows):
            found = _index_in_run(y - position, special - row, self.default_height)
            if found is not None:
                return row + found
            position += (special - row) * self.default_height
            row = special
            height = self.rows[special]
            if y - position < height - _EMU_TOLERANCE:
                return row
            position += height
            row += 1
        found = _index_in_run(y - position, 1 << 40, self.default_height)
        return row + found if found is not None else -1


def _index_in_run(offset: int, count: int, size: int) -> int | None:
    """Which of `count` equal cells of `size` holds `offset` (None: past them all)."""
    if count <= 0:
        return None
    if size <= 0:
        return None if offset >= 0 else 0
    index = max(0, (offset + _EMU_TOLERANCE) // size)
    return index if index < count else None


def _float(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and abs(value) < 1e12 else None


# --- in-cell pictures: WPS DISPIMG and Excel rich values


_DISPIMG_BYTES = re.compile(rb"(?i)dispimg")
_DISPIMG = re.compile(r"DISPIMG\(\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


def _wps_cell_images(
    reader: _Reader, workbook: str, rels: dict[str, _Rel]
) -> dict[str, list[str | None]] | None:
    """ID_… → media part (None when the picture names no embedded part), from WPS's
    cellimages part; None when the workbook has none."""
    part = next(
        (r.target for r in rels.values() if r.type.casefold().endswith("/cellimage")),
        _WPS_CELLIMAGES,
    )
    if reader.package.find(part) is None:
        return None
    pictures: list[tuple[str, str | None]] = []
    state: dict[str, str | None] = {"name": None, "embed": None}
    depth = [0]

    def start(name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        if local == "pic":
            depth[0] += 1
            if depth[0] == 1:
                state["name"] = state["embed"] = None
        elif depth[0] and local == "cNvPr" and state["name"] is None:
            state["name"] = _attr(attributes, "name")
        elif depth[0] and local == "blip" and state["embed"] is None:
            state["embed"] = _rel_attr(attributes, "embed") or ""

    def end(name: str) -> None:
        if _local(name) == "pic" and depth[0]:
            depth[0] -= 1
            if not depth[0] and state["name"]:
                pictures.append((state["name"] or "", state["embed"]))

    found: dict[str, list[str | None]] = {}
    if not reader.parse(part, start, end):
        return found
    image_rels = reader.rels(part)
    for name, embed in pictures:
        rel = image_rels.get(embed or "")
        target = rel.target if rel is not None and not rel.external else None
        found.setdefault(name, []).append(target)
    return found


_RICH_KEY = "_rvRel:LocalImageIdentifier"


class _RichValues:
    """Excel's chain from a cell's vm to the media part of its in-cell picture."""

    def __init__(self) -> None:
        self.value_metadata: list[int | None] = []
        """vm - 1 → rich value index (None: not a rich value)."""
        self.rich_images: list[int | None] = []
        """Rich value index → index into richValueRel (None: not a local image)."""
        self.rel_ids: list[str] = []
        self.targets: dict[str, _Rel] = {}

    @classmethod
    def load(cls, reader: _Reader, workbook: str, rels: dict[str, _Rel]) -> _RichValues | None:
        def part(suffix: str, default: str) -> str:
            for rel in rels.values():
                if rel.type.casefold().endswith(suffix.casefold()) and not rel.external:
                    return rel.target
            return default

        metadata = part("/sheetMetadata", "xl/metadata.xml")
        values = part("/rdRichValue", "xl/richData/rdrichvalue.xml")
        structures = part("/rdRichValueStructure", "xl/richData/rdrichvaluestructure.xml")
        value_rels = part("/richValueRel", "xl/richData/richValueRel.xml")
        if any(reader.package.find(p) is None for p in (metadata, values, value_rels)):
            return None
        chain = cls()
        chain._metadata(reader, metadata)
        positions = chain._structures(reader, structures)
        chain._values(reader, values, positions)
        chain._value_rels(reader, value_rels)
        chain.targets = reader.rels(value_rels)
        return chain

    def _metadata(self, reader: _Reader, part: str) -> None:
        types: list[str] = []
        rich_blocks: list[int | None] = []
        cells: list[tuple[int, int] | None] = []
        state: dict[str, str] = {"section": ""}

        def start(name: str, attributes: dict[str, str]) -> None:
            local = _local(name)
            section = state["section"]
            if local == "metadataType":
                types.append(_attr(attributes, "name") or "")
            elif local == "futureMetadata":
                state["section"] = "future" if _attr(attributes, "name") == "XLRICHVALUE" else "x"
            elif local == "valueMetadata":
                state["section"] = "value"
            elif local in ("cellMetadata", "metadataStrings", "mdxMetadata"):
                state["section"] = "x"
            elif local == "bk" and section == "future":
                rich_blocks.append(None)
            elif local == "rvb" and section == "future" and rich_blocks:
                if rich_blocks[-1] is None:
                    rich_blocks[-1] = _int(_attr(attributes, "i"))
            elif local == "bk" and section == "value":
                cells.append(None)
            elif local == "rc" and section == "value" and cells and cells[-1] is None:
                kind = _int(_attr(attributes, "t"))
                value = _int(_attr(attributes, "v"))
                if kind is not None and value is not None:
                    cells[-1] = (kind, value)

        def end(name: str) -> None:
            if _local(name) in ("futureMetadata", "valueMetadata"):
                state["section"] = ""

        reader.parse(part, start, end)
        for cell in cells:
            index: int | None = None
            if cell is not None:
                kind, value = cell
                is_rich = 1 <= kind <= len(types) and types[kind - 1] == "XLRICHVALUE"
                if is_rich and 0 <= value < len(rich_blocks):
                    index = rich_blocks[value]
            self.value_metadata.append(index)

    @staticmethod
    def _structures(reader: _Reader, part: str) -> list[int | None]:
        """Structure index → position of the local-image key among its keys."""
        positions: list[int | None] = []
        keys = [0]

        def start(name: str, attributes: dict[str, str]) -> None:
            local = _local(name)
            if local == "s":
                positions.append(None)
                keys[0] = 0
            elif local == "k" and positions:
                if _attr(attributes, "n") == _RICH_KEY and positions[-1] is None:
                    positions[-1] = keys[0]
                keys[0] += 1

        if reader.package.find(part) is not None:
            reader.parse(part, start)
        return positions

    def _values(self, reader: _Reader, part: str, positions: list[int | None]) -> None:
        parser = _make_parser()
        state: dict[str, int | None] = {"key": None, "index": 0}
        text: list[str] = []
        images = self.rich_images

        def start(name: str, attributes: dict[str, str]) -> None:
            local = _local(name)
            if local == "rv":
                structure = _int(_attr(attributes, "s"))
                key = None
                if structure is not None and 0 <= structure < len(positions):
                    key = positions[structure]
                elif not positions:  # no structures part: Excel puts the key first
                    key = 0
                state["key"] = key
                state["index"] = 0
                images.append(None)
            elif local == "v" and images and state["index"] == state["key"]:
                text.clear()
                parser.CharacterDataHandler = text.append

        def end(name: str) -> None:
            if _local(name) == "v" and images:
                if state["index"] == state["key"]:
                    images[-1] = _int("".join(text))
                    parser.CharacterDataHandler = None
                index = state["index"]
                state["index"] = (index or 0) + 1

        reader.parse(part, start, end, parser=parser)

    def _value_rels(self, reader: _Reader, part: str) -> None:
        def start(name: str, attributes: dict[str, str]) -> None:
            if _local(name) == "rel":
                self.rel_ids.append(_rel_attr(attributes, "id") or "")

        reader.parse(part, start)

    def is_image(self, vm: int) -> bool:
        return self._rel(vm) is not None

    def _rel(self, vm: int) -> int | None:
        if not 1 <= vm <= len(self.value_metadata):
            return None
        rich = self.value_metadata[vm - 1]
        if rich is None or not 0 <= rich < len(self.rich_images):
            return None
        return self.rich_images[rich]

    def target(self, vm: int) -> _Rel | None:
        index = self._rel(vm)
        if index is None or not 0 <= index < len(self.rel_ids):
            return None
        return self.targets.get(self.rel_ids[index])


_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")
_VM_ATTRIBUTE = re.compile(rb"\svm\s*=")


def _parse_ref(ref: str | None) -> tuple[int, int] | None:
    match = _CELL_REF.fullmatch(ref or "")
    if match is None:
        return None
    return int(match.group(2)) - 1, column_index(match.group(1))


class _CellScan:
    """Cells holding a DISPIMG formula or a vm attribute, from worksheet XML."""

    def __init__(self, parser: expat.XMLParserType, dispimg: bool, vm: bool) -> None:
        self.parser = parser
        self.want_dispimg = dispimg
        self.want_vm = vm
        self.row = -1
        self.col = -1
        self.in_cell = False
        self.text: list[str] = []
        self.formula = ""
        self.value = ""
        self.field = ""
        self.dispimg: list[tuple[int, int, str | None]] = []
        self.vm: list[tuple[int, int, int]] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        if local == "row":
            number = _int(_attr(attributes, "r"))
            self.row = number - 1 if number is not None and number > 0 else self.row + 1
            self.col = -1
        elif local == "c":
            ref = _parse_ref(attributes.get("r"))
            if ref is not None:
                self.row, self.col = ref
            else:
                self.col += 1
            self.in_cell = True
            self.formula = self.value = ""
            vm = _int(attributes.get("vm")) if self.want_vm else None
            if vm is not None:
                self.vm.append((self.row, self.col, vm))
        elif self.in_cell and self.want_dispimg and local in ("f", "v"):
            self.field = local
            self.text = []
            self.parser.CharacterDataHandler = self.text.append

    def end(self, name: str) -> None:
        local = _local(name)
        if local == "c":
            self.in_cell = False
            if "DISPIMG" in self.formula.upper() or "DISPIMG" in self.value.upper():
                match = _DISPIMG.search(self.formula) or _DISPIMG.search(self.value)
                self.dispimg.append((self.row, self.col, match.group(1) if match else None))
        elif self.field and local == self.field:
            if local == "f":
                self.formula = "".join(self.text)
            else:
                self.value = "".join(self.text)
            self.field = ""
            self.parser.CharacterDataHandler = None
        elif local == "sheetData":
            raise _Stop


@dataclass
class _QuickScan:
    dispimg: list[tuple[int, int, str | None]]
    vm: list[tuple[int, int, int]]


_QUICK_REF = re.compile(rb'\sr\s*=\s*["\']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})["\']')
_QUICK_VM = re.compile(rb'\svm\s*=\s*["\']\s*([0-9]{1,9})\s*["\']')
_QUICK_DISPIMG = re.compile(rb"(?i)dispimg\(\s*(?:&quot;|&apos;|&#34;|&#39;|[\"'])([^\"'&<]+)")
_CELL_START = re.compile(rb"<c[\s>/]")


def _quick_ref(tag: bytes) -> tuple[int, int] | None:
    match = _QUICK_REF.search(tag)
    if match is None:
        return None
    col = 0
    for ch in match.group(1).upper():
        col = col * 26 + ch - 64
    return int(match.group(2)) - 1, col - 1


def quick_cell_scan(xml: bytes, dispimg: bool, vm: bool) -> _QuickScan | None:
    """`_CellScan`'s findings by regular expressions, a tenth of its time on a big sheet;
    None when the worksheet is not the plain shape they are sure of (prefixed element
    names, a cell without its reference, a DOCTYPE, anything unexpected), and the
    careful parse decides."""
    end = xml.find(b"</sheetData>")
    if end < 0 or b"<!DOCTYPE" in xml[:end] or b"<!ENTITY" in xml[:end]:
        return None
    found = _QuickScan([], [])
    if vm:
        for match in _VM_ATTRIBUTE.finditer(xml, 0, end):
            start = xml.rfind(b"<", 0, match.start())
            close = xml.find(b">", match.start())
            tag = xml[start : close + 1]
            value = _QUICK_VM.search(tag)
            ref = _quick_ref(tag)
            if not _CELL_START.match(tag) or value is None or ref is None:
                return None
            found.vm.append((*ref, int(value.group(1))))
    if dispimg:
        cells: dict[tuple[int, int], str | None] = {}
        for match in _DISPIMG_BYTES.finditer(xml, 0, end):
            start = xml.rfind(b"<c", 0, match.start())
            while start >= 0 and not _CELL_START.match(xml, start):
                start = xml.rfind(b"<c", 0, start)
            if start < 0 or xml.find(b"</c>", start, match.start()) >= 0:
                return None
            element = xml.rfind(b"<", start, match.start())
            if xml[element : element + 3] not in (b"<f>", b"<v>", b"<f "):
                if xml[element + 1 : element + 2] in (b"f", b"v"):
                    return None  # <f/v with a prefix or odd spacing: the careful parse
                continue  # the word in a cell's text, not a formula
            tag = xml[start : xml.find(b">", start) + 1]
            ref = _quick_ref(tag)
            if ref is None:
                return None
            named = _QUICK_DISPIMG.match(xml, match.start())
            image_id = named.group(1).decode("utf-8", "replace") if named else None
            if cells.get(ref) is None:
                cells[ref] = image_id
        found.dispimg = [(row, col, image_id) for (row, col), image_id in cells.items()]
    return found


def _read_cell_pictures(
    reader: _Collector,
    sheet: str,
    part: str,
    cell_images: dict[str, list[str | None]] | None,
    rich: _RichValues | None,
) -> None:
    entry = reader.package.find(part)
    if entry is None or _xml_too_large(entry):
        return
    try:
        xml = reader.package.read(entry)
    except _PartError:
        return  # the caller's workbook reader reports a damaged worksheet
    dispimg = cell_images is not None and _DISPIMG_BYTES.search(xml) is not None
    vm = rich is not None and _VM_ATTRIBUTE.search(xml) is not None
    if not dispimg and not vm:
        return
    scan: _QuickScan | _CellScan | None = quick_cell_scan(xml, dispimg, vm)
    if scan is None:
        parser = _make_parser()
        scan = _CellScan(parser, dispimg, vm)
        if not reader.parse_bytes(part, xml, scan.start, scan.end, parser):
            return
    for row, col, image_id in scan.dispimg:
        reader.result.dispimg_cells.setdefault(sheet, set()).add((row, col))
        targets = (cell_images or {}).get(image_id or "")
        if not targets:
            reader.warn(
                sheet,
                row,
                col,
                "",
                f"{picture_place(sheet, row, col)}的单元格图片（{image_id or '无编号'}）"
                "在文件中找不到，已跳过",
            )
            continue
        target = targets[0]
        if target is None:
            reader.warn(
                sheet,
                row,
                col,
                "",
                f"{picture_place(sheet, row, col)}的单元格图片（{image_id}）没有嵌入图片数据，已跳过",
            )
        else:
            reader.add(sheet, row, col, "wps-cell", [target])
    if rich is None:
        return
    for row, col, value in scan.vm:
        if not rich.is_image(value):
            continue  # another rich value (a data type, an error with details)
        reader.result.image_value_cells.setdefault(sheet, set()).add((row, col))
        rel = rich.target(value)
        if rel is None:
            reader.warn(
                sheet,
                row,
                col,
                "",
                f"{picture_place(sheet, row, col)}的单元格图片在文件中找不到对应的图片数据，已跳过",
            )
        elif rel.external:
            reader.add_external(sheet, row, col, rel.target)
        else:
            reader.add(sheet, row, col, "excel-cell", [rel.target])


# ---------------------------------------------------------------------------------------
# .ods


_ODS_IMAGE = re.compile(rb"<(?:[\w.-]+:)?image[\s/>]")
_LENGTH = re.compile(r"\s*([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([a-z%]*)\s*")
_CM_PER_UNIT = {
    "cm": 1.0,
    "mm": 0.1,
    "in": 2.54,
    "pt": 2.54 / 72,
    "pc": 2.54 / 6,
    "px": 2.54 / 96,
    "": 1.0,
}
_ODS_DEFAULT_WIDTH = 2.258  # cm: LibreOffice's default column width (0.889 in)
_ODS_DEFAULT_HEIGHT = 0.452  # cm: LibreOffice's default row height
_ODS_TOLERANCE = 0.02  # cm
_ODS_SKIP_FOLDERS = ("thumbnails/", "configurations2/", "meta-inf/")


def _cm(text: str | None) -> float | None:
    match = _LENGTH.fullmatch(text or "")
    if match is None or match.group(2) not in _CM_PER_UNIT:
        return None
    return float(match.group(1)) * _CM_PER_UNIT[match.group(2)]


@dataclass
class _Frame:
    row: int
    col: int
    x: float | None = None
    """cm: into the anchor cell, or (page anchor) from the sheet's top-left corner."""
    y: float | None = None
    page: bool = False
    width: float | None = None
    height: float | None = None
    end: tuple[int, int] | None = None
    """(row, col) of table:end-cell-address."""
    end_x: float | None = None
    end_y: float | None = None
    col_width: float | None = None
    row_height: float | None = None
    hrefs: list[str] = field(default_factory=list)
    is_object: bool = False
    inline_data: bool = False


@dataclass
class _OdsTable:
    name: str
    columns: list[tuple[int, float]] = field(default_factory=list)
    rows: list[tuple[int, float]] = field(default_factory=list)
    frames: list[_Frame] = field(default_factory=list)


class _OdsHandler:
    """Frames with pictures in content.xml, each with the cell its anchor is in."""

    def __init__(self) -> None:
        self.widths: dict[str, float] = {}
        self.heights: dict[str, float] = {}
        self.style: tuple[str, str] | None = None
        self.tables: list[_OdsTable] = []
        self.table: _OdsTable | None = None
        self.depth = 0
        """Nesting of table:table (sub-tables are not sheets)."""
        self.row = 0
        self.row_repeat = 1
        self.col = 0
        self.cell_repeat: list[int] = []
        self.in_shapes = False
        self.frames: list[_Frame] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        if local == "style":
            family = _attr(attributes, "family")
            style = _attr(attributes, "name")
            self.style = (style, family) if style and family else None
        elif local == "table-column-properties" and self.style:
            width = _cm(_attr(attributes, "column-width"))
            if width is not None:
                self.widths[self.style[0]] = width
        elif local == "table-row-properties" and self.style:
            height = _cm(_attr(attributes, "row-height"))
            if height is not None:
                self.heights[self.style[0]] = height
        elif local == "table":
            self.depth += 1
            if self.depth == 1:
                self.table = _OdsTable(_attr(attributes, "name") or "")
                self.row = 0
        elif self.table is None or self.depth != 1:
            self._frame_content(local, attributes)
        elif local == "table-column":
            repeat = max(1, _int(_attr(attributes, "number-columns-repeated")) or 1)
            width = self.widths.get(_attr(attributes, "style-name") or "", _ODS_DEFAULT_WIDTH)
            if _attr(attributes, "visibility") == "collapse":
                width = 0.0
            self.table.columns.append((repeat, width))
        elif local == "table-row":
            self.row_repeat = max(1, _int(_attr(attributes, "number-rows-repeated")) or 1)
            height = self.heights.get(_attr(attributes, "style-name") or "", _ODS_DEFAULT_HEIGHT)
            if _attr(attributes, "visibility") in ("collapse", "filter"):
                height = 0.0
            self.table.rows.append((self.row_repeat, height))
            self.col = 0
        elif local in ("table-cell", "covered-table-cell"):
            repeat = max(1, _int(_attr(attributes, "number-columns-repeated")) or 1)
            self.cell_repeat.append(repeat)
        elif local == "shapes":
            self.in_shapes = True
        else:
            self._frame_content(local, attributes)

    def _frame_content(self, local: str, attributes: dict[str, str]) -> None:
        if local == "frame":
            frame = _Frame(-1, -1, _cm(_attr(attributes, "x")), _cm(_attr(attributes, "y")))
            frame.width = _cm(_attr(attributes, "width"))
            frame.height = _cm(_attr(attributes, "height"))
            if self.in_shapes:
                frame.page = True
            elif self.cell_repeat and self.table is not None:
                frame.row, frame.col = self.row, self.col
                address = _attr(attributes, "end-cell-address") or ""
                frame.end = _parse_ref(address.rpartition(".")[2].replace("$", ""))
                frame.end_x = _cm(_attr(attributes, "end-x"))
                frame.end_y = _cm(_attr(attributes, "end-y"))
                rows = self.table.rows
                frame.row_height = rows[-1][1] if rows else _ODS_DEFAULT_HEIGHT
                frame.col_width = _ods_size(self.col, self.table.columns, _ODS_DEFAULT_WIDTH)
            self.frames.append(frame)
        elif not self.frames:
            return
        elif local == "image":
            href = _attr(attributes, "href")
            if href:
                self.frames[-1].hrefs.append(href)
        elif local in ("object", "object-ole", "plugin", "applet"):
            self.frames[-1].is_object = True
        elif local == "binary-data":
            self.frames[-1].inline_data = True

    def end(self, name: str) -> None:
        local = _local(name)
        if local == "style":
            self.style = None
        elif local == "table":
            if self.depth == 1 and self.table is not None:
                self.tables.append(self.table)
                self.table = None
            self.depth -= 1
        elif local == "frame" and self.frames:
            frame = self.frames.pop()
            if self.table is not None and not frame.is_object:
                self.table.frames.append(frame)
        elif self.table is None or self.depth != 1:
            return
        elif local == "table-row":
            self.row += self.row_repeat
        elif local in ("table-cell", "covered-table-cell") and self.cell_repeat:
            self.col += self.cell_repeat.pop()
        elif local == "shapes":
            self.in_shapes = False


def _ods_place(
    offset: float, runs: list[tuple[int, float]], default: float
) -> tuple[int, float, float]:
    """The column (row) holding `offset` cm, as (0-based index, cm into it, its size), from
    runs of (count, size); past the runs every column (row) has the default size."""
    position = 0.0
    index = 0
    for count, size in runs:
        if size > 0:
            inside = max(0, int((offset - position + _ODS_TOLERANCE) // size))
            if inside < count:
                return index + inside, offset - position - inside * size, size
        position += count * size
        index += count
    inside = max(0, int((offset - position + _ODS_TOLERANCE) // default))
    return index + inside, offset - position - inside * default, default


def _settle_on_page(frame: _Frame, table: _OdsTable) -> tuple[int, int]:
    """The cell a frame anchored to the page belongs to (see `settle`), as a frame anchored
    to its cell is placed: LibreOffice, fitting the rows' heights when a form was saved
    again, left a photo's top edge 0.2 cm inside the header row above its hazard's, and it
    was said to be on no hazard's row, where the .xlsx's was settled (trial 186 AL5)."""
    assert frame.x is not None and frame.y is not None
    row, into_row, height = _ods_place(frame.y, table.rows, _ODS_DEFAULT_HEIGHT)
    col, into_col, width = _ods_place(frame.x, table.columns, _ODS_DEFAULT_WIDTH)
    return settle(row, into_row, height, frame.height), settle(col, into_col, width, frame.width)


def _ods_size(index: int, runs: list[tuple[int, float]], default: float) -> float:
    """The width (height) of column (row) `index`, from runs of (count, size)."""
    for count, size in runs:
        if index < count:
            return size
        index -= count
    return default


def _settle_frame(frame: _Frame) -> tuple[int, int]:
    """The cell a cell-anchored frame belongs to (see `settle`), in LibreOffice's own
    numbers: the offset into the cell, the cell's size, the frame's size and end cell."""
    row_end = col_end = None
    if frame.end is not None:
        if frame.end_y is not None:
            row_end = (frame.end[0], frame.end_y)
        if frame.end_x is not None:
            col_end = (frame.end[1], frame.end_x)
    row = settle(frame.row, frame.y or 0.0, frame.row_height, frame.height, row_end)
    col = settle(frame.col, frame.x or 0.0, frame.col_width, frame.width, col_end)
    return row, col


def _read_ods(package: _Package, result: Pictures) -> None:
    candidates = [
        name
        for name in package.binary_names()
        if name != "mimetype" and not name.casefold().startswith(_ODS_SKIP_FOLDERS)
    ]
    if not candidates:
        return  # no member but XML: no embedded picture
    reader = _Collector(package, result)
    entry = package.find("content.xml")
    if entry is None:
        reader.warn("", -1, -1, "content.xml", "文件缺少内容部件（content.xml），其中的图片未读取")
        return
    if _xml_too_large(entry):
        reader.warn("", -1, -1, "content.xml", "部件 content.xml 解压后异常庞大，其中的图片未读取")
        return
    try:
        xml = package.read(entry)
    except _PartError:
        reader.warn("", -1, -1, "content.xml", "部件 content.xml 已损坏，其中的图片未读取")
        return
    if not _ODS_IMAGE.search(xml):
        return
    handler = _OdsHandler()
    parser = _make_parser()
    if not reader.parse_bytes("content.xml", xml, handler.start, handler.end, parser):
        return
    for table in handler.tables:
        for frame in table.frames:
            row, col = frame.row, frame.col
            if frame.page and frame.x is not None and frame.y is not None:
                row, col = _settle_on_page(frame, table)
            elif row >= 0:
                row, col = _settle_frame(frame)
            parts: list[str] = []
            external = ""
            for href in frame.hrefs:
                target = unquote(href.strip())
                if "://" in target or target.startswith(("/", "../")) or ":" in target[:3]:
                    external = external or href
                    continue
                parts.append(posixpath.normpath(target).lstrip("/"))
            if parts:
                reader.add(table.name, row, col, "ods", parts)
            elif external:
                reader.add_external(table.name, row, col, external)
            elif frame.inline_data:
                reader.warn(
                    table.name,
                    row,
                    col,
                    "content.xml",
                    f"{picture_place(table.name, row, col)}的图片以内嵌数据保存，无法读取，已跳过",
                )
