"""Finding the returned workbooks in the folders and files the clerk names.

Office lock files (`~$…`, `.~lock.…#`), hidden and temporary files are skipped
silently; other files that are not spreadsheets we read are listed as skipped,
with the reason, so the clerk sees everything that was in the folder. The
spreadsheets inside zip archives are returns like any other (`archives`). Files are
listed in natural order (第2 before 第10), named so that any name can be shown.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path, PurePath
from typing import TypeVar

from huitoukan.errors import InputError
from huitoukan.files import (
    display_name,
    given_input,
    natural_key,
    near_names,
    read_reason,
    sha256_of,
)
from huitoukan.forms.layout import REVIEW_FILE, REVIEWS_FOLDER
from huitoukan.model.documents import (
    FEEDBACK_NAME,
    FEEDBACK_TITLE,
    FOLLOWUP_MARK,
    MAKER,
    another_campaigns,
    issued_to,
    subject_of,
)
from huitoukan.model.returns import ReturnFile, SkippedFile
from huitoukan.returns.archives import (
    ARCHIVE_SUFFIXES,
    CONTAINER_SUFFIXES,
    UNREADABLE_ARCHIVES,
    ArchiveError,
    is_zip,
    list_members,
)
from huitoukan.returns.sniffing import MAX_FILE_BYTES, Format, Made, Refused, sniff

READABLE_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
SPREADSHEET_SUFFIXES = READABLE_SUFFIXES | {
    ".et",
    ".ett",
    ".csv",
    ".xlsb",
    ".numbers",
    ".xltx",
    ".xltm",
    ".fods",
    ".xlt",
}
"""Files we take as returns; those we cannot read are reported as unreadable, with why."""
_PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif", ".bmp", ".gif", ".webp", ".tif")
_SKIPPED = {
    **UNREADABLE_ARCHIVES,
    # (a department that sent a scan and a photo was told its photo could not be read, and
    # not that photos are kept only from the form: clerk trial 149)
    **dict.fromkeys(
        _PHOTO_SUFFIXES,
        "这是单独报来的照片，不是自查整改清单，也不作为佐证材料保存：整改照片请粘贴在附件2中"
        "该项隐患的那一行后报送",
    ),
    ".wps": "这是 WPS 文字文档，不是自查整改清单，请使用下发的附件2（.xlsx）填写",
    ".doc": "这是 Word 文档，不是自查整改清单，请使用下发的附件2（.xlsx）填写",
    ".docx": "这是 Word 文档，不是自查整改清单，请使用下发的附件2（.xlsx）填写",
    ".pdf": "这是 PDF 文件（纸质签字版的扫描件），电子版请报送附件2（.xlsx）",
    # a return forwarded as the mail it came in (clerk trial 80)
    ".eml": "这是邮件文件，请把邮件中的附件（附件2，.xlsx）另存到这个文件夹后重新汇总",
    ".msg": "这是 Outlook 邮件文件，请把邮件中的附件（附件2，.xlsx）另存到这个文件夹后重新汇总",
}
_RETURN_LIKE = frozenset({*_SKIPPED, *ARCHIVE_SUFFIXES}) - set(_PHOTO_SUFFIXES)
"""What a department sends in place of its form (a scan, a document, an archive): said
before a photo sent beside it."""


def in_place_of_a_return(name: str) -> bool:
    """Whether a file skipped, named `name`, is what a department sent in place of its form
    (a scan, a document, an archive), not a photo or other file sent beside it."""
    return Path(name).suffix.lower() in _RETURN_LIKE


_BESIDE_A_RETURN = {
    ".pdf": "这是 PDF 文件（纸质签字版的扫描件），{department}的电子版 {file} 已汇总，扫描件留存备查即可",
    ".doc": "这是 Word 文档，{department}的自查整改清单 {file} 已汇总，这份文档留存备查即可",
    ".docx": "这是 Word 文档，{department}的自查整改清单 {file} 已汇总，这份文档留存备查即可",
    ".wps": "这是 WPS 文字文档，{department}的自查整改清单 {file} 已汇总，这份文档留存备查即可",
}
"""What a document skipped says when its department's return was taken (it asks for the
.xlsx otherwise)."""
_TEMP_SUFFIXES = frozenset({".tmp", ".temp", ".bak", ".swp", ".part", ".crdownload"})
_DOCUMENT_SUFFIXES = frozenset({".doc", ".docx", ".wps"})
"""Word and WPS documents: looked into, as a workbook saved under such a name is read."""


_SPREADSHEET_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
"""How a zip (.xlsx, .ods) and an OLE compound file (.xls, .et) begin."""


def _spreadsheet_inside(path: Path) -> bool:
    """A file of another name that begins as a workbook does (sniffing decides what it is)."""
    try:
        with path.open("rb") as handle:
            return handle.read(8).startswith(_SPREADSHEET_MAGIC)
    except OSError:
        return False


def gone_since(seen: Iterable[str]) -> list[str]:
    """The files collect `seen` (as it named them: an archive's member under the archive,
    a sheet of a workbook of several departments' forms after it) that are not there any
    more, each once — none when none of them is (the names are the working folder's of
    that collect: run from another folder, every one looks gone)."""
    names = list(dict.fromkeys(map(file_of, seen)))
    gone = [name for name in names if not still_there(name)]
    return gone if len(gone) < len(names) else []


_P = TypeVar("_P", bound=PurePath)


def outermost_archive(path: _P) -> _P | None:
    """The outermost archive `path` is or is inside (回收/总务基建处.zip for
    回收/总务基建处.zip/总务基建处/表.xlsx), None when it is in none."""
    return next(
        (p for p in (*reversed(path.parents), path) if p.suffix.lower() in CONTAINER_SUFFIXES),
        None,
    )


def sent_name(name: str) -> str:
    """A file as its sender knows it: its name, and inside an archive the archive's and the
    folders' in it too (附件打包.zip/学工处/扫描件（盖章）.pdf: shown bare in the tables, whose
    it was was left to guess, clerk trial 149)."""
    path = PurePath(name)
    archive = outermost_archive(path)
    if archive is None or archive == path:
        return path.name
    return "/".join(path.parts[len(archive.parts) - 1 :])


def on_disk(name: str) -> str:
    """The file a name collect gave stands for on disk: an archive's member, the archive
    (a zip of a Word document alone, not in the register's files, was a file come since for
    every command after, whatever collect did: clerk trial 149)."""
    archive = outermost_archive(PurePath(name))
    return name if archive is None else str(archive)


def still_there(name: str) -> bool:
    """A file collect read (as it named it) is where it was: it, or its archive."""
    path = Path(file_of(name))
    return any(
        p.exists()
        for p in (path, *path.parents)
        if p == path or p.suffix.lower() in CONTAINER_SUFFIXES
    )


def file_of(name: str) -> str:
    """The file a form is named after (`ReturnForm.file`): its ［sheet］ taken off (a
    workbook of two departments' forms was said “已不在原处” by every command while it was
    there: clerk trial 124)."""
    if name.endswith("］") and "［" in name and not Path(name).exists():
        return name[: name.rindex("［")]
    return name


def folders_left_out(
    given: Sequence[Path], seen: Iterable[str], looked_in: Iterable[str]
) -> list[Path]:
    """The folders of the files collect `seen` and of those it was told to read
    (`looked_in`) that the folders `given` do not hold, outermost only (复查, not also
    复查/第二次); the working folder itself aside."""
    inside = [folder.resolve() for folder in given]
    held = {Path(name).parent for name in seen} | set(map(Path, looked_in))
    left = sorted(
        folder
        for folder in held - {Path(".")}
        if not any(f == folder.resolve() or f in folder.resolve().parents for f in inside)
    )
    return [f for f in left if not any(o in f.parents for o in left)]


SETTLING_TIME = 60.0
"""Seconds after a register was written in which files written beside its returns are
collect's own (退回修改副本), not returns that came after it."""


