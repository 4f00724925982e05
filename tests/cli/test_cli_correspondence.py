from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
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
    # after the campaign's end (12月31日), its end said: run in last year's folder, remind
    # wrote 催报 dated today without a word (clerk trial 211 BK4); on its last day, not
    for day, said in (("2023-12-31", False), ("2024-01-01", True)):
        later = runner.invoke(app, ["remind", "--as-of", day, "-o", f"通知{day}"])
        assert later.exit_code == 0, later.output
        told = "回头看活动已于2023年12月31日结束（campaign.toml的ends_on）"
        assert (told in "".join(later.stderr.split())) is said, later.stderr
    reported = runner.invoke(app, ["report", "--as-of", "2023-12-20", "-o", "汇报.xlsx"])
    assert reported.exit_code == 0, reported.output
    assert "隐患 1 项" in reported.output and (chdir_tmp / "汇报.xlsx").is_file()
    assert "活动已于" not in reported.stderr
    later = runner.invoke(app, ["report", "--as-of", "2024-01-01", "-o", "汇报2024.xlsx"])
    assert "回头看活动已于2023年12月31日结束" in "".join(later.stderr.split()), later.stderr


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
    # which one, named (“其中 1 份” of five: clerk trial 133)
    assert (
        "其中保卫处-退回修改.xlsx只有提醒核对的警告：副本中写明请部门逐项核对，无需改动的不必重新报送"
        in output
    )
    assert "（须改正后重新报送的是其余1份）" in output

    def last_line(name: str) -> str:
        ws = load_workbook(chdir_tmp / "退回" / name)[SUMMARY_SHEET]
        return [str(c.value) for row in ws.iter_rows() for c in row if c.value][-1]

    assert last_line("医院-退回修改.xlsx") == RESEND
    assert last_line("保卫处-退回修改.xlsx") == RESEND_IF_NEEDED


def test_a_warning_that_asks_for_work_asks_for_the_return_again() -> None:
    """A copy whose one warning is a failed 复查验收 told the department it need not resend
    (clerk trial 89): a warning asking for work (a failed review, a missing photo, a hazard
    dropped) asks for the return as an error does; one asking to check does not."""
    from huitoukan.letters.feedback import to_resend
    from huitoukan.model.problems import Code, problem

    def said(code: Code, **params: object) -> list[object]:
        return [problem(code, "a.xlsx", **params)]

    assert to_resend(said(Code.REVIEW_FAILED, what="东门", note="软管未更换"))
    assert to_resend(said(Code.MISSING_PHOTO))
    assert not to_resend(said(Code.NO_ITEMS, count=3, all="都"))
    asked = said(Code.NO_ITEMS, count=3, all="都")
    asked[0] = asked[0].model_copy(
        update={"message": "三条隐患填在一行，请每条隐患各填一行后重新报送"}
    )
    assert to_resend(asked)  # its words ask for the return again (trial 92)
    assert to_resend(said(Code.MISSING_OWNER))
    put_off = {"old_file": "a.xlsx", "old_row": 6, "old": "2023-12-20", "new": "2024-01-15"}
    assert to_resend(said(Code.DEADLINE_PUT_OFF, **put_off))  # its reason asked (trial 140)
    assert not to_resend(said(Code.DEADLINE_PUT_OFF_EXPLAINED, remarks="资金未到位", **put_off))


