"""Replacing the register on disk safely.

- Atomic: the new register is written to a temporary file and renamed over the old one.
- Never silently overwrite a person's edits: a register whose bytes differ from what
  huitoukan last wrote (`record`) is first copied to a dated backup.
- Two runs at once: the second stops (`lock`).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from huitoukan.files import write_atomically
from huitoukan.register.lock import register_lock
from huitoukan.register.record import RegisterState, edited_since_written, write_records


def backup_name(register: Path, stamp: datetime) -> Path:
    return register.with_name(f"{register.stem}.备份-{stamp:%Y%m%d-%H%M%S}{register.suffix}")


def replace_register(
    register: Path, write: Callable[[Path], object], state: RegisterState | None = None
) -> Path | None:
    """Write a new register with `write(tmp)`; return the backup made of a hand-edited one."""
    with register_lock(register):
        backup = None
        if edited_since_written(register):
            backup = backup_name(register, datetime.now())
            shutil.copy2(register, backup)
        write_atomically(register, write)
        write_records(register, state)
        return backup
