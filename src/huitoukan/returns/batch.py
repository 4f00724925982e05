"""Reading many returns, each in a worker process behind its own safety net.

Every untrusted file is read in a child process, from the first file on: a reader
that aborts the interpreter, crashes natively, runs out of memory or hangs costs
that file (listed as 无法读取 with the reason), never the run. On POSIX each worker's
address space is capped (`READ_MEMORY_BUDGET` above what it holds at start); on
Windows the isolation is the process itself. When a worker dies, the files it had
not finished are read again one per process, so only the file that kills its
process is lost.
"""

from __future__ import annotations

import contextlib
import faulthandler
import math
import os
import signal
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, TimeoutError, as_completed
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path

from huitoukan.campaign import Campaign
from huitoukan.files import display_name, sha256_of
from huitoukan.model.problems import RESAVE
from huitoukan.model.returns import ReturnFile, ReturnForm
from huitoukan.returns.form_reading import read_return
from huitoukan.returns.photos import PhotoStore, remember

OnFile = Callable[[int, int, Path], None]
"""Told (files done, files in all, the file) as reading goes on: for a progress bar."""

MAX_WORKERS = 4
CHUNK = 25
"""Files a worker reads per task when there are many (fewer when there are few)."""
FILE_SECONDS = 120
"""How long one file may take before its reader is stopped."""
READ_MEMORY_BUDGET = 2 << 30
"""Address space a worker may add to what it holds at start (a 100,000-row return
needs a few hundred MB; an absurd sheet asks for tens of GB)."""


def as_return_file(path: Path) -> ReturnFile:
    """A file on disk named on the command line (or by a test), as a return."""
    try:
        modified = path.stat().st_mtime
    except OSError:
        modified = 0.0
    return ReturnFile(path=path, display=display_name(path), modified=modified)


def read_one(
    source: ReturnFile | Path,
    campaign: Campaign,
    as_of: date | None = None,
    debug: bool = False,
    photos: PhotoStore | None = None,
) -> list[ReturnForm]:
    """`read_return` with a safety net: whatever goes wrong, the file is reported, not raised.

    This runs in the reading process (a worker); `as_of` defaults to today; the photos
    pasted into the file are kept in `photos` when given."""
    if isinstance(source, Path):
        source = as_return_file(source)
    try:
        forms = read_return(source, campaign, as_of or date.today(), photos)
    except (KeyboardInterrupt, SystemExit):
        raise
    except MemoryError:
        forms = [unreadable(source, f"文件过大，读取时超出内存限制，{RESAVE}")]
    except Exception as exc:
        detail = traceback.format_exc() if debug else " ".join(str(exc).split())[:160]
        forms = [unreadable(source, f"读取时出错（{type(exc).__name__}: {detail}），{RESAVE}")]
    return [_whose(form, campaign) for form in forms]


def _whose(form: ReturnForm, campaign: Campaign) -> ReturnForm:
    """An unreadable file given the department its name (or folder) names (one only): the department
    sent something, and is told it could not be read, not that it sent nothing."""
    if form.readable or form.department:
        return form
    units = campaign.units_in(Path(form.file).stem)
    if not units and form.source is not None:  # the folder it was sent in, innermost first
        units = next(filter(None, map(campaign.units_in, reversed(form.source.folders))), [])
    return form.model_copy(update={"department": units[0].name}) if len(units) == 1 else form


def unreadable(source: ReturnFile, reason: str) -> ReturnForm:
    """A file reported as unreadable, still listed with its hash in 报送记录."""
    digest = ""
    if not source.members:
        with contextlib.suppress(OSError):
            digest = sha256_of(source.path)
    return ReturnForm(
        file=source.display,
        source=source,
        sha256=digest,
        modified=source.modified,
        readable=False,
        reason=reason,
    )


