"""Zip archives of returns: departments send their forms zipped, sometimes a zip in a zip.

Members are listed from the archive's directory and read straight from it, in memory,
never extracted to disk, under budgets (entries, declared sizes, compression ratio,
nesting depth). A member is named `archive.zip/member.xlsx`; names stored in the
Windows code page (GBK, without the zip's UTF-8 flag) are read as such.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from huitoukan.files import readable_text
from huitoukan.model.returns import ReturnFile, SkippedFile
from huitoukan.returns.sniffing import (
    MAX_FILE_BYTES,
    MAX_RATIO,
    MAX_UNCOMPRESSED,
    MAX_ZIP_ENTRIES,
    RATIO_MIN_BYTES,
)

ARCHIVE_SUFFIXES = frozenset({".zip"})
UNZIP = "请解压后把其中的表格放进报表文件夹，或请部门改用 .zip 压缩"
"""What the clerk is asked of an archive that cannot be read."""
UNZIP_FOR_THE_SENDER = "请直接报送表格文件（.xlsx），或改用 .zip 格式压缩后重新报送"
"""The same, said to the department that sent it (a notice asked it to put the forms into
the returns folder: clerk trial 149)."""
UNREADABLE_ARCHIVES = {
    ".rar": f"RAR 压缩包无法直接读取，{UNZIP}",
    ".7z": f"7z 压缩包无法直接读取，{UNZIP}",
}
"""Archives by their names; one that is a zip all the same is read as one."""
CONTAINER_SUFFIXES = ARCHIVE_SUFFIXES | frozenset(UNREADABLE_ARCHIVES)
"""What a file whose members collect may name (附属医院.rar/表.xlsx) is called."""
MAX_DEPTH = 3
"""Archives inside archives, the outermost counted: a zip of zips of forms, no deeper."""
_UNNEST = "请解压后把其中的表格放进报表文件夹"
TOO_DEEP = f"压缩包中套压缩包超过 {MAX_DEPTH} 层，未读取：{_UNNEST}"
_FOR_THE_SENDER = {
    UNZIP: UNZIP_FOR_THE_SENDER,
    # (a zip too deep was told to use .zip, which it was: clerk trial 150)
    _UNNEST: "请直接报送表格文件（.xlsx），或只压缩一层后重新报送",
}


def for_the_sender(reason: str) -> str:
    """Why an archive was not read, as the department that sent it is told it: what to send
    instead, not what the clerk is to do with it."""
    for clerks, senders in _FOR_THE_SENDER.items():
        reason = reason.replace(clerks, senders)
    return reason


def is_zip(head: bytes) -> bool:
    """Bytes that begin a zip archive (whatever its file is called: 附属医院.rar)."""
    return head.startswith((b"PK\x03\x04", b"PK\x05\x06"))


class ArchiveError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class ArchiveListing:
    members: list[ReturnFile] = field(default_factory=list)
    """The spreadsheets in the archive (and in archives inside it)."""
    skipped: list[SkippedFile] = field(default_factory=list)


def member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as the department saw it (zipfile reads names without the UTF-8
    flag as code page 437; Windows wrote them in its own code page, GBK in China)."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return readable_text(info.filename.encode("cp437"))
    except UnicodeEncodeError:
        return info.filename


_OTHER_ARCHIVES = {b"Rar!\x1a\x07": "RAR", b"7z\xbc\xaf\x27\x1c": "7z"}
"""How the archives zipfile cannot open begin, and what they are called."""


def _open(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # a RAR saved as .zip was told 损坏, and would have been sent again as it was
        # (clerk trial 149)
        kind = next((k for magic, k in _OTHER_ARCHIVES.items() if data.startswith(magic)), "")
        if kind:
            raise ArchiveError(
                f"这是 {kind} 压缩包（扩展名是 .zip），无法直接读取，{UNZIP}"
            ) from None
        raise ArchiveError("压缩包不完整或已损坏，请重新打包后报送") from None
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ArchiveError(f"压缩包中的文件过多（{len(infos)} 个），请只打包本部门的表格")
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNCOMPRESSED or (
            info.file_size > RATIO_MIN_BYTES
            and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise ArchiveError("压缩包解压后异常庞大（疑似压缩炸弹），已拒绝读取")
    return archive


def _member_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    if info.flag_bits & 0x1:
        raise ArchiveError("压缩包中的文件设有密码，请取消密码后重新打包")
    if info.file_size > MAX_FILE_BYTES:
        raise ArchiveError(
            f"文件过大（{info.file_size // 1024 // 1024} MB），请删除无关内容后重新报送"
        )
    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise ArchiveError("压缩包中的这个文件无法解压（已损坏），请重新打包后报送") from None
    if len(data) > info.file_size:
        raise ArchiveError("压缩包中的这个文件大小与记录不符（已损坏），请重新打包后报送")
    return data


def _modified(info: zipfile.ZipInfo, fallback: float) -> float:
    """A member's own modification time, as the archive recorded it (local time)."""
    try:
        return time.mktime((*info.date_time, 0, 0, -1))
    except (OverflowError, ValueError):
        return fallback


