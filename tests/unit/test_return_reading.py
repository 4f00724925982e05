from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from huitoukan.actions.collect import collect
from huitoukan.campaign import Campaign
from huitoukan.forms.layout import FORM_SHEET
from huitoukan.model.problems import Code, Problem, Severity
from huitoukan.model.returns import ReturnForm
from huitoukan.register.status import build_status
from tests.helpers import (
    ask_by,
    closed,
    filled_form,
    hazard,
    header_position,
    input_cell,
    label_cell,
    not_as_issued,
    read_form,
    set_label,
)


def read(path: Path, campaign: Campaign) -> ReturnForm:
    return read_form(path, campaign)


def codes(form: ReturnForm) -> list[tuple[str, str, Severity]]:
    return [(p.code, p.cell, p.severity) for p in form.problems]


def test_reads_header_footer_and_hazards(campaign: Campaign, tmp_path: Path) -> None:
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [hazard(), closed(部位="食堂")])
    form = read(path, campaign)
    assert form.readable and form.department == "总务基建处"
    assert (form.head, form.form_date, form.reporter, form.phone) == (
        "张主任",
        date(2023, 12, 14),
        "李干事",
        "0632-1234567",
    )
    assert form.problems == []
    first, second = form.hazards
    assert (first.location, first.progress, first.deadline, first.checked_on) == (
        "教学楼",
        "整改中",
        date(2023, 12, 20),
        date(2023, 12, 10),
    )
    assert (second.location, second.progress, second.closed_on) == (
        "食堂",
        "已完成",
        date(2023, 12, 12),
    )
    assert (first.source_sheet, first.source_row) == (FORM_SHEET, 6)


@pytest.mark.parametrize(
    "typed",
    [
        date(2023, 12, 10),
        "2023-12-10",
        "2023/12/10",
        "2023.12.10",
        "2023年12月10日",
        "20231210",
        "12月10日",
        45270,
    ],
)
def test_dates_in_every_form(campaign: Campaign, tmp_path: Path, typed: object) -> None:
    path = filled_form(
        campaign,
        "总务基建处",
        tmp_path / "r.xlsx",
        [closed(检查时间=typed, 销号时间=typed, 整改时限=typed)],
    )
    (row,) = read(path, campaign).hazards
    assert row.checked_on == row.closed_on == row.deadline == date(2023, 12, 10)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("已完成", "已完成"),
        ("已整改", "已完成"),
        ("完成", "已完成"),
        (" 已完成。", "已完成"),
        ("正在整改", "整改中"),
        ("整改中", "整改中"),
        ("未完成", "未整改"),
        ("未整改", "未整改"),
    ],
)
def test_status_synonyms(campaign: Campaign, tmp_path: Path, typed: str, expected: str) -> None:
    extra = {"销号时间": date(2023, 12, 12)} if expected == "已完成" else {}
    path = filled_form(
        campaign, "总务基建处", tmp_path / "r.xlsx", [hazard(整改完成情况=typed, **extra)]
    )
    form = read(path, campaign)
    assert form.hazards[0].progress == expected
    assert form.problems == []


@pytest.mark.parametrize(
    ("text", "nothing"),
    [
        ("未发现明显隐患", True),
        ("暂无隐患", True),
        ("良好", True),
        ("没有灭火器", False),  # a hazard that begins so
        ("暂无应急照明", False),
        ("无人管理的配电箱门敞开", False),
        ("基本无隐患", False),  # (hedged: asked as a hazard, not passed over)
        ("良好率低", False),
    ],
)
def test_nothing_found_is_told_from_a_hazard_that_begins_alike(text: str, nothing: bool) -> None:
    from huitoukan.forms.nothing_found import says_nothing_found

    assert says_nothing_found(text) is nothing


def test_nothing_found_rows_and_blank_rows(campaign: Campaign, tmp_path: Path) -> None:
    rows = [
        {"检查内容": "食品安全工作情况", "存在隐患问题": "无"},
        {},
        hazard(),
        {"部位": "食堂", "检查内容": "防坠措施建设情况", "存在隐患问题": "未发现隐患"},
    ]
    form = read(filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", rows), campaign)
    assert len(form.hazards) == 1
    assert [c.item for c in form.checked] == ["食品安全工作情况", "防坠措施建设情况"]


@pytest.mark.parametrize(
    "row",
    [
        {"部位": "经自查，未发现安全隐患"},
        {"备注": "本次自查无隐患"},
        {"检查内容": "食品安全工作情况", "整改措施": "无", "备注": "经排查，无安全隐患"},
        {"存在隐患问题": "经自查，未发现安全隐患"},
        {"部位": "护学岗", "检查内容": "校园安防-4", "备注": "经自查，未发现安全隐患"},
        {"存在隐患问题": "自查，未发现隐患"},
        {"存在隐患问题": "排查后未发现隐患"},
        {"存在隐患问题": "认真检查，无安全隐患"},
        {"存在隐患问题": "全面自查：无问题"},
        {"存在隐患问题": "检查后无异常"},
        # (counted as open hazards, their measures asked for: trial 213 BM3)
        {"部位": "西门", "存在隐患问题": "暂无隐患"},
        {"部位": "房间8", "存在隐患问题": "没有隐患"},
        {"存在隐患问题": "经检查，暂未发现问题"},
        {"存在隐患问题": "未发现明显隐患"},  # (the commonest: trial 214 BN4)
        {"部位": "机房", "存在隐患问题": "情况良好"},
        {"存在隐患问题": "已检查，无问题"},
    ],
)
def test_nothing_found_said_in_any_cell_of_a_row_is_no_hazard(
    campaign: Campaign, tmp_path: Path, row: dict[str, object]
) -> None:
    """经自查，未发现安全隐患 typed into 部位, or 本次自查无隐患 into 备注 (beside the place
    checked, too), was counted a hazard, its department asked for its 整改措施 and 责任人
    (clerk trials 57, 59); and so was 自查，未发现隐患 (a sentence beginning with 自查,
    排查, 检查, 认真 or 全面)."""
    form = read(filled_form(campaign, "附属医院", tmp_path / "r.xlsx", [row]), campaign)
    assert form.hazards == [] and form.problems == []
    assert len(form.checked) == 1


@pytest.mark.parametrize(
    ("rows", "said"),
    [
        (
            [hazard(检查内容=None), hazard(部位="食堂", 检查内容=None)],
            "表中自查发现的 2 项隐患都没有",
        ),
        ([hazard(检查内容=None), hazard(部位="食堂")], "第 {first} 行的隐患没有填写“检查内容”"),
        (
            [hazard(检查内容=None), {"检查内容": "食品安全工作情况", "存在隐患问题": "无"}],
            "第 {first} 行的隐患没有填写“检查内容”",
        ),
        ([hazard(), hazard(部位="食堂")], ""),
        ([hazard(检查内容=None, 问题编号="XJ-01", 问题来源="县级普查")], ""),  # an answer
        ([hazard(检查内容=None, 问题编号="XJ-01", 问题来源=None)], ""),  # its source unsaid
        ([hazard(检查内容=None, 问题编号="XJ-01", 问题来源="自查")], ""),  # 自查 by mistake
        ([hazard(), "no column"], "表格中没有“检查内容”一列"),
    ],
)
def test_hazards_that_do_not_name_their_item_are_said_once(
    campaign: Campaign, tmp_path: Path, rows: list[object], said: str
) -> None:
    """No row said which item of 附件1 it was checking: the register's 项目覆盖 read 未报告
    for the department's every item, and nobody was told (clerk trial 62); nor when some
    rows did, or the column was deleted (trial 63). An answer to an assigned problem has
    no item of its own, its 问题来源 left blank or 自查 too (each was listed: trials 96, 97)."""
    typed = [r for r in rows if isinstance(r, dict)]
    path = filled_form(campaign, "附属医院", tmp_path / "r.xlsx", typed)
    wb = load_workbook(path)
    header_row, columns = header_position(wb[FORM_SHEET])
    if "no column" in rows:
        wb[FORM_SHEET].delete_cols(columns["检查内容"])
        wb.save(path)
    form = read(path, campaign)
    found = [p for p in form.problems if p.code is Code.NO_ITEMS]
    assert bool(found) is bool(said)
    if said:
        [one] = found
        # on the first row to fill in, or on the header when all are (clerk trial 64)
        row = header_row + 1 if "第 {first} 行" in said else header_row
        assert (one.severity, one.row, one.field) == (Severity.WARNING, row, "检查内容")
        if "没有“检查内容”一列" not in said:
            letter = wb[FORM_SHEET].cell(1, columns["检查内容"]).column_letter
            assert one.cell == f"{letter}{row}"
        assert one.message.startswith(said.format(first=header_row + 1)), one.message


def test_zero_hazard_form_is_a_valid_return(campaign: Campaign, tmp_path: Path) -> None:
    """A valid return of no hazards (SPEC), counted as returned — with an error to have it
    sent again: nothing in it says which items were checked, and 项目覆盖 read 未报告 for all
    of them, unsaid (clerk trial 229 CC11); as a warning, its 退回修改 copy said it need not
    be sent again (trial 235 CI4)."""
    form = read(filled_form(campaign, "附属医院", tmp_path / "r.xlsx", []), campaign)
    assert form.readable and form.hazards == []
    [said] = form.problems
    assert (said.code, said.severity) == (Code.EMPTY_RETURN, Severity.ERROR)
    assert said.message.startswith("表中一行也没有填写")
    assert "未发现隐患的“存在隐患问题”填“无”" in said.message
    checked = read(
        filled_form(campaign, "附属医院", tmp_path / "c.xlsx", [hazard(存在隐患问题="无")]),
        campaign,
    )
    assert checked.problems == []


@pytest.mark.parametrize(
    ("row", "code", "header", "severity"),
    [
        (hazard(整改措施=None), "missing-measures", "整改措施", Severity.ERROR),
        (hazard(责任人=None), "missing-owner", "责任人", Severity.ERROR),
        (hazard(整改完成情况=None), "missing-progress", "整改完成情况", Severity.ERROR),
        (hazard(整改完成情况="差不多"), "bad-progress", "整改完成情况", Severity.ERROR),
        (closed(销号时间=date(2023, 12, 1)), "closed-before-checked", "销号时间", Severity.ERROR),
        (hazard(销号时间=date(2023, 12, 12)), "closed-not-done", "销号时间", Severity.ERROR),
        (hazard(整改完成情况="已完成"), "done-without-closed-on", "销号时间", Severity.ERROR),
        (hazard(整改时限=date(2023, 12, 1)), "deadline-before-checked", "整改时限", Severity.ERROR),
        (hazard(检查时间="上周二"), "bad-date", "检查时间", Severity.ERROR),
        (hazard(检查时间=None), "missing-checked-on", "检查时间", Severity.WARNING),
        (hazard(整改时限=None), "missing-deadline", "整改时限", Severity.WARNING),
        (hazard(部位=None, 存在隐患问题=None), "missing-hazard", "存在隐患问题", Severity.ERROR),
    ],
)
def test_row_problems_name_the_cell(
    campaign: Campaign,
    tmp_path: Path,
    row: dict[str, object],
    code: str,
    header: str,
    severity: Severity,
) -> None:
    fillers = [hazard(部位="一号楼"), hazard(部位="二号楼")]
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [*fillers, row])
    form = read(path, campaign)
    ws = load_workbook(path)[FORM_SHEET]
    header_row, columns = header_position(ws)
    expected_cell = f"{ws.cell(1, columns[header]).column_letter}{header_row + 3}"
    assert codes(form) == [(code, expected_cell, severity)]
    (problem,) = form.problems
    assert problem.sheet == FORM_SHEET and problem.where == f"{FORM_SHEET}!{expected_cell}"
    assert problem.field == header and problem.message
    assert len(form.hazards) == 3, "a row with problems is still a hazard"
    assert form.hazards[2].errors == (severity is Severity.ERROR)


