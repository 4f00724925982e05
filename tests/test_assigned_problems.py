"""回头看 itself: problems earlier inspections found, assigned to departments, answered, followed
until 清零, and sampled as the 督导组 would. Nothing on the list, and nothing a department
wrote, is ever dropped."""

from __future__ import annotations

import json
import os
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

from huitoukan.actions.collect import CollectResult, collect, collect_to_register
from huitoukan.campaign import Campaign, default_campaign_text
from huitoukan.campaign.loading import parse_campaign
from huitoukan.cli import app
from huitoukan.dates import chinese_date
from huitoukan.errors import HuitoukanError
from huitoukan.findings.answers import given_day
from huitoukan.findings.crosscheck import Verdict
from huitoukan.findings.reading import FindingsError, derived_number, read_findings
from huitoukan.forms.issuing import fill_form, form_file_name, issue_forms
from huitoukan.forms.layout import ASSIGNED_SHEET, FORM_SHEET
from huitoukan.forms.templates import FORM_TEMPLATE, template_path
from huitoukan.letters.feedback import write_feedback
from huitoukan.letters.notices import notices
from huitoukan.model.findings import Finding, PartState
from huitoukan.model.problems import Code, Severity
from huitoukan.model.returns import STILL_THERE, FileOutcome, HazardRow
from huitoukan.register.layout import ASSIGNED_SHEET as REGISTER_ASSIGNED
from huitoukan.register.layout import HAZARD_SHEET, SUMMARY_SHEET
from huitoukan.register.merging import Collection
from huitoukan.register.reading import changed_by_hand, read_register
from tests.helpers import (
    LIST_HEADERS,
    answer,
    city_finding,
    closed,
    filled_form,
    findings_list,
    hazard,
    header_position,
    not_as_issued,
    set_label,
    sheet_rows,
)
from tests.photo_forms import paste_photos
from tests.picture_builders import png

AS_OF = date(2023, 12, 20)
ROWS: list[dict[str, object]] = [
    {
        "问题编号": "XJ-01",
        "问题来源": "县（市、区）普查",
        "发现时间": "2023年11月10日",
        "部位": "3号教学楼",
        "问题描述": "二楼走廊灭火器压力不足",
        "责任部门": "保卫处",
        "整改要求": "更换灭火器，建立月检制度",
        "整改时限": date(2023, 12, 15),
    },
    {
        "问题编号": "SD-01",
        "问题来源": "省第六轮督查",
        "发现时间": "2023/11/20",
        "部位": "北围墙",
        "问题描述": "围墙约15米段开裂倾斜",
        "责任部门": "安全保卫处、总务基建处",
        "整改要求": "设置围挡，列入维修计划",
        "整改时限": "2023-12-30",
    },
    {
        "问题来源": "学校通报",
        "发现时间": "12月1日",
        "部位": "门诊楼",
        "问题描述": "消防通道堆放杂物",
        "责任部门": "医院",
        "整改要求": "立即清理",
    },
    {
        "问题编号": "4J-01",
        "问题来源": "四进",
        "部位": "岗亭",
        "问题描述": "一键报警装置未与公安联网",
        "责任部门": "警务室",
    },
    {"问题编号": "QT-01", "问题来源": "其他", "部位": "西侧道路", "问题描述": "路灯损坏"},
]
ORDER = ("问题描述", "责任部门", "问题编号", "部位", "整改时限", "问题来源", "整改要求", "发现时间")


@pytest.fixture
def listed(campaign: Campaign, tmp_path: Path) -> Path:
    return findings_list(tmp_path / "问题清单.xlsx", ROWS, ORDER)


@pytest.mark.parametrize(
    ("deadline", "error"),
    [
        (date(2023, 11, 9), True),  # the day before the problem was found
        (date(2023, 11, 10), False),  # the same day
    ],
)
def test_a_deadline_before_the_problem_was_found_is_an_error_in_the_list(
    campaign: Campaign, tmp_path: Path, deadline: date, error: bool
) -> None:
    """A 整改时限 before the 发现时间 cannot be right: the list is refused (the department
    would otherwise be told its row is wrong), naming the cell."""
    listed = findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 整改时限=deadline)])
    if not error:
        assert not read_findings(listed, campaign).problems
        return
    with pytest.raises(FindingsError) as refused:
        read_findings(listed, campaign)
    [said] = refused.value.problems
    assert (said.code, said.cell) == (Code.FINDING_DEADLINE_BEFORE_FOUND, "H4")
    assert said.message == "整改时限 2023年11月9日 早于发现时间 2023年11月10日，请核对"


@pytest.mark.parametrize(("days_before", "asked"), [(3 * 366, False), (3 * 366 + 1, True)])
def test_a_problem_found_years_before_the_campaign_is_asked_about(
    campaign: Campaign, tmp_path: Path, days_before: int, asked: bool
) -> None:
    """2014 typed for 2024: a warning on the 发现时间 (回头看 does look back, at most a few
    years; an old problem may stand as it is)."""
    found = campaign.info.issued_on - timedelta(days=days_before)
    listed = findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 发现时间=found)])
    said = [p.code for p in read_findings(listed, campaign).problems]
    assert said == ([Code.FINDING_LONG_AGO] if asked else [])


@pytest.mark.parametrize("typed", [None, 1])
def test_a_problem_carried_over_from_last_year_keeps_its_day_without_an_error(
    campaign: Campaign, tmp_path: Path, typed: int | None
) -> None:
    """XJ-01, found 400 days before the campaign (last year's, listed again as the README
    says): the issued form prefills its 检查时间 with that day, which was an error “早于本次
    活动印发日期一年以上” the department could not mend (clerk trial 143). The prefilled day
    is the list's; a day the department typed itself, as old, is asked about still."""
    from tests.helpers import answer

    found = campaign.info.issued_on - timedelta(days=400)
    listed = read_findings(
        findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 发现时间=found)]), campaign
    ).findings
    checked = found if typed is None else found + timedelta(days=typed)
    returns = tmp_path / "回收"
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [], assigned=listed,
                answers={"XJ-01": answer(检查时间=checked)})  # fmt: skip
    collection = collect(campaign, [returns], as_of=AS_OF, findings=listed)
    [row] = collection.hazards
    said = [p for p in collection.problems if p.code is Code.IMPLAUSIBLE_DATE]
    assert [p.field for p in said] == ([] if typed is None else ["检查时间"])
    assert row.errors == len(said)


def test_a_list_written_by_another_program_is_read(campaign: Campaign, listed: Path) -> None:
    result = read_findings(listed, campaign)
    by_number = {f.number: f for f in result.findings}
    derived = derived_number("学校通报", "门诊楼", "消防通道堆放杂物")
    assert list(by_number) == ["XJ-01", "SD-01", derived, "4J-01", "QT-01"]
    assert by_number["XJ-01"].source == "县级普查" and by_number["SD-01"].source == "省级督查"
    assert by_number["SD-01"].departments == ("安全保卫处", "总务基建处")
    assert by_number["XJ-01"].found_on == date(2023, 11, 10)
    assert by_number[derived].found_on == date(2023, 12, 1)
    assert by_number["QT-01"].departments == ()
    codes = {(p.code, p.severity) for p in result.problems}
    assert codes == {
        (Code.FINDING_NUMBER_DERIVED, Severity.WARNING),
        (Code.FINDING_UNASSIGNED, Severity.WARNING),
        (Code.FINDING_NO_FOUND_DATE, Severity.WARNING),
    }
    # 4J-01 and QT-01 give no 发现时间: said (accepted without a word, it judged nothing:
    # whether a department found a hazard first, a closing before it: clerk trial 69)
    undated = [p.row for p in result.problems if p.code is Code.FINDING_NO_FOUND_DATE]
    assert undated == [7, 8]
    again = read_findings(
        findings_list(listed.with_name("again.xlsx"), ROWS[::-1], ORDER), campaign
    )
    assert derived in {f.number for f in again.findings}  # the same number wherever the row is


def test_a_column_the_list_does_not_know_is_said_not_dropped_silently(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Clerk trial 111: a 备注 the office added to the list (督办 notes for the departments)
    reached no form and no register, without a word. Said on its header cell; a 序号 beside
    the 问题编号 and a column left empty are not."""
    rows = [{**row, "序号": n, "备注": "", "督办情况": ""} for n, row in enumerate(ROWS, 1)]
    rows[1]["备注"] = "已约谈责任部门负责人"
    order = ("序号", *ORDER, "督办情况", "备注")
    result = read_findings(findings_list(tmp_path / "问题清单.xlsx", rows, order), campaign)
    [said] = [p for p in result.problems if p.code is Code.FINDING_UNREAD_COLUMN]
    assert (said.severity, said.sheet, said.cell, said.field) == (
        Severity.WARNING,
        "问题清单",
        "K3",
        "备注",
    )
    assert said.message.startswith("这一列不是交办问题清单的栏目，其内容不会写进下发给部门的表格")
    assert not said.value  # the heading is the field: not said twice (clerk trial 113)
    assert len(result.findings) == len(ROWS)
    inspected = read_findings(tmp_path / "问题清单.xlsx", campaign, inspection=True)
    assert Code.FINDING_UNREAD_COLUMN not in {p.code for p in inspected.problems}


@pytest.mark.parametrize(
    "retitled",
    ["时限", "限期", "期限", "整改限期"]  # trial 98
    + ["要求完成时间", "整改截止日期", "截止日期", "限期整改", "办结时限", "时限要求"]  # 99
    + ["应完成时间", "最迟完成日期", "计划完成日期", "办结期限", "期限要求"],  # session 23
)
def test_a_lists_deadline_column_in_fewer_words_is_read(
    campaign: Campaign, tmp_path: Path, retitled: str
) -> None:
    """整改时限 headed 限期 (or 时限, 期限) in an inspection's list: every deadline was
    dropped without a word, an overdue problem not overdue (clerk trial 98)."""
    plain = read_findings(findings_list(tmp_path / "a.xlsx", ROWS, ORDER), campaign)
    order = tuple(retitled if h == "整改时限" else h for h in ORDER)
    rows = [{(retitled if k == "整改时限" else k): v for k, v in r.items()} for r in ROWS]
    changed = read_findings(findings_list(tmp_path / "b.xlsx", rows, order), campaign)
    assert [f.deadline for f in changed.findings] == [f.deadline for f in plain.findings]
    assert any(f.deadline for f in plain.findings)


def test_a_list_without_a_deadline_column_is_warned_of_once(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A list whose 整改时限 is headed in words not known (or missing): every problem took
    the campaign's default without a word, an overdue one not overdue (clerk trial 99)."""
    order = tuple(h if h != "整改时限" else "何时整改完" for h in ORDER)
    rows = [{(k if k != "整改时限" else "何时整改完"): v for k, v in r.items()} for r in ROWS]
    result = read_findings(findings_list(tmp_path / "清单.xlsx", rows, order), campaign)
    [said] = [p for p in result.problems if p.code is Code.FINDING_NO_DEADLINE_COLUMN]
    assert (said.severity, said.sheet, said.row) == (Severity.WARNING, "问题清单", 3)
    assert said.message.startswith(
        "工作表“问题清单”中找不到“整改时限”一栏，其中的问题都按活动默认整改时限"
    )
    plain = read_findings(findings_list(tmp_path / "整改时限.xlsx", ROWS, ORDER), campaign)
    assert Code.FINDING_NO_DEADLINE_COLUMN not in {p.code for p in plain.problems}
    # said on collect too: a list often comes after the forms went out (trial 100)
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [hazard()])
    listed = findings_list(tmp_path / "清单.xlsx", rows, order)
    collected = collect_to_register(
        campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    ).collection
    assert [p.file for p in collected.problems if p.code is Code.FINDING_NO_DEADLINE_COLUMN] == [
        said.file
    ]


def test_a_list_with_a_header_of_two_rows_is_read_as_one(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """A heading merged over 部位 and 整改时限, their names in the row below, the other
    headers merged down over both rows: the list as it is with one header row."""
    from openpyxl.utils import get_column_letter

    book = load_workbook(listed)
    ws = book.active
    row = 3  # (findings_list: a title, a blank row, the header)
    assert [ws.cell(row, c).value for c in (4, 5)] == ["部位", "整改时限"]
    ws.insert_rows(row)
    for column in range(1, len(ORDER) + 1):
        if column not in (4, 5):
            ws.cell(row, column).value = ws.cell(row + 1, column).value
            ws.cell(row + 1, column).value = None
            letter = get_column_letter(column)
            ws.merge_cells(f"{letter}{row}:{letter}{row + 1}")
    ws.cell(row, 4).value = "整改安排"
    ws.merge_cells(f"D{row}:E{row}")
    two_rows = tmp_path / "两行表头.xlsx"
    book.save(two_rows)
    plain, changed = read_findings(listed, campaign), read_findings(two_rows, campaign)
    assert [(f.model_dump(exclude={"file", "row"}), f.row) for f in changed.findings] == [
        (f.model_dump(exclude={"file", "row"}), f.row + 1) for f in plain.findings
    ]
    assert [(p.code, p.row) for p in changed.problems] == [
        (p.code, p.row and p.row + 1) for p in plain.problems
    ]


def _guard_answers_xj01_without_deadline(campaign: Campaign, listed: Path, folder: Path) -> None:
    """安全保卫处's return answering its two problems, XJ-01 without a 整改时限 of its own."""
    filled_form(
        campaign,
        "安全保卫处",
        folder / "保卫处.xlsx",
        [],
        assigned=read_findings(listed, campaign).findings,
        answers={"XJ-01": answer(整改时限=None), "SD-01": answer(整改时限=date(2023, 12, 30))},
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ({}, False),  # as issued
        ({"存在隐患问题": " 二楼走廊灭火器压力不足 "}, False),  # spaces around: the same
        ({"存在隐患问题": "二楼走廊个别灭火器压力略低"}, True),
        ({"部位": "3号楼"}, True),
    ],
)
def test_an_assigned_problem_restated_on_its_row_is_said(
    campaign: Campaign, listed: Path, tmp_path: Path, typed: dict[str, object], said: bool
) -> None:
    """The form's locked 问题描述 unlocked and softened (“值班记录个别不全”): the new wording
    went into the register, status and the report without a word (clerk trial 127)."""
    from tests.helpers import read_form

    path = filled_form(
        campaign,
        "安全保卫处",
        tmp_path / "保卫处.xlsx",
        [],
        assigned=read_findings(listed, campaign).findings,
        answers={"XJ-01": answer(**typed), "SD-01": answer()},
    )
    form = read_form(path, campaign)
    restated = [p for p in form.problems if p.code is Code.ASSIGNMENT_RESTATED]
    assert bool(restated) is said
    if said:
        [p] = restated
        assert p.message.startswith(
            "交办问题 XJ-01 下发时是“3号教学楼：二楼走廊灭火器压力不足”，这一行改成了"
        )
        field = "location" if "部位" in typed else "hazard"
        assert p.cell.startswith(form.column_letters[field]) and p.severity is Severity.WARNING
        assert p.message.endswith("台账按下发时的内容记")
    # the register, status and the report keep the wording the problem was issued with
    # (said, the department's went into all three: clerk trial 128)
    [row] = [h for h in form.hazards if h.number == "XJ-01"]
    assert (row.location, row.hazard) == ("3号教学楼", "二楼走廊灭火器压力不足")


def test_an_answer_without_a_deadline_takes_the_problems(
    runner: CliRunner, campaign: Campaign, listed: Path, chdir_tmp: Path
) -> None:
    """The row answering XJ-01 (整改时限 12月15日 on the list) leaves its own blank: the
    register, status and reminders judge it against the problem's, not the campaign's
    default (12月31日)."""
    _guard_answers_xj01_without_deadline(campaign, listed, chdir_tmp / "回收")
    args = ["--as-of", "2023-12-20", "--findings", str(listed)]
    collected = runner.invoke(app, ["collect", "回收", *args])
    said = "".join(collected.output.split())  # wrapped at 80 columns
    assert "按交办问题XJ-01的整改时限2023年12月15日计" in said
    assert "暂按活动默认整改时限" not in collected.output
    rows = {r["问题编号"]: r for r in sheet_rows(chdir_tmp / "全校隐患台账.xlsx", HAZARD_SHEET)}
    assert rows["XJ-01"]["时限来源"] == "交办要求" and rows["XJ-01"]["状态"] == "逾期"
    assert rows["XJ-01"]["整改时限"].date() == date(2023, 12, 15)  # type: ignore[union-attr]
    status = json.loads(runner.invoke(app, ["status", "--json", *args]).stdout)
    [xj] = [v for v in status["overdue"] if v["location"] == "3号教学楼"]
    assert xj["days_overdue"] == 5
    runner.invoke(app, ["remind", *args])
    notice = (chdir_tmp / "通知" / "安全保卫处-本处待办.txt").read_text("utf-8-sig")
    assert "3号教学楼" in notice and "已逾期 5 天" in notice
    again = json.loads(runner.invoke(app, ["status", "--json", "--as-of", "2023-12-20"]).stdout)
    assert again["overdue"] == status["overdue"]  # read back from the register the same


@pytest.mark.parametrize(
    ("number", "width"), [("XJ-01", 10), ("SD6-2026-05", 13), ("省级督查1227-3", 16)]
)
def test_a_forms_number_column_fits_its_longest_number(
    campaign: Campaign, tmp_path: Path, number: str, width: float
) -> None:
    """SD6-2026-05 printed over two lines of the form's 问题编号 column, “SD6-2026-” over
    “05” (clerk trial 181 AH6): the column is widened for the longest number, never
    narrowed."""
    listed = findings_list(tmp_path / "清单.xlsx", [{**ROWS[0], "问题编号": number}], ORDER)
    findings = read_findings(listed, campaign).findings
    unit = campaign.resolve_units(["安全保卫处"])[0]
    ws = fill_form(campaign, unit, template_path(FORM_TEMPLATE), assigned=findings)[FORM_SHEET]
    _, columns = header_position(ws)
    assert ws.column_dimensions[get_column_letter(columns["问题编号"])].width == width


@pytest.mark.parametrize(
    ("typed", "placed"),
    [
        (("1", "2", "3"), [("1", "甲"), ("2", "乙"), ("3", "丙"), ("4", "XJ-01")]),
        (("3", "1", "2"), [("3", "甲"), ("1", "乙"), ("2", "丙"), ("4", "XJ-01")]),
        # none, or an earlier row's too: the next free ones (a row inserted under a 序号
        # taken moved the other to the end: clerk trial 187 AM9)
        (("1", "1", "3"), [("1", "甲"), ("4", "乙"), ("3", "丙"), ("5", "XJ-01")]),
        (("", "", ""), [("1", "甲"), ("2", "乙"), ("3", "丙"), ("4", "XJ-01")]),
        (("一、", "2.", "（3）"), [("1", "甲"), ("2", "乙"), ("3", "丙"), ("4", "XJ-01")]),
    ],
)
def test_a_follow_up_form_keeps_each_rows_number_and_adds_new_problems_after(
    campaign: Campaign,
    tmp_path: Path,
    typed: tuple[str, str, str],
    placed: list[tuple[str, str]],
) -> None:
    """A follow-up form put the problems newly assigned first and numbered every row again
    (废机油 2 → 3): the photos laid out are named by 序号, and six of them took another
    hazard's name under which a printed archive cited them (clerk trial 186 AL6). The rows
    keep the 序号 the department sent them under, in its order; new problems follow."""
    listed = findings_list(tmp_path / "清单.xlsx", [ROWS[0]], ORDER)
    findings = read_findings(listed, campaign).findings
    unit = campaign.resolve_units(["安全保卫处"])[0]
    rows = [
        HazardRow(
            department="安全保卫处",
            source_file="v1.xlsx",
            source_sheet="s",
            source_row=6 + i,
            seq=seq,
            location=place,
            hazard="灭火器过期",
        )  # fmt: skip
        for i, (seq, place) in enumerate(zip(typed, "甲乙丙", strict=True))
    ]
    form = fill_form(campaign, unit, template_path(FORM_TEMPLATE), rows, date(2023, 12, 28),
                     findings, date(2023, 12, 21))  # fmt: skip
    ws = form[FORM_SHEET]
    header, columns = header_position(ws)
    shown = [
        (
            str(ws.cell(r, columns["序号"]).value),
            ws.cell(r, columns["问题编号"]).value or ws.cell(r, columns["部位"]).value,
        )
        for r in range(header + 1, header + 1 + len(placed))
    ]
    assert shown == placed
    # the blank rows after them go on from the last 序号, none twice
    numbers = [ws.cell(r, columns["序号"]).value for r in range(header + 1, ws.max_row)]
    numbers = [n for n in numbers if n is not None]
    assert len(numbers) == len(set(numbers)) and numbers[len(placed)] == int(placed[-1][0]) + 1


def test_an_inspections_row_is_dated_by_the_inspection(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """The row of an assigned problem on an issued form (a follow-up form too) left its
    检查时间 blank, and the department was asked for it (未填检查时间), though the list
    says when the inspection found the problem (clerk trial 116). The form gives the day;
    an answer without it (a form of an earlier huitoukan) takes it, unwarned; the
    department's own rows are asked for theirs as before."""
    findings = read_findings(listed, campaign).findings
    unit = campaign.resolve_units(["安全保卫处"])[0]
    ws = fill_form(campaign, unit, template_path(FORM_TEMPLATE), assigned=findings)[FORM_SHEET]
    header, columns = header_position(ws)
    assert ws.cell(header + 1, columns["问题编号"]).value == "XJ-01"
    assert ws.cell(header + 1, columns["检查时间"]).value == date(2023, 11, 10)
    returns = tmp_path / "回收"
    filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [hazard(检查时间=None)],
        assigned=findings,
        answers={"XJ-01": answer(检查时间=None), "SD-01": answer()},
    )
    collection = collect(campaign, [returns], as_of=AS_OF, findings=findings)
    unasked = [p.row for p in collection.problems if p.code is Code.MISSING_CHECKED_ON]
    checked = {h.number or h.source: (h.checked_on, h.source_row) for h in collection.hazards}
    assert checked["XJ-01"][0] == date(2023, 11, 10) and checked["SD-01"][0] == date(2023, 12, 10)
    assert unasked == [checked["自查"][1]]  # the department's own row, blank


def test_an_answer_is_mentioned_once_by_a_workbook_of_two_sheets(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """A department's workbook of two sheets (实训楼A answers XJ-01 on its row 6, 实训楼B lists
    a hazard of its own on its row 6): the archive's 报送记录 showed a second, 整改中 answer
    of the same file — rows were told apart by file and row, not sheet (clerk trial 118)."""
    findings = read_findings(listed, campaign).findings
    path = filled_form(
        campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [],
        assigned=findings,
        answers={"XJ-01": answer(整改完成情况="已完成", 检查时间=date(2023, 11, 10),
                                 销号时间=date(2023, 12, 12)),
                 "SD-01": answer()},
    )  # fmt: skip
    wb = load_workbook(path)
    first = wb[FORM_SHEET]
    first.title = "实训楼A"
    second = wb.copy_worksheet(first)
    second.title = "实训楼B"
    header, columns = header_position(second)
    own = {"问题编号": None, "问题来源": "自查", "部位": "实训楼B座", "存在隐患问题": "插座破损",
           "整改完成情况": "整改中"}  # fmt: skip
    for name, value in own.items():
        second.cell(header + 1, columns[name]).value = value
    second.delete_rows(header + 2)  # (SD-01 answered once, on 实训楼A)
    wb.save(path)
    collection = collect(campaign, [path.parent], as_of=AS_OF, findings=findings)
    said = [(m.number, m.progress) for m in collection.mentions if m.number == "XJ-01"]
    assert said == [("XJ-01", "已完成")]


def of_its_own(path: Path) -> Path:
    """The form at `path` as a department's own template would be (not one huitoukan
    issued): which problems it was given is not known, only dates can tell."""
    wb = load_workbook(path)
    wb.properties.creator = "Administrator"
    wb.save(path)
    return path


@pytest.mark.parametrize("issued_with", [False, True])
def test_a_problem_not_on_the_form_a_department_was_issued_is_not_its_error(
    campaign: Campaign, tmp_path: Path, issued_with: bool
) -> None:
    """XJ-01 was given to 安全保卫处 in the list after its form had been issued (before the
    first collect): its return, which never listed the problem, was blamed with an error
    for not answering it (clerk trial 63). The form's own 交办问题清单 sheet tells which
    problems it was issued with; one issued with the problem and left blank is blamed."""
    returns = tmp_path / "回收"
    listed = findings_list(tmp_path / "清单.xlsx", [ROWS[0]], ORDER)
    findings = read_findings(listed, campaign).findings
    filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [closed()],
        assigned=findings if issued_with else (),
    )
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    )
    [said] = result.collection.problems
    if issued_with:
        assert said.code is Code.ASSIGNMENT_UNANSWERED
        return
    assert (said.code, said.severity) == (Code.ASSIGNMENT_AFTER_RETURN, Severity.WARNING)
    assert said.message.startswith(
        "交办问题 XJ-01（县级普查：3号教学楼：二楼走廊灭火器压力不足）不在下发给安全保卫处的这份表格中"
    )


def test_a_problem_given_its_number_and_a_new_deadline_is_still_the_one_its_form_had(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The county's list numbered its problems 1, 2, 3; sent again with official 编号 and
    a 整改时限 moved in one go, collect said the renumbering but not the new deadline, and
    安全保卫处's problem left blank on its form was “不在下发给安全保卫处的这份表格中（表格
    下发后才交办）”, a warning instead of its error — on every collect after (clerk trial
    150). The form was issued the problem under its old 编号, known by its words."""
    returns, register = tmp_path / "回收", tmp_path / "台账.xlsx"
    listed = findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 问题编号="3")], ORDER)
    filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [closed()],
        assigned=read_findings(listed, campaign).findings,
    )
    first = collect_to_register(campaign, [returns], register, AS_OF, findings_file=listed)
    [blank] = [p for p in first.collection.problems if p.value == "3"]
    assert blank.code is Code.ASSIGNMENT_UNANSWERED
    corrected = [dict(ROWS[0], 整改时限=date(2023, 12, 28))]
    later = register.stat().st_mtime + 60
    os.utime(findings_list(listed, corrected, ORDER), (later, later))
    for again in (False, True):
        result = collect_to_register(campaign, [returns], register, AS_OF, findings_file=listed)
        said = [p for p in result.collection.problems if p.value == "XJ-01"]
        changed = [p.message for p in said if p.code is Code.FINDING_LIST_CHANGED]
        expected = (
            []
            if again
            else ["清单中编为 3 的交办问题现在的编号是 XJ-01", "交办问题 XJ-01 的整改时限由"]
        )
        assert [m[: len(e)] for m, e in zip(changed, expected, strict=False)] == expected
        assert len(changed) == len(expected)
        if not again:
            assert "整改时限由 2023年12月15日 改为 2023年12月28日" in changed[1]
        [unanswered] = [p for p in said if p.code is not Code.FINDING_LIST_CHANGED]
        assert unanswered.code is Code.ASSIGNMENT_UNANSWERED
        assert (unanswered.cell, unanswered.row) == (blank.cell, blank.row)


@pytest.mark.parametrize("deleted", [False, True])
def test_an_assigned_problems_row_deleted_is_asked_to_be_added(
    campaign: Campaign, tmp_path: Path, deleted: bool
) -> None:
    """八年级组 deleted its XT-01 row and returned the form: the 退回修改 copy, which has no such
    row, said “请在表中该问题的行内填写…” (clerk trial 184 AJ2). A row to add is asked for; a
    row left blank, to be filled in."""
    listed = findings_list(tmp_path / "清单.xlsx", [ROWS[0]], ORDER)
    findings = read_findings(listed, campaign).findings
    form = filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [hazard()],
                       assigned=findings)  # fmt: skip
    if deleted:
        wb = load_workbook(form)
        ws = wb[FORM_SHEET]
        header, _ = header_position(ws)
        ws.delete_rows(header + 1)
        wb.properties.lastModifiedBy = "填表人"
        wb.save(form)
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    [said] = [p for p in collection.problems if p.code is Code.ASSIGNMENT_UNANSWERED]
    asked = "表中也没有这个问题的行（可能被删除了）：请在表中新增一行，填写问题编号 XJ-01"
    assert (asked in said.message) is deleted, said.message
    assert ("请在表中该问题的行内填写" in said.message) is not deleted


@pytest.mark.parametrize("room", [True, False])
def test_the_returned_copy_adds_back_an_assigned_problems_deleted_row(
    campaign: Campaign, tmp_path: Path, room: bool
) -> None:
    """The 退回修改 copy of a form whose XJ-01 row was deleted asked for a row to add in a
    table without it (clerk trial 184 AJ2): the copy writes it back, pre-filled as issued, in
    the first empty row, marked, and says so; the department fills it in and resends the
    copy, which answers XJ-01. A form with no empty row left is asked to add one."""
    listed = findings_list(tmp_path / "清单.xlsx", [ROWS[0]], ORDER)
    findings = read_findings(listed, campaign).findings
    form = filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [hazard()],
                       assigned=findings)  # fmt: skip
    wb = load_workbook(form)
    ws = wb[FORM_SHEET]
    header, _ = header_position(ws)
    ws.delete_rows(header + 1)  # XJ-01's row; its own hazard moves up to header + 1
    if not room:  # the empty rows deleted too, the footer right under the hazard
        while ws.cell(header + 2, 1).value != "上报人：":
            ws.delete_rows(header + 2)
    wb.properties.lastModifiedBy = "填表人"
    wb.save(form)
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    [copy] = write_feedback(collection, tmp_path / "退回")
    marked = load_workbook(copy.copy_path)
    said = [r[5] for r in marked.worksheets[0].iter_rows(min_row=3, values_only=True) if r[5]]
    sheet = marked[FORM_SHEET]
    columns = {c.value: c.column for c in sheet[header] if c.value}
    numbers = [sheet.cell(r, columns["问题编号"]).value for r in range(header + 1, sheet.max_row)]
    assert copy.rows_added == ([] if not room else ["XJ-01"])  # said on the screen (AM10)
    if not room:
        assert "XJ-01" not in numbers
        assert any("请在表中新增一行，填写问题编号 XJ-01" in m for m in said), said
        return
    from huitoukan.cli import render

    shown = render.Console(width=200, record=True)
    render.feedback_copies(shown, [copy])
    assert f"{copy.copy_path.name} 中已补上交办问题 XJ-01 的行" in shown.export_text()
    at = header + 2  # the first empty row, under the hazard
    assert numbers.index("XJ-01") == at - header - 1
    assert sheet.cell(at, columns["存在隐患问题"]).value == "二楼走廊灭火器压力不足"
    assert sheet.cell(at, columns["部位"]).value == "3号教学楼"
    assert sheet.cell(at, columns["问题编号"]).comment is not None
    assert any(f"本表第 {at} 行已按交办问题清单补回这一行" in m for m in said), said
    # the department fills the added row in and sends the copy back
    sheet.cell(at, columns["整改措施"]).value = "更换灭火器"
    sheet.cell(at, columns["整改完成情况"]).value = "整改中"
    sheet.cell(at, columns["责任人"]).value = "王五"
    for name in marked.sheetnames[:1]:
        del marked[name]
    marked.properties.lastModifiedBy = "填表人"
    again = tmp_path / "回收2" / "保卫处.xlsx"
    again.parent.mkdir()
    marked.save(again)
    resent = collect(campaign, [again.parent], as_of=AS_OF, findings=findings)
    assert not [p for p in resent.problems if p.code is Code.ASSIGNMENT_UNANSWERED]
    [answer] = [h for h in resent.hazards if h.number == "XJ-01"]
    assert (answer.measures, answer.owner) == ("更换灭火器", "王五")


def test_a_neighbours_form_leaves_the_departments_own_problems_unanswered(
    campaign: Campaign, tmp_path: Path
) -> None:
    """安全保卫处 filled 警务室's blank form (issued with 警务室's 4J-01 only) and wrote its own
    name in the header: its own XJ-01 was said 表格下发后才交办, a follow-up round advised
    (clerk trial 79). It is unanswered, an error naming whose form it was and what to do."""
    returns = tmp_path / "回收"
    listed = findings_list(tmp_path / "清单.xlsx", [ROWS[0], ROWS[3]], ORDER)
    findings = read_findings(listed, campaign).findings
    form = filled_form(
        campaign, "学院警务室", returns / "保卫处.xlsx", [closed()], assigned=findings
    )
    wb = load_workbook(form)
    set_label(wb[FORM_SHEET], "部门", "安全保卫处")
    wb.save(form)
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    )
    [said] = [p for p in result.collection.problems if p.value == "XJ-01"]
    assert (said.code, said.severity) == (Code.ASSIGNMENT_UNANSWERED, Severity.ERROR)
    assert said.message.startswith(
        "交办问题 XJ-01（县级普查：3号教学楼：二楼走廊灭火器压力不足）没有反馈：安全保卫处报来的"
        "是下发给学院警务室的表格（表格文件中记着），其中没有本部门的交办问题；"
        "请用下发给安全保卫处的附件2"
    ), said.message
    assert Code.ASSIGNMENT_AFTER_RETURN not in [p.code for p in result.collection.problems]


@pytest.mark.parametrize("misfiled_on", [date(2023, 12, 13), date(2023, 12, 16)])
def test_a_neighbours_form_sharing_only_a_prefilled_problem_is_set_aside(
    campaign: Campaign, tmp_path: Path, misfiled_on: date
) -> None:
    """附属医院 filled 高级技工学校's form, its header left 高级技工学校, and named the file for
    itself. Both forms had the same problem pre-filled (given to both), so the two files
    shared a hazard and were taken for versions of one return: 附属医院's hazards counted as
    高级技工学校's, or its own return superseded by them (clerk trial 181 AH1). A problem the
    school wrote into both forms proves nothing: the form is set aside, as one sharing
    nothing is."""
    returns = tmp_path / "回收"
    shared = {**ROWS[0], "问题编号": "GX-01", "责任部门": "高级技工学校、附属医院"}
    listed = findings_list(tmp_path / "清单.xlsx", [shared], ORDER)
    findings = read_findings(listed, campaign).findings
    misfiled = filled_form(
        campaign, "高级技工学校", returns / "附属医院-自查表.xlsx",
        [hazard(部位="门诊楼", 存在隐患问题="消防通道堆放杂物")],
        assigned=findings, answers={"GX-01": answer(责任人="赵六")}, form_date=misfiled_on,
    )  # fmt: skip
    filled_form(
        campaign, "高级技工学校", returns / "技校.xlsx",
        [hazard(部位="实训车间", 存在隐患问题="配电箱未上锁")],
        assigned=findings, answers={"GX-01": answer()}, form_date=date(2023, 12, 14),
    )  # fmt: skip
    collection = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    ).collection
    assert collection.outcomes[str(misfiled)] is FileOutcome.HELD
    assert [p.department for p in collection.problems if p.code is Code.MISFILED_RETURN] == [
        "附属医院"
    ]
    assert {h.location for h in collection.hazards if h.department == "高级技工学校"} == {
        "实训车间",
        "3号教学楼",
    }


@pytest.mark.parametrize("own_rows", [False, True])
def test_whose_a_misnamed_form_is_goes_by_the_problems_given_to_one_of_them(
    campaign: Campaign, tmp_path: Path, own_rows: bool
) -> None:
    """高级技工学校's newer version, answering GX-02 (given to it alone) and with a new row
    of its own, saved under 附属医院's name: set aside when only self-check rows told whose
    a form was (trial 183 AI2); it shares GX-02, its own problem: its version. And 附属医院
    answering only the GX-01 both were given, on 高级技工学校's form: taken for 高级技工学校's
    version; it shares nothing but that: set aside."""
    returns = tmp_path / "回收"
    shared = {**ROWS[0], "问题编号": "GX-01", "责任部门": "高级技工学校、附属医院"}
    alone = {**ROWS[0], "问题编号": "GX-02", "部位": "实训楼", "责任部门": "高级技工学校"}
    listed = findings_list(tmp_path / "清单.xlsx", [shared, alone], ORDER)
    findings = read_findings(listed, campaign).findings
    filled_form(
        campaign, "高级技工学校", returns / "技校.xlsx", [hazard(部位="车间", 存在隐患问题="配电箱未上锁")],
        assigned=findings, answers={"GX-01": answer(), "GX-02": answer()},
        form_date=date(2023, 12, 14),
    )  # fmt: skip
    newer = filled_form(
        campaign, "高级技工学校", returns / "附属医院.xlsx",
        [hazard(部位="食堂", 存在隐患问题="灭火器过期")] if own_rows else [],
        assigned=findings, answers={"GX-02": answer(整改完成情况="已完成", 销号时间=date(2023, 12, 15))},
        form_date=date(2023, 12, 16),
    )  # fmt: skip
    answered = filled_form(
        campaign, "高级技工学校", returns / "附属医院-交办问题.xlsx", [],
        assigned=findings, answers={"GX-01": answer(责任人="赵六")}, form_date=date(2023, 12, 17),
    )  # fmt: skip
    collection = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    ).collection
    assert collection.outcomes[str(newer)] is FileOutcome.USED
    assert collection.outcomes[str(answered)] is FileOutcome.HELD


@pytest.mark.parametrize(
    ("assigned", "after"), [(date(2023, 12, 14), False), (date(2023, 12, 15), True)]
)
def test_a_problem_assigned_after_a_departments_form_was_sent_is_not_its_error(
    campaign: Campaign, tmp_path: Path, assigned: date, after: bool
) -> None:
    """XJ-01 was on the list from the start without a 责任部门; a later collect found it
    given to 安全保卫处, whose form of 12月14日 was then blamed (an error, marked in its
    退回修改 copy) for not answering a problem it had never been sent (clerk trial 62). The
    register's record keeps the day each part was first collected, for the collects after."""
    returns = tmp_path / "回收"
    of_its_own(filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [closed()]))
    register = tmp_path / "台账.xlsx"
    unowned = findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 责任部门=None)], ORDER)
    first = collect_to_register(
        campaign, [returns], register, date(2023, 12, 14), findings_file=unowned
    )
    assert Code.ASSIGNMENT_UNANSWERED not in [p.code for p in first.collection.problems]
    owned = findings_list(tmp_path / "清单.xlsx", [ROWS[0]], ORDER)
    for as_of in (assigned, date(2023, 12, 20)):
        result = collect_to_register(campaign, [returns], register, as_of, findings_file=owned)
        # (the list's change itself is said: 责任部门 given, on the collect after it)
        codes = [
            p.code for p in result.collection.problems if p.code is not Code.FINDING_LIST_CHANGED
        ]
        assert codes == [Code.ASSIGNMENT_AFTER_RETURN if after else Code.ASSIGNMENT_UNANSWERED]
    if after:
        [said] = [p for p in result.collection.problems if p.code is not Code.FINDING_LIST_CHANGED]
        assert said.message.startswith(
            "交办问题 XJ-01（县级普查：3号教学楼：二楼走廊灭火器压力不足）是 2023年12月15日 才交办给"
            "安全保卫处的（此前的交办问题清单中没有交给该部门），晚于安全保卫处报送这份表格"
            "（2023年12月14日）"
        ), said.message


