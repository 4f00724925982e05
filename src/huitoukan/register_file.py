"""Replacing the register on disk safely.

- Atomic: the new register is written to a temporary file and renamed over the old one.
- Never silently overwrite a person's edits: the sha256 of what huitoukan last wrote
  is kept beside the register (`.<name>.huitoukan`); a register whose bytes differ
  (edited and saved in Excel, or made by hand) is first copied to a dated backup.
- Two runs at once: a lock file beside the register makes the second one stop with
  a clear message instead of both writing.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from huitoukan.atomic_write import sha256_of, write_atomically
from huitoukan.errors import HuitoukanError

STALE_LOCK_SECONDS = 15 * 60


def _record_path(register: Path) -> Path:
    return register.with_name(f".{register.name}.huitoukan")


def _lock_path(register: Path) -> Path:
    return register.with_name(f".{register.name}.lock")


@contextlib.contextmanager
def register_lock(register: Path) -> Iterator[None]:
    lock = _lock_path(register)
    lock.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            try:
                age = time.time() - lock.stat().st_mtime
            except FileNotFoundError:
                continue
            if age > STALE_LOCK_SECONDS:
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
                continue
            raise HuitoukanError(
                f"另一个 huitoukan 正在写入 {register.name}，请等它结束后再运行"
                f"（若确认没有在运行，删除 {lock.name} 即可）"
            ) from None
    else:
        raise HuitoukanError(f"无法创建锁文件 {lock}")
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()


def edited_since_written(register: Path) -> bool:
    """True when `register` exists and is not byte-for-byte what huitoukan last wrote there."""
    if not register.exists():
        return False
    try:
        recorded = json.loads(_record_path(register).read_text("utf-8"))["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return True
    return bool(recorded != sha256_of(register))


def replace_register(register: Path, write: Callable[[Path], object]) -> Path | None:
    """Write a new register with `write(tmp)`; return the backup made of a hand-edited one."""
    with register_lock(register):
        backup = None
        if edited_since_written(register):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = register.with_name(f"{register.stem}.备份-{stamp}{register.suffix}")
            shutil.copy2(register, backup)
        write_atomically(register, write)
        digest = sha256_of(register)
        write_atomically(
            _record_path(register),
            lambda tmp: tmp.write_text(json.dumps({"sha256": digest}), encoding="utf-8"),
        )
        return backup