@pytest.mark.parametrize(
    ("where", "typed"),
    [
        ("label", date(2023, 12, 13)),
        ("value", date(2023, 12, 13)),
        ("label", "2023年12月13日"),
        ("label", "2023.12.13"),
        ("label", "12月13日"),
    ],
)
def test_a_date_typed_over_its_label_is_the_forms_date(
    campaign: Campaign, tmp_path: Path, where: str, typed: object
) -> None:
    """The 日期 typed into the label's cell (“日期：” gone): it was “表头没有填写日期” and the
    return dated by its file (clerk trial 74). A date typed where it belongs is read as ever."""
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [hazard()], form_date=None)
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    row, col = label_cell(ws, "日期") if where == "label" else input_cell(ws, "日期")
    ws.cell(row, col).value = typed
    wb.save(path)
    form = read(path, campaign)
    assert form.form_date == date(2023, 12, 13)
    assert Code.MISSING_FORM_DATE not in {p.code for p in form.problems}


def test_hazards_without_their_item_are_said_on_their_sheet_only(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A blank copy of the sheet kept beside the filled one (自查整改清单 (2)) was told its
    “1 项隐患都没有填写检查内容” too (clerk trial 74)."""
    from tests.helpers import write_rows

    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [])
    wb = load_workbook(path)
    wb.copy_worksheet(wb[FORM_SHEET]).title = f"{FORM_SHEET} (2)"
    write_rows(wb[FORM_SHEET], [hazard(检查内容=None)])
    wb.save(path)
    said = [p for p in read(path, campaign).problems if p.code is Code.NO_ITEMS]
    assert [(p.sheet, "1 项隐患" in p.message) for p in said] == [(FORM_SHEET, True)]
    assert said[0].message.startswith("表中自查发现的 1 项隐患没有填写")  # not 都 (trial 106)


def test_missing_head_is_an_error_on_its_cell(campaign: Campaign, tmp_path: Path) -> None:
    """The problem names the cell the name belongs in, not the label's (F3 → G3)."""
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [hazard()], head=None)
    ws = load_workbook(path)[FORM_SHEET]
    form = read(path, campaign)
    assert [(p.code, p.severity) for p in form.problems] == [("missing-head", Severity.ERROR)]
    assert form.problems[0].cell == ws.cell(*input_cell(ws, "主要负责人")).coordinate
    assert input_cell(ws, "主要负责人") != label_cell(ws, "主要负责人")


def test_missing_reporter_names_the_cell_to_fill(campaign: Campaign, tmp_path: Path) -> None:
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [hazard()], reporter=None)
    ws = load_workbook(path)[FORM_SHEET]
    form = read(path, campaign)
    assert [p.code for p in form.problems] == ["missing-reporter"]
    assert form.problems[0].cell == ws.cell(*input_cell(ws, "上报人")).coordinate


def test_late_return_is_a_warning(campaign: Campaign, tmp_path: Path) -> None:
    path = filled_form(
        campaign, "总务基建处", tmp_path / "r.xlsx", [hazard()], form_date="2023年12月18日"
    )
    (problem,) = read(path, campaign).problems
    assert (problem.code, problem.severity) == ("late-return", Severity.WARNING)
    assert "逾期 3 天" in problem.message


def test_department_by_alias_by_file_name_and_mismatch(campaign: Campaign, tmp_path: Path) -> None:
    alias = filled_form(campaign, "职教中心学校", tmp_path / "a.xlsx", department_text="职教中心")
    assert read(alias, campaign).department == "职教中心学校"
    blank = filled_form(campaign, "附属医院", tmp_path / "附属医院.xlsx", department_text="")
    assert read(blank, campaign).department == "附属医院"
    # (each with a row saying its item was checked: a form of none is said so, trial 229)
    checked = [hazard(存在隐患问题="无")]
    mismatch = filled_form(campaign, "附属医院", tmp_path / "学院警务室报送.xlsx", checked)
    form = read(mismatch, campaign)
    assert form.department == "附属医院"
    assert [p.code for p in form.problems] == ["department-mismatch"]
    # a form of another department sent by mistake: how to take it out (clerk trial 57)
    assert "请移出该文件（再次汇总时加 --force）" in form.problems[0].message
    both = filled_form(campaign, "学生工作处", tmp_path / "学工处和附属医院.xlsx", checked)
    assert read(both, campaign).problems == []  # the name names its department, and another
    unknown = filled_form(
        campaign, "高级技工学校", tmp_path / "技校.xlsx", checked, department_text="高技"
    )
    form = read(unknown, campaign)
    assert form.department == "高级技工学校"
    assert [p.code for p in form.problems] == ["department-mismatch"]
    assert "表头部门“高技”不在本次活动的部门名单中，已按文件名计为“高级技工学校”" in (
        form.problems[0].message
    )


