"""Merging versions of a return in which a department reworded every hazard, against the
same versions with nothing reworded.

    python benchmarks/reworded_bench.py

Each reworded row is paired with the older row it rewords (`register.merging._Lineage`:
the older rows sharing the most characters with it scored in full by the 追责 similarity
score); the exact-wording case is a dictionary lookup. Prints the medians and the ratio,
and checks every row kept its first 隐患编号.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from huitoukan.model.returns import HazardRow, ReturnForm
from huitoukan.register.merging import merge

PLACES = ["教学楼", "实训楼", "学生公寓", "食堂", "图书馆", "体育馆", "办公楼", "地下车库"]
DEFECTS = ["灭火器过期", "应急照明灯不亮", "疏散指示标志损坏", "电线老化", "消防通道堵塞"]


def rows(count: int, reworded: bool) -> list[HazardRow]:
    return [
        HazardRow(
            department="总务基建处",
            source_file=f"第{1 + reworded}版.xlsx",
            source_sheet="自查整改清单",
            source_row=6 + i,
            location=f"{i % 9 + 1}号{PLACES[i % 8]}{i // 72 + 1}层",
            hazard=f"{100 + i}室{DEFECTS[(i * 7) % 5]}" + ("，已报修待更换" if reworded else ""),
        )
        for i in range(count)
    ]


def versions(count: int, reworded: bool) -> list[ReturnForm]:
    return [
        ReturnForm(
            file=f"第{n + 1}版.xlsx",
            sha256=f"{n}",
            modified=0.0,
            department="总务基建处",
            form_date=date(2023, 12, 10 + n),
            hazards=rows(count, reworded and n == 1),
        )
        for n in (0, 1)
    ]


def timed(forms: list[ReturnForm], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        merge(forms)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print("rows  same wording  all reworded  ratio")
    for count in (50, 200, 500, 2000):
        same, changed = versions(count, False), versions(count, True)
        first = {h.source_row: h.own_id for h in changed[0].hazards}
        kept = merge(changed).hazards
        assert [h.hazard_id for h in kept] == [first[h.source_row] for h in kept], "mispaired"
        a, b = timed(same, args.repeat), timed(changed, args.repeat)
        print(f"{count:4}  {a * 1000:9.1f} ms  {b * 1000:9.1f} ms  {b / a:5.1f}x")


if __name__ == "__main__":
    main()
