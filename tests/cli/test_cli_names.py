"""Files named on the command line as a clerk types them: the extension left out, a
character wrong (台帐 for 台账)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
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


def test_a_folder_for_a_file_and_a_file_for_a_folder(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """issue -o 发放清单.xlsx made a folder named like a workbook; collect -o 汇总 (a folder
    that exists) wrote 汇总.xlsx beside it; a file given where a folder is written said
    "a file of the same name blocks the folder", not which."""
    issued = runner.invoke(app, ["issue", "-o", "发放清单.xlsx"])
    assert issued.exit_code == 2 and "像是一个文件名" in "".join(issued.output.split())
    assert not (chdir_tmp / "发放清单.xlsx").exists()
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard(责任人=None)])
    (chdir_tmp / "汇总").mkdir()
    into = runner.invoke(app, ["collect", "回收", "-o", "汇总", *AS_OF])
    assert into.exit_code == 1 and (chdir_tmp / "汇总" / "全校隐患台账.xlsx").is_file()
    assert not (chdir_tmp / "汇总.xlsx").exists()
    feedback = ["--feedback", "回收/医院.xlsx"]
    blocked = runner.invoke(app, ["collect", "回收", "-o", "汇总", *feedback, *AS_OF])
    said = "".join(blocked.output.split())
    assert blocked.exit_code == 2 and "回收/医院.xlsx是一个文件，这里需要的是文件夹" in said


def test_run_from_the_folder_above_the_campaign_it_points_at_its_campaign_toml(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """status 2026年回头看/回收 from the folder above: the built-in campaign would count
    another school's dates and departments ("逾期 1086 天"); refused, the campaign.toml
    beside 回收 pointed at, nothing written."""
    from huitoukan.campaign import default_campaign_text

    work = chdir_tmp / "2026年回头看"
    filled_form(campaign, "附属医院", work / "回收" / "医院.xlsx", [hazard()])
    (work / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    result = runner.invoke(app, ["status", "2026年回头看/回收", *AS_OF])
    said = "".join(result.output.split())
    assert result.exit_code == 2
    assert "所给文件旁有2026年回头看/campaign.toml" in said
    assert "或加--campaign2026年回头看/campaign.toml" in said
    # where that writes (a second register, the one beside it left stale: trial 114)
    assert "（台账、佐证材料等仍写在当前文件夹，不在2026年回头看中" in said
    assert "以后的命令也要在当前文件夹、加同样的--campaign运行" in said  # (trial 115)
    spaced = chdir_tmp / "2023 回头看 工作"  # quoted, to be copied as one (trial 121)
    shutil.copytree(work, spaced)
    result = runner.invoke(app, ["status", f"{spaced.name}/回收", *AS_OF])
    assert '或加--campaign"2023回头看工作/campaign.toml"（' in "".join(result.output.split())
    # the folder to go to too (wrapped at its space, `cd 保卫处 工作夹` failed: trial 162)
    assert '请到"2023回头看工作"文件夹中运行' in "".join(result.output.split())
    assert '所给文件旁有"2023回头看工作/campaign.toml"：' in "".join(result.output.split())
    shutil.rmtree(spaced)
    collected = runner.invoke(app, ["collect", "2026年回头看/回收", *AS_OF])
    assert collected.exit_code == 2 and sorted(p.name for p in chdir_tmp.iterdir()) == [work.name]
    # the campaign's folder itself, for its register: all of it read as returns, with the
    # built-in campaign (已销号 12 for 9, exit 0, a report and notices written: trial 116)
    for command in ("status", "report", "remind"):
        result = runner.invoke(app, [command, "2026年回头看", *AS_OF])
        said = "".join(result.output.split())
        assert result.exit_code == 2 and "所给文件夹中有2026年回头看/campaign.toml" in said
    assert sorted(p.name for p in chdir_tmp.iterdir()) == [work.name]
    # its register there: only that way (--campaign here is refused in turn: trial 158)
    (work / "全校隐患台账.xlsx").write_bytes(b"")
    said = "".join(runner.invoke(app, ["status", "2026年回头看/回收", *AS_OF]).output.split())
    assert (
        "请到2026年回头看文件夹中运行（本次活动的台账2026年回头看/全校隐患台账.xlsx也在那里）"
        in said
    )
    assert "--campaign" not in said


def test_a_register_beside_another_campaign_toml_than_the_working_folders_is_refused(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """An `init` run by mistake in the folder above a campaign's wrote a campaign.toml
    there; `review 活动/全校隐患台账.xlsx` then took it and said the campaign had no 复查验收
    (clerk trial 176 AC2): refused, the campaign's own pointed at; the same text, or the
    working folder's own register, runs."""
    from huitoukan.campaign import default_campaign_text

    work = chdir_tmp / "活动"
    filled_form(campaign, "附属医院", work / "回收" / "医院.xlsx", [hazard()])
    (work / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    with pytest.MonkeyPatch.context() as inside:
        inside.chdir(work)
        assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    (chdir_tmp / "campaign.toml").write_text(default_campaign_text() + "\n# 误写\n", "utf-8")
    for given in ("活动/全校隐患台账.xlsx", "活动/回收", "活动/回收/医院.xlsx"):
        for command in ("review", "status", "report"):
            result = runner.invoke(app, [command, given, *AS_OF])
            said = "".join(result.output.split())
            assert result.exit_code == 2, (command, given, said)
            assert f"所在的活动有自己的活动{os.sep}campaign.toml" in said, said
            assert "请到活动文件夹中运行，或加--campaign" in said
    assert sorted(p.name for p in chdir_tmp.iterdir()) == ["campaign.toml", "活动"]
    (chdir_tmp / "campaign.toml").write_text(default_campaign_text(), "utf-8")  # the same
    assert runner.invoke(app, ["status", "活动/全校隐患台账.xlsx", *AS_OF]).exit_code in (0, 1)
    (chdir_tmp / "campaign.toml").write_text(default_campaign_text() + "\n# 误写\n", "utf-8")
    mine = ["--campaign", "活动/campaign.toml"]
    assert runner.invoke(app, ["status", "活动/全校隐患台账.xlsx", *mine, *AS_OF]).exit_code in (
        0,
        1,
    )


def test_run_inside_the_returns_folder_it_points_at_the_campaign_above(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`collect .` inside 回收 took the built-in campaign and wrote a wrong 台账 (no 交办问题,
    no 复查验收) and 佐证材料 among the returns (clerk trial 47): refused, as from above."""
    from huitoukan.campaign import default_campaign_text

    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    (chdir_tmp / "campaign.toml").write_text(default_campaign_text(), "utf-8")
    monkeypatch.chdir(chdir_tmp / "回收")
    result = runner.invoke(app, ["collect", ".", *AS_OF])
    said = "".join(result.output.split())
    assert result.exit_code == 2, result.output
    assert f"所给文件旁有..{os.sep}campaign.toml" in said and "请到..文件夹中运行" in said
    assert sorted(p.name for p in (chdir_tmp / "回收").iterdir()) == ["医院.xlsx"]
    # nor forms issued there for the built-in school, nor a status said of no register
    # (“找不到 全校隐患台账.xlsx”, one being in the folder above: trial 48)
    for command in (["issue"], ["status", *AS_OF], ["remind", *AS_OF], ["init"]):
        result = runner.invoke(app, command)
        said = "".join(result.output.split())
        assert result.exit_code == 2, (command, said)
        assert f"上一级文件夹中有..{os.sep}campaign.toml" in said or "上一级文件夹中已有" in said
    assert sorted(p.name for p in (chdir_tmp / "回收").iterdir()) == ["医院.xlsx"]
    # init there wrote a campaign.toml that every command there then took (trial 49)
    assert runner.invoke(app, ["init", "--force"]).exit_code == 0  # meant: another campaign


def test_init_force_beside_a_register_says_what_it_changed_and_the_way_back(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """Next year's campaign begun in this year's folder: `init --force` wrote over the
    campaign.toml of a campaign whose register is there without a word about it, and the
    refusals that followed never named the copy kept (clerk trial 178 AE3). Both do."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(chdir_tmp)
    day = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", "复查", *day]).exit_code in (0, 1)
    forced = runner.invoke(app, ["init", "--force"])
    said = "".join(forced.output.split())
    assert forced.exit_code == 0, forced.output
    [copy] = chdir_tmp.glob("campaign.备份-*.toml")
    assert "这个文件夹中有活动的台账全校隐患台账.xlsx" in said, said
    assert "新一次活动请在新的工作文件夹中开始" in said
    assert f"要恢复这个文件夹的活动：把{copy.name}改名为campaign.toml" in said
    text = (chdir_tmp / "campaign.toml").read_text("utf-8")
    (chdir_tmp / "campaign.toml").write_text(text.replace("2023", "2024"), "utf-8")
    refused = runner.invoke(app, ["status", *day])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2, refused.output
    assert f"把覆盖前的{copy.name}改名为campaign.toml即可恢复" in said, said
