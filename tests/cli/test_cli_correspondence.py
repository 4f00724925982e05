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
