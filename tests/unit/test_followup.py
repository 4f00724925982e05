from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from huitoukan.actions.state import load_state
from huitoukan.campaign import Campaign, default_campaign_text
from huitoukan.cells import column_letter
from huitoukan.cli import app
from huitoukan.errors import OutputExistsError
from huitoukan.forms.followup import followup_round
from huitoukan.forms.issuing import BLANK_ROWS, form_file_name, issue_forms
from huitoukan.forms.layout import COLUMNS, FORM_SHEET
from tests.helpers import closed, filled_form, hazard, header_position, read_form


def test_followup_prefills_every_row_and_reads_back_the_same(
    campaign: Campaign, tmp_path: Path
) -> None:
    rows = [hazard(部位=f"部位{n}", 整改时限=date(2023, 12, 20 + n % 5)) for n in range(13)]
    rows += [closed(部位="已关", 备注="=SUM(A1)"), hazard(部位="默认时限", 整改时限=None)]
    filled_form(campaign, "总务基建处", tmp_path / "回收" / "总务.xlsx", rows)
    state = load_state(campaign, [tmp_path / "回收"])
    round_ = followup_round(state.hazards, date(2023, 12, 21), date(2023, 12, 28), only_open=False)
    result = issue_forms(campaign, tmp_path / "第二轮", ["总务基建处"], followup=round_)
    assert [f.department for f in result.forms] == ["总务基建处"]
    path = tmp_path / "第二轮" / form_file_name("总务基建处")
    ws = load_workbook(path)[FORM_SHEET]
    header_row, columns = header_position(ws)
    assert ws.cell(header_row + 15, columns["部位"]).value == "默认时限"
    assert ws.cell(header_row + 15, columns["整改时限"]).value is None
    assert ws.cell(header_row + 14, columns["备注"]).data_type == "s"
    last = header_row + 15 + BLANK_ROWS  # rows left for what the department finds next
    assert all(ws.cell(r, columns["部位"]).value is None for r in range(header_row + 16, last + 1))
    numbers = [ws.cell(r, columns["序号"]).value for r in range(header_row + 1, last + 1)]
    assert numbers == list(range(1, 16 + BLANK_ROWS))  # rows inserted for room numbered too
    footer = last + 2
    assert str(ws.cell(footer, 1).value).startswith("上报人")
    assert any(str(m).startswith(f"A{footer}:") for m in ws.merged_cells.ranges)
    progress = column_letter(columns["整改完成情况"] - 1)
    (status,) = [dv for dv in ws.data_validations.dataValidation if progress in str(dv.sqref)]
    assert str(status.sqref) == f"{progress}{header_row + 1}:{progress}{last}"
    assert ws.print_area.endswith(f"${column_letter(len(COLUMNS) - 1)}${footer}")
    form = read_form(path, campaign)
    # the department writes the day it reports: a form dated the day the round was issued
    # kept that date when it came back late, and counted as answered in time
    assert form.form_date is None
    before = {h.key: h for h in state.hazards}
    assert [h.key for h in form.hazards] == [h.key for h in state.hazards]
    for row in form.hazards:
        old = before[row.key]
        assert (
            row.progress,
            row.deadline,
            row.closed_on,
            row.remarks,
            row.deadline_is_default,
        ) == (old.progress, old.deadline, old.closed_on, old.remarks, old.deadline_is_default)


