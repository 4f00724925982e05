"""collect at city scale, against the obvious alternative and against the floor.

    pip install ".[bench]"
    python benchmarks/collect_bench.py --units 2000 --rows 20

Generates (once, cached in benchmarks/.cache/) a campaign of N units whose returns
hold R hazard rows each, then times whole processes in alternating turns:

- huitoukan collect, end to end (sniffing and safety checks included);
- the floor: a bare python-calamine read of every cell of the same files;
- the baseline: the clerk's pandas loop (read_excel with openpyxl per file, concat,
  to_excel);

and prints medians, peak memory (of the process, and of its largest worker process
when it reads on several cores) and the two ratios. Also measured: one return of
100,000 rows, `status` on the register written by the big collect, `huitoukan
--help`, and a school-sized collect of 30 returns.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
AS_OF = "2023-12-20"
sys.path.insert(0, str(ROOT / "src"))

from huitoukan.forms.layout import COLUMNS  # noqa: E402

FLOOR = """
import sys
from pathlib import Path
from python_calamine import CalamineWorkbook
cells = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        for row in book.get_sheet_by_name(name).to_python():
            cells += len(row)
print(cells)
"""

BASELINE = """
import sys
from pathlib import Path
import pandas as pd
frames = [pd.read_excel(p, sheet_name=0, header=None, engine="openpyxl")
          for p in sorted(Path(sys.argv[1]).glob("*.xlsx"))]
pd.concat(frames, ignore_index=True).to_excel(sys.argv[2], engine="openpyxl")
"""


def campaign_toml(units: int) -> str:
    from huitoukan.campaign import default_campaign_text

    colleges = "".join(f'\n[[colleges]]\nname = "单位{n:04d}"\n' for n in range(1, units + 1))
    text = default_campaign_text()
    return text.replace("# 附件1 项目清单", colleges + "\n# 附件1 项目清单")


ITEMS = [
    "校园交通安全教育情况。",
    "取暖安全和预防煤气（一氧化碳）中毒安全教育",
    "宿舍楼、教学楼、实验室、食堂、体育馆、图书馆、礼堂等人员密集场所消防安全责任制、消防设施设备、消防应急演练等工作落实情况。",
]


def write_return(path: Path, unit: str, rows: int, seed: int) -> None:
    """A filled 附件2 as a department's office suite saves it (shared strings, real dates)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("自查整改清单")
    day = book.add_format({"num_format": 'yyyy"年"m"月"d"日"'})
    ws.write_string(0, 0, "附件2")
    ws.write_string(1, 0, "枣庄科技职业学院安全隐患自查整改清单")
    ws.write_string(2, 0, "部门（章）：")
    ws.write_string(2, 2, unit)
    ws.write_string(2, 4, "主要负责人：")
    ws.write_string(2, 5, f"负责人{seed}")
    ws.write_string(2, 7, "日期：")
    ws.write_datetime(2, 8, date(2023, 12, 10 + seed % 5), day)
    for c, header in enumerate(column.header for column in COLUMNS):
        ws.write_string(4, c, header)
    base = date(2023, 12, 1)
    for i in range(rows):
        r = 5 + i
        done = (i + seed) % 3 == 0
        checked = base + timedelta(days=(i + seed) % 10)
        ws.write_number(r, 0, i + 1)
        ws.write_string(r, 1, f"{unit}第{i + 1}号楼")
        ws.write_string(r, 2, ITEMS[i % len(ITEMS)])
        ws.write_string(r, 3, f"发现隐患{i + 1}：消防通道堆放杂物，灭火器压力不足")
        ws.write_string(r, 4, "立即清理杂物，更换灭火器，加强巡查")
        if i % 4 == 0:
            ws.write_string(r, 5, (checked + timedelta(days=12)).strftime("%Y.%m.%d"))
        else:
            ws.write_datetime(r, 5, checked + timedelta(days=12), day)
        ws.write_string(r, 6, "已完成" if done else ("整改中" if i % 2 else "未整改"))
        ws.write_string(r, 7, f"责任人{i % 7}")
        ws.write_datetime(r, 8, checked, day)
        if done:
            ws.write_datetime(r, 9, checked + timedelta(days=3), day)
        if i % 5 == 0:
            ws.write_string(r, 10, "历史遗留，已落实替代措施")
    ws.write_string(6 + rows, 0, "上报人：")
    ws.write_string(6 + rows, 2, "填表人")
    ws.write_string(6 + rows, 4, "联系方式：")
    ws.write_string(6 + rows, 5, "0632-0000000")
    book.close()


def dataset(units: int, rows: int) -> tuple[Path, Path]:
    folder = CACHE / f"units{units}-rows{rows}"
    campaign = CACHE / f"campaign-units{units}.toml"
    if not campaign.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        campaign.write_text(campaign_toml(units), encoding="utf-8")
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        started = time.perf_counter()
        for n in range(1, units + 1):
            write_return(folder / f"单位{n:04d}.xlsx", f"单位{n:04d}", rows, n)
        done.touch()
        print(f"generated {units} returns x {rows} rows in {time.perf_counter() - started:.1f} s")
    return folder, campaign


