from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from huitoukan.campaign import Campaign
from huitoukan.cells import column_letter
from huitoukan.cli import app
from huitoukan.forms.layout import COLUMNS
from huitoukan.register.layout import HAZARD_SHEET
from tests.helpers import closed, filled_form, hazard, header_position, sheet_rows


def test_collect_clean_returns_exit_0(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [closed()])
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    assert result.exit_code == 0, result.output
    assert "附属医院" in result.output and "采用" in result.output
    assert "已报送 1/8 个部门；隐患 1 项，已销号 1" in result.output
    assert "逾期未报送：安全保卫处" in result.output
    assert (chdir_tmp / "全校隐患台账.xlsx").is_file()


def test_two_files_of_one_name_are_told_apart_by_their_folder(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A department's first return and its second round's, both 技校.xlsx: the table of
    files showed two rows of the same name, one 被新版本替代 and one 采用 (clerk trial 32)."""
    for folder, day in (("回收", 14), ("第二轮回收", 22)):
        filled_form(
            campaign,
            "高级技工学校",
            chdir_tmp / folder / "技校.xlsx",
            [closed()],
            form_date=date(2023, 12, day),
        )
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [closed()])
    result = runner.invoke(app, ["collect", "回收", "第二轮回收", "--as-of", "2023-12-26"])
    lines = result.output.splitlines()
    [first] = [line for line in lines if "回收/技校.xlsx" in line and "第二轮" not in line]
    [second] = [line for line in lines if "第二轮回收/技校.xlsx" in line]
    assert "被新版本替代" in first and "采用" in second
    assert any(line.startswith("医院.xlsx") for line in lines)  # a name of its own: alone


def test_files_keep_their_names_in_january(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """Collected on 1月2日, every 表头日期 took its year, and the names beside them shrank to
    “复查验收…填）.xlsx”, two files alike (clerk trial 123): a day of the year before the
    day judged is shown without it."""
    for name, department in (
        ("复查验收表（安全保卫处已填）", "安全保卫处"),
        ("复查验收表（第二次已填）", "附属医院"),
    ):
        filled_form(campaign, department, chdir_tmp / "回收" / f"{name}.xlsx", [closed()])
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2024-01-02"], env={"COLUMNS": "80"})
    shown = [line.split()[0] for line in result.output.splitlines() if line.startswith("复查")]
    assert len(set(shown)) == 2 and "复查验收表（第二次已填）.xlsx" in shown, shown
    assert "12月14日" in result.output and "2023年12月14日" not in result.output


def test_file_names_shortened_alike_are_shortened_around_what_tells_them_apart() -> None:
    """复查验收表（安全保卫处已填）.xlsx and 复查验收表（第二次已填）.xlsx in a narrow column both
    read 复查验收表（…已填）.xlsx (clerk trial 126)."""
    import io

    from rich.console import Console

    from huitoukan.cli.chinese import text_width
    from huitoukan.cli.render import _FileName

    names = ["复查验收表（安全保卫处已填）.xlsx", "复查验收表（第二次已填）.xlsx", "学工处.xlsx"]
    for width in (16, 20, 24):
        out = io.StringIO()
        console = Console(width=width, file=out)
        for name in names:
            console.print(_FileName(name, names))
        lines = out.getvalue().splitlines()
        assert len(set(lines)) == 3 and all(text_width(line) <= width for line in lines), lines
        assert "第二次" in lines[1] and "学工处.xlsx" == lines[2]
    out = io.StringIO()
    Console(width=40, file=out).print(_FileName(names[0], names))
    assert out.getvalue().strip() == names[0]  # whole when it fits


def test_a_form_date_is_shown_with_its_year_unless_it_is_of_the_year_before() -> None:
    from huitoukan.cli.render import _sent

    as_of = date(2024, 1, 2)
    assert _sent(date(2024, 1, 2), as_of, False) == "1月2日"
    assert _sent(date(2024, 1, 3), as_of, False) == "2024年1月3日"  # after the day judged
    assert _sent(date(2023, 1, 3), as_of, False) == "1月3日"
    assert _sent(date(2023, 1, 2), as_of, False) == "2023年1月2日"  # a year before
    assert _sent(date(2023, 12, 14), as_of, True) == "2023年12月14日"  # cannot be right
    assert _sent(None, as_of, False) == ""


def test_collect_with_errors_exit_1_and_names_cells(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", [hazard(责任人=None)])
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "-o", "out.xlsx"])
    assert result.exit_code == 1
    owner = column_letter([c.field for c in COLUMNS].index("owner"))
    assert f"自查整改清单!{owner}6" in result.output and "没有填写责任人" in result.output
    # ... and how to send them back marked (clerk trial 229 CC8)
    said = "".join(result.output.split())
    assert "可运行huitoukancollect回收-oout.xlsx--feedback退回" in said, result.output


def test_the_same_problem_in_several_cells_is_one_entry_naming_them(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """A form with many rows lacking the same thing: one line naming the cells, not the
    same sentence for each (63 of 83 entries of a first collect were one warning, clerk
    trial 48); the count and the register still have each of them."""
    rows = [hazard(责任人=None, 存在隐患问题=f"灭火器过期{n}") for n in range(14)]
    rows.insert(3, hazard(责任人=None, 存在隐患问题="插座老化", 整改时限="2023-13-01"))
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", rows)
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "-o", "out.xlsx"])
    owner = column_letter([c.field for c in COLUMNS].index("owner"))
    said = " ".join(result.output.split())
    cells = "、".join(f"{owner}{row}" for row in range(6, 16))
    assert f"错误 自查整改清单!{cells}等 15 处 责任人：隐患没有填写责任人" in said
    assert said.count("没有填写责任人") == 1
    assert "发现的问题（16）" in said and "另有" not in said
    deadline = column_letter([c.field for c in COLUMNS].index("deadline"))
    assert f"自查整改清单!{deadline}9 整改时限“2023-13-01”" in said  # a problem of its own


def test_a_sentence_about_one_row_said_of_several_says_so(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """Three rows with only a 整改措施: one entry naming the three cells says 这几行, not
    这一行 (clerk trial 98)."""
    path = chdir_tmp / "回收" / "医院.xlsx"
    filled_form(campaign, "附属医院", path, [hazard(), hazard(部位="食堂")])
    book = load_workbook(path)
    ws = book.worksheets[0]
    row, columns = header_position(ws)
    for r in (row + 3, row + 4, row + 5):
        ws.cell(r, columns["整改措施"]).value = f"措施{r}"
    book.save(path)
    said = " ".join(runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).output.split())
    assert "这几行填写了内容" in said and "这一行填写了内容" not in said
    assert "请补充或删除各行" in said


def test_collect_json_is_the_core_result(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    filled_form(
        campaign,
        "附属医院",
        chdir_tmp / "回收" / "医院.xlsx",
        [hazard(整改时限=date(2023, 12, 15))],
    )
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["files"][0]["department"] == "附属医院"
    # whom to call (recorded nowhere: clerk trial 76)
    assert [payload["files"][0][k] for k in ("head", "reporter", "phone")] == [
        "张主任",
        "李干事",
        "0632-1234567",
    ]
    assert payload["status"]["totals"]["overdue"] == 1
    assert payload["status"]["overdue"][0]["days_overdue"] == 5
    # the 隐患编号 the register shows: what the 追责核查's 对应自查 is filled with
    [row] = sheet_rows(chdir_tmp / "全校隐患台账.xlsx", HAZARD_SHEET)
    assert payload["status"]["overdue"][0]["hazard_id"] == row["隐患编号"] != ""


def test_collect_usage_errors_exit_2(runner: CliRunner, chdir_tmp: Path) -> None:
    assert runner.invoke(app, ["collect", "不存在的文件夹"]).exit_code == 2
    (chdir_tmp / "r").mkdir()
    bad_date = runner.invoke(app, ["collect", "r", "--as-of", "明天"])
    assert bad_date.exit_code == 2 and "--as-of" in bad_date.output
    assert runner.invoke(app, ["collect"]).exit_code == 2


def test_a_folder_without_any_return_is_said_to_be_perhaps_the_wrong_one(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """An empty 回收 (or one of other files only) gave a register of no return and exit 0
    without a word on it (clerk trial 39): it may be the wrong folder. A folder with a
    return in it is not warned."""
    (chdir_tmp / "回收").mkdir()
    (chdir_tmp / "回收" / "说明.txt").write_text("收件说明", "utf-8")
    empty = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    assert empty.exit_code == 0 and "没有找到任何报表文件" in empty.stderr
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    some = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    assert "没有找到任何报表文件" not in some.output


def test_the_closure_rate_is_rounded_once_where_it_is_shown(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """15 of 19 closed is 78.9%: the rate, rounded to four places first (0.7895), showed
    as 79.0% on the screen, in the register and the report (clerk trial 40)."""
    rows = [closed(部位=f"{n}号楼") for n in range(15)]
    rows += [hazard(部位=f"{n}号楼", 整改时限=date(2023, 12, 31)) for n in range(15, 19)]
    filled_form(campaign, "附属医院", chdir_tmp / "回收" / "医院.xlsx", rows)
    shown = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    assert "销号率 78.9%" in "".join(shown.output.split()).replace("销号率", "销号率 ")
    status = json.loads(runner.invoke(app, ["status", "--json", "--as-of", "2023-12-20"]).stdout)
    assert status["totals"]["closure_rate"] == 15 / 19


@pytest.mark.parametrize(
    "command",
    ["init", "issue", "collect", "status", "remind", "report", "sample", "crosscheck", "review"],
)
@pytest.mark.parametrize("width", ["80", "100"])
def test_every_command_says_how_it_is_run(runner: CliRunner, command: str, width: str) -> None:
    """Each command's --help gives an example to copy (none did: clerk trial 126), each
    option apart from its value (“--followup全校隐患台账.xlsx” failed when copied: trial 127),
    each command a line of its own, whole, with no note after it (wrapped at 80 columns,
    “huitoukan status --department” pasted alone failed; “huitoukan issue（首轮…）”: trial 128)."""
    import re

    from huitoukan.xlsx.styles import display_columns

    shown = runner.invoke(app, [command, "--help"], env={"COLUMNS": width})
    assert shown.exit_code == 0
    lines = shown.output.splitlines()
    start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("例如"))
    examples = lines[start : lines.index("", start)]
    commands = [line.strip() for line in examples if "huitoukan" in line]
    assert commands and any(c.startswith(f"huitoukan {command}") for c in commands)
    for line in commands:
        assert line.startswith("huitoukan ") and not re.search(r"[（），；：。]", line), line
        assert not line.endswith(("--department", "--followup", "-n", "--as-of", "--date")), line
    assert all(display_columns(line) <= 80 for line in examples)
    assert not re.search(r"--[a-z][a-z-]*[\u4e00-\u9fff]", shown.output), shown.output


def test_a_folder_of_another_campaigns_returns_is_refused_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, campaign: Campaign
) -> None:
    """Last year's 回收 given to this year's collect: every department was told it sent
    another campaign's form and should send again, and an empty register was written
    (clerk trial 211 BK10). Said once, nothing written."""
    from huitoukan.model.documents import form_subject

    monkeypatch.chdir(tmp_path)
    last_year = tmp_path / "去年回收"
    last_year.mkdir()
    for name in ("学生工作处", "附属医院"):
        path = filled_form(
            campaign, name, last_year / f"{name}.xlsx", [hazard()], form_date=date(2022, 12, 14)
        )
        book = load_workbook(path)
        book.properties.subject = form_subject(campaign.info.title, "", date(2022, 12, 5))
        book.save(path)
    result = CliRunner().invoke(app, ["collect", "去年回收"], env={"COLUMNS": "200"})
    said = "".join(result.output.split())
    assert result.exit_code == 2
    assert "给出的2份表格都是其他活动的表格（如去年回收/" in said
    assert "这是往期活动（2022年12月5日印发）下发的表格" in said and "是不是选错了文件夹" in said
    assert not Path("全校隐患台账.xlsx").exists()


def test_one_file_collected_alone_leaves_its_folders_others_unsaid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, campaign: Campaign
) -> None:
    """`collect 回收/学生工作处.xlsx --out 看一看.xlsx`: the other returns of 回收, older,
    left out on purpose, were said to have been put there since, and the command to collect
    again named no folder (clerk trial 211 BK13). Only a file saved since is said, and the
    command names its folder."""
    import os

    monkeypatch.chdir(tmp_path)
    for name in ("学生工作处", "附属医院"):
        filled_form(campaign, name, tmp_path / "回收" / f"{name}.xlsx", [hazard()])
    runner = CliRunner()
    args = ["--as-of", "2023-12-20"]
    alone = runner.invoke(app, ["collect", "回收/学生工作处.xlsx", "-o", "看一看.xlsx", *args])
    assert alone.exit_code == 0, alone.output
    assert "又放入或改动" not in "".join(alone.stderr.split())
    later = Path("看一看.xlsx").stat().st_mtime + 60
    os.utime(tmp_path / "回收" / "附属医院.xlsx", (later, later))
    shown = runner.invoke(app, ["status", "看一看.xlsx", *args], env={"COLUMNS": "200"})
    said = "".join(shown.stderr.split())
    assert "回收中又放入或改动了1个文件（附属医院.xlsx）" in said, said
    assert "请先运行huitoukancollect回收-o看一看.xlsx" in said, said


def test_collecting_the_folder_the_forms_were_issued_from_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`collect 发放` by mistake: nine blank forms, a register of nobody's return written
    without a word that these were the forms sent out (clerk trial 145). Refused, nothing
    written. With one department's form filled in among them (saved there by mistake, or
    filled in place on a shared drive), it is collected, and the forms nobody filled are
    said once, as what they are, not each department told it sent a 空白表 (clerk trials
    201 BA1, 205 BE2)."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    result = runner.invoke(app, ["collect", "发放"], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "给出的都是发放的空白表格（如 发放/" in result.output
    assert "不是部门报回的表格，未做任何改动" in result.output
    assert not Path("全校隐患台账.xlsx").exists()
    [form] = Path("发放").glob("学生工作处*.xlsx")
    book = load_workbook(form)
    book.properties.lastModifiedBy = "王干事"  # saved in an office suite: a return
    book.save(form)
    result = runner.invoke(app, ["collect", "发放", "--json"])
    out = json.loads(result.stdout)
    said = [p for p in out["problems"] if p["code"] in ("blank-return", "not-a-return")]
    messages = [p["message"] for p in said]
    # (saved, though nothing filled in: its department is told, as ever)
    blank = [p["department"] for p in said if p["code"] == "blank-return"]
    assert blank == ["学生工作处"], messages
    assert any(
        "所在的是发放表格的文件夹：其中 7 份下发后没有人填写保存过的表格不计为报送，不逐一列出" in m
        for m in messages
    ), messages
    assert Path("全校隐患台账.xlsx").exists()


def test_a_shared_folder_the_forms_are_filled_in_is_collected_without_noise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Departments fill their forms in place on a shared folder: every collect warned that
    the 发放清单 and 附件1 issue wrote there were no returns, and each form filled since the
    last collect was said to be written over a collected return (clerk trial 207 BG7, BG8).
    The forms left as issued are said once; nothing else."""
    from huitoukan.forms.issuing import form_file_name
    from tests.helpers import hazard, set_label, write_rows

    def fill(department: str) -> None:
        form = Path("共享") / form_file_name(department)
        book = load_workbook(form)
        ws = book.worksheets[0]
        set_label(ws, "主要负责人", "负责人甲")
        set_label(ws, "日期", date(2023, 12, 14))
        write_rows(ws, [hazard(部位=f"{department}的楼")])
        book.properties.lastModifiedBy = "王干事"
        book.save(form)

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue", "-o", "共享"]).exit_code == 0
    fill("安全保卫处")
    first = runner.invoke(app, ["collect", "共享", "--as-of", "2023-12-15", "--json"])
    said = [(p["code"], Path(p["file"]).name) for p in json.loads(first.stdout)["problems"]]
    assert [s for s in said if s[0] in ("not-a-return", "blank-return")] == [
        ("not-a-return", "发放清单.xlsx")
    ], said
    fill("总务基建处")
    again = runner.invoke(app, ["collect", "共享", "--as-of", "2023-12-15"])
    assert again.exit_code in (0, 1), again.output
    assert "在原文件上改写过" not in "".join(again.stderr.split()), again.stderr
    # a unit's hazards typed into the 附件1 beside the forms are still said not to be read
    # (clerk trial 209 BI3)
    checklist = next(Path("共享").glob("附件1*.xlsx"))
    book = load_workbook(checklist)
    book.properties.lastModifiedBy = "王干事"
    book.save(checklist)
    last = runner.invoke(app, ["collect", "共享", "--as-of", "2023-12-15", "--json"])
    said = [(p["code"], Path(p["file"]).name) for p in json.loads(last.stdout)["problems"]]
    assert ("not-a-return", checklist.name) in said, said


def _returned_on_its_form(department: str, to: Path, rows: list[dict[str, object]]) -> None:
    """`department`'s issued form (in 发放) filled with `rows`, its 部门 cell left blank as
    many leave it, saved as `to`."""
    from huitoukan.forms.issuing import form_file_name
    from tests.helpers import set_label, write_rows

    book = load_workbook(Path("发放") / form_file_name(department))
    ws = book.worksheets[0]
    [cell] = [c for row in ws.iter_rows(max_row=5) for c in row if c.value == department]
    cell.value = None
    set_label(ws, "主要负责人", "负责人甲")
    set_label(ws, "日期", date(2023, 12, 14))
    write_rows(ws, rows)
    book.properties.lastModifiedBy = "王干事"
    to.parent.mkdir(parents=True, exist_ok=True)
    book.save(to)


@pytest.mark.parametrize(
    "sent",
    ["回收/学工处自查情况-报保卫处.xlsx", "回收/学生工作处自查整改清单（报安全保卫处）.xlsx",
     "回收/各部门报安全保卫处的材料/学工处.xlsx",
     # a sender and the receiving office side by side, or “to” as a letter says it
     "回收/学工处-安全保卫处.xlsx", "回收/致安全保卫处：学工处自查整改清单.xlsx"],
)  # fmt: skip
def test_a_return_named_for_where_it_goes_is_not_the_receivers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sent: str
) -> None:
    """学工处's return, its 部门 blank, saved as 学工处自查情况-报保卫处.xlsx (or in a folder
    “各部门报安全保卫处的材料”): counted as 安全保卫处's, it replaced that office's own return,
    and 学生工作处 was chased as not returned (clerk trial 148). The receiving office named
    as where it goes is not its sender; nor is it when the file names it beside another
    department (学工处-安全保卫处.xlsx, 致安全保卫处：学工处…: clerk trial 149)."""
    from tests.helpers import hazard

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    _returned_on_its_form("学生工作处", Path(sent), [hazard(部位="6号学生公寓")])
    _returned_on_its_form("安全保卫处", Path("回收/保卫处.xlsx"), [hazard(部位="东门")])
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    files = {Path(f["file"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files[Path(sent).name]["department"] == "学生工作处"
    assert files["保卫处.xlsx"]["department"] == "安全保卫处"
    assert files["保卫处.xlsx"]["outcome"] == "采用"


@pytest.mark.parametrize(
    ("sent", "counted"),
    [("学工处-总务处.xlsx", "学生工作处"), ("总务基建处-学生工作处.xlsx", "学生工作处"),
     ("学工处（转总务处）.xlsx", "学生工作处"), ("学工处-附属医院.xlsx", "学生工作处"),
     # the form names neither: the longer name, as before (warned: issued to another)
     ("附属医院-总务处.xlsx", "附属医院")],
)  # fmt: skip
def test_a_file_named_for_two_departments_is_the_one_its_form_was_issued_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sent: str, counted: str
) -> None:
    """学生工作处's issued form, its 部门 blank, saved as 学工处-总务处.xlsx (from one to the
    other): counted as 总务基建处's, the longer name, and 学生工作处 chased as not
    returned (clerk trial 151). Of the departments the name gives, the one the form was
    issued to."""
    from tests.helpers import hazard

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    _returned_on_its_form("学生工作处", Path("回收") / sent, [hazard(部位="6号学生公寓")])
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    [taken] = json.loads(result.stdout)["files"]
    assert taken["department"] == counted


def test_a_file_skipped_in_a_departments_folder_is_shown_with_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """扫描件.pdf of 回收/附属医院/ was listed bare among the skipped files, whose it was left
    to guess (clerk trial 150); files in zips were shown with the archive's path."""
    from tests.helpers import hazard

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    _returned_on_its_form("附属医院", Path("回收/附属医院/附属医院.xlsx"), [hazard(部位="门诊楼")])
    Path("回收/附属医院/扫描件.pdf").write_bytes(b"%PDF-1.4")
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    said = "".join(result.output.split())
    assert f"{Path('回收/附属医院/扫描件.pdf')}：这是PDF文件" in said


def test_a_folder_agreeing_with_the_forms_record_is_said_beside_the_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """职教中心学校's issued form, its header blank, saved as 学院警务室.xlsx in 职教中心学校's
    folder: counted by the file's name, warned that it was issued to 职教中心学校 — not that
    its folder says so too (clerk trial 151)."""
    from tests.helpers import hazard

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    sent = Path("回收/职教中心学校/学院警务室.xlsx")
    _returned_on_its_form("职教中心学校", sent, [hazard(部位="值班室")])
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    [said] = [
        p for p in json.loads(result.stdout)["problems"] if p["code"] == "department-mismatch"
    ]
    assert said["message"].startswith(
        "表头部门没有填写，已按文件名计为“学院警务室”，但这份表格是下发给职教中心学校的"
        "（表格文件中记着，所在文件夹名也指向“职教中心学校”）：请核对"
    )


def test_a_form_issued_to_another_department_in_a_departments_mail_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """学院警务室's issued form, its 部门 blank, in 附属医院's mail folder: counted as 附属医院's
    without a word, newer than its own return, which it replaced, and 学院警务室 was chased
    (clerk trial 148). Counted as the folder says, as README has it, and said: the form was
    issued to 学院警务室, and how to have it counted so."""
    from tests.helpers import hazard

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    _returned_on_its_form("学院警务室", Path("回收/附属医院/自查表.xlsx"), [hazard(部位="岗亭")])
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    [said] = [
        p for p in json.loads(result.stdout)["problems"] if p["code"] == "department-mismatch"
    ]
    assert said["message"].startswith(
        "表头部门没有填写，已按所在文件夹名计为“附属医院”，但这份表格是下发给学院警务室的"
    )
    # and the department it was issued to, chased with a bare 催报, is told (trial 152)
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    police = "".join(Path("通知/学院警务室-通知.txt").read_text("utf-8-sig").split())
    assert (
        "收到下发给贵部门的表格自查表.xlsx（表头“部门（章）”没有填写，所在文件夹名指向附属医院），"
        "已计为附属医院报送；"
    ) in police


@pytest.mark.parametrize("shared", [False, True])
def test_a_form_issued_to_another_in_a_mail_with_the_departments_own_return(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: bool
) -> None:
    """学院警务室's issued form, its 部门 blank, in 附属医院's mail beside 附属医院's own return
    and newer: it replaced that return, 附属医院's hazards tracked as deleted (clerk trial
    148). Sharing no hazard with it, it is no version of it: set aside (待核对), both
    departments named. Sharing one, it is 附属医院's newer version on a colleague's form."""
    from huitoukan.campaign import default_campaign

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    own = hazard(部位="门诊楼", 存在隐患问题="灭火器过期")
    filled_form(
        default_campaign(), "附属医院", Path("回收/附属医院/附属医院.xlsx"), [own],
        form_date=date(2023, 12, 12),
    )  # fmt: skip
    rows = [own, hazard(部位="岗亭")] if shared else [hazard(部位="岗亭")]
    _returned_on_its_form("学院警务室", Path("回收/附属医院/自查表.xlsx"), rows)
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    out = json.loads(result.stdout)
    places = {r["部位"]: r["部门"] for r in sheet_rows(Path("全校隐患台账.xlsx"), HAZARD_SHEET)}
    codes = {p["code"] for p in out["problems"]}
    if shared:
        assert places == {"门诊楼": "附属医院", "岗亭": "附属医院"}
        assert "misfiled-return" not in codes and "department-mismatch" in codes
        return
    assert places == {"门诊楼": "附属医院"}  # its own return stands, nothing deleted
    [held] = [p for p in out["problems"] if p["code"] == "misfiled-return"]
    assert held["department"] == "附属医院"
    assert held["message"].startswith(
        "表头部门没有填写，所在文件夹名指向“附属医院”，但这份表格是下发给学院警务室的（表格文件中"
        "记着），而附属医院另有报表 回收/附属医院/附属医院.xlsx，这份的隐患与它的没有一项相同"
    )
    assert "vanished-hazard" not in codes
    # the department whose mail it came in is asked whose it is
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    notice = "".join(Path("通知/附属医院-通知.txt").read_text("utf-8-sig").split())
    assert (
        # (its header blank: “表头是贵部门” was said, clerk trial 151)
        "自查表.xlsx表头“部门（章）”没有填写，所在文件夹名指向贵部门，但与贵部门报表" in notice
    )
    # whose it may be, as its record says (it was asked whose it was: clerk trial 153)
    assert (
        "不是贵部门的，请告知安全保卫处（表格文件中记着这份表格是下发给学院警务室的）。" in notice
    )
    police = "".join(Path("通知/学院警务室-通知.txt").read_text("utf-8-sig").split())
    assert (  # the department it was issued to, chased with a bare 催报 (clerk trial 152)
        "收到下发给贵部门的表格自查表.xlsx（表头“部门（章）”没有填写，所在文件夹名指向附属医院），"
        "待核对，未汇总；"
    ) in police


@pytest.mark.parametrize("shared", [False, True])
def test_a_form_named_only_by_its_issue_beside_the_departments_own_return(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: bool
) -> None:
    """学院警务室 filled 职教中心学校's issued form, its header blank, saved as 自查表.xlsx:
    only the form's record of whom it was issued to named 职教中心学校, and it replaced that
    department's own return, the department told it had deleted a row it never touched
    (clerk trial 151). Sharing no hazard with that return, it is set aside (待核对), the
    department asked; sharing one, it is its newer version."""
    from huitoukan.campaign import default_campaign

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    own = hazard(部位="实训楼B座", 存在隐患问题="灭火器过期")
    filled_form(
        default_campaign(), "职教中心学校", Path("回收/职教中心学校.xlsx"), [own],
        form_date=date(2023, 12, 12),
    )  # fmt: skip
    rows = [own, hazard(部位="值班室")] if shared else [hazard(部位="值班室")]
    _returned_on_its_form("职教中心学校", Path("回收/自查表.xlsx"), rows)
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    out = json.loads(result.stdout)
    places = {r["部位"]: r["部门"] for r in sheet_rows(Path("全校隐患台账.xlsx"), HAZARD_SHEET)}
    codes = {p["code"] for p in out["problems"]}
    assert "vanished-hazard" not in codes
    if shared:
        assert places == {"实训楼B座": "职教中心学校", "值班室": "职教中心学校"}
        assert "misfiled-return" not in codes and "department-by-issued-form" in codes
        return
    assert places == {"实训楼B座": "职教中心学校"}
    [held] = [p for p in out["problems"] if p["code"] == "misfiled-return"]
    assert held["message"].startswith(
        "表头部门没有填写，文件名和所在文件夹也看不出是哪个部门，这份表格是下发给职教中心学校的"
        "（表格文件中记着），而职教中心学校另有报表 回收/职教中心学校.xlsx，这份的隐患与它的没有一项相同"
    )
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    notice = "".join(Path("通知/职教中心学校-通知.txt").read_text("utf-8-sig").split())
    assert "自查表.xlsx表头“部门（章）”没有填写，是下发给贵部门的表格，但与贵部门报表" in notice
    assert "被删除" not in notice


@pytest.mark.parametrize("own", [True, False])
def test_a_form_filled_in_as_issued_to_another_in_a_departments_mail_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, own: bool
) -> None:
    """学院警务室 took 附属医院's form from the group chat — header and file name as issued
    to 附属医院 — and sent it in its mail (回收/学院警务室/): taken as 附属医院's newest version
    without a word, it replaced 附属医院's own return, and 学院警务室 was chased (clerk trial
    149). The folder disagrees as a file's name would: set aside when 附属医院's own return
    shares no hazard with it, else counted as its header says, and said."""
    from huitoukan.campaign import default_campaign
    from huitoukan.forms.issuing import form_file_name

    monkeypatch.chdir(tmp_path)
    campaign = default_campaign()
    if own:
        filled_form(
            campaign, "附属医院", Path("回收/附属医院自查表.xlsx"), [hazard(部位="门诊楼")],
            form_date=date(2023, 12, 12),
        )  # fmt: skip
    sent = Path("回收/学院警务室") / form_file_name("附属医院")
    filled_form(campaign, "附属医院", sent, [hazard(部位="值班室")])
    result = CliRunner().invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    out = json.loads(result.stdout)
    places = {r["部位"]: r["部门"] for r in sheet_rows(Path("全校隐患台账.xlsx"), HAZARD_SHEET)}
    said = {p["code"]: p["message"] for p in out["problems"]}
    if own:
        assert places == {"门诊楼": "附属医院"}  # its own return stands
        assert said["misfiled-return"].startswith(
            "表头部门为“附属医院”，但所在文件夹名指向“学院警务室”，而附属医院另有报表"
        )
    else:
        assert places == {"值班室": "附属医院"}
        assert said["department-mismatch"].startswith(
            "表头部门为“附属医院”，但所在文件夹名指向“学院警务室”，已按表头计入，请核对"
        )


def test_a_file_skipped_inside_a_zip_is_named_with_its_archive_and_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """扫描件（盖章）.pdf in 附件打包.zip/学工处/ was listed bare among the skipped files:
    whose it was, the clerk could not tell (clerk trial 149)."""
    import zipfile

    monkeypatch.chdir(tmp_path)
    Path("回收").mkdir()
    with zipfile.ZipFile("回收/附件打包.zip", "w") as archive:
        archive.writestr("学工处/扫描件（盖章）.pdf", b"%PDF-1.4")
        archive.writestr("说明.pdf", b"%PDF-1.4")
    result = CliRunner().invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    said = "".join(result.stdout.split())
    assert "附件打包.zip/学工处/扫描件（盖章）.pdf：这是PDF文件" in said
    assert "附件打包.zip/说明.pdf：这是PDF文件" in said


@pytest.mark.parametrize("sent", ["附属医院.rar", "附属医院.zip"])
def test_a_notice_of_an_archive_that_cannot_be_read_asks_the_sender_what_it_can_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sent: str
) -> None:
    """附属医院 sent a .rar: its 催报 said “请解压后把其中的表格放进报表文件夹” — the clerk's
    to do, not the department's (clerk trial 149); collect tells the clerk so still. A zip
    of zips too deep was asked to be sent “改用 .zip 格式压缩” — a zip (clerk trial 150)."""
    monkeypatch.chdir(tmp_path)
    Path("回收").mkdir()
    if sent.endswith(".rar"):
        Path("回收", sent).write_bytes(b"Rar!\x1a\x07\x00" + bytes(50))
    else:
        data = b"PK\x03\x04"
        for inner in ("表.xlsx", "c.zip", "b.zip", "a.zip"):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                archive.writestr(inner, data)
            data = buffer.getvalue()
        Path("回收", sent).write_bytes(data)
    runner = CliRunner()
    collected = "".join(
        runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).stdout.split()
    )
    rar = sent.endswith(".rar")
    clerks = (
        "请解压后把其中的表格放进报表文件夹，或请部门改用.zip压缩" if rar else "层，未读取：请解压"
    )
    assert clerks in collected
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    notice = "".join(Path("通知/附属医院-通知.txt").read_text("utf-8-sig").split())
    assert (
        "附属医院.rar无法读取（RAR压缩包无法直接读取，请直接报送表格文件（.xlsx），或改用.zip"
        in notice
        if rar
        else "压缩包中套压缩包超过3层，未读取：请直接报送表格文件（.xlsx），或只压缩一层后重新报送"
        in notice
    )
    assert "报表文件夹" not in notice and (rar or ".zip格式" not in notice)


