"""Reading in worker processes gives exactly what one process gives, and a worker that
dies (a Rust reader aborting the interpreter, say) costs only the file that killed it."""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
from datetime import date
from pathlib import Path

import pytest
import python_calamine

from huitoukan.actions.collect import collect, collect_to_register
from huitoukan.campaign import Campaign
from huitoukan.returns import batch as collecting
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


def test_parallel_read_equals_serial_read(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_returns(campaign, tmp_path)
    monkeypatch.setattr(collecting, "PARALLEL_FROM", 10_000)
    serial = collect(campaign, [tmp_path])
    monkeypatch.setattr(collecting, "PARALLEL_FROM", 2)
    monkeypatch.setattr(collecting, "CHUNK", 3)
    assert collect(campaign, [tmp_path]) == serial


def test_register_read_on_several_cores_equals_register_read_in_one_process(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_returns(campaign, tmp_path / "回收")  # two versions of some departments: vanished rows
    as_of = date(2023, 12, 20)
    monkeypatch.setattr(collecting, "PARALLEL_FROM", 10_000)
    collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "一个进程.xlsx", as_of)
    monkeypatch.setattr(collecting, "PARALLEL_FROM", 2)
    monkeypatch.setattr(collecting, "CHUNK", 3)
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "多个进程.xlsx", as_of)
    assert any(h.vanished_from for h in result.collection.hazards)

    def sheets(name: str) -> dict[str, list[list[object]]]:
        book = python_calamine.CalamineWorkbook.from_path(str(tmp_path / name))
        return {sheet: book.get_sheet_by_name(sheet).to_python() for sheet in book.sheet_names}

    assert sheets("多个进程.xlsx") == sheets("一个进程.xlsx")


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to inject the crash"
)
def test_a_dying_worker_costs_only_its_file(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_returns(campaign, tmp_path)
    real = collecting.read_return

    def read_or_die(path: Path, display: str, campaign: Campaign) -> object:
        if path.name == "05.xlsx":
            faulthandler.disable()  # keep the test log free of the dying worker's dump
            os.abort()  # what an allocation failure in a Rust reader does
        return real(path, display, campaign)

    monkeypatch.setattr(collecting, "read_return", read_or_die)
    monkeypatch.setattr(collecting, "PARALLEL_FROM", 2)
    monkeypatch.setattr(collecting, "CHUNK", 3)
    monkeypatch.setattr(collecting, "ISOLATED_TIMEOUT", 60)
    result = collect(campaign, [tmp_path])
    bad = [f for f in result.forms if not f.readable]
    assert [Path(f.file).name for f in bad] == ["05.xlsx"]
    assert "异常终止" in bad[0].reason
    assert sum(f.readable for f in result.forms) == 11
