from __future__ import annotations

import io
import json
import os
import re
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from huitoukan.campaign import Campaign, default_campaign_text
from huitoukan.cli import app
from huitoukan.register.layout import NOT_RETURNED_SHEET
from tests.helpers import closed, filled_form, hazard, sheet_rows, workbook_text


def setup_returns(campaign: Campaign, folder: Path) -> None:
    filled_form(
        campaign,
        "附属医院",
        folder / "医院.xlsx",
        [hazard(部位="门诊", 整改时限=date(2023, 12, 18)), closed(部位="药房")],
    )
    filled_form(
        campaign,
        "安全保卫处",
        folder / "保卫处.xlsx",
        [
            hazard(部位="北围墙", 整改时限=date(2024, 6, 30), 备注="历史遗留，已设临时围挡"),
            hazard(部位="东门", 整改时限=date(2023, 12, 22)),
        ],
    )


def test_a_returns_folder_the_register_holds_more_than_is_said_or_refused(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """`status 回收` in a campaign whose register holds 回收 and 跟进轮回收 too: 已销号 0
    where the register says more, nothing said (clerk trial 116). A 提示 for status; remind
    and report, which would chase and report from it, refuse; all the folders given, or
    none, nothing is said."""
    setup_returns(campaign, chdir_tmp / "回收")
    later = [closed(部位="门诊", 整改时限=date(2023, 12, 18), 销号时间=date(2023, 12, 16)),
             closed(部位="药房")]  # fmt: skip
    filled_form(campaign, "附属医院", chdir_tmp / "跟进轮回收" / "医院" / "医院-跟进.xlsx", later,
                form_date=date(2023, 12, 16))  # fmt: skip
    as_of = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", "跟进轮回收", *as_of]).exit_code == 0
    partial = runner.invoke(app, ["status", "回收", *as_of])
    said = "".join(partial.output.split())
    assert partial.exit_code == 0
    assert "提示：全校隐患台账.xlsx还汇总了跟进轮回收中的报表，而这次只读取了所给的回收" in said
    for command in ("remind", "report"):
        refused = runner.invoke(app, [command, "回收", *as_of])
        said = "".join(refused.output.split())
        assert refused.exit_code == 2 and "未写出任何文件" in said, command
    assert not (chdir_tmp / "通知").exists() and not list(chdir_tmp.glob("*汇报*"))
    for whole in (["回收", "跟进轮回收"], ["."], [], ["全校隐患台账.xlsx"]):
        said = runner.invoke(app, ["status", *whole, *as_of]).output
        assert "还汇总了" not in said, whole
    # one return given: the school as that one return, without a word (clerk trial 144)
    one = runner.invoke(app, ["status", "回收/医院.xlsx", *as_of])
    said = "".join(one.output.split())
    assert "提示：全校隐患台账.xlsx还汇总了回收、跟进轮回收中的报表，而这次只读取了所给的" in said
    assert "请不给文件或文件夹运行" in said
    refused = runner.invoke(app, ["remind", "回收/医院.xlsx", *as_of])
    assert refused.exit_code == 2 and not (chdir_tmp / "通知").exists()


def test_a_return_deleted_since_the_register_was_collected_is_said(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A department's return deleted after collect: status, remind and report went on from
    the register without a word, only collect said it (clerk trial 117). A 提示; a return
    inside a zip that is still there is not gone."""
    import zipfile

    setup_returns(campaign, chdir_tmp / "回收")
    with zipfile.ZipFile(chdir_tmp / "回收" / "医院.zip", "w") as archive:
        archive.write(chdir_tmp / "回收" / "医院.xlsx", "医院.xlsx")
    (chdir_tmp / "回收" / "医院.xlsx").unlink()
    as_of = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *as_of]).exit_code == 0
    assert "已不在原处" not in runner.invoke(app, ["status", *as_of]).output
    (chdir_tmp / "回收" / "保卫处.xlsx").unlink()
    for command in ("status", "remind"):
        said = "".join(runner.invoke(app, [command, *as_of]).output.split())
        assert f"提示：全校隐患台账.xlsx汇总过的回收{os.sep}保卫处.xlsx已不在原处" in said, command


def test_a_workbook_of_two_departments_is_not_said_gone_while_it_is_there(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A workbook holding two departments' forms, one per sheet, is recorded as
    “合报.xlsx［sheet］” for each: every command said both “已不在原处” while it was there
    (clerk trial 124). Deleted, it is named once."""
    from tests.helpers import header_position, set_label

    setup_returns(campaign, chdir_tmp / "回收")
    path = filled_form(
        campaign, "学生工作处", chdir_tmp / "回收" / "合报.xlsx", [hazard(部位="宿舍")]
    )
    book = load_workbook(path)
    copy = book.copy_worksheet(book.worksheets[0])
    copy.title = "学院警务室"
    set_label(copy, "部门", "学院警务室")
    header_row, columns = header_position(copy)
    copy.cell(header_row + 1, columns["部位"]).value = "值班室"
    book.save(path)
    as_of = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *as_of]).exit_code in (0, 1)
    for command in ("status", "remind"):
        assert "已不在原处" not in runner.invoke(app, [command, *as_of]).output, command
    path.unlink()
    said = "".join(runner.invoke(app, ["status", *as_of]).output.split())
    assert f"汇总过的回收{os.sep}合报.xlsx已不在原处" in said


