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

    python benchmarks/collect_bench.py --units 2000 --rows 20 --assigned 10 --repeat 7

With `--assigned N` a 交办问题清单 is generated too (N problems per unit, each assigned
to that unit) and each return answers its unit's problems in its first N rows (问题编号
and 问题来源 filled, 部位 and 描述 as the list has them); the big collect is then
measured without and with `--findings` in alternating turns, and the ratio printed
(target <= 1.2). `--assigned-only` measures just that pair.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
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


def write_return(
    path: Path, unit: str, rows: int, seed: int, assigned: Sequence[tuple[str, str]] = ()
) -> None:
    """A filled 附件2 as a department's office suite saves it (shared strings, real dates);
    its first rows answer the `assigned` problems (问题编号, 问题来源)."""
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
    col = {column.field: c for c, column in enumerate(COLUMNS)}
    base = date(2023, 12, 1)
    for i in range(rows):
        r = 5 + i
        done = (i + seed) % 3 == 0
        checked = base + timedelta(days=(i + seed) % 10)
        ws.write_number(r, col["seq"], i + 1)
        if i < len(assigned):
            ws.write_string(r, col["number"], assigned[i][0])
            ws.write_string(r, col["source"], assigned[i][1])
        ws.write_string(r, col["location"], location(unit, i))
        ws.write_string(r, col["item"], ITEMS[i % len(ITEMS)])
        ws.write_string(r, col["hazard"], description(i))
        ws.write_string(r, col["measures"], "立即清理杂物，更换灭火器，加强巡查")
        if i % 4 == 0:
            ws.write_string(r, col["deadline"], (checked + timedelta(days=12)).strftime("%Y.%m.%d"))
        else:
            ws.write_datetime(r, col["deadline"], checked + timedelta(days=12), day)
        ws.write_string(r, col["progress"], "已完成" if done else ("整改中" if i % 2 else "未整改"))
        ws.write_string(r, col["owner"], f"责任人{i % 7}")
        ws.write_datetime(r, col["checked_on"], checked, day)
        if done:
            ws.write_datetime(r, col["closed_on"], checked + timedelta(days=3), day)
        if i % 5 == 0:
            ws.write_string(r, col["remarks"], "历史遗留，已落实替代措施")
    ws.write_string(6 + rows, 0, "上报人：")
    ws.write_string(6 + rows, 2, "填表人")
    ws.write_string(6 + rows, 4, "联系方式：")
    ws.write_string(6 + rows, 5, "0632-0000000")
    book.close()


def location(unit: str, i: int) -> str:
    return f"{unit}第{i + 1}号楼"


def description(i: int) -> str:
    # one hazard, with what it leads to (two, apart by a comma, are told to be split since
    # session 54: every row warned, which real returns are not)
    return f"发现隐患{i + 1}：消防通道堆放杂物，堵塞疏散通道"


SOURCES = ("县级普查", "市级抽查", "省级督查", "四进巡查", "审计调查", "学校通报")
LIST_HEADERS = ("问题编号", "问题来源", "发现时间", "部位", "问题描述", "责任部门", "整改要求", "整改时限")  # fmt: skip
"""The 交办问题清单's columns, as tests/helpers.py's findings_list writes them."""


def problems(unit: str, n: int) -> list[tuple[str, str]]:
    """The 编号 and 来源 of the `n` problems assigned to `unit`."""
    return [(f"{unit}-JB{k + 1:02d}", SOURCES[k % len(SOURCES)]) for k in range(n)]


