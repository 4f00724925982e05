"""Reading in worker processes gives exactly what one process gives, and a worker that
dies (a Rust reader aborting the interpreter, say) costs only the file that killed it."""

from __future__ import annotations

import faulthandler
import multiprocessing
import os
from pathlib import Path

import pytest

from huitoukan import collecting
from huitoukan.campaign import Campaign
from huitoukan.collecting import collect
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