def arrived_since(
    seen: Iterable[str],
    written: float,
    hashes: Mapping[str, str] | None = None,
    looked_in: Iterable[str] = (),
) -> list[Path]:
    """The spreadsheets and archives in the folders of the files collect `seen` (as it
    named them), and in the folders it was told to read (`looked_in`: a 复查/ empty then
    among them), that it did not see, saw otherwise (by its sha256 in `hashes`, when given:
    one written over by an attachment unzipped keeps its old time, trial 49), or that were
    saved after `written` (a register's time): returns a department sent after the last
    collect, which a register read without collecting again does not hold (status listed
    such a department 逾期未报送, and remind wrote it a 催报: clerk trials 47, 48). A file
    copied in keeps the time it was saved, so a file not seen is one whatever its time,
    seconds after the register too (trial 58) — but for the 退回修改 copies collect writes
    with the register, within `SETTLING_TIME` of it. A file read, its sha256 recorded, is new
    only when it is not what was read, whatever its time (one dated ahead by a department's
    clock stopped the letters and the report till that time came, collect again or not:
    clerk trial 181 AH3). The working folder itself is not looked at (the tool's own files
    are there)."""
    known = set(seen)
    given = set(map(Path, looked_in))
    folders = {Path(name).parent for name in known} | given
    folders -= {Path(".")}
    found = []
    for folder in sorted(folders):
        # (the folder of a file given alone: the others there were left out on purpose, and
        # only one saved since is new — all of 回收 were said to be: clerk trial 211 BK13)
        alone = not any(folder == f or f in folder.parents for f in given)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # a folder taken away
        for entry in entries:
            suffix = Path(entry.name).suffix.lower()
            if _ignored_name(entry.name) or suffix not in SPREADSHEET_SUFFIXES | ARCHIVE_SUFFIXES:
                continue
            try:
                if not entry.is_file():
                    continue
                saved = entry.stat().st_mtime
            except OSError:
                continue
            name = display_name(entry.path)
            settling = written <= saved <= written + SETTLING_TIME
            if settling and FEEDBACK_NAME in entry.name:
                continue  # the tool's own, written with the register (a 退回修改 copy)
            # one read is new only when it is not what was read (copied in half while
            # collect read it, the rest seconds later, it was passed by for good: clerk trial
            # 107) — or could not be read, none recorded: then by its time
            unsure = not (hashes or {}).get(name)
            new = (name not in known and not alone) or (saved > written and unsure)
            if new or _rewritten(entry.path, name, hashes):
                found.append(Path(entry.path))
    return found


