"""Work done in a forked copy of the process (`huitoukan.background`)."""

from __future__ import annotations

import os
import pickle
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from huitoukan.background import in_background
from huitoukan.xlsx.writer import Sheet, cells, write_workbook

forks = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork is used on Linux")


@forks
def test_the_work_runs_in_a_copy_and_its_result_comes_back() -> None:
    parent = os.getpid()
    shared = list(range(100_000))  # in the copy without being sent there
    pending = in_background(lambda: (os.getpid(), sum(shared), "交办问题" * 50_000))
    pid, total, text = pending.result()
    assert pid != parent
    assert total == sum(shared) and text == "交办问题" * 50_000  # more than a pipe holds


@forks
def test_a_copy_that_dies_costs_nothing_but_time() -> None:
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            os._exit(3)
        return 42

    assert in_background(work).result() == 42


@forks
def test_an_exception_raised_in_the_copy_is_raised_here_without_doing_the_work_again(
    tmp_path: Path,
) -> None:
    """Work that failed in the copy was done again here, over what the copy had done of it
    (photos laid out twice, the notices of the first lost): its exception is raised."""
    done = tmp_path / "done"

    def work() -> int:
        with done.open("a") as log:
            log.write("x")
        raise ValueError("照片")

    with pytest.raises(ValueError, match="照片"):
        in_background(work).result()
    assert done.read_text() == "x"


@forks
def test_a_result_that_cannot_be_sent_is_made_here() -> None:
    parent = os.getpid()
    result = in_background(lambda: lambda: os.getpid()).result()  # a lambda: not picklable
    assert result() == parent


def test_with_another_thread_running_nothing_is_forked() -> None:
    parent = os.getpid()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert in_background(os.getpid).result() == parent
    finally:
        stop.set()
        thread.join()


@forks
def test_cancel_stops_and_reaps_the_copy() -> None:
    pending = in_background(lambda: threading.Event().wait(60))
    pid = pending._pid
    assert pid
    pending.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, 0)


def test_a_finished_sheet_is_written_the_same_after_pickling(tmp_path: Path) -> None:
    def sheet() -> Sheet:
        made = Sheet("交办问题", [10.0, 30.0], header_row=0)
        made.add(cells(["编号", "描述"]))
        for n in range(2000):
            made.add(cells([n, f"第{n}个问题"]), numbered=False)
        made.merge(0, 0, 1)
        made.link(1, 1, "佐证材料/教务处/")
        return made

    unfinished = sheet()
    with pytest.raises(TypeError):
        pickle.dumps(unfinished)
    travelled = sheet()
    travelled.finish()
    travelled = pickle.loads(pickle.dumps(travelled))
    write_workbook(tmp_path / "a.xlsx", [unfinished], "t", "c")
    write_workbook(tmp_path / "b.xlsx", [travelled], "t", "c")
    with zipfile.ZipFile(tmp_path / "a.xlsx") as a, zipfile.ZipFile(tmp_path / "b.xlsx") as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            assert a.read(name) == b.read(name), name