@pytest.mark.parametrize(
    ("deadline", "said"),
    [(date(2023, 12, 19), True), (date(2023, 12, 20), False), (date(2023, 12, 21), False)],
)
def test_a_problem_given_a_department_after_its_deadline_is_said_when_issued(
    campaign: Campaign, tmp_path: Path, deadline: date, said: bool
) -> None:
    """XJ-01, given to 安全保卫处 in the list on 12月14日 (its form had been sent without it),
    first reaches the department on the follow-up form of 12月20日: the form locked a date
    already past, and no word was said (clerk trials 62, 63). Due that day, it is not past.
    A problem already on the department's returned form is the follow-up's to chase."""
    returns = tmp_path / "回收"
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [closed()])  # 12月14日
    register = tmp_path / "台账.xlsx"
    row = dict(ROWS[0], 整改时限=deadline)
    unowned = findings_list(tmp_path / "清单.xlsx", [dict(row, 责任部门=None)], ORDER)
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=unowned)
    owned = findings_list(tmp_path / "清单.xlsx", [row], ORDER)
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=owned)
    args = ["issue", "--followup", str(register), "--findings", str(owned), "--date", "2023-12-20"]
    issued = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "跟进")])
    assert issued.exit_code == 0, issued.output
    text = "".join(issued.output.split())
    expected = (
        "交办问题XJ-01（3号教学楼：二楼走廊灭火器压力不足）的整改时限是"
        f"{chinese_date(deadline)}，2023年12月20日下发给安全保卫处的表格中已经过了，部门收到表格即已逾期"
    )
    assert (expected in text) is said, issued.output
    # the collect to run first, as it can be typed (“huitoukan collect” asked for the
    # folders, and made a second register: clerk trial 155)
    again = f"重新汇总（huitoukancollect{returns}-o{register}）后再重新生成表格"
    assert (again in text) is said, issued.output
    # issued with its form from the start, returned unanswered: nothing new to say
    answered = tmp_path / "回收二"
    findings = read_findings(owned, campaign).findings
    filled_form(campaign, "安全保卫处", answered / "保卫处.xlsx", [closed()], assigned=findings)
    again = CliRunner().invoke(
        app,
        ["issue", "--followup", str(answered), "--findings", str(owned), "--date", "2023-12-20"]
        + ["-o", str(tmp_path / "跟进二")],
    )
    assert again.exit_code == 0 and "收到表格即已逾期" not in "".join(again.output.split())


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("一周内", "2023年11月17日（清单中写的是“一周内”）"),
        ("11月20日前", "2023年11月20日（清单中写的是“11月20日前”）"),
    ],
)
def test_a_deadline_past_when_issued_is_quoted_as_the_list_wrote_it(
    tmp_path: Path, typed: str, shown: str
) -> None:
    """整改时限 “一周内” (from 发现时间 2023年11月10日) passed before the forms went out on
    12月5日: the warning quoted the day it was read as (“2023-11-27”), a value nobody had
    typed (clerk trial 132): it quotes the cell, and says the day beside it."""
    findings = findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 整改时限=typed)], ORDER)
    args = ["issue", "--findings", str(findings), "--date", "2023-12-05"]
    issued = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "发放")])
    assert issued.exit_code == 0, issued.output
    text = "".join(issued.output.split())
    assert f"第4行整改时限“{typed}”：交办问题XJ-01" in text, issued.output
    assert f"的整改时限是{shown}，交给安全保卫处时（2023年12月5日）已经过了" in text
    # issued on another day than the 印发日期: handed over then (clerk trial 172 Y5)
    later = ["issue", "--findings", str(findings), "--date", "2023-12-06", "--force"]
    issued = CliRunner().invoke(app, [*later, "-o", str(tmp_path / "发放")])
    assert "交给安全保卫处时（2023年12月6日）已经过了" in "".join(issued.output.split())


@pytest.mark.parametrize(
    ("found", "after"), [(date(2023, 12, 14), False), (date(2023, 12, 15), True)]
)
def test_a_problem_found_after_a_departments_form_was_sent_is_not_its_error(
    campaign: Campaign, tmp_path: Path, found: date, after: bool
) -> None:
    """SD6-09, found 12月16日 and added to the list, assigned to a department whose form
    is dated 12月14日: the form was blamed for not answering a problem it was never sent,
    and its 退回修改 copy marked it (clerk trial 34). It is the receiving office's to send
    a new form; the problem stays 未反馈. (Found the day the form is dated, it could be.)"""
    returns = tmp_path / "回收"
    of_its_own(filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [closed()]))
    listed = findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 发现时间=found)], ORDER)
    result = collect_to_register(
        campaign,
        [returns],
        tmp_path / "台账.xlsx",
        AS_OF,
        findings_file=listed,
        feedback_dir=tmp_path / "退回",
    )
    codes = [p.code for p in result.collection.problems]
    expected = Code.ASSIGNMENT_AFTER_RETURN if after else Code.ASSIGNMENT_UNANSWERED
    assert codes == [expected]
    if after:
        [said] = result.collection.problems
        assert "晚于安全保卫处报送这份表格（2023年12月14日）" in said.message
        assert result.feedback == []  # nothing the department can mend in its copy
        # the advice, followed: a follow-up form with the problem and the department's rows
        # (a blank form, advised before, lost them: its rows were then said deleted, trial 39),
        # of the register collected (kept elsewhere than the working folder's: trial 154)
        advice = f"huitoukan issue --followup {tmp_path / '台账.xlsx'} -d 安全保卫处"
        assert advice in said.message
        args = advice.split()[2:] + ["--findings", str(listed), "--date", "2023-12-20"]
        out = tmp_path / "跟进"
        issued = CliRunner().invoke(app, ["issue", *args, "-o", str(out)])
        assert issued.exit_code == 0, issued.output
        [form] = [f for f in out.glob("*.xlsx") if "安全保卫处" in f.name]
        texts = {str(c.value) for ws in load_workbook(form) for row in ws.iter_rows() for c in row}
        assert {"XJ-01", "楼道灭火器过期"} <= texts
    [part] = result.status.parts
    assert part.state is PartState.UNANSWERED
    # the reminder says how to answer on a form that has no row for it (clerk trial 35)
    [notice] = [n for n in notices(campaign, result.status) if n.department == "安全保卫处"]
    assert "表中没有该问题的，新增一行并填写其问题编号" in notice.text


@pytest.mark.parametrize(("as_of", "late"), [("2023-12-15", 0), ("2023-12-16", 1)])
def test_an_unanswered_problem_past_its_deadline_fails_the_overdue_check(
    runner: CliRunner,
    campaign: Campaign,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    as_of: str,
    late: int,
) -> None:
    """XJ-01 (整改时限 12月15日) never answered: status said 没有逾期隐患 and --fail-if-overdue
    exited 0 days after its deadline (clerk trial 34); the 未反馈 line now says how long."""
    monkeypatch.chdir(tmp_path)
    findings_list(Path("清单.xlsx"), ROWS[:1], ORDER)
    filled_form(campaign, "附属医院", Path("回收") / "医院.xlsx", [closed()])
    args = ["--as-of", as_of, "--findings", "清单.xlsx"]
    runner.invoke(app, ["collect", "回收", *args])
    result = runner.invoke(app, ["status", "--fail-if-overdue", *args], env={"COLUMNS": "200"})
    assert result.exit_code == late, result.output
    # the screen says why, where it says 没有逾期隐患 (clerk trial 35)
    assert ("未反馈 1（其中已过整改时限 1）" in result.output) is bool(late)
    listed = runner.invoke(app, ["status", "--all", *args], env={"COLUMNS": "200"})
    said = "未反馈：XJ-01（安全保卫处" + ("，已逾期 1 天）" if late else "）")
    assert said in listed.output


@pytest.mark.parametrize(
    ("second", "tracked", "code"),
    [
        (date(2023, 12, 13), date(2023, 12, 13), Code.DEADLINE_PUT_OFF),
        (None, date(2023, 12, 10), Code.DEADLINE_KEPT),
    ],
)
def test_an_assigned_problems_own_deadline_is_followed_like_any_other(
    campaign: Campaign,
    tmp_path: Path,
    second: date | None,
    tracked: date,
    code: Code,
) -> None:
    """XJ-01 (the list: 12月15日) answered with the department's own 12月10日, then put off
    to 12月13日 (nothing was said: clerk trial 35), or left blank (it took the list's date)."""
    listed = findings_list(tmp_path / "清单.xlsx", ROWS[:1], ORDER)
    findings = read_findings(listed, campaign).findings
    returns = tmp_path / "回收"
    for name, day, deadline in (("v1.xlsx", 12, date(2023, 12, 10)), ("v2.xlsx", 16, second)):
        filled_form(
            campaign,
            "安全保卫处",
            returns / name,
            [],
            assigned=findings,
            answers={"XJ-01": answer(整改时限=deadline)},
            form_date=date(2023, 12, day),
        )
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    )
    [row] = [h for h in result.collection.hazards if h.number == "XJ-01"]
    assert row.deadline == tracked
    assert code in [p.code for p in result.collection.problems]


@pytest.mark.parametrize(
    ("typed", "tracked"),
    [
        (None, date(2023, 12, 25)),  # the date the row came with: the list's, extended
        (date(2023, 12, 14), date(2023, 12, 14)),  # one the department chose: its own
    ],
)
def test_a_deadline_extended_in_the_list_is_the_one_tracked(
    campaign: Campaign, tmp_path: Path, typed: date | None, tracked: date
) -> None:
    """XJ-01 issued with 整改时限 12月15日, extended in the list to 12月25日 since: the row
    still says the 12月15日 it came with, and the problem was overdue by the old date (a
    督办 notice went out, the archive contradicted itself: clerk trial 34). The date the
    form's own 交办问题清单 sheet gave it is the list's; a date the department typed is its
    own."""
    issued = read_findings(findings_list(tmp_path / "清单.xlsx", ROWS[:1], ORDER), campaign)
    returns = tmp_path / "回收"
    filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [],
        assigned=issued.findings,
        answers={"XJ-01": answer(**({"整改时限": typed} if typed else {}))},
    )
    extended = findings_list(
        tmp_path / "清单-延期.xlsx", [dict(ROWS[0], 整改时限=date(2023, 12, 25))]
    )
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=extended
    )
    [row] = [h for h in result.collection.hazards if h.number == "XJ-01"]
    assert row.deadline == tracked
    overdue = [h.location for h in result.status.overdue]
    assert overdue == ([] if tracked > AS_OF else ["3号教学楼"])


@pytest.mark.parametrize(
    ("deadline", "past"),
    [(date(2023, 12, 19), True), (AS_OF, False), (date(2023, 12, 21), False)],
)
def test_a_problem_added_to_the_list_is_said(
    campaign: Campaign, tmp_path: Path, deadline: date, past: bool
) -> None:
    """The list gains 4J-01 (学院警务室) and one with no department: collect said deletions
    and changed deadlines, nothing of a problem added (clerk trial 138). Said once, with
    whom to tell; one whose 整改时限 had passed when it was added is overdue from that day
    (the day before: said; the same day, the day after: not)."""
    first = findings_list(tmp_path / "清单.xlsx", [ROWS[0]], ORDER)
    returns = tmp_path / "回收"
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [],
                assigned=read_findings(first, campaign).findings, answers={"XJ-01": answer()})  # fmt: skip
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF, findings_file=first)
    unassigned = dict(ROWS[1], 责任部门="", 问题编号="SD-09")
    findings_list(first, [ROWS[0], dict(ROWS[3], 整改时限=deadline), unassigned], ORDER)
    later = register.stat().st_mtime + 60
    os.utime(first, (later, later))
    result = collect_to_register(campaign, [returns], register, AS_OF, findings_file=first)
    changed = [p for p in result.collection.problems if p.code is Code.FINDING_LIST_CHANGED]
    assert [p.value for p in changed] == ["4J-01", "SD-09"]
    added = changed[0].message
    assert added.startswith("交办问题清单新增交办问题 4J-01（") and "责任部门学院警务室：" in added
    assert "学院警务室此前拿到的表格中没有这个问题" in added
    said = "在交办前已过，清单中不改的，逾期天数从交办之日（2023年12月20日）算起"
    assert (said in added) is past
    assert "未填写责任部门" in changed[1].message
    again = collect_to_register(campaign, [returns], register, AS_OF, findings_file=first)
    assert Code.FINDING_LIST_CHANGED not in [p.code for p in again.collection.problems]


@pytest.mark.parametrize(
    ("unassigned_first", "numbered"), [(False, False), (True, False), (False, True), (True, True)]
)
def test_a_problem_added_to_the_list_a_return_answers_already_is_said_answered(
    campaign: Campaign, tmp_path: Path, unassigned_first: bool, numbered: bool
) -> None:
    """SJ-9 added to the list (crosscheck's advice) is the hazard 安全保卫处's return reports
    as its own: matched to it, status showed it answered, and collect said “报回答复前按
    未反馈计…请告知” (clerk trial 142). Said answered by the row matched; so is one listed
    without a department first, then given it (clerk trial 181 AH5). A row carrying the
    number is not said matched by its words (clerk trial 189 AO5)."""
    again = {**ROWS[0], "问题编号": "SJ-9", "问题来源": "市级抽查", "发现时间": date(2023, 12, 18),
             "部位": "东门", "问题描述": "配电箱未上锁", "责任部门": "安全保卫处",
             "整改时限": date(2023, 12, 25)}  # fmt: skip
    unassigned = [{**again, "责任部门": None}] if unassigned_first else []
    first = findings_list(tmp_path / "清单.xlsx", [ROWS[0], *unassigned], ORDER)
    returns = tmp_path / "回收"
    own = hazard(部位="东门", 存在隐患问题="配电箱未上锁", 问题来源="市级抽查",
                 **({"问题编号": "SJ-9"} if numbered else {}))  # fmt: skip
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [own],
                assigned=read_findings(first, campaign).findings, answers={"XJ-01": answer()})  # fmt: skip
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF, findings_file=first)
    findings_list(first, [ROWS[0], again], ORDER)
    later = register.stat().st_mtime + 60
    os.utime(first, (later, later))
    result = collect_to_register(campaign, [returns], register, AS_OF, findings_file=first)
    assert [h.number for h in result.collection.hazards if h.location == "东门"] == ["SJ-9"]
    [added] = [p for p in result.collection.problems if p.code is Code.FINDING_LIST_CHANGED]
    said = (
        "安全保卫处报回的表格中已有填着这个问题编号的行，已按它的反馈汇总"
        if numbered
        else "安全保卫处报回的表格中已有对应它的行（按部位和问题描述对应），已按它的反馈汇总"
    )
    assert said in added.message, added.message
    assert "按未反馈计" not in added.message


def test_a_corrected_list_says_what_changed(campaign: Campaign, tmp_path: Path) -> None:
    """The county sent its list again: XJ-01 withdrawn, SD-01's deadline extended, 4J-01
    given to another department. Applied without a word: XJ-01's answer became 安全保卫处's
    own hazard, the department told it had typed the number wrong (clerk trial 85). Each
    change is said once, on the collect after it, with whom to tell."""
    first = findings_list(tmp_path / "清单.xlsx", [ROWS[0], ROWS[1], ROWS[3]], ORDER)
    issued = read_findings(first, campaign).findings
    returns = tmp_path / "回收"
    filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [],
        assigned=issued,
        # checked after XJ-01's 整改时限 (12月15日), the list's, locked in the form
        answers={"XJ-01": answer(检查时间=date(2023, 12, 18)), "SD-01": answer()},
    )
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF, findings_file=first)
    corrected = [
        dict(ROWS[1], 整改时限="2024-01-30", 问题描述="围墙约20米段开裂倾斜"),
        dict(ROWS[3], 责任部门="安全保卫处"),
    ]
    findings_list(first, corrected, ORDER)
    later = register.stat().st_mtime + 60
    os.utime(first, (later, later))
    result = collect_to_register(campaign, [returns], register, AS_OF, findings_file=first)
    changed = [p for p in result.collection.problems if p.code is Code.FINDING_LIST_CHANGED]
    assert [p.value for p in changed] == ["XJ-01", "SD-01", "SD-01", "4J-01"]
    removed, deadline, wording, departments = (p.message for p in changed)
    assert wording.startswith(
        "交办问题 SD-01 的部位和问题描述由“北围墙：围墙约15米段开裂倾斜”改为“北围墙：围墙约20米段开裂倾斜”"
    )
    assert removed.startswith(
        "交办问题 XJ-01（3号教学楼：二楼走廊灭火器压力不足）已不在交办问题清单中"
    )
    # as the 追责核查 below has it (it said the check no longer counted the answer: trial 95)
    assert "追责核查仍把它算作对这个交办问题的反馈" in removed
    assert deadline.startswith("交办问题 SD-01 的整改时限由 2023年12月30日 改为 2024年1月30日")
    assert departments.startswith("交办问题 4J-01 的责任部门由 学院警务室 改为 安全保卫处")
    [typed] = [p for p in result.collection.problems if p.code is Code.ASSIGNMENT_UNKNOWN_NUMBER]
    assert typed.message.startswith("交办问题 XJ-01 已从交办问题清单中删去（此前的清单中有）")
    # its locked 整改时限 before its 检查时间 is not the department's error once it is
    # withdrawn either (an error every round: clerk trial 86)
    assert Code.DEADLINE_BEFORE_CHECKED not in [p.code for p in result.collection.problems]
    assert result.collection.errors == 0
    again = collect_to_register(campaign, [returns], register, AS_OF, findings_file=first)
    assert Code.FINDING_LIST_CHANGED not in [p.code for p in again.collection.problems]
    # still withdrawn the collect after, not “请核对编号” of a number copied right (trial 86)
    [typed] = [p for p in again.collection.problems if p.code is Code.ASSIGNMENT_UNKNOWN_NUMBER]
    assert typed.message.startswith("交办问题 XJ-01 已从交办问题清单中删去")
    # the city finding XJ-01's problem still there: known from the list, left unrectified,
    # not the self-check's finding (自查已发现, its answer summed up as one: trials 86, 88)
    from huitoukan.actions.crosscheck import run_crosscheck

    city = findings_list(
        tmp_path / "市级抽查.xlsx",
        [
            {
                "问题编号": "SC-01",
                "问题来源": "市级抽查",
                "发现时间": "2023年12月19日",
                "部位": "3号教学楼",
                "问题描述": "二楼走廊灭火器压力不足",
                "责任部门": "安全保卫处",
            }
        ],  # fmt: skip
        ("问题编号", "问题来源", "发现时间", "部位", "问题描述", "责任部门"),
    )
    checked, _ = run_crosscheck(campaign, city, [register], tmp_path / "追责核查.xlsx", AS_OF)
    [verdict] = checked.verdicts
    assert verdict.note.startswith(
        "部门按交办问题 XJ-01（县级普查）反馈过此问题（交办问题清单中现在没有这个编号），已交办安全保卫处，安全保卫处反馈整改中"
    )
    # the follow-up form's locked row worded as the list words it now (the old wording
    # stayed in it, the new on its 交办问题清单 sheet: clerk trial 88)
    args = ["issue", "--followup", str(register), "--findings", str(first), "--date", "2023-12-20"]
    issued = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "跟进")])
    assert issued.exit_code == 0, issued.output
    follow = tmp_path / "跟进" / form_file_name("安全保卫处")
    header, _ = header_position(load_workbook(follow)[FORM_SHEET])
    rows = {r["问题编号"]: r for r in sheet_rows(follow, FORM_SHEET, header) if r.get("问题编号")}
    assert rows["SD-01"]["存在隐患问题"] == "围墙约20米段开裂倾斜"
    # XJ-01's answer without its number and with its 问题来源, in the register and prefilled
    # so on the follow-up form, as the warning tells the department to write it (问题来源 自查
    # in both: clerk trial 136)
    [prefilled] = [r for r in sheet_rows(follow, FORM_SHEET, header) if r["部位"] == "3号教学楼"]
    assert (prefilled.get("问题编号") or "", prefilled["问题来源"]) == ("", "县级普查")
    header, _ = header_position(load_workbook(register)[HAZARD_SHEET])
    [kept] = [r for r in sheet_rows(register, HAZARD_SHEET, header) if r["部位"] == "3号教学楼"]
    assert (kept.get("问题编号") or "", kept["问题来源"]) == ("", "县级普查")
    assert kept["时限来源"] == "表中填写"  # its own now (交办要求 of a withdrawn one: trial 137)
    # saved again unchanged, the register says what collect wrote (the answer it was sent as
    # is on no sheet: read back, it was the self-check's finding, the register changed by hand)
    load_workbook(register).save(register)
    assert not changed_by_hand(register)
    # ... nor to collect: it said the edits were not carried over, and forgot what the
    # register alone knew — XJ-01 withdrawn read as a number typed wrong (clerk trial 137)
    resaved = collect_to_register(campaign, [returns], register, AS_OF, findings_file=first)
    assert resaved.backup_said_the_same
    [typed] = [p for p in resaved.collection.problems if p.code is Code.ASSIGNMENT_UNKNOWN_NUMBER]
    assert typed.message.startswith("交办问题 XJ-01 已从交办问题清单中删去"), typed.message


@pytest.mark.parametrize(
    ("typed", "pushed_back"),
    [
        (date(2023, 12, 14), False),  # the day before the problem's 12月15日: the department's
        (date(2023, 12, 15), False),  # the same day
        (date(2023, 12, 16), True),  # the day after: the inspection's date stands
    ],
)
def test_a_deadline_put_back_by_the_department_is_the_problems(
    campaign: Campaign, listed: Path, tmp_path: Path, typed: date, pushed_back: bool
) -> None:
    """The row answering XJ-01 (整改时限 12月15日 on the list) types its own: an earlier or
    the same date is kept; a later one is not the department's to set: the problem's date
    is tracked (overdue from it) and the department is told, on its 整改时限 cell."""
    returns = tmp_path / "回收"
    filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [],
        assigned=read_findings(listed, campaign).findings,
        answers={  # SD-01's row below it without 责任人: an error found while reading
            "XJ-01": answer(整改时限=typed),
            "SD-01": answer(整改时限=date(2023, 12, 30), 责任人=None),
        },
    )
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    )
    [row] = [h for h in result.collection.hazards if h.number == "XJ-01"]
    said = [p for p in result.collection.problems if p.code is Code.ASSIGNMENT_DEADLINE_LATER]
    states = {(p.number, p.department): p for p in result.status.parts}
    if pushed_back:
        assert row.deadline == date(2023, 12, 15) and row.deadline_assigned
        [warning] = said
        assert warning.severity is Severity.WARNING and warning.row == row.source_row
        form = load_workbook(returns / "保卫处.xlsx")[FORM_SHEET]
        _, columns = header_position(form)
        assert warning.cell == f"{form.cell(1, columns['整改时限']).column_letter}{row.source_row}"
        assert warning.message == (
            "交办问题 XJ-01 要求 2023年12月15日 前整改完成，这一行的整改时限 2023年12月16日 晚于"
            "要求，台账按 2023年12月15日 计；请改为 2023年12月15日"
        )
        assert states["XJ-01", "安全保卫处"].days_overdue == 5
        [copy] = write_feedback(result.collection, tmp_path / "退回", "保卫处")
        marked = load_workbook(copy.copy_path)[FORM_SHEET][warning.cell]
        assert marked.comment is not None and marked.comment.author == "保卫处"
        listed = load_workbook(copy.copy_path)["退回修改说明"]
        places = [r[2] for r in listed.iter_rows(min_row=3, values_only=True) if r[2]]
        rows = [int("".join(filter(str.isdigit, p))) for p in places if p[-1].isdigit()]
        assert rows == sorted(rows) and len(rows) >= 2  # row by row, found after reading too
    else:
        assert row.deadline == typed and not said
        assert states["XJ-01", "安全保卫处"].days_overdue == (AS_OF - typed).days


@pytest.mark.parametrize(
    ("closed_on", "said"),
    [
        (date(2023, 11, 9), True),  # the day before XJ-01 was found (11月10日)
        (date(2023, 11, 10), False),  # the same day
        (date(2023, 11, 11), False),
    ],
)
def test_an_answer_closed_before_the_problem_was_found_is_an_error(
    campaign: Campaign, listed: Path, tmp_path: Path, closed_on: date, said: bool
) -> None:
    """销号时间 before the inspection found the problem (a year typed wrong, 2022 for 2023):
    the problem was still there when found, so the date cannot be right, and closes nothing
    (it counted as 清零: clerk trial 48)."""
    returns = tmp_path / "回收"
    done = answer(整改完成情况="已完成", 销号时间=closed_on, 检查时间=date(2023, 11, 1))
    filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [],
        assigned=read_findings(listed, campaign).findings,
        answers={"XJ-01": done, "SD-01": answer(整改时限=date(2023, 12, 30))},
    )
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    )
    found = [p for p in result.collection.problems if p.code is Code.ASSIGNMENT_CLOSED_BEFORE_FOUND]
    assert bool(found) is said
    [row] = [h for h in result.collection.hazards if h.number == "XJ-01"]
    [part] = [p for p in result.status.parts if p.number == "XJ-01"]
    assert row.closed is not said and (part.state.value == "已销号") is not said
    assert row.closed_on == (None if said else closed_on)
    if said:  # no 待复查 of a closing that is none (the register's 复查结论 said so: trial 71)
        reviewing = campaign.model_copy(
            update={"info": campaign.info.model_copy(update={"review_required": True})}
        )
        again = collect(
            reviewing, [returns], as_of=AS_OF, findings=read_findings(listed, campaign).findings
        )
        [reviewed] = [h for h in again.hazards if h.number == "XJ-01"]
        assert reviewed.review == "" and not reviewed.unreviewed
        assert row.closing_flaw == "早于问题发现时间"  # what the notices tell the department
        # and the 督导组's page says why it is not 销号 (a blank there: clerk trial 73)
        from huitoukan.letters.archive import write_archive

        findings = read_findings(listed, campaign).findings
        out = tmp_path / "档案.xlsx"
        write_archive(out, campaign, AS_OF, findings[:1], result.status.parts, [])
        texts = [c.value for r in load_workbook(out).worksheets[0].iter_rows() for c in r]
        assert "所填日期早于问题发现时间，未采用" in texts
        [error] = found
        form = load_workbook(returns / "保卫处.xlsx")[FORM_SHEET]
        _, columns = header_position(form)
        letter = form.cell(1, columns["销号时间"]).column_letter
        assert error.severity is Severity.ERROR and error.cell == f"{letter}{error.row}"
        assert error.message == (
            "销号时间 2023年11月9日 早于交办问题 XJ-01 的发现时间 2023年11月10日"
            "（县级普查发现时问题还在），请核对销号时间"
        )


@pytest.mark.parametrize(("checked", "own"), [(18, True), (19, False), (None, True)])
def test_a_hazard_the_department_found_before_the_inspection_stays_its_own(
    campaign: Campaign, tmp_path: Path, checked: int | None, own: bool
) -> None:
    """保卫处 reported 图书馆's extinguishers itself (检查时间 12月18日, or none on a form sent
    12月14日) and closed them on 12月18日; the 省级督查 of 12月19日 finds them still there, and
    the problem is listed. The row answers it and stays the self-check's: it was rewritten as
    省级督查's answer, and the 追责 cross-check blamed 保卫处 for missing it (clerk trials 68,
    69). Its closing, before the inspectors found the problem still there, does not clear
    the problem (it was counted 已清零: trial 69); the department is told to rectify again.
    Checked the day of the inspection, it is the problem's answer, as before."""
    from huitoukan.findings.answers import parts
    from huitoukan.findings.crosscheck import Conclusion, crosscheck

    found = date(2023, 12, 19)
    problem = {
        "问题编号": "SD7-01", "问题来源": "省级督查", "发现时间": found, "部位": "图书馆",
        "问题描述": "二楼2具灭火器压力不足", "责任部门": "保卫处", "整改时限": date(2023, 12, 31),
    }  # fmt: skip
    listed = read_findings(findings_list(tmp_path / "清单.xlsx", [problem]), campaign).findings
    day = date(2023, 12, checked) if checked else None
    row = closed(部位="图书馆", 存在隐患问题="二楼2具灭火器压力不足", 检查时间=day, 销号时间=day)
    if checked is None:
        row["销号时间"] = date(2023, 12, 14)
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [row])
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=listed)
    [answer] = collection.hazards
    codes = {p.code for p in collection.problems}
    assert answer.number == "SD7-01" and Code.ASSIGNMENT_UNANSWERED not in codes
    assert (answer.source == "自查") is own and answer.answers_a_check is not own
    # asked for the 编号 — of its own row, found first, not as if it had left it out
    [matched] = [p for p in collection.problems if p.code is Code.ASSIGNMENT_MATCHED_BY_CONTENT]
    assert matched.message.startswith("这一行是本部门自查在先发现的隐患") is own
    [part] = parts(listed, collection.hazards, AS_OF)
    if own:  # closed before 12月19日, when the inspectors found it still there
        assert part.state is not PartState.CLOSED and answer.closed_on is None
        [said] = [p for p in collection.problems if p.code is Code.ASSIGNMENT_STILL_THERE]
        assert said.message.startswith("这一行是本部门自查发现的隐患，")
        assert "请重新整改" in said.message
        # nothing was filled in wrong: no error, and not asked for a “正确的销号时间”
        assert said.severity is Severity.WARNING
        assert Code.ASSIGNMENT_CLOSED_BEFORE_FOUND not in codes
        assert answer.closing_flaw == STILL_THERE
    inspection = city_finding("SJ-01", found, "图书馆", "二楼灭火器压力不足")
    [verdict] = crosscheck(campaign, [inspection], collection.hazards, listed).verdicts
    assert (verdict.conclusion is not Conclusion.MISSED) is own


def test_a_hazard_closed_then_found_still_there_is_to_be_rectified_again_everywhere(
    runner: CliRunner, campaign: Campaign, chdir_tmp: Path
) -> None:
    """保卫处 found and closed 图书馆's extinguishers itself; the 省级督查 finds them still
    there and lists the problem. Collect told it to rectify again; status, the notice, the
    report and the archive page asked for a “正确的销号时间”, as if a date were typed wrong
    (clerk trial 113). Each now says the problem was found still there after the 销号."""
    problem = {
        "问题编号": "SD7-01", "问题来源": "省级督查", "发现时间": date(2023, 12, 19),
        "部位": "图书馆", "问题描述": "二楼2具灭火器压力不足", "责任部门": "保卫处",
        "整改时限": date(2023, 12, 31),
    }  # fmt: skip
    findings_list(chdir_tmp / "交办问题清单.xlsx", [problem])
    day = date(2023, 12, 18)
    row = closed(部位="图书馆", 存在隐患问题="二楼2具灭火器压力不足", 检查时间=day, 销号时间=day)
    row["整改时限"] = date(2023, 12, 12)  # its own, past when the 省级督查 came
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [row])
    as_of = ["--as-of", "2023-12-20"]
    collect = ["collect", "回收", "--findings", "交办问题清单.xlsx", "--feedback", "退回"]
    collected = runner.invoke(app, [*collect, *as_of])
    assert collected.exit_code == 0, collected.output  # a warning: nothing filled in wrong
    assert "请重新整改" in "".join(collected.output.split())
    # its 退回修改 copy asks for a new return (it said none was needed: clerk trial 114)
    [copy] = (chdir_tmp / "退回").glob("*.xlsx")
    notes = [str(c.value) for r in load_workbook(copy)["退回修改说明"].iter_rows() for c in r]
    assert any(n.startswith("改正以上各处后") for n in notes)
    assert not any("不必重新报送" in n for n in notes)
    status = "".join(runner.invoke(app, ["status", *as_of]).output.split())
    assert "已报销号、但之后上级检查时问题仍在的隐患1项（按未销号计，须重新整改）" in status
    assert "销号时间未填写或有误" not in status
    assert runner.invoke(app, ["remind", *as_of]).exit_code in (0, 1)
    [todo] = (chdir_tmp / "通知").glob("安全保卫处*")
    text = todo.read_text("utf-8-sig")
    assert "之后上级检查时问题仍在" in text and "请重新整改" in text
    # by the deadline the inspection set for it, not its own old one (clerk trial 114)
    assert "（整改时限 2023年12月31日）" in text and "已逾期" not in text
    assert "正确的销号时间" not in text and "早于问题发现时间" not in text
    assert runner.invoke(app, ["report", "-o", "汇报.xlsx", *as_of]).exit_code in (0, 1)
    assert runner.invoke(app, ["sample", "--all", "-o", "档案.xlsx", *as_of]).exit_code == 0
    for made in ("汇报.xlsx", "档案.xlsx"):
        texts = [str(c.value) for ws in load_workbook(made) for r in ws.iter_rows() for c in r]
        assert any("检查时问题仍在、须重新整改" in t for t in texts), made
        assert not any("早于问题发现时间" in t for t in texts), made
    # the 追责核查 of the inspection, listed: its closing found untrue, as before it was
    # listed (自查已发现, the closing cleared for tracking read as never made: trial 115)
    crosschecked = runner.invoke(
        app, ["crosscheck", "交办问题清单.xlsx", "-o", "核查.xlsx", *as_of]
    )
    assert crosschecked.exit_code == 0, crosschecked.output
    [verdict] = [r for r in load_workbook("核查.xlsx")["核查结果"].iter_rows(min_row=3, values_only=True)
                 if r[1] == "SD7-01"]  # fmt: skip
    assert verdict[6] == "自查已发现但未整改到位"
    assert str(verdict[11]).startswith(
        "部门报 2023年12月18日 已销号，2023年12月19日 检查时问题仍在"
    )
    # the follow-up form puts it back to 整改中 and says why, as for a failed review: it
    # kept 已完成 over a blank 销号时间, asking for “the day it was done” (clerk trial 114)
    followup = ["issue", "--followup", "全校隐患台账.xlsx", "--date", "2023-12-21", "-o", "跟进"]
    assert runner.invoke(app, followup).exit_code in (0, 1)
    [form] = (chdir_tmp / "跟进").glob("安全保卫处*.xlsx")
    sheet = load_workbook(form)[FORM_SHEET]
    header, columns = header_position(sheet)
    [line] = [r for r in range(header + 1, sheet.max_row + 1)
              if sheet.cell(r, columns["部位"]).value == "图书馆"]  # fmt: skip
    progress = sheet.cell(line, columns["整改完成情况"])
    assert progress.value == "整改中" and sheet.cell(line, columns["销号时间"]).value is None
    assert progress.comment is not None and "请重新整改" in progress.comment.text
    texts = [str(c.value) for r in sheet.iter_rows() for c in r if c.value]
    assert any(
        "之后上级检查时问题仍在、已改回“整改中”的隐患：序号 1（交办问题 SD7-01）" in t
        for t in texts
    )


@pytest.mark.parametrize(
    ("own_deadline", "closed_first", "deadline"),
    [
        (date(2023, 12, 18), True, date(2023, 12, 31)),  # the day before the inspection
        (date(2023, 12, 19), True, date(2023, 12, 31)),  # the same day (trial 194 AT1)
        (date(2023, 12, 20), True, date(2023, 12, 31)),  # the day after
        (date(2023, 12, 30), True, date(2023, 12, 31)),  # the day before the problem's
        (date(2024, 1, 1), True, date(2023, 12, 31)),  # after it: not pushed back
        (date(2023, 12, 18), False, date(2023, 12, 18)),  # never reported closed before
    ],
)
def test_a_hazard_found_still_there_after_its_own_deadline_takes_the_problems(
    campaign: Campaign, tmp_path: Path, own_deadline: date, closed_first: bool, deadline: date
) -> None:
    """保卫处's own hazard, reported closed on 12月11日, its 整改时限 passed, found still
    there by the 省级督查 of 12月19日, which sets 12月31日: rectified again on 12月22日, it
    was 逾期完成 by the old deadline (clerk trial 114); its own on the day of the inspection
    or after, it was overdue before it could be done again (trial 194 AT1); one later than
    the problem's is not for a department to push back. That of one never reported closed
    before stands (overdue, it
    took the problem's, and its days overdue shrank: trial 115). The 追责核查 judges the
    department's own dates either way."""
    found = date(2023, 12, 19)
    problem = {
        "问题编号": "SD7-01", "问题来源": "省级督查", "发现时间": found, "部位": "图书馆",
        "问题描述": "二楼2具灭火器压力不足", "责任部门": "保卫处", "整改时限": date(2023, 12, 31),
    }  # fmt: skip
    listed = read_findings(findings_list(tmp_path / "清单.xlsx", [problem]), campaign).findings
    what = {"部位": "图书馆", "存在隐患问题": "二楼2具灭火器压力不足", "检查时间": date(2023, 12, 8),
            "整改时限": own_deadline}  # fmt: skip
    first = closed(**what, 销号时间=date(2023, 12, 11)) if closed_first else hazard(**what)
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [first],
                form_date=date(2023, 12, 14))  # fmt: skip
    again = closed(**what, 销号时间=date(2023, 12, 22))
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处-改.xlsx", [again],
                form_date=date(2023, 12, 22))  # fmt: skip
    collection = collect(campaign, [tmp_path / "回收"], as_of=date(2023, 12, 25), findings=listed)
    [answer] = collection.hazards
    assert answer.source == "自查" and answer.deadline == deadline
    assert answer.closed_on == date(2023, 12, 22)
    from huitoukan.findings.crosscheck import Conclusion, crosscheck

    inspection = city_finding("SD7-01", date(2023, 12, 19), "图书馆", "二楼2具灭火器压力不足")
    [verdict] = crosscheck(campaign, [inspection], collection.hazards, listed).verdicts
    # past its own 12月18日 when found, or closed and found still there: not rectified
    assert (verdict.conclusion is Conclusion.FOUND_NOT_RECTIFIED) is (
        closed_first or own_deadline < date(2023, 12, 19)
    )


