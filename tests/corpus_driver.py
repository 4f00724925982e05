"""Run collect over a folder and print, as JSON, per-file outcomes, times and peak memory.

Used by tests/test_corpus.py in a child process, so a crash, a hang or a memory
blow-up in any reader shows up as a failed test instead of taking pytest down.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from huitoukan.actions.collect import collect
from huitoukan.campaign import default_campaign


def main(folder: Path) -> None:
    times: dict[str, float] = {}
    last: list[object] = [None, time.perf_counter()]

    def progress(index: int, total: int, path: Path) -> None:
        now = time.perf_counter()
        if last[0] is not None:
            times[str(last[0])] = now - float(last[1])  # type: ignore[arg-type]
        last[:] = [path, now]

    collection = collect(default_campaign(), [folder], on_file=progress)
    if last[0] is not None:
        times[str(last[0])] = time.perf_counter() - float(last[1])  # type: ignore[arg-type]
    try:
        import resource

        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except ImportError:  # Windows
        peak_kb = 0
    files = [
        {
            "file": f.file,
            "readable": f.readable,
            "reason": f.reason,
            "outcome": collection.outcomes[f.file].value,
            "seconds": times.get(f.file, 0.0),
        }
        for f in collection.forms
    ]
    json.dump(
        {"files": files, "skipped": [s.file for s in collection.skipped], "peak_kb": peak_kb},
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