@pytest.mark.parametrize("sent_in", ["回收/学院警务室", "回收/学院警务室.zip"])
def test_a_form_named_as_issued_its_header_cleared_in_another_departments_mail_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sent_in: str
) -> None:
    """附属医院's issued form, its file name as issued and its 部门 cleared, in 学院警务室's
    folder or zip: counted as 附属医院's by its name without a word (clerk trial 149). Counted
    so still (a file's name outranks its folder), and said."""
    import zipfile

    from huitoukan.forms.issuing import form_file_name

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    name = form_file_name("附属医院")
    _returned_on_its_form("附属医院", Path("回收/学院警务室") / name, [hazard(部位="值班室")])
    if sent_in.endswith(".zip"):
        with zipfile.ZipFile(sent_in, "w") as archive:
            archive.write(Path("回收/学院警务室") / name, name)
        (Path("回收/学院警务室") / name).unlink()
        Path("回收/学院警务室").rmdir()
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    said = [p for p in json.loads(result.stdout)["problems"] if p["code"] == "department-mismatch"]
    where = "所在压缩包名" if sent_in.endswith(".zip") else "所在文件夹名"
    assert [p["message"] for p in said] == [
        f"表头部门没有填写，已按文件名计为“附属医院”，但{where}指向“学院警务室”：请核对；"
        "是学院警务室的报表（用了附属医院的表格）的，请在表头“部门（章）”中填写学院警务室后重新汇总"
    ]
    # the department whose mail it came in, told only 尚未报送 (clerk trial 151), is told
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    police = "".join(Path("通知/学院警务室-通知.txt").read_text("utf-8-sig").split())
    assert (
        f"收到名为{name}的文件，表头“部门（章）”没有填写，文件名指向附属医院，已计为附属医院报送；"
        "贵部门的《安全隐患自查整改清单》（附件2）按未报送计（确是贵部门的，请在表头填写贵部门后重新报送）"
    ) in police