def test_department_by_the_folder_it_was_sent_in(campaign: Campaign, tmp_path: Path) -> None:
    """职教中心学校/实训楼B.xlsx with 部门（章） left blank was 部门无法识别, listed under
    “实训楼B”, and its department told it had not returned (clerk trial 43): the folder, or
    the archive, it was sent in names it. The header still wins; a file sent in no named
    folder is the department's the form was issued to (its workbook says), unknown when it
    is not an issued form; an unreadable one's department is only by its folder."""
    import shutil
    import zipfile

    from huitoukan.actions.collect import collect

    returns = tmp_path / "回收"
    filled_form(
        campaign, "职教中心学校", returns / "职教中心学校" / "实训楼B.xlsx", department_text=""
    )
    inner = filled_form(campaign, "附属医院", tmp_path / "门诊楼.xlsx", department_text="")
    with zipfile.ZipFile(returns / "附属医院.zip", "w") as archive:
        archive.write(inner, "2023年12月/门诊楼.xlsx")
    filled_form(campaign, "学生工作处", returns / "附属医院" / "宿舍.xlsx")  # header wins
    shutil.copy(inner, returns / "门诊楼.xlsx")  # no folder names a department
    shutil.copy(inner, returns / "无名.xlsx")
    not_as_issued(returns / "无名.xlsx")  # nor does a form typed afresh
    (returns / "附属医院" / "损坏.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    collection = collect(campaign, [returns], as_of=date(2023, 12, 20))
    whose = {Path(f.file).relative_to(returns).as_posix(): f.department for f in collection.forms}
    assert whose == {
        "职教中心学校/实训楼B.xlsx": "职教中心学校",
        "门诊楼.xlsx": "附属医院",
        "无名.xlsx": "",
        "附属医院.zip/2023年12月/门诊楼.xlsx": "附属医院",
        "附属医院/宿舍.xlsx": "学生工作处",
        "附属医院/损坏.xlsx": "附属医院",
    }


def test_unknown_department_is_an_error(campaign: Campaign, tmp_path: Path) -> None:
    path = filled_form(
        campaign, "附属医院", tmp_path / "x.xlsx", [hazard()], department_text="财务处"
    )
    form = read(path, campaign)
    assert form.department == ""
    assert [(p.code, p.severity) for p in form.problems] == [("unknown-department", Severity.ERROR)]
    assert form.hazards[0].department == "财务处"
    assert "是不是" not in form.problems[0].message  # nothing like it in the campaign


def test_a_misspelt_department_is_answered_with_the_closest_names(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = filled_form(
        campaign, "高级技工学校", tmp_path / "x.xlsx", [hazard()], department_text="高级技工学小"
    )
    form = read(path, campaign)
    assert form.department == ""  # never placed by a guess: the clerk decides
    assert "是不是“高级技工学校”？" in form.problems[0].message
    status = build_status(campaign, form.hazards, {}, date(2023, 12, 20))
    labels = {d.department: d.return_label() for d in status.departments}
    assert labels["高级技工学小"] == "部门无法识别" and labels["高级技工学校"] == "未报送"
    assert "高级技工学小" not in status.not_returned


def test_seed_ten_column_form_takes_default_deadline(campaign: Campaign, tmp_path: Path) -> None:
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [hazard(整改时限=None)])
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    _, columns = header_position(ws)
    for merged in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(merged))
    ws.delete_cols(columns["整改时限"])
    set_label(ws, "主要负责人", "张主任")
    set_label(ws, "日期", date(2023, 12, 14))
    set_label(ws, "联系方式", "0632-1234567")
    wb.save(path)
    assert header_position(ws)[1].get("整改时限") is None
    form = read(path, campaign)
    # said once: the deadlines are the default's (not a word was: clerk trial 94)
    assert [p.code for p in form.problems] == [Code.NO_DEADLINE_COLUMN]
    assert form.problems[0].message.startswith("表中没有“整改时限”一栏（不是下发的附件2）")
    assert form.hazards[0].deadline == date(2023, 12, 31)
    assert form.hazards[0].deadline_is_default


def test_extra_columns_go_to_remarks_and_columns_any_order(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [hazard(备注="已报修")])
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    a, b = columns["部位"], columns["责任人"]
    for r in range(header_row, header_row + 2):
        ws.cell(r, a).value, ws.cell(r, b).value = ws.cell(r, b).value, ws.cell(r, a).value
    extra = len(columns) + 1  # the first column past the form's
    ws.cell(header_row, extra).value = "整改资金（元）"
    ws.cell(header_row + 1, extra).value = 3000
    ws.cell(header_row, columns["整改措施"]).value = "整改\n措施 "  # a break and spaces
    wb.save(path)
    (row,) = read(path, campaign).hazards
    assert (row.location, row.owner, row.measures) == ("教学楼", "王五", "更换灭火器")
    assert row.remarks == "已报修；整改资金（元）：3000"


def test_percentages_and_times_are_read_as_shown(campaign: Campaign, tmp_path: Path) -> None:
    """100% typed is saved as the number 1 styled as a percentage: an added 完成进度 column's
    100% was dropped (taken for a repeat of the row's 序号 1), its 50% read 0.5, 100% in 备注
    read 1, and 12:30 read 12:30:00 (clerk trial 74). A % in quotes is text, not a
    percentage; a number not so styled is the number."""
    from datetime import time

    rows = [hazard(部位=name) for name in ("东门", "西门", "南门", "北门")]
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", rows)
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    extra = len(columns) + 1
    ws.cell(header_row, extra).value = "完成进度"
    ws.cell(header_row, extra + 1).value = "复核时间"
    shown = [(0.8, "0%"), (0.5, "0.00%"), (0.125, '0.0"%"'), (1, "General")]
    for n, (value, number_format) in enumerate(shown, start=1):
        ws.cell(header_row + n, extra).value = value
        ws.cell(header_row + n, extra).number_format = number_format
    remarks = ws.cell(header_row + 1, columns["备注"])
    remarks.value, remarks.number_format = 1, "0%"
    ws.cell(header_row + 2, extra + 1).value = time(12, 30)
    ws.cell(header_row + 2, extra + 1).number_format = "hh:mm"
    wb.save(path)
    said = [row.remarks for row in read(path, campaign).hazards]
    assert said == [
        "100%；完成进度：80%",
        "完成进度：50%；复核时间：12:30",
        "完成进度：0.125",
        "完成进度：1",
    ]


def test_a_long_number_that_lost_its_last_digits_is_said(
    campaign: Campaign, tmp_path: Path
) -> None:
    """An 18-digit ID typed as a number keeps 15 digits: the register shows it as the suites
    do (3.70402199001011E+17), and the row is told why (clerk trial 78); an 11-digit phone
    number is a number like any."""
    path = filled_form(
        campaign, "总务基建处", tmp_path / "r.xlsx",
        [hazard(责任人=370402199001011234), hazard(部位="食堂", 备注=13800138000)],
    )  # fmt: skip
    form = read(path, campaign)
    assert [h.owner for h in form.hazards] == ["3.70402199001011E+17", "王五"]
    [said] = [p for p in form.problems if p.code is Code.DIGITS_LOST]
    assert (said.field, said.row) == ("责任人", form.hazards[0].source_row)
    assert "显示为 3.70402199001011E+17" in said.message


