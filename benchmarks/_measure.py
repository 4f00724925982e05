"""Run a Python target (`-m module args...` or `-c code args...`) and print its peak RSS.

    python benchmarks/_measure.py OUT_FILE -m huitoukan collect ...

The peak resident set size (MB) of this process, and that of its largest child
process (0 when it started none), are written to OUT_FILE at exit, whatever the
target's exit code; the target's own output goes where it goes.
"""

from __future__ import annotations

import atexit
import resource
import runpy
import sys
from pathlib import Path


def main() -> None:
    out = Path(sys.argv[1])
    kind, target, *args = sys.argv[2:]

    def report() -> None:
        # VmHWM is this process's own peak; ru_maxrss may include the parent's, as it
        # survives exec on Linux.
        try:
            status = Path("/proc/self/status").read_text()
            peak_kb = next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")
            )
        except (OSError, StopIteration):
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        # Worker processes (collect reads on several cores): the largest one's peak.
        worker_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        out.write_text(f"{peak_kb / 1024} {worker_kb / 1024}")

    atexit.register(report)
    if kind == "-m":
        sys.argv = [target, *args]
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        sys.argv = ["-c", *args]
        exec(compile(target, "<benchmark>", "exec"), {"__name__": "__main__"})


if __name__ == "__main__":
    main()
