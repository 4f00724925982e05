from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from huitoukan.campaign import Campaign
from huitoukan.cli import app
from tests.helpers import filled_form, hazard


def test_feedback_remind_and_report(runner: CliRunner, chdir_tmp: Path, campaign: Campaign) -> None:
    filled_form(
        campaign,
        "附属医院",
        chdir_tmp / "回收" / "医院.xlsx",
        [hazard(责任人=None, 整改时限=date(2023, 12, 16))],
    )
    collected = runner.invoke(
        app, ["collect", "回收", "--as-of", "2023-12-20", "--feedback", "退回"]
    )
    assert collected.exit_code == 1
    assert "退回修改副本（1 份" in collected.output
    assert (chdir_tmp / "退回" / "医院-退回修改.xlsx").is_file()
    reminded = runner.invoke(app, ["remind", "--as-of", "2023-12-20"])
    assert reminded.exit_code == 0, reminded.output
    assert (
        "附属医院（督办、改正错误）" in reminded.output
    )  # 责任人 left blank and "学院警务室（催报）" in reminded.output
    assert (chdir_tmp / "通知" / "全部通知.txt").is_file()
    reported = runner.invoke(app, ["report", "--as-of", "2023-12-20", "-o", "汇报.xlsx"])
    assert reported.exit_code == 0, reported.output
    assert "隐患 1 项" in reported.output and (chdir_tmp / "汇报.xlsx").is_file()


def test_a_copy_with_warnings_only_is_not_a_return_refused(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """10 of 11 departments were sent a 退回修改 copy, most for 检查内容 left blank, each
    told to correct and resend: read as 10 returns refused (clerk trial 83). The screen
    counts errors and warnings apart; a copy of warnings only asks to check, and to resend
    only what needed correcting."""
    from openpyxl import load_workbook

    from huitoukan.letters.feedback import RESEND, RESEND_IF_NEEDED, SUMMARY_SHEET

    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard(责任人=None)])
    filled_form(
        campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard(整改时限="一周内")]
    )
    collected = runner.invoke(
        app, ["collect", "回收", "--as-of", "2023-12-14", "--feedback", "退回"],
        env={"COLUMNS": "200"},
    )  # fmt: skip
    output = "".join(collected.output.split())
    assert "其中1份只有警告：副本中写明请部门逐项核对，无需改动的不必重新报送" in output
    assert "（须改正后重新报送的是有错误的1份）" in output

    def last_line(name: str) -> str:
        ws = load_workbook(chdir_tmp / "退回" / name)[SUMMARY_SHEET]
        return [str(c.value) for row in ws.iter_rows() for c in row if c.value][-1]

    assert last_line("医院-退回修改.xlsx") == RESEND
    assert last_line("保卫处-退回修改.xlsx") == RESEND_IF_NEEDED
