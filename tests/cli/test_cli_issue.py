from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from huitoukan.campaign.loading import default_campaign_text, load_campaign
from huitoukan.cli import app
from huitoukan.forms.issuing import form_file_name
from tests.conftest import campaign_with_colleges_text


def test_issue_with_zero_configuration(runner: CliRunner, chdir_tmp: Path) -> None:
    result = runner.invoke(app, ["issue"])
    assert result.exit_code == 0, result.output
    assert "已生成 8 份自查整改清单" in result.output
    assert (chdir_tmp / "发放" / form_file_name("学院警务室")).is_file()


def test_the_first_rounds_day_is_the_one_given(runner: CliRunner, chdir_tmp: Path) -> None:
    """`--date` dates the first round in the 发放清单 too (its help spoke of follow-up rounds
    alone, and a clerk recording a round issued before took it for today's: trial 164)."""
    from openpyxl import load_workbook

    result = runner.invoke(app, ["issue", "--date", "2023-12-01"])
    assert result.exit_code == 0, result.output
    ws = load_workbook(chdir_tmp / "发放" / "发放清单.xlsx").active
    header = next(r for r in ws.iter_rows(values_only=True) if "发放日期" in r)
    column = header.index("发放日期")
    days = {r[column] for r in ws.iter_rows(values_only=True) if r[0] and str(r[0]).isdigit()}
    assert {d.date() for d in days} == {date(2023, 12, 1)}
    assert "发放日期" in " ".join(runner.invoke(app, ["issue", "--help"]).output.split())


