"""`collect`: find the returns, read each one behind its own safety net, merge, write."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from huitoukan.atomic_write import sha256_of
from huitoukan.campaign import Campaign
from huitoukan.merging import Collection, merge
from huitoukan.models import ReturnForm
from huitoukan.register_file import replace_register
from huitoukan.register_writing import write_register
from huitoukan.return_files import find_returns
from huitoukan.return_reading import read_return
from huitoukan.sniffing import RESAVE
from huitoukan.status import StatusReport, build_status

Progress = Callable[[int, int, Path], None]


class CollectResult(BaseModel):
    collection: Collection
    status: StatusReport
    register_path: Path | None = None
    backup: Path | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.collection.errors else 0


def read_one(path: Path, campaign: Campaign, debug: bool = False) -> ReturnForm:
    """`read_return` with a safety net: whatever goes wrong, the file is reported, not raised."""
    try:
        return read_return(path, str(path), campaign)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as exc:
        detail = traceback.format_exc() if debug else " ".join(str(exc).split())[:160]
        try:
            digest, modified = sha256_of(path), path.stat().st_mtime
        except OSError:
            digest, modified = "", 0.0
        return ReturnForm(
            file=str(path),
            sha256=digest,
            modified=modified,
            readable=False,
            reason=f"读取时出错（{type(exc).__name__}: {detail}），{RESAVE}",
        )


def collect(
    campaign: Campaign,
    inputs: Sequence[Path],
    exclude: Sequence[Path] = (),
    progress: Progress | None = None,
    debug: bool = False,
) -> Collection:
    paths, skipped = find_returns(inputs, exclude)
    forms: list[ReturnForm] = []
    for index, path in enumerate(paths):
        if progress is not None:
            progress(index, len(paths), path)
        forms.append(read_one(path, campaign, debug))
    return merge(forms, skipped)


def collect_to_register(
    campaign: Campaign,
    inputs: Sequence[Path],
    register: Path | None,
    as_of: date,
    progress: Progress | None = None,
    debug: bool = False,
) -> CollectResult:
    exclude: list[Path] = []
    if register is not None:
        exclude = [register, *register.parent.glob(f"{register.stem}.备份-*{register.suffix}")]
    collection = collect(campaign, inputs, exclude, progress, debug)
    status = build_status(campaign, collection.hazards, collection.returned(), as_of)
    backup = None
    if register is not None:
        backup = replace_register(
            register, lambda tmp: write_register(tmp, campaign, collection, status)
        )
    return CollectResult(
        collection=collection, status=status, register_path=register, backup=backup
    )