def test_a_long_description_is_cut_on_screen_and_in_notices_kept_in_the_register(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A 300-character 存在隐患问题 took 17 lines of the overdue table and a paragraph of the
    本处待办 (clerk trial 123): 100 characters there, the whole in the register."""
    from huitoukan.register.status import SHORT_TEXT

    long = "看台东侧第三排至第八排栏杆底座螺栓锈蚀松动，部分栏杆晃动明显，" * 9 + "另：西侧亦有"
    row = hazard(部位="体育馆", 存在隐患问题=long, 整改时限=date(2023, 12, 18))
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [row])
    as_of = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *as_of]).exit_code in (0, 1)
    shown = "".join(runner.invoke(app, ["status", *as_of]).output.split())
    cut = ("体育馆：" + long)[: SHORT_TEXT - 1]
    assert "…" in shown and "另：西侧亦有" not in shown  # (the table wraps it among its columns)
    assert runner.invoke(app, ["remind", *as_of, "-o", "通知"]).exit_code == 0
    own = "".join((chdir_tmp / "通知" / "安全保卫处-本处待办.txt").read_text("utf-8-sig").split())
    assert cut + "…" in own and long[:SHORT_TEXT] not in own
    rows = sheet_rows(chdir_tmp / "全校隐患台账.xlsx", "隐患台账")
    assert [r["存在隐患问题"] for r in rows] == [long]


def test_a_default_deadline_is_marked_wherever_it_is_printed(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """整改时限 长期 on a 历史遗留 hazard (said at collect, an error): the campaign's default
    stood in for it, printed in the report's tables and the 历史遗留 list as the
    department's own date, and the notice told it the hazard was 逾期 by it (clerk trial
    118). Marked wherever it is printed."""
    rows = [
        hazard(部位="北围墙", 整改时限="长期", 备注="历史遗留，已设临时围挡"),
        hazard(部位="门诊", 整改时限=date(2023, 12, 18)),
        hazard(部位="锅炉房", 整改时限=None, 备注="历史遗留，已加装护栏"),
    ]
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", rows)
    as_of = ["--as-of", "2024-01-05"]
    assert runner.invoke(app, ["collect", "回收", *as_of]).exit_code in (0, 1)
    standing = "".join(runner.invoke(app, ["status", "--long-standing", *as_of]).output.split())
    # typed, but no date (“未填或无法识别” read as an omission: clerk trial 185 AK12)
    assert "整改时限2023年12月31日（表中填的不是日期，按活动默认）" in standing
    assert "整改时限2023年12月31日（表中未填或无法识别，按活动默认）" in standing  # 锅炉房
    runner.invoke(app, ["remind", *as_of])
    notice = (chdir_tmp / "通知" / "附属医院-通知.txt").read_text("utf-8-sig")
    assert "整改时限 2023年12月31日（表中填的不是日期，按活动默认），已逾期 5 天" in notice
    assert "整改时限 2023年12月18日，已逾期" in notice  # its own, unmarked
    # what to write instead, as collect says it (“整改时限无法识别”: clerk trial 177 AD7)
    assert (
        "（整改时限不是日期，请填写计划完成的日期，并在备注中注明“历史遗留”、写明整改完成前的防范措施）"
        in notice
    )
    runner.invoke(app, ["report", "-o", "汇报.xlsx", *as_of])
    cells = [c for r in load_workbook("汇报.xlsx").active.iter_rows(values_only=True) for c in r]
    assert cells.count("2023年12月31日（活动默认）") == 4  # 逾期隐患, 历史遗留问题: each two


def test_status_from_register_and_from_returns_agree(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    setup_returns(campaign, chdir_tmp / "回收")
    # collected the day the returns are dated (their 销号时间 not after it: a closing dated
    # after the day collected closes nothing, in the register written that day)
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-14"]).exit_code == 0
    for as_of in ("2023-12-14", "2023-12-20", "2024-07-02"):
        from_register = runner.invoke(app, ["status", "--as-of", as_of, "--json"])
        from_returns = runner.invoke(app, ["status", "回收", "--as-of", as_of, "--json"])
        assert from_register.exit_code == from_returns.exit_code == 0
        assert json.loads(from_register.stdout) == json.loads(from_returns.stdout)
    # the returns are dated 12月14日: the register cannot tell the day before
    before = runner.invoke(app, ["status", "--as-of", "2023-12-13"])
    said = "".join(before.output.split())
    assert before.exit_code == 2 and "中有2023年12月14日的内容（" in said
    # named: whose date it is (clerk trial 59)
    assert re.search(r"中有2023年12月14日的内容（[^）]+报表的日期）", said)
    assert "不能据此统计更早的2023年12月13日" in said
    assert "历史版本中没有统计这一天或更早的台账" in said  # and so no way to it (trial 78)
    for day in ("2023-12-01", "2023-12-14"):  # the one counting 12月1日 kept when replaced
        # (back to 12月1日 from 12月14日: only when the clerk insists)
        assert runner.invoke(app, ["collect", "回收", "--as-of", day, "--force"]).exit_code == 0
    again = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-13"]).output.split())
    kept = "全校隐患台账.*.统计2023-12-01.xlsx"  # one kept now, named by the day it counts
    [copy] = (chdir_tmp / ".全校隐患台账.历史版本").glob(kept)
    assert (
        f"请打开台账旁.全校隐患台账.历史版本文件夹中的{copy.name}（统计日期2023年12月1日）" in again
    )
    same = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-01"]).output.split())
    assert f"文件夹中的{copy.name}" in same
    # a register counting a later day than asked is not named, nor one never kept (a
    # version of that day was pointed to: clerk trial 76)
    before = "".join(runner.invoke(app, ["status", "--as-of", "2023-11-30"]).output.split())
    assert "历史版本中没有统计这一天或更早的台账，那一天的情况无法从台账还原" in before


def test_status_tables_and_fail_if_overdue(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    setup_returns(campaign, chdir_tmp / "回收")
    runner.invoke(app, ["collect", "回收"])
    before = runner.invoke(app, ["status", "--as-of", "2023-12-16", "--fail-if-overdue"])
    assert before.exit_code == 0, before.output
    assert "没有逾期隐患" in before.output and "7 天内到期（2）" in before.output
    assert "逾期未报送：总务基建处" in before.output
    after = runner.invoke(app, ["status", "--as-of", "2023-12-20", "--fail-if-overdue"])
    assert after.exit_code == 1
    assert "逾期隐患（1）" in after.output and "门诊" in after.output
    assert runner.invoke(app, ["status", "--as-of", "2023-12-20"]).exit_code == 0
    # --due-within 0: what is due today (it said “0 天内到期”, clerk trial 50)
    today = runner.invoke(app, ["status", "--as-of", "2023-12-18", "--due-within", "0"])
    assert "今天到期（1）" in today.output and "天内到期" not in today.output
    # into a file or a pipe, no line padded to the console's width with spaces: copied
    # into a message, they came along (clerk trial 101)
    for shown in (after.output, today.output, runner.invoke(app, ["status", "--all"]).output):
        assert not [line for line in shown.splitlines() if line.endswith(" ")]


def test_status_before_deadline_and_department_filter(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    setup_returns(campaign, chdir_tmp / "回收")
    early = runner.invoke(app, ["status", "回收", "--as-of", "2023-12-12"])
    assert "尚未报送（未到截止日期）" in early.output
    due_day = runner.invoke(app, ["status", "回收", "--as-of", "2023-12-15"])  # trial 101
    assert "尚未报送（今天截止）" in due_day.output
    only = runner.invoke(app, ["status", "回收", "--as-of", "2023-12-20", "-d", "医院", "--json"])
    payload = json.loads(only.stdout)
    assert [d["department"] for d in payload["departments"]] == ["附属医院"]
    assert payload["totals"]["hazards"] == 2 and payload["not_returned"] == []
    assert runner.invoke(app, ["status", "回收", "-d", "财务处"]).exit_code == 2
    # the screen says whose hazards it counts (it said 全校隐患 2 项: clerk trial 32)
    shown = runner.invoke(app, ["status", "回收", "--as-of", "2023-12-20", "-d", "医院"])
    assert "附属医院隐患 2 项" in shown.output and "全校隐患" not in shown.output
    school = runner.invoke(app, ["status", "回收", "--as-of", "2023-12-20"]).output
    assert "全校隐患" in school
    # its whole list is this command's with --all (the whole school's was said: trial 140)
    assert "完整列表：在本命令后加--all" in "".join(shown.output.split())
    assert "完整列表和各部门情况：huitoukanstatus回收--all" in "".join(school.split())


def test_long_standing_list(runner: CliRunner, chdir_tmp: Path, campaign: Campaign) -> None:
    setup_returns(campaign, chdir_tmp / "回收")
    result = runner.invoke(app, ["status", "回收", "--as-of", "2023-12-20", "--long-standing"])
    assert result.exit_code == 0
    assert "历史遗留问题（1）" in result.output and "北围墙" in result.output
    assert "门诊" not in result.output


@pytest.mark.parametrize(("as_of", "ended"), [("2023-12-31", False), ("2024-01-01", True)])
def test_the_end_of_the_campaign_is_said_with_what_is_still_open(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, as_of: str, ended: bool
) -> None:
    """ends_on (2023-12-31) passed, status and the report said nothing of it, nor of the
    hazards still open (clerk trial 62); on the last day the campaign is still on."""
    setup_returns(campaign, chdir_tmp / "回收")
    result = runner.invoke(app, ["status", "回收", "--as-of", as_of])
    said = "".join(result.output.split())
    expected = "回头看活动已于2023年12月31日结束，仍有3项隐患未销号（其中历史遗留问题1项）"
    assert (expected in said) is ended, result.output
    payload = json.loads(runner.invoke(app, ["status", "回收", "--as-of", as_of, "--json"]).stdout)
    assert payload["ended_on"] == ("2023-12-31" if ended else None)
    assert runner.invoke(app, ["report", "回收", "--as-of", as_of]).exit_code == 0
    sheet = load_workbook("回头看工作汇报.xlsx").worksheets[0]
    printed = "".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert (expected in "".join(printed.split())) is ended


def test_the_end_of_a_campaign_nobody_answered_is_not_all_closed(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """0 of 8 departments reported, the campaign over: “隐患已全部销号” (clerk trial 88)."""
    (chdir_tmp / "回收").mkdir()
    result = runner.invoke(app, ["status", "回收", "--as-of", "2024-01-01"])
    said = "".join(result.output.split())
    assert "回头看活动已于2023年12月31日结束，还没有部门报送自查整改清单" in said
    assert "全部销号" not in said


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        ([], "结束，仍有1项隐患未销号"),
        (["-d", "附属医院"], "结束，附属医院的隐患已全部销号"),
        (["-d", "保卫处"], "结束，安全保卫处仍有1项隐患未销号"),
        (["-d", "学院警务室"], "结束，学院警务室尚未报送自查整改清单"),
    ],
)
def test_the_end_of_the_campaign_is_said_of_the_departments_chosen(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, chosen: list[str], expected: str
) -> None:
    """status --department 职教中心学校 after the campaign ended said “隐患已全部销号”, read
    as the whole school's (clerk trial 131): said of the department chosen."""
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [closed()])
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    result = runner.invoke(app, ["status", "回收", "--as-of", "2024-01-01", *chosen])
    said = "".join(result.output.split())
    assert f"回头看活动已于2023年12月31日{expected}" in said, result.output


