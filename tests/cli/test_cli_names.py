"""Files named on the command line as a clerk types them: the extension left out, a
character wrong (台帐 for 台账)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from huitoukan.campaign import Campaign
from huitoukan.cli import app
from tests.helpers import filled_form, hazard

AS_OF = ["--as-of", "2023-12-20"]


def test_an_input_without_its_extension_is_found(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    status = runner.invoke(app, ["status", "全校隐患台账", *AS_OF])
    assert status.exit_code == 0 and "全校隐患 1 项" in status.output
    one = runner.invoke(app, ["status", "回收/医院", *AS_OF])
    assert one.exit_code == 0, one.output


def test_a_name_a_character_off_is_answered_with_the_one_there(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    runner.invoke(app, ["collect", "回收", *AS_OF])
    (chdir_tmp / "全校隐患台账.html").write_text("a page saved from the browser", "utf-8")
    typo = runner.invoke(app, ["status", "全校隐患台帐.xlsx", *AS_OF])
    assert typo.exit_code == 2 and "是不是 全校隐患台账.xlsx？" in typo.output  # not the .html
    folder = runner.invoke(app, ["collect", "回收表", *AS_OF, "-o", "另.xlsx"])
    assert folder.exit_code == 2 and "是不是 回收？" in folder.output
    listed = runner.invoke(app, ["status", "--findings", "交办清单", *AS_OF])
    assert listed.exit_code == 2 and "找不到交办问题清单" in listed.output
    assert "是不是" not in listed.output  # nothing like it here: the usual advice
    crosscheck = runner.invoke(app, ["crosscheck", "全校隐患台帐", *AS_OF])
    assert crosscheck.exit_code == 2 and "是不是 全校隐患台账.xlsx？" in crosscheck.output
