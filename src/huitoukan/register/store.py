"""Replacing the register on disk safely: the last register is never lost.

- Atomic: the new register is written to a temporary file and renamed over the old one.
- History: the register being replaced is first kept, dated, in a hidden folder beside
  it (`history`).
- Never silently overwrite a person's edits: a register whose bytes differ from what
  huitoukan last wrote (`record`) is also copied to a dated backup beside it, and said so.
- Never silently shrink: a collection that covers fewer departments or returns than the
  register it would replace stops the run (exit 2) unless the clerk confirms (`shrinking`).
- Never replace what may not be replaced: a read-only register is refused; a register
  open in Excel on Windows cannot be renamed over, which is said in Chinese.
- Two runs at once: the second stops (`lock`).

The other workbooks huitoukan writes over and over (the report, 一问题一档案, 追责核查 and
the 复查验收表 a person fills in) get the same protection against losing a person's edits
(`replace_output`).
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from huitoukan.errors import HuitoukanError
from huitoukan.files import display_name, keep_a_copy, open_in_office, write_atomically
from huitoukan.register.history import keep_version
from huitoukan.register.lock import register_lock
from huitoukan.register.record import (
    Coverage,
    RegisterState,
    edited_since_written,
    write_records,
)
from huitoukan.register.shrinking import check_not_shrinking


def _refuse_read_only(register: Path) -> None:
    try:
        mode = register.stat().st_mode
    except OSError:
        return
    if not mode & stat.S_IWUSR:
        raise HuitoukanError(
            f"{display_name(register)} 是只读文件，未做改动：请取消只读属性后再运行，"
            "或用 --out 写到另一个文件"
        )


@dataclass(frozen=True)
class Written:
    path: Path
    backup: Path | None = None
    """Where what was at `path` is kept, because a person had changed it since huitoukan
    wrote it (or it was not huitoukan's)."""
    open_elsewhere: bool = False
    """An office suite had `path` open when it was written over: its window shows the old."""
    verdicts: int = 0
    """Of a 复查验收表: the verdicts filled into the one at `path`, moved to `backup`."""
    kept: str = ""
    """What made `backup` though no person changed the file (the report's photo pages a
    report without them would have written over: clerk trial 171 X8); '' otherwise."""


def _keep_edited(path: Path, stamp: datetime) -> Path | None:
    return keep_a_copy(path, stamp) if edited_since_written(path) else None


def replace_output(path: Path, write: Callable[[Path], object], keep: str = "") -> Written:
    """Write a workbook with `write(tmp)` over `path` atomically; one a person changed since
    huitoukan wrote it (a filled-in 复查验收表, comments typed into the report) is copied to a
    dated backup first, and so is one holding what the caller says it would lose (`keep`,
    said in `Written.kept`)."""
    stamp = datetime.now()
    backup = _keep_edited(path, stamp)
    if backup is None and keep and path.is_file():
        backup = keep_a_copy(path, stamp)
    else:
        keep = ""
    write_atomically(path, write)
    write_records(path, None)
    return Written(path, backup, open_in_office(path), kept=keep)


def replace_register(
    register: Path,
    write: Callable[[Path], object],
    state: RegisterState | None = None,
    previous: Callable[[Path], Coverage | None] | None = None,
    force: bool = False,
    now_named: Callable[[str], str | None] = lambda _: None,
) -> Path | None:
    """Write a new register with `write(tmp)`; return the backup made of a hand-edited one.

    `previous(register)` gives what the register being replaced covers, for the shrink
    check (skipped with `force`; `now_named` as `check_not_shrinking` has it)."""
    _refuse_read_only(register)
    with register_lock(register):
        old = None
        if previous is not None and state is not None and not force and register.exists():
            old = previous(register)
            check_not_shrinking(register, old, Coverage.of(state), now_named, state.hazards)
        stamp = datetime.now()
        backup = _keep_edited(register, stamp)
        keep_version(register, stamp, old)
        write_atomically(register, write)
        write_records(register, state)
        return backup