def read_member(source: ReturnFile) -> bytes:
    """The bytes of a returned file: the file itself, or its member inside the archive(s)."""
    data = source.path.read_bytes()
    for depth, name in enumerate(source.members, start=1):
        if depth > MAX_DEPTH:
            raise ArchiveError("压缩包嵌套过深")
        archive = _open(data)
        try:
            info = archive.getinfo(name)
        except KeyError:
            raise ArchiveError("压缩包中找不到这个文件") from None
        data = _member_bytes(archive, info)
    return data


def list_members(
    data: bytes,
    source: ReturnFile,
    wanted: frozenset[str],
    skip_reason: dict[str, str],
    ignored_name: Callable[[str], bool],
) -> ArchiveListing:
    """The spreadsheets inside the archive `data` (which is `source`), and what was skipped.

    `wanted`: suffixes taken as returns; `skip_reason`: suffix → why such a file is
    skipped; `ignored_name(name)`: names skipped silently (lock files, __MACOSX …)."""
    listing = ArchiveListing()
    depth = len(source.members) + 1
    try:
        archive = _open(data)
    except ArchiveError as error:
        listing.skipped.append(SkippedFile(file=source.display, reason=error.reason))
        return listing
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        if info.is_dir():
            continue
        shown = member_name(info)
        parts = PurePosixPath(shown.replace("\\", "/")).parts
        if any(ignored_name(part) for part in parts):
            continue
        display = f"{source.display}/{shown}"
        member = ReturnFile(
            path=source.path,
            display=display,
            members=(*source.members, info.filename),
            modified=_modified(info, source.modified),
            # the archive is a folder too (职教中心学校.zip/实训楼B.xlsx)
            folders=(*source.folders, PurePosixPath(source.readable_name).stem, *parts[:-1]),
        )
        suffix = PurePosixPath(shown).suffix.lower()
        if suffix in wanted:
            listing.members.append(member)
        elif suffix in CONTAINER_SUFFIXES:
            if depth >= MAX_DEPTH:
                listing.skipped.append(SkippedFile(file=display, reason=TOO_DEEP))
                continue
            try:
                inner = _member_bytes(archive, info)
            except ArchiveError as error:
                listing.skipped.append(SkippedFile(file=display, reason=error.reason))
                continue
            if suffix in UNREADABLE_ARCHIVES and not is_zip(inner):
                reason = skip_reason.get(suffix, UNREADABLE_ARCHIVES[suffix])
                listing.skipped.append(SkippedFile(file=display, reason=reason))
                continue
            nested = list_members(inner, member, wanted, skip_reason, ignored_name)
            listing.members += nested.members
            listing.skipped += nested.skipped
        else:
            reason = skip_reason.get(suffix, "不是 Excel 表格文件，已跳过")
            listing.skipped.append(SkippedFile(file=display, reason=reason))
    return listing