def test_a_problem_given_the_number_issue_asked_for_is_said_renumbered_not_deleted(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """issue numbered the example's 四进巡查 problem 四进巡查-569AE3 and asked for an official
    编号; given SJ4-05, the next collect said the problem was deleted — restore it, or tell
    附属医院 to drop the 编号 (clerk trial 114). It is said renumbered, and the answer is
    SJ4-05's."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(chdir_tmp)
    as_of = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", "复查", *as_of]).exit_code in (0, 1)
    book = load_workbook("交办问题清单.xlsx")
    assert book.worksheets[0]["A8"].value is None
    book.worksheets[0]["A8"] = "SJ4-05"
    book.save("交办问题清单.xlsx")
    later = Path("全校隐患台账.xlsx").stat().st_mtime + 60
    os.utime("交办问题清单.xlsx", (later, later))
    collected = runner.invoke(app, ["collect", "回收", "复查", *as_of])
    said = "".join(collected.output.split())
    assert "编为四进巡查-569AE3的交办问题现在的编号是SJ4-05（来源、发现时间和内容相同）" in said
    # no row of a return claimed (one not answered has none: clerk trial 116)
    assert (
        "附属医院手中若有填着旧编号四进巡查-569AE3的表格，报回时按部位和问题描述对应到SJ4-05"
        in said
    )
    assert "已不在交办问题清单中" not in said and "已从交办问题清单中删去" not in said
    status = json.loads(runner.invoke(app, ["status", "--json", *as_of]).stdout)
    [part] = [p for p in status["parts"] if p["number"] == "SJ4-05"]
    assert part["department"] == "附属医院" and part["state"] != "未反馈"


def test_a_departments_own_row_keeps_its_words_in_the_follow_up_form(
    runner: CliRunner, campaign: Campaign, chdir_tmp: Path
) -> None:
    """学生工作处 reported “个别宿舍违规使用大功率电器” itself; a later inspection lists the
    problem in its own words. The follow-up form wrote the list's words in the locked
    row, and the return was told it had changed them — restore the old row, which it could
    not (clerk trial 115). Its own words stay, and nothing is said."""
    from tests.test_two_rounds import update_followup

    problem = {
        "问题编号": "SC-02", "问题来源": "市级抽查", "发现时间": date(2023, 12, 18),
        "部位": "6号学生公寓", "问题描述": "宿舍内违规使用大功率电器", "责任部门": "学生工作处",
        "整改时限": date(2023, 12, 31),
    }  # fmt: skip
    findings_list(chdir_tmp / "交办问题清单.xlsx", [problem])
    own = hazard(部位="6号学生公寓", 存在隐患问题="个别宿舍违规使用大功率电器",
                 检查时间=date(2023, 12, 10))  # fmt: skip
    filled_form(campaign, "学生工作处", chdir_tmp / "回收" / "学工.xlsx", [own])
    as_of = ["--as-of", "2023-12-20"]
    listed = ["--findings", "交办问题清单.xlsx"]
    runner.invoke(app, ["collect", "回收", *listed, *as_of])
    followup = ["issue", "--followup", "全校隐患台账.xlsx", "--date", "2023-12-21", "-o", "跟进"]
    assert runner.invoke(app, [*followup, *listed]).exit_code in (0, 1)
    [form] = (chdir_tmp / "跟进").glob("学生工作处*.xlsx")
    texts = [str(c.value) for r in load_workbook(form)[FORM_SHEET].iter_rows() for c in r]
    assert "个别宿舍违规使用大功率电器" in texts and "宿舍内违规使用大功率电器" not in texts
    update_followup(form, chdir_tmp / "回收2" / "学工.xlsx", {}, form_date=date(2023, 12, 22))
    result = runner.invoke(app, ["collect", "回收", "回收2", *listed, "--as-of", "2023-12-23",
                                 "--json"])  # fmt: skip
    codes = [p["code"] for p in json.loads(result.stdout)["problems"]]
    # nor restated: its row was issued in its own words (said, and the register then took
    # the list's words for it: clerk trial 128)
    assert "reworded-hazard" not in codes and "assignment-restated" not in codes
    rows = sheet_rows(chdir_tmp / "全校隐患台账.xlsx", HAZARD_SHEET)
    assert [r["存在隐患问题"] for r in rows] == ["个别宿舍违规使用大功率电器"]


@pytest.mark.parametrize("own_words", ["", "消防通道偶有自行车停放"])
def test_a_problem_reworded_by_the_list_is_not_the_departments_rewording(
    runner: CliRunner, campaign: Campaign, chdir_tmp: Path, own_words: str
) -> None:
    """The 四进 list sent again with SJ4-02's words corrected; the follow-up form pre-filled
    them, 安全保卫处 sent it back as it came, and every collect said the department had
    reworded the hazard and invited it to restore the old row — undoing the superior's
    correction (clerk trial 150). Words of its own in that row are still said."""
    from tests.test_two_rounds import update_followup

    problem = {
        "问题编号": "SJ4-02", "问题来源": "四进", "发现时间": date(2023, 11, 20), "部位": "图书馆",
        "问题描述": "消防通道被自行车堵塞", "责任部门": "安全保卫处", "整改时限": date(2023, 12, 31),
    }  # fmt: skip
    listed = findings_list(chdir_tmp / "交办问题清单.xlsx", [problem])
    filled_form(
        campaign,
        "安全保卫处",
        chdir_tmp / "回收" / "保卫处.xlsx",
        assigned=read_findings(listed, campaign).findings,
        answers={"SJ4-02": answer()},
    )
    as_of, findings = ["--as-of", "2023-12-20"], ["--findings", "交办问题清单.xlsx"]
    runner.invoke(app, ["collect", "回收", *findings, *as_of])
    corrected = "消防通道被自行车、电动车堵塞"
    findings_list(listed, [dict(problem, 问题描述=corrected)])
    later = (chdir_tmp / "全校隐患台账.xlsx").stat().st_mtime + 60
    os.utime(listed, (later, later))
    runner.invoke(app, ["collect", "回收", *findings, *as_of])
    followup = ["issue", "--followup", "全校隐患台账.xlsx", "--date", "2023-12-21", "-o", "跟进"]
    assert runner.invoke(app, [*followup, *findings]).exit_code in (0, 1)
    [form] = (chdir_tmp / "跟进").glob("安全保卫处*.xlsx")
    changes = {"图书馆": {"存在隐患问题": own_words}} if own_words else {}
    update_followup(
        form, chdir_tmp / "回收2" / "保卫处.xlsx", changes, form_date=date(2023, 12, 22)
    )
    for _ in range(2):  # (said on every collect)
        result = runner.invoke(
            app, ["collect", "回收", "回收2", *findings, "--as-of", "2023-12-23", "--json"]
        )
        said = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "reworded-hazard"]
        assert [p["value"] for p in said] == ([f"图书馆：{own_words}"] if own_words else [])
    rows = sheet_rows(chdir_tmp / "全校隐患台账.xlsx", HAZARD_SHEET)
    assert [r["存在隐患问题"] for r in rows] == [own_words or corrected]


def test_the_follow_up_forms_words_for_a_row_matched_by_content_are_not_the_departments(
    runner: CliRunner, campaign: Campaign, chdir_tmp: Path
) -> None:
    """学生处's own row, no 编号, matched to SC-2026-02 by its content; the follow-up form gave
    it the list's words, and every collect after said the department had reworded it and
    invited it to restore the old row (clerk trial 186 AL10). The tool's words are not."""
    from tests.test_two_rounds import update_followup

    problem = {
        "问题编号": "SJ4-02", "问题来源": "四进", "发现时间": date(2023, 11, 20), "部位": "图书馆",
        "问题描述": "消防通道被自行车堵塞", "责任部门": "安全保卫处", "整改时限": date(2023, 12, 31),
    }  # fmt: skip
    findings_list(chdir_tmp / "交办问题清单.xlsx", [problem])
    own = hazard(部位="图书馆", 存在隐患问题="消防通道被自行车堵塞严重", 检查时间=date(2023, 12, 1))
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [own])
    as_of, findings = ["--as-of", "2023-12-20"], ["--findings", "交办问题清单.xlsx"]
    runner.invoke(app, ["collect", "回收", *findings, *as_of])
    [row] = sheet_rows(chdir_tmp / "全校隐患台账.xlsx", HAZARD_SHEET)
    assert row["问题编号"] == "SJ4-02"  # matched by its content
    followup = ["issue", "--followup", "全校隐患台账.xlsx", "--date", "2023-12-21", "-o", "跟进"]
    assert runner.invoke(app, [*followup, *findings]).exit_code in (0, 1)
    [form] = (chdir_tmp / "跟进").glob("安全保卫处*.xlsx")
    update_followup(form, chdir_tmp / "回收2" / "保卫处.xlsx", {}, form_date=date(2023, 12, 22))
    result = runner.invoke(
        app, ["collect", "回收", "回收2", *findings, "--as-of", "2023-12-23", "--json"]
    )
    codes = [p["code"] for p in json.loads(result.stdout)["problems"]]
    assert "reworded-hazard" not in codes, result.stdout


@pytest.mark.parametrize(
    ("closed", "said"),
    [(True, "XJ-01 已销号，这次又被查出，两行都保留即可"), (False, "XJ-01 尚未销号，请只保留")],
)
def test_a_problem_listed_again_is_told_as_the_register_knows_the_first(
    campaign: Campaign, tmp_path: Path, closed: bool, said: str
) -> None:
    """The list's warning of a problem listed twice gave both cases (尚未销号的… 已销号的…)
    of a problem the register knew 销号 (clerk trial 186 AL13): it says the one that is."""
    from huitoukan.findings.reading import restated_as_they_stand

    again = dict(ROWS[0], 问题编号="SC-01", 问题来源="市级抽查", 发现时间="2023年12月18日",
                 整改时限="2023年12月31日")  # fmt: skip
    listed = read_findings(findings_list(tmp_path / "清单.xlsx", [ROWS[0], again], ORDER), campaign)
    [warned] = [p for p in listed.problems if p.code is Code.FINDING_RESTATED]
    assert "尚未销号的" in warned.message and "已销号、这次又被查出的" in warned.message
    [told] = restated_as_they_stand([warned], listed.findings, lambda f: closed)
    assert said in told.message and (told.cell, told.row) == (warned.cell, warned.row)
    assert ("尚未销号" in told.message) is not closed


def test_a_problem_listed_twice_by_an_edit_is_said_on_the_next_collect_once(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """A later inspection's sheet pasted into the 交办问题清单 lists 锅炉房 again: said only
    by the next `issue --followup`, after its forms asked 总务基建处 to answer it twice
    (clerk trials 113, 115). The collect after the edit says it, once."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(chdir_tmp)
    as_of = ["--as-of", "2023-12-20", "--json"]
    runner.invoke(app, ["collect", "回收", "复查", *as_of])
    book = load_workbook("交办问题清单.xlsx")
    sheet = book.worksheets[0]
    again = [
        "SJC-01",
        "市级抽查",
        "2023-12-18",
        "锅炉房",
        "锅炉房未安装一氧化碳报警器",
        "总务基建处",
    ]
    for column, value in enumerate(again, start=1):
        sheet.cell(12, column).value = value
    book.save("交办问题清单.xlsx")
    later = Path("全校隐患台账.xlsx").stat().st_mtime + 60
    os.utime("交办问题清单.xlsx", (later, later))

    said: list[str] = []

    def restated() -> list[str]:
        result = runner.invoke(app, ["collect", "回收", "复查", *as_of])
        found = [
            p for p in json.loads(result.stdout)["problems"] if p["code"] == "finding-restated"
        ]
        said[:] = [p["message"] for p in found]
        return [p["value"] for p in found]

    assert restated() == ["锅炉房未安装一氧化碳报警器"]
    # said as the register knows it, open (both cases were: clerk trial 186 AL13)
    assert "SD6-03 尚未销号，请只保留先发现的那一行" in said[0] and "已销号" not in said[0]
    earlier = Path("全校隐患台账.xlsx").stat().st_mtime - 60  # (its day moved back: the
    os.utime("交办问题清单.xlsx", (earlier, earlier))  # register written since is newer)
    assert restated() == []  # the list unchanged since


def test_a_problem_found_again_is_said_in_its_archive_and_the_register(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """A problem 销号 and reviewed 合格, found still there by the city, listed again as the
    collect advised (两行都保留): its 一问题一档案 still read 已清零 and the register's 交办问题
    sheet 已销号, with no word of it (clerk trials 150, 151). Both name the later problem."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(chdir_tmp)
    as_of = ["--as-of", "2023-12-20"]
    runner.invoke(app, ["collect", "回收", "复查", *as_of])
    book = load_workbook("交办问题清单.xlsx")
    again = [
        "SC-01",
        "市级抽查",
        "2023-12-19",
        "锅炉房",
        "锅炉房未安装一氧化碳报警器",
        "总务基建处",
    ]
    for column, value in enumerate(again, start=1):
        book.worksheets[0].cell(14, column).value = value
    book.save("交办问题清单.xlsx")
    later = Path("全校隐患台账.xlsx").stat().st_mtime + 60
    os.utime("交办问题清单.xlsx", (later, later))
    runner.invoke(app, ["collect", "回收", "复查", *as_of])
    rows = sheet_rows(Path("全校隐患台账.xlsx"), REGISTER_ASSIGNED)
    states = {r["问题编号"]: str(r["状态"]) for r in rows}
    assert states["SD6-03"].endswith("（此后再次发现：SC-01）")
    assert "再次发现" not in states["SC-01"] and "再次发现" not in states["SJ4-02"]
    assert runner.invoke(app, ["sample", "--all", *as_of]).exit_code in (0, 1)
    page = [
        str(c.value)
        for row in load_workbook("抽查档案（全部）.xlsx")["SD6-03"].iter_rows()
        for c in row
        if c.value
    ]
    [state] = [page[i + 1] for i, text in enumerate(page) if text == "整改状态"]
    assert state.endswith(
        "\n此后再次发现：SC-01（市级抽查，2023年12月19日发现），另列为交办问题，重新整改情况见该问题"
    )


def test_a_list_giving_a_problem_its_department_says_so_plainly() -> None:
    """A problem given its first department, or another, after its 整改时限: said overdue
    from that day; given none (“由 （未明确） 改为…：不再负责的部门…”, of a department that
    never was), said given; a department renamed in campaign.toml (formerly) is no change
    of department (clerk trial 139)."""
    from huitoukan.findings.changes import list_changes

    what = {"source": "督导组", "found_on": date(2023, 12, 1), "location": "图书馆",
            "description": "灭火器压力不足", "deadline": date(2023, 12, 15)}  # fmt: skip
    before = [Finding(number="DD-01", departments=(), **what),
              Finding(number="DD-02", departments=("附属医院",), **what),
              Finding(number="DD-03", departments=("附属医院",), **what)]  # fmt: skip
    now = [Finding(number="DD-01", departments=("安全保卫处",), **what),
           Finding(number="DD-02", departments=("卫生健康中心",), **what),
           Finding(number="DD-03", departments=("学生工作处",), **what)]  # fmt: skip
    said = list_changes(before, now, "清单.xlsx", AS_OF, {"附属医院": "卫生健康中心"})
    assert [p.value for p in said] == ["DD-01", "DD-03"]
    assigned, moved = (p.message for p in said)
    assert assigned.startswith("交办问题 DD-01 已明确责任部门：安全保卫处，报回答复前按未反馈计")
    past = "整改时限 2023年12月15日 在交办前已过，清单中不改的，逾期天数从交办之日（2023年12月20日）算起"
    assert past in assigned and past in moved
    assert moved.startswith("交办问题 DD-03 的责任部门由 附属医院 改为 学生工作处")
    on_time = list_changes(before, now, "清单.xlsx", date(2023, 12, 15))  # the same day
    assert not any("在交办前已过" in p.message for p in on_time)


@pytest.mark.parametrize(
    ("numbers", "renumbered"),
    [(("1", "DD-02"), True), (("SD-1", "SD-1"), False), (("1", "2"), True)],
)
def test_a_problem_whose_seq_is_replaced_by_a_number_is_said_renumbered(
    numbers: tuple[str, str], renumbered: bool
) -> None:
    """The inspectors' sheet had only 序号, read as the 编号; given 编号 DD-02… as issue
    advised, each was said deleted, its department to drop the 编号 (clerk trial 115)."""
    from huitoukan.findings.changes import list_changes, removed
    from huitoukan.model.findings import Finding

    what = {"source": "督导组", "found_on": date(2023, 12, 26), "location": "图书馆",
            "description": "灭火器压力不足", "departments": ("安全保卫处",)}  # fmt: skip
    before = [Finding(number=numbers[0], **what)]
    now = [Finding(number=numbers[1], **what)]
    said = list_changes(before, now, "交办问题清单.xlsx", AS_OF)
    assert [
        p.message.startswith(f"清单中编为 {numbers[0]} 的交办问题现在的编号是") for p in said
    ] == ([True] if renumbered else [])
    assert removed(before, now) == {}
    unassigned = list_changes(
        [before[0].model_copy(update={"departments": ()})],
        [now[0].model_copy(update={"departments": ()})],
        "交办问题清单.xlsx",
        AS_OF,
    )  # (“（未明确）手中若有填着旧编号…”: clerk trial 150)
    assert [
        p.message.endswith("它还没有明确责任部门，明确后下发的表格用新编号") for p in unassigned
    ] == ([True] if renumbered else [])
    elsewhere = [Finding(number="DD-09", **{**what, "location": "食堂"})]
    assert list_changes(before, elsewhere, "交办问题清单.xlsx", AS_OF)[0].message.startswith(
        f"交办问题 {numbers[0]}（图书馆"
    )


def test_a_list_given_after_the_register_judges_its_rows_the_same(
    runner: CliRunner, campaign: Campaign, listed: Path, chdir_tmp: Path
) -> None:
    """A register collected without the list, its status asked with the list: the row
    answering XJ-01 without a 整改时限 of its own is judged against the problem's
    (12月15日) in the overdue list as in the 交办问题 parts, as when collected with it."""
    _guard_answers_xj01_without_deadline(campaign, listed, chdir_tmp / "回收")
    as_of = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *as_of]).exit_code in (0, 1)
    later = json.loads(
        runner.invoke(app, ["status", "--json", *as_of, "--findings", str(listed)]).stdout
    )
    [part] = [p for p in later["parts"] if p["number"] == "XJ-01"]
    assert part["state"] == "逾期" and part["days_overdue"] == 5
    [xj] = [v for v in later["overdue"] if v["location"] == "3号教学楼"]
    assert xj["days_overdue"] == 5
    runner.invoke(app, ["collect", "回收", *as_of, "--findings", str(listed)])
    together = json.loads(runner.invoke(app, ["status", "--json", *as_of]).stdout)
    assert later["overdue"] == together["overdue"] and later["parts"] == together["parts"]
    moved = [
        {**row, "整改时限": date(2023, 12, 18)} if row.get("问题编号") == "XJ-01" else row
        for row in ROWS
    ]
    relisted = findings_list(chdir_tmp / "改期.xlsx", moved, ORDER)
    again = json.loads(
        runner.invoke(app, ["status", "--json", *as_of, "--findings", str(relisted)]).stdout
    )
    [xj] = [v for v in again["overdue"] if v["location"] == "3号教学楼"]
    assert xj["days_overdue"] == 2  # the list's new 整改时限, not the one matched before


@pytest.mark.parametrize(
    "left", [{}, {"检查时间": date(2023, 12, 10)}, {"销号时间": date(2023, 12, 10)}]
)
def test_an_answer_emptied_in_a_new_version_is_said_on_its_row(
    campaign: Campaign, listed: Path, tmp_path: Path, left: dict[str, object]
) -> None:
    """A department sends a corrected version whose assigned row is back as issued: the
    old answer is kept, and the new version's row is named (not "deleted"). So it is when
    the 检查时间 was left (the register took the blanks for the answer: clerk trial 67)."""
    findings = read_findings(listed, campaign).findings
    folder = tmp_path / "回收"
    filled_form(
        campaign,
        "总务基建处",
        folder / "总务.xlsx",
        [],
        assigned=findings,
        answers={"SD-01": answer(整改措施="加固围墙", 整改时限=date(2023, 12, 30))},
        form_date=date(2023, 12, 12),
    )
    filled_form(
        campaign,
        "总务基建处",
        folder / "总务（修改后）.xlsx",
        [closed(部位="食堂")],
        assigned=findings,
        answers={"SD-01": left},
        form_date=date(2023, 12, 14),
    )
    result = collect_to_register(
        campaign, [folder], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    )
    [cleared] = [p for p in result.collection.problems if p.code is Code.VANISHED_HAZARD]
    assert "SD-01 的整改情况在新版本中被清空" in cleared.message and "被删除" not in cleared.message
    form = load_workbook(folder / "总务（修改后）.xlsx")[FORM_SHEET]
    [issued] = [c for row in form.iter_rows() for c in row if c.value == "SD-01"]
    assert (cleared.cell, cleared.row) == (issued.coordinate, issued.row)
    assert (cleared.field, cleared.value) == ("问题编号", "SD-01")  # the cell marked
    kept = [h for h in result.collection.hazards if h.number == "SD-01"]
    assert [h.measures for h in kept] == ["加固围墙"]  # the old answer, still followed
    assert not [p for p in result.collection.problems if p.code is Code.ASSIGNMENT_UNANSWERED]


def test_collect_refuses_a_bad_or_missing_list_and_writes_nothing(
    runner: CliRunner, campaign: Campaign, listed: Path, chdir_tmp: Path
) -> None:
    _returns(campaign, listed, chdir_tmp / "回收")
    findings_list(chdir_tmp / "坏.xlsx", [dict(ROWS[0], 责任部门="财务处")])
    bad = runner.invoke(app, ["collect", "回收", "--findings", "坏.xlsx"])
    assert bad.exit_code == 2 and "财务处" in bad.output and "未做任何改动" in bad.output
    missing = runner.invoke(app, ["collect", "回收", "--findings", "没有.xlsx"])
    assert missing.exit_code == 2 and "找不到交办问题清单" in missing.output
    assert not (chdir_tmp / "全校隐患台账.xlsx").exists()
    good = runner.invoke(app, ["collect", "回收", "--findings", str(listed)])
    assert good.exit_code == 1, good.output  # 总务 left its part of SD-01 unanswered
    assert (chdir_tmp / "全校隐患台账.xlsx").exists()


def test_a_bad_list_is_refused_naming_every_cell(campaign: Campaign, tmp_path: Path) -> None:
    rows = [
        dict(ROWS[0], 问题来源="区里检查"),
        dict(ROWS[0], 问题编号="XJ-02", 责任部门="财务处"),
        dict(ROWS[0], 问题编号="XJ-03", 问题描述=""),
        dict(ROWS[0], 问题编号="XJ-01"),
        dict(ROWS[0], 问题编号="XJ-04", 发现时间="上个月"),
    ]
    path = findings_list(tmp_path / "坏清单.xlsx", rows)
    with pytest.raises(FindingsError) as raised:
        read_findings(path, campaign)
    found = {(p.code, p.cell) for p in raised.value.problems if p.severity is Severity.ERROR}
    letter = {h: "ABCDEFGH"[i] for i, h in enumerate(LIST_HEADERS)}
    assert found == {
        (Code.FINDING_UNKNOWN_SOURCE, f"{letter['问题来源']}4"),
        (Code.FINDING_UNKNOWN_DEPARTMENT, f"{letter['责任部门']}5"),
        (Code.FINDING_MISSING_DESCRIPTION, f"{letter['问题描述']}6"),
        (Code.FINDING_DUPLICATE_NUMBER, f"{letter['问题编号']}7"),
        (Code.BAD_DATE, f"{letter['发现时间']}8"),
    }


def test_a_list_copied_from_a_notice_is_read_as_a_return_would_be(
    campaign: Campaign, tmp_path: Path
) -> None:
    """整改时限 “12月15日前” copied from a county notice was an error in the list, though a
    return reads it as that day; a department's name one character off was refused without
    the name meant (clerk trial 65). The day is read; the name is suggested."""
    rows = [
        dict(ROWS[0], 整改时限="12月15日前"),
        dict(ROWS[0], 问题编号="XJ-02", 责任部门="总务基建部"),
        dict(ROWS[0], 问题编号="XJ-03", 发现时间="11月10日前", 问题描述="消防通道堆放杂物"),
    ]
    path = findings_list(tmp_path / "清单.xlsx", rows)
    with pytest.raises(FindingsError) as raised:
        read_findings(path, campaign)
    said = {p.code: p for p in raised.value.problems}
    assert set(said) == {Code.FINDING_UNKNOWN_DEPARTMENT, Code.BAD_DATE}
    assert said[Code.BAD_DATE].field == "发现时间"  # a day found is a day, not one before
    assert said[Code.FINDING_UNKNOWN_DEPARTMENT].message.startswith(
        "责任部门“总务基建部”不在本次活动的部门名单中，是不是“总务基建处”？请填写部门全称"
    )
    [first, *_] = read_findings(findings_list(tmp_path / "好.xlsx", rows[:1]), campaign).findings
    assert first.deadline == date(2023, 12, 15)


def test_a_deadline_written_as_a_term_is_counted_from_the_day_the_problem_was_found(
    campaign: Campaign, tmp_path: Path
) -> None:
    """整改时限 “立即”, “一周内”, “年底前” in a list were errors that stopped issue, though
    a return reads them from its 检查时间 (clerk trial 71): read from the 发现时间
    (2023年11月10日), each said; without a 发现时间 there is nothing to count from."""
    terms = {"XJ-01": "立即", "XJ-02": "一周内", "XJ-03": "年底前"}
    rows = [
        dict(ROWS[0], 问题编号=number, 整改时限=term, 问题描述=f"{term}整改的问题")
        for number, term in terms.items()
    ]
    read = read_findings(findings_list(tmp_path / "清单.xlsx", rows), campaign)
    deadlines = {f.number: f.deadline for f in read.findings}
    assert deadlines == {
        "XJ-01": date(2023, 11, 10),
        "XJ-02": date(2023, 11, 17),
        "XJ-03": date(2023, 12, 31),
    }
    said = [p for p in read.problems if p.code is Code.DEADLINE_AS_TERM]
    assert [p.value for p in said] == list(terms.values())
    assert "从发现时间" in said[1].message and "2023年11月17日" in said[1].message
    undated = [dict(rows[1], 发现时间=None)]
    with pytest.raises(FindingsError) as raised:
        read_findings(findings_list(tmp_path / "无发现时间.xlsx", undated), campaign)
    [bad] = [p for p in raised.value.problems if p.code is Code.BAD_DATE]
    # what to do, not “无法识别为日期” (clerk trial 72)
    assert bad.message.startswith("整改时限“一周内”要从发现时间算起，而这一行没有填写发现时间")
    # one typed and not understood is not said to be blank (clerk trial 184 AJ6)
    unread = [dict(rows[1], 发现时间="十二月")]
    with pytest.raises(FindingsError) as raised:
        read_findings(findings_list(tmp_path / "发现时间有误.xlsx", unread), campaign)
    said = [p.message for p in raised.value.problems if p.code is Code.BAD_DATE]
    assert (
        "整改时限“一周内”要从发现时间算起，而这一行的发现时间无法识别：请改正发现时间" in said[-1]
    )
    # a 发现时间 typed as a number into a date cell (12.18: a day of 1900 to LibreOffice)
    # is said to be one (clerk trial 185 AK6)
    number = [dict(rows[0], 发现时间=datetime(1900, 1, 12, 4, 19, 12))]
    with pytest.raises(FindingsError) as raised:
        read_findings(findings_list(tmp_path / "发现时间是数字.xlsx", number), campaign)
    said = [p.message for p in raised.value.problems if p.code is Code.BAD_DATE]
    assert said[0].startswith("发现时间“12") and "无法识别为日期（填的是数字，" in said[0], said


def test_a_problem_handed_to_two_departments_under_two_numbers_is_said(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A-01 for 学生工作处 and A-02 for 各二级学院, the same 部位 and 问题描述: not said (only a
    department's own problems were compared: clerk trial 73), each answering its half. Said
    on the later row; not for a problem of one department listed with another's, nor for
    one worded differently."""
    base = {"问题来源": "县（市、区）普查", "发现时间": date(2023, 11, 10), "部位": "学生公寓3号楼",
            "问题描述": "私拉电线", "整改时限": date(2023, 12, 15)}  # fmt: skip
    rows = [
        dict(base, 问题编号="A-01", 责任部门="学生工作处"),
        dict(base, 问题编号="A-02", 责任部门="各二级学院", 问题描述="私拉电线。"),
        dict(base, 问题编号="A-03", 责任部门="总务基建处", 问题描述="楼道堆放杂物"),
        dict(base, 问题编号="A-04", 责任部门="学生工作处、总务基建处"),
    ]
    read = read_findings(findings_list(tmp_path / "清单.xlsx", rows), campaign)
    [said] = [p for p in read.problems if p.code is Code.FINDING_SAME_ELSEWHERE]
    row = {f.number: f.row for f in read.findings}
    assert (said.row, said.value) == (row["A-02"], "各二级学院")
    first = f"与第 {row['A-01']} 行的 A-01（学生工作处）部位和问题描述相同，而责任部门不同"
    assert said.message.startswith(first)


def test_a_problem_found_again_under_a_new_number_is_said(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The 省级督查 of 12月21日 finds again what the 省第六轮督查 had (锅炉房, its CO alarm), and
    the clerk copies it in under a new 编号: nothing was said, the department answered it
    twice and its one photo was then “reused” (clerk trial 66). Said on the later row, naming
    the earlier; not for another department's like problem, nor for a different one."""
    first = {
        "问题编号": "SD6-03", "问题来源": "省级督查", "发现时间": date(2023, 10, 26),
        "部位": "锅炉房", "问题描述": "锅炉房未安装一氧化碳报警器", "责任部门": "总务基建处",
        "整改时限": date(2023, 12, 18),
    }  # fmt: skip
    again = dict(
        first, 问题编号="SD7-03", 发现时间=date(2023, 12, 21), 问题描述="未安装一氧化碳报警器"
    )
    again["整改时限"] = date(2023, 12, 31)
    elsewhere = dict(again, 问题编号="SD7-04", 责任部门="附属医院")
    other = dict(again, 问题编号="SD7-05", 问题描述="锅炉房门口消防通道被煤堆占用")
    path = findings_list(tmp_path / "清单.xlsx", [again, first, elsewhere, other])
    said = [p for p in read_findings(path, campaign).problems if p.code is Code.FINDING_RESTATED]
    assert [(p.row, p.cell) for p in said] == [(4, "E4")]  # SD7-03's 问题描述, the later one
    assert said[0].message.startswith(
        "与第 5 行的 SD6-03（省级督查，2023年10月26日发现）说的是同一个问题（相似度 "
    )


def inspections_workbook(path: Path) -> Path:
    """A provincial list as another office sends it (openpyxl, not our template): a sheet
    per source, titles above two-part headers in its own words (no 问题来源 column), a
    序号 before the 问题编号, a group heading merged across a row, and a 合计 row."""
    from openpyxl import Workbook

    wb = Workbook()
    sheets = {
        "省级督查": [
            (
                "SD-01",
                "北围墙",
                "围墙开裂倾斜",
                "安全保卫处、总务基建处",
                "设置围挡",
                "2023年12月30日",
            ),
            ("SD-02", "东门", "防冲撞设施缺失", "安全保卫处", "加装隔离桩", "2023.12.25"),
        ],
        "四进巡查": [("4J-01", "岗亭", "一键报警未联网", "警务室", "联网", "12月28日")],
    }
    for n, (name, rows) in enumerate(sheets.items()):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = name
        ws["A1"] = "2023年安全检查发现问题清单"
        ws.merge_cells("A1:G1")
        header = [
            "序号",
            "问题编号",
            "隐患部位",
            "隐患描述",
            "整改责任单位",
            "整改措施",
            "完成时间",
        ]
        ws.append(header)
        ws.append(["一、校园周边"])
        ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=7)
        for seq, row in enumerate(rows, start=1):
            ws.append([seq, *row])
        ws.append(["合计", None, None, f"共{len(rows)}个问题"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def test_a_list_as_other_offices_send_it_is_read_whole(campaign: Campaign, tmp_path: Path) -> None:
    """Clerk trial 85: of a list with a sheet per source only the first was read (the rest
    lost, their errors too); its 序号 was taken for the 问题编号; 隐患部位, 隐患描述,
    整改责任单位, 整改措施 and 完成时间 went unread (every problem 未分配), a list with no
    问题来源 column was refused whole, and heading and 合计 rows stopped it with errors.
    Every sheet is read, each its source by its name; the plainer header wins; group
    headings and 合计 lines are said and skipped."""
    listed = read_findings(inspections_workbook(tmp_path / "省级检查.xlsx"), campaign)
    found = {f.number: f for f in listed.findings}
    assert list(found) == ["SD-01", "SD-02", "4J-01"]
    wall, gate, booth = found.values()
    assert (wall.source, booth.source) == ("省级督查", "四进巡查")
    assert wall.departments == ("安全保卫处", "总务基建处") and booth.departments == ("学院警务室",)
    assert (wall.location, wall.description, wall.requirement) == (
        "北围墙",
        "围墙开裂倾斜",
        "设置围挡",
    )
    assert (wall.deadline, gate.deadline, booth.deadline) == (
        date(2023, 12, 30),
        date(2023, 12, 25),
        date(2023, 12, 28),
    )
    kinds = (Code.FINDING_SOURCE_OF_SHEET, Code.FINDING_ROW_SKIPPED)
    about = [p for p in listed.problems if p.code in kinds]
    said = [(p.code, p.sheet, p.row) for p in about]
    assert said == [
        (Code.FINDING_SOURCE_OF_SHEET, "省级督查", 2),
        (Code.FINDING_ROW_SKIPPED, "省级督查", 3),
        (Code.FINDING_ROW_SKIPPED, "省级督查", 6),
        (Code.FINDING_SOURCE_OF_SHEET, "四进巡查", 2),
        (Code.FINDING_ROW_SKIPPED, "四进巡查", 3),
        (Code.FINDING_ROW_SKIPPED, "四进巡查", 5),
    ]
    messages = [p.message for p in about]
    assert messages[0].startswith(
        "清单没有“问题来源”一列，这张工作表的问题都按工作表名“省级督查”计为省级督查"
    )
    assert messages[1].startswith("这一行（“一、校园周边”）像是分组标题，不是问题，已跳过")
    assert messages[2] == "这一行（“合计”）是合计行，不是问题，已跳过"


@pytest.mark.parametrize("merged", [False, True])
def test_notes_under_a_list_are_said_and_skipped(
    campaign: Campaign, tmp_path: Path, merged: bool
) -> None:
    """A list with a note under its header (注：…) and one under its problems (备注：本清单由…
    汇总): the last was read as a problem with no source or description, and the list
    refused (session 23). Typed in with openpyxl, the first merged across the row or not."""
    listed = findings_list(tmp_path / "清单.xlsx", ROWS, ORDER)
    book = load_workbook(listed)
    ws = book.active
    ws.insert_rows(4)
    ws.cell(4, 1).value = "注：整改时限以督查通知为准，已整改的请附佐证材料。"
    if merged:
        ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=len(ORDER))
    last = ws.max_row + 2
    ws.cell(last, 1).value = "备注：本清单由安全保卫处汇总，如有疑问请联系 0632-1234567"
    ws.cell(last + 1, 1).value = "制表人：王敏"  # and beside it (it refused the list: trial 102)
    ws.cell(last + 1, 5).value = "审核人：李强"
    ws.cell(last + 2, 1).value = "检查组成员：赵一、钱二　学校陪同人员：刘建国"
    # label and name in cells of their own (a problem numbered 王敏: trial 103)
    for column, text in enumerate(("制表人：", "王敏", "审核人：", "李强"), start=1):
        ws.cell(last + 3, column).value = text
    ws.cell(last + 4, 6).value = "2023年11月12日"  # the day signed, alone (trial 104)
    ws.cell(last + 5, 1).value, ws.cell(last + 5, 2).value = "日期：", "2023年11月12日"
    # whoever signs, however the form names them (trial 105)
    ws.cell(last + 6, 1).value = "检查组长：王五"
    ws.cell(last + 6, 3).value, ws.cell(last + 6, 4).value = "带队领导：", "李四"
    ws.cell(last + 7, 1).value, ws.cell(last + 7, 2).value = "被检查单位负责人（签字）：", "张三"
    # a label without its colon, the name beside it (a problem sourced 张伟: trial 106)
    for column, text in enumerate(("检查组长", "张伟", "制表人（签字）", "王敏、李强"), start=1):
        ws.cell(last + 8, column).value = text
    # ... and the others a list signs with (read as problems: clerk trial 108)
    for column, text in enumerate(("记录人", "刘洋", "被检查单位负责人", "张三"), start=1):
        ws.cell(last + 10, column).value = text
    ws.cell(last + 11, 4).value, ws.cell(last + 11, 5).value = "陪同人员", "赵六"
    # ... but a problem whose text ends like a signer's label is not taken for one
    problem_row = {1: "宿舍无值班人员", 2: "学工处", 3: "XJ-09", 6: "县（市、区）普查"}
    for column, text in problem_row.items():
        ws.cell(last + 9, column).value = text
    book.save(listed)
    plain = read_findings(findings_list(tmp_path / "原样.xlsx", ROWS, ORDER), campaign)
    read = read_findings(listed, campaign)
    assert [f.number for f in read.findings] == [f.number for f in plain.findings] + ["XJ-09"]
    skipped = [p for p in read.problems if p.code is Code.FINDING_ROW_SKIPPED]
    assert [p.row for p in skipped] == [4, *range(last, last + 9), last + 10, last + 11]
    assert skipped[1].message.startswith("这一行（“备注：本清单由安全保卫处汇总")
    assert skipped[1].message.endswith("”）是说明文字，不是问题，已跳过")


def test_hidden_sheets_covers_titles_of_two_sources_and_row_numbers_are_said(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Clerk trial 86: a hidden sheet's problems went unread without a word; a cover sheet
    showing an example row stopped the whole list; a title naming two sources gave every
    problem the first; 序号 1, 2, 3 taken for the numbers went unsaid."""
    from openpyxl import load_workbook

    path = inspections_workbook(tmp_path / "省级检查.xlsx")
    wb = load_workbook(path)
    wb["四进巡查"].sheet_state = "hidden"
    cover = wb.create_sheet("封面", 0)
    cover.append(["填表示例"])
    cover.append(["问题编号", "问题来源", "部位", "问题描述", "责任部门"])
    cover.append(["示例", "省级督查", "东门", "防冲撞设施缺失", "安全保卫处"])
    wb.save(path)
    listed = read_findings(path, campaign)
    assert [f.number for f in listed.findings] == ["SD-01", "SD-02", "4J-01"]
    [hidden] = [p for p in listed.problems if p.code is Code.FINDING_HIDDEN_SHEET]
    assert hidden.message.startswith("工作表“四进巡查”是隐藏的，其中的问题也已读取")
    assert "封面" not in {p.sheet for p in listed.problems}
    # a hidden old draft repeating a sheet's numbers is left out, not a list refused for
    # them (clerk trial 88)
    wb = load_workbook(path)
    draft = wb.copy_worksheet(wb["省级督查"])
    draft.title, draft.sheet_state = "省级督查（初稿）", "hidden"
    wb.save(path)
    listed = read_findings(path, campaign)
    assert [f.number for f in listed.findings] == ["SD-01", "SD-02", "4J-01"]
    [_, old] = [p for p in listed.problems if p.code is Code.FINDING_HIDDEN_SHEET]
    assert old.message.startswith("工作表“省级督查（初稿）”是隐藏的，其中的问题编号（如 SD-01）")
    # one sheet of both, titled with both, and numbered by its 序号 alone
    wb = load_workbook(path)
    for name in ("封面", "四进巡查", "省级督查（初稿）"):
        del wb[name]
    ws = wb["省级督查"]
    ws.title = "Sheet1"
    ws["A1"] = "2023年省级督查及“四进”巡查发现问题清单"
    ws.delete_cols(2)  # 问题编号: 序号 is the number
    wb.save(path)
    with pytest.raises(FindingsError) as refused:
        read_findings(path, campaign)
    said = {p.code: p for p in refused.value.problems}
    assert said[Code.FINDING_NO_SOURCE].message.startswith(
        "清单没有“问题来源”一列，而标题“2023年省级督查及“四进”巡查发现问题清单”中写了几个来源"
        "（省级督查、四进巡查）"
    )
    assert said[Code.FINDING_ROW_NUMBERS].message.startswith(
        "这张工作表没有“问题编号”一列，按“序号”（1、2、3……）作为问题编号"
    )


def test_a_list_without_a_source_column_takes_it_from_its_title_or_says_it_cannot(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A county list carries its source in its title, not a column: it was refused whole,
    the message naming no missing column (clerk trial 85)."""
    order = [h for h in ORDER if h != "问题来源"]
    listed = findings_list(tmp_path / "清单.xlsx", [ROWS[0]], order)  # titled 各级检查…
    with pytest.raises(FindingsError) as refused:
        read_findings(listed, campaign)
    [said] = refused.value.problems
    assert said.code is Code.FINDING_NO_SOURCE
    assert said.message.startswith("清单没有“问题来源”一列，工作表名、标题和文件名中也看不出")
    county = findings_list(tmp_path / "县级普查发现问题.xlsx", [ROWS[0]], order)
    [finding] = read_findings(county, campaign).findings
    assert finding.source == "县级普查"
    # its level's place and its kind apart (refused: clerk trial 86)
    county = findings_list(tmp_path / "XX县教育和体育局安全隐患普查问题.xlsx", [ROWS[0]], order)
    [finding] = read_findings(county, campaign).findings
    assert finding.source == "县级普查"
    # by the authority that inspected, of a level with one source (refused: trial 102)
    city = findings_list(tmp_path / "枣庄市教育局校园安全专项检查问题.xlsx", [ROWS[0]], order)
    [finding] = read_findings(city, campaign).findings
    assert finding.source == "市级抽查"
    for unknown in ("山东省教育厅专项检查问题", "枣庄市第一中学安全检查问题"):  # 省: three
        with pytest.raises(FindingsError) as refused:
            read_findings(findings_list(tmp_path / f"{unknown}.xlsx", [ROWS[0]], order), campaign)
        [said] = refused.value.problems
        named = (
            "文件名“山东省教育厅专项检查问题”中的检查单位是省级的，而本次活动省级的来源有省级督查、"
        )
        assert (named in said.message) is unknown.startswith("山东"), said.message
    # the work plan's own name of the inspection (refused: clerk trial 181 AH4)
    named = "山东省教育厅督导组学校安全专项整治回头看检查反馈问题清单"
    plan = read_findings(findings_list(tmp_path / f"{named}.xlsx", [ROWS[0]], order), campaign)
    assert [f.source for f in plan.findings] == ["省级督查"]
    # an authority of a level the campaign has no source of: said so, with what to add
    # (“看不出是哪一级” of a 市教育局 list in a campaign without 市级抽查: trial 188 AN8)
    without_city = campaign.model_copy(
        update={"sources": tuple(s for s in campaign.sources if s.level != "市级")}
    )
    with pytest.raises(FindingsError) as refused:
        read_findings(city, without_city)
    [said] = refused.value.problems
    assert said.message.startswith(
        "清单没有“问题来源”一列，文件名“枣庄市教育局校园安全专项检查问题”中的检查单位是市级的，"
        "而 campaign.toml 中没有市级的问题来源（现有：县级普查、省级督查"
    ), said.message
    assert 'level = "市级"' in said.message


def test_a_list_whose_header_is_not_found_is_told_the_column_it_lacks(
    campaign: Campaign, tmp_path: Path
) -> None:
    """“找不到问题清单的表头”, naming no column, and asking for the list to be typed again
    into the template (clerk trial 85): the row most like a header, and what it lacks."""
    order = ["问题编号", "部位", "情况说明", "责任部门", "整改时限"]
    listed = findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 情况说明="x")], order)
    with pytest.raises(HuitoukanError) as refused:
        read_findings(listed, campaign)
    assert (
        "清单.xlsx 中找不到问题清单的表头：工作表“问题清单”第 3 行像是表头（认出了问题编号、部位、"
        "责任部门、整改时限），但没有“问题描述”一列"
    ) in str(refused.value)


