"""Reading many returns, each behind its own safety net: a bad file costs its own line.

Below `PARALLEL_FROM` files they are read in this process; from there on, on several
cores, a worker that dies costing only its files (they are read again one per process).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, TimeoutError, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from huitoukan.campaign import Campaign
from huitoukan.files import sha256_of
from huitoukan.model.problems import RESAVE
from huitoukan.model.returns import ReturnForm
from huitoukan.returns.form_reading import read_return

OnFile = Callable[[int, int, Path], None]
"""Told (files done, files in all, the file) as reading goes on: for a progress bar."""


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


def read_returns(
    paths: list[Path], campaign: Campaign, on_file: OnFile | None = None, debug: bool = False
) -> list[ReturnForm]:
    """Every file of `paths` read, in order; unreadable ones as unreadable forms."""
    workers = min(os.cpu_count() or 1, 4)
    if len(paths) >= PARALLEL_FROM and workers > 1:
        return _read_in_workers(paths, campaign, debug, workers, on_file)
    forms = []
    for index, path in enumerate(paths):
        if on_file is not None:
            on_file(index, len(paths), path)
        forms.append(read_one(path, campaign, debug))
    return forms


_worker_campaign: Campaign | None = None
_worker_debug = False


def _start_worker(campaign: Campaign, debug: bool) -> None:
    global _worker_campaign, _worker_debug
    _worker_campaign, _worker_debug = campaign, debug


def _read_chunk(paths: list[Path]) -> list[ReturnForm]:
    assert _worker_campaign is not None
    return [read_one(path, _worker_campaign, _worker_debug) for path in paths]


def _read_in_workers(
    paths: list[Path], campaign: Campaign, debug: bool, workers: int, on_file: OnFile | None
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
                if on_file is not None:
                    on_file(done, len(paths), chunks[index][-1])
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
