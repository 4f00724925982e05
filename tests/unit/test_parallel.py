"""Reading in worker processes gives exactly what one process gives, and a worker that
dies (a Rust reader aborting the interpreter, say) costs only the file that killed it."""

from __future__ import annotations

import contextlib
import faulthandler
import multiprocessing
import os
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import python_calamine

from huitoukan.actions.collect import collect, collect_to_register, counted, in_campaign_order
from huitoukan.campaign import Campaign
from huitoukan.model.returns import ReturnFile
from huitoukan.register.merging import merge
from huitoukan.returns import batch
from huitoukan.returns.finding import find_returns
from tests import hostile
from tests.helpers import closed, filled_form, hazard


def make_returns(campaign: Campaign, folder: Path, count: int = 12) -> None:
    units = [u.name for u in campaign.units]
    for n in range(count):
        filled_form(
            campaign,
            units[n % len(units)],
            folder / f"{n:02d}.xlsx",
            [hazard(部位=f"楼{n}"), closed(部位=f"门{n}")],
        )


def test_workers_read_what_one_process_reads(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_returns(campaign, tmp_path)
    sources, skipped = find_returns([tmp_path])
    as_of = date(2023, 12, 20)
    forms = [f for s in sources for f in batch.read_one(s, campaign, as_of)]
    for form in forms:  # (collect notes the day it first read each file: that day, all new)
        form.first_read = as_of if form.sha256 else None
    here = merge(forms, skipped)
    here.hazards = in_campaign_order(campaign, counted(here.hazards, here.problems))
    here.assigned_on = None  # (no list: no day a part was given recorded)
    monkeypatch.setattr(batch, "CHUNK", 3)
    assert collect(campaign, [tmp_path], as_of=as_of) == here


def test_meanwhile_runs_while_the_workers_read_and_its_error_stops_them(
    campaign: Campaign, tmp_path: Path
) -> None:
    """collect reads the 交办问题清单 while the workers read the returns: it runs after they
    have started, once, even with no returns; what it raises ends the reading."""
    make_returns(campaign, tmp_path)
    sources, _ = find_returns([tmp_path])
    as_of = date(2023, 12, 20)
    seen: list[int] = []

    def count_workers() -> None:
        seen.append(len(multiprocessing.active_children()))

    forms = batch.read_returns(sources, campaign, as_of, meanwhile=count_workers)
    assert len(forms) == len(sources) and len(seen) == 1 and seen[0] >= 1
    batch.read_returns([], campaign, as_of, meanwhile=count_workers)
    assert len(seen) == 2

    def fail() -> None:
        raise ValueError("a bad list")

    with pytest.raises(ValueError, match="a bad list"):
        batch.read_returns(sources, campaign, as_of, meanwhile=fail)
    time.sleep(0.5)
    assert multiprocessing.active_children() == []  # the workers were stopped


def test_register_read_on_several_cores_equals_register_read_in_one_process(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_returns(campaign, tmp_path / "回收")  # two versions of some departments: vanished rows
    as_of = date(2023, 12, 20)
    monkeypatch.setattr(batch, "MAX_WORKERS", 1)
    collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "一个进程.xlsx", as_of)
    monkeypatch.setattr(batch, "MAX_WORKERS", 4)
    monkeypatch.setattr(batch, "CHUNK", 3)
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "多个进程.xlsx", as_of)
    assert any(h.vanished_from for h in result.collection.hazards)

    def sheets(name: str) -> dict[str, list[list[object]]]:
        book = python_calamine.CalamineWorkbook.from_path(str(tmp_path / name))
        return {sheet: book.get_sheet_by_name(sheet).to_python() for sheet in book.sheet_names}

    assert sheets("一个进程.xlsx") == sheets("多个进程.xlsx")


FORK = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to inject the fault"
)