@pytest.mark.parametrize("number", ["", "QT-09"])
def test_a_problem_listed_twice_is_asked_to_be_deleted(
    campaign: Campaign, tmp_path: Path, number: str
) -> None:
    """The same row pasted twice (without a 编号, both were given the same one): “问题编号
    “”与第 5 行重复，请改为不同的编号” quoted an empty cell and asked for renumbering."""
    row = {"问题编号": number, "问题来源": "其他", "部位": "西侧道路", "问题描述": "路灯损坏"}
    path = findings_list(tmp_path / "清单.xlsx", [row, row])
    with pytest.raises(FindingsError) as raised:
        read_findings(path, campaign)
    [said] = [p for p in raised.value.problems if p.code is Code.FINDING_DUPLICATE_NUMBER]
    assert said.message == (
        "这一行与第 4 行的来源、部位和问题描述都相同（同一个问题列了两次），请删去其中一行"
    )


def test_a_problem_listed_once_for_each_of_its_departments_is_asked_to_be_one_row(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Two departments rectifying one problem typed as two rows: told only to delete one,
    the clerk lost a department (clerk trial 47). The message says how to write both."""
    row = {"问题编号": "SD-1", "问题来源": "省级督查", "部位": "食堂", "问题描述": "燃气管老化"}
    path = findings_list(
        tmp_path / "清单.xlsx",
        [{**row, "责任部门": "总务基建处"}, {**row, "责任部门": "学生工作处"}],
    )
    with pytest.raises(FindingsError) as raised:
        read_findings(path, campaign)
    [said] = [p for p in raised.value.problems if p.code is Code.FINDING_DUPLICATE_NUMBER]
    assert said.message == (
        "这一行与第 4 行是同一个问题，只是责任部门不同：几个部门共同整改的，请在一行的“责任部门”中"
        "写全，用顿号分隔（总务基建处、学生工作处），再删去另一行"
    )
    # each its own 整改时限: merging keeps one, and the message says so (trial 49)
    apart = [{**row, "责任部门": "总务基建处", "整改时限": "2024-03-31"},
             {**row, "责任部门": "学生工作处", "整改时限": "2024-06-30"}]  # fmt: skip
    with pytest.raises(FindingsError) as raised:
        read_findings(findings_list(tmp_path / "清单二.xlsx", apart), campaign)
    [said] = [p for p in raised.value.problems if p.code is Code.FINDING_DUPLICATE_NUMBER]
    assert "只是责任部门和整改时限不同" in said.message and "写上统一的整改时限" in said.message


def test_issue_refuses_a_bad_list_before_writing_anything(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    findings_list(chdir_tmp / "坏.xlsx", [dict(ROWS[0], 责任部门="财务处")])
    result = runner.invoke(app, ["issue", "--findings", "坏.xlsx"])
    assert result.exit_code == 2 and "财务处" in result.output
    assert not (chdir_tmp / "发放").exists()


def test_each_form_lists_its_assigned_problems_first_protected(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    findings = read_findings(listed, campaign).findings
    issue_forms(campaign, tmp_path / "发放", findings=findings)
    wb = load_workbook(tmp_path / "发放" / form_file_name("安全保卫处"))
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    first = header_row + 1
    assert [ws.cell(first + n, columns["问题编号"]).value for n in range(2)] == ["XJ-01", "SD-01"]
    assert ws.cell(first, columns["问题来源"]).value == "县级普查"
    assert ws.cell(first, columns["存在隐患问题"]).value == "二楼走廊灭火器压力不足"
    assert ws.cell(first, columns["整改时限"]).value.date() == date(2023, 12, 15)
    assert ws.cell(first + 2, columns["问题来源"]).value == "自查"  # rows for its own findings
    assert ws.protection.sheet and not ws.protection.password
    for header in ("问题编号", "问题来源", "部位", "存在隐患问题", "整改时限"):
        assert ws.cell(first, columns[header]).protection.locked
    for header in ("整改措施", "整改完成情况", "责任人", "销号时间", "备注"):
        assert not ws.cell(first, columns[header]).protection.locked
    assert not ws.cell(first + 2, columns["部位"]).protection.locked
    assert ws.protection.insertRows is False  # rows may still be inserted
    listing = wb[ASSIGNED_SHEET]
    assert [c.value for c in listing[3]][:2] == ["XJ-01", "县级普查"]
    assert "更换灭火器，建立月检制度" in [c.value for c in listing[3]]
    assert listing.cell(2, 8).value == "共同整改部门"  # SD-01 is 保卫处's and 总务's
    assert [listing.cell(r, 8).value for r in (3, 4)] == [None, "总务基建处"]
    police = load_workbook(tmp_path / "发放" / form_file_name("学院警务室"))
    assert ASSIGNED_SHEET in police.sheetnames
    police_form = police[FORM_SHEET]
    police_row, police_columns = header_position(police_form)
    deadline = police_form.cell(police_row + 1, police_columns["整改时限"])
    assert police_form.cell(police_row + 1, police_columns["问题编号"]).value == "4J-01"
    assert not deadline.protection.locked  # the list sets none for 4J-01: the department does
    assert police[ASSIGNED_SHEET].max_column == 7  # nothing shared: no such column
    students = load_workbook(tmp_path / "发放" / form_file_name("学生工作处"))
    assert ASSIGNED_SHEET not in students.sheetnames
    # its 填报说明 speaks of no assigned rows, nor of a 自查 it has not filled in (its
    # 问题来源 blank: clerk trial 237 CK13); 安全保卫处's does
    notes = {
        name: next(
            str(c.value)
            for row in book[FORM_SHEET].iter_rows(max_row=6)
            for c in row
            if str(c.value).startswith("填报说明")
        )
        for name, book in (("保卫处", wb), ("学工处", students))
    }
    assert "有问题编号的行是交办给本部门的问题" in notes["保卫处"]
    assert "问题来源为“自查”" in notes["保卫处"]
    assert "问题编号" not in notes["学工处"] and "问题来源" not in notes["学工处"]
    assert "自查发现的隐患填在空白行（每条隐患填一行）。" in notes["学工处"]


def test_a_copy_of_a_protected_return_opens_no_cell_the_issue_locked(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """Marking a cell unlocked it: an assigned problem's 编号 (SD-01, left unanswered) and a
    header could be typed over in the 退回修改 copy of a protected form (clerk trial 67). The
    copy is locked where the department's file was; what it filled in stays open."""
    findings = read_findings(listed, campaign).findings
    path = filled_form(
        campaign,
        "安全保卫处",
        tmp_path / "回收" / "保卫处.xlsx",
        [hazard(部位="北门", 整改措施=None)],
        assigned=findings,
        answers={"XJ-01": answer()},  # SD-01 left as issued
    )
    book = load_workbook(path)
    book[FORM_SHEET].protection.sheet = True  # as issued, typed into where a suite lets one
    book.save(path)
    collection = collect(campaign, [path.parent], as_of=AS_OF, findings=findings)
    ws = book[FORM_SHEET]
    header_row, columns = header_position(ws)
    number = ws.cell(header_row + 2, columns["问题编号"]).coordinate
    measures = ws.cell(header_row + 3, columns["整改措施"]).coordinate
    assert {number, measures} <= {p.cell for p in collection.problems}
    [copy] = write_feedback(collection, tmp_path / "退回", "安全保卫处")
    sent = load_workbook(copy.copy_path)[FORM_SHEET]
    assert sent.protection.sheet
    assert sent[number].protection.locked and sent[number].comment is not None
    assert not sent[measures].protection.locked and sent[measures].comment is not None
    assert sent.cell(header_row, columns["检查内容"]).protection.locked


def test_a_table_without_a_number_column_is_not_sent_back_for_the_number(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """高级技工学校 answers SJ4-02 on the plan's ten-column table, which has no 问题编号 column:
    its 退回修改 copy asked it to write the 编号 there, with nothing marked, every round, even
    after SJ4-02 was closed (clerk trial 67). The clerk is told; no copy is made for it."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(tmp_path / "例")
    monkeypatch.chdir(tmp_path / "例")
    result = runner.invoke(
        app, ["collect", "回收", "复查", "--feedback", "退回", "--as-of", "2023-12-20"]
    )
    said = "".join(result.output.split())
    assert (
        "表中没有“问题编号”一栏（不是下发的附件2），这一行按部位和问题描述对应到交办问题SJ4-02"
        in said
    )
    assert not list(Path("退回").glob("高级技工学校*"))


def _returns(campaign: Campaign, listed: Path, folder: Path) -> None:
    """Departments answer: 保卫处 both its problems (one closed), 总务 omits its part of
    SD-01, 医院 retyped its row without the 编号; 警务室 does not return at all."""
    findings = read_findings(listed, campaign).findings
    derived = derived_number("学校通报", "门诊楼", "消防通道堆放杂物")
    filled_form(
        campaign,
        "安全保卫处",
        folder / "保卫处.xlsx",
        [hazard(部位="东门")],
        assigned=findings,
        answers={
            "XJ-01": answer(
                整改措施="更换灭火器", 整改完成情况="已完成", 销号时间=date(2023, 12, 12)
            ),
            "SD-01": answer(整改措施="设置围挡", 整改时限=date(2023, 12, 18)),
        },
    )
    filled_form(
        campaign, "总务基建处", folder / "总务.xlsx", [closed(部位="食堂")], assigned=findings
    )
    filled_form(
        campaign,
        "附属医院",
        folder / "医院.xlsx",
        [hazard(部位="门诊楼", 存在隐患问题="消防通道内堆放杂物", 整改时限=date(2023, 12, 25))],
    )
    assert derived in {f.number for f in findings}


@pytest.mark.parametrize("department", ["附属医院", "安全保卫处"])
def test_a_row_naming_a_problem_not_its_departments_is_said_so(
    campaign: Campaign, listed: Path, tmp_path: Path, department: str
) -> None:
    """医院 writes 4J-01 (警务室's) and QT-01 (no department yet) on rows of its own. The
    receiving office keeps the list: told to add itself, not to tell itself (trial 141)."""
    assert campaign.info.receiver == "安全保卫处"
    tell = "" if department == "安全保卫处" else "告知安全保卫处"
    filled_form(
        campaign,
        department,
        tmp_path / "回收" / "医院.xlsx",
        [
            hazard(问题编号="4J-01", 问题来源="四进", 部位="岗亭"),
            hazard(问题编号="QT-01", 部位="西侧道路"),
            hazard(问题编号="SD-99", 问题来源="省级督查", 部位="南门"),
        ],
    )
    collection = collect(
        campaign,
        [tmp_path / "回收"],
        as_of=AS_OF,
        findings=read_findings(listed, campaign).findings,
    )
    said = [p.message for p in collection.problems if p.code is Code.ASSIGNMENT_OTHER_DEPARTMENT]
    assert said == [
        "交办问题 4J-01 的责任部门是学院警务室，不是本部门；这一行已按本部门自查发现的隐患汇总，"
        "不算 4J-01 的反馈。编号写错的请改正；该问题已改由其他部门负责的，删去问题编号即可（问题来源照旧）；"
        f"确由本部门整改的，请{tell}在交办问题清单的责任部门中加上本部门",  # (trial 58)
        "交办问题 QT-01 在交办问题清单中还没有明确责任部门，已按本部门自查发现的隐患汇总；"
        f"由本部门整改的，请{tell}在清单中写明",
    ]
    # nor is the row in 4J-01's history (its 一问题一档案 listed 医院's version: trial 34)
    assert collection.mentions == []
    # summed up as its own finding, it is shown as one: not as 四进's 4J-01 in the register,
    # on the 复查验收表 and among the report's answers (clerk trial 66); its 问题来源 as the
    # department gave it, as the warning tells it to keep it (自查: clerk trial 136)
    assert {(h.location, h.number, h.source) for h in collection.hazards} == {
        ("岗亭", "", "四进巡查"),
        ("西侧道路", "", "其他"),
        ("南门", "", "省级督查"),
    }
    assert not any(h.answers_a_check for h in collection.hazards)


def test_a_mistyped_number_on_an_answer_is_named_as_typed(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """XJ-1 for XJ-01 on 保卫处's answer, recognised by its content: the message said the
    row had no 编号 (“没有写交办问题编号（或编号有误）”: clerk trial 34); it names the one typed."""
    findings = read_findings(listed, campaign).findings
    filled_form(
        campaign,
        "安全保卫处",
        tmp_path / "回收" / "保卫处.xlsx",
        [closed(问题编号="XJ-1", 部位="3号教学楼", 存在隐患问题="二楼走廊灭火器压力不足")],
    )
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    [said] = [p for p in collection.problems if p.code is Code.ASSIGNMENT_MATCHED_BY_CONTENT]
    assert said.message.startswith("这一行写的编号 XJ-1 不在交办问题清单中")
    assert "请把编号改为 XJ-01" in said.message


def test_a_row_of_its_own_problem_numbered_as_anothers_answers_its_own(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """医院 answers its own 门诊楼 problem on a row whose 编号 it overwrote with 4J-01
    (警务室's): the row answers its own problem, recognised by its content, and is asked
    for the right 编号 — the answer was lost (4J-01 not its own, its own 未反馈)."""
    findings = read_findings(listed, campaign).findings
    [own] = [f for f in findings if "附属医院" in f.departments]
    filled_form(
        campaign,
        "附属医院",
        tmp_path / "回收" / "医院.xlsx",
        [closed(问题编号="4J-01", 部位="门诊楼", 存在隐患问题="消防通道堆放杂物")],
    )
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    codes = {p.code for p in collection.problems}
    assert Code.ASSIGNMENT_UNANSWERED not in codes
    assert Code.ASSIGNMENT_OTHER_DEPARTMENT not in codes
    [said] = [p for p in collection.problems if p.code is Code.ASSIGNMENT_MATCHED_BY_CONTENT]
    assert "4J-01 不是本部门的（责任部门：学院警务室）" in said.message
    assert f"请把编号改为 {own.number}" in said.message
    [row] = collection.hazards
    assert row.number == own.number


def test_a_row_numbered_as_a_problem_no_one_was_given_says_so(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """Numbered QT-01, a problem of no department yet: “（责任部门：）”, and nothing after
    the colon (clerk trial 85)."""
    findings = read_findings(listed, campaign).findings
    assert [f.departments for f in findings if f.number == "QT-01"] == [()]
    filled_form(
        campaign,
        "附属医院",
        tmp_path / "回收" / "医院.xlsx",
        [closed(问题编号="QT-01", 部位="门诊楼", 存在隐患问题="消防通道堆放杂物")],
    )
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    [said] = [p for p in collection.problems if p.code is Code.ASSIGNMENT_MATCHED_BY_CONTENT]
    assert said.message.startswith("这一行写的交办问题编号 QT-01 尚未明确责任部门，")


def test_a_row_numbered_as_another_of_its_own_problems_answers_what_it_states(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """安全保卫处 answers XJ-01 (3号教学楼 灭火器) on a row whose 编号 it overwrote with
    SD-01, its other problem, which a later row answers: XJ-01 was 未反馈 (an error sent
    back), SD-01 answered by the 灭火器 row, and the real SD-01 row said to repeat it."""
    findings = read_findings(listed, campaign).findings
    filled_form(
        campaign,
        "安全保卫处",
        tmp_path / "回收" / "保卫处.xlsx",
        [
            closed(问题编号="SD-01", 部位="3号教学楼", 存在隐患问题="二楼走廊灭火器压力不足"),
            hazard(
                问题编号="SD-01",
                部位="北围墙",
                存在隐患问题="围墙约15米段开裂倾斜",
                整改时限=date(2023, 12, 30),
            ),
        ],
    )
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    answered = {h.location: h.number for h in collection.hazards}
    assert answered == {"3号教学楼": "XJ-01", "北围墙": "SD-01"}
    codes = [p.code for p in collection.problems if p.department == "安全保卫处"]
    assert Code.REPEATED_ANSWER not in codes
    assert Code.ASSIGNMENT_UNANSWERED not in codes
    [said] = [p for p in collection.problems if p.code is Code.ASSIGNMENT_MATCHED_BY_CONTENT]
    assert (
        "编号 SD-01 是本部门的另一个交办问题" in said.message
        and "请把编号改为 XJ-01" in said.message
    )


def test_a_return_sent_twice_is_one_version_in_a_problems_history(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """保卫处.xlsx and its byte-identical copy 保卫处(1).xlsx (重复报送): the history of
    XJ-01 (the archive page's 报送记录) lists the version once."""
    import shutil

    _returns(campaign, listed, tmp_path / "回收")
    shutil.copy(tmp_path / "回收" / "保卫处.xlsx", tmp_path / "回收" / "保卫处(1).xlsx")
    collection = collect_to_register(
        campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    ).collection
    assert [Path(m.file).name for m in collection.mentions if m.number == "XJ-01"] == [
        "保卫处.xlsx"
    ]


def test_an_archive_page_shows_what_the_answer_says_in_its_remarks(
    runner: CliRunner, campaign: Campaign, listed: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """保卫处's answer to SD-01 says in 备注 what it did meanwhile (the 补救措施 the work
    plan asks for of what cannot be rectified soon): its 一问题一档案 left it out (clerk
    trial 42). The page shows it under the part's 整改措施; a part without one, none."""
    monkeypatch.chdir(tmp_path)
    findings = read_findings(listed, campaign).findings
    note = "历史遗留问题，已设置围挡和警示标志"
    filled_form(
        campaign, "安全保卫处", Path("回收") / "保卫处.xlsx", [], assigned=findings,
        answers={"SD-01": answer(整改措施="设置围挡", 备注=note, 责任人=""), "XJ-01": answer()},
    )  # fmt: skip
    args = ["--as-of", "2023-12-20", "--findings", str(listed)]
    runner.invoke(app, ["collect", "回收", *args])
    assert runner.invoke(app, ["sample", "--all", "-o", "档案.xlsx", *args]).exit_code == 0
    pages = load_workbook("档案.xlsx")
    texts = [[c.value for c in row] for row in pages["SD-01"].iter_rows()]
    assert ["备注", note] == [t for t in texts if "备注" in t][0][:2]
    assert not [t for t in pages["XJ-01"].iter_rows(values_only=True) if "备注" in t]
    # an answer without its 责任人 says so, as the notices and the report do
    assert ["责任人", "未填写"] == [t for t in texts if "责任人" in t][0][:2]


@pytest.mark.parametrize(("closed_on", "said"), [(13, False), (14, False), (15, True)])
def test_an_archive_page_questions_a_closure_dated_after_its_form(
    runner: CliRunner, campaign: Campaign, listed: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, closed_on: int, said: bool,
) -> None:  # fmt: skip
    """A form dated 12月14日 reports XJ-01 closed on 12月15日: the register's 校验问题 says
    so, its 一问题一档案 showed it clean, 已清零 (clerk trial 108). The page asks for it to
    be checked; closed on the form's day, or before, it is not."""
    monkeypatch.chdir(tmp_path)
    findings = read_findings(listed, campaign).findings
    done = answer(整改完成情况="已完成", 销号时间=date(2023, 12, closed_on))
    filled_form(
        campaign, "安全保卫处", Path("回收") / "保卫处.xlsx", [], assigned=findings,
        answers={"XJ-01": done}, form_date=date(2023, 12, 14),
    )  # fmt: skip
    args = ["--as-of", "2023-12-20", "--findings", str(listed)]
    runner.invoke(app, ["collect", "回收", *args])
    assert runner.invoke(app, ["sample", "--all", "-o", "档案.xlsx", *args]).exit_code == 0
    texts = [str(v) for row in load_workbook("档案.xlsx")["XJ-01"].iter_rows(values_only=True)
             for v in row if v]  # fmt: skip
    questioned = (
        f"2023年12月{closed_on}日\n（晚于报送该结果的表格的表头日期 2023年12月14日，请核实）"
    )
    assert (questioned in texts) is said, texts


def test_a_version_that_left_a_problems_row_blank_is_in_its_history(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """总务 returned its form with SD-01's row as issued: the archive page's 报送记录 left
    the version out, as if the department had sent nothing on it (clerk trial 39)."""
    from huitoukan.model.findings import UNFILLED

    _returns(campaign, listed, tmp_path / "回收")
    collection = collect_to_register(
        campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    ).collection
    history = [(Path(m.file).name, m.progress) for m in collection.mentions if m.number == "SD-01"]
    assert sorted(history) == [("保卫处.xlsx", "整改中"), ("总务.xlsx", UNFILLED)]


def test_a_problem_answered_in_a_row_of_its_own_is_so_in_every_versions_history(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """医院 answers its problem in a row of its own (retyped, without the 编号), leaving the
    issued row blank, in two versions: the 报送记录 had the earlier version as 未填写 and
    the later one twice, answered and 未填写 (clerk trial 77)."""
    from huitoukan.model.findings import UNFILLED

    findings = read_findings(listed, campaign).findings
    derived = derived_number("学校通报", "门诊楼", "消防通道堆放杂物")
    retyped = hazard(部位="门诊楼", 存在隐患问题="消防通道内堆放杂物", 整改时限=date(2023, 12, 25))
    for name, day in (("医院.xlsx", date(2023, 12, 10)), ("医院-第二版.xlsx", date(2023, 12, 14))):
        filled_form(
            campaign, "附属医院", tmp_path / "回收" / name, [retyped], assigned=findings,
            form_date=day,
        )  # fmt: skip
    collection = collect_to_register(
        campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    ).collection
    history = [(Path(m.file).name, m.progress) for m in collection.mentions if m.number == derived]
    assert sorted(history) == [("医院-第二版.xlsx", "整改中"), ("医院.xlsx", "整改中")]
    assert UNFILLED not in [p for _, p in history]


def test_a_register_changed_by_hand_keeps_the_problems_it_was_made_against(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """A register collected with a list campaign.toml does not name, then saved by a
    person (in another program): status still counts the assigned problems (the sheets
    do not hold the list; collect's record of it does)."""
    from huitoukan.actions.state import status_of

    _returns(campaign, listed, tmp_path / "回收")
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [tmp_path / "回收"], register, AS_OF, findings_file=listed)
    before = status_of(campaign, [register], AS_OF)
    load_workbook(register).save(register)
    after = status_of(campaign, [register], AS_OF)
    assert len(after.parts) == 5
    assert [(p.number, p.department, p.state) for p in after.parts] == [
        (p.number, p.department, p.state) for p in before.parts
    ]


def test_collect_matches_answers_and_keeps_every_part(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    _returns(campaign, listed, tmp_path / "回收")
    register = tmp_path / "台账.xlsx"
    result = collect_to_register(
        campaign, [tmp_path / "回收"], register, AS_OF, findings_file=listed
    )
    derived = derived_number("学校通报", "门诊楼", "消防通道堆放杂物")
    states = {(p.number, p.department): p.state for p in result.status.parts}
    assert states == {
        ("XJ-01", "安全保卫处"): PartState.CLOSED,
        ("SD-01", "安全保卫处"): PartState.OVERDUE,
        ("SD-01", "总务基建处"): PartState.UNANSWERED,
        (derived, "附属医院"): PartState.OPEN,
        ("4J-01", "学院警务室"): PartState.UNANSWERED,
    }
    problems = result.collection.problems
    [omitted] = [p for p in problems if p.code is Code.ASSIGNMENT_UNANSWERED]
    assert omitted.severity is Severity.ERROR and omitted.department == "总务基建处"
    assert "SD-01" in omitted.message and omitted.file.endswith("总务.xlsx")
    form = load_workbook(tmp_path / "回收" / "总务.xlsx")[FORM_SHEET]
    [issued] = [c for row in form.iter_rows() for c in row if c.value == "SD-01"]
    assert (omitted.cell, omitted.row) == (issued.coordinate, issued.row)
    copies = {c.department: c for c in write_feedback(result.collection, tmp_path / "退回")}
    marked = load_workbook(copies["总务基建处"].copy_path)[FORM_SHEET][issued.coordinate]
    assert marked.comment is not None and "SD-01" in marked.comment.text  # shown where it is
    [retyped] = [p for p in problems if p.code is Code.ASSIGNMENT_MATCHED_BY_CONTENT]
    assert retyped.severity is Severity.WARNING and derived in retyped.message
    hospital = load_workbook(tmp_path / "回收" / "医院.xlsx")[FORM_SHEET]
    _, columns = header_position(hospital)
    letter = hospital.cell(1, columns["问题编号"]).column_letter
    assert retyped.cell == f"{letter}{retyped.row}"  # the cell to write the 编号 back into
    assert result.exit_code == 1
    rows = sheet_rows(register, REGISTER_ASSIGNED)
    assert [(r["问题编号"], r["责任部门"], r["状态"]) for r in rows] == [
        ("XJ-01", "安全保卫处", "已销号"),
        ("SD-01", "安全保卫处", "逾期"),
        ("SD-01", "总务基建处", "未反馈"),
        (derived, "附属医院", "整改中"),
        ("4J-01", "学院警务室", "未反馈"),
        ("QT-01", "未分配", "未分配"),
    ]
    hazards = sheet_rows(register, HAZARD_SHEET)
    assert {(h["部位"], h["问题编号"], h["问题来源"]) for h in hazards} >= {
        ("3号教学楼", "XJ-01", "县级普查"),
        ("门诊楼", derived, "学校通报"),
        ("东门", None, "自查"),
    }
    by_source = {s.source: s for s in result.status.assigned}
    assert (by_source["县级普查"].assigned, by_source["县级普查"].closed) == (1, 1)
    assert by_source["省级督查"].unanswered == 1  # 清零 only when every part is closed
    assert by_source["县级普查"].clearance_rate == 1.0
    sheet = load_workbook(register)[SUMMARY_SHEET]
    summary = [c.value for row in sheet.iter_rows() for c in row]
    assert "交办问题整改情况（按问题来源）" in summary and "省级督查" in summary
    # named, with its source and what it is (a leader read 清零率 100% over a number: trial 54)
    assert (
        "另有 1 个问题尚未明确责任部门，未交办、未计入上表：QT-01（其他，西侧道路：路灯损坏）。"
        in summary
    )
    head = next(row for row in sheet.iter_rows() if row[1].value == "问题来源")
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # the states in the order status lists them (待复查 came last here, second there)
    assert [c.value for c in head][:9] == ["序号", "问题来源", "交办", "已销号", "待复查"] + [
        "整改中", "逾期", "未反馈", "清零率"
    ]  # fmt: skip
    assert f"I{head[0].row}:J{head[0].row}" in merged  # 清零率 spans the last two columns


def test_status_from_register_equals_status_from_returns(
    runner: CliRunner,
    campaign: Campaign,
    listed: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    _returns(campaign, listed, tmp_path / "回收")
    args = ["--as-of", "2023-12-20", "--findings", str(listed)]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code == 1
    from_register = json.loads(runner.invoke(app, ["status", "--json", *args]).stdout)
    from_returns = json.loads(runner.invoke(app, ["status", "回收", "--json", *args]).stdout)
    assert from_register == from_returns
    assert from_register["assigned"] and from_register["unassigned"] == ["QT-01"]
    recorded = json.loads(runner.invoke(app, ["status", "--json", "--as-of", "2023-12-20"]).stdout)
    assert recorded["assigned"] == from_register["assigned"]  # the list the register was made with
    screen = runner.invoke(app, ["status", *args]).stdout
    assert "交办问题 4 个" in screen and "未反馈 2" in screen and "未分配 1 个" in screen
    assert "【SD-01】北围墙" in "".join(screen.split())  # an assigned problem, overdue
    every = "".join(runner.invoke(app, ["status", "--all", *args]).stdout.split())
    derived = derived_number("学校通报", "门诊楼", "消防通道堆放杂物")
    assert f"已反馈未清零：SD-01（安全保卫处，逾期2天）；{derived}（附属医院，整改中）" in every
    one = runner.invoke(app, ["status", "--department", "安全保卫处", *args]).stdout
    assert "交办问题" in one and "未分配" not in one  # a problem of no department is not its
    assert runner.invoke(app, ["report", *args]).exit_code == 0  # and the leaders read it
    ws = load_workbook(tmp_path / "回头看工作汇报.xlsx")["工作汇报"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert any(
        "另有1个尚未明确责任部门，未交办、未计入：QT-01（其他，西侧道路：路灯损坏）。" in t
        for t in texts
    )
    # an overdue hazard answering an inspection's problem is named by its 编号 (trial 35)
    assert any(t.startswith("【") and "】" in t for t in texts), texts


def test_sample_picks_the_same_problems_for_the_same_seed(
    runner: CliRunner,
    campaign: Campaign,
    listed: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    _returns(campaign, listed, tmp_path / "回收")
    args = ["--as-of", "2023-12-20", "--findings", str(listed)]
    runner.invoke(app, ["collect", "回收", *args])
    first = runner.invoke(app, ["sample", "-n", "2", "--seed", "7", "--out", "一.xlsx", *args])
    second = runner.invoke(app, ["sample", "-n", "2", "--seed", "7", "--out", "二", *args])
    assert first.exit_code == second.exit_code == 0, first.output
    one, two = load_workbook(tmp_path / "一.xlsx"), load_workbook(tmp_path / "二.xlsx")
    assert one.sheetnames == two.sheetnames and len(one.sheetnames) == 2
    unseeded = runner.invoke(app, ["sample", "-n", "1", "--out", "三.xlsx", *args])
    assert "随机种子" in unseeded.stdout and "--seed" in unseeded.stdout
    only = runner.invoke(
        app, ["sample", "--source", "省第六轮督查", "--all", "-o", "省.xlsx", *args]
    )
    assert load_workbook(tmp_path / "省.xlsx").sheetnames == ["SD-01"]
    assert only.exit_code == 0
    # the pick of some sources, in a file of its own: it wrote over the 督导组's pick without
    # a word (clerk trial 184 AJ7)
    picked = runner.invoke(app, ["sample", "-n", "1", "--seed", "7", *args])
    county = runner.invoke(app, ["sample", "--source", "县级", "-n", "1", "--seed", "7", *args])
    assert picked.exit_code == county.exit_code == 0, county.output
    assert load_workbook(tmp_path / "抽查档案.xlsx").sheetnames != ["XJ-01"]
    # named by the one source of the level (（县级）, and （县级普查） for the same pick: AM11)
    assert load_workbook(tmp_path / "抽查档案（县级普查）.xlsx").sheetnames == ["XJ-01"]
    assert not (tmp_path / "抽查档案（县级）.xlsx").exists()
    # a source by its alias: the file its name gives (two files of one source: trial 186 AL15)
    alias = runner.invoke(app, ["sample", "--source", "县（市、区）普查", "-n", "1", *args])
    assert alias.exit_code == 0 and "抽查档案（县级普查）.xlsx" in alias.output
    assert load_workbook(tmp_path / "抽查档案（县级普查）.xlsx").sheetnames == ["XJ-01"]
    # every problem's pages, nor over the pick: 抽查档案（全部）.xlsx
    everything = runner.invoke(app, ["sample", "--all", *args])
    county_all = runner.invoke(app, ["sample", "--source", "县级", "--all", *args])
    assert everything.exit_code == county_all.exit_code == 0, everything.output
    assert "抽查档案（全部）.xlsx" in everything.output
    assert load_workbook(tmp_path / "抽查档案.xlsx").sheetnames != ["XJ-01"]
    assert load_workbook(tmp_path / "抽查档案（县级普查，全部）.xlsx").sheetnames == ["XJ-01"]
    pages = load_workbook(tmp_path / "抽查档案（全部）.xlsx")
    assert len(pages.sheetnames) == 5
    ws = pages["SD-01"]
    text = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "围墙约15米段开裂倾斜" in text and "设置围挡" in text
    assert "未清零（安全保卫处逾期 2 天；总务基建处未反馈）" in text  # what the 督导组 asks first
    assert any("安全保卫处" in t for t in text) and any("总务基建处" in t for t in text)
    assert any("复查人（签字）" in t for t in text) and any("整改后照片" in t for t in text)
    assert ws.page_setup.fitToHeight == 1 and ws.page_setup.orientation == "portrait"
    # the plan's 督导组 picks from what the provincial checks found (省级督查, 四进)
    too_many = runner.invoke(app, ["sample", "-n", "9", "-o", "九.xlsx", *args])
    assert "要求抽取 9 个，只有 2 个交办问题可抽，已全部抽取" in too_many.stdout
    assert load_workbook(tmp_path / "九.xlsx").sheetnames == ["4J-01", "SD-01"]
    assert "已全部抽取" not in first.stdout
    said = "".join(first.stdout.split())
    assert (
        "抽取范围：省级督查、四进巡查（campaign.toml中标明为督导组抽查范围的来源；其他来源用"
        "--source指定）" in said
    )
    assert "从2个交办问题中随机抽取2个（随机种子7，用--seed7可抽到同样的问题）" in said
    wider = runner.invoke(
        app, ["sample", "-n", "2", "--seed", "7", "--source", "县级", "--source", "其他", *args]
    )
    said = "".join(wider.stdout.split())
    assert "从2个交办问题（含未分配的1个）中随机抽取2个" in said
    assert "用--seed7--source县级普查--source其他可抽到同样的问题" in said
    empty = runner.invoke(app, ["sample", "--source", "审计调查", "-o", "空.xlsx", *args])
    assert empty.exit_code == 2 and "没有交办问题可抽" in empty.output
    assert not (tmp_path / "空.xlsx").exists()
    # a list without the plan's sources: all are drawn from, said (unsaid: clerk trial 122)
    county = [r for r in ROWS if r["问题来源"] in ("县（市、区）普查", "学校通报")]
    assert county and len(county) < len(ROWS)
    own = findings_list(tmp_path / "县级.xlsx", county, ORDER)
    plain = runner.invoke(
        app, ["sample", "-n", "1", "-o", "县.xlsx", "--as-of", "2023-12-20", "--findings", str(own)]
    )
    said = "".join(plain.stdout.split())
    assert plain.exit_code == 0, plain.output
    assert (
        "抽取范围：全部来源（交办问题清单中没有督导组抽查范围省级督查、四进巡查的问题；"
        "只抽某些来源的，用--source指定）" in said
    )


def test_the_plans_sample_is_of_the_provincial_rounds_and_the_four_into_not_the_audit(
    runner: CliRunner, campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """“随机抽查省级前6轮及‘四进’检查反映的问题”: the 省级 审计调查 was in the default pool
    (clerk trial 39). A campaign.toml written before sources said `sampled` still picks
    from every 省级 source."""
    monkeypatch.chdir(tmp_path)
    audit = {"问题编号": "SJ-01", "问题来源": "省委审计办审计调查", "部位": "财务室",
             "问题描述": "消防设施维保合同过期", "责任部门": "总务基建处"}  # fmt: skip
    listed = findings_list(tmp_path / "问题清单.xlsx", [*ROWS, audit], ORDER)
    _returns(campaign, listed, tmp_path / "回收")
    args = ["回收", "--as-of", "2023-12-20", "--findings", str(listed), "-n", "9"]
    plan = runner.invoke(app, ["sample", *args, "-o", "方案.xlsx"])
    assert plan.exit_code == 0, plan.output
    assert load_workbook(tmp_path / "方案.xlsx").sheetnames == ["4J-01", "SD-01"]
    older = "\n".join(
        line for line in default_campaign_text().splitlines() if line != "sampled = true"
    )
    (tmp_path / "campaign.toml").write_text(older, "utf-8")
    before = runner.invoke(app, ["sample", *args, "-o", "省级.xlsx"])
    assert before.exit_code == 0, before.output
    assert load_workbook(tmp_path / "省级.xlsx").sheetnames == ["4J-01", "SD-01", "SJ-01"]


def test_init_findings_writes_a_blank_list_named_in_campaign_toml(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    result = runner.invoke(app, ["init", "--findings"])
    assert result.exit_code == 0, result.output
    assert 'file = "交办问题清单.xlsx"' in (chdir_tmp / "campaign.toml").read_text("utf-8")
    assert runner.invoke(app, ["issue"]).exit_code == 0  # the example row alone: ignored
    ws = load_workbook(chdir_tmp / "交办问题清单.xlsx").active
    validations = {dv.promptTitle for dv in ws.data_validations.dataValidation}
    assert {"问题来源", "责任部门"} <= validations
    # a long list typed on below the 50 bordered rows keeps its drop-downs and date checks
    for dv in ws.data_validations.dataValidation:
        assert str(dv.sqref).endswith("1000"), (dv.promptTitle, dv.sqref)
    assert not ws.print_area and ws.auto_filter.ref == "A2:H1000"  # printed, filtered: all
    # and typed on like the example: rows grow with their text, dates read as dates, below
    # the bordered rows too (the columns carry the style; trial 46: 20 pt rows cut text off)
    assert ws.row_dimensions[3].height and not any(ws.row_dimensions[r].height for r in (4, 53))
    for letter in "ABCDEFGH":
        column = ws.column_dimensions[letter]
        assert column.alignment.wrap_text and column.border.left.style == "thin", letter
    assert (
        ws.column_dimensions["C"].number_format == ws["C53"].number_format == 'yyyy"年"m"月"d"日"'
    )
    assert ws.column_dimensions["H"].number_format == 'yyyy"年"m"月"d"日"'
    # made with the embedded school and departments: how to remake it for one's own
    # (its drop-down offered departments the edited campaign.toml no longer had, trial 41)
    said = "".join(result.output.split())
    assert "删除这份清单再运行huitoukaninit--findings，即按本校重新生成" in said
    text = (chdir_tmp / "campaign.toml").read_text("utf-8").replace("附属医院", "校医院")
    text = text.replace("总务基建处", "后勤管理处")  # (named in the prompt: clerk trial 146)
    (chdir_tmp / "campaign.toml").write_text(text, "utf-8")
    (chdir_tmp / "交办问题清单.xlsx").unlink()
    again = runner.invoke(app, ["init", "--findings"])
    assert again.exit_code == 0, again.output
    book = load_workbook(chdir_tmp / "交办问题清单.xlsx")
    offered = " ".join(
        f"{dv.formula1} {dv.prompt}" for dv in book.active.data_validations.dataValidation
    )
    for sheet in book.worksheets:
        offered += " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "校医院" in offered and "附属医院" not in offered
    assert "后勤管理处" in offered and "总务基建处" not in offered
    assert "按本校重新生成" not in again.output  # made for the campaign.toml that is there


def test_init_findings_names_the_list_already_there(runner: CliRunner, chdir_tmp: Path) -> None:
    """After init, the clerk made 交办问题清单.xlsx of its own; init --findings refused
    (“已存在，未做改动；确需覆盖请加 --force”), campaign.toml left without [findings], and
    --force would have replaced the list (clerk trial 150). It names the list as it stands."""
    assert runner.invoke(app, ["init"]).exit_code == 0
    own = findings_list(chdir_tmp / "交办问题清单.xlsx", ROWS[:2], ORDER).read_bytes()
    result = runner.invoke(app, ["init", "--findings"])
    assert result.exit_code == 0, result.output
    assert 'file = "交办问题清单.xlsx"' in (chdir_tmp / "campaign.toml").read_text("utf-8")
    assert (chdir_tmp / "交办问题清单.xlsx").read_bytes() == own
    said = "".join(result.output.split())
    assert "交办问题清单交办问题清单.xlsx已存在，按原样写明，未改动" in said
    assert "已写出空白交办问题清单" not in said


def test_a_department_chosen_from_a_stale_drop_down_is_said_to_come_from_it(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """The list made by init --findings before campaign.toml's departments were edited
    offers the old names; 附属医院 chosen from it was refused without a word of where it
    came from (clerk trial 141). Said, with how to remake the list; a name typed that the
    drop-down never offered is refused as before."""
    assert runner.invoke(app, ["init", "--findings"]).exit_code == 0
    text = (chdir_tmp / "campaign.toml").read_text("utf-8").replace("附属医院", "校医院")
    (chdir_tmp / "campaign.toml").write_text(text, "utf-8")
    book = load_workbook(chdir_tmp / "交办问题清单.xlsx")
    ws = book["交办问题清单"]
    for r, department in ((3, "附属医院"), (4, "财务处")):
        for c, value in enumerate(
            [f"XJ-0{r}", "县级普查", date(2023, 12, 1), "门诊楼", f"消防通道堆放杂物{r}",
             department, "立即清理", date(2023, 12, 20)], start=1
        ):  # fmt: skip
            ws.cell(r, c).value = value
    book.save(chdir_tmp / "交办问题清单.xlsx")
    result = runner.invoke(app, ["issue"])
    assert result.exit_code == 2
    said = "".join(result.output.split())
    stale = "（它来自清单的下拉列表：下拉列表是生成清单时campaign.toml中的部门名单"
    assert said.count(stale) == 1
    assert said.index("“附属医院”") < said.index(stale) < said.index("“财务处”")


def test_the_followup_round_carries_the_assigned_problems(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """issue --followup: each form lists the department's rows as it last sent them, under
    the 序号 it gave them (its photos are named by them: clerk trial 186 AL6), with its
    latest answer to each assigned problem, then the problems still to answer (blank);
    answered in the new round, they are collected with the first round's returns and the
    编号 still holds."""
    _returns(campaign, listed, tmp_path / "回收")
    findings = read_findings(listed, campaign).findings
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [tmp_path / "回收"], register, AS_OF, findings_file=listed)
    from huitoukan.actions.issue import issue as issue_round

    issue_round(
        campaign,
        tmp_path / "第二轮",
        ["安全保卫处", "总务基建处", "学院警务室"],
        False,
        register,
        date(2023, 12, 21),
        None,
        False,
        listed,
    )

    def listed_rows(department: str) -> list[tuple[object, object]]:
        ws = load_workbook(tmp_path / "第二轮" / form_file_name(department))[FORM_SHEET]
        header_row, columns = header_position(ws)
        return [
            (ws.cell(r, columns["问题编号"]).value, ws.cell(r, columns["整改完成情况"]).value)
            for r in range(header_row + 1, header_row + 4)
        ]

    assert listed_rows("安全保卫处") == [("XJ-01", "已完成"), ("SD-01", "整改中"), (None, "整改中")]
    # its part, still unanswered, after the rows it sent
    assert listed_rows("总务基建处")[:2] == [(None, "已完成"), ("SD-01", None)]
    assert listed_rows("学院警务室")[0] == ("4J-01", None)  # never returned: listed afresh
    # 总务 answers its part in the follow-up form: SD-01 is then answered by both
    path = tmp_path / "第二轮回收" / "总务.xlsx"
    filled_form(
        campaign,
        "总务基建处",
        path,
        [closed(部位="食堂")],
        assigned=findings,
        answers={"SD-01": answer(整改措施="列入维修计划", 整改时限=date(2023, 12, 30))},
        form_date=date(2023, 12, 22),
    )
    result = collect_to_register(
        campaign,
        [tmp_path / "回收", tmp_path / "第二轮回收"],
        register,
        date(2023, 12, 22),
        findings_file=listed,
    )
    parts = {(p.number, p.department): p.state for p in result.status.parts}
    assert parts[("SD-01", "总务基建处")] is PartState.OPEN
    assert parts[("SD-01", "安全保卫处")] is PartState.OVERDUE  # its deadline was 12月18日
    assert not [p for p in result.collection.problems if p.code is Code.ASSIGNMENT_UNANSWERED
                and p.department == "总务基建处"]  # fmt: skip


def test_reminders_name_the_assigned_problems_not_answered(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    from huitoukan.actions.letters import remind

    _returns(campaign, listed, tmp_path / "回收")
    items, _ = remind(campaign, [tmp_path / "回收"], AS_OF, tmp_path / "通知", listed)
    by_department = {n.department: n for n in items}
    general = by_department["总务基建处"]
    assert "交办问题" in general.kinds
    assert "SD-01（省级督查）北围墙：围墙约15米段开裂倾斜" in general.text
    police = by_department["学院警务室"]
    assert police.kinds == ["催报", "交办问题"]
    # the list's 整改时限 is filled in and locked on the form: asked for only where the list
    # gave none (every notice asked for it, and the cell was locked: clerk trial 70)
    asked = "（交办时未定整改时限的，同时填写整改时限）"
    assert "填写整改措施、责任人和整改完成情况后报送" in general.text and asked not in general.text
    assert asked in police.text
    assert (
        "4J-01（四进巡查，交办时未定整改时限，请填写）岗亭：一键报警装置未与公安联网" in police.text
    )
    security = by_department["安全保卫处"]
    assert "交办问题" not in security.kinds  # it answered both
    # its answer to SD-01 is overdue: named as the assigned problem it is
    assert (
        "【SD-01】北围墙：围墙约15米段开裂倾斜（整改时限 2023年12月18日，已逾期 2 天"
        in security.text
    )


def test_a_refused_list_points_to_no_register(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """Hundreds of bad rows: the list is refused (exit 2), nothing is written, and the
    screen does not send the clerk to a register that does not exist."""
    rows = [
        {
            "问题编号": f"X-{n}",
            "问题来源": f"区里检查{n}",  # each said apart (one wording is one line)
            "问题描述": "灭火器过期",
            "责任部门": "保卫处",
        }
        for n in range(400)
    ]
    findings_list(chdir_tmp / "坏.xlsx", rows)
    (chdir_tmp / "回收").mkdir()
    result = runner.invoke(app, ["collect", "回收", "--findings", "坏.xlsx"])
    assert result.exit_code == 2
    assert not (chdir_tmp / "全校隐患台账.xlsx").exists()
    assert "校验问题" not in result.output
    assert "重新运行后显示其余的" in result.output


def test_an_unanswered_problem_past_its_deadline_is_counted_overdue(
    runner: CliRunner, campaign: Campaign, listed: Path, chdir_tmp: Path
) -> None:
    """XJ-01 (整改时限 12月15日) left unanswered: 未反馈 still, and 5 days overdue on the
    交办问题 sheet and in the reminder, not a blank 逾期天数."""
    findings = read_findings(listed, campaign).findings
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [], assigned=findings)
    args = ["--as-of", "2023-12-20", "--findings", str(listed)]
    runner.invoke(app, ["collect", "回收", *args])
    rows = {
        r["问题编号"]: r for r in sheet_rows(chdir_tmp / "全校隐患台账.xlsx", REGISTER_ASSIGNED)
    }
    assert (rows["XJ-01"]["状态"], rows["XJ-01"]["逾期天数"]) == ("未反馈", 5)
    runner.invoke(app, ["remind", *args])
    notice = (chdir_tmp / "通知" / "安全保卫处-本处待办.txt").read_text("utf-8-sig")
    assert "XJ-01（县级普查，整改时限 2023年12月15日，已逾期 5 天）" in notice
    # a 序号 read as the 编号 is said to be one (“1. 3（县级普查…”: clerk trial 150)
    seq = findings_list(chdir_tmp / "序号.xlsx", [dict(ROWS[0], 问题编号="3")], ORDER)
    assigned = read_findings(seq, campaign).findings
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [], assigned=assigned)
    runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--findings", str(seq)])
    runner.invoke(app, ["remind", "--as-of", "2023-12-20", "--findings", str(seq)])
    notice = (chdir_tmp / "通知" / "安全保卫处-本处待办.txt").read_text("utf-8-sig")
    assert "1. 问题编号 3（县级普查，整改时限 2023年12月15日，已逾期 5 天）" in notice


@pytest.mark.parametrize(("closed_on", "late"), [(14, None), (15, None), (16, 1)])
def test_an_answer_closed_after_its_deadline_shows_its_days_late(
    runner: CliRunner, campaign: Campaign, listed: Path, chdir_tmp: Path, closed_on: int,
    late: int | None,
) -> None:  # fmt: skip
    """XJ-01 (整改时限 12月15日) closed on 12月16日: the 隐患台账 showed 1 day late, the
    交办问题 sheet a blank 逾期天数, hiding from the inspectors which problems were cleared
    late (clerk trial 108). Closed on the day, or before, it was not late."""
    findings = read_findings(listed, campaign).findings
    answer = closed(
        问题编号="XJ-01", 问题来源="县（市、区）普查", 部位="3号教学楼",
        存在隐患问题="二楼走廊灭火器压力不足", 整改时限=date(2023, 12, 15),
        销号时间=date(2023, 12, closed_on),
    )  # fmt: skip
    form = chdir_tmp / "回收" / "保卫处.xlsx"
    filled_form(campaign, "安全保卫处", form, [answer], assigned=findings)
    runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--findings", str(listed)])
    register = chdir_tmp / "全校隐患台账.xlsx"
    rows = {r["问题编号"]: r for r in sheet_rows(register, REGISTER_ASSIGNED)}
    assert (rows["XJ-01"]["状态"], rows["XJ-01"]["逾期天数"]) == ("已销号", late)
    [hazard_row] = [r for r in sheet_rows(register, "隐患台账") if r["问题编号"] == "XJ-01"]
    assert hazard_row["逾期天数"] == late


def test_init_findings_beside_a_campaign_already_edited_keeps_it(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """The clerk set up campaign.toml first (a 2026 campaign), then asks for the list: the
    campaign is kept, the list is made for it (its dates) and named in it; asked again, the
    list is not written over."""
    assert runner.invoke(app, ["init"]).exit_code == 0
    toml = chdir_tmp / "campaign.toml"
    toml.write_text(toml.read_text("utf-8").replace("2023-", "2026-"), "utf-8")
    result = runner.invoke(app, ["init", "--findings"])
    assert result.exit_code == 0, result.output
    said = "".join(result.output.split())
    assert "campaign.toml已存在，未覆盖；已在其中写明交办问题清单" in said
    text = toml.read_text("utf-8")
    assert "issued_on = 2026-12-05" in text and '\n[findings]\nfile = "交办问题清单.xlsx"' in text
    ws = load_workbook(chdir_tmp / "交办问题清单.xlsx").active
    assert datetime(2026, 12, 5) in [c.value for row in ws.iter_rows() for c in row]
    again = runner.invoke(app, ["init", "--findings"])
    assert again.exit_code == 2 and "已指定交办问题清单" in "".join(again.output.split())
    # the list deleted, asked again: written, campaign.toml left as it was, and said so
    # (“已在其中写明” of a file not changed: trial 216 BP8)
    (chdir_tmp / "交办问题清单.xlsx").unlink()
    before = toml.read_bytes()
    anew = runner.invoke(app, ["init", "--findings"])
    assert anew.exit_code == 0, anew.output
    said = "".join(anew.output.split())
    assert "campaign.toml已存在，其中已写明交办问题清单，未做改动" in said, said
    assert toml.read_bytes() == before and (chdir_tmp / "交办问题清单.xlsx").exists()
    # the list filled in, then --force: the list is written over (kept first), for this
    # campaign; campaign.toml is the office's, not the list's (it went back to the default
    # school and departments: clerk trial 50) — init --force alone writes it over
    findings_list(chdir_tmp / "交办问题清单.xlsx", ROWS)
    filled = (chdir_tmp / "交办问题清单.xlsx").read_bytes()
    edited = toml.read_bytes()
    forced = runner.invoke(app, ["init", "--findings", "--force"])
    assert forced.exit_code == 0, forced.output
    assert toml.read_bytes() == edited
    [kept] = chdir_tmp.glob("*.备份-*")
    assert kept.suffix == ".xlsx" and kept.read_bytes() == filled
    ws = load_workbook(chdir_tmp / "交办问题清单.xlsx").active
    assert datetime(2026, 12, 5) in [c.value for row in ws.iter_rows() for c in row]
    said = "".join(forced.output.split())
    assert f"原交办问题清单.xlsx已覆盖，覆盖前的内容另存为{kept.name}" in said
    assert "campaign.toml已存在，其中已写明交办问题清单，未做改动" in said
    assert runner.invoke(app, ["init", "--findings", "--force"]).exit_code == 0
    assert len(list(chdir_tmp.glob("交办问题清单.备份-*"))) == 1  # the blank one not kept
    assert runner.invoke(app, ["init", "--force"]).exit_code == 0
    assert [p.read_bytes() for p in chdir_tmp.glob("campaign.备份-*")] == [edited]


def test_init_findings_writes_the_list_campaign_toml_names_when_it_is_missing(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """campaign.toml names 清单/交办.xlsx, not written yet: issue says to run init
    --findings, and init --findings writes it there (it refused: "已指定交办问题清单")."""
    assert runner.invoke(app, ["init"]).exit_code == 0
    toml = chdir_tmp / "campaign.toml"
    text = toml.read_text("utf-8").replace(
        '# [findings]\n# file = "交办问题清单.xlsx"', '[findings]\nfile = "清单/交办.xlsx"'
    )
    toml.write_text(text, "utf-8")
    issued = runner.invoke(app, ["issue"])
    assert issued.exit_code == 2 and "huitoukaninit--findings" in "".join(issued.output.split())
    made = runner.invoke(app, ["init", "--findings"])
    assert made.exit_code == 0, made.output
    assert (chdir_tmp / "清单" / "交办.xlsx").is_file()
    assert toml.read_text("utf-8") == text
    assert runner.invoke(app, ["issue"]).exit_code == 0


@pytest.mark.parametrize(
    "typed",
    [
        date(2023, 12, 15),  # the problem's date, as issued (the cell locked)
        date(2023, 12, 14),  # as the list said before it moved the date
    ],
)
def test_a_problems_deadline_before_the_departments_check_is_no_error(
    campaign: Campaign, listed: Path, tmp_path: Path, typed: date
) -> None:
    """XJ-01 is due 12月15日 by the inspection (the issued form locks that cell); the
    department checked on 12月18日: 整改时限早于检查时间 is not the department's to correct
    (it was asked for, told to put the date back, then given the error on the cell) — its
    own hazard's is."""
    checked = date(2023, 12, 18)
    returns = tmp_path / "回收"
    filled_form(
        campaign,
        "安全保卫处",
        returns / "保卫处.xlsx",
        [hazard(部位="东门", 整改时限=date(2023, 12, 16), 检查时间=date(2023, 12, 17))],
        assigned=read_findings(listed, campaign).findings,
        answers={"XJ-01": answer(整改时限=typed, 检查时间=checked)},
    )
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    )
    before = {p.row for p in result.collection.problems if p.code is Code.DEADLINE_BEFORE_CHECKED}
    [row] = [h for h in result.collection.hazards if h.number == "XJ-01"]
    [own] = [h for h in result.collection.hazards if h.location == "东门"]
    assert before == {own.source_row}  # its own hazard's: said
    assert (row.errors, own.errors) == (0, 1)


@pytest.mark.parametrize(("moved", "source"), [(True, ""), (False, ""), (True, "省级督查")])
def test_an_answer_whose_row_a_partial_sort_moved_is_said(
    campaign: Campaign, listed: Path, tmp_path: Path, moved: bool, source: str
) -> None:
    """部位 to 备注 sorted, 问题编号 and 问题来源 left out of the selection: XJ-01 stayed on a
    row the sort filled with another hazard, which became XJ-01's answer (its 整改时限 put
    back to XJ-01's), while the row stating XJ-01 counted as self-found (clerk trial 60).
    A row the department reworded, with no row stating the problem elsewhere, still answers
    it; so does it when the row stating the problem names another inspection as its 来源
    (no row could answer it then: its 编号 was taken off, and XJ-01 read 未反馈)."""
    findings = read_findings(listed, campaign).findings
    shifted = hazard(
        问题编号="XJ-01",
        问题来源="县（市、区）普查",
        部位="实训楼配电室",
        存在隐患问题="配电室堆放杂物",
        整改时限=date(2023, 12, 20),
    )
    stated = hazard(
        部位="3号教学楼",
        存在隐患问题="二楼走廊灭火器压力不足",
        整改时限=date(2023, 12, 15),
        问题来源=source or None,
    )
    path = filled_form(
        campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [shifted, *[stated] * moved]
    )
    header_row = header_position(load_workbook(path)[FORM_SHEET])[0]
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    answers = {h.location: h.number for h in collection.hazards}
    codes = [p.code for p in collection.problems]
    if not moved or source:
        assert answers == {"实训楼配电室": "XJ-01", **({"3号教学楼": ""} if moved else {})}
        assert Code.ASSIGNMENT_ROWS_SHIFTED not in codes
        return
    assert answers == {"实训楼配电室": "", "3号教学楼": "XJ-01"}
    [said] = [p for p in collection.problems if p.code is Code.ASSIGNMENT_ROWS_SHIFTED]
    assert (said.row, said.value, said.severity) == (header_row + 1, "XJ-01", Severity.ERROR)
    assert said.message.startswith(
        "问题编号 XJ-01 是交办问题“3号教学楼：二楼走廊灭火器压力不足”，这一行写的却是"
        f"“实训楼配电室：配电室堆放杂物”，第 {header_row + 2} 行写的才是这项问题"
    )
    assert Code.ASSIGNMENT_DEADLINE_LATER not in codes  # the other hazard's date, not XJ-01's
    assert Code.ASSIGNMENT_MATCHED_BY_CONTENT in codes  # the row stating it: add the 编号


def test_a_problem_left_unanswered_is_not_a_mistake_of_the_header(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """XJ-01 left as issued: status listed the department among those whose 表头、表尾等处
    填写有误 (交办问题未反馈), and its notice asked it to look there (clerk trial 150); the
    notice's own paragraph on unanswered problems says what is owed. Not a header's error."""
    findings = read_findings(listed, campaign).findings
    filled_form(
        campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [hazard(部位="东门")],
        assigned=findings, answers={"SD-01": answer()},
    )  # fmt: skip
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    assert Code.ASSIGNMENT_UNANSWERED in {p.code for p in collection.problems}
    assert "安全保卫处" not in collection.form_errors()


@pytest.mark.parametrize("with_row", ["SD-01", "self-found"])
def test_an_issued_form_sorted_but_its_numbers_answers_each_its_own_problem(
    campaign: Campaign, listed: Path, tmp_path: Path, with_row: str
) -> None:
    """The form as issued, answered, then 部位 to 备注 sorted, 问题编号 and 问题来源 left out:
    XJ-01's row and SD-01's (or a self-found row) swapped their answers, each taken for the
    编号 beside it — XJ-01 done with SD-01's 整改措施, its wording put back as issued and the
    change said to be the department's (clerk trial 150: the rows-shifted check looked only
    at rows without a 编号, after the wording was put back). Each row answers the problem it
    states, and the shift is said."""
    findings = read_findings(listed, campaign).findings
    path = filled_form(
        campaign,
        "安全保卫处",
        tmp_path / "回收" / "保卫处.xlsx",
        [hazard(部位="东门", 存在隐患问题="防冲撞桩缺失", 整改措施="加装隔离桩")],
        assigned=findings,
        answers={
            "XJ-01": answer(整改措施="更换灭火器", 整改完成情况="整改中"),
            "SD-01": answer(整改措施="设置围挡"),
        },
    )
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    header_row, columns = header_position(ws)
    first = header_row + 1
    other = first + (1 if with_row == "SD-01" else 2)
    assert ws.cell(other, columns["部位"]).value == ("北围墙" if with_row == "SD-01" else "东门")
    for column in range(columns["部位"], columns["备注"] + 1):
        a, b = ws.cell(first, column), ws.cell(other, column)
        a.value, b.value = b.value, a.value
    book.save(path)
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    measures = {h.number: h.measures for h in collection.hazards if h.number}
    assert measures["XJ-01"] == "更换灭火器"
    if with_row == "SD-01":
        assert measures["SD-01"] == "设置围挡"
    else:
        [own] = [h for h in collection.hazards if h.location == "东门"]
        assert own.number == "" and own.measures == "加装隔离桩"
    codes = [p.code for p in collection.problems]
    assert Code.ASSIGNMENT_RESTATED not in codes
    shifted = {p.row for p in collection.problems if p.code is Code.ASSIGNMENT_ROWS_SHIFTED}
    assert shifted == ({first, other} if with_row == "SD-01" else {first})
    # one thing asked of each such row: not “请补上编号 XX-01” too, over the 编号 it holds
    # (clerk trial 151)
    matched = {p.row for p in collection.problems if p.code is Code.ASSIGNMENT_MATCHED_BY_CONTENT}
    assert not shifted & matched


@pytest.mark.parametrize("seq", ["kept", "deleted"])
def test_a_column_headed_bianhao_holding_problem_numbers_is_the_problem_number(
    campaign: Campaign, tmp_path: Path, seq: str
) -> None:
    """A department's table headed 编号 (beside 序号, or alone) holding XJ-01 and SD-01: 编号
    was a 序号 in the form's words, the numbers went to 备注 and both problems read as
    unanswered (clerk trial 92). A 编号 column of plain 1, 2, 3 stays the 序号."""
    issued = read_findings(findings_list(tmp_path / "清单.xlsx", ROWS[:2], ORDER), campaign)
    path = filled_form(
        campaign,
        "安全保卫处",
        tmp_path / "回收" / "保卫处.xlsx",
        [hazard(部位="西门")],
        assigned=issued.findings,
        answers={"XJ-01": answer(), "SD-01": answer()},
    )
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    row, columns = header_position(ws)
    ws.cell(row, columns["问题编号"]).value = "编号"
    if seq == "deleted":
        ws.delete_cols(columns["序号"])
    book.save(path)
    collection = collect(campaign, [path.parent], as_of=AS_OF, findings=issued.findings)
    answered = {h.number for h in collection.hazards if h.number}
    assert answered == {"XJ-01", "SD-01"}
    said = {p.code for p in collection.problems}
    # by their numbers, not rescued by their wording (“表中没有问题编号一栏”: trial 92)
    assert not said & {
        Code.ASSIGNMENT_UNANSWERED,
        Code.ASSIGNMENT_MATCHED_WITHOUT_COLUMN,
        Code.ASSIGNMENT_MATCHED_BY_CONTENT,
    }
    assert not any("编号：" in h.remarks for h in collection.hazards)


@pytest.mark.parametrize("seq", ["replaced", "beside"])
def test_a_column_headed_bianhao_of_the_departments_own_numbering_is_its_seq(
    campaign: Campaign, tmp_path: Path, seq: str
) -> None:
    """A department numbering its rows A-1, A-2, B-1 in a column headed 编号 (no 问题编号):
    read as 问题编号 (letters), every row was warned its 编号 is no listed problem's (clerk
    trial 95). None being one, they are its 序号 (beside a 序号 column, that one stays:
    trial 98); nothing said of them."""
    issued = read_findings(findings_list(tmp_path / "清单.xlsx", ROWS[:2], ORDER), campaign)
    rows = [hazard(部位=place) for place in ("西门", "东门", "北门")]
    path = filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", rows)
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    row, columns = header_position(ws)
    column = columns["序号"] if seq == "replaced" else columns["问题编号"]
    if seq == "replaced":
        ws.delete_cols(columns["问题编号"])
    ws.cell(row, column).value = "编号"
    for r in range(row + 1, ws.max_row + 1):  # its own table: numbered where it wrote
        if not isinstance(ws.cell(r, column), MergedCell):  # (the footer's)
            ws.cell(r, column).value = None
    for n, number in enumerate(("A-1", "A-2", "B-1"), start=1):
        ws.cell(row + n, column).value = number
    book.save(path)
    collection = collect(campaign, [path.parent], as_of=AS_OF, findings=issued.findings)
    expected = ["A-1", "A-2", "B-1"] if seq == "replaced" else ["1", "2", "3"]
    assert [(h.seq, h.number) for h in collection.hazards] == [(s, "") for s in expected]
    said = {p.code for p in collection.problems}
    assert Code.ASSIGNMENT_UNKNOWN_NUMBER not in said


@pytest.mark.parametrize(
    ("source", "where", "what", "matched"),
    [
        ("省督查", "图书馆", "二楼2具灭火器压力不足", True),  # a name of the source's own
        ("省督查", "二楼走廊", "消防器材失效待更换", False),  # in its own words: asked
        ("自查", "食堂", "燃气管道老化", False),  # nothing like it: not
    ],
)
def test_an_answer_typed_in_a_blank_row_is_matched_or_pointed_at(
    campaign: Campaign, tmp_path: Path, source: str, where: str, what: str, matched: bool
) -> None:
    """保卫处 typed its answer to SD7-01 in a blank row with no number, its 问题来源 as
    省督查 (one of 省级督查's names): not matched (a blank 问题来源 or 省级督查 was), and
    counted the department's own finding; in its own words, it was told only that SD7-01
    had no answer (clerk trial 102). Matched; pointed at when it may be; and not counted
    among the self-found rows that lack a 检查内容."""
    problem = {
        "问题编号": "SD7-01", "问题来源": "省级督查", "发现时间": date(2023, 12, 1), "部位": "图书馆",
        "问题描述": "二楼2具灭火器压力不足", "责任部门": "保卫处", "整改时限": date(2023, 12, 31),
    }  # fmt: skip
    listed = read_findings(findings_list(tmp_path / "清单.xlsx", [problem]), campaign).findings
    row = hazard(部位=where, 存在隐患问题=what, 问题来源=source, 检查内容=None)
    returns = tmp_path / "回收"
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [row], assigned=listed)
    collection = collect(campaign, [returns], as_of=AS_OF, findings=listed)
    [answer] = collection.hazards
    assert (answer.number == "SD7-01") is matched
    said = {p.code: p for p in collection.problems}
    assert (Code.ASSIGNMENT_UNANSWERED in said) is not matched
    assert (Code.NO_ITEMS in said) is (source == "自查")
    if not matched:
        alike = "表中第 " in said[Code.ASSIGNMENT_UNANSWERED].message
        assert alike is (source != "自查")
        if alike:  # marked on that row (the problem's, or none: trial 103)
            assert said[Code.ASSIGNMENT_UNANSWERED].row == answer.source_row
            assert said[Code.ASSIGNMENT_UNANSWERED].cell == f"B{answer.source_row}"
            # the problem it is about (what tests/test_properties_assigned.py counts by)
            assert said[Code.ASSIGNMENT_UNANSWERED].value == "SD7-01"
            assert said[Code.ASSIGNMENT_UNANSWERED].message.endswith(
                f"表中第 {answer.source_row} 行（二楼走廊：消防器材失效待更换）没有填写问题编号，"
                "是不是这个问题的反馈？是的，请在该行填写问题编号 SD7-01；不是的，请在这个问题的行内"
                "填写整改措施、整改完成情况和责任人"
            )


@pytest.mark.parametrize("progress", ["整改中", "已完成"])
def test_an_old_answer_reworked_for_the_problem_listed_again_is_pointed_at(
    campaign: Campaign, tmp_path: Path, progress: str
) -> None:
    """XJ-1 closed, found still there by the city and listed again as SJ-9 (as crosscheck
    advises); the department reopened XJ-1's row and left SJ-9's blank: XJ-1 reopened, SJ-9
    unanswered, and nothing said which row to fill (clerk trial 142). Said on XJ-1's row;
    XJ-1 still reported done, nothing is."""
    from tests.helpers import answer

    old = {"问题编号": "XJ-1", "问题来源": "县级普查", "发现时间": date(2023, 12, 1), "部位": "东门",
           "问题描述": "配电箱未上锁", "责任部门": "安全保卫处", "整改时限": date(2023, 12, 10)}  # fmt: skip
    again = {**old, "问题编号": "SJ-9", "问题来源": "市级抽查", "发现时间": date(2023, 12, 16),
             "整改时限": date(2023, 12, 25)}  # fmt: skip
    listed = read_findings(findings_list(tmp_path / "清单.xlsx", [old, again]), campaign).findings
    returns = tmp_path / "回收"
    done = {
        "整改完成情况": progress,
        "销号时间": date(2023, 12, 10) if progress == "已完成" else None,
    }
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [], assigned=listed,
                answers={"XJ-1": answer(**done)}, form_date=date(2023, 12, 18))  # fmt: skip
    collection = collect(campaign, [returns], as_of=AS_OF, findings=listed)
    [said] = [p for p in collection.problems if p.code is Code.ASSIGNMENT_UNANSWERED]
    [reopened] = [h for h in collection.hazards if h.number == "XJ-1"]
    pointed = f"表中第 {reopened.source_row} 行的交办问题 XJ-1 与它说的是同一个问题" in said.message
    assert pointed is (progress == "整改中")
    if pointed:
        assert said.row == reopened.source_row and said.value == "SJ-9"
        assert said.message.endswith(
            "重新整改的情况请填在 SJ-9 这一行，XJ-1 那一行保留原来报的已完成和销号时间"
        )


def test_an_inspections_day_in_its_lists_title_rows_is_each_problems(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A city team's list as they send it: no 发现时间 column, the day in a merged row under
    the title (被检查单位：…　检查时间：2023年12月18日). Every problem was without one, its
    立即 refused the list, and the 追责核查 flipped its conclusions (clerk trial 102). The
    day is each problem's, said once."""
    path = tmp_path / "市级抽查-检查组问题清单.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["枣庄市教育局校园安全专项检查发现问题清单"])
    ws.merge_cells("A1:F1")
    ws.append(["被检查单位：枣庄科技职业学院　　　　检查时间：2023年12月18日"])
    ws.merge_cells("A2:F2")
    ws.append(["序号", "检查部位", "存在问题", "责任单位", "整改建议", "整改期限"])
    ws.append([1, "图书馆", "二楼2具灭火器压力不足", "保卫处", "更换灭火器", "立即"])
    ws.append([2, "东门", "防冲撞设施不全", "保卫处", "补装隔离桩", "2023年12月31日"])
    wb.save(path)
    read = read_findings(path, campaign, inspection=True)
    assert [f.found_on for f in read.findings] == [date(2023, 12, 18)] * 2
    assert read.findings[0].deadline == date(2023, 12, 18)  # 立即: the day it was found
    codes = [p.code for p in read.problems]
    assert Code.FINDING_NO_FOUND_DATE not in codes
    [said] = [p for p in read.problems if p.code is Code.FINDING_FOUND_OF_SHEET]
    assert said.row == 2  # where it says so (trial 103)
    assert said.message.startswith(
        "清单没有“发现时间”一列，这张工作表的问题都按标题中的“检查时间：2023年12月18日”"
        "计为 2023年12月18日 发现"
    )


@pytest.mark.parametrize(
    "typed", ["学工处及各二级学院", "学工处和各二级学院", "学工处（牵头）与各二级学院"]
)
def test_departments_written_together_are_told_to_be_parted(
    campaign: Campaign, tmp_path: Path, typed: str
) -> None:
    """“学工处及各二级学院” refused, the advice to add [[departments]] name = "学工处及各二级学院"
    to campaign.toml — a department that is two (clerk trial 150). Told to part them with 、."""
    path = findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 责任部门=typed)], ORDER)
    with pytest.raises(FindingsError) as refused:
        read_findings(path, campaign)
    [said] = [p for p in refused.value.problems if p.code is Code.FINDING_UNKNOWN_DEPARTMENT]
    assert said.message == (
        f"责任部门“{typed}”像是几个部门写在了一起：共同整改的，请用“、”把各部门隔开，"
        "写成“学生工作处、各二级学院”"
    )


def test_a_department_with_a_note_in_brackets_is_told_to_drop_the_note(
    campaign: Campaign, tmp_path: Path
) -> None:
    """“学工处（牵头）、各二级学院”: 学工处（牵头） was said to be no department, the advice to
    add [[departments]] name = "学工处（牵头）" to campaign.toml (clerk trial 151). Told to drop
    the note; the other department is read as it stands."""
    typed = "学工处（牵头）、各二级学院"
    path = findings_list(tmp_path / "清单.xlsx", [dict(ROWS[0], 责任部门=typed)], ORDER)
    with pytest.raises(FindingsError) as refused:
        read_findings(path, campaign)
    [said] = [p for p in refused.value.problems if p.code is Code.FINDING_UNKNOWN_DEPARTMENT]
    assert said.message == (
        "责任部门“学工处（牵头）”中的“（牵头）”不是部门名称：请删去，写成“学生工作处”（牵头、"
        "配合等分工可写在整改要求中）"
    )


@pytest.mark.parametrize(
    "place",
    ["问题所在位置", "具体位置", "所在位置", "隐患位置", "隐患地点", "检查地点", "检查点位"],
)
def test_a_list_headed_as_superiors_head_the_place_is_read(
    campaign: Campaign, tmp_path: Path, place: str
) -> None:
    """省级督查's list headed 问题所在位置 (具体位置, 隐患地点…): the column was dropped as no
    column of the list, the clerk told to write it into 整改要求, the forms issued with 部位
    blank (clerk trial 150); 巡查时间 was no 发现时间 and 工作要求 no 整改要求."""
    path = tmp_path / "省级督查.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", place, "存在问题", "责任单位", "工作要求", "巡查时间"])
    ws.append([1, "锅炉房", "未安装一氧化碳报警器", "总务处", "加装报警器", "2023年11月20日"])
    wb.save(path)
    read = read_findings(path, campaign, inspection=True)
    [finding] = read.findings
    assert finding.location == "锅炉房" and finding.requirement == "加装报警器"
    assert finding.found_on == date(2023, 11, 20)
    assert not [p for p in read.problems if p.code is Code.FINDING_UNREAD_COLUMN]


@pytest.mark.parametrize("named", ["各二级学院", "各年级部", "年级部"])
def test_the_colleges_are_named_by_any_name_the_campaign_gives_them(
    tmp_path: Path, named: str
) -> None:
    """A 中学 whose campaign.toml calls its grades 各年级部 (the name 各二级学院, as the
    campaign asks, its aliases 各年级部 and 年级部): a problem handed to 各年级部 was refused
    as not on the list of departments, only 各二级学院 — a name the school never uses —
    was taken (clerk trial 128)."""
    from tests.conftest import campaign_with_colleges_text

    text = campaign_with_colleges_text().replace(
        'name = "各二级学院"\naliases = ["二级学院"]',
        'name = "各二级学院"\naliases = ["各年级部", "年级部"]',
    )
    assert 'aliases = ["各年级部", "年级部"]' in text
    campaign = parse_campaign(text, "campaign.toml")
    row = {"问题编号": "A-01", "问题来源": "县（市、区）普查", "发现时间": date(2023, 11, 10),
           "部位": "学生公寓3号楼", "问题描述": "私拉电线", "整改时限": date(2023, 12, 15),
           "责任部门": named}  # fmt: skip
    read = read_findings(findings_list(tmp_path / "清单.xlsx", [row]), campaign)
    [finding] = read.findings
    assert finding.departments == ("机电工程学院", "信息工程学院", "经济管理学院")


def test_a_row_of_a_header_naming_no_department_is_not_said_another_departments(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """The header's 学院警务处 (学院警务室 one character off) answering 4J-01: told what the
    header should be, and also that 4J-01 was “学院警务室的，不是本部门” — the very department
    it meant (clerk trial 128). The header is said, and whose it may be; the row is kept."""
    filled_form(
        campaign,
        "学院警务室",
        tmp_path / "回收" / "jw-1214.xlsx",
        [hazard(问题编号="4J-01", 问题来源="四进", 部位="岗亭")],
        department_text="学院警务处",
    )
    collection = collect(
        campaign,
        [tmp_path / "回收"],
        as_of=AS_OF,
        findings=read_findings(listed, campaign).findings,
    )
    codes = {p.code for p in collection.problems}
    assert Code.UNKNOWN_DEPARTMENT in codes
    # told whose it may be (trial 135), never that the problem is not its own
    said = [p.message for p in collection.problems if p.code is Code.ASSIGNMENT_OTHER_DEPARTMENT]
    assert [m for m in said if "可能是学院警务室报送的" in m] == said
    assert not [m for m in said if "不是本部门" in m]
    [row] = collection.hazards
    assert row.location == "岗亭"


@pytest.mark.parametrize(
    ("given", "received"),
    [
        (date(2023, 12, 15), ""),
        (date(2023, 12, 16), "到2023年12月20日下发表格时已逾期4天"),
        (date(2023, 12, 20), "部门收到表格时已到期"),  # given the day of the form
    ],
)
def test_a_follow_up_says_a_part_given_after_its_deadline_is_overdue_from_then(
    campaign: Campaign, tmp_path: Path, given: date, received: str
) -> None:
    """XJ-01, due 12月15日, given to 安全保卫处 by the list on 12月16日, first on paper on the
    follow-up of 12月20日: said “部门收到表格即已逾期”, while the register counts it overdue
    from 12月16日 (clerk trial 139). Given on its last day, it was overdue from the 整改时限."""
    returns = tmp_path / "回收"
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [closed()])  # 12月14日
    register = tmp_path / "台账.xlsx"
    row = dict(ROWS[0], 整改时限=date(2023, 12, 15))
    unowned = findings_list(tmp_path / "清单.xlsx", [dict(row, 责任部门=None)], ORDER)
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=unowned)
    owned = findings_list(tmp_path / "清单.xlsx", [row], ORDER)
    later = register.stat().st_mtime + 60
    os.utime(owned, (later, later))
    collect_to_register(campaign, [returns], register, given, findings_file=owned)
    args = ["issue", "--followup", str(register), "--findings", str(owned), "--date", "2023-12-20"]
    issued = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "跟进")])
    assert issued.exit_code == 0, issued.output
    text = "".join(issued.output.split())
    from_then = f"交给安全保卫处时（{chinese_date(given)}）已经过了：逾期天数从交办之日起算，"
    assert (from_then + received in text) is bool(received), issued.output
    on_paper = "2023年12月20日下发给安全保卫处的表格中已经过了，部门收到表格即已逾期"
    assert (on_paper in text) is not bool(received)


def test_a_problem_past_its_deadline_on_the_first_forms_is_not_told_to_collect_first(
    tmp_path: Path,
) -> None:
    """A new campaign's list gives a problem a 整改时限 before the forms go out: told to
    change the date, “重新汇总（huitoukan collect）后再重新生成表格” — with nothing collected
    yet (clerk trial 128)."""
    row = dict(ROWS[0], 整改时限=date(2023, 12, 1))
    listed = findings_list(tmp_path / "清单.xlsx", [row], ORDER)
    issued = CliRunner().invoke(
        app, ["issue", "--findings", str(listed), "-o", str(tmp_path / "发放")]
    )
    said = "".join(issued.output.split())
    assert "部门收到表格即已逾期" in said, issued.output
    assert "请先在交办问题清单中改为新的整改时限，再重新生成表格（加--force；已经汇总过的" in said


def test_a_follow_up_does_not_date_the_first_forms_by_the_campaigns_day(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first forms handed over on 12月2日 (`issue --date`), a problem on them past its
    整改时限 and still open: the follow-up's warning said they were handed over on the
    campaign's 印发日期 (clerk trial 203 BC6). The day is not recorded: said 首轮."""
    monkeypatch.chdir(tmp_path)
    handed = campaign.info.issued_on + timedelta(days=1)
    row = dict(ROWS[0], 整改时限=campaign.info.issued_on - timedelta(days=1))
    listed = findings_list(tmp_path / "清单.xlsx", [row], ORDER)
    runner = CliRunner()
    issue = ["issue", "--findings", str(listed), "--date", f"{handed:%Y-%m-%d}"]
    assert runner.invoke(app, [*issue, "-o", "发放"]).exit_code == 0
    returns = tmp_path / "回收"
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [hazard()])
    collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF, findings_file=listed)
    args = ["issue", "--followup", "台账.xlsx", "--findings", str(listed), "--date", "2023-12-20"]
    issued = runner.invoke(app, [*args, "-o", "跟进"])
    said = "".join(issued.output.split())
    assert "首轮下发给安全保卫处的表格中已经过了" in said, issued.output
    assert chinese_date(campaign.info.issued_on) + "下发给" not in said


@pytest.mark.parametrize("open_first", [False, True])
def test_a_problem_answered_in_two_rows_is_cleared_when_both_are(
    campaign: Campaign, listed: Path, tmp_path: Path, open_first: bool
) -> None:
    """安全保卫处 answers XJ-01 in two rows: the part done (已完成, 销号) and the part not yet
    (整改中, its own words). The problem was 已清零 by whichever row came first while the
    other was overdue, both rows under one 隐患编号 (the second restored to the issued
    wording: clerk trial 130). Now it is open until both are closed, each row its own."""
    from huitoukan.findings.answers import parts

    done = answer(整改完成情况="已完成", 销号时间=date(2023, 12, 12), 整改时限=date(2023, 12, 15))
    rest = hazard(问题编号="XJ-01", 问题来源="县（市、区）普查", 部位="3号教学楼",
                  存在隐患问题="二楼走廊灭火器压力不足（东侧两具尚未更换）",
                  整改时限=date(2023, 12, 25), 整改完成情况="整改中")  # fmt: skip
    if open_first:  # the open part on the issued row, the done part added below
        done = answer(整改完成情况="整改中", 整改时限=date(2023, 12, 25))
        rest = dict(rest, 存在隐患问题="二楼走廊灭火器压力不足（西侧已更换）", 整改完成情况="已完成",
                    销号时间=date(2023, 12, 12), 整改时限=date(2023, 12, 15))  # fmt: skip
    findings, collection = _answered_in_two_rows(campaign, listed, tmp_path, done, rest)
    rows = [h for h in collection.hazards if h.number == "XJ-01"]
    assert len(rows) == 2 and len({h.hazard_id for h in rows}) == 2
    [part] = [p for p in parts(findings, collection.hazards, AS_OF) if p.number == "XJ-01"]
    assert part.state is not PartState.CLOSED and part.progress == "整改中"
    [said] = [p for p in collection.problems if p.code is Code.REPEATED_ANSWER]
    assert "两行都销号才算清零" in said.message


def test_a_problem_answered_in_two_rows_is_cleared_on_the_later_day(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """Both rows of XJ-01 closed, the second after the problem's 整改时限: the part was read
    by the first row, cleared in time (clerk trial 131). It is cleared the later day, late."""
    from huitoukan.findings.answers import parts

    done = answer(整改完成情况="已完成", 销号时间=date(2023, 12, 12))
    rest = hazard(问题编号="XJ-01", 问题来源="县（市、区）普查", 部位="3号教学楼",
                  存在隐患问题="二楼走廊灭火器压力不足（东侧两具）", 整改时限=date(2023, 12, 15),
                  整改完成情况="已完成", 销号时间=date(2023, 12, 18))  # fmt: skip
    findings, collection = _answered_in_two_rows(
        campaign, listed, tmp_path, done, rest, form_date=date(2023, 12, 18)
    )
    all_parts = parts(findings, collection.hazards, AS_OF)
    [part] = [p for p in all_parts if p.number == "XJ-01"]
    assert part.closed_on == date(2023, 12, 18) and part.days_late == 3
    # its archive page says the answer is two rows, each in 报送记录 with its measures (the
    # file listed twice, alike, and one row's measures alone: clerk trial 132)
    from huitoukan.letters.archive import write_archive

    write_archive(tmp_path / "档案.xlsx", campaign, AS_OF, findings[:1], all_parts,
                  collection.mentions)  # fmt: skip
    texts = [str(c.value) for row in load_workbook(tmp_path / "档案.xlsx").active.iter_rows()
             for c in row if c.value]  # fmt: skip
    first, added = sorted(h.source_row for h in collection.hazards if h.number == "XJ-01")
    assert any(t.startswith(f"安全保卫处在这份报表中分 2 行反馈本问题（第{first}、{added}行），"
                            f"以上是最后销号的第{added}行") for t in texts), texts  # fmt: skip
    for row in (first, added):
        assert [t for t in texts if t.endswith(f"保卫处.xlsx（第{row}行）")], texts
    assert {"已完成：" + str(answer()["整改措施"]), f"已完成：{rest['整改措施']}"} <= set(texts)


def _answered_in_two_rows(
    campaign: Campaign,
    listed: Path,
    tmp_path: Path,
    issued: dict[str, object],
    added: dict[str, object],
    **form: object,
) -> tuple[list[Finding], Collection]:
    """安全保卫处's return answering XJ-01 on its issued row and on a row `added` below."""
    findings = read_findings(listed, campaign).findings
    filled_form(
        campaign,
        "安全保卫处",
        tmp_path / "回收" / "保卫处.xlsx",
        [added],
        assigned=findings,
        answers={"XJ-01": issued, "SD-01": answer()},
        **form,
    )
    return findings, collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)


def test_a_closing_day_beside_a_progress_not_done_is_no_closing_anywhere(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """XJ-01 answered “已完成50%” with 销号时间 12月12日 (an error, said), 5 days overdue on
    12月20日: the archive page printed 销号时间 2023年12月12日 beside 逾期, --json carried
    closed_on, the register's 交办问题 sheet the date (clerk trial 134). None of them does."""
    from huitoukan.letters.archive import write_archive

    findings = read_findings(listed, campaign).findings
    half = answer(整改完成情况="已完成50%", 销号时间=date(2023, 12, 12))
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [], assigned=findings,
                answers={"XJ-01": half, "SD-01": answer()})  # fmt: skip
    register = tmp_path / "台账.xlsx"
    result = collect_to_register(
        campaign, [tmp_path / "回收"], register, AS_OF, findings_file=listed
    )
    assert Code.CLOSED_NOT_DONE in {p.code for p in result.collection.problems}
    [part] = [p for p in result.status.parts if p.number == "XJ-01"]
    assert (part.state, part.days_overdue, part.closed_on) == (PartState.OVERDUE, 5, None)
    [view] = [h for h in result.status.overdue if h.number == "XJ-01"]
    assert view.closed_on is None
    [row] = [r for r in sheet_rows(register, REGISTER_ASSIGNED) if r["问题编号"] == "XJ-01"]
    assert row["销号时间"] is None
    write_archive(tmp_path / "档案.xlsx", campaign, AS_OF, findings[:1], result.status.parts, [])
    texts = [
        str(c.value) for r in load_workbook(tmp_path / "档案.xlsx").active.iter_rows() for c in r
    ]
    assert not [t for t in texts if "2023年12月12日" in t]


def test_a_return_of_no_department_known_answering_one_departments_problem_is_said_whose(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """ATT00001.xlsx, 部门（章） blank, answering XJ-01 (安全保卫处's alone): a department of
    its own in the report, and nothing said of whose it may be, while 安全保卫处 was chased
    for XJ-01 (clerk trial 135). Said once, naming 安全保卫处. (Not the form issued to it,
    which says whom it was issued to.)"""
    findings = read_findings(listed, campaign).findings
    not_as_issued(filled_form(campaign, "安全保卫处", tmp_path / "回收" / "ATT00001.xlsx", [],
                              assigned=findings, answers={"XJ-01": answer(), "SD-01": answer()},
                              department_text=""))  # fmt: skip
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF, findings=findings)
    said = [p for p in collection.problems if p.code is Code.ASSIGNMENT_OTHER_DEPARTMENT]
    assert [p.message for p in said] == [
        "这份表格的表头没有写明本次活动的部门，而这一行写的交办问题 XJ-01 是交给安全保卫处的："
        "可能是安全保卫处报送的，请核实；确是的，请其在表头“部门（章）”中填写部门全称后重新报送"
        "（或把文件名改为“安全保卫处”后重新汇总）"
    ]


def test_a_row_sent_as_another_departments_problem_is_not_counted_as_self_found(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """安全保卫处's row numbered 4J-01 (学院警务室's) is summed up apart from the answers, as
    its warning says; the report counted it among 自查发现 (9 of 13, 7 by hand: clerk trial
    136). Counted apart, and said."""
    from huitoukan.letters.report import REPORT_SHEET, write_report

    findings = read_findings(listed, campaign).findings
    other = hazard(问题编号="4J-01", 问题来源="四进", 部位="岗亭")
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [hazard(), other],
                assigned=findings, answers={"XJ-01": answer(), "SD-01": answer()})  # fmt: skip
    register = tmp_path / "台账.xlsx"
    result = collect_to_register(
        campaign, [tmp_path / "回收"], register, AS_OF, findings_file=listed
    )
    totals = result.status.totals
    assert (totals.hazards, totals.answers, totals.unlisted_answers) == (4, 2, 1)
    write_report(tmp_path / "汇报.xlsx", campaign, result.status)
    ws = load_workbook(tmp_path / "汇报.xlsx")[REPORT_SHEET]
    text = "".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "（其中自查发现1项，交办问题整改反馈2项；另有1项报为上级检查发现的问题" in text


def test_a_long_source_of_the_reports_table_by_source_is_printed_whole(
    campaign: Campaign, listed: Path, tmp_path: Path
) -> None:
    """市消防救援支队检查 wrapped into a row of the table by source one line high, over its
    border (clerk trial 201 BA4): the row is as tall as its text."""
    from huitoukan.letters.report import REPORT_SHEET, write_report

    findings = read_findings(listed, campaign).findings
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [hazard()],
                assigned=findings, answers={"XJ-01": answer(), "SD-01": answer()})  # fmt: skip
    result = collect_to_register(
        campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF, findings_file=listed
    )
    long = "市消防救援支队检查"
    first, *rest = result.status.assigned
    longer = first.model_copy(update={"source": long})
    status = result.status.model_copy(update={"assigned": [longer, *rest]})
    write_report(tmp_path / "汇报.xlsx", campaign, status)
    ws = load_workbook(tmp_path / "汇报.xlsx")[REPORT_SHEET]
    [row] = [c.row for r in ws.iter_rows() for c in r if c.value == long]
    short = next(c.row for r in ws.iter_rows() for c in r if c.value == rest[0].source)
    assert ws.row_dimensions[row].height > (ws.row_dimensions[short].height or 15)


JB01: dict[str, object] = {
    "问题编号": "JB-01",
    "问题来源": "县级普查",
    "发现时间": "2023-11-03",
    "部位": "图书馆",
    "问题描述": "应急照明灯不亮",
    "责任部门": "学生工作处",
    "整改时限": "2023-12-15",
}
"""A problem the list gives 学生工作处 first, and later (`relisted`) another department."""
JB01_ORDER = ("问题编号", "问题来源", "发现时间", "部位", "问题描述", "责任部门", "整改时限")


def _reviewing_campaign(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Campaign:
    """The built-in campaign with 复查验收 required, its campaign.toml in `tmp_path`, made
    the working folder (as `review` reads it)."""
    from huitoukan.campaign import default_campaign_text, parse_campaign

    monkeypatch.chdir(tmp_path)
    text = default_campaign_text().replace("review_required = false", "review_required = true")
    Path("campaign.toml").write_text(text, "utf-8")
    return parse_campaign(text, "campaign.toml")


def _reviewed(returns: Path, department: str, day: date, as_of: date, name: str) -> None:
    """The 复查验收表 `review` writes as of `as_of`, 合格 filled in for `department`'s row
    on `day`, saved into `returns` as `name` (run in the campaign's folder)."""
    made = CliRunner().invoke(app, ["review", "--as-of", as_of.isoformat()])
    assert made.exit_code == 0, made.output
    wb = load_workbook("复查验收表.xlsx")
    ws = wb.active
    header = next(r for r in ws.iter_rows(max_row=6) if any(c.value == "复查结论" for c in r))
    columns = {str(c.value): c.column for c in header}
    [row] = [r for r in range(header[0].row + 1, ws.max_row + 1)
             if ws.cell(r, columns["部门"]).value == department]  # fmt: skip
    for field, value in (("复查人", "李安"), ("复查时间", day.isoformat()), ("复查结论", "合格")):
        ws.cell(row, columns[field]).value = value
    wb.save(returns / name)
    Path("复查验收表.xlsx").unlink()


@pytest.mark.parametrize(
    ("reviewed", "reopened", "said", "doubt"),
    [
        # passed before the inspection, reopened after it (clerk trial 170 W3, z5)
        (date(2023, 12, 15), True,
         "已销号（2023年12月15日复查合格；检查后 2023年12月17日 改报整改中）", "销号和复查验收"),
        (date(2023, 12, 15), False, "已销号（2023年12月15日复查合格）", "销号和复查验收"),
        # passed the day after the inspection, not reopened (z14)
        (date(2023, 12, 17), False,
         "已完成（检查时待复查；检查后 2023年12月17日 复查合格）", "销号和复查验收"),
        (date(2023, 12, 16), False,
         "已完成（检查时待复查；检查当天 2023年12月16日 复查合格）", "销号和复查验收"),
        (None, True, "已完成（检查后 2023年12月17日 改报整改中）", "销号"),  # (control)
    ],
)  # fmt: skip
def test_a_review_that_passed_a_belied_closing_is_said_with_its_day(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    reviewed: date | None,
    reopened: bool,
    said: str,
    doubt: str,
) -> None:
    """总务基建处 reports JB-01 done on 12月14日, 复查验收 required; the review passes it
    (on `reviewed`); an inspection on 12月16日 finds it still there; the department sends it
    again as 整改中 on 12月17日 (`reopened`). The 说明 dropped the pass once reopened, and
    said a pass given after the inspection as if before it (clerk trial 170 W3)."""
    campaign = _reviewing_campaign(tmp_path, monkeypatch)
    listed = findings_list(tmp_path / "清单.xlsx", [{**JB01, "责任部门": "总务基建处",
                           "整改时限": "2023-12-31"}], JB01_ORDER)  # fmt: skip
    answer = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                    整改措施="更换应急照明灯6盏")  # fmt: skip
    returns = tmp_path / "回收"
    done = dict(answer, 整改完成情况="已完成", 销号时间=date(2023, 12, 14))
    filled_form(campaign, "总务基建处", returns / "A1.xlsx", [done], form_date=date(2023, 12, 14))
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=listed)
    if reviewed is not None:
        _reviewed(returns, "总务基建处", reviewed, date(2023, 12, 14), "复查（已填）.xlsx")
        collect_to_register(campaign, [returns], register, reviewed, findings_file=listed)
    if reopened:
        again = dict(answer, 整改措施="发现仍有2盏不亮，重新更换")
        filled_form(campaign, "总务基建处", returns / "A2.xlsx", [again],
                    form_date=date(2023, 12, 17))  # fmt: skip
    collect_to_register(campaign, [returns], register, date(2023, 12, 17), findings_file=listed)
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 16), date(2023, 12, 18))
    assert f"总务基建处报 2023年12月14日 {said}" in verdict.note, verdict.note
    assert f"请核实{doubt}是否属实" in verdict.note, verdict.note
    then = "已销号" if reviewed is not None and reviewed < date(2023, 12, 16) else "待复查"
    assert _state_column(tmp_path / "追责核查.xlsx") == [f"总务基建处：{then}"]
    # the 销号 a review gave before the inspection, in 追责范围 too (trial 173 Z9)
    passed = "并经复查合格" if then == "已销号" else ""
    assert verdict.accountable.startswith(
        f"责任部门：总务基建处（已交办，报 2023年12月14日 已完成{passed}，检查时问题仍在"
    ), verdict.accountable


def _answered_on_the_12th(
    campaign: Campaign, tmp_path: Path, row: dict[str, object]
) -> tuple[Path, Path, Path, dict[str, object]]:
    """JB-01 listed as `row`, answered 整改中 (整改时限 12月31日) by 学生工作处 on 12月12日 and
    collected that day: the list, the returns' folder, the register, and the answer."""
    listed = findings_list(tmp_path / "清单.xlsx", [row], JB01_ORDER)
    answer = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                    整改时限=date(2023, 12, 31))  # fmt: skip
    returns = tmp_path / "回收"
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [answer],
                form_date=date(2023, 12, 12))  # fmt: skip
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 12), findings_file=listed)
    return listed, returns, register, answer