def test_an_item_chosen_from_the_drop_down_is_kept_whole(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The drop-down offers 检查内容 cut short (消防安全-2 宿舍楼、教学楼、实验室、…): the register
    and --json kept the “…” (clerk trial 80). The item's whole words are kept, and counted
    under it; other text is as typed."""
    from huitoukan.register.coverage import ItemMatcher

    item = campaign.checklist[1]
    assert item.short.endswith("…")
    rows = [hazard(检查内容=item.short), hazard(部位="食堂", 检查内容="宿舍楼…自己写的")]
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", rows)
    first, second = read(path, campaign).hazards
    assert first.item == f"{item.label} {item.content}"
    assert ItemMatcher.of(tuple(campaign.checklist)).match(first.item) == item
    assert second.item == "宿舍楼…自己写的"


def test_merged_cells_are_read_on_every_row(campaign: Campaign, tmp_path: Path) -> None:
    path = filled_form(
        campaign,
        "总务基建处",
        tmp_path / "r.xlsx",
        [hazard(存在隐患问题="灭火器过期"), hazard(部位=None, 存在隐患问题="疏散指示灯损坏")],
    )
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    col = columns["部位"]
    ws.merge_cells(
        start_row=header_row + 1, start_column=col, end_row=header_row + 2, end_column=col
    )
    wb.save(path)
    rows = read(path, campaign).hazards
    assert [r.location for r in rows] == ["教学楼", "教学楼"]


@pytest.mark.parametrize("over", [1, 2])
def test_a_cell_merged_down_over_a_blank_row_makes_no_hazard_of_it(
    campaign: Campaign, tmp_path: Path, over: int
) -> None:
    """部位 merged over two hazards and the blank row (序号, 自查 as issued) below them: that
    row was a hazard of 部位 alone, four errors sent for it (clerk trial 141). A row under
    the merge with anything of its own is read as before."""
    rows = [hazard(存在隐患问题="排烟罩油污"), hazard(部位=None, 存在隐患问题="配电箱门未关")]
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", rows)
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    first, col = header_row + 1, columns["部位"]
    assert ws.cell(first + 2, columns["序号"]).value  # the blank row as issued
    ws.merge_cells(start_row=first, start_column=col, end_row=first + 1 + over, end_column=col)
    if over == 2:
        ws.cell(first + 3, columns["整改措施"]).value = "加锁"
    wb.save(path)
    form = read(path, campaign)
    assert [(h.location, h.hazard) for h in form.hazards] == [
        ("教学楼", "排烟罩油污"),
        ("教学楼", "配电箱门未关"),
    ] + [("教学楼", "")] * (over == 2)
    assert not [p for p in form.problems if p.row == first + 2]


def test_a_cell_merged_across_fields_counts_in_its_first_only(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A merged cell is read into every row it spans, not every column: 灭火器过期，需更换
    merged over 存在隐患问题 and 整改措施 stood for both, so the missing 整改措施 was never
    asked for (clerk trial 57). A heading typed across the table (一、消防安全) is no
    hazard, wherever its merged cell starts."""
    path = filled_form(
        campaign,
        "总务基建处",
        tmp_path / "r.xlsx",
        [
            hazard(存在隐患问题="灭火器过期，需更换", 整改措施=None),
            hazard(部位="食堂"),
            hazard(
                部位="一、消防安全",
                存在隐患问题=None,
                整改措施=None,
                整改完成情况=None,
                责任人=None,
                检查时间=None,
                整改时限=None,
            ),
            hazard(部位="车库"),
        ],
    )
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    first = header_row + 1
    ws.merge_cells(
        start_row=first,
        start_column=columns["存在隐患问题"],
        end_row=first,
        end_column=columns["整改措施"],
    )
    for c in range(1, ws.max_column + 1):  # a heading from 部位 to the table's end
        if c not in (columns["部位"], columns["序号"]) and ws.cell(first + 2, c).value is not None:
            ws.cell(first + 2, c).value = None
    ws.merge_cells(
        start_row=first + 2,
        start_column=columns["部位"],
        end_row=first + 2,
        end_column=columns["备注"],
    )
    wb.save(path)
    form = read(path, campaign)
    assert [(h.location, h.hazard, h.measures) for h in form.hazards] == [
        ("教学楼", "灭火器过期，需更换", ""),
        ("食堂", "楼道灭火器过期", "更换灭火器"),
        ("车库", "楼道灭火器过期", "更换灭火器"),
    ]
    hazard_cell = f"{ws.cell(1, columns['存在隐患问题']).column_letter}{first}"
    measures_cell = f"{ws.cell(1, columns['整改措施']).column_letter}{first}"
    assert codes(form) == [
        ("merged-across-fields", hazard_cell, Severity.WARNING),
        ("missing-measures", measures_cell, Severity.ERROR),
    ]
    assert form.problems[0].message.startswith(
        f"{hazard_cell}:{measures_cell} 合并成了一格，跨越存在隐患问题、整改措施几栏，"
        "内容只计入“存在隐患问题”"
    )


@pytest.mark.parametrize(
    ("made_days_before", "form_date", "refused"),
    [
        (61, date(2023, 9, 30), True),  # an earlier campaign's form, its date of then
        (61, None, True),
        (60, date(2023, 9, 30), False),  # issued early: this campaign's (its date is said)
        (61, date(2023, 12, 14), False),  # this campaign's answer typed into an old form
    ],
)
def test_a_form_of_an_earlier_campaign_is_no_return(
    campaign: Campaign,
    tmp_path: Path,
    made_days_before: int,
    form_date: date | None,
    refused: bool,
) -> None:
    """The form huitoukan issued for an earlier campaign, sent again with that campaign's
    rows, was taken as the department's newest version (saved last), and one of its old
    hazards entered the register as 逾期 (clerk trial 57): refused, its department told."""
    from datetime import datetime, timedelta

    current = filled_form(campaign, "附属医院", tmp_path / "附属医院.xlsx", [hazard(部位="门诊")])
    old = filled_form(
        campaign,
        "附属医院",
        tmp_path / "附属医院 最终版.xlsx",
        [hazard(部位="药房")],
        form_date=form_date,
    )
    wb = load_workbook(old)
    made = campaign.info.issued_on - timedelta(days=made_days_before)
    wb.properties.created = datetime(made.year, made.month, made.day, 9)
    wb.properties.lastModifiedBy = "李医生"
    wb.save(old)
    os.utime(old, (current.stat().st_mtime + 3600,) * 2)  # saved after the current one
    forms = [read(path, campaign) for path in (current, old)]
    assert forms[1].readable is not refused
    collection = collect(campaign, [tmp_path], as_of=date(2023, 12, 20))
    places = sorted(h.location for h in collection.hazards)
    assert places == (
        ["门诊"] if refused else ["药房", "门诊"]
    )  # (门诊 kept: a newer version lacks it)
    earlier = [p for p in forms[1].problems if p.code is Code.EARLIER_CAMPAIGN_FORM]
    # read as this campaign's, an old form is said to be (last year's return with its date
    # changed went into the register without a word: clerk trial 109)
    assert bool(earlier) is (made_days_before > 60 and not refused)
    if earlier:
        assert earlier[0].message.startswith(
            f"这是 {made.year}年{made.month}月{made.day}日 下发的往期表格，表头日期 2023年12月14日"
            " 在本次活动中，已按本次的报表汇总"
        )
        assert forms[1].issued_with is None  # its problems are not this campaign's
    if refused:
        assert forms[1].department == "附属医院"
        assert forms[1].reason == (
            f"这是 {made.year}年{made.month}月{made.day}日 下发的往期表格，表头日期"
            f"{' 2023年9月30日' if form_date else '未填写'}，不是本次活动（2023年12月5日 下发）的报表，"
            "未汇总；请用本次下发的附件2填写后重新报送"
        )


def test_a_form_whose_instructions_ask_for_it_by_last_year_is_no_return(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Last year's form, made again since (its file made this year), filled with last
    year's rows: its 填报说明 asks for it by last year's day (clerk trial 59)."""
    old = filled_form(
        campaign, "附属医院", tmp_path / "附属医院.xlsx", [hazard(部位="药房")],
        form_date=date(2022, 12, 14),
    )  # fmt: skip
    ask_by(old, date(2022, 12, 15))
    form = read(old, campaign)
    assert not form.readable and form.department == "附属医院"
    assert form.reason.startswith(
        "这是往期活动的表格（填报说明要求 2022年12月15日前报送），表头日期 2022年12月14日，"
        "不是本次活动（2023年12月5日 下发）的报表，未汇总"
    )
    # ... its date changed to one of this campaign: read, and said (clerk trial 109)
    wb = load_workbook(old)
    set_label(wb[FORM_SHEET], "日期", date(2023, 12, 14))
    wb.save(old)
    form = read(old, campaign)
    assert form.readable
    [said] = [p for p in form.problems if p.code is Code.EARLIER_CAMPAIGN_FORM]
    assert said.message.startswith(
        "这是往期活动的表格（填报说明要求 2022年12月15日前报送），表头日期 2023年12月14日"
    )


@pytest.mark.parametrize(
    ("due", "followup", "refused"),
    [
        (date(2024, 2, 29), False, False),
        (date(2024, 3, 1), False, True),
        (date(2024, 3, 1), True, False),  # a follow-up round's, issued months after the end
    ],
)
def test_a_form_of_a_later_campaign_is_no_return(
    campaign: Campaign, tmp_path: Path, due: date, followup: bool, refused: bool
) -> None:
    """Next year's form collected in last year's folder: merged into that register, its
    answers changed last year's 交办问题 counts (clerk trial 109). A 填报说明 asking for it
    more than 60 days after this campaign ended (12月31日) is a later campaign's; a follow-up
    round's is this campaign's whenever it is due (动态清零 goes on after the end)."""
    from huitoukan.model.documents import FOLLOWUP_MARK

    form_path = filled_form(
        campaign, "附属医院", tmp_path / "附属医院.xlsx", [hazard(部位="药房")],
        form_date=date(2023, 12, 14),
    )  # fmt: skip
    ask_by(form_path, due, FOLLOWUP_MARK if followup else "")
    form = read(form_path, campaign)
    assert form.readable is not refused
    if refused:
        assert form.reason.startswith(
            "这是之后一次活动的表格（填报说明要求 2024年3月1日前报送），不是本次活动"
            "（2023年12月5日 下发，2023年12月31日 结束）的报表，未汇总"
        )


@pytest.mark.parametrize(
    ("issued", "whose"),
    [  # a campaign issued 2023年12月5日, ending 2023年12月31日
        (date(2023, 10, 5), "earlier"),  # 61 days before it
        (date(2023, 10, 6), ""),  # 60 days: its 印发日期 corrected since
        (date(2023, 12, 5), ""),
        (date(2023, 12, 31), ""),  # the day it ended
        (date(2024, 1, 1), "later"),
    ],
)
def test_one_rule_tells_another_campaigns_form_by_its_subject(issued: date, whose: str) -> None:
    """Collect refused a form of a campaign issued after this one ended, while status
    counted the same form, saved beside the register, as a return of this campaign to be
    collected (their rules differed: within 60 days of the 印发日期 either way). One rule."""
    from huitoukan.model.documents import another_campaigns

    assert another_campaigns(issued, date(2023, 12, 5), date(2023, 12, 31)) == whose


@pytest.mark.parametrize(
    ("issued_on", "followup", "outcome"),
    [
        (date(2022, 10, 6), True, "refused"),  # last year's follow-up form, this year's date
        (date(2022, 10, 6), False, "said"),  # last year's blank form, this year's answers
        (date(2023, 10, 6), True, "read"),  # this campaign's, 60 days before its 印发日期
        (date(2024, 1, 1), True, "later"),  # issued after this campaign ended (12月31日)
        (date(2023, 12, 31), False, "read"),
    ],
)
def test_a_form_says_which_campaign_issued_it(
    campaign: Campaign, tmp_path: Path, issued_on: date, followup: bool, outcome: str
) -> None:
    """A follow-up round issued by mistake in last year's folder (a campaign of the same
    school and title), filled with this year's answers and dated this year: last year's
    closed hazard entered this year's register and last year's 整改时限 replaced this
    year's (clerk trial 211 BK1, HIGH). The form's subject names its campaign's 印发日期:
    a form prefilled by a campaign begun long before is refused however it is dated."""
    from huitoukan.model.documents import form_subject, form_title, subject_of

    title = campaign.info.title
    assert subject_of(form_subject(title, "青职教〔2025〕31号", issued_on)) == (title, issued_on)
    assert subject_of(form_subject(title, "", issued_on)) == (title, issued_on)
    assert subject_of(title) == (title, None)  # a form issued before it was said
    path = filled_form(campaign, "附属医院", tmp_path / "附属医院.xlsx", [hazard(部位="药房")])
    wb = load_workbook(path)
    assert subject_of(wb.properties.subject) == (title, campaign.info.issued_on)
    wb.properties.subject = form_subject(title, "", issued_on)
    wb.properties.title = form_title(campaign.info.school, "附属医院", followup)
    wb.save(path)
    form = read(path, campaign)
    assert form.readable is (outcome in ("read", "said"))
    earlier = [p for p in form.problems if p.code is Code.EARLIER_CAMPAIGN_FORM]
    assert bool(earlier) is (outcome == "said")
    day = f"{issued_on.year}年{issued_on.month}月{issued_on.day}日"
    if outcome == "refused":
        assert form.reason.startswith(
            f"这是往期活动（{day}印发）下发的表格（其中预填的是那次活动的隐患），"
            "表头日期 2023年12月14日，不是本次活动（2023年12月5日 下发）的报表，未汇总"
        )
        assert form.reason.endswith("请用本次下发的跟进轮表格填写后重新报送")  # (BN7)
    if outcome == "said":
        assert earlier[0].message.startswith(
            f"这是往期活动（{day}印发）下发的表格，表头日期 2023年12月14日 在本次活动中"
        )
    if outcome == "later":
        assert form.reason.startswith(
            f"这是之后一次活动的表格（{day}印发），不是本次活动"
            "（2023年12月5日 下发，2023年12月31日 结束）的报表，未汇总"
        )


def test_a_date_in_a_column_of_words_is_read_as_it_shows(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A room number 3-2 typed into 部位, which Excel and WPS turn into a date shown 3月2日:
    the register printed 2026-03-02, a year the department never wrote, without a word
    (clerk trial 213 BM1). Read as the cell shows it, and said; a style it cannot show (a
    month's name; an .xls's, an .ods's) writes the day out."""
    from datetime import datetime

    from huitoukan.cells import date_as_shown

    path = filled_form(
        campaign,
        "附属医院",
        tmp_path / "附属医院.xlsx",
        [
            hazard(部位=datetime(2023, 3, 2)),
            hazard(部位="门诊", 存在隐患问题="灭火器过期", 备注=datetime(2023, 1, 2)),
            hazard(部位=datetime(2023, 4, 5), 存在隐患问题="药房插线板串接"),
        ],
    )
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, datetime)]
    formats = {(2023, 3, 2): 'm"月"d"日"', (2023, 1, 2): "m/d", (2023, 4, 5): "d-mmm"}
    for cell in cells:
        day = (cell.value.year, cell.value.month, cell.value.day)
        if day in formats:
            cell.number_format = formats[day]
    wb.save(path)
    form = read(path, campaign)
    assert [(h.location, h.remarks) for h in form.hazards] == [
        ("3月2日", ""),
        ("门诊", "1/2"),
        ("2023年4月5日", ""),
    ]
    said = [p for p in form.problems if p.code is Code.DATE_IN_TEXT]
    assert [(p.field, p.value) for p in said] == [
        ("部位", "3月2日"),
        ("备注", "1/2"),
        ("部位", "2023年4月5日"),
    ]
    assert said[0].message.startswith("部位一栏的这个单元格是日期，显示为“3月2日”，台账照此录入")
    # its format not shown: not said to show so (trial 214 BN3)
    assert said[2].message.startswith("部位一栏的这个单元格是日期（2023年4月5日），台账照此录入")
    # the dates of the date columns are read as before
    assert form.hazards[0].deadline == date(2023, 12, 20)
    # its 隐患编号 as before it was read so: a register collected before keeps its verdicts
    # (upgraded mid-campaign, the 复查 合格 was refused, a closed hazard reopened: trial 214
    # BN1)
    from huitoukan.model.returns import hazard_id_of
    from huitoukan.text import fingerprint

    key = f"{fingerprint('2023-03-02')}|{fingerprint('楼道灭火器过期')}"
    assert form.hazards[0].hazard_id == hazard_id_of("附属医院", key)
    assert form.hazards[1].keyed_as == ""  # (a 备注 is no part of its identity)
    day = date(2026, 3, 2)
    assert [
        date_as_shown(day, code)
        for code in ('[$-804]m"月"d"日"', "yyyy-mm-dd", "YY.M.D", 'yyyy"年"m"月"d"日" h:mm', "")
    ] == ["3月2日", "2026-03-02", "26.3.2", "2026年3月2日", "2026年3月2日"]


