"""Deciding what a returned file really is, from its bytes, before any parser sees it.

Departments rename files, save in whatever their office suite offers, and forward
what they received. Every refusal here is one Chinese line saying what the
department should do. Zip containers are checked from their central directory
(entry count, declared sizes, compression ratio) before anything is inflated, so
a zip bomb costs a directory read; XML parts must not declare a DOCTYPE (entity
bombs, external entities); every worksheet, found by its root element wherever it is
in the package, is scanned for the cells it really spans and for formulas saved
without a computed value (`extent`), and so is an .ods file's content.
"""

from __future__ import annotations

import codecs
import contextlib
import html
import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TypeVar
from xml.parsers import expat

from huitoukan.model.documents import FEEDBACK_TITLE, MAKER, NOT_RETURNS
from huitoukan.model.problems import RESAVE
from huitoukan.returns.extent import (
    Merged,
    OdsFacts,
    SheetRefused,
    inspect_ods_content,
    inspect_worksheet,
)

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000
MAX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_RATIO = 200
RATIO_MIN_BYTES = 2 * 1024 * 1024
_XML_HEAD = 64 * 1024
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_PICTURE_PARTS = re.compile(
    r"(?i)^(?:xl/(?:drawings|media|richData|cellimages[^/]*)/|xl/_rels/cellimages"
    r"|xl/cellimages[^/]*\.xml$|xl/metadata\.xml$|Pictures/)"
)
"""Parts that hold pictures and where they sit, which the form is read without: damage
there costs the pictures (the picture reader says so), not the file; as in any part not
named as XML (a printer's settings)."""
_MEDIA_PARTS = re.compile(r"(?i)^(?:xl/media/|Pictures/)")
"""The picture files themselves: nothing but the picture reader inflates them, under its
own bounds (`pictures.MAX_PICTURE_BYTES`, `MAX_MEDIA_BYTES`, `BOMB_RATIO`), which skip a
bomb among them with a warning (one refused the whole return: clerk trial 82)."""


class Format(StrEnum):
    XLSX = "xlsx"
    ODS = "ods"
    XLS = "xls"
    ET = "et"
    CSV = "csv"
    """A problem list saved as text (`workbooks.read_csv`); never a department's return."""