def _noted_and_given_back(
    campaign: Campaign, tmp_path: Path
) -> tuple[Path, Path, Path, dict[str, object]]:
    """`_answered_then_moved`, the move collected on 12月16日; 学生工作处's handover note
    (“已移交总务基建处”, 已完成, 12月17日) collected on 12月18日; the list then giving JB-01
    back to 学生工作处 (not yet collected): the list, the returns' folder, the register, and
    the answer."""
    listed, returns, register, answer = _answered_then_moved(campaign, tmp_path)
    collect_to_register(campaign, [returns], register, date(2023, 12, 16), findings_file=listed)
    day = date(2023, 12, 17)
    note = dict(answer, 整改措施="已移交总务基建处", 整改完成情况="已完成", 销号时间=day)
    filled_form(campaign, "学生工作处", returns / "学工处（移交）.xlsx", [note], form_date=day)
    collect_to_register(campaign, [returns], register, date(2023, 12, 18), findings_file=listed)
    relisted(listed, register, [dict(JB01)])
    return listed, returns, register, answer


def relisted(listed: Path, register: Path, rows: list[dict[str, object]]) -> None:
    """The list at `listed` written again with `rows`, newer than `register`."""
    findings_list(listed, rows, JB01_ORDER)
    later = register.stat().st_mtime + 60
    os.utime(listed, (later, later))


