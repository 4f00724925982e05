"""Files on disk: written so that nothing is ever half-written, named so any name can be
shown, listed in the order a person expects.

- `write_atomically`: the content goes to a temporary file in the same folder, which
  then replaces the target in one `os.replace` (atomic on Windows and POSIX alike). Any
  failure to write (a missing or read-only folder, a file in the way, a full disk, a
  file open in Excel on Windows) is a `HuitoukanError` naming the path, in Chinese.
- `display_name`: a path as text that can always be shown and written: bytes that are
  not UTF-8 (a GBK name, as zip archives made on Windows unpack elsewhere) are read as
  GB18030, or shown as U+FFFD; the real path is still used to open the file.
- `natural_key`: 第2 before 第10.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import hashlib
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path, PurePath

from huitoukan.errors import HuitoukanError

_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    getattr(errno, "EDQUOT", -1): "磁盘配额已用完",
    errno.EROFS: "所在磁盘或文件夹只读",
    errno.EACCES: "没有写入权限（文件可能正在 Excel/WPS 中打开，或文件夹只读）",
    errno.EPERM: "没有写入权限（文件可能正在 Excel/WPS 中打开，或文件夹只读）",
    errno.ENOTDIR: "路径中有一个同名的文件挡住了文件夹",
    errno.EEXIST: "路径中有一个同名的文件挡住了文件夹",
    errno.EISDIR: "这是一个文件夹，请写上文件名",
    errno.ENAMETOOLONG: "文件名或路径太长",
    errno.ENOENT: "文件夹不存在",
    getattr(errno, "ELOOP", -2): "路径中的快捷方式（符号链接）指向了自身",
    getattr(errno, "ETXTBSY", -3): "文件正被其他程序使用",
}


_READ_REASONS = {
    errno.ENOENT: "找不到这个文件，请检查文件名和所在文件夹",
    errno.EACCES: "没有读取权限（文件可能正在 Excel/WPS 中打开并被锁定）",
    errno.EPERM: "没有读取权限（文件可能正在 Excel/WPS 中打开并被锁定）",
    errno.EISDIR: "这是一个文件夹，请写上文件名",
}


def read_reason(exc: OSError) -> str:
    """Why a file could not be read, in Chinese."""
    return _READ_REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__


def hide(path: Path) -> None:
    """Mark `path` hidden where a leading dot does not (Windows' Explorer shows dot files,
    and a clerk tidying the folder would delete the register's records). Best effort."""
    if sys.platform == "win32":
        import ctypes

        hidden = 0x2  # FILE_ATTRIBUTE_HIDDEN
        attributes = ctypes.windll.kernel32.GetFileAttributesW(str(path))
        if attributes != -1 and not attributes & hidden:
            ctypes.windll.kernel32.SetFileAttributesW(str(path), attributes | hidden)


def output_error(path: Path, exc: OSError) -> HuitoukanError:
    """The error to show when `path` cannot be written: what happened, in Chinese (for a
    file where a folder is needed, which file)."""
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        blocking = next((p for p in (path, *path.parents) if p.is_file()), None)
        if blocking is not None:
            return HuitoukanError(
                f"无法写入 {display_name(path)}：{display_name(blocking)} 是一个文件，"
                "这里需要的是文件夹；请换一个名字，或把该文件移走"
            )
    reason = _REASONS.get(exc.errno or 0) or exc.strerror or type(exc).__name__
    return HuitoukanError(f"无法写入 {display_name(path)}：{reason}")


def make_folder(folder: Path) -> None:
    """Create `folder` (and its parents) for output, or say in Chinese why it cannot be."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:  # a file where a folder should be
        raise output_error(folder, exc) from None
    except OSError as exc:
        raise output_error(folder, exc) from None


def with_suffix(path: Path, suffix: str) -> Path:
    """`path`, with `suffix` added when the clerk left it out (汇报 → 汇报.xlsx)."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def xlsx_name(path: Path) -> Path:
    return with_suffix(path, ".xlsx")


def given_input(path: Path) -> Path:
    """A file or folder named on the command line, as it exists: `path`, or `path`.xlsx
    when the clerk left out the extension (全校隐患台账 → 全校隐患台账.xlsx)."""
    if not path.exists() and path.suffix.lower() != ".xlsx" and xlsx_name(path).is_file():
        return xlsx_name(path)
    return path


def near_names(path: Path) -> str:
    """“是不是 …？” naming what is in `path`'s folder under a name close to it (台帐 for
    台账, a missing 号), or '' when nothing is."""
    folder = path.parent
    try:
        names = [p.name for p in folder.iterdir() if not p.name.startswith((".", "~$"))]
    except OSError:
        return ""
    usual = {"", ".xlsx", ".xlsm", ".xls", ".ods", ".et"}  # folders and workbooks
    if path.suffix:  # 台账.xlsx asked for: not 台账.html
        names = [n for n in names if Path(n).suffix.lower() in usual | {path.suffix.lower()}]
    by_stem: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (Path(n).suffix.lower() not in usual, n)):
        by_stem.setdefault(Path(name).stem, name)
    close = difflib.get_close_matches(path.stem, list(by_stem), n=3, cutoff=0.6)
    if not close:
        return ""
    shown = [str(folder / by_stem[stem]) for stem in close]
    return f"是不是 {'、'.join(shown)}？"


NAME_BYTES = 200
"""The bytes (UTF-8) a file name huitoukan makes from another may take: file systems take
255 a name, and the temporary file it is written as first adds 14."""


