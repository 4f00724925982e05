"""`collect`: find the returns, read each one behind its own safety net, merge, write."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, TimeoutError, as_completed
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

from pydantic import BaseModel

from huitoukan.atomic_write import sha256_of
from huitoukan.campaign import Campaign
from huitoukan.merging import Collection, merge
from huitoukan.models import FileOutcome, Problem, RegisterState, ReturnForm, SkippedFile
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


class FileReport(BaseModel):
    file: str
    department: str
    form_date: date | None
    sha256: str
    outcome: FileOutcome
    hazards: int
    errors: int
    warnings: int
    reason: str


class CollectReport(BaseModel):
    """What `collect --json` prints: every file, every problem, and the status."""

    register_file: Path | None
    backup: Path | None
    files: list[FileReport]
    skipped: list[SkippedFile]
    problems: list[Problem]
    status: StatusReport

    @classmethod
    def of(cls, result: CollectResult) -> CollectReport:
        collection = result.collection
        return cls(
            register_file=result.register_path,
            backup=result.backup,
            files=[
                FileReport(
                    file=f.file,
                    department=f.department,
                    form_date=f.form_date,
                    sha256=f.sha256,
                    outcome=collection.outcomes[f.file],
                    hazards=len(f.hazards),
                    errors=f.errors if f.readable else 1,
                    warnings=f.warnings,
                    reason=f.reason,
                )
                for f in collection.forms
            ],
            skipped=collection.skipped,
            problems=collection.problems,
            status=result.status,
        )


def read_one(path: Path, campaign: Campaign, debug: bool = False) -> ReturnForm:
    """`read_return` with a safety net: whatever goes wrong, the file is reported, not raised."""
    try:
        return read_return(path, str(path), campaign)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as exc:
        detail = traceback.format_exc() if debug else " ".join(str(exc).split())[:160]
        return unreadable(path, f"读取时出错（{type(exc).__name__}: {detail}），{RESAVE}")


def unreadable(path: Path, reason: str) -> ReturnForm:
    """A file reported as unreadable, still listed with its hash in 报送记录."""
    try:
        digest, modified = sha256_of(path), path.stat().st_mtime
    except OSError:
        digest, modified = "", 0.0
    return ReturnForm(
        file=str(path), sha256=digest, modified=modified, readable=False, reason=reason
    )


PARALLEL_FROM = 40
"""Below this many files one process is faster than starting workers."""
CHUNK = 25
ISOLATED_TIMEOUT = 120


def collect(
    campaign: Campaign,
    inputs: Sequence[Path],
    exclude: Sequence[Path] = (),
    progress: Progress | None = None,
    debug: bool = False,
) -> Collection:
    paths, skipped = find_returns(inputs, exclude)
    workers = min(os.cpu_count() or 1, 4)
    if len(paths) >= PARALLEL_FROM and workers > 1:
        forms = _read_in_workers(paths, campaign, debug, workers, progress)
    else:
        forms = []
        for index, path in enumerate(paths):
            if progress is not None:
                progress(index, len(paths), path)
            forms.append(read_one(path, campaign, debug))
    return merge(forms, skipped)


_worker_campaign: Campaign | None = None
_worker_debug = False


def _start_worker(campaign: Campaign, debug: bool) -> None:
    global _worker_campaign, _worker_debug
    _worker_campaign, _worker_debug = campaign, debug


def _read_chunk(paths: list[Path]) -> list[ReturnForm]:
    assert _worker_campaign is not None
    return [read_one(path, _worker_campaign, _worker_debug) for path in paths]


def _read_in_workers(
    paths: list[Path], campaign: Campaign, debug: bool, workers: int, progress: Progress | None
) -> list[ReturnForm]:
    """Read on several cores. A worker that dies (a reader aborting the process, say)
    only costs its chunk: those files are read again one at a time, each in a
    process of its own, and a file that kills that process too is reported."""
    chunks = [paths[i : i + CHUNK] for i in range(0, len(paths), CHUNK)]
    results: dict[int, list[ReturnForm]] = {}
    done = 0
    try:
        with ProcessPoolExecutor(
            workers, initializer=_start_worker, initargs=(campaign, debug)
        ) as pool:
            futures = {pool.submit(_read_chunk, chunk): i for i, chunk in enumerate(chunks)}
            for future in as_completed(futures):
                index = futures[future]
                try:
                    results[index] = future.result()
                except BrokenProcessPool:
                    continue
                done += len(chunks[index])
                if progress is not None:
                    progress(done, len(paths), chunks[index][-1])
    except BrokenProcessPool:
        pass
    for index, chunk in enumerate(chunks):
        if index not in results:
            results[index] = [_read_isolated(path, campaign, debug) for path in chunk]
    return [form for index in range(len(chunks)) for form in results[index]]


def _read_isolated(path: Path, campaign: Campaign, debug: bool) -> ReturnForm:
    with ProcessPoolExecutor(1, initializer=_start_worker, initargs=(campaign, debug)) as pool:
        future = pool.submit(_read_chunk, [path])
        try:
            return future.result(timeout=ISOLATED_TIMEOUT)[0]
        except (BrokenProcessPool, TimeoutError):
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
    return unreadable(path, f"读取该文件时读取程序异常终止或超时，文件可能已损坏，{RESAVE}")


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
    returned = collection.returned()
    status = build_status(campaign, collection.hazards, returned, as_of)
    backup = None
    if register is not None:
        state = RegisterState.model_construct(hazards=collection.hazards, returned=returned)
        backup = replace_register(
            register, lambda tmp: write_register(tmp, campaign, collection, status), state
        )
    return CollectResult(
        collection=collection, status=status, register_path=register, backup=backup
    )