def _answered_then_moved(
    campaign: Campaign, tmp_path: Path
) -> tuple[Path, Path, Path, dict[str, object]]:
    """JB-01 (due 12月31日) answered 整改中 by 学生工作处, collected on 12月14日, and the
    list then giving it to 总务基建处 (not yet collected): the list, the returns' folder,
    the register, and the answer."""
    listed = findings_list(tmp_path / "清单.xlsx", [JB01], JB01_ORDER)
    answer = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                    整改时限=date(2023, 12, 31))  # fmt: skip
    returns = tmp_path / "回收"
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [answer])
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=listed)
    relisted(listed, register, [{**JB01, "责任部门": "总务基建处"}])
    return listed, returns, register, answer


def _city_verdict(
    campaign: Campaign, tmp_path: Path, register: Path, found: date, as_of: date
) -> Verdict:
    """The 追责核查's verdict, as of `as_of`, on a 市级抽查 finding JB-01's lamp still out on
    `found`."""
    from huitoukan.actions.crosscheck import run_crosscheck

    city = [{"问题编号": "SC-06", "问题来源": "市级抽查", "发现时间": found.isoformat(),
             "部位": "图书馆", "问题描述": "应急照明灯不亮", "责任部门": "学生工作处"}]  # fmt: skip
    inspected = findings_list(tmp_path / "市级抽查.xlsx", city, JB01_ORDER[:6])
    checked, _ = run_crosscheck(campaign, inspected, [register], tmp_path / "追责核查.xlsx", as_of)
    [verdict] = checked.verdicts
    return verdict


def _state_column(path: Path) -> list[str]:
    """The 检查时状态 of each finding in the 追责核查 at `path`."""
    sheet = load_workbook(path)["核查结果"]
    head = [c.value for c in sheet[2]]
    column = head.index("检查时状态")
    rows = sheet.iter_rows(min_row=3, values_only=True)
    return [row[column] for row in rows if isinstance(row[0], int)]  # (not the signature line)


def _shared_taken_out_and_back(
    campaign: Campaign, tmp_path: Path, problem: dict[str, object]
) -> list[CollectResult]:
    """`problem` (JB-01) listed as 学生工作处's and 总务基建处's, answered 整改中 by both
    (collected 12月14日); the list takes 总务基建处 out (collected 12月16日), then puts it
    back (12月18日): those two collects, into the register 全校隐患台账.xlsx of `tmp_path`."""
    both = {**problem, "责任部门": "学生工作处、总务基建处"}
    listed = findings_list(tmp_path / "清单.xlsx", [both], JB01_ORDER)
    answer = hazard(
        问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮"
    )
    returns = tmp_path / "回收"
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [answer])
    filled_form(campaign, "总务基建处", returns / "总务.xlsx", [answer])
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=listed)
    results = []
    for rows, day in (
        ([{**both, "责任部门": "学生工作处"}], date(2023, 12, 16)),
        ([both], date(2023, 12, 18)),
    ):
        relisted(listed, register, rows)
        results.append(
            collect_to_register(campaign, [returns], register, day, findings_file=listed)
        )
    return results


def _cell_of(path: Path, header: str) -> str:
    """The A1 name of the first row's cell under `header` in the form at `path`."""
    from openpyxl.utils import get_column_letter

    header_row, columns = header_position(load_workbook(path)[FORM_SHEET])
    return f"{get_column_letter(columns[header])}{header_row + 1}"


def test_a_problem_given_to_another_department_keeps_the_first_ones_answers_on_its_page(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JB-01, due 12月15日, answered by 学生工作处; on 12月18日 the list gives it to 总务基建处,
    which closes it that day. Its archive page lost 学生工作处's answers from 报送记录, and
    said 总务基建处 closed it 3 days late, though it had it only from that day (clerk trial
    136): the first one's answers stay, and the day it was given is said, no lateness."""
    monkeypatch.chdir(tmp_path)
    row = dict(JB01)
    listed = findings_list(tmp_path / "清单.xlsx", [row], JB01_ORDER)
    first = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                   整改措施="更换灯具")  # fmt: skip
    filled_form(campaign, "学生工作处", tmp_path / "回收" / "学工处.xlsx", [first])
    photo = png(200, 150)  # its photo too (said “没有附照片” beside its answer: clerk trial 139)
    paste_photos(
        tmp_path / "回收" / "学工处.xlsx",
        floating=[(_cell_of(tmp_path / "回收" / "学工处.xlsx", "备注"), photo)],
    )
    register = tmp_path / "全校隐患台账.xlsx"
    day = date(2023, 12, 18)
    collect_to_register(campaign, [tmp_path / "回收"], register, date(2023, 12, 14),
                        findings_file=listed)  # fmt: skip
    relisted(listed, register, [{**row, "责任部门": "总务基建处"}])
    done = dict(first, 整改完成情况="已完成", 销号时间=day, 检查时间=day, 整改措施="线路检修")
    filled_form(campaign, "总务基建处", tmp_path / "回收" / "总务.xlsx", [done], form_date=day)
    collect_to_register(campaign, [tmp_path / "回收"], register, day, findings_file=listed)
    collect_to_register(campaign, [tmp_path / "回收"], register, day, findings_file=listed)
    out = CliRunner().invoke(
        app, ["sample", "--all", "--findings", str(listed), "--as-of", "2023-12-20"]
    )
    assert out.exit_code == 0, out.output
    texts = [str(c.value) for r in load_workbook("抽查档案（全部）.xlsx").active.iter_rows()
             for c in r if c.value]  # fmt: skip
    files = [t.rpartition("/")[2] for t in texts if t.endswith(".xlsx")]
    assert files[-2:] == ["学工处.xlsx", "总务.xlsx"], texts  # (collected again, still there)
    assert "学生工作处（现已移交）" in texts  # (its answers, marked: trial 160, 166)
    assert "已清零" in texts and not any("超过整改时限" in t for t in texts), texts
    assert (  # the one it had it from named (said in the 报送记录 alone: trial 159)
        "2023年12月18日（交办问题清单此时才交办本部门，已过整改时限；此前由学生工作处负责，"
        "其反馈见报送记录）" in texts
    )
    with zipfile.ZipFile("抽查档案（全部）.xlsx") as archive:
        media = [archive.read(n) for n in archive.namelist() if n.startswith("xl/media/")]
    assert media == [photo]


@pytest.mark.parametrize("how", ["typed", "renumbered", "renamed"])
def test_a_part_given_late_keeps_its_day(campaign: Campaign, tmp_path: Path, how: str) -> None:
    """JB-01, due 12月15日, given to 总务基建处 on 12月18日. Its answer typing the problem's
    整改时限 itself was 8 days late on the day given (时限来源 表中填写); the list giving JB-01
    its formal 编号 SJ-01 since, or the department renamed (formerly), made it a part given
    that day, its days overdue counted afresh (clerk trial 139). On 12月21日 it is 3 days
    overdue, whatever happened since 12月18日."""
    from huitoukan.actions.state import status_of

    row = dict(JB01)
    listed = findings_list(tmp_path / "清单.xlsx", [row], JB01_ORDER)
    returns, register = tmp_path / "回收", tmp_path / "全校隐患台账.xlsx"
    first = hazard(
        问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮"
    )
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [first])
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=listed)

    def relist(changed: dict[str, object], day: date) -> None:
        relisted(listed, register, [{**row, **changed}])
        collect_to_register(campaign, [returns], register, day, findings_file=listed)

    relist({"责任部门": "总务基建处"}, date(2023, 12, 18))
    deadline = {"整改时限": date(2023, 12, 15)} if how == "typed" else {}
    answer_row = dict(first, 整改措施="线路检修", 检查时间=date(2023, 12, 18), **deadline)
    filled_form(campaign, "总务基建处", returns / "总务.xlsx", [answer_row],
                form_date=date(2023, 12, 18))  # fmt: skip
    collect_to_register(campaign, [returns], register, date(2023, 12, 18), findings_file=listed)
    if how == "renumbered":
        relist({"责任部门": "总务基建处", "问题编号": "SJ-01"}, date(2023, 12, 20))
    if how == "renamed":
        text = default_campaign_text().replace(
            'name = "总务基建处"\n', 'name = "后勤保障处"\nformerly = "总务基建处"\n'
        )
        assert "后勤保障处" in text
        campaign = parse_campaign(text, "campaign.toml")
        collect_to_register(campaign, [returns], register, date(2023, 12, 20),
                            findings_file=listed)  # fmt: skip
    status = status_of(campaign, [register], date(2023, 12, 21))
    [part] = [p for p in status.parts if p.department != "学生工作处"]
    assert (part.days_overdue, part.given_on) == (3, date(2023, 12, 18))
    assert [v.days_overdue for v in status.overdue if v.number] == [3]
    [hazard_row] = [r for r in sheet_rows(register, HAZARD_SHEET) if r["问题编号"]]
    assert hazard_row["时限来源"].endswith("（2023年12月18日交办，时限已过）")


def test_the_department_a_problem_was_taken_from_is_told_so(
    campaign: Campaign, tmp_path: Path
) -> None:
    """JB-01 answered by 学生工作处, then given to 总务基建处: 学生工作处's row read “责任部门是
    总务基建处，不是本部门”, as if it had typed the number wrong (clerk trial 138 B5). It is
    told the problem moved, and its row is handed over: no hazard of its own to answer for
    (it was chased for it, overdue, to the campaign's end: trial 159); a department that
    never had it still reads the plain wording, and is asked to check the number."""
    row = dict(JB01, 整改时限="2023-12-25")
    listed = findings_list(tmp_path / "清单.xlsx", [row], JB01_ORDER)
    answer_row = hazard(
        问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮"
    )
    filled_form(campaign, "学生工作处", tmp_path / "回收" / "学工处.xlsx", [answer_row])
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx",
                [dict(answer_row, 部位="图书馆二楼")])  # fmt: skip
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [tmp_path / "回收"], register, date(2023, 12, 14),
                        findings_file=listed)  # fmt: skip
    relisted(listed, register, [{**row, "责任部门": "总务基建处"}])
    result = collect_to_register(
        campaign, [tmp_path / "回收"], register, date(2023, 12, 18), findings_file=listed
    )
    said = {
        p.department: p.message
        for p in result.collection.problems
        if p.code is Code.ASSIGNMENT_OTHER_DEPARTMENT
    }
    assert said["学生工作处"].startswith("交办问题 JB-01 已改由总务基建处负责（此前交办本部门")
    assert "这一行算作已移交，不再计入本部门的隐患，也不再催办" in said["学生工作处"]
    assert said["安全保卫处"].startswith("交办问题 JB-01 的责任部门是总务基建处，不是本部门")
    assert {h.department for h in result.collection.hazards} == {"安全保卫处"}
    [handed] = result.collection.handed_over
    assert handed.department == "学生工作处" and handed.answered_as[:1] == ("JB-01",)
    # nothing to ask of it (asked to delete the number, then chased as its own: trial 159)
    assert not [n for n in notices(campaign, result.status) if n.department == "学生工作处"]
    [own] = [n for n in notices(campaign, result.status) if n.department == "安全保卫处"]
    assert "确由本处整改的，请在交办问题清单的责任部门中加上本处：" in own.text  # (trial 140)
    assert result.status.totals.unlisted_answers == 1


def _given_to_another(
    campaign: Campaign,
    tmp_path: Path,
    own: list[dict[str, object]],
    collected_on: date,
    numbered: bool = True,
) -> tuple[Path, Path, Path, dict[str, object], dict[str, object]]:
    """JB-01 answered 整改中 by 学生工作处 (beside its `own` rows; without its 编号 and
    来源 unless `numbered`), collected on 12月14日; the list gives it to 总务基建处, which
    sends it closed on 12月18日, collected on `collected_on`: the list, the returns' folder,
    the register, and the two answers."""
    listed = findings_list(tmp_path / "清单.xlsx", [JB01], JB01_ORDER)
    answer = hazard(
        问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮"
    )
    returns = tmp_path / "回收"
    sent = answer if numbered else dict(answer, 问题编号=None, 问题来源=None)
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [sent, *own])
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=listed)
    relisted(listed, register, [{**JB01, "责任部门": "总务基建处"}])
    day = date(2023, 12, 18)
    done = dict(answer, 整改完成情况="已完成", 销号时间=day, 检查时间=day, 整改措施="更换灯具")
    filled_form(campaign, "总务基建处", returns / "总务.xlsx", [done], form_date=day)
    collect_to_register(campaign, [returns], register, collected_on, findings_file=listed)
    return listed, returns, register, answer, done


@pytest.mark.parametrize("then", ["kept", "deleted", "unnumbered", "closed"])
def test_a_row_of_a_problem_handed_over_is_no_hazard_of_its_old_department(
    campaign: Campaign, tmp_path: Path, then: str
) -> None:
    """JB-01 (due 12月15日) answered by 学生工作处 整改中; on 12月16日 the list gives it to
    总务基建处, which closes it. Whatever 学生工作处 does with its row next — leave it, delete
    it, send it without the number (as a follow-up form pre-filled it), or call it 已完成 —
    the row is handed over: not its hazard, overdue, chased, asked to be put back, sent
    for 复查, or counted twice in the school's total (clerk trial 159)."""
    own = hazard(部位="宿舍", 存在隐患问题="插线板老化", 整改时限=date(2023, 12, 30))
    listed, returns, register, answer, done = _given_to_another(
        campaign, tmp_path, [own], date(2023, 12, 16)
    )
    rows = {
        "kept": [answer, own],
        "deleted": [own],
        "unnumbered": [dict(answer, 问题编号=None, 问题来源="自查"), own],
        "closed": [dict(done, 整改措施="已移交总务基建处"), own],
    }[then]
    filled_form(campaign, "学生工作处", returns / "学工处（12月19日）.xlsx", rows,
                form_date=date(2023, 12, 19))  # fmt: skip
    result = collect_to_register(campaign, [returns], register, date(2023, 12, 20),
                                 findings_file=listed)  # fmt: skip
    assert [(h.department, h.where) for h in result.collection.hazards] == [
        ("总务基建处", "图书馆：应急照明灯不亮"),
        ("学生工作处", "宿舍：插线板老化"),
    ]
    assert [h.department for h in result.collection.handed_over] == ["学生工作处"]
    said = [(p.code, Path(p.file).name) for p in result.collection.problems
            if p.department == "学生工作处"]  # fmt: skip
    # told once, of the row it sent (its number taken out too: trial 160), not of a row
    # since deleted, under the version replaced (at every collect: trial 160)
    moved = [(Code.ASSIGNMENT_OTHER_DEPARTMENT, "学工处（12月19日）.xlsx")]
    assert said == ([] if then == "deleted" else moved)
    status = result.status
    assert status.totals.hazards == 2 and not status.overdue and not status.sent_as_answers
    assert not [n for n in notices(campaign, status) if n.department == "学生工作处"]
    state = read_register(register)  # what the follow-up form and the 复查验收表 are made of
    assert [h.department for h in state.handed_over] == ["学生工作处"]
    assert "图书馆：应急照明灯不亮" not in {
        h.where for h in state.hazards if h.department == "学生工作处"
    }


@pytest.mark.parametrize("then", ["same", "kept"])
def test_an_answer_matched_by_its_words_is_handed_over_too(
    campaign: Campaign, tmp_path: Path, then: str
) -> None:
    """学生工作处 answered JB-01 without its 编号 (the plan's ten columns have none: matched
    by 部位 and 问题描述); the list gives JB-01 to 总务基建处. The answer became 学生工作处's
    own hazard, JB-01's page had no answer of it, and the 追责核查 took an inspection's
    finding of JB-01 for 自查已发现 (clerk trial 162): it is handed over, as one with its
    编号 is — the same return collected again, or sent again with the row."""
    own = hazard(部位="宿舍", 存在隐患问题="插线板老化", 整改时限=date(2023, 12, 30))
    listed, returns, register, answer, _ = _given_to_another(
        campaign, tmp_path, [own], date(2023, 12, 16), numbered=False
    )
    if then == "kept":
        filled_form(campaign, "学生工作处", returns / "学工处（12月19日）.xlsx",
                    [dict(answer, 问题编号=None, 问题来源=None), own],
                    form_date=date(2023, 12, 19))  # fmt: skip
    result = collect_to_register(campaign, [returns], register, date(2023, 12, 20),
                                 findings_file=listed)  # fmt: skip
    assert [(h.department, h.where) for h in result.collection.hazards] == [
        ("总务基建处", "图书馆：应急照明灯不亮"),
        ("学生工作处", "宿舍：插线板老化"),
    ]
    [handed] = result.collection.handed_over
    assert (handed.department, handed.answered_as) == ("学生工作处", ("JB-01", "县级普查"))
    said = [p for p in result.collection.problems if p.department == "学生工作处"]
    # on the words it was matched by: it has no 问题编号 to name (“问题编号“JB-01””)
    assert [(p.code, p.field, p.value) for p in said] == [
        (Code.ASSIGNMENT_OTHER_DEPARTMENT, "存在隐患问题", "应急照明灯不亮")
    ]
    assert "交办问题 JB-01 已改由总务基建处负责" in said[0].message
    assert not [n for n in notices(campaign, result.status) if n.department == "学生工作处"]
    assert [h.department for h in read_register(register).handed_over] == ["学生工作处"]