def read_returns(
    sources: Sequence[ReturnFile],
    campaign: Campaign,
    as_of: date,
    on_file: OnFile | None = None,
    debug: bool = False,
    photos: PhotoStore | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[ReturnForm]:
    """Every file of `sources` read in worker processes; the forms in the files' order
    (unreadable files as unreadable forms); the photos in them kept in `photos`, and
    noted there for the next time.

    `meanwhile` is called in this process while the workers read (after they have been
    started: this process forks no worker while it runs); what it raises is raised, the
    reading stopped."""
    if not sources:
        if meanwhile is not None:
            meanwhile()
        return []
    workers = max(1, min(os.cpu_count() or 1, MAX_WORKERS, len(sources)))
    size = max(1, min(CHUNK, len(sources) // (workers * 4)))
    chunks = [list(sources[i : i + size]) for i in range(0, len(sources), size)]
    results: dict[int, list[ReturnForm]] = {}
    done = 0
    pool = ProcessPoolExecutor(
        workers, initializer=_start_worker, initargs=(campaign, as_of, debug, photos)
    )
    futures: dict[Future[list[ReturnForm]], int] = {}
    try:
        futures = {pool.submit(_read_chunk, chunk): i for i, chunk in enumerate(chunks)}
        if meanwhile is not None:
            meanwhile()
        deadline = FILE_SECONDS * (1 + math.ceil(len(sources) / workers))
        for future in as_completed(futures, timeout=deadline):
            index = futures[future]
            try:
                results[index] = future.result()
            except Exception:  # the worker died (BrokenProcessPool) or could not answer
                continue
            done += len(chunks[index])
            if on_file is not None:
                on_file(done, len(sources), chunks[index][-1].path)
    except (BrokenProcessPool, TimeoutError):
        pass
    finally:
        if len(results) < len(chunks):
            _stop(pool)
        pool.shutdown(wait=True, cancel_futures=True)
    forms: list[ReturnForm] = []
    for index, chunk in enumerate(chunks):
        if index in results:
            forms.extend(results[index])
        else:  # its worker died or hung: read each of its files alone
            for source in chunk:
                forms.extend(_read_isolated(source, campaign, as_of, debug, photos))
    remember(photos, {f.sha256: f.picture_notes for f in forms if f.picture_notes is not None})
    return forms


_worker_campaign: Campaign | None = None
_worker_as_of = date.min
_worker_debug = False
_worker_photos: PhotoStore | None = None


def _start_worker(
    campaign: Campaign, as_of: date, debug: bool, photos: PhotoStore | None = None
) -> None:
    global _worker_campaign, _worker_as_of, _worker_debug, _worker_photos
    _worker_campaign, _worker_as_of, _worker_debug = campaign, as_of, debug
    _worker_photos = photos
    limit_memory(READ_MEMORY_BUDGET)
    # Ctrl-C reaches every process of the console: collect stops the workers itself (a
    # worker interrupted while sending its result would leave the pool waiting for ever)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not debug:  # a reader that dies costs its file, reported; not a dump on the console
        faulthandler.disable()


def limit_memory(budget: int) -> None:
    """Cap this process's address space at what it uses now plus `budget` (POSIX only;
    where the cap cannot be set, process isolation is the safety net)."""
    try:
        import resource
    except ImportError:
        return
    used = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        with open("/proc/self/statm") as statm:
            used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    if not used:
        return  # without knowing what is in use, a cap could starve the worker itself
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = used + budget
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _read_chunk(sources: list[ReturnFile]) -> list[ReturnForm]:
    assert _worker_campaign is not None
    forms: list[ReturnForm] = []
    for source in sources:
        forms.extend(
            read_one(source, _worker_campaign, _worker_as_of, _worker_debug, _worker_photos)
        )
    return forms


def _stop(pool: ProcessPoolExecutor) -> None:
    """Kill a pool's worker processes (one is stuck, the pool is broken, or Ctrl-C). A
    worker killed while sending its result leaves half a message in the result pipe, on
    which the pool's manager thread would wait for ever: this process's own end of the
    pipe for writing (unused here) is closed too, so the pipe ends once the workers are
    gone and the wait with it."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError):
            process.kill()
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()


def _read_isolated(
    source: ReturnFile, campaign: Campaign, as_of: date, debug: bool, photos: PhotoStore | None
) -> list[ReturnForm]:
    pool = ProcessPoolExecutor(
        1, initializer=_start_worker, initargs=(campaign, as_of, debug, photos)
    )
    try:
        return pool.submit(_read_chunk, [source]).result(timeout=FILE_SECONDS)
    except TimeoutError:
        reason = f"读取该文件超过 {FILE_SECONDS} 秒仍未完成，已停止（文件可能已损坏），{RESAVE}"
    except Exception:  # the worker died: a native crash, an abort, memory exhausted
        reason = f"读取该文件时读取程序异常终止（文件可能过大或已损坏），{RESAVE}"
    finally:
        _stop(pool)
        pool.shutdown(wait=True, cancel_futures=True)
    return [unreadable(source, reason)]