def test_a_form_issued_to_another_its_header_typed_over_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """各二级学院 took 学生工作处's form from the group chat, typed its own name into 部门（章）
    and sent it as 二级学院.xlsx: 学生工作处's rows counted as 各二级学院's answers without a
    word (clerk trial 150). Said; its own form, headed as issued, says nothing."""
    from huitoukan.forms.issuing import form_file_name
    from tests.helpers import set_label, write_rows

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    for issued_to, saved in (("学生工作处", "二级学院.xlsx"), ("附属医院", "医院.xlsx")):
        book = load_workbook(Path("发放") / form_file_name(issued_to))
        ws = book.worksheets[0]
        if issued_to == "学生工作处":
            [cell] = [c for row in ws.iter_rows(max_row=5) for c in row if c.value == issued_to]
            cell.value = "各二级学院"
        set_label(ws, "主要负责人", "负责人甲")
        set_label(ws, "日期", date(2023, 12, 14))
        write_rows(ws, [hazard(部位=f"{issued_to}的楼")])
        (Path("回收") / saved).parent.mkdir(exist_ok=True)
        book.save(Path("回收") / saved)
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    out = json.loads(result.stdout)
    said = [p for p in out["problems"] if p["code"] == "department-mismatch"]
    assert [(Path(p["file"]).name, p["department"]) for p in said] == [
        ("二级学院.xlsx", "各二级学院")
    ]
    assert said[0]["message"].startswith(
        "表头部门为“各二级学院”，但这份表格是下发给学生工作处的（表格文件中记着），已按表头计入"
    )
    # and the department is told, in its notice (the clerk alone was: clerk trial 151)
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    college = "".join(Path("通知/各二级学院-通知.txt").read_text("utf-8-sig").split())
    assert (
        "贵部门报来的二级学院.xlsx是下发给学生工作处的表格，表头改填了贵部门：表中学生工作处的"
        "交办问题（已填写的）和预先填写的隐患、整改情况已按贵部门的汇总。" in college
    )
    assert not Path("通知/附属医院-通知.txt").exists()