def _failing_on(name: str, fault: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the reader fail with `fault()` on the file called `name` (in the workers, which
    fork from this process)."""
    real = batch.read_return

    def read_or_fail(
        source: ReturnFile, campaign: Campaign, as_of: date, photos: object = None
    ) -> object:
        if source.name == name:
            faulthandler.disable()  # keep the test log free of a dying worker's dump
            fault()  # type: ignore[operator]
        return real(source, campaign, as_of, photos)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "read_return", read_or_fail)


@FORK
def test_a_dying_worker_costs_only_its_file(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_returns(campaign, tmp_path)
    _failing_on("05.xlsx", os.abort, monkeypatch)  # what an allocation failure in Rust does
    monkeypatch.setattr(batch, "CHUNK", 3)
    result = collect(campaign, [tmp_path])
    bad = [f for f in result.forms if not f.readable]
    assert [Path(f.file).name for f in bad] == ["05.xlsx"]
    assert "异常终止" in bad[0].reason
    assert sum(f.readable for f in result.forms) == 11


@FORK
def test_a_hanging_reader_is_stopped_and_costs_only_its_file(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_returns(campaign, tmp_path, count=3)
    _failing_on("01.xlsx", lambda: time.sleep(3600), monkeypatch)
    monkeypatch.setattr(batch, "FILE_SECONDS", 3)
    started = time.monotonic()
    result = collect(campaign, [tmp_path])
    assert [Path(f.file).name for f in result.forms if not f.readable] == ["01.xlsx"]
    assert "已停止" in next(f.reason for f in result.forms if not f.readable)
    assert time.monotonic() - started < 60


@FORK
@pytest.mark.skipif(sys.platform != "linux", reason="the address-space cap is set on Linux")
def test_a_reader_exhausting_its_memory_cap_costs_only_its_file(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_returns(campaign, tmp_path, count=2)
    _failing_on("00.xlsx", lambda: bytearray(3 << 30), monkeypatch)
    monkeypatch.setattr(batch, "READ_MEMORY_BUDGET", 512 << 20)
    result = collect(campaign, [tmp_path])
    bad = [f for f in result.forms if not f.readable]
    assert [Path(f.file).name for f in bad] == ["00.xlsx"] and "内存" in bad[0].reason
    assert sum(f.readable for f in result.forms) == 1


def test_a_single_file_that_aborts_the_reader_costs_only_itself(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the safety sniff out of the way, calamine aborts the interpreter on this file:
    reading in a child process from the first file on keeps the run alive."""
    from huitoukan.returns import sniffing
    from huitoukan.returns.extent import SheetFacts

    hostile.prefixed_absurd(campaign, tmp_path / "前缀.xlsx")
    monkeypatch.setattr(sniffing, "inspect_worksheet", lambda xml, sheet: SheetFacts())
    forms = batch.read_returns(
        [batch.as_return_file(tmp_path / "前缀.xlsx")], campaign, date(2023, 12, 20)
    )
    assert len(forms) == 1 and not forms[0].readable
    assert "异常终止" in forms[0].reason


@FORK
def test_a_pool_stopped_while_a_worker_was_sending_does_not_hang() -> None:
    """A worker killed halfway through sending its result leaves half a message in the
    result pipe, which the pool's manager thread waits on for ever: stopping the pool
    ends that wait (a Ctrl-C in the middle of a city's collect hung it)."""
    import struct
    import threading
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(1)
    assert pool.submit(int, "1").result(timeout=60) == 1  # the manager thread is waiting
    writer = pool._result_queue._writer  # type: ignore[attr-defined]
    os.write(writer.fileno(), struct.pack("!i", 1000) + b"half")  # a message cut short
    time.sleep(0.2)
    batch._stop(pool)
    done = threading.Thread(target=pool.shutdown, kwargs={"wait": True}, daemon=True)
    done.start()
    done.join(30)
    assert not done.is_alive()


@pytest.mark.skipif(
    sys.platform == "win32" or multiprocessing.get_start_method() != "fork",
    reason="a console's Ctrl-C as SIGINT; workers forked to inherit the slow reader",
)
def test_ctrl_c_while_the_workers_read_stops_collect_at_once(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Ctrl-C reaches every process of the console: the workers leave it to collect, which
    stops them and says so in Chinese (no worker's English traceback, no hang)."""
    import signal
    import subprocess

    make_returns(campaign, tmp_path / "回收", count=8)
    started, interrupted = tmp_path / "started", tmp_path / "a worker was interrupted"
    script = (
        "import signal, sys, time\n"
        "from pathlib import Path\n"
        "from huitoukan.returns import batch\n"
        # a console's Ctrl-C, even when this test runs as a background job (which ignores it)
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "real = batch.read_return\n"
        "def slow(*args, **kwargs):\n"
        f"    Path({str(started)!r}).touch()\n"
        "    try:\n"
        "        time.sleep(1)\n"
        "    except KeyboardInterrupt:\n"
        f"        Path({str(interrupted)!r}).touch()\n"
        "        raise\n"
        "    return real(*args, **kwargs)\n"
        "batch.read_return = slow\n"
        "from huitoukan.__main__ import main\n"
        "main()\n"
    )
    run = subprocess.Popen(
        [sys.executable, "-c", script, "collect", "回收", "--as-of", "2023-12-20"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGINT)
    try:
        out, err = run.communicate(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(run.pid, signal.SIGKILL)
    said = (out + err).decode("utf-8")
    assert run.returncode == 130
    assert "已中断" in said and "Traceback" not in said and "KeyboardInterrupt" not in said
    assert not interrupted.exists()
