"""Property tests for 交办问题: every part of every problem kept once, answered or 未反馈,
whatever the list and the returns look like; order and repetition do not matter."""

from __future__ import annotations

import itertools
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from huitoukan.actions.collect import collect_to_register
from huitoukan.campaign import default_campaign
from huitoukan.findings.reading import derived_number, read_findings
from huitoukan.findings.similarity import MATCH, score
from huitoukan.model.findings import PartState
from huitoukan.model.problems import Code, Severity
from huitoukan.register.layout import ASSIGNED_SHEET
from tests.helpers import answer, filled_form, findings_list, hazard, sheet_rows

CAMPAIGN = default_campaign()
UNITS = [u.name for u in CAMPAIGN.units]
AS_OF = date(2023, 12, 20)
UNASSIGNED = "未分配"

PLACES = ("教学楼", "实训楼", "学生公寓", "图书馆", "办公楼", "实验楼", "体育馆")
DESCRIPTIONS = (
    "二楼走廊灭火器压力不足",
    "消防通道堆放杂物",
    "安全出口指示灯损坏",
    "配电室门未上锁",
    "监控摄像头无画面",
    "楼梯扶手松动",
    "应急照明灯不亮",
    "电动车在楼道充电",
    "围墙开裂倾斜",
    "燃气管道未设报警器",
)
OWN_ROWS = (  # what departments find themselves: like none of the problems above
    hazard(部位="操场看台", 存在隐患问题="看台栏杆松动"),
    hazard(部位="东门", 存在隐患问题="门卫值班记录不全"),
    hazard(部位="食堂后厨", 存在隐患问题="排烟罩油污较多", 整改完成情况="整改中"),
)


def date_cell(earliest: date, latest: date) -> st.SearchStrategy[object]:
    """A date between the two as a list's clerk types it (or none)."""
    day = st.dates(min_value=earliest, max_value=latest)
    return st.one_of(
        st.none(),
        day,  # a date cell
        day.map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
        day.map(lambda d: f"{d.year}/{d.month}/{d.day}"),
        day.map(date.isoformat),
        day.filter(lambda d: d.year == 2023).map(lambda d: f"{d.month}月{d.day}日"),
    )


found_cell = date_cell(date(2023, 11, 1), date(2023, 11, 30))
deadline_cell = date_cell(date(2023, 12, 1), date(2024, 1, 31))  # after any 发现时间
source_spelling = st.sampled_from(
    [(s.name, spelled) for s in CAMPAIGN.sources for spelled in (s.name, *s.aliases)]
)
unit_spelling = {
    u.name: st.sampled_from((u.name, *u.aliases)) for u in CAMPAIGN.units
}  # each unit by its name or an alias
separator = st.sampled_from(["、", "，", ",", " ", "\n", "；", "、 "])


@dataclass
class Spec:
    """One problem of the list, as typed, and what it should become."""

    number: str
    """The 编号 it should get (typed, or derived when blank)."""
    row: dict[str, object]
    departments: tuple[str, ...]
    location: str
    description: str
    source: str


@dataclass
class Return:
    """What one department sends back."""

    by_number: dict[str, dict[str, object]] = field(default_factory=dict)
    by_content: dict[str, dict[str, object]] = field(default_factory=dict)
    """编号 → a plain row stating the problem's 部位 and 描述, its 编号 lost."""
    own: list[dict[str, object]] = field(default_factory=list)


@st.composite
def problem_lists(draw: st.DrawFn) -> list[Spec]:
    count = draw(st.integers(1, 8))
    buildings = draw(st.lists(st.integers(1, 40), min_size=count, max_size=count, unique=True))
    specs = []
    for index, building in enumerate(buildings):
        source, spelled = draw(source_spelling)
        units: list[str] = []
        if draw(st.sampled_from([True, True, True, False])):  # a few no one could be given
            units = draw(st.lists(st.sampled_from(UNITS), min_size=1, max_size=3, unique=True))
        location = f"{building}号{draw(st.sampled_from(PLACES))}"
        description = draw(st.sampled_from(DESCRIPTIONS))
        typed = draw(st.sampled_from(["", f"JB-{index + 1:02d}", f"{index + 1}"]))
        row: dict[str, object] = {
            "问题编号": typed or None,
            "问题来源": spelled,
            "发现时间": draw(found_cell),
            "部位": location,
            "问题描述": description,
            "责任部门": draw(separator).join(draw(unit_spelling[u]) for u in units) or None,
            "整改要求": draw(st.sampled_from([None, "立即整改", "限期整改，举一反三"])),
            "整改时限": draw(deadline_cell),
        }
        number = typed or derived_number(source, location, description)
        specs.append(Spec(number, row, tuple(units), location, description, source))
    # Each problem unlike every other (different buildings): an answer stating one by its
    # content cannot be taken for another.
    for a, b in itertools.combinations(specs, 2):
        assume(score(a.location, a.description, b.location, b.description) < MATCH)
    return specs


