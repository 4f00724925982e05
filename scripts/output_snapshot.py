"""Every output huitoukan makes from examples/, as one JSON document, for comparing two versions.

    python scripts/output_snapshot.py SNAPSHOT.json

Runs a whole campaign on examples/回收 with fixed dates in a temporary folder (issue,
collect with --feedback, status --json, remind, report, the follow-up round) and writes
what a person or a program would read: every cell value of every workbook, every text
file, every JSON output and exit code. Volatile values (hashes of freshly written files,
file times, the temporary folder's path) are masked. A restructuring that changes no
behaviour leaves the snapshot identical:

    git stash && python scripts/output_snapshot.py before.json && git stash pop
    python scripts/output_snapshot.py after.json && diff before.json after.json
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
_SHA = re.compile(r"\b[0-9a-f]{64}\b")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def run(args: list[str], cwd: Path) -> dict[str, object]:
    env = {**os.environ, "COLUMNS": "200", "PYTHONUTF8": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "huitoukan", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )
    return {"args": args, "exit": done.returncode, "stdout": done.stdout, "stderr": done.stderr}


def workbook(path: Path) -> dict[str, object]:
    wb = load_workbook(path)
    return {
        ws.title: [
            [None if v is None else str(v) for v in row]
            for row in ws.iter_rows(values_only=True)
            if any(v is not None for v in row)
        ]
        for ws in wb.worksheets
    }


def tree(folder: Path) -> dict[str, object]:
    result: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        name = path.relative_to(folder).as_posix()
        if path.suffix == ".xlsx":
            result[name] = workbook(path)
        elif path.suffix in (".txt", ".json", ".toml"):
            result[name] = path.read_text("utf-8-sig")
    return result


def mask(text: str, work: Path) -> str:
    text = text.replace(str(work), "<work>")
    return _STAMP.sub("<time>", _SHA.sub("<sha256>", text))


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "examples" / "回收", work / "回收")
        commands = [
            ["issue"],
            ["collect", "回收", "--as-of", "2023-12-20", "--feedback", "退回"],
            ["collect", "回收", "--as-of", "2023-12-20", "--json", "-o", "台账2.xlsx"],
            ["status", "--as-of", "2023-12-20", "--json"],
            ["status", "--as-of", "2023-12-20"],
            ["status", "回收", "--as-of", "2023-12-20", "--json"],
            ["remind", "--as-of", "2023-12-20"],
            ["report", "--as-of", "2023-12-20"],
            [
                "issue",
                "--followup",
                "全校隐患台账.xlsx",
                "--only-open",
                "--date",
                "2023-12-21",
                "--due",
                "2023-12-28",
                "-o",
                "第二轮",
            ],
        ]
        runs = [run(args, work) for args in commands]
        snapshot = {"runs": runs, "files": tree(work)}
        text = json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True)
        out.write_text(mask(text, work) + "\n", "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