def test_a_form_named_as_issued_in_another_departments_mail_beside_its_own_return_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """附属医院's issued form, its name as issued and its header cleared, filled in by
    学院警务室 and sent in its folder, 附属医院's own return beside it, no hazard shared: taken
    for 附属医院's newer version, it replaced that return; 附属医院 was asked to restore a row
    it never deleted, 学院警务室 chased as not returned (clerk trial 150). Set aside, both
    told."""
    from huitoukan.campaign import default_campaign
    from huitoukan.forms.issuing import form_file_name

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    filled_form(
        default_campaign(), "附属医院", Path("回收/附属医院自查表.xlsx"), [hazard(部位="门诊楼")],
        form_date=date(2023, 12, 12),
    )  # fmt: skip
    sent = Path("回收/学院警务室") / form_file_name("附属医院")
    _returned_on_its_form("附属医院", sent, [hazard(部位="值班室")])
    result = runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"])
    out = json.loads(result.stdout)
    places = {r["部位"]: r["部门"] for r in sheet_rows(Path("全校隐患台账.xlsx"), HAZARD_SHEET)}
    assert places == {"门诊楼": "附属医院"}
    [held] = [p for p in out["problems"] if p["code"] == "misfiled-return"]
    assert held["message"].startswith(
        "表头部门没有填写，文件名指向“附属医院”，但所在文件夹名指向“学院警务室”，而附属医院另有报表"
    )
    assert "vanished-hazard" not in {p["code"] for p in out["problems"]}
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    police = "".join(Path("通知/学院警务室-通知.txt").read_text("utf-8-sig").split())
    assert "附属医院-安全隐患自查整改清单.xlsx" in police  # what it sent, and what to do
    assert "确是贵部门的，请在表头填写贵部门后重新报送" in police
    # what the form says, not “表头“部门（章）”是附属医院” of its blank header (clerk trial 151)
    assert "表头“部门（章）”没有填写，文件名指向附属医院，不是贵部门，未汇总" in police
    said = "".join(runner.invoke(app, ["status", "--as-of", "2023-12-20"]).output.split())
    assert "学院警务室（报来的表格表头“部门（章）”没有填写，文件名指向附属医院，待核对" in said


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('school = "滕州职业学院"', "这份表格是为滕州职业学院下发的（表格文件中记着）"),
        ('title = "寒假前校园安全大检查"', "这份表格是为“寒假前校园安全大检查”下发的"),
        ("", ""),
    ],
)
def test_a_form_issued_for_another_school_or_campaign_is_said(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, said: str
) -> None:
    """学院警务室 filled a form issued for another school, or another campaign of this one:
    summed up without a word, last year's said (clerk trial 155). Said, and summed up; a
    form of this campaign says nothing."""
    from openpyxl import load_workbook

    from huitoukan.forms.issuing import form_file_name
    from scripts.readme_walkthrough import copy_examples
    from tests.helpers import set_label, write_rows

    monkeypatch.chdir(tmp_path)
    copy_examples(tmp_path)
    toml = Path("campaign.toml").read_text("utf-8")
    key = line.partition(" ")[0]
    other = "\n".join(
        line if line and was.startswith(f"{key} =") else was for was in toml.splitlines()
    )
    Path("别处.toml").write_text(other, "utf-8")
    assert runner.invoke(app, ["issue", "--campaign", "别处.toml", "-o", "别处"]).exit_code == 0
    book = load_workbook(Path("别处") / form_file_name("学院警务室"))
    ws = book.worksheets[0]
    set_label(ws, "主要负责人", "周所长")
    set_label(ws, "日期", date(2023, 12, 14))
    write_rows(ws, [hazard(部位="警务室值班室")])
    book.save(Path("回收") / "学院警务室.xlsx")
    collected = json.loads(
        runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20", "--json"]).stdout
    )
    told = [p["message"] for p in collected["problems"] if p["code"] == "other-campaign-form"]
    assert [m[: len(said)] for m in told] == ([said] if said else [])
    assert any(f["department"] == "学院警务室" for f in collected["files"])


