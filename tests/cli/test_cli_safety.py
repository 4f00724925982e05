"""The clerk's everyday mistakes never cost the last register, and every output problem is
one Chinese line with exit 2: a register of fewer departments is not written over a fuller
one, a read-only register is not replaced, the previous versions are kept, a file in the
way or a full disk is named, dates typed without a year are the campaign's."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from typer.testing import CliRunner

from huitoukan.campaign import Campaign, default_campaign_text
from huitoukan.cli import app
from huitoukan.errors import HuitoukanError
from huitoukan.files import write_atomically
from huitoukan.register.history import HISTORY_VERSIONS, history_folder
from huitoukan.register.layout import HAZARD_SHEET
from tests.helpers import closed, filled_form, hazard, sheet_rows

AS_OF = ["--as-of", "2023-12-20"]


def six_departments(campaign: Campaign, folder: Path) -> None:
    for name in ("安全保卫处", "总务基建处", "学生工作处", "各二级学院", "附属医院", "学院警务室"):
        filled_form(campaign, name, folder / f"{name}.xlsx", [hazard(), closed(部位="食堂")])


def test_a_smaller_collection_does_not_replace_a_fuller_register(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    register = chdir_tmp / "全校隐患台账.xlsx"
    before = register.read_bytes()
    one = runner.invoke(app, ["collect", "回收/学生工作处.xlsx", *AS_OF])
    assert one.exit_code == 2, one.output
    said = "".join(one.output.split())
    assert "少了部门5个：" in said and "；报送文件5份：" in said and "--force" in said
    assert register.read_bytes() == before
    forced = runner.invoke(app, ["collect", "回收/学生工作处.xlsx", *AS_OF, "--force"])
    assert forced.exit_code == 0, forced.output
    assert register.read_bytes() != before
    kept = list(history_folder(register).iterdir())
    assert any(p.read_bytes() == before for p in kept)


@pytest.mark.parametrize(("day", "refused"), [(19, True), (20, False), (21, False)])
def test_a_register_is_not_replaced_by_one_of_an_earlier_day(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, day: int, refused: bool
) -> None:
    """collect --as-of going back voided every closure reported since (晚于统计日期), and
    status, remind and report went on from that register (clerk trial 75): refused, the
    register untouched, unless --force; the same day or a later one is a collect as any."""
    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    register = chdir_tmp / "全校隐患台账.xlsx"
    before = register.read_bytes()
    again = runner.invoke(app, ["collect", "回收", "--as-of", f"2023-12-{day}"])
    said = "".join(again.output.split())
    if not refused:
        assert again.exit_code == 0, again.output
        return
    assert again.exit_code == 2, again.output
    assert "这次汇总的统计日期2023年12月19日早于" in said and "统计日期2023年12月20日" in said
    assert "--out" in said and "--force" in said
    assert "历史版本" not in said  # none counts a day up to the 19th (trial 76)
    assert register.read_bytes() == before
    forced = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-19", "--force"])
    assert forced.exit_code == 0, forced.output
    assert register.read_bytes() != before


def test_junk_taken_out_of_the_returns_folder_is_not_a_smaller_collection(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A Word file, a file that is no spreadsheet, a copy of the register and a blank form
    among the returns, then tidied away: the next collect is not refused, the returns are
    all there. A return taken away still is."""
    six_departments(campaign, chdir_tmp / "回收")
    junk = [chdir_tmp / "回收" / name for name in ("说明.xlsx", "空白.xlsx", "台账副本.xlsx")]
    junk[0].write_text("这不是表格", "utf-8")
    filled_form(
        campaign, "学院警务室", junk[1], head=None, form_date=None, reporter=None, phone=None
    )
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 1  # 无法读取: an error
    shutil.copy(chdir_tmp / "全校隐患台账.xlsx", junk[2])
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 1
    for path in junk:
        path.unlink()
    tidied = runner.invoke(app, ["collect", "回收", *AS_OF])
    assert tidied.exit_code == 0, tidied.output
    (chdir_tmp / "回收" / "附属医院.xlsx").unlink()
    fewer = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(fewer.output.split())
    assert (
        fewer.exit_code == 2
        and f"少了部门1个：附属医院；报送文件1份：{Path('回收') / '附属医院.xlsx'}，" in said
    )


