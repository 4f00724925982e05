"""Writing a file so that a crash, Ctrl-C or a full disk never leaves half of it.

The content goes to a temporary file in the same folder, which then replaces
the target in one `os.replace` (atomic on Windows and POSIX alike).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from huitoukan.errors import HuitoukanError


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Call `write(tmp)` to produce the file's content, then move it onto `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with contextlib.suppress(OSError):  # mkstemp makes it private to its owner
            os.chmod(tmp, _mode_for(path))
        try:
            os.replace(tmp, path)
        except PermissionError:
            raise HuitoukanError(
                f"无法写入 {path}：文件可能正在 Excel/WPS 中打开，请关闭后重试"
            ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _mode_for(path: Path) -> int:
    """The permissions `path` has, or those a new file gets (0666 less the umask), so a
    register in a shared folder stays readable by the colleagues it was readable by."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