class Refused(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Made:
    """Who made a workbook and when, as its document properties say (an .xlsx's
    docProps/core.xml, an .ods's meta.xml: every suite writes them, and keeps them when
    it saves a workbook in the other format)."""

    creator: str = ""
    title: str = ""
    last_modified_by: str = ""
    created: str = ""
    modified: str = ""
    subject: str = ""
    keywords: str = ""
    application: str = ""
    """The program that saved it last (docProps/app.xml; an .ods's generator)."""

    @property
    def not_a_return(self) -> str:
        """The title of a workbook huitoukan wrote that is not a return ('' otherwise): one
        that never is (the register …), or a 退回修改副本 no one has saved since."""
        if self.creator != MAKER:
            return ""
        if self.title in NOT_RETURNS or self.title == FEEDBACK_TITLE and self.never_saved:
            return self.title
        return ""

    @property
    def never_saved(self) -> bool:
        """Written by huitoukan and saved by no one since (see `model.documents`): still
        huitoukan's as its last modifier (Excel and WPS put the person's name; LibreOffice
        without a user name keeps it) and modified when it was created (every suite, and
        openpyxl, sets the modified time when it saves)."""
        if self.creator != MAKER or self.last_modified_by != MAKER:
            return False
        if not _ours(self.application):  # an office suite saved it, keeping the times and
            return False  # the last modifier (LibreOffice with no user name: trial 188 AN3)
        try:
            created = datetime.fromisoformat(self.created)
            modified = datetime.fromisoformat(self.modified)
        except ValueError:
            return False
        return timedelta(0) <= modified - created <= WRITING_TIME


@dataclass
class Sniffed:
    format: Format
    formulas_without_value: dict[str, list[str]] = field(default_factory=dict)
    """Worksheet name → cells (A1 style) holding a formula with no cached value."""
    made: Made = Made()
    merged: dict[str, list[Merged]] = field(default_factory=dict)
    """Worksheet name → its merged ranges, where the sniff read them (.ods)."""
    todays: dict[str, dict[str, str]] = field(default_factory=dict)
    """Worksheet name → cells (A1 style) whose formula gives the day it is computed
    (TODAY(), NOW()), with the formula."""
    errors: dict[str, dict[str, str]] = field(default_factory=dict)
    """Worksheet name → cells (A1 style) holding an error value (#REF!…), with it."""
    percents: dict[str, set[str]] = field(default_factory=dict)
    """Worksheet name → cells (A1 style) showing their number as a percentage (where the
    sniff could tell: a worksheet as the suites write it, an .ods)."""
    hidden_rows: dict[str, frozenset[int]] = field(default_factory=dict)
    """Worksheet name → its hidden rows (0-based; an .xlsx's)."""


def _ours(application: str) -> bool:
    """`application` is what wrote the tool's own workbooks (its writer, openpyxl), or none."""
    return not application or application == MAKER or "openpyxl" in application.casefold()


_CORE_FIELDS = re.compile(
    rb"<(?:\w+:)?(creator|title|subject|keywords|lastModifiedBy|created|modified)\b[^>]*>([^<]*)</"
)
WRITING_TIME = timedelta(seconds=5)
"""How long after setting its creation time huitoukan may take to save a workbook."""


def _made(archive: _Zip) -> Made:
    """The document properties huitoukan tells its own files by (best effort: a part that
    is missing or odd gives none)."""
    try:
        head = archive.read("docProps/core.xml", 8192)
    except (KeyError, Refused):
        return Made()
    found = {
        name.decode(): html.unescape(value.decode("utf-8", "replace")).strip()
        for name, value in _CORE_FIELDS.findall(head)
    }
    application = ""
    with contextlib.suppress(KeyError, Refused):
        saved_by = _APPLICATION.search(archive.read("docProps/app.xml", 8192))
        if saved_by is not None:
            application = html.unescape(saved_by.group(1).decode("utf-8", "replace")).strip()
    return Made(
        found.get("creator", ""),
        found.get("title", ""),
        found.get("lastModifiedBy", ""),
        found.get("created", ""),
        found.get("modified", ""),
        found.get("subject", ""),
        found.get("keywords", ""),
        application,
    )


_APPLICATION = re.compile(rb"<(?:\w+:)?Application\b[^>]*>([^<]*)</")


_META_FIELDS = re.compile(
    rb"<(meta:initial-creator|dc:title|dc:creator|meta:creation-date|dc:date|dc:subject"
    rb"|meta:keyword|meta:generator)\b[^>]*>([^<]*)</"
)
_META_NAMES = {
    b"meta:initial-creator": "creator",
    b"dc:title": "title",
    b"dc:creator": "last_modified_by",
    b"meta:creation-date": "created",
    b"dc:date": "modified",
    b"dc:subject": "subject",
    b"meta:generator": "application",
}


def _ods_made(archive: _Zip) -> Made:
    """`Made` from an .ods's meta.xml (LibreOffice and WPS write the prefixes meta: and
    dc:). Each word of the keywords is an element of its own there (LibreOffice splits
    them at spaces and commas, and joins them with spaces when it writes an .xlsx): they
    are joined with spaces, as in the .xlsx the form was issued as (clerk trial 187 AM4)."""
    try:
        head = archive.read("meta.xml", 65536)
    except (KeyError, Refused):
        return Made()
    found: dict[str, str] = {}
    keywords: list[str] = []
    for name, value in _META_FIELDS.findall(head):
        text = html.unescape(value.decode("utf-8", "replace")).strip()
        if name == b"meta:keyword":
            keywords.append(text)
        else:
            found.setdefault(_META_NAMES[name], text)
    return Made(**found, keywords=" ".join(filter(None, keywords)))


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SUMMARY = "\x05SummaryInformation"
_SUMMARY_FIELDS = {
    2: "title",
    3: "subject",
    4: "creator",
    5: "keywords",
    8: "last_modified_by",
    18: "application",
}
"""Property ids of the summary information an .xls keeps its document properties in."""
_SUMMARY_TIMES = {12: "created", 13: "modified"}
_CODEPAGE = 1
_KEYWORD_BREAKS = re.compile(r"[\s,;，；]+")


def _ole_made(data: bytes) -> Made:
    """`Made` from an .xls's summary information (LibreOffice, Excel and WPS keep an .xlsx's
    properties there when they save it as .xls; LibreOffice joins the keywords with commas:
    they are joined with spaces, as in the .xlsx). Best effort: none when it cannot be read
    (clerk trial 187 AM4, AM5)."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            if not ole.exists(_SUMMARY):
                return Made()
            found = ole.getproperties(_SUMMARY, convert_time=True, no_conversion=[10])
    except Exception:  # a damaged or odd compound file (olefile raises many kinds): none
        return Made()
    codepage = found.get(_CODEPAGE)
    encoding = _codepage_encoding(codepage if isinstance(codepage, int) else 0)
    fields: dict[str, str] = {}
    for key, name in _SUMMARY_FIELDS.items():
        value = found.get(key)
        if isinstance(value, bytes):
            value = value.decode(encoding, "replace")
        if isinstance(value, str):
            fields[name] = value.rstrip("\x00").strip()
    for key, name in _SUMMARY_TIMES.items():
        value = found.get(key)
        if isinstance(value, datetime):
            fields[name] = value.isoformat()
    fields["keywords"] = " ".join(_KEYWORD_BREAKS.split(fields.get("keywords", ""))).strip()
    return Made(**fields)


def _codepage_encoding(codepage: int) -> str:
    """The Python codec of a Windows code page (LibreOffice writes UTF-8 as 65001, stored
    as the signed -535; a Chinese Excel writes 936)."""
    codepage &= 0xFFFF
    name = "utf-8" if codepage in (0, 65001) else f"cp{codepage}"
    try:
        codecs.lookup(name)
    except LookupError:
        return "gbk"
    return name


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(data: bytes, suffix: str, inspect: bool = True) -> Sniffed:
    """What `data` is; `Refused` with the reason when we will not (or cannot) read it.

    `inspect=False` skips the scan of worksheet XML (extent, formulas without values):
    for the register huitoukan wrote itself, whose sheets are large and known."""
    if not data:
        raise Refused(f"文件是空的（0 字节），{RESAVE}")
    if len(data) > MAX_FILE_BYTES:
        raise Refused(f"文件过大（{len(data) // 1024 // 1024} MB），请删除无关内容后重新报送")
    if data.startswith(_OLE):
        return _sniff_ole(data, suffix)
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, inspect)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        head.startswith((b"<html", b"<!doctype html", b"<table", b"<meta"))
        or b"<html" in head[:512]
    ):
        raise Refused(f"这是网页（HTML）格式的文件，只是扩展名像 Excel，{RESAVE}")
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        if b"opendocument" in head or b"office:document" in head:
            raise Refused(f"这是平面 ODS（.fods）格式，{RESAVE}")
        if b"urn:schemas-microsoft-com:office:spreadsheet" in data[:65536]:
            raise Refused(f"这是 Excel 2003 XML 格式，{RESAVE}")
        raise Refused(f"这是 XML 文本，不是 Excel 表格，{RESAVE}")
    if data.startswith(b"%PDF"):
        raise Refused("这是 PDF 文件，电子版请报送附件2（.xlsx）")
    if data.startswith(_PICTURE_MAGIC):  # a photo of the paper form (clerk trial 104)
        raise Refused("这是图片（照片）文件，只是扩展名像 Excel：电子版请报送填好的附件2（.xlsx）")
    if data[:4] in (b"\x09\x04\x06\x00", b"\x09\x02\x06\x00", b"\x09\x00\x04\x00"):
        raise Refused(f"这是早期 Excel（2.x–4.0）格式，{RESAVE}")
    if b"\x00" not in data[:8192]:
        raise Refused("这是文本（CSV）文件，不含表头信息，请使用下发的附件2（.xlsx）填写后重新报送")
    raise Refused(f"无法识别的文件格式（不是 Excel 表格），{RESAVE}")


_PICTURE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")
"""How a JPEG, PNG and GIF picture begin."""


def _sniff_ole(data: bytes, suffix: str) -> Sniffed:
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise Refused("文件设有打开密码，请取消密码后重新报送")
    if any(_utf16(name) in data for name in ("Workbook", "WORKBOOK", "workbook", "Book", "BOOK")):
        if _biff_filepass(data):
            raise Refused("文件设有打开密码，请取消密码后重新报送")
        return Sniffed(Format.ET if suffix in (".et", ".ett") else Format.XLS, made=_ole_made(data))
    if _utf16("WordDocument") in data:
        raise Refused("这是 Word 文档，不是自查整改清单，请使用下发的附件2（.xlsx）填写")
    if suffix in (".et", ".ett"):
        raise Refused("WPS 表格格式（.et）无法读取，请在 WPS 中另存为 .xlsx 后重新报送")
    raise Refused(f"这是 Office 复合文档，但其中没有 Excel 工作簿，{RESAVE}")


_BIFF_BOF = re.compile(rb"\x09[\x02\x04\x08][\x04-\x14]\x00")
_FILEPASS = 0x002F
_RECORDS_BEFORE_FILEPASS = 8


def _biff_filepass(data: bytes) -> bool:
    """The workbook stream of an .xls is encrypted (XOR or RC4: a FILEPASS record among
    the first of its globals): calamine called it damaged, in English ("Codepage D7D4 not
    found": clerk trial 80). The stream is found by its BOF record at the start of a
    sector (or of a mini-stream block); best effort."""
    for bof in _BIFF_BOF.finditer(data):
        if bof.start() % 64:
            continue
        position = bof.start()
        for _ in range(_RECORDS_BEFORE_FILEPASS):
            if position + 4 > len(data):
                return False
            kind, length = struct.unpack_from("<HH", data, position)
            if kind == _FILEPASS:
                return True
            position += 4 + length
        return False
    return False


def _sniff_zip(data: bytes, inspect: bool) -> Sniffed:
    try:
        archive = _Zip(zipfile.ZipFile(io.BytesIO(data)), data)
        entries = archive.entries
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise Refused(f"文件不完整或已损坏（可能没有传完），{RESAVE}") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise Refused(f"文件内部结构异常（{len(entries)} 个部件），{RESAVE}")
    total = 0
    for entry in entries:
        if _MEDIA_PARTS.match(entry.filename):
            continue  # a picture is read (or skipped as a bomb, with a word) by `pictures`
        total += entry.file_size
        if total > MAX_UNCOMPRESSED or (
            entry.file_size > RATIO_MIN_BYTES
            and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
        ):
            raise Refused(f"文件解压后异常庞大（疑似压缩炸弹），已拒绝读取，{RESAVE}")
    names = {e.filename for e in entries}
    if "mimetype" in names:
        mimetype = archive.read("mimetype", 200).strip()
        if mimetype == b"application/vnd.oasis.opendocument.spreadsheet":
            manifest = "META-INF/manifest.xml"
            if manifest in names and b"encryption-data" in archive.read(manifest, 1024 * 1024):
                raise Refused("文件设有打开密码，请取消密码后重新报送")
            _check_parts(archive)
            facts = OdsFacts()
            if inspect and "content.xml" in names:
                content = archive.read("content.xml", MAX_UNCOMPRESSED)
                facts = _refused_sheet(inspect_ods_content, content)
            return Sniffed(
                Format.ODS,
                made=_ods_made(archive),
                merged=facts.merged,
                todays=facts.todays,
                errors=facts.errors,
                percents=facts.percents,
            )
        if mimetype.startswith(b"application/vnd.oasis.opendocument"):
            raise Refused("这是 OpenDocument 文字或演示文档，不是表格，请使用下发的附件2填写")
    if "xl/workbook.bin" in names:
        raise Refused("Excel 二进制格式（.xlsb）无法读取，请另存为 .xlsx 后重新报送")
    if "xl/workbook.xml" in names:
        sniffed = Sniffed(Format.XLSX, made=_made(archive))
        worksheets = _check_parts(archive)
        if inspect:
            _inspect_worksheets(archive, worksheets, sniffed)
        return sniffed
    if "word/document.xml" in names:
        raise Refused("这是 Word 文档，不是自查整改清单，请使用下发的附件2（.xlsx）填写")
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
        raise Refused("Numbers 格式无法读取，请在 Numbers 中导出为 Excel（.xlsx）后重新报送")
    if "[Content_Types].xml" in names:
        raise Refused(f"文件缺少工作簿部件（已损坏），{RESAVE}")
    raise Refused(f"这是一个普通压缩包，不是 Excel 表格，{RESAVE}")


class _Zip:
    """The members of a zip held in memory. Deflated members are inflated straight from
    the buffer, only as far as asked: zipfile's per-member file objects cost more than
    the inflating for the dozen small parts of a returned form."""

    def __init__(self, archive: zipfile.ZipFile, data: bytes) -> None:
        self.archive = archive
        self.data = data
        self.entries = archive.infolist()
        self._by_name = {entry.filename: entry for entry in self.entries}

    def read(self, name: str, limit: int) -> bytes:
        """Up to `limit` bytes of member `name`, inflated."""
        return self.inflater(name)(limit)

    def head(self, name: str, n: int) -> bytes:
        """The first (up to) `n` inflated bytes of member `name`, inflating only as much of
        it as they need (a picture's head costs no more than an XML part's)."""
        entry = self._by_name[name]
        n = min(n, entry.file_size)
        if entry.flag_bits & 0x1 or entry.compress_type != zipfile.ZIP_DEFLATED:
            return self.inflater(name)(n)
        raw = stored_member(self.data, entry)
        if raw is None:
            raise _damaged(name)
        inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        out = b""
        taken, step = 0, n + 512
        try:
            while len(out) < n and taken < len(raw) and not inflate.eof:
                out += inflate.decompress(raw[taken : taken + step], n - len(out))
                taken, step = taken + step, step * 2
        except zlib.error:
            raise _damaged(name) from None
        return out

    def inflater(self, name: str) -> Callable[[int], bytes]:
        """A function giving the next (up to) n inflated bytes of member `name` on each
        call, never more in all than the size the zip directory declares (which the
        directory checks have bounded): a member lying about its size gets no further."""
        entry = self._by_name[name]
        if entry.flag_bits & 0x1:
            raise Refused("文件设有打开密码，请取消密码后重新报送")
        left = entry.file_size
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            try:  # bzip2, lzma: rare in spreadsheets, left to zipfile (which stops at `left`)
                handle = self.archive.open(name)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
                raise _damaged(name) from None

            def other(n: int) -> bytes:
                try:
                    return handle.read(n)
                except (zipfile.BadZipFile, OSError, ValueError, EOFError, LookupError):
                    raise _damaged(name) from None

            return other
        raw = stored_member(self.data, entry)
        if raw is None:
            raise _damaged(name)
        inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        pending: bytes | memoryview = raw

        def member(n: int) -> bytes:
            nonlocal pending, left
            n = min(n, left)
            if entry.compress_type == zipfile.ZIP_STORED:
                out = bytes(pending[:n])
                pending = pending[n:]
            else:
                try:
                    out = inflate.decompress(pending, n) if n else b""
                    if (
                        len(out) == left
                        and not inflate.eof
                        and inflate.decompress(inflate.unconsumed_tail, 1)
                    ):
                        raise Refused(  # more content than the directory declares
                            f"文件已损坏（部件 {name} 的大小与文件目录记录的不符），{RESAVE}"
                        )
                except zlib.error:
                    raise _damaged(name) from None
                pending = inflate.unconsumed_tail
            left -= len(out)
            return out

        return member


def _damaged(name: str) -> Refused:
    return Refused(f"文件不完整或已损坏（部件 {name} 无法解压），{RESAVE}")


_ROOT_ELEMENT = re.compile(rb"<([A-Za-z_][\w.\-]*)(?::([A-Za-z_][\w.\-]*))?")
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_WIDE_FIRST = frozenset(b"\x00< \t\r\n"[i : i + 1] for i in range(6))
"""The first byte of a text that starts with `<` (after white space) in one of `_WIDE`."""


def _wide_text(head: bytes) -> bool:
    """A part of text in UTF-16 or UTF-32 (an XML part the checks, made for UTF-8, would not
    read): a byte-order mark, or NULs among its first bytes and a `<` first in one of those
    encodings. Not a binary part that starts with zeros (a picture pasted from Word, EMF, a
    printer's settings with no name: their files were refused whole, clerk trial 80)."""
    if head.startswith(_WIDE_BOMS):
        return True
    if head[:1] not in _WIDE_FIRST:  # a photo's head (FF D8, 89 P): no decoding it four ways
        return False
    start = head[:64]
    return b"\x00" in start[:8] and any(
        start.decode(encoding, "ignore").lstrip(" \t\r\n").startswith("<") for encoding in _WIDE
    )


def _check_parts(archive: _Zip) -> list[str]:
    """Every XML part, whatever its name: no DOCTYPE before the root element (entity bombs,
    external entities), no encoding but UTF-8. Returns the parts that are worksheets (by
    their root element, so a worksheet under any name is found)."""
    worksheets: list[str] = []
    for entry in archive.entries:
        if entry.is_dir():
            continue
        try:  # the root element is almost always in the first line or two
            head = archive.head(entry.filename, 1024)
        except Refused:
            name = entry.filename
            if name.casefold().endswith(_XML_SUFFIXES) and not _PICTURE_PARTS.match(name):
                raise
            continue
        if _wide_text(head):
            raise Refused(f"文件中的部件 {entry.filename} 编码异常，{RESAVE}")
        if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            continue  # pictures and other binary parts
        root = _ROOT_ELEMENT.search(head)
        if root is None and len(head) == 1024:
            head = archive.head(entry.filename, _XML_HEAD)
            root = _ROOT_ELEMENT.search(head)
        prolog = head[: root.start()] if root else head
        if b"<!DOCTYPE" in prolog.upper() or b"<!ENTITY" in prolog.upper():
            raise Refused(f"文件中含有 XML 实体声明（可能是恶意文件），已拒绝读取，{RESAVE}")
        if root is None:
            if len(head) >= _XML_HEAD:
                raise Refused(f"文件中的部件 {entry.filename} 结构异常，{RESAVE}")
            continue
        if (root.group(2) or root.group(1)) == b"worksheet":
            worksheets.append(entry.filename)
    return worksheets


T = TypeVar("T")


def _refused_sheet(inspect: Callable[[bytes], T], xml: bytes) -> T:
    try:
        return inspect(xml)
    except SheetRefused as refused:
        raise Refused(refused.reason) from None


def _sheet_names(archive: _Zip) -> dict[str, str]:
    """Worksheet part → the sheet's name, from workbook.xml and its relationships, read
    with a namespace-aware parser (any prefix, either quote). Best effort: the names are
    for messages; which parts are worksheets was decided by their content."""
    names = {e.filename for e in archive.entries}
    targets: dict[str, str] = {}
    rels = "xl/_rels/workbook.xml.rels"
    if rels in names:
        for attrs in _elements(archive.read(rels, MAX_UNCOMPRESSED), "Relationship"):
            target = attrs.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            targets[attrs.get("Id", "")] = posixpath.normpath(target)
    result: dict[str, str] = {}
    for attrs in _elements(archive.read("xl/workbook.xml", MAX_UNCOMPRESSED), "sheet"):
        rel = next((v for k, v in attrs.items() if k.rpartition("}")[2] == "id"), "")
        part = targets.get(rel)
        if part is not None:
            result[part] = attrs.get("name", part)
    return result


def _elements(xml: bytes, local: str) -> list[dict[str, str]]:
    """The attributes of every element named `local` (in any namespace)."""
    found: list[dict[str, str]] = []
    parser = expat.ParserCreate(namespace_separator="}")

    def start(name: str, attrs: dict[str, str]) -> None:
        if name.rpartition("}")[2] == local:
            found.append(attrs)

    def refuse(*_: object) -> None:
        raise Refused(f"文件中含有 XML 实体声明（可能是恶意文件），已拒绝读取，{RESAVE}")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(xml, True)
    except (expat.ExpatError, LookupError):  # LookupError: an unknown encoding declared
        raise Refused(f"文件的工作簿部件已损坏，{RESAVE}") from None
    return found


def stored_member(data: bytes, entry: zipfile.ZipInfo) -> memoryview | None:
    """The bytes of `entry` as stored in the zip `data` (compressed as they are), found
    through its local header; None when the header is not there or the bytes run past
    the end of the file."""
    start = entry.header_offset
    local = data[start : start + 30]
    if len(local) < 30 or local[:4] != b"PK\x03\x04":
        return None
    name_length, extra_length = struct.unpack("<HH", local[26:30])
    start += 30 + name_length + extra_length
    if start + entry.compress_size > len(data):
        return None
    return memoryview(data)[start : start + entry.compress_size]


def _inspect_worksheets(archive: _Zip, worksheets: list[str], sniffed: Sniffed) -> None:
    """Refuse worksheets spanning an absurd range; note in `sniffed` the formula cells
    without a value, those giving today's date and the error values."""
    names = _sheet_names(archive)
    percent = _percent_styles(archive)
    for part in worksheets:
        sheet = names.get(part, part)
        xml = archive.read(part, MAX_UNCOMPRESSED)
        try:
            facts = inspect_worksheet(xml, sheet)
        except SheetRefused as refused:
            raise Refused(refused.reason) from None
        if percent is not None and (shown := percent.findall(xml)):
            sniffed.percents[sheet] = {ref.decode() for ref in shown}
        if facts.formulas_without_value:
            sniffed.formulas_without_value[sheet] = facts.formulas_without_value
        if facts.todays:
            sniffed.todays[sheet] = facts.todays
        if facts.errors:
            sniffed.errors[sheet] = facts.errors
        if hidden := _hidden_rows(xml):
            sniffed.hidden_rows[sheet] = hidden


_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
_HIDDEN = re.compile(rb'\shidden="(?:1|true)"')


def _hidden_rows(xml: bytes) -> frozenset[int]:
    """The 0-based rows a worksheet hides (a hazard's row hidden is read, and missing from
    the form printed and signed: clerk trial 130)."""
    if b'hidden="1"' not in xml and b'hidden="true"' not in xml:
        return frozenset()
    hidden = set()
    for tag in _ROW_TAG.findall(xml):
        if _HIDDEN.search(tag) and (number := _ROW_NUMBER.search(tag)):
            hidden.add(int(number.group(1)) - 1)
    return frozenset(hidden)


_STYLES = "xl/styles.xml"
_PERCENT_HINTS = (b"%", b'numFmtId="9"', b'numFmtId="10"')
_BUILT_IN_PERCENT = {"9", "10"}  # 0%, 0.00%
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
"""What a number format shows as it is written (quoted text, an escaped character, a
colour or condition): a % there is no percentage."""


def _percent_styles(archive: _Zip) -> re.Pattern[bytes] | None:
    """A pattern finding the cells (their A1 references) styled to show their number as a
    percentage, in a worksheet as the suites write it; None when no style does. 100% typed
    in LibreOffice or Excel is saved as the number 1 so styled: it was read as 1, and 50%
    as 0.5 (clerk trial 74). Best effort: styles that cannot be read show none."""
    if _STYLES not in archive._by_name:
        return None
    xml = archive.read(_STYLES, MAX_UNCOMPRESSED)
    if not any(hint in xml for hint in _PERCENT_HINTS):
        return None
    parsed = _cell_formats(xml)
    if parsed is None:
        return None
    codes, formats = parsed
    percent = {
        fmt
        for fmt in set(formats)
        if fmt in codes
        and "%" in _LITERALS.sub("", codes[fmt])
        or fmt not in codes
        and fmt in _BUILT_IN_PERCENT
    }
    styles = [str(i).encode() for i, fmt in enumerate(formats) if fmt in percent]
    if not styles:
        return None
    return re.compile(rb'<c r="([A-Z]{1,3}[1-9]\d*)"[^>]*?\ss="(?:%s)"' % b"|".join(styles))


def _cell_formats(xml: bytes) -> tuple[dict[str, str], list[str]] | None:
    """The number formats of styles.xml `xml`: each custom format's code by its id, and
    each cell style's format id (cellXfs, in order); None when it cannot be read."""
    codes: dict[str, str] = {}
    formats: list[str] = []  # each cell style's number format (cellXfs, in order)
    in_cell_styles = False
    parser = expat.ParserCreate(namespace_separator="}")

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal in_cell_styles
        local = name.rpartition("}")[2]
        if local == "numFmt":
            codes[attrs.get("numFmtId", "")] = attrs.get("formatCode", "")
        elif local == "cellXfs":
            in_cell_styles = True
        elif local == "xf" and in_cell_styles:
            formats.append(attrs.get("numFmtId", "0"))

    def end(name: str) -> None:
        nonlocal in_cell_styles
        if name.rpartition("}")[2] == "cellXfs":
            in_cell_styles = False

    def refuse(*_: object) -> None:
        raise Refused(f"文件中含有 XML 实体声明（可能是恶意文件），已拒绝读取，{RESAVE}")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(xml, True)
    except (expat.ExpatError, LookupError):
        return None
    return codes, formats


BUILT_IN_DATES = {
    "14": "yyyy/m/d",  # (the short date as Chinese Excel and WPS show it)
    "27": 'yyyy"年"m"月"',
    "28": 'm"月"d"日"',
    "29": 'm"月"d"日"',
    "30": "m-d-yy",
    "31": 'yyyy"年"m"月"d"日"',
    "36": 'yyyy"年"m"月"',
    "50": 'yyyy"年"m"月"',
    "51": 'm"月"d"日"',
    "52": 'yyyy"年"m"月"',
    "53": 'm"月"d"日"',
    "54": 'm"月"d"日"',
    "57": 'yyyy"年"m"月"',
    "58": 'm"月"d"日"',
}
"""The built-in date formats of a Chinese Excel by their id (a cell styled with one names
no format code)."""


class NumberFormats:
    """The number format codes of cells of worksheet `sheet` of the .xlsx `data`, as its
    styles give them (a built-in date format as `BUILT_IN_DATES` writes it): its styles and
    sheet read when first asked, once (asked of the few cells of words holding a date, row
    by row). Best effort: no code for cells that cannot be read."""

    def __init__(self, data: bytes, sheet: str) -> None:
        self._data, self._sheet = data, sheet
        self._read: tuple[dict[str, str], list[str], bytes] | None = None

    def __call__(self, refs: Iterable[str]) -> dict[str, str]:
        if self._read is None:
            self._read = self._styles_and_sheet() or ({}, [], b"")
        codes, formats, xml = self._read
        found = {}
        for ref in refs:
            styled = re.search(rb'<(?:\w+:)?c r="%s"[^>]*?\ss="(\d+)"' % ref.encode(), xml)
            if styled is not None and int(styled.group(1)) < len(formats):
                fmt = formats[int(styled.group(1))]
                found[ref] = codes.get(fmt) or BUILT_IN_DATES.get(fmt, "")
        return found

    def _styles_and_sheet(self) -> tuple[dict[str, str], list[str], bytes] | None:
        try:
            with zipfile.ZipFile(io.BytesIO(self._data)) as opened:
                archive = _Zip(opened, self._data)
                names = _sheet_names(archive).items()
                part = next((p for p, name in names if name == self._sheet), "")
                if part not in archive._by_name or _STYLES not in archive._by_name:
                    return None
                parsed = _cell_formats(archive.read(_STYLES, MAX_UNCOMPRESSED))
                xml = archive.read(part, MAX_UNCOMPRESSED)
        except (zipfile.BadZipFile, Refused, KeyError, OSError, ValueError, EOFError):
            return None
        return None if parsed is None else (*parsed, xml)