def returns_elsewhere(
    beside: Path,
    looked_in: Iterable[str],
    written: float,
    read: Collection[str] = (),
    issued_into: Collection[Path] = (),
    campaign: tuple[date, date] | None = None,
) -> tuple[list[Path], list[Path]]:
    """Forms huitoukan issued (a follow-up round's, or a 退回修改 copy) that someone saved
    after `written` (a register's time) in a folder of the register's folder (`beside`) that
    collect was not told to read (`looked_in`) — or, in a folder forms were issued into
    (`issued_into`, resolved), before it but not among the files the register was made of
    (their sha256 `read`): the returns of a round put in a folder of their own (第二轮回收)
    not yet collected — status listed those departments as not having answered the round,
    and remind wrote them a 催报 (clerk trial 186 AL2); saved into the round's folder before
    the collect, one went unsaid (clerk trial 201 BA3; not a folder of last year's returns,
    trial 205 BE1) — or, anywhere, a follow-up round's form of the `campaign` (its
    印发日期 and its end; the form's subject says it is its) not among them: the answers of a round saved in the
    morning, copied into 第二轮回收 after a collect, were not said (clerk trial 211 BK6).
    Only the tool's forms saved by someone are counted: a folder of the clerk's own
    workbooks is none. Returns them, and those of them saved before `written`."""
    folders_read = [Path(folder).resolve() for folder in looked_in]
    try:
        folders = [e.path for e in os.scandir(beside) if e.is_dir() and not _ignored_name(e.name)]
    except OSError:
        return [], []
    found, before = [], []
    for folder in sorted(map(Path, folders)):
        where = folder.resolve()
        if any(f == where or f in where.parents or where in f.parents for f in folders_read):
            continue
        issued_here = where in issued_into
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                if (
                    Path(entry.name).suffix.lower() not in _PROPERTIES_READ
                    or _ignored_name(entry.name)
                    or not entry.is_file()
                ):
                    continue
                later = entry.stat().st_mtime > written
                if not (later or issued_here or campaign is not None):
                    continue
                made = _saved_form(Path(entry.path))
                ours = _of_this_campaign(made, campaign)
                if made is None or ours is False:
                    continue
                if not later:
                    this_round = made.title.endswith(FOLLOWUP_MARK) and bool(ours)
                    if not (issued_here or this_round) or sha256_of(Path(entry.path)) in read:
                        continue
                found.append(Path(entry.path))
                if not later:
                    before.append(found[-1])
    return found, before


_PROPERTIES_READ = READABLE_SUFFIXES | {".et"}
"""The returns whose document properties say whether huitoukan made them."""


def _of_this_campaign(made: Made | None, campaign: tuple[date, date] | None) -> bool | None:
    """Whether the form's subject says `campaign` (its 印发日期 and its end) issued it
    (`another_campaigns`); None when it says no campaign. Another's are no returns to
    collect (last year's returns copied beside the register, their times fresh, were said
    to be, and remind refused: trial 214 BN5)."""
    issued = subject_of(made.subject)[1] if made is not None else None
    if issued is None or campaign is None:
        return None
    return not another_campaigns(issued, *campaign)


def saved_by_someone(path: Path) -> bool:
    """`path` is a form huitoukan issued, or a 退回修改 copy of a return, saved by someone
    (in its format, or as an .ods or .xls: clerk trial 187 AM5)."""
    return _saved_form(path) is not None


