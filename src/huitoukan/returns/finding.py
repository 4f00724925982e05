"""Finding the returned workbooks in the folders and files the clerk names.

Office lock files (`~$…`, `.~lock.…#`), hidden and temporary files are skipped
silently; other files that are not spreadsheets we read are listed as skipped,
with the reason, so the clerk sees everything that was in the folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from huitoukan.errors import InputError
from huitoukan.model.returns import SkippedFile

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
_DOCUMENTS = {
    ".wps": "这是 WPS 文字文档，不是自查整改清单，请使用下发的附件2（.xlsx）填写",
    ".doc": "这是 Word 文档，不是自查整改清单，请使用下发的附件2（.xlsx）填写",
    ".docx": "这是 Word 文档，不是自查整改清单，请使用下发的附件2（.xlsx）填写",
    ".pdf": "这是 PDF 文件（纸质签字版的扫描件），电子版请报送附件2（.xlsx）",
}
_TEMP_SUFFIXES = frozenset({".tmp", ".temp", ".bak", ".swp", ".part", ".crdownload"})


def _ignored_name(name: str) -> bool:
    """Office lock files, hidden (dot) files and folders, temporary files."""
    if name.startswith(("~$", ".~lock.", ".")) or name.endswith("#"):
        return True
    return (
        name.lower() in {"thumbs.db", "desktop.ini"} or Path(name).suffix.lower() in _TEMP_SUFFIXES
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


def _files_under(folder: Path) -> list[Path]:
    """Every file below `folder`, skipping ignored folders (os.walk: one directory
    listing per folder, no stat per entry)."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not _ignored_name(name)]
        base = Path(root)
        found.extend(base / name for name in files)
    return sorted(found, key=str)


def find_returns(
    inputs: Sequence[Path], exclude: Sequence[Path] = ()
) -> tuple[list[Path], list[SkippedFile]]:
    """Every candidate return under `inputs` (recursively), sorted; and the files skipped."""
    excluded = set()
    for path in exclude:
        with contextlib.suppress(OSError):
            excluded.add(_identity(path, path.stat()))
    found: dict[object, Path] = {}
    skipped: list[SkippedFile] = []
    for entry in inputs:
        if entry.is_dir():
            paths = _files_under(entry)
        elif entry.is_file():
            paths = [entry]
        else:
            raise InputError(f"找不到 {entry}：请检查文件夹或文件名")
        for path in paths:
            if _ignored_name(path.name):
                continue
            try:
                status = path.stat()
            except OSError:
                continue
            identity = _identity(path, status)
            if identity in excluded or _hidden(status):
                continue
            suffix = path.suffix.lower()
            if suffix in SPREADSHEET_SUFFIXES:
                found.setdefault(identity, path)
            elif suffix in _DOCUMENTS:
                skipped.append(SkippedFile(file=str(path), reason=_DOCUMENTS[suffix]))
            else:
                skipped.append(SkippedFile(file=str(path), reason="不是 Excel 表格文件，已跳过"))
    return sorted(found.values(), key=str), sorted(skipped, key=lambda s: s.file)