def collect_args(folder: Path, campaign: Path, register: Path) -> list[str]:
    return ["-m", "huitoukan", "collect", str(folder), "--campaign", str(campaign),
            "--as-of", AS_OF, "-o", str(register), "--json"]  # fmt: skip


Figures = tuple[float, float, float]
"""Wall seconds, peak MB of the process, peak MB of its largest worker process."""


def timed(args: list[str], cwd: Path) -> Figures:
    """One whole process, measured."""
    with tempfile.NamedTemporaryFile(suffix=".rss", delete=False) as handle:
        rss_file = Path(handle.name)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(HERE / "_measure.py"), str(rss_file), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"failed: {args}\n{result.stderr[-2000:]}")
    main, worker = (float(part) for part in (rss_file.read_text() or "0 0").split())
    rss_file.unlink()
    return elapsed, main, worker


def measure(named: dict[str, list[str]], cwd: Path, repeat: int) -> dict[str, Figures]:
    """Each command `repeat` times, in alternating turns: median time, largest peaks."""
    runs: dict[str, list[Figures]] = {name: [] for name in named}
    for _ in range(repeat):
        for name, args in named.items():
            runs[name].append(timed(args, cwd))
    return {
        name: (
            statistics.median(t for t, _, _ in r),
            max(m for _, m, _ in r),
            max(w for _, _, w in r),
        )
        for name, r in runs.items()
    }


def show(title: str, results: dict[str, Figures]) -> None:
    print(f"\n{title}")
    for name, (seconds, peak, worker) in results.items():
        workers = f"  (each worker <= {worker:.0f} MB)" if worker else ""
        print(f"  {name:34}{seconds:9.2f} s{peak:9.0f} MB{workers}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big-rows", type=int, default=100_000)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()
    os.environ["PYTHONPATH"] = str(ROOT / "src")
    folder, campaign = dataset(args.units, args.rows)
    work = Path(tempfile.mkdtemp(prefix="huitoukan-bench-"))
    named = {
        "huitoukan collect": collect_args(folder, campaign, work / "台账.xlsx"),
        "floor: bare calamine read": ["-c", FLOOR, str(folder)],
    }
    if not args.skip_baseline:
        named["baseline: pandas + openpyxl"] = ["-c", BASELINE, str(folder), str(work / "p.xlsx")]
    big = measure(named, work, args.repeat)
    show(f"{args.units} returns x {args.rows} rows (median of {args.repeat}, peak memory)", big)
    ours, floor = big["huitoukan collect"][0], big["floor: bare calamine read"][0]
    print(f"  collect / floor = {ours / floor:.2f}x (target <= 4x)")
    if "baseline: pandas + openpyxl" in big:
        base = big["baseline: pandas + openpyxl"][0]
        print(f"  baseline / collect = {base / ours:.1f}x faster (target >= 8x)")

    status = measure(
        {
            "status on the register": [
                "-m",
                "huitoukan",
                "status",
                str(work / "台账.xlsx"),
                "--campaign",
                str(campaign),
                "--as-of",
                AS_OF,
                "--json",
            ]
        },
        work,
        max(args.repeat, 7),  # a short run: more of them, against the machine's swings
    )
    show("status on the big register (target < 1 s)", status)

    one_folder, one_campaign = dataset(1, args.big_rows)
    one = measure(
        {
            f"collect one {args.big_rows:,}-row return": collect_args(
                one_folder, one_campaign, work / "one.xlsx"
            )
        },
        work,
        args.repeat,
    )
    show(f"one return of {args.big_rows} rows (target < 300 MB)", one)

    school, school_campaign = dataset(30, args.rows)
    small = measure(
        {
            "collect 30 returns": collect_args(school, school_campaign, work / "school.xlsx"),
            "huitoukan --help": ["-m", "huitoukan", "--help"],
        },
        work,
        max(args.repeat, 5),
    )
    show("school scale (targets: collect < 1.5 s, --help < 0.25 s)", small)
    shutil.rmtree(work, ignore_errors=True)

    print("\ntargets")
    checks = [
        (f"collect within 4x of the floor: {ours / floor:.1f}x", ours / floor <= 4),
        (f"status on the register under 1 s: {status['status on the register'][0]:.2f} s",
         status["status on the register"][0] < 1),
        (f"{args.big_rows:,}-row return under 300 MB: {max(one[name][1] for name in one):.0f} MB",
         max(one[name][1] for name in one) < 300),
        (f"school collect under 1.5 s: {small['collect 30 returns'][0]:.2f} s",
         small["collect 30 returns"][0] < 1.5),
        (f"--help under 0.25 s: {small['huitoukan --help'][0]:.2f} s",
         small["huitoukan --help"][0] < 0.25),
    ]  # fmt: skip
    if "baseline: pandas + openpyxl" in big:
        ratio = big["baseline: pandas + openpyxl"][0] / ours
        checks.insert(
            0, (f"collect at least 8x faster than the baseline: {ratio:.1f}x", ratio >= 8)
        )
    for text, met in checks:
        print(f"  {'met   ' if met else 'MISSED'} {text}")


if __name__ == "__main__":
    main()
