"""How fast and how lean is refusing a zip bomb?  (issue: untrusted returns)

    python benchmarks/hostile_bench.py [--gigabytes 1.5]

Builds (once, cached in benchmarks/.cache/) an .xlsx whose worksheet part inflates
to more than 1 GB of zeros, then, in fresh processes, times reading it with
huitoukan (which must refuse it from the zip directory alone) against simply
opening the same file with python-calamine (the floor for any read), and prints
wall time and peak memory of each.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"

HUITOUKAN = """
import resource, sys, time
from pathlib import Path
from huitoukan.campaign import default_campaign
from huitoukan.returns.batch import read_one
t = time.perf_counter()
form = read_one(Path(sys.argv[1]), default_campaign())
elapsed = time.perf_counter() - t
assert not form.readable, "bomb was not refused"
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, form.reason)
"""

OPEN_ONLY = """
import resource, sys, time, zipfile
t = time.perf_counter()
names = zipfile.ZipFile(sys.argv[1]).namelist()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(names))
"""


def build_bomb(gigabytes: float) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"bomb-{gigabytes:g}GB.xlsx"
    if path.exists():
        return path
    chunk = b"\0" * (1 << 24)
    started = time.perf_counter()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            for _ in range(int(gigabytes * 64)):
                handle.write(chunk)
    print(
        f"built {path.name}: {path.stat().st_size / 1e6:.1f} MB on disk, "
        f"{gigabytes:g} GB inflated ({time.perf_counter() - started:.1f} s)"
    )
    return path


def run(code: str, path: Path) -> tuple[float, float, float]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=2)
    return time.perf_counter() - started, float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gigabytes", type=float, default=1.5)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bomb = build_bomb(args.gigabytes)
    results: dict[str, list[tuple[float, float, float]]] = {"huitoukan": [], "zip directory": []}
    for _ in range(args.repeat):  # alternate, so both see the same machine state
        results["huitoukan"].append(run(HUITOUKAN, bomb))
        results["zip directory"].append(run(OPEN_ONLY, bomb))
    print(f"{'':16}{'process s':>10}{'in-call s':>10}{'peak MB':>9}")
    for name, rows in results.items():
        process = statistics.median(r[0] for r in rows)
        inner = statistics.median(r[1] for r in rows)
        peak = max(r[2] for r in rows)
        print(f"{name:16}{process:10.3f}{inner:10.4f}{peak:9.0f}")
    refused = statistics.median(r[1] for r in results["huitoukan"])
    peak = max(r[2] for r in results["huitoukan"])
    print(
        f"bomb refused in {refused * 1000:.1f} ms (target < 1000 ms), peak {peak:.0f} MB "
        f"(target < 200 MB): {'OK' if refused < 1 and peak < 200 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