def test_a_prefilled_done_row_without_its_closing_day_says_so(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A hazard reported 已完成 without a 销号时间 was prefilled as 已完成 over an empty cell,
    without a word: the department saw nothing to mend (clerk trial 67)."""
    rows = [closed(部位="东门", 销号时间=None), closed(部位="西门")]
    filled_form(campaign, "总务基建处", tmp_path / "回收" / "总务.xlsx", rows)
    state = load_state(campaign, [tmp_path / "回收"])
    round_ = followup_round(state.hazards, date(2023, 12, 21), date(2023, 12, 28), only_open=False)
    issue_forms(campaign, tmp_path / "第二轮", ["总务基建处"], followup=round_)
    ws = load_workbook(tmp_path / "第二轮" / form_file_name("总务基建处"))[FORM_SHEET]
    header_row, columns = header_position(ws)
    places = {ws.cell(r, columns["部位"]).value: r for r in (header_row + 1, header_row + 2)}
    east = ws.cell(places["东门"], columns["销号时间"]).comment
    assert east is not None and "销号时间未填写或有误" in east.text
    assert ws.cell(places["西门"], columns["销号时间"]).comment is None


def test_a_follow_up_round_from_returns_judges_them_on_its_day(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A 销号时间 typed a year on (2024 for 2023): read from the returns as of the computer's
    day, it was prefilled on the round of 12月21日 as a closing, without a word; read from
    the register, as none (clerk trial 69). Both judge it on the round's day now."""
    rows = [closed(部位="东门", 销号时间=date(2024, 12, 11))]
    filled_form(campaign, "总务基建处", chdir_tmp / "回收" / "总务.xlsx", rows)
    result = runner.invoke(
        app, ["issue", "--followup", "回收", "--date", "2023-12-21", "-o", "第二轮"]
    )
    assert result.exit_code == 0, result.output
    ws = load_workbook(chdir_tmp / "第二轮" / form_file_name("总务基建处"))[FORM_SHEET]
    header_row, columns = header_position(ws)
    closing = ws.cell(header_row + 1, columns["销号时间"])
    assert closing.value is None and closing.comment is not None


def test_only_open_leaves_out_departments_with_nothing_open(
    campaign: Campaign, tmp_path: Path
) -> None:
    filled_form(campaign, "附属医院", tmp_path / "r" / "a.xlsx", [closed()])
    filled_form(campaign, "学院警务室", tmp_path / "r" / "b.xlsx", [hazard()])
    state = load_state(campaign, [tmp_path / "r"])
    round_ = followup_round(state.hazards, date(2023, 12, 21), date(2023, 12, 28), only_open=True)
    result = issue_forms(campaign, tmp_path / "out", followup=round_)
    assert [f.department for f in result.forms] == ["学院警务室"]
    note = load_workbook(tmp_path / "out" / form_file_name("学院警务室"))[FORM_SHEET]["A4"].value
    assert "2023年12月28日前" in note


def test_only_open_sends_to_whoever_still_owes_an_assigned_problem(
    campaign: Campaign, tmp_path: Path
) -> None:
    """--only-open: 安全保卫处 closed all it found but has not answered the problem assigned
    to it; 总务基建处 closed everything, its assigned problem too; 附属医院 never returned
    (remind is for that): only 安全保卫处 gets a follow-up form; its one thing not 销号
    is the problem it has not answered (the table said 0)."""
    from huitoukan.model.findings import Finding

    findings = [
        Finding(
            number="SD-01", source="省级督查", description="围墙开裂", departments=("安全保卫处",)
        ),
        Finding(
            number="XJ-01", source="县级普查", description="灭火器过期", departments=("总务基建处",)
        ),
    ]
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫处.xlsx", [closed(部位="东门")])
    filled_form(
        campaign,
        "总务基建处",
        tmp_path / "回收" / "总务.xlsx",
        [closed(部位="食堂", 问题编号="XJ-01")],
    )
    state = load_state(campaign, [tmp_path / "回收"], date(2023, 12, 20), findings)
    round_ = followup_round(state.hazards, date(2023, 12, 21), only_open=True)
    result = issue_forms(campaign, tmp_path / "第二轮", followup=round_, findings=findings)
    assert [(f.department, f.prefilled, f.open_hazards) for f in result.forms] == [
        ("安全保卫处", 1, 1)
    ]
    everyone = issue_forms(
        campaign,
        tmp_path / "全部",
        followup=round_.model_copy(update={"only_open": False}),
        findings=findings,
    )
    assert {f.department: f.open_hazards for f in everyone.forms}["总务基建处"] == 0


@pytest.mark.parametrize("closed_since", [False, True])
def test_a_department_that_closed_everything_owes_no_round(
    campaign: Campaign, tmp_path: Path, closed_since: bool
) -> None:
    """附属医院 did not answer the round of 12月21日: it sent its old form again, dated 12月15日;
    with its hazard 已完成 there (nothing open: the next round left it out), it is not chased
    for the round any more (status, remind and the report did, to the end: clerk trial 62)."""
    from huitoukan.register.rounds import IssuedRound
    from huitoukan.register.status import build_status

    filled_form(campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", [hazard(部位="门诊")])
    again = closed(部位="门诊") if closed_since else hazard(部位="门诊")
    filled_form(
        campaign,
        "附属医院",
        tmp_path / "回收" / "医院2.xlsx",
        [again],
        form_date=date(2023, 12, 15),
    )
    state = load_state(campaign, [tmp_path / "回收"], date(2024, 1, 2))
    issued = IssuedRound(
        form_date=date(2023, 12, 21), due=date(2023, 12, 28), departments=["附属医院"]
    )
    status = build_status(
        campaign,
        state.hazards,
        state.returned,
        date(2024, 1, 2),
        rounds=[issued],
        latest={"附属医院": date(2023, 12, 15)},
    )
    [round_] = status.rounds
    assert round_.not_answered == ([] if closed_since else ["附属医院"])


def test_a_round_is_answered_by_a_return_dated_on_or_after_it() -> None:
    """…sent after the round was issued: 戊's late return dated the round's very day, in
    the register it was issued from, was taken for its answer, and 戊 never chased (clerk
    trial 81)."""
    from huitoukan.register.rounds import IssuedRound

    issued = IssuedRound(
        form_date=date(2023, 12, 21),
        due=date(2023, 12, 28),
        departments=["甲", "乙", "丙", "丁", "戊"],
        returns_before={"甲": 1, "乙": 1, "丙": 1, "戊": 1},
    )
    sent = {
        "甲": [date(2023, 12, 14), date(2023, 12, 20)],
        "乙": [date(2023, 12, 14), date(2023, 12, 21)],
        "丙": [date(2023, 12, 14), date(2023, 12, 22)],
        "戊": [date(2023, 12, 21)],
    }
    assert issued.owing(sent) == ["甲", "丁", "戊"]
    sent["戊"].append(date(2023, 12, 21))  # its answer, sent the same day after the round
    assert issued.owing(sent) == ["甲", "丁"]


def test_a_return_the_round_was_issued_after_is_no_answer_to_it(
    campaign: Campaign, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """附属医院's late return dated 12月21日, collected, then a round issued from that
    register the same day: the return counted as its answer (clerk trial 81)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    filled_form(
        campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", [hazard(部位="门诊")],
        form_date=date(2023, 12, 21),
    )  # fmt: skip
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-21"]).exit_code in (0, 1)
    args = ["issue", "--followup", "全校隐患台账.xlsx", "-o", "第二轮", "--date", "2023-12-21"]
    assert runner.invoke(app, [*args, "--due", "2023-12-28"]).exit_code == 0
    result = runner.invoke(app, ["status", "--json", "--as-of", "2023-12-29"])
    [round_] = json.loads(result.stdout)["rounds"]
    assert round_["not_answered"] == ["附属医院"]


@pytest.mark.parametrize(
    ("as_of", "shown", "overdue"),
    [
        (date(2023, 12, 20), False, False),  # before the round's 日期: not yet issued
        (date(2023, 12, 21), True, False),
        (date(2023, 12, 28), True, False),  # the due day
        (date(2023, 12, 29), True, True),
    ],
)
def test_status_follows_a_round_until_it_is_answered(
    campaign: Campaign,
    tmp_path: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    as_of: date,
    shown: bool,
    overdue: bool,
) -> None:
    """issue --followup from the register records the round beside it; status lists who
    has not answered it (a return dated on or after the round's 日期), remind writes to
    them once it is due; a department that answers leaves the list."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    filled_form(campaign, "总务基建处", tmp_path / "回收" / "总务.xlsx", [hazard(部位="锅炉房")])
    filled_form(campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", [hazard(部位="门诊")])
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code in (0, 1)
    issued = runner.invoke(
        app,
        [
            "issue",
            "--followup",
            "全校隐患台账.xlsx",
            "-o",
            "第二轮",
            "--date",
            "2023-12-21",
            "--due",
            "2023-12-28",
        ],
    )
    assert issued.exit_code == 0, issued.output
    assert "已记入台账" in "".join(issued.output.split())
    title = load_workbook(tmp_path / "第二轮" / "发放清单.xlsx").worksheets[0]["A1"].value
    assert str(title).endswith("跟进轮发放清单（报送截止 2023年12月28日）")  # not round one's
    filled_form(
        campaign,
        "附属医院",
        tmp_path / "回收" / "医院-第二轮.xlsx",
        [closed(部位="门诊")],
        form_date=date(2023, 12, 21),
    )
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-21"]).exit_code in (0, 1)
    result = runner.invoke(app, ["status", "--json", "--as-of", as_of.isoformat()])
    rounds = json.loads(result.stdout)["rounds"]
    if not shown:
        assert rounds == []
        return
    [round_] = rounds
    assert (round_["not_answered"], round_["overdue"]) == (["总务基建处"], overdue)
    screen = "".join(runner.invoke(app, ["status", "--as-of", as_of.isoformat()]).stdout.split())
    state = "逾期未报送" if overdue else "尚未报送（未到截止日期）"
    if as_of == date(2023, 12, 28):  # as remind says it (未到截止日期 there: trial 101)
        state = "尚未报送（今天截止）"
    assert f"跟进轮（12月21日下发，12月28日截止）{state}：总务基建处" in screen
    runner.invoke(app, ["remind", "--as-of", as_of.isoformat(), "-o", "通知"])
    notice = (tmp_path / "通知" / "总务基建处-通知.txt").read_text("utf-8-sig")
    lines = [line for line in notice.splitlines() if "12月21日下发的跟进轮" in line]
    if as_of == date(2023, 12, 21):  # issued that day: nothing to chase yet (trial 79)
        assert lines == []
    else:
        [line] = lines
        assert ("已逾期 1 天" in line) is overdue
        assert "纸质版经主要领导签字后报安全保卫处" in line
    answered = tmp_path / "通知" / "附属医院-通知.txt"
    assert not answered.exists() or "跟进轮" not in answered.read_text("utf-8-sig")
    # the leaders' report names who let a round pass unanswered
    runner.invoke(app, ["report", "--as-of", as_of.isoformat(), "-o", "汇报.xlsx"])
    texts = [
        str(c.value) for row in load_workbook("汇报.xlsx").worksheets[0].iter_rows() for c in row
    ]
    said = "跟进轮（2023年12月21日下发，2023年12月28日截止）逾期未报送：总务基建处、首轮即未报送的6个部门。"
    assert (said in texts) is overdue


def test_a_round_issued_in_batches_is_one_round(tmp_path: Path) -> None:
    """issue --followup -d 甲, then -d 乙, the same 日期: one round to both (issued again,
    its due date the latest given)."""
    from huitoukan.register.rounds import IssuedRound, issued_rounds, record_round

    register = tmp_path / "全校隐患台账.xlsx"
    day = date(2023, 12, 21)
    assert record_round(
        register, IssuedRound(form_date=day, due=date(2023, 12, 28), departments=["甲"])
    )
    assert record_round(
        register, IssuedRound(form_date=day, due=date(2023, 12, 29), departments=["乙", "甲"])
    )
    later = IssuedRound(form_date=date(2023, 12, 30), due=date(2024, 1, 6), departments=["丙"])
    assert record_round(register, later)
    assert issued_rounds(register) == [
        IssuedRound(form_date=day, due=date(2023, 12, 29), departments=["甲", "乙"]),
        later,
    ]


def test_a_round_issued_again_into_its_folder_with_another_date_replaces_it(
    tmp_path: Path,
) -> None:
    """A round issued with a wrong --date, then again into the same folder (--force) with
    the right one: both were followed, the first one's forms gone (clerk trial 40). A
    round issued into another folder, or recorded before rounds knew their folder, stays."""
    from huitoukan.register.rounds import IssuedRound, issued_rounds, record_round

    register = tmp_path / "全校隐患台账.xlsx"
    due = date(2024, 1, 6)
    old = IssuedRound(form_date=date(2023, 12, 1), due=due, departments=["甲"])
    elsewhere = IssuedRound(form_date=date(2023, 12, 30), due=due, departments=["乙"], folder="三")
    wrong = IssuedRound(form_date=date(2023, 12, 12), due=due, departments=["甲"], folder="二")
    right = IssuedRound(form_date=date(2023, 12, 21), due=due, departments=["甲"], folder="二")
    for issued in (old, elsewhere, wrong, right):
        assert record_round(register, issued)
    assert issued_rounds(register) == [old, right, elsewhere]


def test_the_receiving_office_owing_a_round_is_not_told_to_send_it_to_itself(
    campaign: Campaign, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    filled_form(campaign, "安全保卫处", tmp_path / "回收" / "保卫.xlsx", [hazard(部位="东门")])
    runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    runner.invoke(
        app,
        ["issue", "--followup", "全校隐患台账.xlsx", "-o", "第二轮", "--date", "2023-12-21"],
    )
    runner.invoke(app, ["remind", "--as-of", "2023-12-29", "-o", "通知"])
    own = (tmp_path / "通知" / "安全保卫处-本处待办.txt").read_text("utf-8-sig")
    [line] = [line for line in own.splitlines() if "下发的跟进轮" in line]
    assert "已逾期 1 天" in line and "报安全保卫处" not in line


def test_a_second_batch_of_departments_needs_no_force(campaign: Campaign, tmp_path: Path) -> None:
    """issue -d 甲 then -d 乙 into one folder: the second batch writes its forms (the 发放清单
    keeps the first batch's rows, 附件1 is the same); only a department's own form there
    already asks for --force."""
    issue_forms(campaign, tmp_path / "发放", ["附属医院"])
    result = issue_forms(campaign, tmp_path / "发放", ["学院警务室"])
    assert [f.department for f in result.forms] == ["学院警务室"]
    listed = load_workbook(tmp_path / "发放" / "发放清单.xlsx").worksheets[0]
    assert {"附属医院", "学院警务室"} <= {c.value for row in listed.iter_rows() for c in row}
    with pytest.raises(OutputExistsError):
        issue_forms(campaign, tmp_path / "发放", ["学院警务室"])


def test_a_department_owing_several_rounds_is_asked_for_the_latest(
    campaign: Campaign, tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three rounds unanswered: the notice asked for three forms, though the latest's
    answers all three (clerk trial 90). It asks for the latest, naming the others."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    filled_form(campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", [hazard(部位="东门")])
    runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    for n, day in enumerate(("2023-12-21", "2023-12-24", "2023-12-27"), start=2):
        args = ["issue", "--followup", "全校隐患台账.xlsx", "-o", f"第{n}轮", "--date", day]
        assert runner.invoke(app, args).exit_code == 0
    runner.invoke(app, ["remind", "--as-of", "2023-12-29", "-o", "通知"])
    notice = (tmp_path / "通知" / "附属医院-通知.txt").read_text("utf-8-sig")
    [line] = [line for line in notice.splitlines() if "下发的跟进轮" in line]
    assert line.strip().startswith(
        "2023年12月27日下发的跟进轮《安全隐患自查整改清单》（已预填贵部门报送的隐患）尚未收到"
        "（此前2023年12月21日、2023年12月24日下发的跟进轮也未报送，报送这一份即可）"
    ), line


@pytest.mark.parametrize("second", [date(2023, 12, 26), date(2023, 12, 27), date(2023, 12, 28)])
def test_a_round_owed_with_a_later_round_sent_since_says_so(second: date) -> None:
    """总务基建处 answered neither the round of 12月21日 (due 12月25日) nor that of 12月27日:
    status and the register listed it under both, bare, as if it owed two forms (the
    notice asks for the latest alone: clerk trial 115). Under the first it is said to
    have been sent the later form — once that is issued (by the day judged), not before;
    the later round lists it bare."""
    from huitoukan.register.rounds import IssuedRound
    from huitoukan.register.status import _rounds

    departments = ["总务基建处", "附属医院"]
    first = IssuedRound(
        form_date=date(2023, 12, 21), due=date(2023, 12, 25), departments=departments
    )
    later = IssuedRound(form_date=second, due=date(2024, 1, 3), departments=["总务基建处"])
    sent = {"总务基建处": [date(2023, 12, 14)], "附属医院": [date(2023, 12, 14)]}
    returned = {d: date(2023, 12, 14) for d in departments}
    statuses = _rounds(
        [later, first],
        returned,
        sent,
        returned,
        date(2023, 12, 27),
        set(),
        dict.fromkeys(departments, date.min),
    )
    owed = [s.owing() for s in statuses]
    if second > date(2023, 12, 27):  # not yet issued on the day judged
        assert owed == [["总务基建处", "附属医院"]]
        return
    assert owed == [
        [f"总务基建处（已另发12月{second.day}日的跟进表）", "附属医院"],
        ["总务基建处"],
    ]


@pytest.mark.parametrize(
    ("found", "given", "owed"),
    [
        (date(2023, 12, 24), None, True),
        (date(2023, 12, 25), None, True),  # found the day the round was due
        (date(2023, 12, 26), None, False),
        (date(2023, 12, 1), date(2023, 12, 25), True),
        (date(2023, 12, 1), date(2023, 12, 26), False),  # given it the day after
    ],
)
def test_a_round_is_not_owed_for_an_item_that_came_after_its_due(
    found: date, given: date | None, owed: bool
) -> None:
    """高级技工学校's one item passed its review on the day the round of 12月6日 was due; the
    city found it still there on 12月12日, and the department was chased for that round
    (逾期 2 天) besides being told to redo the item (clerk trial 150). An item that came to
    a department after a round's 截止 — found, or given it, after — is not that round's."""
    from huitoukan.findings.answers import part_key
    from huitoukan.model.findings import Finding, Part, PartState
    from huitoukan.register.rounds import IssuedRound
    from huitoukan.register.status import _busy, _rounds

    department = "高级技工学校"
    issued = IssuedRound(
        form_date=date(2023, 12, 21), due=date(2023, 12, 25), departments=[department]
    )
    returned = {department: date(2023, 12, 14)}
    city = Finding(number="SC-06", source="市级抽查", found_on=found, location="焊接实训室",
                   description="气瓶未固定存放", departments=(department,))  # fmt: skip
    part = Part(number="SC-06", department=department, state=PartState.OPEN)
    assigned_on = {part_key("SC-06", department): given} if given else None
    busy = _busy([], [part], [city], assigned_on)
    sent = {department: [date(2023, 12, 14)]}
    [status] = _rounds([issued], returned, sent, returned, date(2023, 12, 28), set(), busy)
    assert status.owing() == ([department] if owed else [])