def test_a_hazard_gone_from_the_newest_return_is_asked_for_before_it_is_overdue(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """总务基建处's second version leaves out 配电室's clutter, not closed, due next month:
    the register keeps it, but its notice said nothing until it was overdue (clerk trial
    107: an assigned problem's answer emptied, the same). Due on the day it is not yet
    overdue: asked here; overdue, it is asked among the overdue, once."""
    returns = chdir_tmp / "回收"
    for due, listed in ((date(2023, 12, 20), True), (date(2023, 12, 19), False)):
        room = hazard(部位="配电室", 存在隐患问题="堆放杂物", 整改时限=due)
        filled_form(
            campaign, "总务基建处", returns / "一.xlsx", [hazard(), room],
            form_date=date(2023, 12, 12),
        )  # fmt: skip
        filled_form(
            campaign, "总务基建处", returns / "二.xlsx", [hazard()], form_date=date(2023, 12, 14)
        )
        runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
        assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
        text = (chdir_tmp / "通知" / "总务基建处-通知.txt").read_text("utf-8-sig")
        asked = "以下 1 项隐患的行被删除或整改情况被清空，但未见销号" in text
        assert asked is listed, text
        assert text.count("配电室：堆放杂物") == 1


def test_a_notice_says_its_deleted_rows_beside_those_overdue_listed_above(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """Two rows deleted, one overdue (asked among the overdue) and one not: “以下 1 项隐患的
    行被删除” read as one deleted of two (clerk trial 126)."""
    returns = chdir_tmp / "回收"
    rows = [
        hazard(部位="配电室", 存在隐患问题="堆放杂物", 整改时限=date(2023, 12, 15)),
        hazard(部位="北围墙", 存在隐患问题="墙体开裂", 整改时限=date(2024, 6, 30)),
    ]
    filled_form(campaign, "总务基建处", returns / "一.xlsx", [hazard(), *rows],
                form_date=date(2023, 12, 12))  # fmt: skip
    filled_form(
        campaign, "总务基建处", returns / "二.xlsx", [hazard()], form_date=date(2023, 12, 14)
    )
    runner.invoke(app, ["collect", "回收", "--as-of", "2023-12-20"])
    assert runner.invoke(app, ["remind", "--as-of", "2023-12-20"]).exit_code == 0
    text = (chdir_tmp / "通知" / "总务基建处-通知.txt").read_text("utf-8-sig")
    assert "除上面已列出的逾期隐患外，以下 1 项隐患的行被删除或整改情况被清空" in text
    assert text.count("配电室：堆放杂物") == 1 and text.count("北围墙：墙体开裂") == 1


def test_a_return_with_errors_only_off_its_rows_is_asked_to_be_put_right(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """附属医院's return leaves 主要负责人 blank, its rows right: collect says 错误 and writes
    its 退回修改 copy, but status showed it 已报送 with nothing to put right and remind wrote
    it no notice (clerk trial 112). Both say it now; a department whose return is right is
    not asked."""
    returns = chdir_tmp / "回收"
    filled_form(campaign, "附属医院", returns / "医院.xlsx", [hazard()], head=None)
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [hazard()])
    args = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code == 1
    said = "".join(runner.invoke(app, ["status", *args]).output.split())
    assert "报表表头、表尾等处填写有误的部门（请退回修改）：附属医院（未填主要负责人）" in said
    assert runner.invoke(app, ["remind", *args]).exit_code == 0
    text = (chdir_tmp / "通知" / "附属医院-通知.txt").read_text("utf-8-sig")
    assert "表头、表尾等处填写有误（未填主要负责人），请改正后重新报送。" in text
    assert not (chdir_tmp / "通知" / "安全保卫处-通知.txt").exists()


def test_a_blank_header_is_asked_for_in_the_notice_and_noted_in_the_record(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """职教中心学校's return, its 部门（章） blank, counted by its file's name: collect asked
    for the department's name, but its notice said nothing and 报送记录 no word of it (clerk
    trial 154). The notice asks (补填部门), status lists it, the record says how it was
    counted; a department whose header is typed is not asked."""
    returns = chdir_tmp / "回收"
    filled_form(campaign, "职教中心学校", returns / "职教中心学校.xlsx", [hazard()],
                department_text="")  # fmt: skip
    filled_form(campaign, "附属医院", returns / "附属医院.xlsx", [hazard()])
    args = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", *args]).exit_code == 0
    said = "".join(runner.invoke(app, ["status", *args]).output.split())
    assert "填写有误的部门（请退回修改）：职教中心学校（表头未填部门）" in said
    reminded = runner.invoke(app, ["remind", *args])
    assert "职教中心学校（补填部门）" in reminded.output, reminded.output
    text = (chdir_tmp / "通知" / "职教中心学校-通知.txt").read_text("utf-8-sig")
    assert (
        "表头“部门（章）”没有填写（已按文件名或所在文件夹名计为贵部门的报表）：请在表头填写" in text
    )
    assert "填写有误" not in text
    assert not (chdir_tmp / "通知" / "附属医院-通知.txt").exists()
    record = openpyxl.load_workbook(chdir_tmp / "全校隐患台账.xlsx")["报送记录"]
    notes = {row[1]: row[9] for row in record.iter_rows(min_row=3, values_only=True)}
    assert notes["回收/职教中心学校.xlsx"] == (
        "表头“部门（章）”没有填写，已按文件名计为“职教中心学校”（表格文件中记着的下发部门也是它）"
    )
    assert not notes["回收/附属医院.xlsx"]


def test_thanks_close_a_note_on_lateness_alone_and_the_office_files_its_own_form(
    runner: CliRunner, chdir_tmp: Path, campaign: Campaign
) -> None:
    """团委's notice: a 督办 of an overdue hazard, then “…请今后按时报送。感谢配合。”; the
    office's own 本处待办 told it to fill in the 销号时间 and 报送 — to itself (clerk trial
    112). Thanks end a notice that only notes lateness; the office is not told to send."""
    returns = chdir_tmp / "回收"
    overdue = [hazard(整改时限=date(2023, 12, 18))]
    filled_form(campaign, "附属医院", returns / "医院.xlsx", overdue, form_date=date(2023, 12, 17))
    filled_form(campaign, "学院警务室", returns / "警务室.xlsx", [hazard(存在隐患问题="无")],
                form_date=date(2023, 12, 17))  # fmt: skip
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", overdue)
    args = ["--as-of", "2023-12-20"]
    runner.invoke(app, ["collect", "回收", *args])
    assert runner.invoke(app, ["remind", *args]).exit_code == 0
    letters = chdir_tmp / "通知"
    late_and_overdue = (letters / "附属医院-通知.txt").read_text("utf-8-sig")
    assert "已超过整改时限尚未销号" in late_and_overdue and "请今后按时报送。" in late_and_overdue
    assert "感谢配合" not in late_and_overdue
    late = (letters / "学院警务室-通知.txt").read_text("utf-8-sig")
    assert "请今后按时报送。感谢配合。" in late
    own = next(letters.glob("安全保卫处*")).read_text("utf-8-sig")
    assert "整改完成后填写销号时间；" in own and "销号时间报送" not in own


def test_a_register_kept_elsewhere_is_named_in_the_commands_advised(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """The register collected to “台账 存档/全校隐患台账（汇总）.xlsx”: review's advice and the
    本处待办 said `huitoukan collect 回收 复查` and `huitoukan review` without it, which,
    typed as they stood, wrote a second register in the working folder that never got the
    复查 (clerk trial 153). They name it; the working folder's own register needs no -o."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(chdir_tmp)
    register = "台账 存档/全校隐患台账（汇总）.xlsx"
    day = ["--as-of", "2023-12-20"]
    runner.invoke(app, ["collect", "回收", "-o", register, *day])
    reviewed = runner.invoke(app, ["review", register, "-o", "复查 表/复查验收表.xlsx", *day])
    assert reviewed.exit_code == 0, reviewed.output
    said = " ".join(reviewed.output.split())
    assert f'huitoukan collect 回收 复查 -o "{register}"' in said
    runner.invoke(app, ["remind", register, *day])
    own = (chdir_tmp / "通知" / "安全保卫处-本处待办.txt").read_text("utf-8")
    assert f'请运行 huitoukan review "{register}" 生成复查验收表' in own
    assert f'huitoukan collect 回收 复查 -o "{register}"' in own
    # and the follow-up round's, status's and crosscheck's (clerk trial 154)
    assert f'跟进轮表格（huitoukan issue --followup "{register}"）' in own
    status = " ".join(runner.invoke(app, ["status", register, *day]).output.split())
    assert f'huitoukan status "{register}" --all' in status
    checked = runner.invoke(app, ["crosscheck", "市级抽查问题.xlsx", register, *day]).output
    assert f'huitoukan issue --followup "{register}" 下发' in " ".join(checked.split())
    from openpyxl import load_workbook

    listed = load_workbook("交办问题清单.xlsx")  # a 整改时限 moved: the list's change said
    listed.worksheets[0]["H4"] = "2023-12-31"
    listed.save("交办问题清单.xlsx")
    moved = runner.invoke(app, ["collect", "回收", "-o", register, *day, "--json"]).stdout
    [said] = [
        p["message"]
        for p in json.loads(moved)["problems"]
        if "XJ-2023-11 的整改时限" in p["message"]
    ]
    assert said.endswith(f'（可下发跟进轮表格：huitoukan issue --followup "{register}"）')
    # its -o left out once: refused, not a second register begun (clerk trial 155)
    status = runner.invoke(app, ["status", *day])
    assert status.exit_code == 2
    assert (
        f'找不到 全校隐患台账.xlsx：本次活动的台账在 "{register}"（此前汇总到那里），请在命令中写上它的路径'
        in " ".join(status.output.split())
    )
    refused = runner.invoke(app, ["collect", "回收", *day])
    assert refused.exit_code == 2 and not (chdir_tmp / "全校隐患台账.xlsx").exists()
    assert f'未做任何改动：请加 -o "{register}" 汇总到它' in " ".join(refused.output.split())
    runner.invoke(app, ["collect", "回收", "--force", *day])  # the working folder's own
    reviewed = runner.invoke(app, ["review", *day])
    assert "（huitoukan collect 回收 复查）" in " ".join(reviewed.output.split())
    # named too, “（issue --followup）” alone could not be typed (clerk trial 155)
    runner.invoke(app, ["remind", *day])
    own = (chdir_tmp / "通知" / "安全保卫处-本处待办.txt").read_text("utf-8")
    assert "跟进轮表格（huitoukan issue --followup 全校隐患台账.xlsx）" in own


def test_a_register_kept_in_another_folder_is_not_begun_again(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register kept in a 档案 folder beside the working folder: status said it had
    none, and a collect with its -o left out began a second register without a word
    (clerk trial 156). Both name it, as for one kept in a folder inside."""
    from scripts.readme_walkthrough import copy_examples

    work = tmp_path / "工作"
    copy_examples(work)
    monkeypatch.chdir(work)
    register = tmp_path / "档案" / "全校隐患台账.xlsx"
    day = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", "-o", str(register), *day]).exit_code in (0, 1)
    status = runner.invoke(app, ["status", *day])
    assert status.exit_code == 2
    assert f"本次活动的台账在{register}（此前汇总到那里）" in "".join(status.output.split())
    refused = runner.invoke(app, ["collect", "回收", *day])
    assert refused.exit_code == 2 and not (work / "全校隐患台账.xlsx").exists()
    assert f"请加-o{register}汇总到它" in "".join(refused.output.split())
    runner.invoke(app, ["collect", "回收", "--force", *day])  # the working folder's own
    assert (work / "全校隐患台账.xlsx").is_file()


def test_a_collect_in_the_returns_folder_does_not_begin_a_second_register(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In 回收/, collect told the clerk to add --campaign ../campaign.toml; followed, it
    began a second register there, fewer photos, no follow-up round (clerk trial 157). The
    register of the folder above is named, as for one kept in a folder inside."""
    from scripts.readme_walkthrough import copy_examples

    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    day = ["--as-of", "2023-12-20"]
    assert runner.invoke(app, ["collect", "回收", "复查", *day]).exit_code in (0, 1)
    monkeypatch.chdir(tmp_path / "回收")
    args = ["collect", ".", "../复查", "--campaign", "../campaign.toml", *day]
    refused = runner.invoke(app, args)
    assert refused.exit_code == 2 and not Path("全校隐患台账.xlsx").exists()
    said = "".join(refused.output.split())
    assert f"本次活动的台账在{Path('..') / '全校隐患台账.xlsx'}（此前汇总到那里）" in said


def test_a_form_issued_to_another_counted_by_its_folder_is_said_to_both(
    runner: CliRunner, chdir_tmp: Path
) -> None:
    """职教中心学校's issued form, its 部门（章） cleared, filled in and sent in 学院警务室's
    folder: counted as 学院警务室's return, which was never told, and told instead that its
    交办问题 SD6-04 came after its form was issued (表格下发后才交办: the form was never its);
    职教中心学校's line in remind's list read a bare 催报 (clerk trial 153)."""
    import json

    from openpyxl import load_workbook

    from huitoukan.forms.issuing import form_file_name
    from scripts.readme_walkthrough import copy_examples
    from tests.helpers import set_label, write_rows

    copy_examples(chdir_tmp)
    assert runner.invoke(app, ["issue"]).exit_code == 0
    book = load_workbook(Path("发放") / form_file_name("职教中心学校"))
    ws = book.worksheets[0]
    set_label(ws, "部门", "")
    set_label(ws, "主要负责人", "周所长")
    set_label(ws, "日期", date(2023, 12, 14))
    write_rows(ws, [hazard(部位="警务室值班室")])
    (Path("回收") / "学院警务室").mkdir()
    book.save(Path("回收") / "学院警务室" / "自查表.xlsx")
    day = ["--as-of", "2023-12-20"]
    collected = json.loads(runner.invoke(app, ["collect", "回收", *day, "--json"]).stdout)
    told = [p for p in collected["problems"] if p["value"] == "SD6-04"]
    assert [p["code"] for p in told] == ["assignment-unanswered"]
    assert "学院警务室报来的是下发给职教中心学校的表格（表格文件中记着）" in told[0]["message"]
    reminded = runner.invoke(app, ["remind", *day])
    assert "职教中心学校（催报、核对来件）" in reminded.output
    police = "".join((chdir_tmp / "通知" / "学院警务室-通知.txt").read_text("utf-8-sig").split())
    assert (
        "贵部门报来的自查表.xlsx是下发给职教中心学校的表格，表头“部门（章）”没有填写，已按所在文件夹名"
        "计为贵部门的报表：请在表头填写贵部门全称" in police
    )