def test_a_handover_note_is_no_answer_when_the_problem_is_given_back(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JB-01 answered 整改中 by 学生工作处, given to 总务基建处; 学生工作处 sends its row again
    as the handover it was (“已移交总务基建处”, 已完成); the list gives JB-01 back. That row
    became its own 销号: 待复查, on the 复查验收表, its photo asked for, pre-filled 已完成 on
    the follow-up form (clerk trial 162 G1). It stays handed over, and the department is
    asked for JB-01 in a follow-up round — till it sends its form again, which answers it."""
    own = hazard(部位="宿舍", 存在隐患问题="插线板老化", 整改时限=date(2023, 12, 30))
    listed, returns, register, answer, done = _given_to_another(
        campaign, tmp_path, [own], date(2023, 12, 16)
    )
    note = dict(done, 整改措施="已移交总务基建处")
    filled_form(campaign, "学生工作处", returns / "学工处（12月19日）.xlsx", [note, own],
                form_date=date(2023, 12, 19))  # fmt: skip
    collect_to_register(campaign, [returns], register, date(2023, 12, 20), findings_file=listed)
    relisted(listed, register, [dict(JB01)])
    result = collect_to_register(campaign, [returns], register, date(2023, 12, 21),
                                 findings_file=listed)  # fmt: skip
    ours = [h for h in result.collection.hazards if h.department == "学生工作处"]
    assert [h.where for h in ours] == ["宿舍：插线板老化"]
    assert sorted(h.department for h in result.collection.handed_over) == [
        "学生工作处",
        "总务基建处",
    ]
    [asked] = [p for p in result.collection.problems if p.department == "学生工作处"]
    assert (asked.code, Path(asked.file).name) == (
        Code.ASSIGNMENT_AFTER_RETURN,
        "学工处（12月19日）.xlsx",
    )
    assert "又交回学生工作处负责" in asked.message and "issue --followup" in asked.message
    assert asked.cell  # (on the row's 问题编号: its 退回修改 copy marks it)
    [part] = [p for p in result.status.parts if p.department == "学生工作处"]
    assert not part.answered
    # its notice says why its row is no answer (“尚未反馈” alone: trial 164 N6)
    [notice] = [n for n in notices(campaign, result.status) if n.department == "学生工作处"]
    said = "".join(notice.text.split())
    assert "2023年12月21日又交回贵部门负责，其他部门负责期间报送的行只算移交说明" in said, said
    [changed] = [
        p.message for p in result.collection.problems if p.code is Code.FINDING_LIST_CHANGED
    ]  # (not “新增的部门”: trial 163)
    assert "学生工作处此前负责过这个问题，最近报送的行是移交说明，按未反馈计" in changed
    assert "新增的部门" not in changed
    monkeypatch.chdir(tmp_path)  # its page: not “已移交（不再负责）” of the one responsible
    out = CliRunner().invoke(app, ["sample", "--all", "--findings", str(listed),
                                   "--as-of", "2023-12-21"])  # fmt: skip
    assert out.exit_code == 0, out.output
    texts = [str(c.value) for r in load_workbook("抽查档案（全部）.xlsx").active.iter_rows()
             for c in r if c.value]  # fmt: skip
    assert "学生工作处：其他部门负责期间报送的移交说明（不算整改情况）" in texts
    assert (
        "总务基建处：已移交（不再负责）" in texts and "学生工作处：已移交（不再负责）" not in texts
    )
    # who had it when (the page named the department of now alone: trial 164 N4)
    assert (
        "2023年12月16日 学生工作处不再负责、交办总务基建处；2023年12月21日 总务基建处不再负责、"
        "交回学生工作处（按汇总时看到清单改动的日期）"
    ) in texts, texts
    # what it sent meanwhile: no 销号时间 (“已完成；销号时间…”: trial 162 N3)
    assert "整改措施：已移交总务基建处；已完成（移交说明，不算整改情况）" in texts
    # its line in the 报送记录 too (“已完成” beside the department responsible: trial 163 N5)
    sent = [[str(c.value) for c in r] for r in load_workbook("抽查档案（全部）.xlsx").active.iter_rows()
            if Path(str(r[1].value)).name.startswith("学工处")]  # fmt: skip
    assert [(Path(r[1]).name, r[3]) for r in sent] == [
        ("学工处.xlsx", "整改中"),
        ("学工处（12月19日）.xlsx", "已完成（移交说明，不算整改情况）"),
    ], sent
    # saved again and renamed (or moved to another folder): still the note (keyed by its
    # file and sha256, it was the department's 销号 again: clerk trial 163)
    book = load_workbook(returns / "学工处（12月19日）.xlsx")
    book.save(returns / "学工处-移交.xlsx")
    (returns / "学工处（12月19日）.xlsx").unlink()
    resaved = collect_to_register(campaign, [returns], register, date(2023, 12, 21),
                                  findings_file=listed, force=True)  # fmt: skip
    ours = [h for h in resaved.collection.hazards if h.department == "学生工作处"]
    assert [h.where for h in ours] == ["宿舍：插线板老化"]
    # its form sent again (the follow-up round's): that answers it
    filled_form(campaign, "学生工作处", returns / "学工处（12月22日）.xlsx", [answer, own],
                form_date=date(2023, 12, 22))  # fmt: skip
    again = collect_to_register(campaign, [returns], register, date(2023, 12, 22),
                                findings_file=listed)  # fmt: skip
    ours = [h for h in again.collection.hazards if h.department == "学生工作处"]
    assert [(h.where, h.number) for h in ours] == [
        ("图书馆：应急照明灯不亮", "JB-01"),
        ("宿舍：插线板老化", ""),
    ]
    # its note no 已完成 to go back to (“请改回已完成”: trial 165 P4), and a note still on
    # the page (a plain 已完成 once it answered: P6)
    assert Code.REOPENED_IN_NEW_VERSION not in {p.code for p in again.collection.problems}
    out = CliRunner().invoke(app, ["sample", "--all", "--findings", str(listed),
                                   "--as-of", "2023-12-22"])  # fmt: skip
    assert out.exit_code == 0, out.output
    texts = [str(c.value) for r in load_workbook("抽查档案（全部）.xlsx").active.iter_rows()
             for c in r if c.value]  # fmt: skip
    assert "已完成（移交说明，不算整改情况）" in texts, texts


@pytest.mark.parametrize(
    "measures",
    [
        "已移交总务基建处",
        "由总务基建处负责",
        "更换灯具",
        "会同总务基建处更换灯具",
        "已移交维修科更换灯具",
        "交由总务基建处日常管理，已更换灯具",
        "交总务基建处处理",
        "该楼已划归总务基建处管理",
        "已更换灯具，楼宇已划归总务基建处管理",
        "已更换灯具6盏，该楼移交总务基建处管理",
        "已上报学校，该楼已移交总务基建处处理",
        "已更换灯具并移交总务基建处使用",
        "已更换灯具6盏，交总务基建处负责日常检查",
        "已更换灯具，交总务基建处处理后续巡查",
        "已更换灯具，由总务基建处负责日常维护",
    ],
)
def test_a_handover_note_written_before_the_collect_that_saw_the_move_is_one(
    campaign: Campaign, tmp_path: Path, measures: str
) -> None:
    """JB-01 answered 整改中 by 学生工作处 (collected 12月14日). On 12月16日 the clerk gives
    it to 总务基建处 in the list, and 学生工作处 writes its row again that day, “已移交总务
    基建处”, 已完成; one collect on 12月17日 sees both. Then the list gives JB-01 back. A list
    change is dated by the collect that first sees it, so the note, written the day before,
    was read as written while 学生工作处 still had JB-01 — its own 销号 once given back: 待复查,
    on the 复查验收表, its photo asked for (clerk trial 164 N1). A row new to the register
    saying it was handed to the department it went to (移交…, 由…负责: trial 165 P5; 交…处理,
    划归…: trial 168) is a note whenever it was written; one that does not (更换灯具, or
    会同总务基建处…: trial 166; 移交 to another than the department it went to, trial 165;
    交由…日常管理, trial 167; 移交…使用, the place handed over, trial 168; 交…负责日常检查,
    its routine care handed over, trial 169; 划归…管理 after what was done, trial 170 W7) is
    the fix it says it is, as before."""
    listed, returns, register, answer = _answered_then_moved(campaign, tmp_path)
    day = date(2023, 12, 16)
    row = dict(answer, 整改措施=measures, 整改完成情况="已完成", 销号时间=day, 检查时间=day)
    filled_form(campaign, "学生工作处", returns / "学工处（12月16日）.xlsx", [row], form_date=day)
    collect_to_register(campaign, [returns], register, date(2023, 12, 17), findings_file=listed)
    relisted(listed, register, [dict(JB01)])
    result = collect_to_register(campaign, [returns], register, date(2023, 12, 18),
                                 findings_file=listed)  # fmt: skip
    ours = [h for h in result.collection.hazards if h.department == "学生工作处"]
    if "更换灯具" in measures:  # its fix, written while it had JB-01 as far as anyone knows
        assert [(h.number, h.reported_done) for h in ours] == [("JB-01", True)]
        return
    assert not ours
    assert [(n.department, n.measures) for n in result.collection.handed_written] == [
        ("学生工作处", measures)
    ]
    [part] = [p for p in result.status.parts if p.department == "学生工作处"]
    assert not part.answered
    [changed] = [
        p.message for p in result.collection.problems if p.code is Code.FINDING_LIST_CHANGED
    ]
    assert "最近报送的行是移交说明，按未反馈计" in changed, changed
    # told by its words, not its day (“报送这份表格时它由其他部门负责” of a day the register
    # had it 学生工作处's: trial 165)
    [said] = [p.message for p in result.collection.problems
              if p.code is Code.ASSIGNMENT_AFTER_RETURN]  # fmt: skip
    assert f"中它的行写的是移交（“{measures}”），算作移交说明" in said, said


@pytest.mark.parametrize("resaved", [False, True])
def test_a_fix_the_register_held_is_no_note_for_its_words(
    campaign: Campaign, tmp_path: Path, resaved: bool
) -> None:
    """学生工作处 closes JB-01, “已移交维修科更换灯具” (collected, its answer); the list gives
    JB-01 to 总务基建处, then back. Its fix, by its word 移交, became a handover note: the
    problem 未反馈, the department chased (clerk trial 165 P1) — and again once the clerk
    saved its file anew after the move (trial 166 Q1). A row the register held is no new
    note."""
    listed = findings_list(tmp_path / "清单.xlsx", [JB01], JB01_ORDER)
    day = date(2023, 12, 13)
    fix = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                 整改措施="已移交维修科更换灯具", 整改完成情况="已完成", 销号时间=day, 检查时间=day)  # fmt: skip
    returns = tmp_path / "回收"
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [fix], form_date=day)
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=listed)
    relisted(listed, register, [{**JB01, "责任部门": "总务基建处"}])
    moved = collect_to_register(campaign, [returns], register, date(2023, 12, 16),
                                findings_file=listed)  # fmt: skip
    assert not moved.collection.handed_written
    if resaved:  # the same cells, new bytes, collected while 总务基建处 has JB-01
        book = load_workbook(returns / "学工处.xlsx")
        book.save(returns / "学工处.xlsx")
        again = collect_to_register(campaign, [returns], register, date(2023, 12, 17),
                                    findings_file=listed)  # fmt: skip
        assert not again.collection.handed_written
    relisted(listed, register, [dict(JB01)])
    back = collect_to_register(campaign, [returns], register, date(2023, 12, 18),
                               findings_file=listed)  # fmt: skip
    assert [(h.number, h.reported_done) for h in back.collection.hazards] == [("JB-01", True)]
    [part] = back.status.parts
    assert part.answered


@pytest.mark.parametrize("renumbered", [False, True])
def test_a_note_stays_one_when_the_problem_is_renumbered_before_it_is_given_back(
    campaign: Campaign, tmp_path: Path, renumbered: bool
) -> None:
    """JB-01 answered 整改中 by 学生工作处, given to 总务基建处; 学生工作处 sends its row
    again meanwhile (“不再由本部门整改”, 已完成: its words say nothing); the list then gives
    JB-01 the 编号 XJ-21 and gives it back. The spans were kept under JB-01: XJ-21 was
    never away, and the note became 学生工作处's closing (clerk trial 164, d). They follow
    the 编号 as the days given do."""
    listed, returns, register, answer = _answered_then_moved(campaign, tmp_path)
    collect_to_register(campaign, [returns], register, date(2023, 12, 16), findings_file=listed)
    day = date(2023, 12, 19)
    note = dict(answer, 整改措施="不再由本部门整改", 整改完成情况="已完成", 销号时间=day)
    filled_form(campaign, "学生工作处", returns / "学工处（12月19日）.xlsx", [note], form_date=day)
    collect_to_register(campaign, [returns], register, date(2023, 12, 20), findings_file=listed)
    number = "XJ-21" if renumbered else "JB-01"
    relisted(listed, register, [{**JB01, "问题编号": number, "责任部门": "总务基建处"}])
    collect_to_register(campaign, [returns], register, date(2023, 12, 21), findings_file=listed)
    relisted(listed, register, [{**JB01, "问题编号": number}])
    result = collect_to_register(campaign, [returns], register, date(2023, 12, 22),
                                 findings_file=listed)  # fmt: skip
    assert not [h for h in result.collection.hazards if h.department == "学生工作处"]
    [part] = [p for p in result.status.parts if p.department == "学生工作处"]
    assert (part.number, part.answered) == (number, False)


def test_rows_under_the_old_number_follow_a_problem_renumbered_while_away(
    campaign: Campaign, tmp_path: Path
) -> None:
    """JB-01 answered 整改中 by 学生工作处, given to 总务基建处, then renumbered XJ-21 by the
    list; 总务基建处 answers under the old 编号; the list gives XJ-21 back, and 学生工作处's
    note, sent with the old 编号 while 总务基建处 had it, comes in late. 学生工作处's first
    row became its own 自查 hazard (the lamp counted twice), the late note its 已完成, and
    the 追责核查 left 总务基建处's answer out (clerk trial 165 P2, P3, P9)."""
    listed, returns, register, answer = _answered_then_moved(campaign, tmp_path)
    collect_to_register(campaign, [returns], register, date(2023, 12, 16), findings_file=listed)
    relisted(listed, register, [{**JB01, "问题编号": "XJ-21", "责任部门": "总务基建处"}])
    renumbered = collect_to_register(campaign, [returns], register, date(2023, 12, 17),
                                     findings_file=listed)  # fmt: skip
    assert not renumbered.collection.hazards  # (学生工作处's row: handed over, not its own)
    assert [h.answered_as[0] for h in renumbered.collection.handed_over] == ["XJ-21"]
    theirs = dict(answer, 整改措施="采购灯具")
    filled_form(campaign, "总务基建处", returns / "总务.xlsx", [theirs],
                form_date=date(2023, 12, 18))  # fmt: skip
    note = dict(answer, 整改措施="不再由本部门整改", 整改完成情况="已完成",
                销号时间=date(2023, 12, 17))  # fmt: skip
    filled_form(campaign, "学生工作处", returns / "学工处（12月17日）.xlsx", [note],
                form_date=date(2023, 12, 17))  # fmt: skip
    collect_to_register(campaign, [returns], register, date(2023, 12, 18), findings_file=listed)
    relisted(listed, register, [{**JB01, "问题编号": "XJ-21"}])
    back = collect_to_register(campaign, [returns], register, date(2023, 12, 19),
                               findings_file=listed)  # fmt: skip
    assert not back.collection.hazards  # (its note no 已完成 of its)
    [part] = back.status.parts
    assert (part.department, part.answered) == ("学生工作处", False)
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 20), date(2023, 12, 21))
    assert "总务基建处反馈整改中" in verdict.note, verdict.note


def test_a_department_taken_out_of_a_shared_problem_and_put_back_is_said_so(
    campaign: Campaign, tmp_path: Path
) -> None:
    """JB-01 is 学生工作处's and 总务基建处's; the list takes 总务基建处 out, then puts it
    back. The first change said “新增的部门按未反馈计” with none added, the second “不再负责
    的部门…算作已移交” with none taken out (clerk trial 166 Q9): each says what happened."""
    said = [
        p.message
        for result in _shared_taken_out_and_back(campaign, tmp_path, JB01)
        for p in result.collection.problems
        if p.code is Code.FINDING_LIST_CHANGED
    ]
    taken_out, put_back = said
    assert "不再负责的部门答复它的行算作已移交" in taken_out and "新增的部门" not in taken_out
    assert "不再负责的部门" not in put_back, put_back
    assert "总务基建处此前负责过这个问题" in put_back, put_back


def test_forms_written_while_another_had_the_problem_are_read_as_of_then(
    campaign: Campaign, tmp_path: Path
) -> None:
    """JB-01 answered by 学生工作处, given to 总务基建处 (collected), then both forms come
    back written while 总务基建处 had it — 学生工作处's handover note, 总务基建处's fix — and
    are first collected after the list gave JB-01 back. The note was 学生工作处's 销号 (待复查),
    the fix 总务基建处's own hazard, told it had typed the wrong 编号, gone from the problem's
    page (clerk trial 163 N2): the register knows who had it when they were written."""
    listed, returns, register, answer = _answered_then_moved(campaign, tmp_path)
    collect_to_register(campaign, [returns], register, date(2023, 12, 16), findings_file=listed)
    day = date(2023, 12, 18)
    note = dict(
        answer, 整改措施="已移交总务基建处", 整改完成情况="已完成", 销号时间=day, 检查时间=day
    )
    fix = dict(answer, 整改措施="更换灯具", 整改完成情况="已完成", 销号时间=day, 检查时间=day)
    filled_form(campaign, "学生工作处", returns / "学工处（移交）.xlsx", [note], form_date=day)
    filled_form(campaign, "总务基建处", returns / "总务.xlsx", [fix], form_date=day)
    relisted(listed, register, [dict(JB01)])
    result = collect_to_register(campaign, [returns], register, date(2023, 12, 20),
                                 findings_file=listed)  # fmt: skip
    assert not result.collection.hazards  # neither is a hazard of its department
    handed = {(h.department, h.measures) for h in result.collection.handed_over}
    assert handed == {("学生工作处", "已移交总务基建处"), ("总务基建处", "更换灯具")}
    said = {(p.department, p.code) for p in result.collection.problems}
    assert ("学生工作处", Code.ASSIGNMENT_AFTER_RETURN) in said  # (又交回: a follow-up round)
    told = [p.message for p in result.collection.problems if p.department == "总务基建处"
            and p.code is Code.ASSIGNMENT_OTHER_DEPARTMENT]  # fmt: skip
    assert len(told) == 1 and "已改由学生工作处负责（此前交办本部门" in told[0], told
    assert {(m.department, m.progress) for m in result.collection.mentions} >= {
        ("总务基建处", "已完成")
    }


def test_a_problem_given_back_is_not_a_row_deleted(
    runner: CliRunner, campaign: Campaign, chdir_tmp: Path
) -> None:
    """学生工作处 answers JB-01 整改中; the list gives JB-01 to 总务基建处; the follow-up form
    issued to 学生工作处 then has no JB-01, and comes back so; the list gives JB-01 back. The
    department was told it had deleted the row, “请恢复这些行” (clerk trials 160 N3, 162
    G4): its answer from before stands, not a row it deleted."""
    from tests.test_two_rounds import update_followup

    own = hazard(部位="宿舍", 存在隐患问题="插线板老化", 整改时限=date(2023, 12, 30))
    listed = findings_list(chdir_tmp / "清单.xlsx", [JB01], JB01_ORDER)
    answer = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                    整改时限=date(2023, 12, 31))  # fmt: skip
    filled_form(campaign, "学生工作处", chdir_tmp / "回收" / "学工处.xlsx", [answer, own])
    with_list = ["--findings", "清单.xlsx"]
    register = chdir_tmp / "全校隐患台账.xlsx"
    runner.invoke(app, ["collect", "回收", *with_list, "--as-of", "2023-12-14"])
    relisted(listed, register, [{**JB01, "责任部门": "总务基建处"}])
    runner.invoke(app, ["collect", "回收", *with_list, "--as-of", "2023-12-16"])
    followup = ["issue", "--followup", "全校隐患台账.xlsx", "--date", "2023-12-16", "-o", "跟进",
                "-d", "学生工作处", *with_list]  # fmt: skip
    assert runner.invoke(app, followup).exit_code in (0, 1)
    [form] = (chdir_tmp / "跟进").glob("学生工作处*.xlsx")
    texts = [str(c.value) for r in load_workbook(form)[FORM_SHEET].iter_rows() for c in r]
    assert "应急照明灯不亮" not in texts  # (issued without it)
    update_followup(
        form, chdir_tmp / "回收" / "学工处（跟进）.xlsx", {}, form_date=date(2023, 12, 18)
    )
    runner.invoke(app, ["collect", "回收", *with_list, "--as-of", "2023-12-18"])
    relisted(listed, register, [dict(JB01)])
    result = runner.invoke(app, ["collect", "回收", *with_list, "--as-of", "2023-12-20", "--json"])
    said = json.loads(result.stdout)["problems"]
    assert not [p for p in said if p["code"].startswith("vanished")], said
    rows = sheet_rows(register, HAZARD_SHEET)
    assert sorted((r["部门"], r["存在隐患问题"], r["整改完成情况"]) for r in rows) == [
        ("学生工作处", "应急照明灯不亮", "整改中"),
        ("学生工作处", "插线板老化", "整改中"),
    ]
    notices = runner.invoke(app, ["remind", *with_list, "--as-of", "2023-12-20", "-o", "通知"])
    assert notices.exit_code in (0, 1), notices.output
    for letter in (chdir_tmp / "通知").glob("学生工作处*"):
        assert "行被删除" not in letter.read_text("utf-8-sig")


@pytest.mark.parametrize(
    ("verdict", "typed"), [("不合格", "JB-01"), ("合格", "JB-01"), ("合格", "jb－01")]
)
def test_a_review_of_an_answer_handed_over_is_said_and_kept_on_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, verdict: str, typed: str
) -> None:
    """学生工作处 reports JB-01 已完成; the 复查验收表 lists it; the list gives JB-01 to
    总务基建处; the form comes back filled. Its verdict went nowhere but a word on the
    problem's page, its 复查意见 nowhere at all, and nobody told 总务基建处 (clerk trial
    162): the clerk is told on the review's row, and the page keeps the 复查意见 — the
    problem's 编号 typed in another case and width too (it was looked up as typed)."""
    campaign = _reviewing_campaign(tmp_path, monkeypatch)
    listed = findings_list(tmp_path / "清单.xlsx", [JB01], JB01_ORDER)
    done = hazard(问题编号=typed, 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                  整改完成情况="已完成", 销号时间=date(2023, 12, 13))  # fmt: skip
    filled_form(campaign, "学生工作处", tmp_path / "回收" / "学工处.xlsx", [done])
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [tmp_path / "回收"], register, date(2023, 12, 14),
                        findings_file=listed)  # fmt: skip
    made = CliRunner().invoke(app, ["review", "--as-of", "2023-12-14"])
    assert made.exit_code == 0, made.output
    wb = load_workbook("复查验收表.xlsx")
    ws = wb.active
    header = next(r for r in ws.iter_rows(max_row=6) if any(c.value == "复查结论" for c in r))
    columns = {str(c.value): c.column for c in header}
    # (a 合格 beside 灯具型号不符 is asked about, not adopted: trial 222)
    note = "灯具型号不符" if verdict == "不合格" else "灯具已更换"
    for field, value in (("复查人", "刘建国"), ("复查时间", "2023-12-15"), ("复查结论", verdict),
                         ("复查意见", note)):  # fmt: skip
        ws.cell(header[0].row + 1, columns[field]).value = value
    wb.save(tmp_path / "回收" / "复查（已填）.xlsx")
    relisted(listed, register, [{**JB01, "责任部门": "总务基建处"}])
    result = collect_to_register(campaign, [tmp_path / "回收"], register, date(2023, 12, 16),
                                 findings_file=listed)  # fmt: skip
    [said] = [p for p in result.collection.problems if p.code is Code.REVIEW_HANDED_OVER]
    assert Path(said.file).name == "复查（已填）.xlsx" and said.row == header[0].row + 1
    assert "答复的交办问题 JB-01 已改由总务基建处负责" in said.message
    assert "请把复查" in said.message and "告知总务基建处" in said.message
    assert ("（灯具型号不符）" in said.message) is (verdict == "不合格")
    out = CliRunner().invoke(
        app, ["sample", "--all", "--findings", str(listed), "--as-of", "2023-12-16"]
    )
    assert out.exit_code == 0, out.output
    texts = [str(c.value) for r in load_workbook("抽查档案（全部）.xlsx").active.iter_rows()
             for c in r if c.value]  # fmt: skip
    # a record of a review, of a department that had it (the box blank: trial 164 N7)
    assert any("☑ 复查验收记录（学生工作处负责期间）" in t for t in texts), texts
    # its answer in the 报送记录 (typed “jb－01”, it was on no page: its mentions were lost)
    assert any(t.endswith("学工处.xlsx") for t in texts), texts
    assert any(f"复查{verdict}（刘建国" in t and f"复查意见：{note}" in t for t in texts), texts


def test_a_problem_given_back_keeps_its_day_and_shows_the_answer_handed_over(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JB-01 (due 12月15日) answered by 学生工作处, given to 总务基建处, which closes it on
    12月18日, then given back to 学生工作处. It was given it anew that day (its days overdue
    counted from then: late before, it was late no more), told 按未反馈计 beside its own
    answer, and 总务基建处's closing was nowhere on the problem's page (clerk trial 160)."""
    monkeypatch.chdir(tmp_path)
    listed, returns, register, _, _ = _given_to_another(campaign, tmp_path, [], date(2023, 12, 18))
    relisted(listed, register, [dict(JB01)])
    result = collect_to_register(campaign, [returns], register, date(2023, 12, 20),
                                 findings_file=listed)  # fmt: skip
    assert [(h.department, h.number) for h in result.collection.hazards] == [
        ("学生工作处", "JB-01")
    ]
    assert [h.department for h in result.collection.handed_over] == ["总务基建处"]
    assert result.collection.assigned_on is not None
    assert given_day(result.collection.assigned_on, "JB-01", "学生工作处") is None
    [part] = result.status.parts
    assert part.days_overdue == 5  # since 12月15日, as before it was taken away
    [changed] = [
        p.message for p in result.collection.problems if p.code is Code.FINDING_LIST_CHANGED
    ]
    assert "学生工作处此前负责过这个问题，仍按其原来的反馈和交办日期跟踪" in changed
    assert "按未反馈计" not in changed  # (said, then taken back in brackets: trial 161)
    assert "交办之日" not in changed
    out = CliRunner().invoke(app, ["sample", "--all", "--findings", str(listed),
                                   "--as-of", "2023-12-20"])  # fmt: skip
    assert out.exit_code == 0, out.output
    texts = [str(c.value) for r in load_workbook("抽查档案（全部）.xlsx").active.iter_rows()
             for c in r if c.value]  # fmt: skip
    assert "总务基建处：已移交（不再负责）" in texts
    assert "整改措施：更换灯具；已完成；销号时间 2023年12月18日" in texts
    assert "总务基建处（现已移交）" in texts and "学生工作处" in texts


@pytest.mark.parametrize(
    ("moved", "overdue"),
    [
        (date(2023, 12, 14), 1),  # the 整改时限 passed while 总务基建处 had JB-01
        (date(2023, 12, 15), 1),  # taken away on its last day: not late then
        (date(2023, 12, 16), 3),  # a day late when taken away: late still (trial 160)
    ],
)
def test_a_part_given_back_after_its_deadline_passed_elsewhere_is_late_from_then(
    campaign: Campaign, tmp_path: Path, moved: date, overdue: int
) -> None:
    """JB-01, due 12月15日, answered 整改中 by 学生工作处; the list gives it to 总务基建处
    (first seen by the collect of `moved`) and back on 12月17日. On 12月18日 学生工作处 was
    “已逾期 3 天”, counting the days 总务基建处 had it (clerk trial 164 N5): given back
    after its 整改时限 passed elsewhere, it is given anew, late from the day given back; one
    already late when the list took it away is late from its 整改时限, as before."""
    from huitoukan.actions.state import status_of

    listed = findings_list(tmp_path / "清单.xlsx", [JB01], JB01_ORDER)
    answer = hazard(
        问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮"
    )
    returns = tmp_path / "回收"
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [answer],
                form_date=date(2023, 12, 12))  # fmt: skip
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 13), findings_file=listed)
    relisted(listed, register, [{**JB01, "责任部门": "总务基建处"}])
    collect_to_register(campaign, [returns], register, moved, findings_file=listed)
    relisted(listed, register, [dict(JB01)])
    back = date(2023, 12, 17)
    result = collect_to_register(campaign, [returns], register, back, findings_file=listed)
    [part] = status_of(campaign, [register], date(2023, 12, 18)).parts
    assert (part.department, part.days_overdue) == ("学生工作处", overdue)
    assert part.given_on == (back if overdue == 1 else None)
    [hazard_row] = sheet_rows(register, HAZARD_SHEET)  # (not “交办”: trial 166 Q6)
    assert hazard_row["时限来源"].endswith(
        "（2023年12月17日交回，时限已过）" if overdue == 1 else "交办要求"
    ), hazard_row["时限来源"]
    [changed] = [
        p.message for p in result.collection.problems if p.code is Code.FINDING_LIST_CHANGED
    ]
    anew = (
        "仍按其原来的反馈跟踪，整改时限 2023年12月15日 在其他部门负责期间已过，逾期天数从交回"
        "之日（2023年12月17日）算起"
    )
    assert (anew in changed) is (overdue == 1), changed
    assert ("仍按其原来的反馈和交办日期跟踪" in changed) is (overdue != 1), changed
    # given back, not “才交办” (it had JB-01 from the first round: trial 165 P8)
    [notice] = [n for n in notices(campaign, status_of(campaign, [register], date(2023, 12, 18)))
                if n.department == "学生工作处"]  # fmt: skip
    said = "".join(notice.text.split())
    assert ("（2023年12月17日交回，逾期天数自交回之日起计）" in said) is (overdue == 1), said
    assert "才交办" not in said, said


@pytest.mark.parametrize(
    ("closed_on", "late"),
    [(None, None), (date(2023, 12, 18), 0), (date(2023, 12, 19), 1)],
)
def test_a_part_given_after_its_deadline_is_late_from_the_day_given(
    campaign: Campaign,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    closed_on: date | None,
    late: int | None,
) -> None:
    """JB-01, due 12月15日, given to 总务基建处 on 12月18日, which closes it on 12月19日: the
    report, the register's 逾期天数 and status called it 5 days late, by the days before it
    had the problem (the archive page did not: clerk trial 138). Late from the day given,
    everywhere alike; closed that day, in time. Not closed: overdue from then, and not the
    day it was given; not answered at all, the same."""
    from huitoukan.actions.state import status_of
    from huitoukan.letters.report import REPORT_SHEET, write_report

    row = dict(JB01)
    listed = findings_list(tmp_path / "清单.xlsx", [row], JB01_ORDER)
    first = hazard(
        问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮"
    )
    filled_form(campaign, "学生工作处", tmp_path / "回收" / "学工处.xlsx", [first])
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [tmp_path / "回收"], register, date(2023, 12, 14),
                        findings_file=listed)  # fmt: skip
    relisted(listed, register, [{**row, "责任部门": "总务基建处"}])
    given = date(2023, 12, 18)
    collect_to_register(campaign, [tmp_path / "回收"], register, given, findings_file=listed)
    for day, days in ((given, 0), (date(2023, 12, 19), 1)):  # not answered: from then too
        parts = status_of(campaign, [register], day).parts
        assert [(p.department, p.answered, p.days_overdue) for p in parts] == [
            ("总务基建处", False, days)
        ]
    # the letter says why: 已逾期 1 天 beside a 12月15日 deadline read as a miscount
    [notice] = [n for n in notices(campaign, status_of(campaign, [register], date(2023, 12, 19)))
                if n.department == "总务基建处"]  # fmt: skip
    mark = "（2023年12月18日才交办，逾期天数自交办之日起计）"
    assert f"整改时限 2023年12月15日{mark}，已逾期 1 天" in notice.text
    done = dict(first, 整改措施="线路检修", 检查时间=given)
    if closed_on is not None:
        done |= {"整改完成情况": "已完成", "销号时间": closed_on}
    filled_form(campaign, "总务基建处", tmp_path / "回收" / "总务.xlsx", [done], form_date=given)
    result = collect_to_register(
        campaign, [tmp_path / "回收"], register, date(2023, 12, 20), findings_file=listed
    )
    [answer] = [h for h in result.status.parts if h.department == "总务基建处"]
    [hazard_row] = [r for r in sheet_rows(register, HAZARD_SHEET) if r["部门"] == "总务基建处"]
    assert hazard_row["时限来源"] == "交办要求（2023年12月18日交办，时限已过）"
    assert hazard_row["整改时限"] == datetime(2023, 12, 15)  # the problem's, as listed
    [part_row] = [
        r for r in sheet_rows(register, REGISTER_ASSIGNED) if r["责任部门"] == "总务基建处"
    ]
    assert (part_row["交办时间"], part_row["逾期天数"]) == (
        datetime(2023, 12, 18),
        2 if closed_on is None else late or None,
    )
    if closed_on is None:  # overdue from the day given: 2 days on 12月20日, not 5
        assert (answer.state, answer.days_overdue) == (PartState.OVERDUE, 2)
        assert (hazard_row["状态"], hazard_row["逾期天数"]) == ("逾期", 2)
        assert [v.days_overdue for v in result.status.overdue] == [2]
        [notice] = [n for n in notices(campaign, result.status) if n.department == "总务基建处"]
        assert f"整改时限 2023年12月15日{mark}，已逾期 2 天" in notice.text
        write_report(tmp_path / "汇报.xlsx", campaign, result.status)
        ws = load_workbook(tmp_path / "汇报.xlsx")[REPORT_SHEET]
        texts = [str(c.value) for r in ws.iter_rows() for c in r if c.value]
        assert "2023年12月15日（2023年12月18日才交办）" in texts
        args = ["status", str(register), "--as-of", "2023-12-20"]
        out = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
        assert "12月15日#" in out.output, out.output
        assert "# 交办给该部门时已过整改时限，逾期天数自交办之日起计" in out.output
        return
    assert (answer.state, answer.days_late) == (PartState.CLOSED, late)
    assert hazard_row["逾期天数"] == (late or None)
    assert [v.days_late for v in result.status.done_late] == ([late] if late else [])
    assert result.status.totals.done_late == (1 if late else 0)
    again = status_of(campaign, [register], date(2023, 12, 25))  # read back from the register
    assert [v.days_late for v in again.done_late] == ([late] if late else [])
    monkeypatch.chdir(tmp_path)  # the archive page, alike
    args = ["sample", "--all", "--findings", str(listed), "--as-of", "2023-12-20"]
    assert CliRunner().invoke(app, args).exit_code == 0
    texts = [str(c.value) for r in load_workbook("抽查档案（全部）.xlsx").active.iter_rows()
             for c in r if c.value]  # fmt: skip
    closing = [
        t for t in texts if t.startswith("2023年12月19日\n（逾期 1 天，自交办之日起计；")
    ]  # (and
    # dated after its form: said too)
    assert bool(closing) is bool(late), texts
    said = (
        "已清零（总务基建处交办时已过整改时限，自交办之日起计逾期 1 天销号）" if late else "已清零"
    )
    assert said in texts


def test_an_answer_in_an_older_version_under_the_old_number_stays_on_the_page(
    campaign: Campaign, tmp_path: Path
) -> None:
    """JB-01 answered 整改中 by 学生工作处 (学工处.xlsx), given to 总务基建处; 学生工作处's
    newer version hands it over; the list renumbers it XJ-21 and gives it back. Its 报送记录
    lost the first answer, in the version the newer one superseded, under the old 编号 —
    which the 追责核查 cites (clerk trial 166 Q5): the register's earlier collects knew it."""
    listed, returns, register, answer = _answered_then_moved(campaign, tmp_path)
    collect_to_register(campaign, [returns], register, date(2023, 12, 16), findings_file=listed)
    day = date(2023, 12, 17)
    note = dict(answer, 整改措施="不再由本部门整改", 整改完成情况="已完成", 销号时间=day)
    filled_form(campaign, "学生工作处", returns / "学工处（第二版）.xlsx", [note], form_date=day)
    collect_to_register(campaign, [returns], register, date(2023, 12, 18), findings_file=listed)
    relisted(listed, register, [{**JB01, "问题编号": "XJ-21", "责任部门": "总务基建处"}])
    collect_to_register(campaign, [returns], register, date(2023, 12, 19), findings_file=listed)
    relisted(listed, register, [{**JB01, "问题编号": "XJ-21"}])
    back = collect_to_register(campaign, [returns], register, date(2023, 12, 20),
                               findings_file=listed)  # fmt: skip
    said = {(Path(m.file).name, m.number, m.progress) for m in back.collection.mentions}
    assert ("学工处.xlsx", "XJ-21", "整改中") in said, said
    # the same file saved anew since is read afresh: its row is no longer known by the
    # register's word (here it still says JB-01, which the list no longer has)
    book = load_workbook(returns / "学工处.xlsx")
    book.save(returns / "学工处.xlsx")
    again = collect_to_register(campaign, [returns], register, date(2023, 12, 21),
                                findings_file=listed)  # fmt: skip
    assert ("学工处.xlsx", "XJ-21") not in {
        (Path(m.file).name, m.number) for m in again.collection.mentions
    }


@pytest.mark.parametrize(
    ("found", "dated"),
    [
        (date(2023, 12, 14), "学生工作处报 2023年12月15日 已销号（检查后所报）；"),
        (date(2023, 12, 15), "学生工作处报 2023年12月15日 已销号（检查当天所报）；"),
        # dated before the inspection, collected after it: said (clerk trial 173 Z3)
        (date(2023, 12, 16), "学生工作处报 2023年12月15日 已销号（表头日期为 2023年12月15日 的这一版"
         "检查后 2023年12月17日 才汇总，请核实是否检查前报送；检查时台账中报整改中（自表头日期为 "
         "2023年12月12日 的版本起未变））；"),
    ],
)  # fmt: skip
def test_an_answer_sent_after_the_inspection_is_dated_in_the_crosscheck(
    campaign: Campaign, tmp_path: Path, found: date, dated: str
) -> None:
    """学生工作处 answers JB-01 整改中 on 12月12日 and reports it done on 12月15日; an
    inspection finds it still there. The 说明 quoted the 已完成 alike for an inspection the
    day before it was sent, as if it stood then (clerk trial 166 Q7): one sent after the
    inspection says so."""
    listed, returns, register, answer = _answered_on_the_12th(campaign, tmp_path, JB01)
    done = dict(answer, 整改完成情况="已完成", 销号时间=date(2023, 12, 15))
    filled_form(campaign, "学生工作处", returns / "学工处（第二版）.xlsx", [done],
                form_date=date(2023, 12, 15))  # fmt: skip
    collect_to_register(campaign, [returns], register, date(2023, 12, 17), findings_file=listed)
    verdict = _city_verdict(campaign, tmp_path, register, found, date(2023, 12, 18))
    assert f"已交办学生工作处，{dated}" in verdict.note, verdict.note


@pytest.mark.parametrize(
    ("found", "other"),
    [
        (date(2023, 12, 15), "学生工作处（已交办，检查时尚在整改时限 2023年12月15日 内）"),
        (date(2023, 12, 16), "学生工作处（已交办，检查时已过整改时限 2023年12月15日，整改未到位）"),
    ],
)
def test_a_shared_problem_closed_by_one_department_blames_that_one_for_the_closing(
    campaign: Campaign, tmp_path: Path, found: date, other: str
) -> None:
    """JB-01 is 学生工作处's and 总务基建处's; 总务基建处 reports it done on 12月14日,
    学生工作处 answers 整改中; an inspection finds it still there. The 追责范围 read
    “学生工作处、总务基建处（已交办，报 2023年12月14日 已完成…）” and the 说明 “请核实销号
    是否属实” — whose? (clerk trial 168 T1): each department with its own state."""
    both = {**JB01, "责任部门": "学生工作处、总务基建处"}
    listed = findings_list(tmp_path / "清单.xlsx", [both], JB01_ORDER)
    answer = hazard(
        问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮"
    )
    closed = date(2023, 12, 14)
    done = dict(answer, 整改措施="更换灯具", 整改完成情况="已完成", 销号时间=closed)
    returns = tmp_path / "回收"
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [answer], form_date=closed)
    filled_form(campaign, "总务基建处", returns / "总务.xlsx", [done], form_date=closed)
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, closed, findings_file=listed)
    verdict = _city_verdict(campaign, tmp_path, register, found, date(2023, 12, 17))
    assert verdict.accountable == (
        "责任部门：总务基建处（已交办，报 2023年12月14日 已完成，检查时问题仍在，整改未到位）；"
        + other
    ), verdict.accountable
    assert "（请核实总务基建处的销号是否属实；" in verdict.note, verdict.note