def test_a_number_of_another_year_is_pointed_out_when_issuing(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """campaign.toml written by init for a 2026 campaign, its dates changed, kept the
    built-in 文号 枣科职院办〔2023〕15号, quoted on every form, notice and report without a
    word (clerk trial 149). Said when the forms are issued; nothing when the years agree."""
    text = default_campaign_text()
    for year in ("2023", "2024"):  # the built-in dates are 2023's, its 文号 too
        (chdir_tmp / "campaign.toml").write_text(text.replace("2023-", f"{year}-"), "utf-8")
        result = runner.invoke(app, ["issue", "--force"])
        said = "".join(result.stderr.split())
        assert result.exit_code == 0, result.output
        assert ("文号“枣科职院办〔2023〕15号”是2023年的，而本次活动的发放日期是" in said) is (
            year == "2024"
        ), said


@pytest.mark.parametrize(
    ("dated", "said"),
    [
        ([], "报送截止日期就是今天"),
        (["--date", "2023-12-13"], "报送截止日期距表格日期只剩2天"),
        (["--date", "2023-12-15"], "报送截止日期就是表格日期当天"),
        (["--date", "2023-12-16"], "报送截止日期在表格日期之前1天"),
    ],
)
def test_a_deadline_close_to_the_forms_day_is_said_from_that_day(
    runner: CliRunner, chdir_tmp: Path, dated: list[str], said: str
) -> None:
    """Forms dated (--date) the day of the 报送截止, issued a year later, were told the
    deadline was “就是今天” (clerk trial 187 AM12): counted from the forms' day, it says so."""
    from unittest import mock

    with mock.patch("huitoukan.actions.issue.date") as clock:
        clock.today.return_value = date(2023, 12, 15) if not dated else date(2024, 12, 1)
        clock.side_effect = date
        result = runner.invoke(app, ["issue", "-d", "附属医院", *dated])
    assert result.exit_code == 0, result.output
    assert said in "".join(result.stderr.split())


def test_issue_twice_refuses_then_force(runner: CliRunner, chdir_tmp: Path) -> None:
    assert runner.invoke(app, ["issue", "-o", "out"]).exit_code == 0
    again = runner.invoke(app, ["issue", "-o", "out"])
    assert again.exit_code == 2
    assert "--force" in again.output
    assert runner.invoke(app, ["issue", "-o", "out", "--force"]).exit_code == 0


def test_a_form_filled_where_it_was_issued_is_kept_before_it_is_issued_again(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """On a shared folder, 保卫处 filled its form in place; `issue -d 保卫处 --force` wrote a
    blank form over its return, no copy kept, and the refusal before said only that a file
    of that name was there (clerk trial 207 BG1, BG2). Said, and kept as a copy (read by
    collect as before)."""
    from openpyxl import load_workbook

    from tests.helpers import hazard, set_label, write_rows

    assert runner.invoke(app, ["issue"]).exit_code == 0
    form = Path("发放") / form_file_name("安全保卫处")
    book = load_workbook(form)
    ws = book.worksheets[0]
    set_label(ws, "主要负责人", "负责人甲")
    write_rows(ws, [hazard()])
    book.properties.lastModifiedBy = "王干事"
    book.save(form)
    filled = form.read_bytes()
    assert runner.invoke(app, ["collect", "发放", "--as-of", "2023-12-15"]).exit_code in (0, 1)
    refused = runner.invoke(app, ["issue", "-d", "安全保卫处"], env={"COLUMNS": "200"})
    said = "".join(refused.output.split())
    assert refused.exit_code == 2
    assert f"其中1个是部门填写保存过的表格（{form.name}），加--force时先另存一份再重新生成" in said
    again = runner.invoke(app, ["issue", "-d", "安全保卫处", "--force"], env={"COLUMNS": "200"})
    assert again.exit_code == 0, again.output
    [kept] = Path("发放").glob("安全保卫处-安全隐患自查整改清单.备份-*.xlsx")
    assert kept.read_bytes() == filled and form.read_bytes() != filled
    assert f"部门已填写的{form.name}先另存为{kept.name}" in "".join(again.output.split())
    # the others, never opened, are written over without a copy
    assert len(list(Path("发放").glob("*.备份-*.xlsx"))) == 1
    # the form written over is not said to be a return rewritten by its department, the
    # copy collected in its place (clerk trial 209 BI1)
    after = runner.invoke(app, ["collect", "发放", "--as-of", "2023-12-15"])
    assert after.exit_code in (0, 1), after.output
    assert "在原文件上改写过" not in "".join(after.stderr.split()), after.stderr


def test_issue_uses_campaign_toml_in_working_folder(runner: CliRunner, chdir_tmp: Path) -> None:
    (chdir_tmp / "campaign.toml").write_text(campaign_with_colleges_text(), encoding="utf-8")
    result = runner.invoke(app, ["issue"])
    assert result.exit_code == 0, result.output
    assert "已生成 10 份" in result.output


def test_bad_campaign_exits_2_with_line(runner: CliRunner, chdir_tmp: Path) -> None:
    bad = default_campaign_text().replace("issued_on = 2023-12-05", "issued_on = 2023-13-05")
    (chdir_tmp / "c.toml").write_text(bad, encoding="utf-8")
    result = runner.invoke(app, ["issue", "--campaign", "c.toml"])
    assert result.exit_code == 2
    assert "c.toml" in result.output and "行" in result.output
    assert "Traceback" not in result.output


def test_unknown_department_exits_2(runner: CliRunner, chdir_tmp: Path) -> None:
    result = runner.invoke(app, ["issue", "-d", "财务处"])
    assert result.exit_code == 2
    assert "没有名为“财务处”的部门" in result.output


def test_init_writes_editable_campaign_once(runner: CliRunner, chdir_tmp: Path) -> None:
    assert runner.invoke(app, ["init"]).exit_code == 0
    assert (chdir_tmp / "campaign.toml").read_text("utf-8") == default_campaign_text()
    assert runner.invoke(app, ["init"]).exit_code == 2
    assert runner.invoke(app, ["init", "--force"]).exit_code == 0


def test_every_command_has_chinese_help(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "退出码" in result.output
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        sub = runner.invoke(app, [name, "--help"])
        assert sub.exit_code == 0, sub.output
        readme = (Path(__file__).parents[2] / "README.md").read_text("utf-8")
        assert f"huitoukan {name}" in readme, f"README does not mention `huitoukan {name}`"


def test_office_edited_template_from_campaign_toml(runner: CliRunner, chdir_tmp: Path) -> None:
    from openpyxl import load_workbook

    from huitoukan.forms.templates import FORM_TEMPLATE, template_path

    wb = load_workbook(template_path(FORM_TEMPLATE))
    ws = wb.worksheets[0]
    ws["K1"] = "（校徽）"
    ws.column_dimensions["D"].width = 40
    wb.save(chdir_tmp / "我校附件2.xlsx")
    text = default_campaign_text().replace(
        '# [templates]\n# form = "附件2.xlsx"', '[templates]\nform = "我校附件2.xlsx"'
    )
    (chdir_tmp / "campaign.toml").write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["issue"]).exit_code == 0
    issued = load_workbook(chdir_tmp / "发放" / form_file_name("附属医院")).worksheets[0]
    assert issued["K1"].value == "（校徽）" and issued.column_dimensions["D"].width == 40
    (chdir_tmp / "我校附件2.xlsx").unlink()
    missing = runner.invoke(app, ["issue", "--force"])
    assert missing.exit_code == 2 and "找不到模板文件" in missing.output


def test_without_campaign_toml_the_default_campaign_is_said(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """Run from the wrong folder, the clerk's own list and settings would not apply: the
    run says it uses the built-in campaign (and says nothing once campaign.toml is there),
    after what it did — not before an error where nothing ran (clerk trial 172 Y3)."""
    refused = runner.invoke(app, ["status"])
    assert refused.exit_code == 2 and "找不到 全校隐患台账.xlsx" in refused.stderr
    assert "按内置默认活动" not in refused.stderr
    result = runner.invoke(app, ["issue", "-d", "保卫处"])
    assert result.exit_code == 0
    assert "当前文件夹中没有 campaign.toml，按内置默认活动" in result.stderr
    assert runner.invoke(app, ["init"]).exit_code == 0
    again = runner.invoke(app, ["issue", "-d", "保卫处", "-o", "二"])
    assert again.exit_code == 0
    assert "当前文件夹中没有 campaign.toml" not in again.stderr
    # (the 报送截止 of 2023 is past: said, with where to move it)
    assert "报送截止日期已过" in again.stderr


def test_version_and_short_help(runner: CliRunner) -> None:
    from huitoukan import __version__

    assert runner.invoke(app, ["--version"]).stdout.strip() == f"huitoukan {__version__}"
    assert "用法：huitoukan status" in runner.invoke(app, ["status", "-h"]).stdout


def test_followup_dates_and_the_register_named_without_xlsx(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    import shutil

    shutil.copytree(Path(__file__).resolve().parents[2] / "examples" / "回收", chdir_tmp / "回收")
    assert runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"]).exit_code in (0, 1)
    early = runner.invoke(
        app, ["issue", "--followup", "全校隐患台账", "--date", "12月21日", "--due", "12月20日"]
    )
    assert early.exit_code == 2
    assert "本轮报送截止日期 2023年12月20日 早于表头日期 2023年12月21日" in early.output
    same_day = runner.invoke(  # the same day is allowed: the boundary
        app, ["issue", "--followup", "全校隐患台账", "--date", "12月21日", "--due", "12月21日"]
    )
    assert same_day.exit_code == 0, same_day.output
    assert "跟进轮" in same_day.stdout
    assert "晚于回头看活动结束日期" not in same_day.stderr
    # due after the campaign's ends_on (2023-12-31): said; due on it: not (clerk trial 106)
    for due, said in (("12月31日", False), ("2024-01-01", True)):
        late = runner.invoke(
            app,
            ["issue", "--followup", "全校隐患台账", "-o", due, "--date", "12月21日", "--due", due],
        )
        assert late.exit_code == 0, late.output
        assert ("晚于回头看活动结束日期 2023年12月31日" in late.stderr) is said
    # dated after it (a round issued a year on, in last year's folder): not told to be due
    # earlier (clerk trial 211 BK3); dated on it, it is
    for day, after in (("2023-12-31", None), ("2024-01-01", 1), ("2024-12-06", 341)):
        late = runner.invoke(
            app, ["issue", "--followup", "全校隐患台账", "-o", f"轮{day}", "--date", day]
        )
        said = "".join(late.stderr.split())
        assert late.exit_code == 0, late.output
        assert ("请用--due指定更早的日期" in said) is (after is None), said
        assert (f"（campaign.toml的ends_on）之后{after}天" in said) is (after is not None)
    # a folder of its own, not the first round's 发放 (refused there, and --force, as the
    # refusal said, wrote over its forms and signed list: clerk trial 106)
    assert (chdir_tmp / "跟进轮12月21日" / "发放清单.xlsx").is_file()
    assert runner.invoke(app, ["issue"]).exit_code == 0
    into = runner.invoke(app, ["issue", "--followup", "全校隐患台账", "-o", "发放"])
    assert into.exit_code != 0
    said = "".join(into.output.split())
    assert "跟进轮请用-o写到另一个文件夹（如-o第二轮）：这里是第一轮发放的表格和发放清单" in said
    assert "--force" not in said  # it wrote over the first round's forms (clerk trial 107)
    # the round's own folder again: made anew with --force, as said
    redo = runner.invoke(
        app, ["issue", "--followup", "全校隐患台账", "-o", "跟进轮12月21日", "--date", "12月21日"]
    )
    assert "确是重新生成这一轮的，请加--force" in "".join(redo.output.split())


def test_issue_shows_the_lists_warnings(runner: CliRunner, chdir_tmp: Path) -> None:
    from tests.helpers import findings_list

    findings_list(
        chdir_tmp / "清单.xlsx",
        [{"问题来源": "县级普查", "问题描述": "灭火器过期", "部位": "图书馆"}],
    )
    result = runner.invoke(app, ["issue", "--findings", "清单.xlsx"])
    assert result.exit_code == 0
    assert "没有填写问题编号" in result.stderr and "未分配" in result.stderr


def _signed(
    listed: Path, signatures: dict[str, tuple[object, ...]]
) -> tuple[int, dict[str, int], list[str]]:
    """The 发放清单 at `listed` signed for by the departments of `signatures` (签收人, and
    签收日期 when given): its header row, its columns by header and its departments."""
    from openpyxl import load_workbook

    workbook = load_workbook(listed)
    ws = workbook.active
    header = next(r for r in range(1, 6) if ws.cell(r, 1).value == "序号")
    columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    rows = {ws.cell(r, 2).value: r for r in range(header + 1, ws.max_row + 1)}
    for department, signed in signatures.items():
        for column, value in zip(("签收人", "签收日期"), signed, strict=False):
            ws.cell(rows[department], columns[column]).value = value
    workbook.save(listed)
    return header, columns, list(rows)


def test_issuing_one_department_again_keeps_the_others_on_the_list(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """发放清单 after `issue -d 保卫处 --force`: every department still listed, the signatures
    already collected kept, the re-issued form's row with its new file's hash."""
    from openpyxl import load_workbook

    from huitoukan.files import sha256_of

    assert runner.invoke(app, ["issue"]).exit_code == 0
    listed = chdir_tmp / "发放" / "发放清单.xlsx"
    signed = {"学生工作处": ("李干事",), "安全保卫处": ("王干事", date(2023, 12, 11))}
    header, columns, departments = _signed(listed, signed)
    result = runner.invoke(app, ["issue", "-d", "保卫处", "--force"])
    assert result.exit_code == 0, result.output
    said = "".join(result.output.split())
    assert (
        "安全保卫处的旧表已有签收（王干事，2023年12月11日），发放清单中这一行已换成新表，请重新签收"
        in said
    )
    assert "学生工作处的旧表" not in said  # not issued again: its signature stands
    ws = load_workbook(listed).active
    after = {ws.cell(r, 2).value: r for r in range(header + 1, ws.max_row + 1)}
    assert list(after) == departments  # all eight, in the campaign's order
    assert ws.cell(after["学生工作处"], columns["签收人"]).value == "李干事"
    assert ws.cell(after["安全保卫处"], columns["签收人"]).value is None  # a new form to sign for
    form = chdir_tmp / "发放" / form_file_name("安全保卫处")
    assert ws.cell(after["安全保卫处"], columns["SHA-256"]).value == sha256_of(form)


def test_a_signing_day_left_a_number_is_said_as_its_day(runner: CliRunner, chdir_tmp: Path) -> None:
    """签收日期 typed into a cell formatted as a number: “已有签收（刘建国，45266）” (clerk
    trial 127)."""
    assert runner.invoke(app, ["issue"]).exit_code == 0
    _signed(chdir_tmp / "发放" / "发放清单.xlsx", {"安全保卫处": ("刘建国", 45266)})
    result = runner.invoke(app, ["issue", "-d", "保卫处", "--force"])
    assert "安全保卫处的旧表已有签收（刘建国，2023年12月6日）" in "".join(result.output.split())


def test_a_signed_list_written_over_is_kept(runner: CliRunner, chdir_tmp: Path) -> None:
    """`issue --force` (and a follow-up round forced into the first round's folder, as its
    refusal advised) wrote over the signed 发放清单 without a copy: the signatures were
    gone (clerk trials 106, 107). A list with signatures for the forms written over is kept
    beside it first; one whose signed rows all stay is not copied."""
    from openpyxl import load_workbook

    assert runner.invoke(app, ["issue"]).exit_code == 0
    listed = chdir_tmp / "发放" / "发放清单.xlsx"
    _signed(listed, {"学生工作处": ("李干事", date(2023, 12, 11))})
    other = runner.invoke(app, ["issue", "-d", "保卫处", "--force"])
    assert other.exit_code == 0 and "另存为" not in other.output
    assert [p.name for p in (chdir_tmp / "发放").glob("发放清单.备份-*")] == []
    again = runner.invoke(app, ["issue", "--force"])
    assert again.exit_code == 0, again.output
    said = "".join(again.output.split())
    assert "学生工作处的旧表已有签收（李干事，2023年12月11日）" in said
    [kept] = (chdir_tmp / "发放").glob("发放清单.备份-*.xlsx")
    assert f"原发放清单（有签收）另存为{kept.name}" in said
    assert "李干事" in {c.value for row in load_workbook(kept).active.iter_rows() for c in row}


def test_a_department_renamed_since_it_signed_is_listed_once_under_its_new_name(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """学生工作处 renamed 学生处 (formerly = "学生工作处") after signing for its form: the
    发放清单 of the next `issue -d` listed it twice, its signed row under the old name and
    an empty one under the new (clerk trial 58)."""
    from openpyxl import load_workbook

    assert runner.invoke(app, ["init"]).exit_code == 0
    assert runner.invoke(app, ["issue"]).exit_code == 0
    listed = chdir_tmp / "发放" / "发放清单.xlsx"
    header, columns, departments = _signed(listed, {"学生工作处": ("李干事",)})
    toml = chdir_tmp / "campaign.toml"
    text = toml.read_text("utf-8")
    toml.write_text(
        text.replace('name = "学生工作处"', 'name = "学生处"\nformerly = "学生工作处"', 1), "utf-8"
    )
    assert runner.invoke(app, ["issue", "-d", "保卫处", "--force"]).exit_code == 0
    ws = load_workbook(listed).active
    after = {ws.cell(r, 2).value: r for r in range(header + 1, ws.max_row + 1)}
    assert "学生工作处" not in after and len(after) == len(departments)
    assert ws.cell(after["学生处"], columns["签收人"]).value == "李干事"


def test_a_form_left_from_a_department_renamed_since_is_pointed_out(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """学院警务室 renamed 校园警务室 (formerly) and 图书馆 added: `issue --force` left
    学院警务室's form in 发放 beside the new one, in no 发放清单, and gave 图书馆 “检查项目 0”,
    nothing said of either (clerk trial 122)."""
    assert runner.invoke(app, ["init"]).exit_code == 0
    assert runner.invoke(app, ["issue"]).exit_code == 0
    toml = chdir_tmp / "campaign.toml"
    text = toml.read_text("utf-8").replace(
        'name = "学院警务室"', 'name = "校园警务室"\nformerly = "学院警务室"', 1
    )
    toml.write_text(text + '\n[[departments]]\nname = "图书馆"\n', "utf-8")
    again = runner.invoke(app, ["issue", "--force"])
    said = "".join(again.output.split())
    assert again.exit_code == 0, again.output
    assert "发放中还有学院警务室-安全隐患自查整改清单.xlsx，不是这次生成的" in said
    assert "提示：图书馆没有负责的检查项目（附件1中没有列它为责任部门）" in said
    quiet = "".join(runner.invoke(app, ["issue", "--force", "-o", "再发"]).output.split())
    assert "不是这次生成的" not in quiet


def test_last_years_forms_are_not_written_over_unsaid(runner: CliRunner, chdir_tmp: Path) -> None:
    """The second year's campaign.toml in last year's folder: `issue` said only “已有 10 个
    同名文件……请加 --force”, and --force wrote over last year's issued forms (clerk trial
    110). It says whose they are, and where the new campaign belongs."""
    from huitoukan.campaign import default_campaign_text

    toml = chdir_tmp / "campaign.toml"
    toml.write_text(default_campaign_text(), "utf-8")
    assert runner.invoke(app, ["issue"]).exit_code == 0
    text = toml.read_text("utf-8")
    for old, new in (
        ("issued_on = 2023-12-05", "issued_on = 2024-12-02"),
        ("returns_due = 2023-12-15", "returns_due = 2024-12-13"),
        ("ends_on = 2023-12-31", "ends_on = 2024-12-31"),
        ("default_deadline = 2023-12-31", "default_deadline = 2024-12-31"),
    ):
        assert old in text
        text = text.replace(old, new)
    toml.write_text(text, "utf-8")
    refused = runner.invoke(app, ["issue"])
    said = "".join(refused.output.split())
    assert refused.exit_code != 0
    assert "这些是往期活动下发的表格（发放清单的报送截止是2023年12月15日）" in said
    assert "--force" not in said


def test_a_list_beside_the_campaign_but_not_named_in_it_is_pointed_out(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """`init`, then 交办问题清单.xlsx filled in and put beside campaign.toml, whose [findings]
    stayed commented out: the forms went out without the problems, unsaid (clerk trial
    110). Said; named with --findings, nothing is."""
    from tests.helpers import findings_list

    assert runner.invoke(app, ["init"]).exit_code == 0
    findings_list(
        chdir_tmp / "交办问题清单.xlsx",
        [{"问题编号": "XJ-01", "问题来源": "县级普查", "问题描述": "灭火器过期",
          "部位": "图书馆", "责任部门": "安全保卫处"}],
    )  # fmt: skip
    plain = runner.invoke(app, ["issue"])
    assert plain.exit_code == 0
    said = "".join(plain.stderr.split())
    assert "文件夹中有交办问题清单.xlsx，但campaign.toml没有指定交办问题清单" in said
    named = runner.invoke(app, ["issue", "--findings", "交办问题清单.xlsx", "--force"])
    assert named.exit_code == 0 and "没有指定交办问题清单" not in "".join(named.stderr.split())
    # ... and so does collect, whose register then tracks none of them (trial 111)
    from tests.helpers import filled_form, hazard

    campaign = load_campaign(chdir_tmp / "campaign.toml")
    filled_form(campaign, "安全保卫处", chdir_tmp / "回收" / "保卫处.xlsx", [hazard()])
    collected = runner.invoke(app, ["collect", "回收"])
    assert collected.exit_code == 0
    said = "".join(collected.stderr.split())
    assert "文件夹中有交办问题清单.xlsx，但campaign.toml没有指定交办问题清单" in said
    assert "这次汇总没有跟踪交办问题的整改" in said
    args = ["collect", "回收", "--findings", "交办问题清单.xlsx"]
    named = runner.invoke(app, args)
    assert named.exit_code == 0 and "没有指定交办问题清单" not in "".join(named.stderr.split())


def test_a_followup_without_its_register_names_what_is_missing(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """`issue --followup --date 2023-12-21`, the register left out: --date was taken for the
    register and the date said to be one argument too many (clerk trial 119)."""
    result = runner.invoke(app, ["issue", "--followup", "--date", "2023-12-21"])
    said = "".join(result.output.split())
    assert result.exit_code == 2 and "多余的参数" not in said
    assert "“--date”是另一个选项：请在--followup后面写台账文件" in said
    assert not list(chdir_tmp.iterdir())


@pytest.mark.parametrize("after", ["--json", "-h", "-c"])
@pytest.mark.parametrize(
    "command",
    [["collect", "回收"], ["remind"], ["report"], ["review"], ["sample"], ["issue"], ["init"]],
)
def test_an_out_left_without_its_name_is_refused(
    runner: CliRunner, chdir_tmp: Path, command: list[str], after: str
) -> None:
    """`collect 回收 --out --json` wrote a register named --json.xlsx and printed no JSON
    (clerk trial 180 AG4), `report -o -h` wrote -h.xlsx (trial 182 AH103): an --out
    followed by another option, long or short, is refused, nothing written."""
    result = runner.invoke(app, [*command, "--out", after])
    said = "".join(result.output.split())
    assert result.exit_code == 2, result.output
    assert f"“{after}”是另一个选项：请在--out后面写输出文件（或文件夹）的名称" in said
    assert not list(chdir_tmp.glob(f"{after}*"))


def test_the_first_forms_issued_after_their_due_say_so(runner: CliRunner, chdir_tmp: Path) -> None:
    """Last year's campaign.toml kept as it was: the forms went out asking for the returns
    by last year's day, without a word (clerk trial 211 BK5). Said when the forms are dated
    after the 报送截止 (2023年12月15日); not on it, nor for the built-in example campaign."""
    told = "campaign.toml的报送截止日期2023年12月15日已经过去"
    built_in = runner.invoke(app, ["issue", "-o", "内置"])
    assert built_in.exit_code == 0 and told not in "".join(built_in.stderr.split())
    text = default_campaign_text()  # (the school's own: not the example's 文号)
    (chdir_tmp / "campaign.toml").write_text(text.replace("15号", "16号"), "utf-8")
    for day, said in (("2023-12-15", False), ("2023-12-16", True), (None, True)):
        dated = ["--date", day] if day else []
        issued = runner.invoke(app, ["issue", "-o", f"发放{day}", *dated])
        assert issued.exit_code == 0, issued.output
        assert (told in "".join(issued.stderr.split())) is said, issued.stderr