PROGRESS: list[dict[str, object]] = [
    {"整改完成情况": "已完成", "销号时间": date(2023, 12, 12)},
    {"整改完成情况": "整改中"},
    {"整改完成情况": "未整改", "整改时限": date(2023, 12, 18)},
    {"整改完成情况": "整改中", "整改时限": date(2024, 1, 10), "备注": "历史遗留"},
]
progress = st.sampled_from(PROGRESS)


@st.composite
def returns(draw: st.DrawFn, specs: list[Spec]) -> dict[str, Return]:
    """Per department that returns: its answers (by 编号, by content, or none)."""
    result: dict[str, Return] = {}
    for unit in UNITS:
        assigned = any(unit in s.departments for s in specs)
        if not draw(st.sampled_from([True, True, False] if assigned else [False, False, True])):
            continue  # not returned at all
        sent = result[unit] = Return()
        for spec in (s for s in specs if unit in s.departments):
            how = draw(st.sampled_from(["number", "number", "content", "none"]))
            if how == "number":
                sent.by_number[spec.number] = answer(**draw(progress))
            elif how == "content":
                typed: list[dict[str, object]] = [{}, {"问题来源": spec.source}]
                extra = draw(st.sampled_from(typed))
                sent.by_content[spec.number] = hazard(
                    部位=spec.location, 存在隐患问题=spec.description, **extra, **draw(progress)
                )
        sent.own = draw(st.lists(st.sampled_from(OWN_ROWS), max_size=2, unique_by=id))
    return result


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[Spec], dict[str, Return], list[int]]:
    specs = draw(problem_lists())
    sent = draw(returns(specs))
    order = draw(st.permutations(range(len(sent))))
    return specs, sent, order


def all_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every sheet's cell values (what a reader sees, not the bytes)."""
    book = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scenario=scenarios())
def test_every_part_of_every_problem_is_kept_answered_or_not(
    scenario: tuple[list[Spec], dict[str, Return], list[int]],
) -> None:
    specs, sent, order = scenario
    with tempfile.TemporaryDirectory() as tmp:
        listed = findings_list(Path(tmp) / "问题清单.xlsx", [s.row for s in specs])
        findings = read_findings(listed, CAMPAIGN).findings
        assert [f.number for f in findings] == [s.number for s in specs]
        folder = Path(tmp) / "回收"
        paths = []
        for unit, answers in sent.items():
            paths.append(
                filled_form(
                    CAMPAIGN,
                    unit,
                    folder / f"{unit}.xlsx",
                    [*answers.by_content.values(), *answers.own],
                    assigned=findings,
                    answers=answers.by_number,
                )
            )
        folder.mkdir(exist_ok=True)  # no department may have returned
        register = Path(tmp) / "台账.xlsx"
        result = collect_to_register(CAMPAIGN, [folder], register, AS_OF, findings_file=listed)

        expected = Counter((s.number, unit) for s in specs for unit in s.departments)
        answered = {
            (number, unit)
            for unit, answers in sent.items()
            for number in [*answers.by_number, *answers.by_content]
        }
        unanswered = Counter(
            (unit, pair[0])
            for pair in expected
            if (unit := pair[1]) in sent and pair not in answered
        )

        parts = result.status.parts
        assert Counter((p.number, p.department) for p in parts) == expected
        for part in parts:
            is_answered = (part.number, part.department) in answered
            assert part.answered == is_answered, part
            assert (part.state is PartState.UNANSWERED) == (not is_answered), part

        rows = sheet_rows(register, ASSIGNED_SHEET)
        assigned_rows = [r for r in rows if r["责任部门"] != UNASSIGNED]
        assert Counter((r["问题编号"], r["责任部门"]) for r in assigned_rows) == expected
        for r in assigned_rows:
            is_answered = (r["问题编号"], r["责任部门"]) in answered
            assert (r["状态"] == PartState.UNANSWERED.value) == (not is_answered), r
        lone = [(r["问题编号"], r["状态"]) for r in rows if r["责任部门"] == UNASSIGNED]
        assert Counter(lone) == Counter((s.number, UNASSIGNED) for s in specs if not s.departments)

        problems = result.collection.problems
        omitted = [p for p in problems if p.code is Code.ASSIGNMENT_UNANSWERED]
        assert all(p.severity is Severity.ERROR for p in omitted)
        assert Counter((p.department, p.value) for p in omitted) == unanswered
        retyped = [p for p in problems if p.code is Code.ASSIGNMENT_MATCHED_BY_CONTENT]
        assert len(retyped) == sum(len(a.by_content) for a in sent.values())

        # Collecting again, into the same register or from the files in another order,
        # gives the same register.
        first = all_values(register)
        collect_to_register(CAMPAIGN, [folder], register, AS_OF, findings_file=listed)
        assert all_values(register) == first
        shuffled = Path(tmp) / "shuffled.xlsx"
        reordered = [paths[i] for i in order] or [folder]
        collect_to_register(CAMPAIGN, reordered, shuffled, AS_OF, findings_file=listed)
        again = Path(tmp) / "again.xlsx"
        collect_to_register(CAMPAIGN, reordered[::-1], again, AS_OF, findings_file=listed)
        assert all_values(shuffled) == all_values(again) == first
