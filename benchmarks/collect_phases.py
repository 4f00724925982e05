"""Where collect's time goes: each phase of one collect, timed inside one process.

    python benchmarks/collect_phases.py --units 2000 --rows 20
    python benchmarks/collect_phases.py --units 2000 --rows 20 --assigned 10

Uses the campaign collect_bench.py generates (cached in benchmarks/.cache/). Each
phase is run `--repeat` times and its fastest time printed, with its share of the
total: the figures to look at before optimising anything. With `--assigned N` the
returns answer N 交办问题 each, and every phase is timed without and with the list
(`--findings`), side by side, with what the list adds.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from collect_bench import AS_OF, dataset, findings_file  # noqa: E402

from huitoukan.actions.collect import CollectReport, CollectResult, collect  # noqa: E402
from huitoukan.actions.findings import load_findings  # noqa: E402
from huitoukan.campaign import Campaign, load_campaign  # noqa: E402
from huitoukan.json_output import write_json  # noqa: E402
from huitoukan.model.findings import Finding  # noqa: E402
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


def phases(
    campaign: Campaign, folder: Path, work: Path, findings: list[Finding]
) -> tuple[dict[str, Callable[[], object]], int]:
    """Each phase of a collect (with the problems of `findings` matched, if any), ready
    to run; and the number of hazards."""
    as_of = date.fromisoformat(AS_OF)
    collection = collect(campaign, [folder], findings=findings)
    returned = collection.returned()
    status = build_status(campaign, collection.hazards, returned, as_of, findings=findings)
    state = RegisterState.model_construct(
        hazards=collection.hazards,
        returned=returned,
        files=collection.files_read,
        findings=list(findings),
        mentions=collection.mentions,
    )
    report = CollectReport.of(CollectResult(collection=collection, status=status))
    named: dict[str, Callable[[], object]] = {
        "read and merge the returns": lambda: collect(campaign, [folder], findings=findings),
        "status (overdue, due soon...)": lambda: build_status(
            campaign, collection.hazards, returned, as_of, findings=findings
        ),
        "write the register": lambda: write_register(
            work / "台账.xlsx", campaign, collection, status
        ),
        "hash it, write the state record": lambda: replace_register(
            work / "记录.xlsx", lambda tmp: tmp.write_bytes(b"x"), state
        ),
        "collect --json output": lambda: write_json(report, io.BytesIO()),
    }
    return named, len(collection.hazards)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--assigned", type=int, default=0, metavar="N")
    args = parser.parse_args()
    gc.set_threshold(20_000, 50, 1_000)  # as the CLI does
    folder, campaign_file = dataset(args.units, args.rows, args.assigned)
    campaign = load_campaign(campaign_file)
    work = Path(tempfile.mkdtemp(prefix="huitoukan-phases-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    plain, hazards = phases(campaign, folder, work, [])
    times = {name: fastest(args.repeat, run) for name, run in plain.items()}
    total = sum(times.values())
    print(f"{args.units} returns x {args.rows} rows, {hazards} hazards")
    if not args.assigned:
        for name, seconds in times.items():
            print(f"  {name:34}{seconds:7.2f} s {seconds / total:6.0%}")
        print(f"  {'total (without start-up)':34}{total:7.2f} s")
        return
    listed = findings_file(args.units, args.assigned)
    with_list: dict[str, Callable[[], object]] = {
        "read the findings list": lambda: load_findings(campaign, listed)
    }
    loaded = load_findings(campaign, listed)
    findings = loaded.findings if loaded else []
    matched, _ = phases(campaign, folder, work, findings)
    with_list.update(matched)
    added = {name: fastest(args.repeat, run) for name, run in with_list.items()}
    print(f"{len(findings)} 交办问题, {args.assigned} a unit; without / with the list (fastest)")
    for name, seconds in added.items():
        before = times.get(name, 0.0)
        print(f"  {name:34}{before:7.2f} s{seconds:7.2f} s  +{seconds - before:5.2f} s")
    with_total = sum(added.values())
    print(
        f"  {'total (without start-up)':34}{total:7.2f} s{with_total:7.2f} s"
        f"  +{with_total - total:5.2f} s ({with_total / total:.2f}x)"
    )


if __name__ == "__main__":
    main()
