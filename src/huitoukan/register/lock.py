"""Two runs at once: a lock file beside the register makes the second one stop with a
clear message instead of both writing."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from huitoukan.errors import HuitoukanError
from huitoukan.files import make_folder, output_error

STALE_LOCK_SECONDS = 15 * 60


def lock_path(register: Path) -> Path:
    return register.with_name(f".{register.name}.lock")


@contextlib.contextmanager
def register_lock(register: Path) -> Iterator[None]:
    lock = lock_path(register)
    make_folder(lock.parent)
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
        except OSError as exc:
            raise output_error(register, exc) from None
    else:
        raise HuitoukanError(f"无法创建锁文件 {lock}")
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()