def test_status_says_who_reported_done_without_a_usable_closing_day(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """已完成 with a 销号时间 of a year to come, its 整改时限 not yet passed: counted open,
    and nothing on the screen said why until it was overdue."""
    row = hazard(部位="药房", 整改完成情况="已完成", 销号时间=date(2024, 12, 10))
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [row])
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-14"]).exit_code in (0, 1)
    shown = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-14"]).output.split())
    assert "报已完成但销号时间未填写或有误的隐患1项（按未销号计）：附属医院" in shown
    listed = json.loads(runner.invoke(app, ["status", "--as-of", "2023-12-14", "--json"]).stdout)
    assert [(h["department"], h["location"]) for h in listed["undated"]] == [("附属医院", "药房")]


def test_status_without_register_exits_2(runner: CliRunner, chdir_tmp: Path) -> None:
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 2
    assert "huitoukan collect" in result.output


@pytest.mark.parametrize(("overdue", "soon"), [(10, 6), (9, 5)])
def test_a_table_cut_to_one_screen_says_how_much_it_shows(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, overdue: int, soon: int
) -> None:
    """Ten overdue and six due soon: the headings count them all and say which are shown
    (the clerk counted four rows under “7 天内到期（6）” and nothing said why). One more
    than a screen's rows is shown (“逾期最久的 8 项” of 9: clerk trial 135)."""
    rows = [
        hazard(部位=f"{n}号楼", 整改时限=date(2023, 12, n), 检查时间=date(2023, 11, 30))
        for n in [*range(1, overdue + 1), *range(21, 21 + soon)]
    ]
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", rows)
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code == 0
    shown = runner.invoke(app, ["status", "--as-of", "2023-12-20"]).output
    cut = overdue == 10
    assert (f"逾期隐患（{overdue}）：逾期最久的 8 项" in shown) is cut
    assert (f"{overdue}号楼" in shown) is not cut
    assert (f"7 天内到期（{soon}）：最先到期的 4 项" in shown) is cut
    assert (f"{20 + soon}号楼" in shown) is not cut
    everything = runner.invoke(app, ["status", "--as-of", "2023-12-20", "--all"]).output
    assert (
        f"逾期隐患（{overdue}）：逾期最久的在前" in everything and f"{20 + soon}号楼" in everything
    )


@pytest.mark.parametrize(("as_of", "said"), [("2023-12-13", True), ("2023-12-14", False)])
def test_a_collect_judged_before_the_returns_were_sent_says_so(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, as_of: str, said: bool
) -> None:
    """The returns are dated 12月14日: a collect as of the day before counts them all the
    same (it cannot know what was there then), and says so, once, to the clerk."""
    setup_returns(campaign, chdir_tmp / "回收")
    result = runner.invoke(app, ["collect", "回收", "--as-of", as_of])
    shown = "".join(result.output.split())
    assert ("早于2份报表的报送日期（最晚2023年12月14日" in shown) is said


@pytest.mark.parametrize(("saved", "said"), [(13, False), (14, False), (15, True)])
def test_an_undated_return_saved_after_the_day_judged_is_said(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, saved: int, said: bool
) -> None:
    """A return without its 日期 is dated by its file, by status as by collect: saved after
    the day collected, collect said nothing, and status then refused the register (clerk
    trial 74)."""
    form = filled_form(
        campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()], form_date=None
    )
    moment = datetime(2023, 12, saved, 10).timestamp()
    os.utime(form, (moment, moment))
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-14"])
    shown = "".join(result.output.split())
    assert ("早于1份报表的报送日期（最晚2023年12月15日，" in shown) is said
    assert ("没有表头日期，按文件日期）" in shown) is said
    refused = runner.invoke(app, ["status", "--as-of", "2023-12-14"])
    assert (refused.exit_code == 2) is said  # what collect said, status does


