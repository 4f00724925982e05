"""Replacing the register on disk safely.

- Atomic: the new register is written to a temporary file and renamed over the old one.
- Never silently overwrite a person's edits: the sha256 of what huitoukan last wrote
  is kept beside the register (`.<name>.huitoukan`); a register whose bytes differ
  (edited and saved in Excel, or made by hand) is first copied to a dated backup.
- Two runs at once: a lock file beside the register makes the second one stop with
  a clear message instead of both writing.

A second record (`.<name>.state.json`) keeps the hazards the register holds, as JSON:
`status` reads them from there (in a fraction of the time the sheets take) while the
register is byte-for-byte what huitoukan wrote, and from the sheets otherwise.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ValidationError

from huitoukan.atomic_write import sha256_of, write_atomically
from huitoukan.errors import HuitoukanError
from huitoukan.json_output import write_json
from huitoukan.models import RegisterState

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


class _Record(BaseModel):
    sha256: str


class _StateRecord(BaseModel):
    sha256: str
    state: RegisterState


def _state_path(register: Path) -> Path:
    return register.with_name(f".{register.name}.state.json")


def _record(register: Path) -> _Record | None:
    try:
        return _Record.model_validate_json(_record_path(register).read_bytes())
    except (OSError, ValidationError):
        return None


def edited_since_written(register: Path) -> bool:
    """True when `register` exists and is not byte-for-byte what huitoukan last wrote there."""
    if not register.exists():
        return False
    record = _record(register)
    return record is None or record.sha256 != sha256_of(register)


def recorded_state(register: Path) -> RegisterState | None:
    """The hazards recorded when huitoukan wrote `register`, if it is unchanged since."""
    try:
        record = _StateRecord.model_validate_json(_state_path(register).read_bytes())
    except (OSError, ValidationError):
        return None
    return record.state if record.sha256 == sha256_of(register) else None


def replace_register(
    register: Path, write: Callable[[Path], object], state: RegisterState | None = None
) -> Path | None:
    """Write a new register with `write(tmp)`; return the backup made of a hand-edited one."""
    with register_lock(register):
        backup = None
        if edited_since_written(register):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup = register.with_name(f"{register.stem}.备份-{stamp}{register.suffix}")
            shutil.copy2(register, backup)
        write_atomically(register, write)
        digest = sha256_of(register)
        record = _Record(sha256=digest).model_dump_json()
        write_atomically(_record_path(register), lambda tmp: tmp.write_text(record, "utf-8"))
        if state is not None:
            record_state = _StateRecord(sha256=digest, state=state)

            def write_state(tmp: Path) -> None:
                with tmp.open("wb") as handle:
                    write_json(record_state, handle, indent=None)

            write_atomically(_state_path(register), write_state)
        return backup
