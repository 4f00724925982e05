"""Property tests: nothing lost, order does not matter, collecting twice gives the same register."""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from huitoukan.actions.collect import collect, collect_to_register
from huitoukan.campaign import default_campaign
from huitoukan.forms.nothing_found import says_nothing_found
from huitoukan.model.returns import HazardRow, ReturnForm
from huitoukan.register.layout import HAZARD_SHEET
from huitoukan.register.merging import merge
from tests.helpers import filled_form, sheet_rows

CAMPAIGN = default_campaign()
UNITS = [u.name for u in CAMPAIGN.units]
text = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=1, max_size=12
).filter(lambda s: s.strip() and not says_nothing_found(s.strip()))
day = st.dates(min_value=date(2023, 11, 1), max_value=date(2024, 2, 1))
row = st.fixed_dictionaries(
    {
        "部位": text,
        "存在隐患问题": text,
        "整改措施": text,
        "责任人": text,
        "整改完成情况": st.sampled_from(["已完成", "整改中", "未整改", "完成", "正在整改"]),
        "检查时间": day,
        "整改时限": st.one_of(st.none(), day),
        "销号时间": st.one_of(st.none(), day),
    },
)
returns = st.lists(
    st.tuples(st.sampled_from(UNITS), st.lists(row, max_size=12), st.integers(0, 3)),
    min_size=1,
    max_size=5,
)
SETTINGS = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def write_returns(folder: Path, spec: list[tuple[str, list[dict[str, object]], int]]) -> list[Path]:
    paths = []
    for index, (unit, rows, day_offset) in enumerate(spec):
        path = folder / f"{index:02d}-{unit}.xlsx"
        filled_form(
            CAMPAIGN,
            unit,
            path,
            rows,
            form_date=date(2023, 12, 10) + timedelta(days=day_offset + index),
        )
        paths.append(path)
    return paths


@SETTINGS
@given(spec=returns)
def test_every_hazard_row_reaches_the_register(
    spec: list[tuple[str, list[dict[str, object]], int]],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "回收"
        write_returns(folder, spec)
        out = Path(tmp) / "台账.xlsx"
        result = collect_to_register(CAMPAIGN, [folder], out, date(2023, 12, 20))
        newest: dict[str, int] = {}
        for index, (unit, _, offset) in enumerate(spec):
            newest[unit] = max(newest.get(unit, -1), offset + index)
        current = {
            unit: rows
            for index, (unit, rows, offset) in enumerate(spec)
            if offset + index == newest[unit]
        }
        expected = sum(len(rows) for rows in current.values())
        vanished = sum(bool(h.vanished_from) for h in result.collection.hazards)
        register = sheet_rows(out, HAZARD_SHEET)
        assert len(register) == expected + vanished == len(result.collection.hazards)
        typed = sorted(
            (r["部位"].strip(), r["存在隐患问题"].strip())  # type: ignore[union-attr]
            for rows in current.values()
            for r in rows
        )
        written = sorted(
            (str(r["部位"]), str(r["存在隐患问题"])) for r in register if not r["新版本中消失"]
        )
        assert written == typed


@SETTINGS
@given(spec=returns, seed=st.integers(0, 1000))
def test_order_and_repetition_do_not_matter(
    spec: list[tuple[str, list[dict[str, object]], int]], seed: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "回收"
        paths = write_returns(folder, spec)
        first = collect(CAMPAIGN, [folder])
        shuffled = list(first.forms)
        random.Random(seed).shuffle(shuffled)
        assert merge(shuffled) == merge(first.forms)
        copy = Path(tmp) / "副本"
        shutil.copytree(folder, copy, copy_function=shutil.copy2)
        again = collect(CAMPAIGN, [copy])
        assert [h._replace(source_file="", vanished_from="") for h in again.hazards] == [
            h._replace(source_file="", vanished_from="") for h in first.hazards
        ]
        assert collect(CAMPAIGN, list(reversed(paths))) == collect(CAMPAIGN, paths)
        out_a, out_b = Path(tmp) / "a.xlsx", Path(tmp) / "b.xlsx"
        collect_to_register(CAMPAIGN, [folder], out_a, date(2023, 12, 20))
        collect_to_register(CAMPAIGN, [folder], out_b, date(2023, 12, 20))
        collect_to_register(CAMPAIGN, [folder], out_b, date(2023, 12, 20))
        assert sheet_rows(out_a, HAZARD_SHEET) == sheet_rows(out_b, HAZARD_SHEET)


def _row(place: str, problem: str, done: bool, n: int, file: str) -> HazardRow:
    return HazardRow(
        department="总务基建处",
        source_file=file,
        source_sheet="自查整改清单",
        source_row=6 + n,
        location=place,
        hazard=problem,
        progress="已完成" if done else "整改中",
        closed_on=date(2023, 12, 12) if done else None,
    )


edit = st.sampled_from(["keep", "reword", "drop", "close"])
places = st.sampled_from(["1号教学楼", "3号教学楼", "学生公寓", "第一食堂", "实训楼配电室"])
problems = st.sampled_from(
    ["灭火器过期", "应急照明灯不亮", "消防通道堆放杂物", "电线私拉乱接", "监控探头损坏"]
)


@settings(max_examples=200, deadline=None)
@given(
    older=st.lists(
        st.tuples(places, problems, st.booleans()), max_size=8, unique_by=lambda t: t[:2]
    ),
    edits=st.lists(edit, min_size=8, max_size=8),
    added=st.lists(st.tuples(places, problems), max_size=3),
)
def test_a_new_version_loses_no_hazard_and_gives_no_number_twice(
    older: list[tuple[str, str, bool]], edits: list[str], added: list[tuple[str, str]]
) -> None:
    """Whatever a department keeps, rewords, deletes, closes or adds in its new version:
    every hazard the old version had open is still in the register (under its first
    隐患编号, in the new version or as deleted), and no two different rows share a number."""
    first = [_row(p, t, done, n, "旧.xlsx") for n, (p, t, done) in enumerate(older)]
    newer: list[HazardRow] = []
    for row, change in zip(first, edits, strict=False):
        if change == "drop":
            continue
        hazard = f"{row.hazard}，已报修" if change == "reword" else row.hazard
        done = change == "close" or row.closed
        newer.append(_row(row.location, hazard, done, len(newer), "新.xlsx"))
    newer += [_row(p, t, False, len(newer) + n, "新.xlsx") for n, (p, t) in enumerate(added)]
    forms = [
        ReturnForm(
            file=file,
            sha256=file,
            modified=0.0,
            department="总务基建处",
            form_date=date(2023, 12, day),
            hazards=rows,
        )
        for file, day, rows in (("旧.xlsx", 10, first), ("新.xlsx", 14, newer))
    ]
    merged = merge(forms).hazards
    ids = {h.hazard_id for h in merged}
    assert all(h.hazard_id in ids for h in first if not h.closed)
    by_id: dict[str, str] = {}
    for hazard in merged:
        assert by_id.setdefault(hazard.hazard_id, hazard.key) == hazard.key