def test_not_a_form_is_unreadable_with_reason(campaign: Campaign, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "随便什么表"
    wb.save(tmp_path / "其他.xlsx")
    form = read(tmp_path / "其他.xlsx", campaign)
    assert not form.readable and "未找到自查整改清单表头" in form.reason


def test_a_form_whose_column_headings_were_deleted_is_told_so(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The issued 附件2, filled in, its row of column headings deleted: told “未找到…表头，
    请使用下发的附件2填写”, the department insisted it had (clerk trial 112)."""
    from openpyxl import load_workbook

    from tests.helpers import header_position

    path = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard()])
    wb = load_workbook(path)
    ws = wb.active
    row, _ = header_position(ws)
    ws.delete_rows(row)
    wb.save(path)
    form = read(path, campaign)
    assert not form.readable
    assert form.reason.startswith(
        "表格上方的部门、主要负责人等都在，但找不到列标题行（序号、部位、存在隐患问题……），"
        "可能被删除了：请把这一行恢复"
    )


def test_a_departments_own_table_of_answers_is_told_to_use_the_form(
    campaign: Campaign, tmp_path: Path
) -> None:
    """总务基建处 answered its 交办问题 in a table of its own (问题编号, 检查发现的问题, 整改落实情况,
    是否整改完成), under its own title and 填报单位: told its row of column headings was
    deleted (clerk trial 182 AH104). It is told what it sent and where the answers go."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["总务基建处关于交办问题整改落实情况的报告"])
    ws.append(["填报单位：总务基建处（盖章）", None, None, "报送日期：2023年12月21日"])
    ws.append(["序号", "问题编号", "检查发现的问题", "整改落实情况", "是否整改完成", "完成时间"])
    ws.append([1, "SD-01", "北围墙开裂", "已设围挡，列入维修计划", "否", None])
    ws.append([2, "SJ-01", "应急灯损坏", "已更换", "是", "2023-12-12"])
    path = tmp_path / "总务基建处交办问题整改报告.xlsx"
    wb.save(path)
    form = read(path, campaign)
    assert not form.readable
    assert form.reason.startswith(
        "这是按本部门自己的格式写的交办问题整改情况（SD-01、SJ-01），不是下发的附件2，未汇总："
    ), form.reason


def test_a_value_that_looks_like_a_footer_label_is_data(campaign: Campaign, tmp_path: Path) -> None:
    """Found by hypothesis: a 责任人 called 填表人 must not end the table."""
    rows = [hazard(部位=f"楼{n}") for n in range(3)] + [hazard(部位="末行", 责任人="填表人")]
    form = read(filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", rows), campaign)
    assert [h.location for h in form.hazards] == ["楼0", "楼1", "楼2", "末行"]
    assert form.hazards[-1].owner == "填表人" and form.reporter == "李干事"


def test_a_departments_own_findings_are_self_check(campaign: Campaign, tmp_path: Path) -> None:
    """Forms without assigned problems have the 问题来源 column empty: 自查 all the same."""
    path = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard()])
    assert [h.source for h in read(path, campaign).hazards] == ["自查"]


def test_a_row_pasted_twice_is_said_on_the_copy(campaign: Campaign, tmp_path: Path) -> None:
    """Both rows are kept (nothing a department wrote is dropped) and counted, so the copy
    carries a warning on its 存在隐患问题 cell; a 问题编号 answered on two different rows
    is said on the second row's 问题编号 cell."""
    rows = [
        hazard(),
        hazard(部位="食堂"),
        hazard(整改措施="再次更换"),  # the first row again, its 整改措施 retyped
        hazard(部位="实训楼", 问题编号="XJ-01"),
        hazard(部位="图书馆", 存在隐患问题="书架未固定", 问题编号="xj－01"),
    ]
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", rows)
    form = read(path, campaign)
    ws = load_workbook(path)[FORM_SHEET]
    header_row, columns = header_position(ws)

    def cell(header: str, offset: int) -> str:
        return f"{ws.cell(1, columns[header]).column_letter}{header_row + 1 + offset}"

    assert codes(form) == [
        ("repeated-hazard", cell("存在隐患问题", 2), Severity.WARNING),
        ("repeated-answer", cell("问题编号", 4), Severity.WARNING),
    ]
    assert f"与第 {header_row + 1} 行的部位和隐患问题相同" in form.problems[0].message
    assert len(form.hazards) == 5 and form.hazards[2].warnings == 1


def test_several_hazards_typed_into_one_row_are_said(campaign: Campaign, tmp_path: Path) -> None:
    """A 存在隐患问题 listing hazards 1. 2. … counts as one hazard in the register, with one
    整改完成情况 and one 销号时间 for all: the department is asked for a row each. An assigned
    problem's row is not (its 问题描述 is the inspectors', however they listed it), nor a
    text whose numbers are no list (1、2号楼, 0.9米)."""
    rows = [
        hazard(存在隐患问题="1.灭火器过期；2.疏散通道堵塞"),
        hazard(部位="食堂", 存在隐患问题="1、2号楼之间消防通道堵塞，护栏仅0.9米"),
        hazard(部位="实训楼", 存在隐患问题="（1）配电箱未上锁（2）线路老化", 问题编号="XJ-01"),
        # unnumbered, apart by ； or on lines of their own (clerk trial 177 AD4)
        hazard(部位="化工学院实验室", 存在隐患问题="通风橱故障；洗眼器无水；危废桶未加盖"),
        hazard(部位="物理实验室", 存在隐患问题="配电箱未上锁\n插线板串接使用"),
        hazard(部位="北门", 存在隐患问题="防冲撞隔离桩缺失；已设临时围挡；待采购"),  # (not)
    ]
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", rows)
    form = read(path, campaign)
    ws = load_workbook(path)[FORM_SHEET]
    header_row, columns = header_position(ws)
    column = ws.cell(1, columns["存在隐患问题"]).column_letter
    assert codes(form) == [
        ("several-hazards", f"{column}{header_row + row}", Severity.WARNING) for row in (1, 4, 5)
    ]
    assert [p.message[:14] for p in form.problems] == [
        f"存在隐患问题一栏列了 {n} 条" for n in (2, 3, 2)
    ]
    assert len(form.hazards) == 6 and form.hazards[0].warnings == 1


@pytest.mark.parametrize(
    ("checked", "deadline", "variant_said"),
    [
        (date(2023, 12, 30), date(2023, 12, 31), "暂按活动默认整改时限"),
        (date(2023, 12, 31), date(2023, 12, 31), "暂按活动默认整改时限"),
        (date(2024, 1, 1), None, "不按默认时限计"),
    ],
)
def test_a_hazard_found_after_the_default_deadline_has_none(
    campaign: Campaign, tmp_path: Path, checked: date, deadline: date | None, variant_said: str
) -> None:
    """The default 整改时限 (12月31日) of a hazard found after it would make it overdue the
    day it is reported: it has none, and the department is asked for one."""
    row = hazard(检查时间=checked, 整改时限=None)
    path = filled_form(campaign, "安全保卫处", tmp_path / "a.xlsx", [row])
    form = read_form(path, campaign, as_of=date(2024, 1, 10))
    assert form.hazards[0].deadline == deadline
    [missing] = [p for p in form.problems if p.field == "整改时限"]
    assert variant_said in missing.message


@pytest.mark.parametrize(
    ("day", "flagged"),
    [(date(2023, 12, 4), True), (date(2023, 12, 5), False), (date(2023, 12, 6), False)],
)
def test_a_form_dated_before_the_campaign_was_issued_is_an_error(
    campaign: Campaign, tmp_path: Path, day: date, flagged: bool
) -> None:
    """A year typed wrong (2023-01-02 for 2024-01-02) ranks the newest version first of all:
    a 日期 before the plan was issued (12月5日) cannot be a return's."""
    path = filled_form(campaign, "安全保卫处", tmp_path / "a.xlsx", [hazard()], form_date=day)
    form = read_form(path, campaign, as_of=date(2023, 12, 20))
    codes = [p.code.value for p in form.problems if p.severity is Severity.ERROR]
    assert ("form-date-before-issue" in codes) is flagged


def test_a_bare_table_names_the_missing_labels_in_chinese(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A supplement sent as the table alone (no 部门/主要负责人/日期 lines, no footer):
    what it lacks is named as the form names it, on screen and in the copy sent back."""
    from openpyxl import Workbook

    from huitoukan.forms.layout import COLUMNS

    book = Workbook()
    ws = book.active
    ws.title = "补充"
    ws.append([c.header for c in COLUMNS])
    row = hazard()
    ws.append([1, *(row.get(c.header) for c in COLUMNS[1:])])
    path = tmp_path / "总务基建处补充.xlsx"
    book.save(path)
    fields = {p.code: p.field for p in read(path, campaign).problems}
    assert fields["missing-head"] == "主要负责人"
    assert fields["missing-reporter"] == "上报人"
    assert fields["missing-form-date"] == "日期"


@pytest.mark.parametrize(("typed", "shown"), [(12.5, "12.5"), (11.27, "11.27"), (100, "100")])
def test_a_number_typed_into_a_date_cell_is_asked_for_as_a_date(
    campaign: Campaign, tmp_path: Path, typed: float, shown: str
) -> None:
    """12.5 typed for 12月5日 into the form's date cell is the date 1900-01-12 to a
    spreadsheet: it was “早于印发日期一年以上，请核对年份” with a date nobody typed, and
    the row kept 1900 dates. It is not understood, quoted as typed."""
    path = filled_form(
        campaign, "总务基建处", tmp_path / "r.xlsx", [closed(整改时限=typed, 销号时间=typed)]
    )
    form = read(path, campaign)
    deadline, closing = [p for p in form.problems if p.code == "bad-date"]
    assert f"整改时限“{shown}”无法识别为日期" in deadline.message
    # (the 1900 and the lost 0 said of the 整改时限 too: clerk trials 229 CC6, 234 CH3)
    assert "末尾的 0 也会丢掉，如 12.30 存成 12.3" in deadline.message
    assert form.hazards[0].deadline != date(1900, 1, 12)  # as if blank: the default one
    # and said to be a number, shown as a day of 1900 (“12.1” alone for 12.10, the cell
    # showing 1900年1月11日: clerk trial 184 AJ5)
    assert closing.message.startswith(
        f"销号时间“{shown}”无法识别为日期（填的是数字，表格按日期格式会显示为 1900 年的某一天，末尾的 0 也会丢掉，如 12.30 存成 12.3）"
    )
    # the header's 日期 too (said only 无法识别: clerk trial 185 AK6)
    path = filled_form(campaign, "总务基建处", tmp_path / "h.xlsx", [hazard()], form_date=typed)
    [header] = [p for p in read(path, campaign).problems if p.code == "bad-date"]
    assert header.message.startswith(
        f"表头日期“{shown}”无法识别为日期（填的是数字，表格按日期格式会显示为 1900 年的某一天"
    ), header.message
    # what it may be, of a month and day (clerk trial 235 CI3)
    # (12.5 is the day it is read as, 11.27 is before the campaign was issued)
    maybe = {"12.5": "；看作 2023年12月5日", "11.27": "；可能是11月27日）", "100": "）"}[shown]
    assert f"1900 年的某一天{maybe}" in header.message


@pytest.mark.parametrize(
    ("deadline", "checked_on", "said"),
    [
        (date(2023, 12, 4), None, True),  # the day before the campaign was issued
        (date(2023, 12, 5), None, False),  # the day it was issued
        (date(2022, 12, 20), None, True),  # a year typed wrong
        (date(2023, 12, 4), date(2023, 11, 20), False),  # found before: a date says so
    ],
)
def test_a_deadline_before_the_campaign_without_a_checking_day_is_asked_about(
    campaign: Campaign, tmp_path: Path, deadline: date, checked_on: date | None, said: bool
) -> None:
    """整改时限 2023-12-20 for 2024-12-20 with no 检查时间: the hazard was 351 days overdue
    and nothing said why (clerk trial 33)."""
    assert campaign.info.issued_on == date(2023, 12, 5)
    found = _said_of_deadline(campaign, tmp_path, deadline, checked_on, "deadline-before-issue")
    assert bool(found) is said
    if said:
        assert "早于本次活动印发日期 2023年12月5日" in found[0].message


@pytest.mark.parametrize(
    ("closed_on", "codes"),
    [
        (date(2023, 2, 2), ["closed-before-issue"]),  # 306 days before the campaign was issued
        (date(2023, 2, 3), []),  # 305: not about a year
        (date(2023, 2, 4), []),
        (date(2023, 8, 25), []),  # checked and closed in the summer (trial 219 BS6)
        (date(2022, 12, 4), ["implausible-date"]),  # a year before: an error of its own
    ],
)
def test_a_hazard_closed_months_before_the_campaign_began_is_asked_about(
    campaign: Campaign, tmp_path: Path, closed_on: date, codes: list[str]
) -> None:
    """Last year's follow-up form filled in with this year's answers brought a hazard
    closed (销号时间 2025-11-22) before this campaign was issued (2026-11-16) into this
    year's register, 待复查, without a word (trial 211 BK14, trial 214 BN2)."""
    assert campaign.info.issued_on == date(2023, 12, 5)
    row = closed(检查时间=date(2022, 12, 6), 整改时限=date(2023, 12, 20), 销号时间=closed_on)
    form = read(filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [row]), campaign)
    said = [p for p in form.problems if p.code in ("closed-before-issue", "implausible-date")]
    assert [p.code for p in said if p.field == "销号时间"] == codes
    if codes == ["closed-before-issue"]:
        assert said[0].message.startswith(
            "销号时间 2023年2月2日 比本次活动印发日期 2023年12月5日 早将近一年"
        ), said[0].message
        assert said[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    ("deadline", "checked_on", "said"),
    [  # the campaign ends 2023年12月31日
        (date(2024, 12, 30), date(2023, 12, 10), False),  # 365 days after it
        (date(2024, 12, 31), date(2023, 12, 10), True),  # 366: a year typed wrong
        (date(2025, 12, 18), date(2023, 12, 10), True),
        (date(2025, 3, 5), date(2024, 3, 6), False),  # a year after a hazard found later
        (date(2025, 3, 6), date(2024, 3, 6), False),
        (date(2025, 3, 7), date(2024, 3, 6), True),
    ],
)
def test_a_deadline_more_than_a_year_after_the_campaign_is_asked_about(
    campaign: Campaign, tmp_path: Path, deadline: date, checked_on: date, said: bool
) -> None:
    """12/18 typed in LibreOffice read as 2026年12月18日 in a campaign of 2024, and the hazard
    went off every overdue list without a word (clerk trial 124)."""
    assert campaign.info.ends_on == date(2023, 12, 31)
    found = _said_of_deadline(campaign, tmp_path, deadline, checked_on, "deadline-far-ahead")
    assert bool(found) is said
    if said:
        assert found[0].message.startswith(f"整改时限 {deadline.year}年")


@pytest.mark.parametrize(
    "remarks", ["属历史遗留问题，已增配灭火器", "临时防护措施：设置围挡、限制人数", None]
)
def test_a_far_deadline_of_a_row_marked_long_standing_asks_for_the_year_alone(
    campaign: Campaign, tmp_path: Path, remarks: str | None
) -> None:
    """A row marked 属历史遗留问题 with a deadline in 2025 was asked to write 历史遗留 in its
    备注 (clerk trial 179 AF4): only the year is asked about."""
    [found] = _said_of_deadline(
        campaign, tmp_path, date(2025, 12, 18), date(2023, 12, 10), "deadline-far-ahead", remarks
    )
    assert ("请在备注中注明" in found.message) is (remarks is None), found.message
    marked = "已写明需长期整改（列入历史遗留问题），请核对年份"
    assert (marked in found.message) is (remarks is not None)


def _said_of_deadline(
    campaign: Campaign,
    tmp_path: Path,
    deadline: date,
    checked_on: date | None,
    code: str,
    remarks: str | None = None,
) -> list[Problem]:
    """The problems of `code` said of a return's one row with this 整改时限 and 检查时间."""
    row = hazard(整改时限=deadline, 检查时间=checked_on, 备注=remarks)
    form = read(filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [row]), campaign)
    return [p for p in form.problems if p.code == code]


