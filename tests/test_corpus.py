"""collect over the shared real-world corpus (729 spreadsheets from many writers):
no traceback, no hang, bounded memory, and a clear outcome for every file."""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(
    os.environ.get("HUITOUKAN_CORPUS") or ROOT.parent / "shared" / "corpus" / "real-world"
)
PER_FILE_SECONDS = 10
PEAK_MB = 1024


def test_collect_over_real_world_corpus(tmp_path: Path) -> None:
    if not CORPUS.is_dir():
        message = f"real-world corpus not found at {CORPUS} (set HUITOUKAN_CORPUS)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(f"LOUD SKIP: {message}")
    manifest = (CORPUS / "MANIFEST.tsv").read_text("utf-8").splitlines()[1:]
    expected = {line.split("\t")[0] for line in manifest}
    run = subprocess.run(
        [sys.executable, "-m", "tests.corpus_driver", str(CORPUS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    result = json.loads(run.stdout)
    files = result["files"]
    seen = {Path(f["file"]).relative_to(CORPUS).as_posix() for f in files}
    assert seen == expected, f"not read: {sorted(expected - seen)[:10]}"

    table: collections.Counter[tuple[str, str]] = collections.Counter()
    for f in files:
        suffix = Path(f["file"]).suffix.lower()
        outcome = "accepted" if f["readable"] else "rejected: " + f["reason"].split("，")[0][:40]
        table[(suffix, outcome)] += 1
        assert f["readable"] or f["reason"], f"{f['file']}: rejected without a reason"
        assert "读取时出错" not in f["reason"], f"{f['file']}: unexpected exception: {f['reason']}"
        assert f["seconds"] < PER_FILE_SECONDS, f"{f['file']} took {f['seconds']:.1f} s"
    if result["peak_kb"]:
        assert result["peak_kb"] / 1024 < PEAK_MB
    lines = [f"{suffix}\t{outcome}\t{count}" for (suffix, outcome), count in sorted(table.items())]
    report = tmp_path / "corpus-outcomes.tsv"
    report.write_text("format\toutcome\tfiles\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"\n{len(files)} files, peak {result['peak_kb'] // 1024} MB; outcomes in {report}")
    print("\n".join(lines))