def _saved_form(path: Path) -> Made | None:
    """The document properties of `path` when `saved_by_someone` (None otherwise)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        made = sniff(path.read_bytes(), path.suffix.lower(), inspect=False).made
    except (OSError, Refused):
        return None
    ours = bool(issued_to(made.title)) or made.title == FEEDBACK_TITLE
    return made if made.creator == MAKER and ours and not made.never_saved else None


def _rewritten(path: str, name: str, hashes: Mapping[str, str] | None) -> bool:
    """The file read as `name` is not what it was (its sha256 recorded in `hashes`)."""
    recorded = (hashes or {}).get(name)
    if not recorded:
        return False
    try:
        return sha256_of(Path(path)) != recorded
    except OSError:
        return False


def _zip_inside(path: Path) -> bool:
    """`path`, named as another archive, is a zip."""
    try:
        with path.open("rb") as handle:
            return is_zip(handle.read(4))
    except OSError:
        return False


def _workbook_inside(path: Path, status: os.stat_result) -> bool:
    """`path`, named as a document, holds a workbook (an .xlsx renamed .docx, say)."""
    if status.st_size > MAX_FILE_BYTES:
        return False
    try:
        return sniff(path.read_bytes(), path.suffix.lower(), inspect=False).format in (
            Format.XLSX,
            Format.XLS,
            Format.ODS,
        )
    except (OSError, Refused):
        return False


def _review_forms_beside(missing: Path) -> str:
    """What to do when the 复查 folder asked for is not there but filled 复查验收表 lie beside
    it (“找不到 复查” alone, the clerk had left the filled form in the work folder: trial 136)."""
    if missing.name != REVIEWS_FOLDER:
        return ""
    with contextlib.suppress(OSError):
        forms = sorted(p.name for p in missing.parent.glob(f"{Path(REVIEW_FILE).stem}*.xlsx"))
        if forms:
            here = missing.parent.resolve() == Path.cwd().resolve()
            where = "当前文件夹" if here else f"{display_name(missing.parent)} 文件夹"
            return (
                f"{'、'.join(forms[:3])} 在{where}中：请新建 {missing} "
                "文件夹，把填好的复查验收表放进去后重新运行（也可以在命令中直接给出表的文件名）"
            )
    return ""


def beside_return(skipped: SkippedFile, department: str, taken: str) -> SkippedFile:
    """`skipped`, a scan or a document of `department`, whose return `taken` was read: its
    reason says nothing more is owed (a reason of another kind is kept)."""
    suffix = Path(skipped.file).suffix.lower()
    said = _BESIDE_A_RETURN.get(suffix)
    if said is None or skipped.reason != _SKIPPED[suffix]:
        return skipped
    return SkippedFile(file=skipped.file, reason=said.format(department=department, file=taken))


def is_owner_file(name: str) -> bool:
    """An office suite's owner file of a workbook it has open (`_open_note`): no one's return."""
    return name.startswith(("~$", ".~lock."))


def _open_note(path: Path) -> SkippedFile | None:
    """The owner file an office suite keeps beside a workbook it has open (Excel and WPS:
    ~$NAME, LibreOffice: .~lock.NAME#), said when that workbook is there: it is read as
    last saved, changes typed since unread (it went without a word: clerk trial 153)."""
    name = path.name
    if name.startswith("~$"):
        opened = name[2:]
    elif name.startswith(".~lock.") and name.endswith("#"):
        opened = name[7:-1]
    else:
        return None
    if Path(opened).suffix.lower() not in SPREADSHEET_SUFFIXES:
        return None
    if not (path.parent / opened).is_file():
        return None  # left behind by a suite that closed without tidying up
    return SkippedFile(
        file=display_name(path),
        reason=f"{opened} 正在用 WPS、Excel 或 LibreOffice 打开（这是打开时生成的临时文件，已跳过）："
        f"读到的是 {opened} 上次保存的内容，如有未保存的修改，请保存后重新汇总",
    )


def _ignored_name(name: str) -> bool:
    """Office lock files, hidden (dot) files and folders, temporary files."""
    if name.startswith(("~$", ".~lock.", ".")) or name.endswith("#"):
        return True
    return (
        name.lower() in {"thumbs.db", "desktop.ini", "__macosx"}
        or Path(name).suffix.lower() in _TEMP_SUFFIXES
    )


def _hidden(status: os.stat_result) -> bool:
    return bool(
        getattr(status, "st_file_attributes", 0) & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0)
    )


def _identity(path: Path, status: os.stat_result) -> object:
    """The same file named twice (a folder and a file in it, a link) is read once."""
    if status.st_ino:
        return (status.st_dev, status.st_ino)
    return path.resolve()  # file systems without file ids


def _files_under(folder: Path, skip: set[object]) -> list[Path]:
    """Every file below `folder`, skipping ignored folders and the folders in `skip` (by
    identity; os.walk: one directory listing per folder, no stat per file)."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        base = Path(root)
        folders[:] = [
            name for name in folders if not _ignored_name(name) and not _skipped(base / name, skip)
        ]
        found.extend(base / name for name in files)
    return found


def _skipped(folder: Path, skip: set[object]) -> bool:
    if not skip:
        return False
    try:
        return _identity(folder, folder.stat()) in skip
    except OSError:
        return False


def _archive(
    path: Path, status: os.stat_result, folders: tuple[str, ...]
) -> tuple[list[ReturnFile], list[SkippedFile]]:
    source = ReturnFile(path, display_name(path), (), status.st_mtime, folders)
    try:
        if status.st_size > MAX_FILE_BYTES:
            raise ArchiveError(
                f"压缩包过大（{status.st_size // 1024 // 1024} MB），请只打包本部门的表格"
            )
        data = path.read_bytes()
    except ArchiveError as error:
        return [], [SkippedFile(file=source.display, reason=error.reason)]
    except OSError as exc:
        reason = f"压缩包无法打开（{read_reason(exc)}）"
        return [], [SkippedFile(file=source.display, reason=reason)]
    listing = list_members(data, source, SPREADSHEET_SUFFIXES, _SKIPPED, _ignored_name)
    return listing.members, listing.skipped


def find_returns(
    inputs: Sequence[Path], exclude: Sequence[Path] = ()
) -> tuple[list[ReturnFile], list[SkippedFile]]:
    """Every candidate return under `inputs` (recursively, into zip archives), in natural
    order of their names; and the files skipped, with why. `exclude` names files and
    folders that are not returns (the register, its evidence folder)."""
    excluded = set()
    for path in exclude:
        with contextlib.suppress(OSError):
            excluded.add(_identity(path, path.stat()))
    found: dict[object, ReturnFile] = {}
    archives: set[object] = set()
    skipped: list[SkippedFile] = []
    for entry in map(given_input, inputs):
        if entry.is_dir():
            paths = _files_under(entry, excluded)
        elif entry.is_file():
            paths = [entry]
        else:
            hint = near_names(entry) or _review_forms_beside(entry) or "请检查文件夹或文件名"
            raise InputError(f"找不到 {entry}：{hint}")
        for path in paths:
            if _ignored_name(path.name):
                if (note := _open_note(path)) is not None:
                    skipped.append(note)
                continue
            inside = path.parent.relative_to(entry).parts if path is not entry else ()
            folders = tuple(map(display_name, inside))
            try:
                status = path.stat()
            except OSError:
                continue
            identity = _identity(path, status)
            if identity in excluded or _hidden(status):
                continue
            suffix = path.suffix.lower()
            shown = display_name(path)
            if suffix in SPREADSHEET_SUFFIXES:
                found.setdefault(identity, ReturnFile(path, shown, (), status.st_mtime, folders))
            elif suffix in ARCHIVE_SUFFIXES or (
                suffix in UNREADABLE_ARCHIVES and _zip_inside(path)
            ):  # (a zip named .rar was told RAR 压缩包无法直接读取: clerk trial 150)
                if identity in archives:
                    continue
                archives.add(identity)
                members, passed = _archive(path, status, folders)
                for member in members:
                    found[(identity, member.members)] = member
                skipped.extend(passed)
                if not members and not passed:
                    skipped.append(
                        SkippedFile(file=shown, reason="压缩包中没有 Excel 表格，已跳过")
                    )
            elif suffix in _DOCUMENT_SUFFIXES and _workbook_inside(path, status):
                found.setdefault(identity, ReturnFile(path, shown, (), status.st_mtime, folders))
            elif suffix not in _SKIPPED and _spreadsheet_inside(path):
                # a return by its content, its name without .xlsx (总务基建处, 表.xlsx.download
                # were skipped as no spreadsheet: clerk trial 80)
                found.setdefault(identity, ReturnFile(path, shown, (), status.st_mtime, folders))
            else:
                reason = _SKIPPED.get(suffix, "不是 Excel 表格文件，已跳过")
                skipped.append(SkippedFile(file=shown, reason=reason))
    files = sorted(found.values(), key=lambda f: natural_key(f.display))
    skipped.sort(key=lambda s: natural_key(s.file))
    return files, skipped