@pytest.mark.parametrize(
    ("found", "said"),
    [
        (date(2023, 12, 15), ""),
        (date(2023, 12, 16), "检查当天交办问题清单改为总务基建处不再负责此问题"),
        (date(2023, 12, 17), ""),
        (date(2023, 12, 18), "检查当天交办问题清单又加上总务基建处（与学生工作处共同负责）"),
        (date(2023, 12, 19), ""),
    ],
)
def test_the_day_a_shared_problem_loses_or_regains_a_department_is_said_in_the_crosscheck(
    campaign: Campaign, tmp_path: Path, found: date, said: str
) -> None:
    """JB-01 is 学生工作处's and 总务基建处's; the list takes 总务基建处 out (seen 12月16日)
    and puts it back (seen 12月18日). An inspection on the first day read “检查当天交办问题清单
    由总务基建处改为负责”, on the second nothing (clerk trial 168 T2)."""
    _shared_taken_out_and_back(campaign, tmp_path, {**JB01, "整改时限": "2023-12-31"})
    register = tmp_path / "全校隐患台账.xlsx"
    verdict = _city_verdict(campaign, tmp_path, register, found, date(2023, 12, 20))
    assert ("检查当天" in verdict.accountable) is bool(said), verdict.accountable
    assert not said or f"{said}，请核实检查时的责任部门" in verdict.accountable


@pytest.mark.parametrize(
    ("case", "hinted"),
    [
        ("with the give-back", False),
        ("later", True),
        ("later, collected again", True),
        ("says 移交", False),
        ("saved again", False),
    ],
)
def test_a_form_dated_while_away_but_first_sent_after_the_give_back_is_said_so(
    campaign: Campaign, tmp_path: Path, case: str, hinted: bool
) -> None:
    """JB-01 answered by 学生工作处, given to 总务基建处 (12月16日); 学生工作处 hands it over
    (12月17日); the list gives it back (seen 12月19日). 学生工作处 corrects its form to 整改中
    and sends it — its 表头日期 still 12月17日. Its row is a note by that day; the warning
    said only “报送这份表格时它由其他部门负责” (clerk trial 168 T3): one first collected after
    the give-back says the form came after it, and to correct its date if written since —
    not of one collected with the give-back, one saying 移交, nor the note the register held,
    saved again (trial 169 V7); and on every collect, not the first alone (V3)."""
    listed, returns, register, answer = _noted_and_given_back(campaign, tmp_path)
    day = date(2023, 12, 17)
    if case != "with the give-back":
        collect_to_register(campaign, [returns], register, date(2023, 12, 19), findings_file=listed)
    if case == "saved again":
        book = load_workbook(returns / "学工处（移交）.xlsx")
        book.save(returns / "学工处（移交）.xlsx")
    else:
        measures = (
            "已移交总务基建处，请其更换" if case == "says 移交" else "已联系厂家，灯具到货后更换"
        )
        fixed = dict(answer, 整改措施=measures)
        filled_form(campaign, "学生工作处", returns / "学工处（更正）.xlsx", [fixed], form_date=day)
    result = collect_to_register(campaign, [returns], register, date(2023, 12, 20),
                                 findings_file=listed)  # fmt: skip
    if case.endswith("collected again"):
        result = collect_to_register(campaign, [returns], register, date(2023, 12, 21),
                                     findings_file=listed)  # fmt: skip
    [said] = [p for p in result.collection.problems
              if p.code in (Code.ASSIGNMENT_AFTER_RETURN, Code.ASSIGNMENT_DATED_WHILE_AWAY)]  # fmt: skip
    assert (said.code is Code.ASSIGNMENT_DATED_WHILE_AWAY) is hinted, said.message
    if not hinted:
        assert "表中它的行算作当时的移交说明" in said.message
        return
    assert (
        "已于 2023年12月19日 交回学生工作处负责，这份表格是交回之后才收到的，表头日期"
        in said.message
    )
    assert (
        "如果这份表格是交回后填写的，请改正表头日期后重新报送；否则请接收部门给学生工作处下发"
        in said.message
    )
    # on its 日期, in the copy sent back to the department (trial 171 X2)
    assert (said.field, said.cell) == ("日期", result.collection.current["学生工作处"].date_cell)
    assert said.value == "2023-12-17"  # (填写内容 of the copy's 退回修改说明: trial 172 Y1)
    copies = write_feedback(result.collection, tmp_path / "退回")
    assert [c.department for c in copies] == ["学生工作处"]


def _closed_on_the_14th(
    campaign: Campaign, tmp_path: Path
) -> tuple[Path, Path, Path, dict[str, object]]:
    """JB-01 (due 12月31日) reported done by 学生工作处 on 12月14日, collected that day: the
    list, the returns' folder, the register, and the answer (its 整改措施 更换灯具)."""
    listed = findings_list(tmp_path / "清单.xlsx", [{**JB01, "整改时限": "2023-12-31"}],
                           JB01_ORDER)  # fmt: skip
    answer = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                    整改措施="更换灯具")  # fmt: skip
    returns = tmp_path / "回收"
    done = dict(answer, 整改完成情况="已完成", 销号时间=date(2023, 12, 14))
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [done],
                form_date=date(2023, 12, 14))  # fmt: skip
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=listed)
    return listed, returns, register, answer


@pytest.mark.parametrize(
    ("sent", "closed_on", "read", "saved", "belied"),
    [
        (date(2023, 12, 17), None, date(2023, 12, 17), None, True),  # taken back after
        (date(2023, 12, 17), date(2023, 12, 17), date(2023, 12, 17), None, True),  # closed again
        (date(2023, 12, 15), None, date(2023, 12, 17), None, False),  # taken back before it
        # the correction keeps the 表头日期 of the version it replaces (clerk trial 170 W2):
        # first collected after the inspection, before it, or saved before it
        (date(2023, 12, 14), None, date(2023, 12, 17), date(2023, 12, 17), True),
        (date(2023, 12, 14), None, date(2023, 12, 16), date(2023, 12, 16), True),
        (date(2023, 12, 14), None, date(2023, 12, 15), date(2023, 12, 17), False),
        (date(2023, 12, 14), None, date(2023, 12, 17), date(2023, 12, 15), False),
    ],
)
def test_a_closing_that_stood_on_the_inspection_day_is_doubted_after_it_is_taken_back(
    campaign: Campaign,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sent: date,
    closed_on: date | None,
    read: date,
    saved: date | None,
    belied: bool,
) -> None:
    """学生工作处 reports JB-01 done on 12月14日; an inspection on 12月16日 finds it still
    there; its next version (sent on `sent`, first collected on `read`) says 整改中, or
    已完成 on 12月17日. The 追责核查 then read “尚在整改时限内”, the false 已完成 gone
    (clerk trial 169 V1): what stood on the inspection day is judged, as of the
    self-check's own hazards. A correction dated as the version it replaces stood from the
    day it was first collected, or saved (the file's time) if earlier."""
    listed, returns, register, answer = _closed_on_the_14th(campaign, tmp_path)
    again = dict(answer, 整改措施="灯具未到货，暂用临时照明")
    if closed_on is not None:
        again |= {"整改完成情况": "已完成", "销号时间": closed_on}
    corrected = returns / "学工处-更正.xlsx"  # (named to sort first: “-” before “.”)
    filled_form(campaign, "学生工作处", corrected, [again], form_date=sent)
    if saved is not None:  # (the first version's time before it: the older of one day)
        first = datetime(2023, 12, 14, 9).timestamp()
        os.utime(returns / "学工处.xlsx", (first, first))
        noon = datetime.combine(saved, time(12)).timestamp()
        os.utime(corrected, (noon, noon))
    collect_to_register(campaign, [returns], register, read, findings_file=listed)
    if read < date(2023, 12, 17):
        collect_to_register(campaign, [returns], register, date(2023, 12, 17),
                            findings_file=listed)  # fmt: skip
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 16), date(2023, 12, 18))
    stood = "责任部门：学生工作处（已交办，报 2023年12月14日 已完成，检查时问题仍在，整改未到位）"
    assert (verdict.accountable == stood) is belied, verdict.accountable
    assert ("请核实销号是否属实；尚在整改时限" in verdict.note) is belied, verdict.note
    later = "整改中" if closed_on is None else "销号"  # (not “改报 2023年12月17日 销号” again)
    when = "检查当天" if read == date(2023, 12, 16) else "检查后"
    assert (f"学生工作处报 2023年12月14日 已完成（{when} {chinese_date(read)} 改报{later}）"
            in verdict.note) is belied, verdict.note  # fmt: skip
    # 检查时状态 by what stood then (empty for every 交办问题: clerk trial 170 W5)
    then = "已销号" if belied else "整改中"
    assert _state_column(tmp_path / "追责核查.xlsx") == [f"学生工作处：{then}"]
    # the archive lists the versions in the order they came (of one day, the correction
    # came first, by the files' names: clerk trial 173 Z7)
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, ["sample", "--all", "--findings", str(listed),
                                   "--as-of", "2023-12-18"])  # fmt: skip
    assert out.exit_code == 0, out.output
    sent = [Path(str(r[1].value)).name for r in load_workbook("抽查档案（全部）.xlsx").active.iter_rows()
            if str(r[0].value).startswith("2023年")]  # fmt: skip
    assert sent == ["学工处.xlsx", "学工处-更正.xlsx"], sent


@pytest.mark.parametrize(
    ("found", "after"), [(date(2023, 12, 13), "检查后 "), (date(2023, 12, 16), "")]
)
def test_an_answer_a_handover_note_followed_is_dated_after_the_inspection(
    campaign: Campaign, tmp_path: Path, found: date, after: str
) -> None:
    """学生工作处 answers JB-01 整改中 on 12月12日 and again, its 整改时限 changed, on 12月15日;
    the list gives JB-01 to 总务基建处 and 学生工作处 sends a handover note. The 说明 of an
    inspection on 12月13日 quoted “学生工作处反馈整改中（2023年12月15日所报，…）” as if it
    stood then (clerk trial 169 V5)."""
    listed, returns, register, answer = _answered_on_the_12th(
        campaign, tmp_path, {**JB01, "整改时限": "2023-12-31"}
    )
    sooner = dict(answer, 整改时限=date(2023, 12, 25))
    filled_form(campaign, "学生工作处", returns / "学工处（第二版）.xlsx", [sooner],
                form_date=date(2023, 12, 15))  # fmt: skip
    relisted(listed, register, [{**JB01, "整改时限": "2023-12-31", "责任部门": "总务基建处"}])
    collect_to_register(campaign, [returns], register, date(2023, 12, 16), findings_file=listed)
    day = date(2023, 12, 17)
    note = dict(sooner, 整改措施="已移交总务基建处", 整改完成情况="已完成", 销号时间=day)
    filled_form(campaign, "学生工作处", returns / "学工处（移交）.xlsx", [note], form_date=day)
    collect_to_register(campaign, [returns], register, date(2023, 12, 18), findings_file=listed)
    verdict = _city_verdict(campaign, tmp_path, register, found, date(2023, 12, 19))
    said = (f"学生工作处反馈整改中（{after}2023年12月15日{' ' if after else ''}所报，"
            "检查后 2023年12月17日 报送的是移交说明")  # fmt: skip
    assert said in verdict.note, verdict.note


def test_a_shared_problem_one_department_never_answered_says_so_beside_the_others_closing(
    campaign: Campaign, tmp_path: Path
) -> None:
    """JB-01 (due 12月15日) is 学生工作处's and 总务基建处's; 总务基建处 reports it done on
    12月14日, 学生工作处 never answers it; an inspection on 12月16日 finds it still there.
    学生工作处 read “检查时已过整改时限…整改未到位”, the 说明 silent on it (clerk trial 169
    V2)."""
    both = {**JB01, "责任部门": "学生工作处、总务基建处"}
    listed = findings_list(tmp_path / "清单.xlsx", [both], JB01_ORDER)
    closed = date(2023, 12, 14)
    done = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                  整改措施="更换灯具", 整改完成情况="已完成", 销号时间=closed)  # fmt: skip
    returns = tmp_path / "回收"
    filled_form(campaign, "总务基建处", returns / "总务.xlsx", [done], form_date=closed)
    filled_form(campaign, "学生工作处", returns / "学工处.xlsx", [hazard(部位="食堂")],
                form_date=closed)  # fmt: skip
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, closed, findings_file=listed)
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 16), date(2023, 12, 17))
    assert verdict.accountable.endswith(
        "；学生工作处（已交办，检查时未反馈整改情况，已过整改时限 2023年12月15日）"
    ), verdict.accountable
    assert "已销号；学生工作处未反馈；检查时问题仍在" in verdict.note, verdict.note
    assert _state_column(tmp_path / "追责核查.xlsx") == ["总务基建处：已销号；学生工作处：未反馈"]


def test_a_shared_problem_closed_by_one_and_awaiting_review_by_the_other_asks_for_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JB-01 is 学生工作处's and 总务基建处's, 复查验收 required; both report it done on
    12月14日, 总务基建处's reviewed 合格; an inspection on 12月16日 finds it still there. The
    advice was only to list it again: 学生工作处's 已完成, awaiting its review, was to be
    judged 不合格 too, and nothing said so (clerk trial 169 V2)."""
    campaign = _reviewing_campaign(tmp_path, monkeypatch)
    both = {**JB01, "责任部门": "学生工作处、总务基建处", "整改时限": "2023-12-31"}
    listed = findings_list(tmp_path / "清单.xlsx", [both], JB01_ORDER)
    closed = date(2023, 12, 14)
    returns = tmp_path / "回收"
    for department, name in (("总务基建处", "总务.xlsx"), ("学生工作处", "学工处.xlsx")):
        done = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                      整改措施=f"{department}更换灯具", 整改完成情况="已完成", 销号时间=closed)  # fmt: skip
        filled_form(campaign, department, returns / name, [done], form_date=closed)
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, closed, findings_file=listed)
    _reviewed(returns, "总务基建处", date(2023, 12, 15), closed, "复查（已填）.xlsx")
    collect_to_register(campaign, [returns], register, date(2023, 12, 15), findings_file=listed)
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 16), date(2023, 12, 17))
    assert verdict.belied and not verdict.review_belied
    assert verdict.awaiting_review == ("学生工作处",)
    assert "学生工作处报的已完成还待复查：复查验收时请判为不合格" in verdict.note, verdict.note
    assert "不必另列入交办问题清单" not in verdict.note, verdict.note
    assert "另列一行" in verdict.note, verdict.note
    # on the screen too, by name (“SC-06 中学生工作处…” read “中学生”: trial 170 W6)
    out = CliRunner().invoke(app, ["crosscheck", "市级抽查.xlsx", "--as-of", "2023-12-17"])
    assert "SC-06：学生工作处报的已完成还在待复查" in "".join(out.output.split()), out.output


@pytest.mark.parametrize(
    ("found", "said"),
    [
        # (not in its bracket, read as said of it: trial 174 AA3)
        (date(2023, 12, 15), "学生工作处反馈整改中；2023年12月16日才交办总务基建处；"),
        (date(2023, 12, 16), "学生工作处反馈整改中；"),  # the change day: the clerk checks
        (date(2023, 12, 17), "学生工作处反馈整改中（检查时不由其负责）"),
    ],
)
def test_an_answer_of_a_department_that_did_not_have_the_problem_then_is_said_so(
    campaign: Campaign, tmp_path: Path, found: date, said: str
) -> None:
    """JB-01 answered 整改中 by 学生工作处, given to 总务基建处 (seen 12月16日). The 说明 of an
    inspection after the move quoted “学生工作处反馈整改中” as if the answer of the department
    that had it (clerk trial 169 V8); on the day the move was seen, the 追责范围 asks the clerk
    which had it, and the 说明 does not answer it (trial 171 X3)."""
    listed, returns, register, _ = _answered_then_moved(campaign, tmp_path)
    collect_to_register(campaign, [returns], register, date(2023, 12, 16), findings_file=listed)
    verdict = _city_verdict(campaign, tmp_path, register, found, date(2023, 12, 18))
    assert said in verdict.note, verdict.note
    # 检查时状态 of those that had it alone (trial 173 Z8); on the change day, of the one
    # taken from too, whom the clerk is asked to check (trial 174 AA1)
    # (marked: trial 175 AB5)
    states = {date(2023, 12, 16): "学生工作处：整改中（检查当天交办问题清单改为不由其负责）；总务基建处：未反馈",
              date(2023, 12, 17): "总务基建处：未反馈"}  # fmt: skip
    if found in states:
        assert _state_column(tmp_path / "追责核查.xlsx") == [states[found]]


def test_a_handover_note_is_no_closing_the_inspection_belied_once_the_department_answers(
    campaign: Campaign, tmp_path: Path
) -> None:
    """JB-01 answered 整改中 by 学生工作处, given to 总务基建处; 学生工作处's handover note
    (“已移交总务基建处”, 已完成, 12月17日); the list gives it back; an inspection on 12月20日
    finds it still there; 学生工作处 then answers 整改中. Its note, now a version of the answer,
    read as the closing that stood on the inspection day: “报 2023年12月17日 已完成，检查时
    问题仍在，整改未到位” (clerk trial 170 W1)."""
    listed, returns, register, answer = _noted_and_given_back(campaign, tmp_path)
    collect_to_register(campaign, [returns], register, date(2023, 12, 19), findings_file=listed)
    before = _city_verdict(campaign, tmp_path, register, date(2023, 12, 20), date(2023, 12, 20))
    again = dict(answer, 整改措施="已联系厂家，灯具到货后更换")
    filled_form(campaign, "学生工作处", returns / "学工处（跟进）.xlsx", [again],
                form_date=date(2023, 12, 21))  # fmt: skip
    collect_to_register(campaign, [returns], register, date(2023, 12, 21), findings_file=listed)
    after = _city_verdict(campaign, tmp_path, register, date(2023, 12, 20), date(2023, 12, 22))
    # 检查时状态 too: the answer before the note, overdue from the give-back (its 已完成 read
    # 已销号: trial 173 Z2)
    assert _state_column(tmp_path / "追责核查.xlsx") == ["学生工作处：逾期"], after.note
    # and once the list gives it to 总务基建处 again (its row handed over: trial 171 X1)
    relisted(listed, register, [{**JB01, "责任部门": "总务基建处"}])
    collect_to_register(campaign, [returns], register, date(2023, 12, 23), findings_file=listed)
    moved = _city_verdict(campaign, tmp_path, register, date(2023, 12, 20), date(2023, 12, 24))
    for verdict in (before, after, moved):
        assert "2023年12月17日 已完成" not in verdict.accountable, verdict.accountable
        assert "请核实销号" not in verdict.note, verdict.note
    assert after.accountable == before.accountable


def test_an_unreviewed_closing_handed_over_after_the_inspection_is_no_closing_passed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """JB-01 is 学生工作处's and 总务基建处's, 复查验收 required; 学生工作处 reports it done on
    12月14日 (never reviewed), an inspection on 12月16日 finds it still there, the list
    takes 学生工作处 off on 12月17日 and it sends a handover note on 12月18日. The 说明 said
    “学生工作处报 2023年12月14日 已销号（2023年12月14日所报，…）”: a closing no review had
    passed (clerk trial 170 W4)."""
    campaign = _reviewing_campaign(tmp_path, monkeypatch)
    both = {**JB01, "责任部门": "总务基建处、学生工作处", "整改时限": "2023-12-31"}
    listed = findings_list(tmp_path / "清单.xlsx", [both], JB01_ORDER)
    answer = hazard(
        问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮"
    )
    returns = tmp_path / "回收"
    filled_form(campaign, "总务基建处", returns / "总务.xlsx", [dict(answer, 整改措施="已报修")],
                form_date=date(2023, 12, 10))  # fmt: skip
    done = dict(
        answer, 整改措施="宿舍区灯具已更换", 整改完成情况="已完成", 销号时间=date(2023, 12, 14)
    )
    filled_form(
        campaign, "学生工作处", returns / "学工处.xlsx", [done], form_date=date(2023, 12, 14)
    )
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=listed)
    relisted(listed, register, [{**both, "责任部门": "总务基建处"}])
    collect_to_register(campaign, [returns], register, date(2023, 12, 17), findings_file=listed)
    note = dict(done, 整改措施="已移交总务基建处", 销号时间=date(2023, 12, 18))
    filled_form(campaign, "学生工作处", returns / "学工处（移交）.xlsx", [note],
                form_date=date(2023, 12, 18))  # fmt: skip
    collect_to_register(campaign, [returns], register, date(2023, 12, 18), findings_file=listed)
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 16), date(2023, 12, 19))
    assert "已销号" not in verdict.note, verdict.note
    said = "学生工作处报 2023年12月14日 已完成（未复查；检查后 2023年12月18日 报送的是移交说明）"
    assert said in verdict.note, verdict.note


def test_the_department_that_had_the_problem_on_the_inspection_day_is_said_first(
    campaign: Campaign, tmp_path: Path
) -> None:
    """JB-01 answered 整改中 by 学生工作处, given to 总务基建处 (seen 12月16日), which answers
    it on 12月17日; an inspection on 12月18日; the list gives it back (seen 12月19日). The 说明
    of the same inspection began with 总务基建处 as of 12月18日 and with 学生工作处 — which
    did not have it then — as of 12月20日 (clerk trial 172 Y2)."""
    listed, returns, register, answer = _answered_then_moved(campaign, tmp_path)
    collect_to_register(campaign, [returns], register, date(2023, 12, 16), findings_file=listed)
    filled_form(campaign, "总务基建处", returns / "总务.xlsx", [dict(answer, 整改措施="已报修")],
                form_date=date(2023, 12, 17))  # fmt: skip
    collect_to_register(campaign, [returns], register, date(2023, 12, 17), findings_file=listed)
    before = _city_verdict(campaign, tmp_path, register, date(2023, 12, 18), date(2023, 12, 18))
    relisted(listed, register, [dict(JB01)])
    collect_to_register(campaign, [returns], register, date(2023, 12, 19), findings_file=listed)
    after = _city_verdict(campaign, tmp_path, register, date(2023, 12, 18), date(2023, 12, 20))
    for verdict in (before, after):
        assert "已交办总务基建处，总务基建处反馈整改中" in verdict.note, verdict.note
        assert "；学生工作处反馈整改中（检查时不由其负责）" in verdict.note, verdict.note


def test_a_closing_reported_after_the_inspection_and_passed_is_not_said_to_await_review_then(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """总务基建处 answers JB-01 整改中 on 12月10日; an inspection on 12月16日; it reports the
    problem done on 12月17日, passed on 12月18日. The 说明 said “已完成（检查时待复查；检查后
    2023年12月18日 复查合格；检查后所报）”, as if reported done before the inspection (clerk
    trial 173 Z1)."""
    campaign = _reviewing_campaign(tmp_path, monkeypatch)
    listed = findings_list(tmp_path / "清单.xlsx", [{**JB01, "责任部门": "总务基建处",
                           "整改时限": "2023-12-31"}], JB01_ORDER)  # fmt: skip
    answer = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                    整改措施="已报修")  # fmt: skip
    returns = tmp_path / "回收"
    filled_form(campaign, "总务基建处", returns / "A1.xlsx", [answer], form_date=date(2023, 12, 10))
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 10), findings_file=listed)
    done = dict(
        answer, 整改措施="更换应急照明灯6盏", 整改完成情况="已完成", 销号时间=date(2023, 12, 17)
    )
    filled_form(campaign, "总务基建处", returns / "A2.xlsx", [done], form_date=date(2023, 12, 17))
    collect_to_register(campaign, [returns], register, date(2023, 12, 17), findings_file=listed)
    _reviewed(returns, "总务基建处", date(2023, 12, 18), date(2023, 12, 17), "复查（已填）.xlsx")
    collect_to_register(campaign, [returns], register, date(2023, 12, 18), findings_file=listed)
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 16), date(2023, 12, 19))
    said = "总务基建处报 2023年12月17日 已销号（2023年12月18日复查合格；检查后所报）"
    assert said in verdict.note, verdict.note
    assert _state_column(tmp_path / "追责核查.xlsx") == ["总务基建处：整改中"]


@pytest.mark.parametrize("how", ["register deleted", "recorded before the day was"])
def test_a_correction_keeping_the_date_is_judged_by_when_it_came_whatever_the_record(
    campaign: Campaign, tmp_path: Path, how: str
) -> None:
    """学生工作处 reports JB-01 done on 12月14日 (collected that day); an inspection on 12月16日;
    a corrected copy keeping the 表头日期, 整改中, is first collected on 12月17日. The belied
    已完成 was erased again once the clerk deleted the register and collected anew, or when
    the first collects were by a huitoukan that recorded no first-read day (clerk trial 173
    Z4): the register's record, or its history, still says when each file was read."""
    from huitoukan.register.record import record_files

    listed, returns, register, answer = _closed_on_the_14th(campaign, tmp_path)
    if how == "recorded before the day was":  # (as a huitoukan of before wrote the record)
        record = record_files(register)[0]
        written = json.loads(record.read_text("utf-8"))
        del written["coverage"]["first_read"]
        record.write_text(json.dumps(written, ensure_ascii=False), "utf-8")
    again = dict(answer, 整改措施="灯具未到货，暂用临时照明")
    filled_form(campaign, "学生工作处", returns / "学工处-更正.xlsx", [again],
                form_date=date(2023, 12, 14))  # fmt: skip
    collect_to_register(campaign, [returns], register, date(2023, 12, 17), findings_file=listed)
    if how == "register deleted":
        register.unlink()
        collect_to_register(campaign, [returns], register, date(2023, 12, 18),
                            findings_file=listed)  # fmt: skip
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 16), date(2023, 12, 18))
    stood = "责任部门：学生工作处（已交办，报 2023年12月14日 已完成，检查时问题仍在，整改未到位）"
    assert verdict.accountable == stood, verdict.note


def test_a_pass_signed_on_a_form_made_after_the_inspection_is_after_it_whatever_its_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """总务基建处 reports JB-01 done on 12月14日; an inspection on 12月16日; the 复查验收表
    is made that day and signed 合格 with 复查时间 12月15日 (collect warns it looks
    backdated). The 说明 said “已销号（2023年12月15日复查合格）” as if passed before the
    inspection (clerk trial 173 Z6)."""
    campaign = _reviewing_campaign(tmp_path, monkeypatch)
    listed = findings_list(tmp_path / "清单.xlsx", [{**JB01, "责任部门": "总务基建处",
                           "整改时限": "2023-12-31"}], JB01_ORDER)  # fmt: skip
    done = hazard(问题编号="JB-01", 问题来源="县级普查", 部位="图书馆", 存在隐患问题="应急照明灯不亮",
                  整改措施="更换灯具", 整改完成情况="已完成", 销号时间=date(2023, 12, 14))  # fmt: skip
    returns = tmp_path / "回收"
    filled_form(campaign, "总务基建处", returns / "A1.xlsx", [done], form_date=date(2023, 12, 14))
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [returns], register, date(2023, 12, 14), findings_file=listed)
    _reviewed(returns, "总务基建处", date(2023, 12, 15), date(2023, 12, 16), "复查（已填）.xlsx")
    result = collect_to_register(campaign, [returns], register, date(2023, 12, 17),
                                 findings_file=listed)  # fmt: skip
    assert any(p.code is Code.REVIEW_BEFORE_FORM for p in result.collection.problems)
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 16), date(2023, 12, 18))
    said = ("总务基建处报 2023年12月14日 已完成（检查时待复查；复查合格，但复查验收表 2023年12月16日"
            "（检查当天）才生成，复查时间写的是 2023年12月15日）")  # fmt: skip
    assert said in verdict.note, verdict.note
    assert "请核实销号和复查验收是否属实" in verdict.note, verdict.note
    assert _state_column(tmp_path / "追责核查.xlsx") == ["总务基建处：待复查"]


@pytest.mark.parametrize(
    ("read", "flagged"),
    [(date(2023, 12, 15), False), (date(2023, 12, 16), True), (date(2023, 12, 17), True)],
)
def test_a_correction_dated_before_the_inspection_but_collected_after_it_is_said(
    campaign: Campaign, tmp_path: Path, read: date, flagged: bool
) -> None:
    """学生工作处 reports JB-01 done on 12月14日 (collected that day); a correction dated
    12月15日, 整改中, is first collected on `read`; an inspection on 12月16日. The belied
    已完成 was gone without a trace when the correction came only after the inspection: its
    日期 is the department's word, said to be checked (clerk trial 173 Z3)."""
    listed, returns, register, answer = _closed_on_the_14th(campaign, tmp_path)
    again = dict(answer, 整改措施="灯具未到货，暂用临时照明")
    filled_form(campaign, "学生工作处", returns / "学工处-更正.xlsx", [again],
                form_date=date(2023, 12, 15))  # fmt: skip
    collect_to_register(campaign, [returns], register, read, findings_file=listed)
    if read < date(2023, 12, 17):
        collect_to_register(campaign, [returns], register, date(2023, 12, 17),
                            findings_file=listed)  # fmt: skip
    verdict = _city_verdict(campaign, tmp_path, register, date(2023, 12, 16), date(2023, 12, 18))
    when = "检查当天" if read == date(2023, 12, 16) else "检查后"
    said = (f"学生工作处反馈整改中（表头日期为 2023年12月15日 的这一版{when} {chinese_date(read)} "
            "才汇总，请核实是否检查前报送；检查时台账中报 2023年12月14日 已完成（自表头日期为 "
            "2023年12月14日 的版本起未变））")  # fmt: skip
    assert (said in verdict.note) is flagged, verdict.note
    assert ("才汇总" in verdict.note) is flagged, verdict.note


def test_an_undated_version_is_listed_in_the_archive_by_its_files_day(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """学生工作处 answers JB-01 on 12月12日, then sends a version without a 表头日期, saved on
    12月20日, which collect takes as the newest by its file's day. The 一问题一档案 listed it
    first, its date blank (clerk trial 178 AE6): last, by its file's day, said so."""
    listed, returns, register, answer = _answered_on_the_12th(campaign, tmp_path, dict(JB01))
    undated = returns / "学工处（再报）.xlsx"
    filled_form(campaign, "学生工作处", undated, [dict(answer, 整改措施="已订购灯具")],
                form_date=None)  # fmt: skip
    noon = datetime(2023, 12, 20, 12).timestamp()
    os.utime(undated, (noon, noon))
    collect_to_register(campaign, [returns], register, date(2023, 12, 20), findings_file=listed)
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(app, ["sample", "--all", "--findings", str(listed),
                                   "--as-of", "2023-12-20"])  # fmt: skip
    assert out.exit_code == 0, out.output
    rows = [(str(r[0].value), Path(str(r[1].value)).name)
            for r in load_workbook("抽查档案（全部）.xlsx").active.iter_rows()
            if str(r[1].value).endswith(".xlsx")]  # fmt: skip
    assert rows == [
        ("2023年12月12日", "学工处.xlsx"),
        ("2023年12月20日（按文件日期）", "学工处（再报）.xlsx"),
    ], rows


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gb18030"])
def test_a_list_saved_as_csv_is_read(campaign: Campaign, tmp_path: Path, encoding: str) -> None:
    """An inspection's list saved as CSV (exported from another system, or by Excel's “CSV”
    in UTF-8 or the Chinese default) was refused: “CSV 文本文件没有表头信息，请使用下发的附件2”
    — it had its header, and 附件2 is the departments' form (clerk trial 179 AF5)."""
    import csv

    path = tmp_path / "市级抽查.csv"
    with path.open("w", encoding=encoding, newline="") as handle:
        out = csv.writer(handle)
        out.writerow(LIST_HEADERS)
        out.writerow(
            [
                "SC-01",
                "市级抽查",
                "2023-12-18",
                "图书馆",
                "二楼灭火器压力不足",
                "安全保卫处",
                "更换",
                "2023-12-31",
            ]
        )
        out.writerow(
            [
                "SC-02",
                "市级抽查",
                "2023/12/18",
                "食堂",
                "燃气报警器故障，\n需更换",
                "总务基建处",
                "",
                "",
            ]
        )
    result = read_findings(path, campaign, inspection=True)
    assert [(f.number, f.found_on, f.departments) for f in result.findings] == [
        ("SC-01", date(2023, 12, 18), ("安全保卫处",)),
        ("SC-02", date(2023, 12, 18), ("总务基建处",)),
    ]
    assert result.findings[1].description.startswith("燃气报警器故障")


def _by_authority(tmp_path: Path, first: str, second: str) -> Path:
    """A list naming the authority that found each of its two problems (检查单位), not its
    问题来源."""
    rows = [
        {"序号": 1, "检查单位": first, "部位": "图书馆", "发现的问题": "二楼灭火器压力不足",
         "责任部门": "安全保卫处", "发现时间": "2023-12-18"},
        {"序号": 2, "检查单位": second, "部位": "食堂", "发现的问题": "燃气报警器故障",
         "责任部门": "总务基建处", "发现时间": "2023-12-18"},
    ]  # fmt: skip
    order = ("序号", "检查单位", "部位", "发现的问题", "责任部门", "发现时间")
    return findings_list(tmp_path / "抽查.xlsx", rows, order)


def test_a_list_naming_the_inspecting_authority_per_row_takes_its_source(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A list with a 检查单位 column (市教育局 on each row) and no 问题来源 was refused: “清单
    没有“问题来源”一列” — though a title naming 市教育局 is read as 市级抽查 (clerk trial 179
    AF11). Each row's authority names its source."""
    result = read_findings(_by_authority(tmp_path, "市教育局", "县教育局"), campaign, True)
    assert [f.source for f in result.findings] == ["市级抽查", "县级普查"]
    assert Code.FINDING_UNKNOWN_SOURCE not in {p.code for p in result.problems}


def test_an_authority_with_several_sources_of_its_level_is_asked_which(
    campaign: Campaign, tmp_path: Path
) -> None:
    """省教育厅 in 检查单位 was refused in the words of any unknown source, though the
    campaign has three 省级 sources the clerk has to choose from (clerk trial 180 AG3):
    they are named. An authority of no source's level keeps the plain words."""
    with pytest.raises(FindingsError) as refused:
        read_findings(_by_authority(tmp_path, "省教育厅", "市消防救援支队"), campaign, True)
    problems = refused.value.problems
    said = [p.message for p in problems if p.code == Code.FINDING_UNKNOWN_SOURCE]
    assert len(said) == 2
    assert (
        "问题来源“省教育厅”是检查单位，本次活动省级的来源有省级督查、四进巡查、审计调查" in said[0]
    )
    assert "“市消防救援支队”不是本次活动的来源，请填写：县级普查、市级抽查" in said[1]


def test_the_review_forms_columns_stay_where_they_were_with_no_assigned_problem_pending(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second 复查验收表 of a campaign with assigned problems listed none pending: it
    dropped its 问题编号 column, 复查人 to 复查意见 moved one column left, and the clerk who
    filled it by the first one's places wrote names under 复查时间 (clerk trial 229 CC3). The
    column stays while the campaign has assigned problems."""
    campaign = _reviewing_campaign(tmp_path, monkeypatch)
    listed = findings_list(tmp_path / "清单.xlsx", [JB01], JB01_ORDER)
    other = hazard(部位="食堂", 存在隐患问题="插线板老化", 整改完成情况="已完成",
                   销号时间=date(2023, 12, 13))  # fmt: skip
    filled_form(campaign, "学生工作处", tmp_path / "回收" / "学工处.xlsx", [other])
    register = tmp_path / "全校隐患台账.xlsx"
    collect_to_register(campaign, [tmp_path / "回收"], register, date(2023, 12, 14),
                        findings_file=listed)  # fmt: skip
    made = CliRunner().invoke(app, ["review", "--as-of", "2023-12-14"])
    assert made.exit_code == 0, made.output
    header = next(
        [str(c.value) for c in r]
        for r in load_workbook("复查验收表.xlsx").active.iter_rows(max_row=6)
        if any(c.value == "复查结论" for c in r)
    )
    assert header[:5] == ["序号", "隐患编号", "问题编号", "部门", "部位"], header