def test_a_register_is_not_judged_by_another_campaign(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """The register copied to a folder without its campaign.toml: the built-in campaign's
    dates would make every department late by years, and remind would write it to them."""
    work = chdir_tmp / "回头看2026"
    toml = default_campaign_text().replace("〔2023〕15号", "〔2026〕21号")
    (work / "campaign.toml").parent.mkdir()
    (work / "campaign.toml").write_text(toml, "utf-8")
    six_departments(campaign, work / "回收")
    os.chdir(work)
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    assert runner.invoke(app, ["status", *AS_OF]).exit_code == 0
    elsewhere = chdir_tmp / "别处"
    elsewhere.mkdir()
    shutil.copy(work / "全校隐患台账.xlsx", elsewhere)
    os.chdir(elsewhere)
    for command in ("status", "remind", "report"):
        result = runner.invoke(app, [command, *AS_OF])
        said = "".join(result.output.split())
        assert result.exit_code == 2, (command, result.output)
        assert "〔2026〕21号" in said and "〔2023〕15号" in said and "--campaign" in said
    assert [p.name for p in elsewhere.iterdir()] == ["全校隐患台账.xlsx"]  # no letters
    given = ["status", *AS_OF, "--campaign", str(work / "campaign.toml")]
    assert runner.invoke(app, given).exit_code == 0


def test_previous_registers_are_kept_a_few_versions_deep(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    six_departments(campaign, chdir_tmp / "回收")
    for _ in range(HISTORY_VERSIONS + 2):
        assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
        os.utime(chdir_tmp / "全校隐患台账.xlsx")  # distinct seconds are not needed
    folder = history_folder(chdir_tmp / "全校隐患台账.xlsx")
    assert folder.name.startswith(".")  # hidden beside the register, never read as a return
    assert len(list(folder.glob("*.xlsx"))) == 1  # the same register again and again: once
    for n in range(HISTORY_VERSIONS + 2):  # a return changes before each collect
        rows = [hazard(部位=f"第{n}处"), closed(部位="食堂")]
        filled_form(campaign, "附属医院", chdir_tmp / "回收" / "附属医院.xlsx", rows)
        assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    kept = sorted(folder.glob("*.xlsx"))
    assert len(kept) == HISTORY_VERSIONS
    assert len({p.read_bytes() for p in kept}) == HISTORY_VERSIONS  # distinct registers
    # each with the records of the register it was (to be copied back: clerk trial 158),
    # dropped with it
    records = {f".{p.name}.{kind}.kept" for p in kept for kind in ("record", "state")}
    assert {p.name for p in folder.iterdir()} == {*records, *(p.name for p in kept)}


def test_a_kept_register_is_named_by_when_it_was_written(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """The register written on 12月18日 and replaced on the 20th was kept as …20231220…:
    the copy looked for by its day was named by the day it was copied."""
    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    register = chdir_tmp / "全校隐患台账.xlsx"
    written = datetime(2023, 12, 18, 17, 30, 5).timestamp()
    os.utime(register, (written, written))
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "附属医院.xlsx", [hazard(部位="北门")])
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    [kept] = history_folder(register).glob("*.xlsx")
    assert kept.name.startswith("全校隐患台账.20231218-173005.")


@pytest.mark.parametrize("owner", [".~lock.全校隐患台账.xlsx#", "~$全校隐患台账.xlsx"])
def test_a_register_open_in_an_office_suite_is_said_to_show_the_old_one(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, owner: str
) -> None:
    """LibreOffice (.~lock.NAME#), Excel and WPS (~$NAME) mark a file they hold open: the
    register replaced under a window that shows the old one (saving it writes it back)."""
    six_departments(campaign, chdir_tmp / "回收")
    first = runner.invoke(app, ["collect", "回收", *AS_OF])
    assert "正在 WPS、Excel 或 LibreOffice 中打开" not in first.output
    (chdir_tmp / owner).write_bytes(b"")
    again = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(again.output.split())
    assert again.exit_code == 0 and "全校隐患台账.xlsx正在WPS、Excel或LibreOffice中打开" in said


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_a_read_only_register_is_not_replaced(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    register = chdir_tmp / "全校隐患台账.xlsx"
    register.chmod(stat.S_IRUSR | stat.S_IRGRP)
    before = register.read_bytes()
    result = runner.invoke(app, ["collect", "回收", *AS_OF])
    assert result.exit_code == 2 and "只读" in result.output
    assert register.read_bytes() == before


def test_an_output_path_blocked_by_a_file_is_exit_2_naming_it(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [closed()])
    (chdir_tmp / "挡路").write_text("x")
    for args in (
        ["collect", "回收", *AS_OF, "--out", "挡路/台账.xlsx"],
        ["issue", "--out", "挡路/发放"],
        ["report", "回收", *AS_OF, "--out", "挡路/汇报.xlsx"],
        ["remind", "回收", *AS_OF, "--out", "挡路/通知"],
        ["init", "--out", "挡路/campaign.toml"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        said = "".join(result.output.split())
        assert "挡路是一个文件，这里需要的是文件夹" in said, result.output
        assert "Traceback" not in result.output


def test_a_full_disk_is_one_line_naming_the_file(tmp_path: Path) -> None:
    def fill(tmp: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(HuitoukanError, match="台账.xlsx：磁盘空间不足"):
        write_atomically(tmp_path / "台账.xlsx", fill)
    assert list(tmp_path.iterdir()) == []


def test_an_output_that_is_a_folder_is_refused(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [closed()])
    (chdir_tmp / "汇报.xlsx").mkdir()
    result = runner.invoke(app, ["report", "回收", *AS_OF, "--out", "汇报.xlsx"])
    assert result.exit_code == 2 and "文件夹" in result.output


def test_output_names_get_their_extension(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [closed()])
    assert runner.invoke(app, ["collect", "回收", *AS_OF, "--out", "台账"]).exit_code == 0
    assert (chdir_tmp / "台账.xlsx").is_file() and not (chdir_tmp / "台账").exists()
    result = runner.invoke(app, ["report", "台账.xlsx", *AS_OF, "--out", "汇报"])
    assert result.exit_code == 0 and (chdir_tmp / "汇报.xlsx").is_file()
    assert "汇报.xlsx" in result.output
    assert runner.invoke(app, ["init", "--out", "本校配置"]).exit_code == 0
    assert (chdir_tmp / "本校配置.toml").is_file()


@pytest.mark.parametrize("typed", ["12/20", "12-20", "12月20日", "2023-12-20", "2023年12月20日"])
def test_month_day_dates_take_the_campaigns_year(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, typed: str
) -> None:
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    result = runner.invoke(app, ["status", "回收", "--as-of", typed, "--json"])
    assert result.exit_code == 0, result.output
    assert '"as_of": "2023-12-20"' in result.stdout


def test_a_date_that_is_not_one_is_refused_with_an_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["status", "--as-of", "十二月"])
    assert result.exit_code == 2 and "12月20日" in result.output


def test_every_command_that_judges_dates_says_which_day_it_used(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    for args in (["collect", "回收"], ["status"], ["remind"], ["report"]):
        result = runner.invoke(app, [*args, "--as-of", "12/20"])
        assert result.exit_code in (0, 1), result.output
        assert "统计日期" in result.output and "2023年12月20日" in result.output, args


def test_an_internal_error_says_so_in_chinese_and_exits_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], chdir_tmp: Path
) -> None:
    """A defect of huitoukan's own (not a bad file, not a bad option): the traceback for
    the maintainer, a Chinese line for the clerk, and an exit code of its own."""
    import huitoukan.actions.state as state
    from huitoukan.cli.app import INTERNAL_ERROR, main

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(state, "status_of", broken)
    monkeypatch.setattr("sys.argv", ["huitoukan", "status"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == INTERNAL_ERROR == 3
    err = capsys.readouterr().err
    assert "RuntimeError: boom" in err
    assert "程序内部错误（RuntimeError）" in err


def test_ctrl_c_says_so_in_chinese_and_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], chdir_tmp: Path
) -> None:
    """Ctrl-C in the middle of a command: one Chinese line (Typer said nothing at all)."""
    import huitoukan.actions.state as state
    from huitoukan.cli.app import INTERRUPTED, main

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(state, "status_of", interrupted)
    monkeypatch.setattr("sys.argv", ["huitoukan", "status"])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == INTERRUPTED == 130
    assert "已中断。写出的文件都是整份替换" in capsys.readouterr().err


def test_ctrl_c_while_the_command_starts_says_so_in_chinese(tmp_path: Path) -> None:
    """Ctrl-C in the tenth of a second the command imports typer and rich: the same line
    and exit code, not Python's English traceback (the launcher imports nothing first)."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "class Stop:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'typer':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Stop())\n"
        "from huitoukan.__main__ import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "status"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},  # a console that is not UTF-8
    )
    assert done.returncode == 130
    assert (
        done.stderr.decode("utf-8")
        == "\n已中断。写出的文件都是整份替换，不会只写一半；需要时重新运行即可。\n"
    )


@pytest.mark.parametrize("args", [["--help"], ["init", "-o", "c.toml"]])
def test_output_closed_early_is_not_exit_1(tmp_path: Path, args: list[str]) -> None:
    """`huitoukan … | head`: the pipe closed before the command wrote (Typer's and rich's
    own way out was exit 1, "problems found"): 141, as a shell reports SIGPIPE."""
    import subprocess
    import sys

    started = subprocess.Popen(
        [sys.executable, "-m", "huitoukan", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert started.stdout is not None and started.stderr is not None
    started.stdout.close()  # before it has imported anything, let alone written
    with started.stderr:
        said = started.stderr.read()
    assert (started.wait(), said) == (141, b"")


def test_chinese_reaches_a_console_that_is_not_utf8(tmp_path: Path) -> None:
    """A Windows console set to another code page: the command writes UTF-8 all the same,
    through the launcher the installed `huitoukan` command runs."""
    import subprocess
    import sys
    from importlib.metadata import entry_points

    (script,) = entry_points(group="console_scripts", name="huitoukan")
    assert script.value == "huitoukan.__main__:main"
    done = subprocess.run(
        [sys.executable, "-m", "huitoukan", "status"],
        cwd=tmp_path,
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
    )
    assert done.returncode == 2
    assert "错误：找不到 全校隐患台账.xlsx" in (done.stdout + done.stderr).decode("utf-8")


def test_a_register_changed_by_hand_is_said_to_be(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """Someone deletes a hazard from the register itself: status counts it as it now
    stands, and says the register was changed since collect wrote it; the report and the
    letters, which went out with the hazard gone and no mark (clerk trial 107), are
    refused until collect has restored it. Saved again unchanged by another program, or
    sorted, it was said to be changed (trial 107): it is not."""
    from openpyxl import load_workbook

    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    assert "被改动过" not in runner.invoke(app, ["status", *AS_OF]).output
    register = chdir_tmp / "全校隐患台账.xlsx"
    wb = load_workbook(register)
    sheet = wb["隐患台账"]
    header = next(r for r in range(1, 6) if sheet.cell(r, 1).value == "序号")
    last = [cell.value for cell in sheet[sheet.max_row]]
    sheet.move_range(f"A{header + 1}:{get_column_letter(sheet.max_column)}{sheet.max_row - 1}", 1)
    for column, value in enumerate(last, start=1):  # the last row first: sorted
        sheet.cell(header + 1, column).value = value
    wb.save(register)
    for command in ("status", "report"):
        result = runner.invoke(app, [command, *AS_OF])
        assert result.exit_code in (0, 1) and "被改动过" not in result.output, command
    wb = load_workbook(register)
    wb["隐患台账"].delete_rows(header + 2)
    wb.save(register)
    said = "".join(runner.invoke(app, ["status", *AS_OF]).output.split())
    assert "全校隐患台账.xlsx在上次汇总（collect）之后被改动过" in said
    assert "（改动后的台账另存备份）" in said  # collect keeps the edited one (trial 108)
    shown = json.loads(runner.invoke(app, ["status", *AS_OF, "--json"]).stdout)
    assert shown["register_edited"] is True  # as data too (clerk trial 179 AF8)
    from tests.helpers import findings_list

    found = [
        {"问题编号": "SC-01", "问题来源": "市级抽查", "部位": "食堂", "问题描述": "灭火器过期"}
    ]
    inspected = findings_list(chdir_tmp / "市级抽查.xlsx", found)
    for command, what in (
        (["report"], "工作汇报"),
        (["remind"], "催报督办通知"),
        # ... and the archive pages and the 追责 lists, from which a department was
        # blamed for a problem its return had found (clerk trial 112)
        (["sample", "--all"], "一问题一档案"),
        (["crosscheck", str(inspected)], "追责核查表"),
    ):
        refused = runner.invoke(app, [*command, *AS_OF])
        text = "".join(refused.output.split())
        assert refused.exit_code == 2, command
        assert f"之后被手工改动过，未写出{what}" in text and "请先运行huitoukancollect" in text
    again = "".join(runner.invoke(app, ["collect", "回收", *AS_OF]).output.split())
    assert "原文件已备份为" in again and "手工改动没有带入新台账" in again
    assert runner.invoke(app, ["report", *AS_OF]).exit_code == 0
    assert runner.invoke(app, ["crosscheck", str(inspected), *AS_OF]).exit_code in (0, 1)
    assert (chdir_tmp / "追责核查.xlsx").is_file() and not (chdir_tmp / "抽查档案.xlsx").exists()


def test_a_register_saved_again_unchanged_is_not_changed_by_hand_whatever_it_holds(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A register holding a 销号时间 that was not taken (无法识别) and the hazards of a
    department renamed since, opened and saved again unchanged: report, remind and sample
    refused it as changed by hand (what the sheets do not show — why the date was not
    taken, the name the 隐患编号 was made with — read back otherwise: clerk trial 134)."""
    from openpyxl import load_workbook

    undated = closed(部位="食堂", 销号时间="2023-11-31")
    filled_form(campaign, "学生工作处", chdir_tmp / "回收" / "学工处.xlsx", [hazard(), undated])
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    text = default_campaign_text().replace(
        'name = "学生工作处"', 'name = "学生处"\nformerly = "学生工作处"', 1
    )
    (chdir_tmp / "campaign.toml").write_text(text, "utf-8")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    register = chdir_tmp / "全校隐患台账.xlsx"
    load_workbook(register).save(register)  # opened and saved, nothing changed
    for command in (["report"], ["remind"], ["status"], ["collect", "回收"]):
        result = runner.invoke(app, [*command, *AS_OF])
        assert result.exit_code in (0, 1) and "被改动过" not in result.output, result.output
    # collect keeps it aside all the same, saying nothing of its hazards was changed (it
    # said the edits were not carried over: clerk trial 137)
    said = "".join(result.output.split())
    assert "用其他软件打开保存过，隐患和报送情况没有改动" in said and "手工改动" not in said


@pytest.mark.parametrize("typed", [45270, "2023年12月10日", "2023/12/10"])
def test_a_day_typed_into_the_register_by_hand_is_read(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign, typed: object
) -> None:
    """A 销号时间 typed into the register in LibreOffice, in a cell of no date format (the
    day's number, 45270) or as words: status refused the whole register, “无法读取（Invalid
    isoformat string: '45270'）” (clerk trial 117). Read as a return's dates are; a cell
    that is no date is named."""
    from openpyxl import load_workbook

    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    register = chdir_tmp / "全校隐患台账.xlsx"
    for value, readable in ((typed, True), ("下周", False)):
        wb = load_workbook(register)
        sheet = wb["隐患台账"]
        header = next(r for r in range(1, 6) if sheet.cell(r, 1).value == "序号")
        columns = {sheet.cell(header, c).value: c for c in range(1, sheet.max_column + 1)}
        row = next(r for r in range(header + 1, sheet.max_row + 1)
                   if sheet.cell(r, columns["整改完成情况"]).value == "整改中")  # fmt: skip
        sheet.cell(row, columns["整改完成情况"]).value = "已完成"
        sheet.cell(row, columns["销号时间"]).value = value
        wb.save(register)
        result = runner.invoke(app, ["status", "--json", *AS_OF])
        if readable:
            assert result.exit_code in (0, 1), result.output
            continue
        said = "".join(result.output.split())
        assert result.exit_code == 2 and "无法读取（“下周”不是日期）" in said


def test_the_last_register_of_each_day_counted_is_kept_too(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """Collected three times as of 12月18日, then more than the history's depth as of
    12月20日: the register of 12月18日 (the due date's, say) was gone within a day or two
    (clerk trial 40). The last one of each 统计日期 stays."""
    six_departments(campaign, chdir_tmp / "回收")
    days = ["2023-12-18"] * 3 + ["2023-12-20"] * (HISTORY_VERSIONS + 1)
    for n, day in enumerate(days):
        rows = [hazard(部位=f"第{n}处"), closed(部位="食堂")]
        filled_form(campaign, "附属医院", chdir_tmp / "回收" / "附属医院.xlsx", rows)
        assert runner.invoke(app, ["collect", "回收", "--as-of", day]).exit_code == 0
    kept = sorted(p.name for p in history_folder(chdir_tmp / "全校隐患台账.xlsx").glob("*.xlsx"))
    of_18th = [name for name in kept if ".统计2023-12-18." in name]
    assert len(kept) == HISTORY_VERSIONS + 1 and len(of_18th) == 1
    assert kept[0] == of_18th[0]  # the last of that day, older than the five kept


def test_a_review_folder_left_out_the_day_a_return_comes_is_refused(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """collect 回收 复查, then, the next day, a new return in 回收 and `collect 回收` alone: the
    review form's verdicts went without a word (已销号 4 → 0, a report of it), the files
    counted no fewer (clerk trial 119). Refused, naming the review form and the folder to
    give; a return renamed (its bytes read under another name) is not one gone."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(chdir_tmp)
    assert runner.invoke(app, ["collect", "回收", "复查", *AS_OF]).exit_code in (0, 1)
    (chdir_tmp / "回收" / "学工处.xlsx").rename(chdir_tmp / "回收" / "学生工作处.xlsx")
    assert runner.invoke(app, ["collect", "回收", "复查", *AS_OF]).exit_code in (0, 1)
    shutil.copy(chdir_tmp / "回收" / "附属医院.xlsx", chdir_tmp / "回收" / "附属医院-补报.xlsx")
    (chdir_tmp / "回收" / "学生工作处.xlsx").rename(chdir_tmp / "回收" / "学工处-最新.xlsx")
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    assert "少了报送文件1份：复查" in said and "请把复查文件夹一并给出" in said
    assert "学生工作处.xlsx" not in said  # renamed, not gone (it was listed: trial 120)


def test_a_returns_folder_left_out_is_asked_for_not_said_taken_out(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """`collect 回收` after `collect 回收 第二轮回收`: refused, but told “被替换的旧版本不要删除
    或移出，可移到 第二轮回收/旧版本” — the files were there, the folder left out of the
    command (clerk trial 120). Asked for."""
    from datetime import date

    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    filled_form(campaign, "附属医院", chdir_tmp / "第二轮回收" / "医院-二.xlsx", [closed()],
                form_date=date(2023, 12, 18))  # fmt: skip
    assert runner.invoke(app, ["collect", "回收", "第二轮回收", *AS_OF]).exit_code in (0, 1)
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2 and "这些文件还在原处：请把第二轮回收文件夹一并给出" in said
    # the command to run, not “如 huitoukan collect 回收 复查” whatever is missing (trial 121)
    assert "（huitoukancollect回收第二轮回收）" in said
    assert "旧版本不要删除" not in said


def test_the_folders_asked_for_are_the_outermost_and_none_inside_a_zip(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """`collect 回收/WeChat Files` after `collect 回收`: refused, and told to give
    “回收、回收/第一批、回收/总务基建处.zip/总务基建处 文件夹” — a folder inside a zip, which
    the command suggested could not find, and 回收's own sub-folders (clerk trial 149)."""
    import io
    import zipfile

    returns = chdir_tmp / "回收"
    filled_form(campaign, "附属医院", returns / "医院.xlsx", [hazard()])
    filled_form(campaign, "学生工作处", returns / "第一批" / "学工处.xlsx", [hazard()])
    filled_form(campaign, "安全保卫处", returns / "WeChat Files" / "保卫处.xlsx", [hazard()])
    form = filled_form(campaign, "总务基建处", chdir_tmp / "总务.xlsx", [hazard()])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(form, "总务基建处/总务.xlsx")
    (returns / "总务基建处.zip").write_bytes(buffer.getvalue())
    form.unlink()
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    refused = runner.invoke(app, ["collect", str(returns / "WeChat Files"), *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2 and "这些文件还在原处：请把回收文件夹一并给出" in said, said
    assert "（huitoukancollect回收）" in said  # what it holds given, or not


def test_a_zipped_return_taken_out_is_told_to_go_beside_its_archive(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """信息中心's return came zipped; the zip taken out, the refusal said old versions could
    go to 回收/信息中心.zip/旧版本 — a folder inside the archive (clerk trial 117)."""
    import zipfile

    returns = chdir_tmp / "回收"
    returns.mkdir()
    form = filled_form(campaign, "总务基建处", chdir_tmp / "总务基建处.xlsx", [hazard()])
    with zipfile.ZipFile(returns / "总务.zip", "w") as archive:
        archive.write(form, "总务基建处.xlsx")
    form.unlink()
    filled_form(campaign, "附属医院", returns / "医院.xlsx", [hazard()])  # another is left
    # and the department's newer version (the zip, its only return, is asked back: trial 128)
    filled_form(campaign, "总务基建处", returns / "总务-新.xlsx", [closed()],
                form_date=date(2023, 12, 18))  # fmt: skip
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    (returns / "总务.zip").rename(chdir_tmp / "总务.zip")
    said = "".join(runner.invoke(app, ["collect", "回收", *AS_OF]).output.split())
    assert f"可移到{Path('回收') / '旧版本'}这样的子文件夹中" in said


def test_an_old_version_taken_out_names_what_force_would_drop(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """总务基建处's first version listed 配电室's clutter, its second no longer does, not
    closed: the register holds it. The clerk moved the old version out to tidy up; collect
    refused, and --force, as it said, dropped the hazard without naming it, and a 追责 went
    with it (clerk trial 107). The refusal names it and says where old versions can go:
    there they are read, and nothing is lost."""
    from datetime import date

    returns = chdir_tmp / "回收"
    room = hazard(部位="配电室", 存在隐患问题="堆放杂物")
    first = filled_form(
        campaign, "总务基建处", returns / "总务基建处.xlsx", [hazard(), room],
        form_date=date(2023, 12, 12),
    )  # fmt: skip
    filled_form(
        campaign, "总务基建处", returns / "总务基建处-改.xlsx", [hazard()],
        form_date=date(2023, 12, 14),
    )  # fmt: skip
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    tidied = chdir_tmp / "旧文件.xlsx"
    first.rename(tidied)
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    assert "其中1项隐患只有这些文件中有（配电室：堆放杂物）" in said
    assert f"可移到{Path('回收') / '旧版本'}这样的子文件夹中" in said
    (returns / "旧版本").mkdir()
    tidied.rename(returns / "旧版本" / "总务基建处.xlsx")
    moved = runner.invoke(app, ["collect", "回收", *AS_OF])
    assert moved.exit_code in (0, 1), moved.output
    shown = runner.invoke(app, ["status", "--all", *AS_OF])
    assert "堆放杂物" in shown.stdout


def test_a_report_open_in_an_office_suite_is_said_to_be(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """The report open in LibreOffice when `report` wrote it anew: its window showed the
    old one, and nothing said so, as it is said of the register (clerk trial 107)."""
    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    first = runner.invoke(app, ["report", *AS_OF])
    assert first.exit_code == 0 and "正在WPS" not in "".join(first.output.split())
    (chdir_tmp / ".~lock.回头看工作汇报.xlsx#").write_text("王敏,localhost", "utf-8")
    again = runner.invoke(app, ["report", *AS_OF])
    assert again.exit_code == 0
    assert "回头看工作汇报.xlsx正在WPS、Excel或LibreOffice中打开" in "".join(again.stderr.split())


def test_a_return_written_over_in_place_is_said_to_be(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A 责任人 filled into a return already collected, in the file itself: collected
    again without a word, the signed return no longer what it was (clerk trial 107)."""
    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    same = runner.invoke(app, ["collect", "回收", *AS_OF])
    assert "改写过" not in "".join(same.output.split())
    rows = [hazard(责任人="周明"), closed(部位="食堂")]
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "附属医院.xlsx", rows)
    again = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(again.stderr.split())
    assert again.exit_code == 0
    assert f"有1份报表在原文件上改写过（{Path('回收') / '附属医院.xlsx'}）" in said
    assert "改写过" not in "".join(runner.invoke(app, ["collect", "回收", *AS_OF]).output.split())


def test_last_years_register_is_not_collected_into(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """The second year's campaign.toml written in last year's folder: collect was refused
    for “fewer departments”, and --force, as it said, carried last year's 报送截止 into this
    year's report; status advised to collect first, then said the register was another
    campaign's (clerk trial 109). Collect says whose register it is; status says only that."""
    toml = chdir_tmp / "campaign.toml"
    toml.write_text(default_campaign_text(), "utf-8")
    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    followup = ["issue", "--followup", "全校隐患台账.xlsx", "--date", "2023-12-21", "-o", "二"]
    assert runner.invoke(app, followup).exit_code == 0  # a round recorded beside it
    text = toml.read_text("utf-8")
    assert "returns_due = 2023-12-15" in text and "〔2023〕" in text
    toml.write_text(
        text.replace("〔2023〕", "〔2024〕").replace(
            "returns_due = 2023-12-15", "returns_due = 2023-12-18"
        ),
        "utf-8",
    )
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    assert (
        "〔2023〕" in said and "的台账，而这次用的活动配置是" in said and "新的工作文件夹" in said
    )
    # the new year's forms issued there: said whose folder it is (nothing was: trial 128)
    issued = runner.invoke(app, ["issue", "-o", "发放2024"])
    said = "".join(issued.stderr.split())
    assert (
        issued.exit_code == 0
        and "〔2023〕" in said
        and "的台账，而campaign.toml现在是另一次活动" in said
    )
    shown = runner.invoke(app, ["status", *AS_OF])
    said = "".join(shown.output.split())
    assert shown.exit_code == 2 and "的台账，而这次用的活动配置是" in said
    assert "新一次活动请在新的工作文件夹中开始" in said  # (only “run it there”: trial 111)
    assert "内置默认活动" not in said  # a campaign.toml is there (said of it: trial 128)
    assert "campaign.toml现为" not in said  # (advised to collect, which was refused)
    assert runner.invoke(app, ["collect", "回收", *AS_OF, "--force"]).exit_code == 0
    # rebuilt: last year's 报送截止 is not this year's “原定” one, its rounds not chased
    # (trial 110)
    status = json.loads(runner.invoke(app, ["status", *AS_OF, "--json"]).stdout)
    assert status["rounds"] == [] and status["dues_before"] == []
    assert runner.invoke(app, ["report", *AS_OF]).exit_code == 0
    texts = "".join(
        str(v) for row in load_workbook("回头看工作汇报.xlsx").active.iter_rows(values_only=True)
        for v in row if v
    )  # fmt: skip
    assert "原定" not in texts


def test_last_years_register_copied_over_this_years_is_said_to_be(
    runner: CliRunner,
    chdir_tmp: Path,
    campaign: Campaign,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Last year's 全校隐患台账.xlsx copied into this year's folder over this year's: status
    said whose it was, collect blamed the returns folder (“少了部门…选了其他活动的报表文件
    夹”) and, with --force, called it a register edited by hand (clerk trial 211 BK7)."""
    last, this = chdir_tmp / "2022回头看", chdir_tmp / "2023回头看"
    for folder, number in ((last, "〔2022〕"), (this, "〔2023〕")):
        folder.mkdir()
        text = default_campaign_text()
        assert "〔2023〕" in text
        (folder / "campaign.toml").write_text(text.replace("〔2023〕", number), "utf-8")
        six_departments(campaign, folder / "回收")
        if folder == last:  # (last year's hazards were not this year's)
            filled_form(
                campaign, "附属医院", folder / "回收" / "附属医院.xlsx", [hazard(部位="药房")]
            )
        monkeypatch.chdir(folder)
        assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    shutil.copy(last / "全校隐患台账.xlsx", this / "全校隐患台账.xlsx")
    shown = runner.invoke(app, ["status", *AS_OF])
    assert shown.exit_code == 2
    assert "复制过来、放错了的，请运行huitoukancollect加--force" in "".join(shown.output.split())
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2, refused.output
    assert (
        "〔2022〕" in said
        and "的台账（旁边没有它的汇总记录，可能是从那次活动的文件夹复制来的）" in said
    )
    assert "少了" not in said and "--force按这次的报表重建" in said
    forced = runner.invoke(app, ["collect", "回收", *AS_OF, "--force"])
    said = "".join(forced.stderr.split())
    assert forced.exit_code == 0
    assert "〔2022〕" in said and "的台账，不是本次活动的，已备份为" in said
    assert "手工改动" not in said
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0  # this year's now


def test_a_return_saved_over_by_next_years_form_is_said_to_be(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """Next year's 附属医院 form saved into this year's 回收 over its return (the same file
    name): collect said only “其文件是其他活动的表格” and offered --force, which dropped the
    department's hazards (clerk trial 211 BK9). Said to be written over, --force advised
    against."""
    from huitoukan.model.documents import form_subject

    six_departments(campaign, chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code == 0
    path = chdir_tmp / "回收" / "附属医院.xlsx"
    filled_form(campaign, "附属医院", path, [hazard(部位="药房")], form_date=date(2024, 11, 20))
    book = load_workbook(path)
    book.properties.subject = form_subject(campaign.info.title, "", date(2024, 11, 1))
    book.save(path)
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    assert (
        "上次汇总时是附属医院的报表，现在是另一次活动的表格（这是之后一次活动的表格（2024年11月1日印发）"
        in said
    )
    assert "像是被那次活动的同名表格覆盖了" in said and "不要加--force" in said


def test_collecting_the_whole_folder_once_asks_for_no_blank_form_after(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """`collect .` in the campaign's folder read the 发放 folder's blank forms, the
    交办问题清单 and the 复查验收表 not filled in; every `collect 回收 复查` after it was
    refused for leaving them out, --force the only way on (clerk trial 121). The register is
    made of the returns and filled 复查验收表 alone; only those are asked for."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(chdir_tmp)
    assert runner.invoke(app, ["issue"]).exit_code == 0
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    assert runner.invoke(app, ["review", *AS_OF]).exit_code == 0
    assert (chdir_tmp / "复查验收表.xlsx").is_file()
    whole = runner.invoke(app, ["collect", ".", *AS_OF])
    assert whole.exit_code in (0, 1), whole.output
    again = runner.invoke(app, ["collect", "回收", "复查", *AS_OF])
    assert again.exit_code in (0, 1), again.output
    assert "少了" not in again.output
    (chdir_tmp / "复查" / "复查验收表（安全保卫处已填）.xlsx").rename(chdir_tmp / "旧.xlsx")
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])  # its verdicts, still asked for
    assert refused.exit_code == 2 and "复查验收表" in refused.output


def test_a_review_form_filled_where_it_was_written_is_asked_for(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """The clerk fills in 复查验收表.xlsx where `review` wrote it and collects 回收 复查: its
    verdicts were not taken, and nothing pointed at the form (clerk trial 121). Said, with
    the command that takes them; not once the form is in 复查, nor while it is blank."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(chdir_tmp)
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    assert runner.invoke(app, ["review", *AS_OF]).exit_code == 0
    blank = runner.invoke(app, ["collect", "回收", "复查", *AS_OF])
    assert "复查验收表.xlsx" not in "".join(blank.output.split())
    form = chdir_tmp / "复查验收表.xlsx"
    verdicts = _fill_review_in_place(form)
    left = runner.invoke(app, ["collect", "回收", "复查", *AS_OF])
    said = "".join(left.output.split())
    assert f"当前文件夹中的复查验收表.xlsx已填写了{verdicts}项复查结论，这次没有汇总" in said
    assert "再运行huitoukancollect回收复查" in said
    form.rename(chdir_tmp / "复查" / form.name)
    taken = runner.invoke(app, ["collect", "回收", "复查", *AS_OF])
    assert "这次没有汇总" not in "".join(taken.output.split())


def test_an_archive_of_the_work_folder_left_out_is_asked_for_by_name(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A department's .zip saved in the work folder, collected by name, then left out: the
    refusal asked for the work folder “.” — or, for an archive there, for nothing at all
    (clerk trial 125)."""
    import zipfile

    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    form = filled_form(campaign, "学生工作处", chdir_tmp / "学工处.xlsx", [hazard()])
    with zipfile.ZipFile(chdir_tmp / "学工处.zip", "w") as archive:
        archive.write(form, "学工处.xlsx")
    form.unlink()
    assert runner.invoke(app, ["collect", "回收", "学工处.zip", *AS_OF]).exit_code in (0, 1)
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    assert "请把学工处.zip一并给出（huitoukancollect回收学工处.zip）" in said, said
    # the name apart from the words after it (“学工处.zip一并给出”: clerk trial 128)
    assert re.search(r"学工处\.zip\s+一并给出", refused.output), refused.output


def test_a_duplicate_left_out_loses_nothing_and_is_not_refused(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A zipped copy of a return already in 回收, collected once (重复报送), then left out:
    refused as “少了报送文件 1 份”, naming no file, --force said to drop hazards and photos
    (nothing was lost: its bytes are read from 回收; clerk trial 128)."""
    import zipfile

    form = filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    with zipfile.ZipFile(chdir_tmp / "医院报表.zip", "w") as archive:
        archive.write(form, "医院.xlsx")
    assert runner.invoke(app, ["collect", "回收", "医院报表.zip", *AS_OF]).exit_code in (0, 1)
    again = runner.invoke(app, ["collect", "回收", *AS_OF])
    assert again.exit_code in (0, 1), again.output
    [row] = sheet_rows(chdir_tmp / "全校隐患台账.xlsx", HAZARD_SHEET)
    assert row["部门"] == "附属医院"


def test_a_departments_only_return_taken_away_is_asked_back_not_called_an_old_version(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """学工处's only return zipped into the work folder and deleted from 回收: the refusal
    called it “被替换的旧版本”, to be moved to 回收/旧版本 (clerk trial 128)."""
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    form = filled_form(campaign, "学生工作处", chdir_tmp / "回收" / "学工处.xlsx", [hazard()])
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    form.unlink()
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    assert "报送文件1份：回收/学工处.xlsx" in said
    assert "这份文件已不在原处（被移走或删除）：请放回原处后重新汇总" in said, said
    assert "旧版本" not in said


def test_the_newest_returns_folder_renamed_and_left_out_is_not_called_old_versions(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """第二轮 (附属医院's newer version) renamed 二轮 and left out: the refusal called its
    files “被替换的旧版本”, to be kept in 第二轮/旧版本, a folder gone (clerk trial 133): they
    are the version in use, their folder gone — perhaps renamed."""
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    newer = date(2023, 12, 16)
    filled_form(
        campaign, "附属医院", chdir_tmp / "第二轮" / "医院.xlsx", [closed()], form_date=newer
    )
    assert runner.invoke(app, ["collect", "回收", "第二轮", *AS_OF]).exit_code in (0, 1)
    (chdir_tmp / "第二轮").rename(chdir_tmp / "二轮")
    refused = runner.invoke(app, ["collect", "回收", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    assert (
        "这份文件已不在原处（第二轮文件夹已不在，可能改了名）：请把改名后的文件夹一并给出，或放回原处"
        in said
    ), said
    assert "旧版本" not in said


def _fill_review_in_place(form: Path) -> int:
    """Every hazard of the 复查验收表 at `form` passed, as an office suite saves it."""
    wb = load_workbook(form)
    sheet = wb.worksheets[0]
    header = next(r for r in sheet.iter_rows() if any(c.value == "复查结论" for c in r))
    column = {c.value: c.column for c in header}
    rows = [
        r for r in range(header[0].row + 1, sheet.max_row + 1)
        if str(sheet.cell(r, column["隐患编号"]).value or "").startswith("H")
    ]  # fmt: skip
    for r in rows:
        sheet.cell(r, column["复查人"]).value = "张科长"
        sheet.cell(r, column["复查时间"]).value = datetime(2023, 12, 19)
        sheet.cell(r, column["复查结论"]).value = "合格"
    wb.save(form)
    return len(rows)


def test_a_review_form_filled_where_it_was_written_is_not_replaced_by_the_next(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """The clerk fills 复查验收表.xlsx in place and collects it by name; a week later `review`
    kept it as 复查验收表.备份-….xlsx and wrote a blank one over it: every collect after was
    refused for its verdicts, and told to give “.”, the work folder (clerk trial 125). The
    filled form is moved into 复查, where collect reads it."""
    from huitoukan.campaign import parse_campaign
    from scripts.readme_walkthrough import copy_examples

    copy_examples(chdir_tmp)
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    assert runner.invoke(app, ["review", *AS_OF]).exit_code == 0
    form = chdir_tmp / "复查验收表.xlsx"
    verdicts = _fill_review_in_place(form)
    by_name = ["collect", "回收", "复查", "复查验收表.xlsx", *AS_OF]
    assert runner.invoke(app, by_name).exit_code in (0, 1)
    before = json.loads(runner.invoke(app, ["status", "--json", *AS_OF]).stdout)["totals"]
    refused = runner.invoke(app, ["collect", "回收", "复查", *AS_OF])  # given by name: asked for
    said = "".join(refused.output.split())  # so, not its folder, the work folder (trial 125)
    assert refused.exit_code == 2
    assert "请把复查验收表.xlsx一并给出（huitoukancollect回收复查复查验收表.xlsx）" in said
    # (not “少了的…复查结论也不再计入”, as if dropped already: clerk trial 171 X9)
    assert "（不一并汇总的话，其中复查验收表的复查结论也不再计入）" in said, said
    campaign = parse_campaign((chdir_tmp / "campaign.toml").read_text("utf-8"), "c.toml")
    filled_form(campaign, "学院警务室", chdir_tmp / "回收" / "警务室.xlsx", [closed(部位="值班室")])
    assert runner.invoke(app, by_name).exit_code in (0, 1)
    again = runner.invoke(app, ["review", *AS_OF])
    assert again.exit_code == 0
    moved = chdir_tmp / "复查" / "复查验收表（已填）.xlsx"
    said = "".join(again.output.split())
    assert (
        f"原复查验收表.xlsx已填写了{verdicts}项复查结论，已移到复查{os.sep}复查验收表（已填）.xlsx"
        in said
    )
    assert moved.is_file() and not list(chdir_tmp.glob("复查验收表.备份*"))
    for command in (by_name, ["collect", "回收", "复查", *AS_OF]):
        taken = runner.invoke(app, command)
        assert taken.exit_code in (0, 1), taken.output
        totals = json.loads(runner.invoke(app, ["status", "--json", *AS_OF]).stdout)["totals"]
        assert totals["closed"] == before["closed"]


def test_a_folder_renamed_and_another_left_out_is_refused(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """第二轮回收 renamed 第二轮报回 and 第三轮回收 forgotten: the renamed files' bytes made up
    the count, and the register was written without the third round (its reviews undone, its
    closures lost: clerk trial 132). Renamed and nothing left out, it is not refused."""
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard()])
    filled_form(campaign, "附属医院", chdir_tmp / "第二轮回收" / "医院-二.xlsx",
                [hazard(部位="药房")], form_date=date(2023, 12, 16))  # fmt: skip
    filled_form(campaign, "附属医院", chdir_tmp / "第三轮回收" / "医院-三.xlsx",
                [closed(部位="药房")], form_date=date(2023, 12, 18))  # fmt: skip
    filled_form(campaign, "学生工作处", chdir_tmp / "第二轮回收" / "学工.xlsx", [hazard()])
    every = ["回收", "第二轮回收", "第三轮回收"]
    assert runner.invoke(app, ["collect", *every, *AS_OF]).exit_code in (0, 1)
    (chdir_tmp / "第二轮回收").rename(chdir_tmp / "第二轮报回")
    refused = runner.invoke(app, ["collect", "回收", "第二轮报回", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2 and "医院-三.xlsx" in said, refused.output
    renamed = runner.invoke(app, ["collect", "回收", "第二轮报回", "第三轮回收", *AS_OF])
    assert renamed.exit_code in (0, 1), renamed.output


def test_review_names_the_folders_to_collect_with(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """review said “如 huitoukan collect 回收 复查” whatever the folders were called; typed as
    it stood: 找不到 回收 (clerk trial 131)."""
    text = default_campaign_text().replace("review_required = false", "review_required = true")
    assert "review_required = true" in text
    (chdir_tmp / "campaign.toml").write_text(text, "utf-8")
    filled_form(campaign, "附属医院", chdir_tmp / "回收 首轮" / "医院.xlsx", [closed()])
    assert runner.invoke(app, ["collect", "回收 首轮", *AS_OF]).exit_code in (0, 1)
    shown = runner.invoke(app, ["review", *AS_OF])
    assert '（huitoukancollect"回收首轮"复查）' in "".join(shown.output.split()), shown.output


def test_the_offices_own_list_names_the_folders_to_collect_with(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """本处待办 said “如 huitoukan collect 回收 复查” whatever the folders were called
    (clerk trial 132): the register's folders and 复查; read from the returns, their folder."""
    text = default_campaign_text().replace("review_required = false", "review_required = true")
    (chdir_tmp / "campaign.toml").write_text(text, "utf-8")
    filled_form(campaign, "附属医院", chdir_tmp / "回收 首轮" / "医院.xlsx", [closed()])
    assert runner.invoke(app, ["collect", "回收 首轮", *AS_OF]).exit_code in (0, 1)
    for sources in ([], ["回收 首轮"]):
        reminded = runner.invoke(app, ["remind", *sources, *AS_OF])
        assert reminded.exit_code == 0, reminded.output
        [own] = (chdir_tmp / "通知").glob("*本处待办*")
        said = "".join(own.read_text("utf-8").split())
        assert '与报表一起重新汇总（huitoukancollect"回收首轮"复查）' in said, said


def test_a_review_form_left_beside_the_folder_asked_for_is_pointed_to(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """collect 回收 复查 with the filled 复查验收表 left in the work folder: “找不到 复查：请检查
    文件夹或文件名” alone (clerk trial 136). Where the form is, and what to do, is said."""
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [closed()])
    (chdir_tmp / "复查验收表 12.19.xlsx").write_bytes(b"")
    refused = runner.invoke(app, ["collect", "回收", "复查", *AS_OF])
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    assert (
        "找不到复查：复查验收表12.19.xlsx在当前文件夹中：请新建复查文件夹，把填好的复查验收表放进去"
        in said
    )


def test_a_rename_written_as_an_alias_is_refused_by_every_command_of_the_register(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """总务基建处 renamed 后勤管理处 with its old name written as an alias, not formerly:
    collect refused, but status, remind, report and issue --followup ran on the register
    under the old name — 后勤管理处 尚未报送 in its 催报, its follow-up form empty (clerk
    trial 149). Each says how to write the rename, and writes nothing."""
    filled_form(campaign, "总务基建处", chdir_tmp / "回收" / "总务.xlsx", [hazard()])
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    text = default_campaign_text().replace(
        'name = "总务基建处"\naliases = ["总务处",',
        'name = "后勤管理处"\naliases = ["总务基建处", "总务处",',
        1,
    )
    assert text.count("后勤管理处") == 1
    (chdir_tmp / "campaign.toml").write_text(text, "utf-8")
    for command in (
        ["status"],
        ["remind", "-o", "通知"],
        ["report"],
        ["issue", "--followup", "全校隐患台账.xlsx", "--date", "2023-12-21", "-o", "跟进"],
    ):
        result = runner.invoke(app, [*command, *AS_OF] if command[0] != "issue" else command)
        said = "".join(result.output.split())
        assert result.exit_code == 2, (command, result.output)
        assert "“总务基建处”写作了“后勤管理处”的别名" in said, (command, said)
        assert 'formerly="总务基建处"，不写在别名中' in said
    assert not (chdir_tmp / "通知").exists() and not (chdir_tmp / "跟进").exists()
    # written as formerly, as told: collected again, every command runs
    (chdir_tmp / "campaign.toml").write_text(
        text.replace('aliases = ["总务基建处", ', 'formerly = "总务基建处"\naliases = ['), "utf-8"
    )
    assert runner.invoke(app, ["collect", "回收", *AS_OF]).exit_code in (0, 1)
    assert runner.invoke(app, ["status", *AS_OF]).exit_code == 0
