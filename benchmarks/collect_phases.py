"""Where collect's time goes: each phase of one collect, timed inside one process.

    python benchmarks/collect_phases.py --units 2000 --rows 20

Uses the campaign collect_bench.py generates (cached in benchmarks/.cache/). Each
phase is run `--repeat` times and its fastest time printed, with its share of the
total: the figures to look at before optimising anything.
"""

from __future__ import annotations

import argparse
import gc
import io
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from collect_bench import AS_OF, dataset  # noqa: E402

from huitoukan.actions.collect import CollectReport, CollectResult, collect  # noqa: E402
from huitoukan.campaign import load_campaign  # noqa: E402
from huitoukan.json_output import write_json  # noqa: E402
from huitoukan.register.record import RegisterState  # noqa: E402
from huitoukan.register.status import build_status  # noqa: E402
from huitoukan.register.store import replace_register  # noqa: E402
from huitoukan.register.writing import write_register  # noqa: E402


def fastest(repeat: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gc.set_threshold(20_000, 50, 1_000)  # as the CLI does
    folder, campaign_file = dataset(args.units, args.rows)
    campaign = load_campaign(campaign_file)
    as_of = date.fromisoformat(AS_OF)
    work = Path(tempfile.mkdtemp(prefix="huitoukan-phases-"))
    collection = collect(campaign, [folder])
    returned = collection.returned()
    status = build_status(campaign, collection.hazards, returned, as_of)
    state = RegisterState.model_construct(hazards=collection.hazards, returned=returned)
    report = CollectReport.of(CollectResult(collection=collection, status=status))
    phases = {
        "read and merge the returns": lambda: collect(campaign, [folder]),
        "status (overdue, due soon...)": lambda: build_status(
            campaign, collection.hazards, returned, as_of
        ),
        "write the register": lambda: write_register(
            work / "台账.xlsx", campaign, collection, status
        ),
        "hash it, write the state record": lambda: replace_register(
            work / "记录.xlsx", lambda tmp: tmp.write_bytes(b"x"), state
        ),
        "collect --json output": lambda: write_json(report, io.BytesIO()),
    }
    times = {name: fastest(args.repeat, run) for name, run in phases.items()}
    total = sum(times.values())
    print(f"{args.units} returns x {args.rows} rows, {len(collection.hazards)} hazards")
    for name, seconds in times.items():
        print(f"  {name:34}{seconds:7.2f} s {seconds / total:6.0%}")
    print(f"  {'total (without start-up)':34}{total:7.2f} s")


if __name__ == "__main__":
    main()