def fit_name(name: str, keep: str) -> str:
    """`name`, ending with `keep`, cut short before it (with …) to NAME_BYTES: a return
    named with 82 characters had no 退回修改 copy, collect stopped (clerk trial 147)."""
    if len(name.encode()) <= NAME_BYTES:
        return name
    head = name.removesuffix(keep)
    room = NAME_BYTES - len(f"…{keep}".encode())
    while len(head.encode()) > room:
        head = head[:-1]
    return f"{head}…{keep}"


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Call `write(tmp)` to produce the file's content, then move it onto `path`."""
    make_folder(path.parent)
    try:
        is_dir = path.is_dir()
    except OSError as exc:  # a name too long, mostly
        raise output_error(path, exc) from None
    if is_dir:
        raise output_error(path, IsADirectoryError(errno.EISDIR, "is a directory"))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise output_error(path, exc) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            write(tmp)
        except OSError as exc:  # a full disk, mostly
            raise output_error(path, exc) from None
        with contextlib.suppress(OSError):  # mkstemp makes it private to its owner
            os.chmod(tmp, _mode_for(path))
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise output_error(path, exc) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_record(path: Path, text: str) -> bool:
    """Write `text` to `path`, a record of huitoukan's beside the register, hidden (`hide`);
    False when it could not be written."""
    try:
        write_atomically(path, lambda tmp: tmp.write_text(text, "utf-8"))
    except HuitoukanError:
        return False
    hide(path)
    return True


def _mode_for(path: Path) -> int:
    """The permissions `path` has, or those a new file gets (0666 less the umask), so a
    register in a shared folder stays readable by the colleagues it was readable by."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def open_in_office(path: Path) -> bool:
    """Whether an office suite has `path` open: the owner file LibreOffice
    (.~lock.NAME#) or Excel and WPS (~$NAME) keep beside a file while it is open."""
    return any((path.parent / name).exists() for name in (f".~lock.{path.name}#", f"~${path.name}"))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def readable_text(raw: bytes) -> str:
    """File-name bytes as text: UTF-8, else GB18030 (names made on Chinese Windows), else
    with U+FFFD for what neither reads. Short GBK names can be valid UTF-8 too (校医院 is
    D0A3 D2BD D4BA: УҽԺ, clerk trial 41): read as UTF-8 into letters a Chinese school's
    names do not hold while GB18030 reads them as Chinese, they are GBK."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and _chinese_or_ascii(text):
        return text
    try:
        chinese = raw.decode("gb18030")
    except UnicodeDecodeError:
        return text if text is not None else raw.decode("utf-8", "replace")
    return chinese if text is None or _chinese_or_ascii(chinese) else text


_CHINESE_OR_ASCII = re.compile(
    "[\x00-\x7f\u00b7\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff00-\uffef]*"
)


def _chinese_or_ascii(text: str) -> bool:
    """Whether `text` holds only what a Chinese office names files with: ASCII, Chinese
    characters, Chinese and full-width punctuation."""
    return _CHINESE_OR_ASCII.fullmatch(text) is not None


def display_name(path: Path | str) -> str:
    """`path` as text that can be shown, hashed and written to a workbook whatever bytes its
    name holds (Python keeps undecodable bytes as lone surrogates)."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        parts = re.split(r"([\\/])", text)  # each name on its own: the others are UTF-8
        return "".join(readable_text(os.fsencode(part)) for part in parts)
    return text


def on_paper(file: str) -> str:
    """A returned file as a printed page names it: its folder and its name (“../共享盘/回头看
    2026/第二轮/北河小学-….xlsx” printed over three lines: clerk trial 207 BG10)."""
    parts = PurePath(file.replace("\\", "/")).parts
    return "/".join(part for part in parts[-2:] if part not in ("..", "."))


def as_argument(path: Path | str) -> str:
    """`path` as typed on a command line: in double quotes when it holds a space, as cmd,
    PowerShell and a POSIX shell all read it (“--campaign 2023 回头看 工作/campaign.toml”,
    copied as shown, was three arguments: clerk trial 121)."""
    text = display_name(path)
    return f'"{text}"' if any(c.isspace() for c in text) else text


def collect_command(folders: Sequence[str], register: Path | None = None) -> str:
    """The command that collects again from the `folders` a register was collected from
    (“请重新运行 huitoukan collect”, typed as it stood, asked for the folders: trial 130),
    each named once; into `register` when given (`register.layout.kept_elsewhere`)."""
    words = ["huitoukan collect", *map(as_argument, dict.fromkeys(folders))]
    return " ".join([*words, "-o", as_argument(register)] if register else words)


def followup_command(register: Path | str) -> str:
    """The command that issues a follow-up round from `register`."""
    return f"huitoukan issue --followup {as_argument(register)}"


_UNSAFE_FILE_CHARACTERS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def safe_file_name(name: str) -> str:
    """`name` with the characters Windows forbids in file names replaced by _."""
    return _UNSAFE_FILE_CHARACTERS.sub("_", name).strip(" .") or "_"


_NUMBER = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders the numbers in names by value: 第2 before 第10 before 第100."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in _NUMBER.split(text)
        if part
    )


def keep_a_copy(path: Path, stamp: datetime | None = None) -> Path:
    """Copy `path` to `name.备份-YYYYmmdd-HHMMSS.ext` beside it (before it is written over)
    and return the copy."""
    stamp = stamp or datetime.now()
    name = f"{path.stem}.备份-{stamp:%Y%m%d-%H%M%S}"
    backup, n = path.with_name(f"{name}{path.suffix}"), 2
    while backup.exists():  # two in one second: the first is not written over
        backup, n = path.with_name(f"{name}-{n}{path.suffix}"), n + 1
    try:
        shutil.copy2(path, backup)
    except OSError as exc:
        raise output_error(backup, exc) from None
    return backup