@pytest.mark.parametrize(
    ("checked_on", "default"),
    [(date(2023, 12, 30), True), (date(2023, 12, 31), True), (date(2024, 1, 1), False)],
)
def test_an_unreadable_deadline_says_the_default_it_is_chased_against(
    campaign: Campaign, tmp_path: Path, checked_on: date, default: bool
) -> None:
    """整改时限 “待定” is not a date: the hazard is chased against the campaign's default
    整改时限 (2023-12-31), and the error says so (a clerk saw 活动默认 in the register and
    no word of it); one found after that day has no default, and is not told of one."""
    row = hazard(整改时限="待定", 检查时间=checked_on)
    form = read(filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [row]), campaign)
    [said] = [p for p in form.problems if p.code == "bad-date"]
    assert ("暂按活动默认整改时限 2023年12月31日 计" in said.message) is default
    assert form.hazards[0].deadline == (date(2023, 12, 31) if default else None)


@pytest.mark.parametrize(
    ("field", "code"),
    [("销号时间", "closed-after-form-date"), ("检查时间", "checked-after-form-date")],
)
@pytest.mark.parametrize(
    ("day", "said"),
    [(date(2023, 12, 13), False), (date(2023, 12, 14), False), (date(2023, 12, 15), True)],
)
def test_a_closing_or_a_check_after_the_form_was_sent_is_doubted(
    campaign: Campaign, tmp_path: Path, field: str, code: str, day: date, said: bool
) -> None:
    """A form dated 12月14日 cannot report a 销号 of 12月15日 (the 日期 left as it was when
    the form was updated: versions are ordered by it), nor a 检查时间 of 12月15日 (a version
    sent the day before an inspection, its 检查时间 typed after it, was taken by 追责核查
    for a hazard found after the inspection, and collect said nothing: clerk trial 73);
    the same day can."""
    row = closed(销号时间=day) if field == "销号时间" else hazard(检查时间=day)
    path = filled_form(
        campaign, "总务基建处", tmp_path / "r.xlsx", [row], form_date=date(2023, 12, 14)
    )
    found = [p for p in read(path, campaign).problems if p.code == code]
    assert bool(found) is said
    if said:
        assert found[0].message.startswith(f"{field} 2023年12月15日 晚于表头日期 2023年12月14日")