def test_a_return_counted_for_the_department_its_header_named_leaves_it_when_corrected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """职教中心学校's return, its header saying 高级技工学校, counted for 高级技工学校 (12月13日);
    高级技工学校's own return (12月14日) sets it aside; 职教中心学校 sends it again with its
    own header. The register still said 高级技工学校 sent a return on 12月13日, which no
    sheet shows: opened and saved again unchanged, it was said to be changed by hand, and
    remind, report and review refused to run (clerk trial 177 AD2)."""
    from huitoukan.campaign import default_campaign
    from huitoukan.register.reading import changed_by_hand
    from huitoukan.register.record import last_written_state

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    campaign = default_campaign()
    rows = [hazard(部位="实训车间"), hazard(部位="图书室")]
    filled_form(campaign, "高级技工学校", Path("回收/职教中心学校.xlsx"), rows,
                form_date=date(2023, 12, 13))  # fmt: skip
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-13"]).exit_code in (0, 1)
    filled_form(campaign, "高级技工学校", Path("回收/技校.xlsx"), [hazard(部位="锅炉房")],
                form_date=date(2023, 12, 14))  # fmt: skip
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-16"]).exit_code in (0, 1)
    filled_form(campaign, "职教中心学校", Path("回收/职教中心学校（改正）.xlsx"), rows,
                form_date=date(2023, 12, 13))  # fmt: skip
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-19"]).exit_code in (0, 1)
    register = Path("全校隐患台账.xlsx")
    state = last_written_state(register)
    assert state is not None
    assert state.sent["高级技工学校"] == [date(2023, 12, 14)], state.sent
    load_workbook(register).save(register)
    assert not changed_by_hand(register)
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-19"]).exit_code in (0, 1)