def test_a_year_typed_wrong_does_not_stop_status_or_date_the_return(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A 日期 and a 销号时间 a year ahead (2025-11-18 for 2024-11-18) on a file saved the
    day it was sent: said on collect, and then status, remind and report refused to run
    (“台账中有 2025年11月18日 的内容”) until both were mended, and the return counted 逾期
    363 天 (clerk trial 33). The return was sent the day of its file, and a date after the
    day the register was written is no reason to refuse."""
    ahead = date.today() + timedelta(days=365)  # the campaign is 2023's: any later year
    form = filled_form(
        campaign,
        "附属医院",
        chdir_tmp / "回收" / "医院.xlsx",
        [closed(销号时间=ahead + timedelta(days=4))],
        form_date=ahead,
    )
    saved = 1702548000  # 2023-12-14 18:00 in China
    os.utime(form, (saved, saved))
    collected = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    codes = {p["code"] for p in json.loads(collected.stdout)["problems"]}
    assert "future-date" in codes and "late-return" not in codes
    for command in ("status", "remind", "report"):
        result = runner.invoke(app, [command, "--as-of", "2023-12-20"])
        assert result.exit_code in (0, 1), (command, result.output)
    status = json.loads(runner.invoke(app, ["status", "--as-of", "2023-12-20", "--json"]).stdout)
    [hospital] = [d for d in status["departments"] if d["department"] == "附属医院"]
    assert hospital["first_returned_on"] == "2023-12-14" and not hospital["late"]
    # a day before the register's genuine content is still refused
    assert runner.invoke(app, ["status", "--as-of", "2023-12-10"]).exit_code == 2


def test_a_day_replayed_with_as_of_is_not_stopped_by_a_date_after_it(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A 2023 campaign replayed on a later clock (--as-of 2023-12-20), a 销号时间 typed a
    year ahead (2024-12-12 for 2023-12-12): said on collect, then status of the day judged
    was refused (“台账中有 2024年12月12日 的内容”), the date being before the day the
    register was written (clerk trial 35). A day before the register's genuine content (a
    销号 on the day judged) is still refused."""
    filled_form(
        campaign,
        "附属医院",
        chdir_tmp / "回收" / "医院.xlsx",
        [
            closed(销号时间=date(2024, 12, 12), 检查时间=date(2023, 12, 11)),
            closed(部位="药房", 销号时间=date(2023, 12, 20), 检查时间=date(2023, 12, 11)),
        ],
        form_date=date(2023, 12, 13),
    )
    collected = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    assert "future-date" in {p["code"] for p in json.loads(collected.stdout)["problems"]}
    for command in ("status", "remind", "report"):
        result = runner.invoke(app, [command, "--as-of", "2023-12-20"])
        assert result.exit_code in (0, 1), (command, result.output)
    refused = runner.invoke(app, ["status", "--as-of", "2023-12-19"])  # 销号 the day judged
    assert refused.exit_code == 2 and "2023年12月20日" in refused.output


def test_a_department_whose_file_cannot_be_read_is_told_so(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """附属医院.xlsx came damaged (or with a password): the department sent something, so
    its notice says its file could not be read, not that it sent nothing; status shows
    why it counts as not returned, from the register's record and from its sheets."""
    from openpyxl import load_workbook

    setup_returns(campaign, chdir_tmp / "回收")
    (chdir_tmp / "回收" / "医院.xlsx").unlink()
    (chdir_tmp / "回收" / "附属医院-自查清单.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code == 1
    for _ in ("from the record", "from the sheets"):
        status = json.loads(
            runner.invoke(app, ["status", "--as-of", "2023-12-20", "--json"]).stdout
        )
        [hospital] = [d for d in status["departments"] if d["department"] == "附属医院"]
        assert hospital["unreadable_file"].endswith("附属医院-自查清单.xlsx")
        assert "附属医院" in status["not_returned"]
        shown = runner.invoke(app, ["status", "--all", "--as-of", "2023-12-20"]).output
        assert "报送文件无法读取" in shown
        # nor is it listed as not sent where the screen names those (clerk trial 60)
        said = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-20"]).output.split())
        # in the one list, with what it sent (listed apart, the list read as fewer than
        # the count: trials 100, 106)
        assert "附属医院（报来的文件无法读取，请其重新报送）" in said
        waiting = re.search("逾期未报送：(.*?)。?(?:交办问题|报已完成|$)", said)
        assert waiting is not None and "附属医院（报来的文件无法读取" in waiting.group(1)
        assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
        notice = (chdir_tmp / "通知" / "附属医院-通知.txt").read_text("utf-8-sig")
        assert "报来的文件附属医院-自查清单.xlsx无法读取" in "".join(notice.split())
        if _ == "from the record":  # why, not a list of what it might be (trials 80, 82)
            assert "无法读取（文件不完整或已损坏（可能没有传完）" in "".join(notice.split())
        register = chdir_tmp / "全校隐患台账.xlsx"
        load_workbook(register).save(register)  # read back from its sheets the second time


def test_a_department_whose_file_was_set_aside_is_told_so(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """各二级学院 sent a file named for it, filled in on 高级技工学校's form; 高级技工学校 sent its
    own: the file is set aside to be checked, and after that collect status, remind and the
    register said 各二级学院 尚未报送, not a word of it (clerk trial 93)."""
    from tests.helpers import misfiled_pair

    misfiled_pair(campaign, chdir_tmp / "回收")
    collected = runner.invoke(
        app, ["collect", "回收", "--as-of", "2023-12-20", "--feedback", "退回"]
    )
    assert collected.exit_code == 1
    # the copy to send back, its header cell marked (none was written: trial 93)
    assert [p.name for p in (chdir_tmp / "退回").iterdir()] == [
        "各二级学院-安全隐患自查整改清单-退回修改.xlsx"
    ]
    assert "自查整改清单!D3部门（章）“高级技工学校”" in "".join(collected.output.split())
    # in the department's words: not the clerk's (并入高级技工学校的报表…: trial 96)
    texts = workbook_text(next((chdir_tmp / "退回").iterdir()))
    assert (
        "表头“部门（章）”填的是“高级技工学校”，与文件名不符，这份表格未汇总，按未报送计：确是贵部门的，"
        "请在“部门（章）”中填写贵部门全称后重新报送；不是贵部门的表格，请告知安全保卫处" in texts
    )
    assert "另报的补充表格" not in texts
    status = json.loads(runner.invoke(app, ["status", "--as-of", "2023-12-20", "--json"]).stdout)
    [college] = [d for d in status["departments"] if d["department"] == "各二级学院"]
    assert college["set_aside_file"].endswith("各二级学院-安全隐患自查整改清单.xlsx")
    assert college["set_aside_header"] == "高级技工学校"
    assert "各二级学院" in status["not_returned"]
    said = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-20"]).output.split())
    # whose header it is, by name (trial 100)
    # whose header it is, by name (trial 100), in the one list (trial 106)
    line = re.search("逾期未报送：([^：]*)", said)
    assert line is not None
    assert (
        "各二级学院（报来的表格表头“部门（章）”是高级技工学校，待核对，请其改正后重新报送）"
        in line.group(1)
    )
    shown = runner.invoke(app, ["status", "--all", "--as-of", "2023-12-20"]).output
    assert "报送表格待核对" in shown
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    notice = "".join((chdir_tmp / "通知" / "各二级学院-通知.txt").read_text("utf-8-sig").split())
    assert (
        "收到名为各二级学院-安全隐患自查整改清单.xlsx的文件，表头“部门（章）”是高级技工学校，"
        "不是贵部门，未汇总；贵部门的《安全隐患自查整改清单》（附件2）按未报送计" in notice
    )
    owed = {
        r["部门"]: r["情况"]
        for r in sheet_rows(chdir_tmp / "全校隐患台账.xlsx", NOT_RETURNED_SHEET)
    }
    assert str(owed["各二级学院"]).startswith("报来的表格（")
    # and its header's department, whose hazards they may be (told nothing: trial 106)
    own = "".join((chdir_tmp / "通知" / "高级技工学校-通知.txt").read_text("utf-8-sig").split())
    assert "表头“部门（章）”是贵部门，但与贵部门报表" in own
    assert str(owed["各二级学院"]).endswith(  # and how late (trial 100)
        "表头“部门（章）”是高级技工学校，待核对，按未报送计（逾期未报送 5 天）"
    )
    assert runner.invoke(app, ["report", "--as-of", "2023-12-20"]).exit_code in (0, 1)


def test_a_department_late_by_its_own_form_hears_of_the_one_set_aside(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """高级技工学校's form of 12月14日, in time, came in 各二级学院's name; its own of 12月19日
    shares no hazard with it, and the first is set aside: its notice said only 逾期报送,
    请今后按时报送 (clerk trial 107). It says the lateness is by the forms collected, and how
    the earlier form would count."""
    from tests.helpers import misfiled_pair

    misfiled, _ = misfiled_pair(campaign, chdir_tmp / "回收", misfiled_on=date(2023, 12, 14))
    filled_form(
        campaign, "高级技工学校", chdir_tmp / "回收" / "技校.xlsx", [closed()],
        form_date=date(2023, 12, 19),
    )  # fmt: skip
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code == 1
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    own = "".join((chdir_tmp / "通知" / "高级技工学校-通知.txt").read_text("utf-8-sig").split())
    assert "12月19日收到，晚于报送截止日期" in own
    assert "这是按已汇总的报表计的：上文待核对的" in own
    assert (
        f"{misfiled.name}确是贵部门按时报送的，请并入后重新报送，经安全保卫处核实后按其日期计"
        in own
    )
    assert "请今后按时报送" not in own
    # as said: merged and sent again, the earlier form counts, and it was in time
    rows = [closed(), hazard(部位="机电学院实训车间")]
    filled_form(
        campaign, "高级技工学校", chdir_tmp / "回收" / "技校.xlsx", rows,
        form_date=date(2023, 12, 20),
    )  # fmt: skip
    merged = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    assert "早于台账记录的本部门首次报送日期" in "".join(merged.output.split())
    runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--force"])  # verified
    status = json.loads(runner.invoke(app, ["status", "--as-of", "2023-12-20", "--json"]).stdout)
    [school] = [d for d in status["departments"] if d["department"] == "高级技工学校"]
    assert school["first_returned_on"] == "2023-12-14" and not school["late"]


def test_a_department_whose_file_was_counted_for_its_header_is_told_so(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """各二级学院 sent a file named for it, filled in on 高级技工学校's form; 高级技工学校 sent
    nothing else, so the form is its return (warned of): 各二级学院 was told only 尚未报送
    (clerk trials 93, 97). Told where status, remind, the register and the report say who
    has not returned."""
    from tests.helpers import misfiled_pair

    misfiled, own = misfiled_pair(campaign, chdir_tmp / "回收")
    own.unlink()
    collected = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    assert collected.exit_code == 0, collected.output
    status = json.loads(runner.invoke(app, ["status", "--as-of", "2023-12-20", "--json"]).stdout)
    [college] = [d for d in status["departments"] if d["department"] == "各二级学院"]
    assert Path(college["counted_file"]).name == misfiled.name
    assert college["counted_header"] == "高级技工学校"
    said = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-20"]).output.split())
    line = re.search("逾期未报送：([^：]*)", said)
    assert line is not None
    told = "各二级学院（报来的表格表头“部门（章）”是高级技工学校，已计为高级技工学校报送，请核对）"
    assert told in line.group(1)
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    notice = "".join((chdir_tmp / "通知" / "各二级学院-通知.txt").read_text("utf-8-sig").split())
    assert (
        f"，收到名为{misfiled.name}的文件，表头“部门（章）”是高级技工学校，已计为高级技工学校报送；"
        "贵部门的《安全隐患自查整改清单》（附件2）按未报送计" in notice
    )
    owed = {
        r["部门"]: r["情况"]
        for r in sheet_rows(chdir_tmp / "全校隐患台账.xlsx", NOT_RETURNED_SHEET)
    }
    assert str(owed["各二级学院"]).endswith(
        "表头“部门（章）”是高级技工学校，已计为高级技工学校报送，按未报送计（逾期未报送 5 天）"
    )
    reported = runner.invoke(app, ["report", "--as-of", "2023-12-20", "-o", "汇报.xlsx"])
    assert reported.exit_code in (0, 1), reported.output
    told = "各二级学院（报来的表格表头“部门（章）”是高级技工学校，已计为高级技工学校报送）"
    assert told in workbook_text(chdir_tmp / "汇报.xlsx")


def test_the_receiving_offices_own_form_set_aside_is_not_told_to_tell_itself(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """安全保卫处.xlsx, its header 高级技工学校 (which sent its own): the receiving office's copy
    told it to tell the receiving office (clerk trial 97)."""
    from tests.helpers import misfiled_pair

    misfiled_pair(campaign, chdir_tmp / "回收", name="安全保卫处.xlsx")
    collected = runner.invoke(
        app, ["collect", "回收", "--as-of", "2023-12-20", "--feedback", "退回"]
    )
    assert collected.exit_code == 1
    [copy] = (chdir_tmp / "退回").glob("安全保卫处*")
    texts = workbook_text(copy)
    assert "确是贵部门的，请在“部门（章）”中填写贵部门全称后重新报送" in texts
    assert "请告知安全保卫处" not in texts


def test_a_form_set_aside_that_its_name_gives_to_no_department_is_told_to_its_header(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """附属医院停车场.xlsx (a place, not the hospital), its header 总务基建处, which sent its own
    return sharing no hazard with it: set aside, and told to no one (status, remind, the
    register said nothing; its hazard in no register: clerk trial 96). Its header's
    department is told: whose it is, it can say."""
    from tests.helpers import misfiled_pair

    misfiled, own = misfiled_pair(campaign, chdir_tmp / "回收", name="附属医院停车场.xlsx")
    collected = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    assert collected.exit_code == 1
    # the clerk asked to check with the header's department, not the hospital (trial 97)
    [said] = [
        p
        for p in json.loads(collected.stdout)["problems"]
        if p["file"] == str(Path("回收") / misfiled.name)
    ]
    assert said["department"] == "高级技工学校"
    assert (
        "文件名中的“附属医院”也不像是报送部门（可能是地点）：未汇总；请与高级技工学校核对"
        in said["message"]
    )
    status = json.loads(runner.invoke(app, ["status", "--as-of", "2023-12-20", "--json"]).stdout)
    by_name = {d["department"]: d for d in status["departments"]}
    assert Path(by_name["高级技工学校"]["set_aside_file"]).name == misfiled.name
    assert by_name["高级技工学校"]["set_aside_header"] == "高级技工学校"
    assert by_name["附属医院"]["set_aside_file"] == ""
    said = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-20"]).output.split())
    assert (
        "另报的表格与本部门报表没有相同的隐患，未汇总，待核对（请其并入本部门报表）：高级技工学校"
        in said
    )
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    notice = "".join((chdir_tmp / "通知" / "高级技工学校-通知.txt").read_text("utf-8-sig").split())
    assert (
        f"收到的文件{Path('回收') / misfiled.name}表头“部门（章）”是贵部门，"
        "但与贵部门报表中的隐患没有一项相同，未汇总：是贵部门补充报送的隐患的，"
        "请并入贵部门的报表" in notice
    )
    hospital = "".join((chdir_tmp / "通知" / "附属医院-通知.txt").read_text("utf-8-sig").split())
    assert misfiled.name not in hospital


def test_a_return_written_over_by_one_that_cannot_be_read_is_said_so(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """医院.xlsx collected, then saved over by a damaged copy: the register is not replaced
    (the department would go), and the refusal says why it went, not only that it did."""
    setup_returns(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code == 0
    (chdir_tmp / "回收" / "附属医院.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    (chdir_tmp / "回收" / "医院.xlsx").unlink()
    refused = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2 and "少了部门1个：附属医院（其文件无法读取）；报送文件1份" in said


@pytest.mark.parametrize(
    ("name", "after", "said"),
    [
        ("医院.xlsx", -86400, True),  # copied in, keeping the time it was saved a day before
        ("医院.xlsx", 5, True),  # sent a few seconds after the collect (clerk trial 58)
        ("医院-退回修改.xlsx", 60, False),  # written with the register: collect's own copy
        ("医院-退回修改.xlsx", 61, True),  # the copy, corrected and saved
        ("保卫处.xlsx", -5, False),  # the file read
        ("保卫处.xlsx", 61, False),  # its time alone later (a clock ahead: trial 181 AH3)
        ("保卫处-新.xlsx", 61, True),  # written over since
        ("保卫处.xlsx", 5, False),  # saved as collect read it: what was read
        ("保卫处-新.xlsx", 5, True),  # ... and the rest of it seconds later (trial 107)
        ("保卫处-新.xlsx", -86400, True),  # written over by another, keeping its old time
    ],
)
def test_returns_saved_after_the_register_are_pointed_out(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, name: str, after: int, said: bool
) -> None:
    """附属医院 sends its form after the last collect: status (from the register) listed it
    逾期未报送, and remind wrote it a 催报 (clerk trials 47, 48: a file copied in Explorer
    keeps its old time). A file collect did not see, or saved since, is pointed out, but
    for a 退回修改 copy written within a minute after the register (collect's own); remind
    and report, which would write a 催报 to it or name it 未报送, are refused (trial 49)."""
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code in (0, 1)
    written = (chdir_tmp / "全校隐患台账.xlsx").stat().st_mtime
    late = chdir_tmp / "回收" / name
    if name.startswith("医院"):
        filled_form(campaign, "附属医院", late, [hazard()])
    if name == "保卫处-新.xlsx":  # an attachment unzipped over the file read (trial 49)
        filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [closed()])
        late, name = chdir_tmp / "回收" / "保卫处.xlsx", "保卫处.xlsx"
    os.utime(late, (written + after, written + after))
    for command in (["status"], ["remind", "-o", "通知"], ["report"]):
        result = runner.invoke(app, [*command, "--as-of", "2023-12-20"])
        text = "".join(result.stderr.split())
        assert (f"中又放入或改动了1个文件（{name}）" in text) is said, (command, text)
        # the command to type, with the folder (bare, it was refused: clerk trial 131)
        assert not said or "请先运行huitoukancollect回收重新汇总" in text
        # no 催报 to a department that sent its form, nor a report naming it 未报送
        writes = command[0] != "status"
        assert result.exit_code == (2 if said and writes else 0), (command, result.output)
    assert (chdir_tmp / "通知").exists() is not said
    # and a program reading --json is told, not only a person reading stderr (trial 84)
    shown = json.loads(runner.invoke(app, ["status", "--as-of", "2023-12-20", "--json"]).stdout)
    behind = "".join("".join(shown["register_behind"]).split())
    assert (f"中又放入或改动了1个文件（{name}）" in behind) is said
    # and which files, as data (a program had only the sentence: clerk trial 179 AF8)
    assert shown["returns_not_collected"] == ([str(Path("回收") / name)] if said else [])
    assert shown["register_edited"] is shown["list_changed"] is False


@pytest.mark.parametrize("inside", ["自查报告.docx", "扫描件.pdf", "a/b/c/d/表.xlsx"])
def test_an_archive_of_no_return_read_at_the_last_collect_is_not_new(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, inside: str
) -> None:
    """学工处自查报告.zip holding a Word document (or a scan, or zips nested too deep):
    skipped by collect, then a file come since for status, remind, report, review and
    crosscheck, collect again or not (clerk trial 149). What collect read and skipped is
    not new; the same archive saved again is."""
    import zipfile

    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    archive = chdir_tmp / "回收" / "学工处自查报告.zip"
    with zipfile.ZipFile(archive, "w") as outer:
        if inside.startswith("a/"):  # each folder a zip in the one around it
            data = b"PK\x03\x04"
            for level in "dcba":
                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, "w") as nested:
                    nested.writestr(f"{level}.zip" if level != "d" else "表.xlsx", data)
                data = buffer.getvalue()
            outer.writestr("a.zip", data)
        else:
            outer.writestr(inside, b"not a workbook")
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code in (0, 1)
    for command in (["status"], ["remind", "-o", "通知"], ["report"]):
        result = runner.invoke(app, [*command, "--as-of", "2023-12-20"])
        assert "又放入或改动了" not in "".join(result.stderr.split()), command
        assert result.exit_code == 0, (command, result.output)
    written = (chdir_tmp / "全校隐患台账.xlsx").stat().st_mtime
    os.utime(archive, (written + 61, written + 61))  # saved again since
    result = runner.invoke(app, ["status", "--as-of", "2023-12-20"])
    assert "中又放入或改动了1个文件（学工处自查报告.zip）" in "".join(result.stderr.split())


def test_a_file_put_into_a_folder_empty_at_the_last_collect_is_pointed_out(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """collect 回收 复查 with 复查/ still empty, then the filled 复查验收表 put there: status
    said nothing (only folders files were seen in were looked at: clerk trial 49)."""
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    (chdir_tmp / "复查").mkdir()
    runner.invoke(app, ["collect", "回收", "复查", "--as-of", "2023-12-20"])
    written = (chdir_tmp / "全校隐患台账.xlsx").stat().st_mtime
    later = chdir_tmp / "复查" / "复查验收表（已填）.xlsx"
    filled_form(campaign, "附属医院", later, [hazard()])
    os.utime(later, (written - 5, written - 5))
    result = runner.invoke(app, ["status", "--as-of", "2023-12-20"])
    assert "复查中又放入或改动了1个文件（复查验收表（已填）.xlsx）" in "".join(
        result.stderr.split()
    )


def test_a_return_copied_in_while_collect_read_it_is_pointed_out(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """附属医院's form was half copied when collect read it (unreadable), the rest seconds
    later: status kept saying it could not be read, and remind wrote a 催报 (clerk trial
    107: a file read, saved within a minute of the register, was taken for collect's own)."""
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    whole = filled_form(campaign, "附属医院", chdir_tmp / "医院.xlsx", [hazard()]).read_bytes()
    copied = chdir_tmp / "回收" / "医院.xlsx"
    copied.write_bytes(whole[: len(whole) // 2])
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code in (0, 1)
    written = (chdir_tmp / "全校隐患台账.xlsx").stat().st_mtime
    copied.write_bytes(whole)
    for saved in (written + 5, written - 600):  # ... or copied keeping its old time (trial 108)
        os.utime(copied, (saved, saved))
        shown = runner.invoke(app, ["status", "--as-of", "2023-12-20"])
        assert "中又放入或改动了1个文件（医院.xlsx）" in "".join(shown.stderr.split())


def test_a_deadline_moved_after_returns_came_late_leaves_its_trace(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """报送截止 extended from 12月15日 to 12月20日 after 附属医院 had sent its form on the
    16th: collect, status and the report said nothing of it, the report giving the new date
    alone and 0 late (clerk trial 58). The register keeps the date first set; the report
    says it, and who was late by it; status and the report from a register of the old
    date say to collect again."""
    from huitoukan.campaign import default_campaign_text

    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    filled_form(
        campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()],
        form_date=date(2023, 12, 16),
    )  # fmt: skip
    toml = chdir_tmp / "campaign.toml"
    toml.write_text(default_campaign_text(), "utf-8")
    as_of = ["--as-of", "2023-12-21"]
    assert runner.invoke(app, ["collect", "回收", *as_of]).exit_code in (0, 1)
    text = toml.read_text("utf-8")
    toml.write_text(text.replace("returns_due = 2023-12-15", "returns_due = 2023-12-20"), "utf-8")
    shown = runner.invoke(app, ["status", *as_of])
    said = "".join(shown.stderr.split())
    assert "是按报送截止日期2023年12月15日汇总的，campaign.toml现为2023年12月20日" in said
    refused = runner.invoke(app, ["report", *as_of])
    assert refused.exit_code == 2 and "不会注明原定日期" in "".join(refused.stderr.split())
    again = runner.invoke(app, ["collect", "回收", *as_of])
    assert "报送截止日期已由2023年12月15日改为2023年12月20日" in "".join(again.stderr.split())
    third = runner.invoke(app, ["collect", "回收", *as_of])  # moved once: said once
    assert "报送截止日期已由" not in "".join(third.stderr.split())
    assert runner.invoke(app, ["report", *as_of, "-o", "汇报.xlsx"]).exit_code == 0
    texts = workbook_text(Path("汇报.xlsx"))  # (the report: one sheet)
    assert "报送截止：2023年12月20日（原定2023年12月15日，已调整）" in texts
    assert "（其中逾期报送0个；按原定报送截止2023年12月15日逾期的1个）" in texts


def test_a_return_whose_date_cannot_be_read_is_not_said_late_by_its_file_day(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """12.3 typed as the 日期 (12月3日 or 12月30日: neither can be, the one before the
    campaign was issued, the other after the file was saved), the file saved after it: the
    department was made 逾期报送 by the file's day in status and the report, and its notice
    said its form came late (clerk trial 235 CI3). Its return day is 待核实 now; the notice
    asks for the 日期 alone."""
    form = filled_form(
        campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()], form_date=12.3
    )
    saved = datetime(2023, 12, 19, 9).timestamp()
    os.utime(form, (saved, saved))
    as_of = ["--as-of", "2023-12-21"]
    collected = runner.invoke(app, ["collect", "回收", *as_of])
    said = "".join(collected.stderr.split())
    assert "可能是12月3日，也可能是12月30日），报送日期待核实" in said
    assert "逾期报送" not in said.replace("改正前不计为逾期报送", "")
    shown = runner.invoke(app, ["status", "--all", *as_of], env={"COLUMNS": "80"})
    # wrapped in its column at 80 columns, not cutting 销号率 to “0.” (clerk trial 237 CK14)
    [row] = [line for line in shown.stdout.splitlines() if line.startswith("附属医院")]
    assert "已报送（报送日期" in row and row.endswith("0.0%"), shown.stdout
    assert runner.invoke(app, ["remind", *as_of, "-o", "通知"]).exit_code in (0, 1)
    notice = (chdir_tmp / "通知" / "附属医院-通知.txt").read_text("utf-8-sig")
    assert "晚于报送截止日期" not in notice
    # which cell, what it holds (clerk trial 237 CK11)
    assert "填写有误（日期无法识别：K3填的是“12.3”）" in notice, notice
    assert runner.invoke(app, ["report", *as_of, "-o", "汇报.xlsx"]).exit_code == 0
    texts = workbook_text(Path("汇报.xlsx"))  # (the report: one sheet)
    assert "（其中逾期报送0个，报送日期待核实1个）" in texts
    assert "已报送（报送日期待核实）" in texts
    # the copy asks for the day the form was filled in, not the day it is sent again (that
    # left the day unknown for good: clerk trial 237 CK2, CK3)
    from huitoukan.letters.feedback import RESEND_FIRST_DATE, SUMMARY_SHEET

    runner.invoke(app, ["collect", "回收", *as_of, "--feedback", "退回"])
    [copy] = (chdir_tmp / "退回").glob("*.xlsx")
    summary = load_workbook(copy)[SUMMARY_SHEET]
    assert summary.cell(summary.max_row, 6).value == RESEND_FIRST_DATE


@pytest.mark.parametrize("given", ["台账备份.xlsx", "campaign.toml"])
def test_a_file_that_is_no_register_nor_return_is_refused_not_read_as_empty(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, given: str
) -> None:
    """A damaged register, campaign.toml: read as a returns folder holding none, they gave
    “隐患 0 项，已报送 0/8 个部门”, exit 0, and a report saying so (clerk trial 84). An
    empty returns folder is a campaign nobody has answered yet: shown as it is."""
    (chdir_tmp / "台账备份.xlsx").write_text("garbage", "utf-8")
    (chdir_tmp / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    for command in ("status", "report"):
        result = runner.invoke(app, [command, given, "--as-of", "2023-12-20"])
        said = "".join(result.output.split())
        assert result.exit_code == 2, (command, result.output)
        assert f"给出的文件不是全校隐患台账，也不是可以读取的部门报表：{given}（" in said
    (chdir_tmp / "空文件夹").mkdir()
    result = runner.invoke(app, ["status", "空文件夹", "--as-of", "2023-12-20"])
    assert result.exit_code == 0 and "已报送 0/8 个部门" in result.output


def test_collect_does_not_write_the_register_over_a_return_or_the_list(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """-o 回收/附属医院.xlsx wrote the register over the department's return (kept aside),
    the department then 逾期未报送; -o over the 交办问题清单 stopped every command (clerk
    trial 84). Refused, unless --force."""
    setup_returns(campaign, chdir_tmp / "回收")
    target = chdir_tmp / "回收" / "医院.xlsx"
    before = target.read_bytes()
    result = runner.invoke(app, ["collect", "回收", "-o", str(target), "--as-of", "2023-12-20"])
    assert result.exit_code == 2 and target.read_bytes() == before
    assert "已存在，但不是全校隐患台账" in "".join(result.output.split())
    forced = runner.invoke(
        app, ["collect", "回收", "-o", str(target), "--as-of", "2023-12-20", "--force"]
    )
    assert forced.exit_code in (0, 1) and target.read_bytes() != before


def test_a_refusal_asked_for_json_is_json_with_its_problems(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A 交办问题清单 with an error stops status and collect (exit 2): with --json nothing
    came on stdout, the problems' codes only as text on stderr (clerk trial 84)."""
    from tests.helpers import findings_list

    setup_returns(campaign, chdir_tmp / "回收")
    listed = findings_list(
        chdir_tmp / "清单.xlsx",
        [{"问题来源": "区里", "问题描述": "围墙开裂", "责任部门": "附属医院"}],
    )
    for command in (["collect", "回收"], ["status", "回收"]):
        args = [*command, "--findings", str(listed), "--as-of", "2023-12-20", "--json"]
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        refused = json.loads(result.stdout)
        assert refused["exit_code"] == 2 and "问题清单" in refused["error"]
        assert "finding-unknown-source" in [p["code"] for p in refused["problems"]]
    plain = runner.invoke(
        app, ["status", "回收", "--findings", str(listed), "--as-of", "2023-12-20"]
    )
    assert plain.exit_code == 2 and plain.stdout == ""


def test_last_years_folder_collected_by_mistake_is_said_to_be_so(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """This year's register, then `collect ../回头看2022/回收` by mistake: refused, but each
    department “（其文件无法读取）”, as if last year's forms were broken (clerk trial 119);
    said of the folder, once (trial 211 BK10)."""
    from tests.helpers import ask_by

    for department, name in (("安全保卫处", "保卫处.xlsx"), ("附属医院", "医院.xlsx")):
        filled_form(campaign, department, chdir_tmp / "回收" / name, [hazard()])
        old = filled_form(campaign, department, chdir_tmp / "去年" / name, [hazard()],
                          form_date=date(2022, 12, 14))  # fmt: skip
        ask_by(old, date(2022, 12, 15))
    args = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code == 0
    refused = runner.invoke(app, ["collect", "去年", *args])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    # said once, of the folder (each department told to send again: trial 211 BK10)
    assert "给出的2份表格都是其他活动的表格" in said and "无法读取" not in said
    assert "是不是选错了文件夹" in said


@pytest.mark.parametrize("dated_now", [False, True])
def test_a_department_that_sent_last_years_form_is_not_said_to_have_sent_an_unreadable_file(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, dated_now: bool
) -> None:
    """附属医院 sent last year's return, refused as another campaign's: every table said its
    file could not be read, and its notice “无法读取（这是往期活动的表格…）” (clerk trial
    109). They say what it sent."""
    from tests.helpers import ask_by

    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    old = filled_form(
        campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()],
        form_date=date(2023, 12, 14) if dated_now else date(2022, 12, 14),
    )  # fmt: skip
    ask_by(old, date(2022, 12, 15))
    args = ["--as-of", "2023-12-20"]
    collected = "".join(runner.invoke(app, ["collect", "回收", *args]).output.split())
    if dated_now:  # read, said; and its notice asks it to check (only the clerk was told:
        # clerk trial 110)
        assert "往期活动的表格" in collected
        runner.invoke(app, ["remind", *args])
        notice = (chdir_tmp / "通知" / "附属医院-通知.txt").read_text("utf-8-sig")
        assert "贵部门报来的 医院.xlsx 是往期活动的表格（表头日期是本次的）：请核对" in notice
        # ... and status, the report and the register say it where its return is counted
        # (they did not: clerk trial 111)
        said = "".join(runner.invoke(app, ["status", *args]).output.split())
        assert "已照常汇总，待核对：附属医院" in said
        every = "".join(runner.invoke(app, ["status", "--all", *args]).output.split())
        assert "已报送（往期表格）" in every
        summary = {
            r["部门"]: r["报送情况"]
            for r in sheet_rows(chdir_tmp / "全校隐患台账.xlsx", "汇总")
            if r.get("部门")
        }
        assert (summary["附属医院"], summary["安全保卫处"]) == ("已报送（往期表格）", "已报送")
        assert runner.invoke(app, ["report", *args, "--out", "汇报.xlsx"]).exit_code == 0
        reported = workbook_text(chdir_tmp / "汇报.xlsx")
        assert "已报送（往期表格）" in reported
        assert "注：附属医院报来的是往期活动的表格（表头日期是本次的），已照常汇总" in reported
        return
    assert "其他活动表格" in collected and "无法读取" not in collected  # (trial 110)
    files = {  # and so in the register's 报送记录 (trial 111)
        Path(str(r["文件"])).name: r["处理结果"]
        for r in sheet_rows(chdir_tmp / "全校隐患台账.xlsx", "报送记录")
    }
    assert files["医院.xlsx"] == "其他活动表格"
    said = "".join(runner.invoke(app, ["status", *args]).output.split())
    assert "附属医院（报来的是其他活动的表格，请其重新报送）" in said
    listed = json.loads(runner.invoke(app, ["status", *args, "--json"]).stdout)
    sent = {d["department"]: d["sent_another_campaigns"] for d in listed["departments"]}
    assert sent["附属医院"] is True and sent["安全保卫处"] is False  # (only its why: trial 112)
    assert "无法读取" not in said
    owed = {
        r["部门"]: r["情况"]
        for r in sheet_rows(chdir_tmp / "全校隐患台账.xlsx", NOT_RETURNED_SHEET)
    }
    assert str(owed["附属医院"]).startswith("报来的是其他活动的表格（")
    runner.invoke(app, ["remind", *args])
    notice = "".join((chdir_tmp / "通知" / "附属医院-通知.txt").read_text("utf-8-sig").split())
    assert "贵部门报来的文件医院.xlsx：这是往期活动的表格" in notice and "无法读取" not in notice
    # said once, in a sentence, not brackets in brackets around the instruction (trial 112)
    assert (
        "的报表，未汇总；贵部门的《安全隐患自查整改清单》（附件2）按未报送计（请用本次下发的附件2填写）"
        in (notice)
    )
    assert notice.count("请用本次下发的附件2填写") == 1
    # read back from a register changed by hand, it is still something sent
    from openpyxl import load_workbook

    register = chdir_tmp / "全校隐患台账.xlsx"
    wb = load_workbook(register)
    wb["隐患台账"].delete_rows(3)
    wb.save(register)
    edited = "".join(runner.invoke(app, ["status", *args]).output.split())
    assert "被改动过" in edited and "附属医院（报来的" in edited


@pytest.mark.parametrize(("deadline", "said"), [(11, True), (12, False)])
def test_status_says_what_was_completed_after_its_deadline_as_the_report_does(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, deadline: int, said: bool
) -> None:
    """The report says 逾期完成 1 项; status never did, only --json (clerk trial 112). A
    hazard done the day after its 整改时限 is said; done on the day it is not."""
    late = closed(部位="南门", 整改时限=date(2023, 12, deadline))  # (销号 12月12日)
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard(), late])
    args = ["--as-of", "2023-12-20"]
    runner.invoke(app, ["collect", "回收", *args])
    shown = "".join(runner.invoke(app, ["status", *args]).output.split())
    assert ("逾期完成1项" in shown) is said
    # which one, with --all (only --json said: clerk trial 143)
    every = "".join(runner.invoke(app, ["status", *args, "--all"]).output.split())
    which = "安全保卫处南门：楼道灭火器过期（整改时限12月11日，12月12日销号，超过1天）"
    assert (which in every) is said and which not in shown
    # awaiting its review: no 销号 yet (trial 144)
    text = default_campaign_text().replace("review_required = false", "review_required = true")
    (chdir_tmp / "campaign.toml").write_text(text, "utf-8")
    runner.invoke(app, ["collect", "回收", *args])
    every = "".join(runner.invoke(app, ["status", *args, "--all"]).output.split())
    assert ("（整改时限12月11日，12月12日完成（待复查），超过1天）" in every) is said


@pytest.mark.parametrize(
    ("moved_to", "said"),
    [
        ("2024-06-11", False),
        ("2024-06-12", False),  # 180 days later: still this campaign's deadline put off
        ("2024-06-13", True),  # more: likely next year's campaign in this year's folder
    ],
)
def test_a_deadline_moved_by_months_asks_whether_it_is_a_new_campaign(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, moved_to: str, said: bool
) -> None:
    """Next year's dates typed into last year's campaign.toml, its 文号 left: collect took
    it silently as the old campaign's 报送截止 put off by eleven months (clerk trial 128)."""
    from huitoukan.campaign import default_campaign_text

    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    toml = chdir_tmp / "campaign.toml"
    toml.write_text(default_campaign_text(), "utf-8")
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code in (0, 1)
    text = toml.read_text("utf-8")
    assert "ends_on = 2023-12-31" in text
    toml.write_text(
        text.replace("returns_due = 2023-12-15", f"returns_due = {moved_to}").replace(
            "ends_on = 2023-12-31", "ends_on = 2024-12-31"
        ),
        "utf-8",
    )
    again = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-21"])
    shown = "".join(again.stderr.split())
    assert "报送截止日期已由2023年12月15日改为" in shown
    assert ("如果这是新一次活动" in shown) is said, shown


def test_status_says_which_deadlines_were_put_off(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A 整改时限 put off without a reason, or once it had passed: off the overdue list by
    the new one, and the screen said neither (only --json and the report: clerk trial 141).
    Said in a line, each listed with --all and --department."""
    returns = chdir_tmp / "回收"
    versions = (
        ("安全保卫处", "v1", 10, "监控室", date(2023, 12, 15), None),
        ("安全保卫处", "v2", 16, "监控室", date(2023, 12, 30), "设备到货延迟，已临时封闭通道"),
        ("附属医院", "v1", 10, "药房", date(2023, 12, 20), None),
        ("附属医院", "v2", 12, "药房", date(2023, 12, 28), None),
    )
    for department, name, day, where, deadline, remark in versions:
        filled_form(campaign, department, returns / f"{department}{name}.xlsx",
                    [hazard(部位=where, 整改时限=deadline, 备注=remark)],
                    form_date=date(2023, 12, day))  # fmt: skip
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code in (0, 1)
    shown = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-20"]).output.split())
    assert (
        "推迟了整改时限的隐患2项（其中原时限已过才推迟、按新时限未计入逾期的1项，备注中未说明推迟"
        "原因的1项）：安全保卫处、附属医院" in shown
    )
    assert "整改时限由" not in shown  # which ones: with --all or --department
    every = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-20", "--all"]).output.split())
    # the deadline passed, its reason given: from when too (only to when: trial 142)
    assert (
        "安全保卫处监控室：楼道灭火器过期（整改时限由12月15日推迟至12月30日，推迟时已逾期1天）"
        in every
    )
    assert (
        "附属医院药房：楼道灭火器过期（整改时限由12月20日推迟至12月28日，备注中未说明原因）"
        in every
    )
    args = ["status", "--as-of", "2023-12-20", "-d", "附属医院"]
    chosen = "".join(runner.invoke(app, args).output.split())
    assert "推迟了整改时限的隐患1项（其中备注中未说明推迟原因的1项）：附属医院" in chosen
    listed = json.loads(runner.invoke(app, ["status", "--as-of", "2023-12-20", "--json"]).stdout)
    assert [(h["department"], h["put_off_passed"]) for h in listed["put_off"]] == [
        ("安全保卫处", "2023-12-15"),
        ("附属医院", None),
    ]
    assert "整改时限由12月20日推迟至12月28日" in chosen and "监控室" not in chosen


def test_last_years_form_sent_again_on_this_years_is_not_said_unreadable(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """附属医院 sent last year's form, then this year's: the old one, superseded, was said
    “这份文件无法读取…（无法读取的原因：这是往期…）” — it was read (clerk trial 178 AE9). It
    is said to be another campaign's, as when it stands alone."""
    import os
    from datetime import datetime

    from tests.helpers import ask_by

    old = filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()],
                      form_date=date(2022, 12, 14))  # fmt: skip
    ask_by(old, date(2022, 12, 15))
    new = filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院（今年）.xlsx", [hazard()])
    for path, day in ((old, 13), (new, 14)):
        stamp = datetime(2023, 12, day, 10).timestamp()
        os.utime(path, (stamp, stamp))
    out = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"]).stdout
    [said] = [p for p in json.loads(out)["problems"] if p["file"].endswith("医院.xlsx")]
    assert said["code"] == "unreadable-superseded" and said["severity"] == "警告", said
    assert "无法读取" not in said["message"], said["message"]
    assert said["message"].startswith("这是往期") and "附属医院此后又报来了" in said["message"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["status", "--json", "--due-within", "-1"], "太小"),
        (["status", "--json", "--bogus"], "没有此选项：--bogus"),
        (["collect", "--json"], "缺少参数"),
    ],
)
def test_a_usage_error_of_a_command_asked_for_json_is_printed_as_json(
    chdir_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    args: list[str], said: str,
) -> None:  # fmt: skip
    """--json's errors are printed on stdout as JSON too, as the README's 退出码 says; those
    of the command line itself (an option out of range, unknown, an argument left out)
    printed nothing there (clerk trial 179 AF6)."""
    from huitoukan.cli.app import main

    monkeypatch.setattr(sys, "argv", ["huitoukan", *args])
    with pytest.raises(SystemExit) as ended:
        main()
    assert ended.value.code == 2
    refused = json.loads(capsys.readouterr().out)
    assert refused["exit_code"] == 2 and said in refused["error"], refused