def test_a_deleted_column_is_said_once_not_on_every_row(campaign: Campaign, tmp_path: Path) -> None:
    """整改完成情况 deleted from the form: one error naming the column, not “没有填写整改完成
    情况” on each row (which asks to fill in a cell the form no longer has)."""
    path = filled_form(
        campaign, "总务基建处", tmp_path / "r.xlsx", [hazard(), hazard(部位="食堂"), closed()]
    )
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    _, columns = header_position(ws)
    for merged in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(merged))
    ws.delete_cols(columns["整改完成情况"])
    wb.save(path)
    form = read(path, campaign)
    assert [p.code for p in form.problems if "progress" in p.code or "column" in p.code] == [
        "missing-column"
    ]
    [said] = [p for p in form.problems if p.code == "missing-column"]
    assert said.message.startswith("表中没有“整改完成情况”这一列")
    assert said.row == header_position(ws)[0]


def test_a_hazard_named_like_the_column_is_a_hazard_and_the_header_again_is_not(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A row whose 存在隐患问题 is “隐患问题” was taken for the table's header copied onto a
    second page and left out of the register (hypothesis found it). The header copied
    again — 部位 and 存在隐患问题 naming their columns — is still left out."""
    rows = [
        hazard(部位="3号楼", 存在隐患问题="隐患问题"),
        hazard(部位="部位", 存在隐患问题="存在隐患问题", 整改措施="整改措施", 责任人="责任人"),
        hazard(部位="5号楼"),
    ]
    form = read(filled_form(campaign, "安全保卫处", tmp_path / "保卫处.xlsx", rows), campaign)
    assert [h.location for h in form.hazards] == ["3号楼", "5号楼"]


@pytest.mark.parametrize(
    ("values", "field"),
    [((1, 2, 3), "seq"), (("XJ-01", "SD-01", 3), "number"), (("XJ-01", 2, 3), "seq")],
)
def test_a_column_headed_bianhao_is_the_problem_number_when_it_holds_numbers(
    values: tuple[object, ...], field: str
) -> None:
    """编号 is the form's 序号 in other words, unless most of what it holds are problem
    numbers (XJ-01): a department's own table numbering its answers (clerk trial 92)."""
    from huitoukan.forms.layout import find_header

    header = ["编号", "部位", "存在隐患问题", "整改措施", "整改完成情况", "责任人"]
    rows: list[list[object]] = [header]
    rows += [[v, "食堂", "灭火器过期", "更换", "整改中", "王五"] for v in values]
    match = find_header(rows)
    assert match is not None and match.columns.get(field) == 0


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("已完成50%", "整改中"),  # half done: not done (it was, and closed: clerk trial 130)
        ("已完成 99.5％", "整改中"),
        ("已完成100%", "已完成"),  # all of it
        ("完成60%", "整改中"),
        ("已完成一半", "整改中"),
        ("完成大部分", "整改中"),
        ("已完成", "已完成"),
        ("已全部完成", "已完成"),  # (unrecognised: clerk trial 132)
        ("全部完成。", "已完成"),
        ("基本完成", "整改中"),  # not all of it (kept an accepted closing: trial 185 AK3)
        # as departments write it (unrecognised, they reopened accepted hazards: trial 182)
        ("整改完毕", "已完成"),
        ("100%", "已完成"),
        ("60%", "整改中"),
        ("√", "已完成"),
        ("已验收", "已完成"),
        ("整改到位", "已完成"),
        ("已完成（未验收）", "已完成"),
        # not done, in other words (taken for none, they kept an 已完成: trial 183 AI1)
        ("整改未完成", "整改中"),
        ("尚在整改", "整改中"),
        ("验收不合格", "整改中"),
        ("返工", "整改中"),
        ("×", "未整改"),
        # 已完成 or 已整改 going on to say it is not (they kept an accepted hazard closed:
        # clerk trial 185 AK1), but not a thing done again
        ("已整改，但整改不到位", "整改中"),
        ("已完成，复查不合格需重新整改", "整改中"),
        ("已完成，但隐患复发", "整改中"),
        ("已整改，未到位", "整改中"),
        ("已完成，已重新更换灭火器", "已完成"),
        # not done, in more words (trial 185 AK3, AK5)
        ("没完成", "整改中"),
        ("还没完成", "整改中"),
        ("维修中", "整改中"),
        ("施工中", "整改中"),
        ("已报修，报修中", "整改中"),
        ("整改未结束", "整改中"),
        ("未完全整改", "整改中"),
        ("未验收", "已完成"),
        ("待验收", "已完成"),
        # the last clause saying one (复发, 重新 read anywhere reopened hazards that had
        # passed their review: clerk trial 187 AM1, AM7)
        ("已完成，建立长效机制防止隐患复发", "已完成"),
        ("已整改完毕，经复查未发现复发", "已完成"),
        ("已完成，无需重新整改", "已完成"),
        ("已重新整改完成", "已完成"),
        ("隐患复发，已重新整改完毕", "已完成"),
        ("未发现复发，已完成", "已完成"),
        ("已完成，但隐患复发", "整改中"),
        ("隐患复发，重新整改", "整改中"),
        ("整改中，预计月底完成", "整改中"),
        ("已整改但不到位", "整改中"),
        ("经检查未复发，已完成", "已完成"),
        ("整改到位，无复发", "已完成"),
        ("隐患已消除，未复发", "已完成"),
        ("已更换楼道应急照明灯", "已完成"),  # what was done (asked, a nuisance: trial 193 AS20)
        ("未整改", "未整改"),
        ("未开始", "未整改"),
        # after 已完成, a clause about the 复查验收 or 销号 to come, about nothing being wrong,
        # about how it stood before or how it was done: done (read as not done, they
        # reopened accepted hazards: clerk trial 188 AN1)
        ("已完成，尚未验收", "已完成"),
        ("已完成，尚未复查验收", "已完成"),
        ("已整改，尚未复查", "已完成"),
        ("已完成，未复查", "已完成"),
        ("已完成，正在验收", "已完成"),
        ("已完成，正在复查", "已完成"),
        ("已完成，未销号", "已完成"),
        ("已完成，尚未销号", "已完成"),
        ("未销号", None),  # alone, asked
        ("正在验收", "已完成"),
        ("已完成，没有问题", "已完成"),
        ("已整改，没有不到位", "已完成"),
        ("已完成，不存在未完成项", "已完成"),
        ("已完成，经复查没有返工", "已完成"),
        ("已完成（重新更换）", "已完成"),
        ("重新整改", "整改中"),
        ("已完成，之前整改中", "已完成"),
        ("已完成（原报整改中）", "已完成"),
        ("已完成，上次报整改中", "已完成"),
        ("已完成，之前未整改", "已完成"),
        ("之前整改中，现已完成", "已完成"),
        ("前期整改中，现已全部完成", "已完成"),
        ("12月20日已完成（此前整改中）", "已完成"),
        ("整改中→已完成", "已完成"),
        ("整改中，之前已完成", "整改中"),  # redone since (trial 188 AN2)
        ("之前已完成，现又复发，整改中", "整改中"),
        ("基本完成，待验收", "整改中"),
        # part of it, or not done after all, in other words (trial 188 AN2)
        ("已整改一半", "整改中"),
        ("已整改大部分", "整改中"),
        ("大部分已完成，剩余部分整改中", "整改中"),
        ("已完成，但仍有问题", "整改中"),
        ("已完成，但隐患仍存在", "整改中"),
        ("已完成，但还存在问题", "整改中"),
        ("已整改，效果不明显", "整改中"),
        ("已完成，复查未通过", "整改中"),
        ("已完成，但未解决", "整改中"),  # done, then not: part of it
        ("已完成，整改中", "整改中"),
        # what was wrong, fixed; done after rework (trial 188 AN2)
        ("已完成，不合格处已整改", "已完成"),
        ("已完成，未到位的已补齐", "已完成"),
        ("不到位处已整改完毕", "已完成"),
        ("已整改，未整改部分已完成", "已完成"),
        ("复发后已重新整改完成", "已完成"),
        ("返工后已完成", "已完成"),
        ("已返工完成", "已完成"),
        ("已完成，需返工", "整改中"),
        # done, in other words (无法识别: trial 188 AN2)
        ("已经完成", "已完成"),
        ("已经整改完成", "已完成"),
        ("全部整改完毕", "已完成"),
        ("处理完毕", "已完成"),
        ("已维修完毕", "已完成"),
        ("12月20日完成", "已完成"),
        ("已于12月20日完成", "已完成"),
        ("完成了", "已完成"),
        ("整改中，预计12月25日完成", "整改中"),
        # after 已完成, a clause denying something other than the work, in any words: done
        # (they reopened accepted hazards: clerk trial 190 AP1)
        ("已完成，没有发现其他问题", "已完成"),
        ("已完成，未发现安全隐患", "已完成"),
        ("已完成，没有任何问题", "已完成"),
        ("已完成，尚未组织验收", "已完成"),
        ("已完成，未经复查", "已完成"),
        ("已完成，未办理销号", "已完成"),
        ("已完成，未附照片", "已完成"),
        ("已完成，没有逾期", "已完成"),
        ("已完成，未能按期完成", "已完成"),  # late, not undone
        ("已完成，第一轮报整改中", "已完成"),
        ("已完成（原整改中）", "已完成"),
        ("已完成，正在完善台账", "已完成"),
        ("正在协调资金", "整改中"),
        ("整改中 已完成", "已完成"),
        ("由整改中改为已完成", "已完成"),
        # the work itself denied, or still wrong (trial 190 AP2)
        ("已完成，尚未张贴标识", "整改中"),
        ("已完成，没有彻底解决", "整改中"),
        ("已完成，未结束", "整改中"),
        ("已完成，但还有问题", "整改中"),
        ("已完成，但问题依旧", "整改中"),
        ("已完成，复查未合格", "整改中"),
        ("已完成，但又损坏了", "整改中"),
        ("不合格处已全部整改", "已完成"),
        ("返工完成", "已完成"),
        ("已处理好", "已完成"),
        # work left, or wrong again, in other words; counts of it (clerk trial 191 AQ1–AQ4)
        ("已完成，但还差一块警示牌", "整改中"),
        ("已整改，还需进一步完善", "整改中"),
        ("已维修，但仍漏水", "整改中"),
        ("已整改，问题还在", "整改中"),
        ("已整改，但不彻底", "整改中"),
        ("已整改，未彻底", "整改中"),
        ("已完成，但近期又出现", "整改中"),
        ("已更换，又跳闸了", "整改中"),
        ("已整改50%", "整改中"),
        ("已完成3/5", "整改中"),
        ("已完成5/5", "已完成"),
        ("5处已整改3处", "整改中"),
        ("已完成3处，剩余2处正在整改", "整改中"),
        ("已整改一部分，剩余月底前完成", "整改中"),
        ("已完成一楼，二楼计划下周完成", "整改中"),
        ("一楼已完成，二三楼正在进行", "整改中"),
        ("基本整改到位", "整改中"),
        ("已基本解决", "整改中"),
        ("部分已完成", "整改中"),
        ("已完成，剩余部分也已完成", "已完成"),
        ("提前完成", "已完成"),
        # what was wrong, fixed; nothing wrong, denied; relapse dealt with (AQ5)
        ("已完成，不合格的灭火器已全部更换", "已完成"),
        ("不到位的地方已整改", "已完成"),
        ("已完成，设备仍在正常运行", "已完成"),
        ("已完成，复查时没有不合格", "已完成"),
        ("开始未整改到位，后返工完成", "已完成"),
        ("又出现杂物，已再次清理", "已完成"),
        ("预计12月25日完成", "整改中"),  # what is to be done (asked: trial 195 AU17)
        ("计划整改", "整改中"),
        ("已采购，待安装", "整改中"),
    ],
)
def test_a_share_of_the_work_done_is_not_done(typed: str, expected: str | None) -> None:
    from huitoukan.forms.progress import normalize_progress

    assert normalize_progress(typed) == expected