def write_findings(path: Path, units: int, n: int) -> None:
    """The 交办问题清单: `n` problems per unit, each assigned to that unit alone, stating
    the 部位 and 描述 of the rows that answer them (as an issued form pre-fills them)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("问题清单")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_string(0, 0, "各级检查发现问题交办清单")
    for c, header in enumerate(LIST_HEADERS):
        ws.write_string(2, c, header)
    r = 3
    for u in range(1, units + 1):
        unit = f"单位{u:04d}"
        for k, (number, source) in enumerate(problems(unit, n)):
            ws.write_string(r, 0, number)
            ws.write_string(r, 1, source)
            ws.write_datetime(r, 2, date(2023, 11, 1 + k % 28), day)
            ws.write_string(r, 3, location(unit, k))
            ws.write_string(r, 4, description(k))
            ws.write_string(r, 5, unit)
            ws.write_string(r, 6, "立即整改，举一反三")
            ws.write_datetime(r, 7, date(2023, 12, 31), day)
            r += 1
    book.close()


LAYOUT = hashlib.sha256(
    "|".join([*(c.header for c in COLUMNS), description(0)]).encode()
).hexdigest()[:6]
"""The generated returns' columns and words: a dataset made for others is not reused (nor
overwritten; the folder names say which they hold)."""


def dataset(units: int, rows: int, assigned: int = 0) -> tuple[Path, Path]:
    """The returns of `units` units with `rows` rows each (the first `assigned` of them
    answering the unit's problems), and the campaign; generated once."""
    if assigned > rows:
        raise SystemExit(f"--assigned {assigned} needs at least as many --rows")
    key = f"units{units}-rows{rows}-layout{LAYOUT}"
    folder = CACHE / (f"{key}-assigned{assigned}" if assigned else key)
    text = campaign_toml(units)  # keyed too: one made before [[sources]] cannot read a list
    digest = hashlib.sha256(text.encode()).hexdigest()[:6]
    campaign = CACHE / f"campaign-units{units}-{digest}.toml"
    if not campaign.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        campaign.write_text(text, encoding="utf-8")
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        started = time.perf_counter()
        for n in range(1, units + 1):
            unit = f"单位{n:04d}"
            write_return(folder / f"{unit}.xlsx", unit, rows, n, problems(unit, assigned))
        done.touch()
        print(f"generated {units} returns x {rows} rows in {time.perf_counter() - started:.1f} s")
    return folder, campaign


def findings_file(units: int, assigned: int) -> Path:
    """The 交办问题清单 of `assigned` problems per unit (outside the returns' folder)."""
    path = CACHE / f"findings-units{units}-assigned{assigned}.xlsx"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.xlsx")
        write_findings(partial, units, assigned)
        partial.replace(path)
    return path


def collect_args(folder: Path, campaign: Path, register: Path) -> list[str]:
    return ["-m", "huitoukan", "collect", str(folder), "--campaign", str(campaign),
            "--as-of", AS_OF, "-o", str(register), "--json"]  # fmt: skip


Figures = tuple[float, float, float]
"""Wall seconds, peak MB of the process, peak MB of its largest worker process."""
Run = tuple[float, float, float, float]
"""One run's Figures and the CPU seconds of the whole process tree (user + system)."""


def timed(args: list[str], cwd: Path) -> Figures:
    """One whole process, measured."""
    elapsed, main, worker, _ = timed_run(args, cwd)
    return elapsed, main, worker


PYCACHE = CACHE / "pycache"


def child_env() -> dict[str, str]:
    """The environment of a timed process: huitoukan's modules compiled once (into
    `PYCACHE`), as an installed copy has them. Where PYTHONDONTWRITEBYTECODE is set (it
    is on the machines these figures come from), every run would compile every module
    again: 0.3 s of each collect, the same with photos or without, which made the
    ratios look better than a user sees them."""
    if not PYCACHE.is_dir():
        import compileall

        sys.pycache_prefix = str(PYCACHE)
        compileall.compile_dir(str(ROOT / "src" / "huitoukan"), quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def timed_run(args: list[str], cwd: Path) -> Run:
    """One whole process, measured, its CPU time too."""
    with tempfile.NamedTemporaryFile(suffix=".rss", delete=False) as handle:
        rss_file = Path(handle.name)
    env = child_env()
    if hasattr(os, "sync"):  # the files of the run before are on disk, not written back in this one
        os.sync()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, str(HERE / "_measure.py"), str(rss_file), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers included, once reaped
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if result.returncode not in (0, 1):
        raise SystemExit(f"failed: {args}\n{result.stderr[-2000:]}")
    main, worker = (float(part) for part in (rss_file.read_text() or "0 0").split())
    rss_file.unlink()
    return elapsed, main, worker, cpu


def measure_runs(named: dict[str, list[str]], cwd: Path, repeat: int) -> dict[str, list[Run]]:
    """Each command `repeat` times, in alternating turns (the order reversed every other
    turn, so that none always runs right after another): every run's figures."""
    runs: dict[str, list[Run]] = {name: [] for name in named}
    for turn in range(repeat):
        order = list(named.items())
        for name, args in order if turn % 2 == 0 else reversed(order):
            runs[name].append(timed_run(args, cwd))
    return runs


def summary(runs: dict[str, list[Run]]) -> dict[str, Figures]:
    """Median time, largest peaks."""
    return {
        name: (
            statistics.median(t for t, _, _, _ in r),
            max(m for _, m, _, _ in r),
            max(w for _, _, w, _ in r),
        )
        for name, r in runs.items()
    }


def measure(named: dict[str, list[str]], cwd: Path, repeat: int) -> dict[str, Figures]:
    """Each command `repeat` times, in alternating turns: median time, largest peaks."""
    return summary(measure_runs(named, cwd, repeat))


def show(title: str, results: dict[str, Figures]) -> None:
    print(f"\n{title}")
    for name, (seconds, peak, worker) in results.items():
        workers = f"  (each worker <= {worker:.0f} MB)" if worker else ""
        print(f"  {name:34}{seconds:9.2f} s{peak:9.0f} MB{workers}")


COLLECT = "huitoukan collect"
WITH_LIST = "collect --findings"
FLOOR_RUN = "floor: bare calamine read"
BASELINE_RUN = "baseline: pandas + openpyxl"
LIST_TARGET = 1.2
"""collect with the 交办问题清单 / without, at most."""


def show_list_ratio(runs: dict[str, list[Run]]) -> float:
    """Print collect with the list against without it: the ratio of the median wall
    times, the median and range of each turn's ratio, and the same for CPU time (user +
    system of the process and its workers: what the list costs, less swayed by a busy
    machine than wall time); return the ratio of the medians."""
    without, with_list = runs[COLLECT], runs[WITH_LIST]
    for label, pick in (("wall", 0), ("CPU", 3)):
        before = [run[pick] for run in without]
        after = [run[pick] for run in with_list]
        ratio = statistics.median(after) / statistics.median(before)
        paired = sorted(a / b for a, b in zip(after, before, strict=True))
        print(
            f"  with / without the list, {label:4} {statistics.median(after):6.2f} s / "
            f"{statistics.median(before):5.2f} s = {ratio:.2f}x; turn by turn median "
            f"{statistics.median(paired):.2f}x, {paired[0]:.2f}-{paired[-1]:.2f}x"
        )
    print(f"  wall without: {' '.join(f'{run[0]:.2f}' for run in without)}")
    print(f"  wall with:    {' '.join(f'{run[0]:.2f}' for run in with_list)}")
    print(f"  (target: wall with / without <= {LIST_TARGET}x)")
    return statistics.median(r[0] for r in with_list) / statistics.median(r[0] for r in without)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big-rows", type=int, default=100_000)
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument(
        "--assigned",
        type=int,
        default=0,
        metavar="N",
        help="交办问题 per unit, answered in each return's first N rows: collect is also "
        "measured with --findings, in alternating turns with it without",
    )
    parser.add_argument(
        "--assigned-only",
        action="store_true",
        help="with --assigned: measure only collect without and with the list",
    )
    args = parser.parse_args()
    if args.assigned_only and not args.assigned:
        parser.error("--assigned-only needs --assigned N")
    os.environ["PYTHONPATH"] = str(ROOT / "src")
    folder, campaign = dataset(args.units, args.rows, args.assigned)
    work = Path(tempfile.mkdtemp(prefix="huitoukan-bench-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    named = {COLLECT: collect_args(folder, campaign, work / "台账.xlsx")}
    if args.assigned:
        listed = findings_file(args.units, args.assigned)
        named[WITH_LIST] = [
            *collect_args(folder, campaign, work / "台账-交办.xlsx"),
            "--findings",
            str(listed),
        ]
    if not args.assigned_only:
        named[FLOOR_RUN] = ["-c", FLOOR, str(folder)]
        if not args.skip_baseline:
            named[BASELINE_RUN] = ["-c", BASELINE, str(folder), str(work / "p.xlsx")]
    runs = measure_runs(named, work, args.repeat)
    big = summary(runs)
    answering = f", {args.assigned} answering 交办问题" if args.assigned else ""
    show(
        f"{args.units} returns x {args.rows} rows{answering} "
        f"(median of {args.repeat}, peak memory)",
        big,
    )
    list_ratio = show_list_ratio(runs) if args.assigned else None
    if args.assigned_only:
        met = list_ratio is not None and list_ratio <= LIST_TARGET
        print(f"\ntargets\n  {'met   ' if met else 'MISSED'} collect with the list within "
              f"{LIST_TARGET}x of without: {list_ratio:.2f}x")  # fmt: skip
        return
    ours, floor = big[COLLECT][0], big[FLOOR_RUN][0]
    print(f"  collect / floor = {ours / floor:.2f}x (target <= 4x)")
    if BASELINE_RUN in big:
        base = big[BASELINE_RUN][0]
        print(f"  baseline / collect = {base / ours:.1f}x faster (target >= 8x)")

    def status_args(register: Path) -> list[str]:
        return ["-m", "huitoukan", "status", str(register), "--campaign", str(campaign),
                "--as-of", AS_OF, "--json"]  # fmt: skip

    registers = {"status on the register": status_args(work / "台账.xlsx")}
    if args.assigned:
        registers["status on the register (with the list)"] = status_args(work / "台账-交办.xlsx")
    status = measure(
        registers,
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
        *((f"{name} under 1 s: {seconds:.2f} s", seconds < 1)
          for name, (seconds, _, _) in status.items()),
        (f"{args.big_rows:,}-row return under 300 MB: {max(one[name][1] for name in one):.0f} MB",
         max(one[name][1] for name in one) < 300),
        (f"school collect under 1.5 s: {small['collect 30 returns'][0]:.2f} s",
         small["collect 30 returns"][0] < 1.5),
        (f"--help under 0.25 s: {small['huitoukan --help'][0]:.2f} s",
         small["huitoukan --help"][0] < 0.25),
    ]  # fmt: skip
    if list_ratio is not None:
        checks.insert(
            0,
            (f"collect with the list within {LIST_TARGET}x of without: {list_ratio:.2f}x",
             list_ratio <= LIST_TARGET),
        )  # fmt: skip
    if BASELINE_RUN in big:
        ratio = big[BASELINE_RUN][0] / ours
        checks.insert(
            0, (f"collect at least 8x faster than the baseline: {ratio:.1f}x", ratio >= 8)
        )
    for text, met in checks:
        print(f"  {'met   ' if met else 'MISSED'} {text}")


if __name__ == "__main__":
    main()