def test_a_share_of_the_work_closed_is_told_in_its_own_words(
    campaign: Campaign, tmp_path: Path
) -> None:
    """已完成50% with a 销号时间: told its 整改完成情况 was “整改中”, which it never typed
    (clerk trial 131)."""
    row = hazard(整改完成情况="已完成50%", 销号时间=date(2023, 12, 12))
    form = read(filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [row]), campaign)
    [said] = [p for p in form.problems if p.code is Code.CLOSED_NOT_DONE]
    assert said.message.startswith("填写了销号时间，但整改完成情况“已完成50%”按“整改中”计")


def test_a_row_of_text_alone_below_a_hazard_is_said_to_go_on_from_it(
    campaign: Campaign, tmp_path: Path
) -> None:
    """“机房内插线板串接、线缆杂乱，” on row 6 and “且机房灭火器放置在柜内不易取用” alone on
    row 7: a second hazard with six errors, none saying it read as the rest of row 6 (clerk
    trial 234 CH4). Counted still (a hazard is never dropped on a guess), and said."""
    rows = [
        hazard(存在隐患问题="机房内插线板串接、线缆杂乱，"),
        {"存在隐患问题": "且机房灭火器放置在柜内不易取用"},
        hazard(部位="食堂", 存在隐患问题="燃气软管老化"),
        {"存在隐患问题": "库房灭火器过期"},  # (a hazard on its own: the row above ends whole)
    ]
    form = read(filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", rows), campaign)
    assert len(form.hazards) == 4
    [said] = [p for p in form.problems if p.code is Code.CONTINUED_ROW]
    assert said.row == 7 and "像是第 6 行隐患的接续（上一行以“，”结尾）" in said.message
    assert "请把这段文字并入第 6 行" in said.message
    # and not told of each cell it leaves blank (remind asked them filled: trial 235 CI5)
    assert not [p for p in form.problems if p.row == 7 and p.code is Code.MISSING_MEASURES]
    assert form.hazards[1].errors_said == ()
    assert [p.code for p in form.problems if p.row == 9 and p.code is Code.MISSING_MEASURES]
