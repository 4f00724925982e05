"""Returns as departments really send them: odd names, zips, several forms in one workbook,
paper-form habits, extra columns, impossible dates, the same file twice. Nothing a
department wrote is lost or misplaced; a bad file costs its own line, never the run."""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from huitoukan.actions.collect import collect, collect_to_register
from huitoukan.campaign import Campaign
from huitoukan.cells import column_letter
from huitoukan.forms.layout import COLUMNS, FORM_SHEET
from huitoukan.letters.feedback import write_feedback
from huitoukan.model.problems import Code, Severity
from huitoukan.model.returns import FileOutcome
from huitoukan.register.layout import FILES_SHEET, HAZARD_SHEET
from huitoukan.register.merging import Collection, looks_like_a_copy
from huitoukan.register.reading import read_register
from huitoukan.returns.finding import on_disk, still_there
from tests import hostile
from tests.helpers import (
    closed,
    filled_form,
    hazard,
    header_position,
    input_cell,
    not_as_issued,
    read_form,
    set_label,
    sheet_rows,
)
from tests.photo_forms import paste_photos
from tests.picture_builders import png

AS_OF = date(2023, 12, 20)


def codes(problems: object) -> list[str]:
    return [p.code for p in problems]  # type: ignore[attr-defined]


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes only on POSIX")
def test_a_file_name_that_is_not_utf8_is_shown_and_collected(
    campaign: Campaign, tmp_path: Path
) -> None:
    folder = tmp_path / "回收"
    good = filled_form(campaign, "附属医院", tmp_path / "x.xlsx", [hazard()])
    folder.mkdir()
    gbk = os.fsdecode(folder) + "/" + os.fsdecode("附属医院自查表.xlsx".encode("gbk"))
    shutil.copy(good, gbk)
    result = collect_to_register(campaign, [folder], tmp_path / "台账.xlsx", AS_OF)
    [form] = result.collection.forms
    assert form.readable and form.file.endswith("附属医院自查表.xlsx")
    assert form.source is not None and str(form.source.path) == gbk  # opened by its real name
    files = sheet_rows(tmp_path / "台账.xlsx", FILES_SHEET)
    assert str(files[0]["文件"]).endswith("附属医院自查表.xlsx")


def _second_department_sheet(path: Path, department: str, location: str) -> None:
    """A college office's workbook: the form copied onto a second sheet for another unit."""
    wb = load_workbook(path)
    copy = wb.copy_worksheet(wb[FORM_SHEET])
    copy.title = department
    set_label(copy, "部门", department)
    header_row, columns = header_position(copy)
    copy.cell(header_row + 1, columns["部位"]).value = location
    wb.save(path)


def test_two_departments_in_one_workbook_are_two_returns(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = filled_form(
        campaign, "高级技工学校", tmp_path / "两校合报.xlsx", [hazard(部位="实训楼")]
    )
    _second_department_sheet(path, "职教中心学校", "教学楼")
    collection = collect(campaign, [tmp_path], as_of=AS_OF)
    by_department = {f.department: f for f in collection.forms}
    assert set(by_department) == {"高级技工学校", "职教中心学校"}
    assert [h.location for h in by_department["高级技工学校"].hazards] == ["实训楼"]
    assert [h.location for h in by_department["职教中心学校"].hazards] == ["教学楼"]
    assert {h.department for h in collection.hazards if h.location == "教学楼"} == {"职教中心学校"}
    assert by_department["职教中心学校"].file == f"{tmp_path}/两校合报.xlsx［职教中心学校］"
    assert all(collection.outcomes[f.file] is FileOutcome.USED for f in collection.forms)
    # each department's 退回修改 copy holds its own form, not the other's
    from huitoukan.letters.feedback import write_feedback

    by_sheet = {f.department: f.sheet for f in collection.forms}
    missing_owner = tmp_path / "两校合报.xlsx"
    wb = load_workbook(missing_owner)
    for ws in (wb[by_sheet["高级技工学校"]], wb["职教中心学校"]):
        header_row, columns = header_position(ws)
        ws.cell(header_row + 1, columns["责任人"]).value = None  # an error in each
    wb.save(missing_owner)
    copies = write_feedback(collect(campaign, [tmp_path], as_of=AS_OF), tmp_path / "退回")
    for copy in copies:
        names = load_workbook(copy.copy_path).sheetnames
        other = next(d for d in by_sheet if d != copy.department)
        assert by_sheet[copy.department] in names and by_sheet[other] not in names, names
    assert len(copies) == 2


def test_a_workbook_of_two_departments_named_for_one_is_no_misfiled_form(
    campaign: Campaign, tmp_path: Path
) -> None:
    """高级技工学校.xlsx holding 职教中心学校's sheet too: that sheet was told its header and the
    file's name disagree, and to take the file out — its sister's sheet with it (clerk
    trial 90)."""
    path = filled_form(campaign, "高级技工学校", tmp_path / "高级技工学校.xlsx", [hazard()])
    _second_department_sheet(path, "职教中心学校", "教学楼")
    collection = collect(campaign, [tmp_path], as_of=AS_OF)
    assert {f.department for f in collection.forms} == {"高级技工学校", "职教中心学校"}
    assert Code.DEPARTMENT_MISMATCH not in {p.code for p in collection.problems}


@pytest.mark.parametrize("sheet", ["附属医院", "校医院"])
def test_a_sheet_left_blank_named_for_a_department_continues_and_is_said(
    campaign: Campaign, tmp_path: Path, sheet: str
) -> None:
    """A sheet of a workbook with its 部门（章） left blank, named for a department (a
    college's sheet, or a building's named like one, 校医院): taken for that department's,
    a building's sheet made another department's return (clerk trial 92); joined to the
    sheet before it, a college's was counted under another college without a word (trial
    91). It continues the sheet before it, said."""
    path = filled_form(campaign, "高级技工学校", tmp_path / "技校.xlsx", [hazard()])
    _second_department_sheet(path, "职教中心学校", "教学楼")
    _second_department_sheet(path, sheet, "门诊楼")
    wb = load_workbook(path)
    set_label(wb[sheet], "部门", None)
    wb.save(path)
    collection = collect(campaign, [tmp_path], as_of=AS_OF)
    assert {f.department for f in collection.forms} == {"高级技工学校", "职教中心学校"}
    said = [p for p in collection.problems if p.code is Code.SHEETS_OF_ONE_DEPARTMENT]
    assert [p.sheet for p in said] == [sheet]
    assert said[0].message.startswith(
        f"工作表“{sheet}”的表头没有填写部门，已作为前面工作表（职教中心学校）的续表汇总；"
        "如是附属医院的清单"
    )


def test_a_sheet_alone_left_blank_named_for_another_department_is_said(
    campaign: Campaign, tmp_path: Path
) -> None:
    """职教中心学校.xlsx, its one sheet named 安全保卫处, its 部门（章） blank: the file's
    department's, rightly, but nothing said of the sheet's name (clerk trial 93)."""
    path = filled_form(campaign, "职教中心学校", tmp_path / "职教中心学校.xlsx", [hazard()])
    wb = load_workbook(path)
    set_label(wb[FORM_SHEET], "部门", None)
    wb[FORM_SHEET].title = "安全保卫处"
    wb.save(path)
    collection = collect(campaign, [tmp_path], as_of=AS_OF)
    assert list(collection.current) == ["职教中心学校"]
    [said] = [p for p in collection.problems if p.code is Code.SHEETS_OF_ONE_DEPARTMENT]
    assert said.message.startswith(
        "工作表“安全保卫处”的表头没有填写部门，已计为职教中心学校的清单；如是安全保卫处的清单"
    )


def test_a_second_page_without_its_own_department_continues_the_first(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard(部位="门诊")])
    wb = load_workbook(path)
    copy = wb.copy_worksheet(wb[FORM_SHEET])
    set_label(copy, "部门", None)
    header_row, columns = header_position(copy)
    copy.cell(header_row + 1, columns["部位"]).value = "住院部"
    wb.save(path)
    form = read_form(path, campaign)
    assert form.department == "附属医院"
    assert [h.location for h in form.hazards] == ["门诊", "住院部"]
    assert Code.SHEETS_OF_ONE_DEPARTMENT not in {p.code for p in form.problems}


@pytest.mark.parametrize(
    ("name", "departments"),
    [("职教中心学校.xlsx", {"职教中心学校", "学院警务室"}), ("自查表.xlsx", {"学院警务室"})],
)
def test_a_first_sheet_left_blank_before_a_named_one(
    campaign: Campaign, tmp_path: Path, name: str, departments: set[str]
) -> None:
    """The first sheet's 部门（章） left blank, the second headed 学院警务室: both were the file
    name's department's, or no one's for a file naming none (clerk trial 93). Named for
    another department than the second names, the file is that one's first sheet; naming
    none, the blank first sheet begins the named department's form."""
    path = filled_form(campaign, "职教中心学校", tmp_path / name, [hazard(部位="实训楼")])
    _second_department_sheet(path, "学院警务室", "岗亭")
    wb = load_workbook(path)
    set_label(wb[FORM_SHEET], "部门", None)
    wb.save(path)
    collection = collect(campaign, [tmp_path], as_of=AS_OF)
    assert {f.department for f in collection.forms} == departments
    owner = {h.location: h.department for h in collection.hazards}
    assert owner["岗亭"] == "学院警务室"
    assert owner["实训楼"] == ("职教中心学校" if len(departments) == 2 else "学院警务室")


def test_a_sheet_copied_for_another_unit_with_its_header_unchanged_is_said(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A college copies its sheet for a second college and forgets to change 部门（章）:
    the two sheets were merged into one return without a word (clerk trial 41). They are
    still merged (a department may spread its list over two sheets), and it is said; a
    continuation sheet without a department of its own is not."""
    path = filled_form(campaign, "高级技工学校", tmp_path / "两校.xlsx", [hazard(部位="实训楼")])
    _second_department_sheet(path, "高级技工学校", "教学楼")
    form = read_form(path, campaign)
    assert [h.location for h in form.hazards] == ["实训楼", "教学楼"]
    [said] = [p for p in form.problems if p.code is Code.SHEETS_OF_ONE_DEPARTMENT]
    assert said.severity is Severity.WARNING and said.sheet == "高级技工学校"
    assert f"工作表“{FORM_SHEET}”“高级技工学校”的表头都写明是高级技工学校的清单" in said.message


def _copy_of_the_form_sheet(path: Path, title: str = "自查整改清单 (2)") -> None:
    """The form's sheet copied into the workbook, as a department keeps a copy (openpyxl's
    copy, as an office suite's "移动或复制工作表" makes one)."""
    wb = load_workbook(path)
    wb.copy_worksheet(wb[FORM_SHEET]).title = title
    wb.save(path)


def test_a_sheet_copied_to_keep_a_copy_is_counted_once(campaign: Campaign, tmp_path: Path) -> None:
    """学院警务室 kept a copy of its filled sheet in the workbook (“自查整改清单 (2)”): its
    hazards were counted twice, two register rows under each 隐患编号, the photo twice on
    the report, said only as two sheets of one department (clerk trial 121). The copy is
    counted once and said; its WPS photo, the original's, is no hazard's second photo."""
    path = filled_form(
        campaign,
        "学院警务室",
        tmp_path / "回收" / "学院警务室.xlsx",
        [hazard(部位="门口"), closed(部位="岗亭", 存在隐患问题="监控探头角度偏移")],
    )
    wb = load_workbook(path)
    header_row, columns = header_position(wb[FORM_SHEET])
    wb[FORM_SHEET].cell(header_row + 2, columns["备注"]).value = "照片"  # (pasted over below)
    wb.save(path)
    _copy_of_the_form_sheet(path)
    remark = f"{column_letter(columns['备注'] - 1)}{header_row + 2}"
    paste_photos(path, wps={remark: png(64, 48)})
    with zipfile.ZipFile(path) as archive:  # the copy's cell shows the same picture
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    first = parts["xl/worksheets/sheet1.xml"].decode()
    pasted = re.search(rf'<c r="{remark}"[^>]*>.*?</c>', first)
    assert pasted is not None
    copy = parts["xl/worksheets/sheet3.xml"].decode()  # (after 本部门检查项目)
    copy, n = re.subn(rf'<c r="{remark}"[^>]*/>|<c r="{remark}"[^>]*>.*?</c>', pasted[0], copy)
    assert n == 1
    parts["xl/worksheets/sheet3.xml"] = copy.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)

    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    problems = result.collection.problems
    assert [h.location for h in result.collection.hazards] == ["门口", "岗亭"]
    [said] = [p for p in problems if p.code is Code.SHEET_COPY]
    assert said.severity is Severity.WARNING and said.sheet == "自查整改清单 (2)"
    assert said.message.startswith(
        f"工作表“自查整改清单 (2)”与工作表“{FORM_SHEET}”的隐患行完全相同（像是复制留底的），只计入了一次"
    )
    assert not {Code.SHEETS_OF_ONE_DEPARTMENT, Code.PHOTO_NOT_ON_HAZARD} & set(codes(problems))
    rows = sheet_rows(tmp_path / "台账.xlsx", HAZARD_SHEET)
    assert len(rows) == 2 and rows[1]["照片"] == 1


def test_a_copied_sheet_edited_since_says_its_repeated_hazards(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The copy then edited (one hazard closed on one sheet only): both sheets are the
    department's, each repeated hazard said with the sheet it repeats, and the two rows of
    one hazard are two 隐患编号 (one 隐患编号 on two register rows: clerk trial 121)."""
    path = filled_form(
        campaign,
        "学院警务室",
        tmp_path / "回收" / "学院警务室.xlsx",
        [hazard(部位="门口"), hazard(部位="岗亭", 问题编号="XJ-01")],
    )
    _copy_of_the_form_sheet(path)
    wb = load_workbook(path)
    header_row, columns = header_position(wb[FORM_SHEET])
    wb[FORM_SHEET].cell(header_row + 1, columns["整改完成情况"]).value = "已完成"
    wb[FORM_SHEET].cell(header_row + 1, columns["销号时间"]).value = date(2023, 12, 15)
    wb.save(path)
    result = collect_to_register(campaign, [tmp_path / "回收"], tmp_path / "台账.xlsx", AS_OF)
    problems = result.collection.problems
    assert Code.SHEET_COPY not in codes(problems)
    [merged] = [p for p in problems if p.code is Code.SHEETS_OF_ONE_DEPARTMENT]
    assert "其中 2 行隐患在两张表中都有（像是复制留底后又改过" in merged.message  # not “别的部门”
    repeated = {Code.REPEATED_HAZARD, Code.REPEATED_ANSWER}
    said = [p for p in problems if p.code in repeated]
    assert [(p.sheet, p.row) for p in said] == [
        ("自查整改清单 (2)", header_row + 1),
        ("自查整改清单 (2)", header_row + 2),
    ]
    assert said[0].message.startswith(
        f"与工作表“{FORM_SHEET}”第 {header_row + 1} 行的部位和隐患问题相同（可能重复粘贴），两行都计入了台账"
    )
    rows = sheet_rows(tmp_path / "台账.xlsx", HAZARD_SHEET)
    ids = [r["隐患编号"] for r in rows]
    assert len(rows) == 4 and len(set(ids)) == 4


@pytest.mark.parametrize(
    ("marker", "column"),
    [("以下空白", 2), ("——以下空白——", 2), ("此栏空白", 2), ("以下无内容", 2), ("以下空白", 1)],
)
def test_blank_marker_closes_the_table_and_what_follows_is_kept_with_a_warning(
    campaign: Campaign, tmp_path: Path, marker: str, column: int
) -> None:
    """In the first column (序号's) too, or merged across the whole row from it: the rows
    after it went unwarned (clerk trial 99)."""
    path = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard(部位="门诊")])
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    ws.cell(header_row + 2, column).value = marker
    ws.merge_cells(
        start_row=header_row + 2, start_column=column, end_row=header_row + 2, end_column=11
    )
    ws.cell(header_row + 4, columns["部位"]).value = "药房"
    ws.cell(header_row + 4, columns["存在隐患问题"]).value = "药品柜未上锁"
    wb.save(path)
    form = read_form(path, campaign)
    assert [h.location for h in form.hazards] == ["门诊", "药房"]
    after = [p for p in form.problems if p.code is Code.AFTER_BLANK_MARKER]
    assert [(p.row, p.severity) for p in after] == [(header_row + 4, Severity.WARNING)]
    assert form.hazards[1].warnings >= 1


def test_a_hazard_typed_below_the_footer_is_kept_with_a_warning(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard(部位="门诊")])
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    _, columns = header_position(ws)
    row = ws.max_row + 2
    for header, value in hazard(部位="锅炉房", 存在隐患问题="排烟管道锈蚀").items():
        ws.cell(row, columns[header]).value = value
    wb.save(path)
    form = read_form(path, campaign)
    assert [h.location for h in form.hazards] == ["门诊", "锅炉房"]
    assert [p.row for p in form.problems if p.code is Code.ROW_AFTER_FOOTER] == [row]
    assert form.reporter == "李干事"


@pytest.mark.parametrize(
    ("file", "typed", "said"),
    [
        ("回收.xlsx", "学工外", "部门“学工外”不在本次活动的部门名单中，是不是“学生工作处”？"),
        ("学工外.xlsx", "", "无法识别报送部门：文件名“学工外”是不是“学生工作处”？请在表头"),
        ("回收.xlsx", "宿管中心", "部门“宿管中心”不在本次活动的部门名单中，请填写部门全称"),
    ],
)
def test_a_department_name_one_character_off_is_asked_about(
    campaign: Campaign, tmp_path: Path, file: str, typed: str, said: str
) -> None:
    """教物处 for 教务处 in the header or the file's name: no “是不是” was asked (clerk
    trial 124); a name like none is asked nothing. (A form not the one issued: that one
    says whom it was issued to.)"""
    path = filled_form(
        campaign, "学生工作处", tmp_path / file, [hazard(部位="宿舍")], department_text=typed
    )
    not_as_issued(path)
    form = read_form(path, campaign)
    [unknown] = [p for p in form.problems if p.code is Code.UNKNOWN_DEPARTMENT]
    assert unknown.message.startswith(said), unknown.message


def test_a_department_campaign_toml_left_out_is_said_to_be_added(
    campaign: Campaign, tmp_path: Path
) -> None:
    """图书馆 wrote its full name, but campaign.toml's list left it out: the error asked it
    to write its name right, and the office's own list asked it to send again (clerk trial
    135). The clerk is told to add it too."""
    returns = tmp_path / "回收"
    filled_form(
        campaign, "学生工作处", returns / "图书馆.xlsx", [hazard()], department_text="图书馆"
    )
    collection = collect(campaign, [returns], as_of=AS_OF)
    [unknown] = [p for p in collection.problems if p.code is Code.UNKNOWN_DEPARTMENT]
    assert (
        '本次活动确有这个部门、名单中漏了的，加上 [[departments]] name = "图书馆"'
        in unknown.message
    )
    from huitoukan.letters.notices import notices
    from huitoukan.register.status import build_status

    report = build_status(campaign, collection.hazards, collection.returned(), AS_OF)
    [own] = [n for n in notices(campaign, report) if n.own]
    assert (
        "是本次活动的部门而 campaign.toml 的名单中漏了的，请在 campaign.toml 中加上该部门"
        in own.text
    )


def _unsigned(campaign: Campaign, tmp_path: Path) -> Path:
    """附属医院's return of one hazard, 上报人 and 联系方式 left blank."""
    rows = [hazard(部位="门诊")]
    return filled_form(
        campaign, "附属医院", tmp_path / "医院.xlsx", rows, reporter=None, phone=None
    )


def _footer_typed_a_row_up(path: Path, reporter: object, phone: object) -> int:
    """Type 上报人 and 联系方式 into the table row above their labels, in their columns."""
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    row, name_column = input_cell(ws, "上报人")
    _, phone_column = input_cell(ws, "联系方式")
    ws.cell(row - 1, name_column).value = reporter
    ws.cell(row - 1, phone_column).value = phone
    wb.save(path)
    return row


@pytest.mark.parametrize("phone", [13900000000, "0632-1234567"])
def test_a_footer_typed_a_row_too_high_is_read_as_the_footer(
    campaign: Campaign, tmp_path: Path, phone: object
) -> None:
    # a follow-up form's table is longer: 上报人 typed where it was last time (clerk trial 123)
    path = _unsigned(campaign, tmp_path)
    footer = _footer_typed_a_row_up(path, "王干事", phone)
    form = read_form(path, campaign)
    assert [h.location for h in form.hazards] == ["门诊"]
    assert (form.reporter, form.phone) == ("王干事", str(phone))
    codes = [p.code for p in form.problems]
    assert Code.MISSING_REPORTER not in codes
    said = [p for p in form.problems if p.code is Code.FOOTER_TYPED_ABOVE]
    assert [(p.row, p.severity) for p in said] == [(footer - 1, Severity.WARNING)]
    assert f"请改填到第 {footer} 行" in said[0].message and "王干事" in said[0].message


def test_only_a_phone_number_a_row_too_high_is_read_as_the_footer(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = filled_form(
        campaign, "附属医院", tmp_path / "医院.xlsx", [hazard(部位="门诊")], phone=None
    )
    _footer_typed_a_row_up(path, None, "13900000000")
    form = read_form(path, campaign)
    assert [h.location for h in form.hazards] == ["门诊"]
    assert (form.reporter, form.phone) == ("李干事", "13900000000")


@pytest.mark.parametrize(
    ("reporter", "phone"),
    [("王干事", "更换灭火器"), ("王干事", None), ("3号楼配电室", "13900000000")],
)
def test_a_last_row_that_is_no_footer_stays_a_row(
    campaign: Campaign, tmp_path: Path, reporter: object, phone: object
) -> None:
    path = _unsigned(campaign, tmp_path)
    _footer_typed_a_row_up(path, reporter, phone)
    form = read_form(path, campaign)
    assert not any(p.code is Code.FOOTER_TYPED_ABOVE for p in form.problems)
    assert any(p.code is Code.MISSING_REPORTER for p in form.problems)
    assert form.reporter == ""


def test_a_footer_typed_a_row_up_with_its_own_filled_is_a_row(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard(部位="门诊")])
    _footer_typed_a_row_up(path, "王干事", "13900000000")
    form = read_form(path, campaign)
    assert not any(p.code is Code.FOOTER_TYPED_ABOVE for p in form.problems)
    assert (form.reporter, form.phone) == ("李干事", "0632-1234567")
    assert len(form.hazards) == 2  # (said for what it is: a row without 存在隐患问题)


def test_extra_and_repeated_columns_are_kept_in_remarks(campaign: Campaign, tmp_path: Path) -> None:
    path = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard(备注="已报修")])
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    extra = len(columns) + 1  # the first column past the form's
    ws.cell(header_row, extra).value = "备注"  # a second 备注 column the department added
    ws.cell(header_row + 1, extra).value = "等待配件"
    ws.cell(header_row + 1, extra + 2).value = "无表头的说明"  # a column with no header at all
    wb.save(path)
    [row] = read_form(path, campaign).hazards
    untitled = ws.cell(1, extra + 2).column_letter
    assert row.remarks == f"已报修；备注：等待配件；{untitled}列：无表头的说明"


def test_header_repeated_on_a_second_page_is_not_a_hazard(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = filled_form(
        campaign, "附属医院", tmp_path / "医院.xlsx", [hazard(), hazard(部位="药房")]
    )
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, _ = header_position(ws)
    ws.insert_rows(header_row + 2)
    for column in range(1, 12):
        ws.cell(header_row + 2, column).value = ws.cell(header_row, column).value
    wb.save(path)
    form = read_form(path, campaign)
    assert [h.location for h in form.hazards] == ["教学楼", "药房"]
    assert not form.errors


def test_dates_nowhere_near_the_campaign_are_problems_naming_their_cell(
    campaign: Campaign, tmp_path: Path
) -> None:
    path = filled_form(
        campaign,
        "附属医院",
        tmp_path / "医院.xlsx",
        [hazard(检查时间=date(2099, 1, 2)), hazard(部位="药房", 检查时间="2013-12-10")],
    )
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    header_row, columns = header_position(ws)
    serial = ws.cell(header_row + 1, columns["整改时限"])
    serial.value = 60  # Excel's fictitious 1900-02-29, in a date cell
    serial.number_format = "yyyy-mm-dd"
    wb.save(path)
    form = read_form(path, campaign, AS_OF)
    found = {(p.code, p.cell, p.severity) for p in form.problems if "date" in p.code}
    # (60 and 59 are both 1900-02-28 to the reader: the number quoted may be either)
    assert any(re.search("整改时限“(59|60)”无法识别为日期", p.message) for p in form.problems)
    deadline = f"{serial.column_letter}{header_row + 1}"
    checked = f"{ws.cell(1, columns['检查时间']).column_letter}"
    assert found == {
        (Code.BAD_DATE, deadline, Severity.ERROR),  # the number typed, quoted as typed
        (Code.FUTURE_DATE, f"{checked}{header_row + 1}", Severity.WARNING),
        (Code.IMPLAUSIBLE_DATE, f"{checked}{header_row + 2}", Severity.ERROR),
    }


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (date(2022, 12, 4), Code.IMPLAUSIBLE_DATE),  # a year and a day before the issue date
        (date(2022, 12, 5), None),  # exactly a year before
        (AS_OF, None),
        (date(2023, 12, 21), Code.FUTURE_DATE),  # the day after the as-of date
    ],
)
def test_plausible_date_boundaries(
    campaign: Campaign, tmp_path: Path, day: date, problem: Code | None
) -> None:
    path = filled_form(
        campaign, "附属医院", tmp_path / "医院.xlsx", [hazard(检查时间=day, 整改时限=day)]
    )
    form = read_form(path, campaign, AS_OF)
    found = [p.code for p in form.problems if p.code in (Code.IMPLAUSIBLE_DATE, Code.FUTURE_DATE)]
    if problem is Code.IMPLAUSIBLE_DATE:
        assert found == [problem, problem]  # 整改时限 too
    else:
        assert found == ([problem] if problem else [])  # a future 整改时限 is normal


def test_byte_identical_returns_are_listed_as_duplicates(
    campaign: Campaign, tmp_path: Path
) -> None:
    first = filled_form(campaign, "附属医院", tmp_path / "r" / "医院.xlsx", [hazard()])
    shutil.copy(first, tmp_path / "r" / "医院（副本）.xlsx")
    collection = collect(campaign, [tmp_path / "r"], as_of=AS_OF)
    outcomes = {Path(f).name: o for f, o in collection.outcomes.items()}
    assert outcomes == {"医院.xlsx": FileOutcome.USED, "医院（副本）.xlsx": FileOutcome.DUPLICATE}
    [note] = [p for p in collection.problems if p.code is Code.DUPLICATE_RETURN]
    assert note.file.endswith("医院（副本）.xlsx") and "医院.xlsx" in note.message
    assert len(collection.hazards) == 1
    shutil.copy(first, tmp_path / "r" / "医院(1).xlsx")  # sorts before 医院.xlsx
    shutil.copy(first, tmp_path / "r" / "复件 医院.xlsx")
    collection = collect(campaign, [tmp_path / "r"], as_of=AS_OF)
    used = [Path(f).name for f, o in collection.outcomes.items() if o is FileOutcome.USED]
    assert used == ["医院.xlsx"]  # the original, not a copy's name, is cited
    # of names that are no copy's, the one naming the department, by an alias too (trials
    # 139, 140)
    shutil.copy(first, tmp_path / "r" / "0001.xlsx")  # sorts first
    shutil.copy(first, tmp_path / "r" / "微信文件_1702600000.xlsx")
    collection = collect(campaign, [tmp_path / "r"], as_of=AS_OF)
    used = [Path(f).name for f, o in collection.outcomes.items() if o is FileOutcome.USED]
    assert used == ["医院.xlsx"]  # (an alias of 附属医院)
    shutil.copy(first, tmp_path / "r" / "附属医院.xlsx")  # its full name, sorted after
    collection = collect(campaign, [tmp_path / "r"], as_of=AS_OF)
    used = [Path(f).name for f, o in collection.outcomes.items() if o is FileOutcome.USED]
    assert used == ["附属医院.xlsx"]  # before the alias (trial 141)
    # one in a folder Windows named as a copy, sorted first: not kept (clerk trial 153)
    (tmp_path / "r" / "0 - 副本").mkdir()
    shutil.copy(first, tmp_path / "r" / "0 - 副本" / "附属医院.xlsx")
    collection = collect(campaign, [tmp_path / "r"], as_of=AS_OF)
    used = [f for f, o in collection.outcomes.items() if o is FileOutcome.USED]
    assert [Path(f).parent.name for f in used] == ["r"]
    # nor one in the clerk's backup folder (回收/备份/…: clerk trial 164)
    for backup in ("0备份", "Backup", "bak"):
        (tmp_path / "r" / backup).mkdir()
        shutil.copy(first, tmp_path / "r" / backup / "附属医院.xlsx")
    collection = collect(campaign, [tmp_path / "r"], as_of=AS_OF)
    used = [f for f, o in collection.outcomes.items() if o is FileOutcome.USED]
    assert [Path(f).parent.name for f in used] == ["r"]


@pytest.mark.parametrize(
    ("name", "copy"),
    [
        ("附属医院 - 副本.xlsx", True),
        ("附属医院副本.xlsx", True),
        ("复件 附属医院.xlsx", True),
        ("附属医院(2).xlsx", True),
        ("附属医院（1）.xlsx", True),
        ("附属医院 copy.xlsx", True),
        ("附属医院.xlsx", False),
        ("第2轮-附属医院.xlsx", False),
        ("附属医院-2023.xlsx", False),
    ],
)
def test_names_given_to_copies(name: str, copy: bool) -> None:
    assert looks_like_a_copy(f"回收/{name}") is copy


def test_over_long_text_is_kept_whole_in_the_record_and_cut_in_the_register(
    campaign: Campaign, tmp_path: Path
) -> None:
    long_text = "整改说明" * 9_000  # 36,000 characters
    path = filled_form(campaign, "附属医院", tmp_path / "r" / "医院.xlsx", [hazard(整改措施="@@")])
    # openpyxl and XlsxWriter cut text at 32,767: the XML is edited as another tool writes it
    hostile.rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b">@@<", f">{long_text}<".encode()),
    )
    register = tmp_path / "台账.xlsx"
    result = collect_to_register(campaign, [path.parent], register, AS_OF)
    [problem] = [p for p in result.collection.problems if p.code is Code.TEXT_TOO_LONG]
    assert problem.field == "整改措施" and problem.cell.startswith(
        column_letter([c.field for c in COLUMNS].index("measures"))
    )
    assert read_register(register).hazards[0].measures == long_text
    [row] = sheet_rows(register, HAZARD_SHEET)
    assert row["整改措施"] == long_text[:32_767]


def test_content_past_the_last_read_column_is_a_warning(campaign: Campaign, tmp_path: Path) -> None:
    path = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard()])
    wb = load_workbook(path)
    wb[FORM_SHEET]["JA8"] = "远处的说明"
    wb.save(path)
    form = read_form(path, campaign)
    [problem] = [p for p in form.problems if p.code is Code.BEYOND_COLUMNS]
    assert problem.cell == "JA8"


class _GbkName(zipfile.ZipInfo):
    """A member named as Windows' built-in zipper names it: GBK bytes, no UTF-8 flag."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # noqa: N802 (zipfile's name)
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def _zip(path: Path, members: dict[str, bytes], utf8_names: bool = True) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name) if utf8_names else _GbkName(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


def test_returns_inside_zip_archives_are_read_without_extracting(
    campaign: Campaign, tmp_path: Path
) -> None:
    forms = tmp_path / "forms"
    hospital = filled_form(
        campaign, "附属医院", forms / "医院.xlsx", [hazard(部位="门诊")]
    ).read_bytes()
    police = filled_form(
        campaign, "学院警务室", forms / "警务室.xlsx", [hazard(部位="岗亭")]
    ).read_bytes()
    guard = filled_form(
        campaign, "安全保卫处", forms / "保卫处.xlsx", [hazard(部位="东门")]
    ).read_bytes()
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("保卫处.xlsx", guard)
    returns = tmp_path / "回收"
    returns.mkdir()
    _zip(
        returns / "两个部门.zip",
        {
            "医院/医院自查表.xlsx": hospital,
            "警务室自查表.xlsx": police,
            "说明.docx": b"PK not really",
            "__MACOSX/._医院自查表.xlsx": b"junk",
            "里面还有.zip": inner.getvalue(),
        },
        utf8_names=False,
    )
    before = sorted(p.name for p in returns.iterdir())
    collection = collect(campaign, [returns], as_of=AS_OF)
    assert sorted(p.name for p in returns.iterdir()) == before  # nothing extracted
    names = {f.department: f.file for f in collection.forms}
    assert names == {
        "附属医院": f"{returns}/两个部门.zip/医院/医院自查表.xlsx",
        "学院警务室": f"{returns}/两个部门.zip/警务室自查表.xlsx",
        "安全保卫处": f"{returns}/两个部门.zip/里面还有.zip/保卫处.xlsx",
    }
    assert all(f.readable for f in collection.forms)
    assert [s.file for s in collection.skipped] == [f"{returns}/两个部门.zip/说明.docx"]


def test_a_copy_of_a_return_sent_in_a_windows_zip_is_named_as_people_read_it(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Chinese Windows' 发送到压缩文件夹 stores GBK names without the UTF-8 flag, which
    zipfile reads as cp437 (╢■╝╢…): the 退回修改 copy and its title take the name as
    the collect table shows it."""
    form = filled_form(campaign, "各二级学院", tmp_path / "f.xlsx", [hazard(检查时间=None)])
    returns = tmp_path / "回收"
    returns.mkdir()
    _zip(returns / "报表.zip", {"二级学院.xlsx": form.read_bytes()}, utf8_names=False)
    result = collect_to_register(
        campaign, [returns], tmp_path / "台账.xlsx", AS_OF, feedback_dir=tmp_path / "退回"
    )
    (copy,) = result.feedback or []
    assert copy.copy_path.name == "二级学院-退回修改.xlsx"
    title = load_workbook(copy.copy_path).worksheets[0]["A1"].value
    assert "二级学院.xlsx" in str(title)


def test_a_short_gbk_name_that_is_also_utf8_is_read_as_chinese(
    campaign: Campaign, tmp_path: Path
) -> None:
    """校医院.xlsx zipped on Chinese Windows is D0A3 D2BD D4BA: valid UTF-8 too (УҽԺ), so it
    was shown as УҽԺ.xlsx and, its header left blank, its department not found (clerk
    trial 41). A name in UTF-8 stays as it is."""
    blank_header = {"department_text": ""}
    form = filled_form(campaign, "附属医院", tmp_path / "f.xlsx", [hazard()], **blank_header)
    assert "校医院".encode("gbk").decode("utf-8") == "УҽԺ"
    returns = tmp_path / "回收"
    returns.mkdir()
    _zip(returns / "医院报表.zip", {"附属医院.xlsx": form.read_bytes()}, utf8_names=False)
    _zip(returns / "校医院.zip", {"校医院.xlsx": form.read_bytes()}, utf8_names=False)
    _zip(returns / "中文.zip", {"附属医院自查表.xlsx": form.read_bytes()})
    names = sorted(Path(f.file).name for f in collect(campaign, [returns], as_of=AS_OF).forms)
    assert names == ["校医院.xlsx", "附属医院.xlsx", "附属医院自查表.xlsx"]


def test_a_zip_bomb_archive_is_refused_and_costs_only_itself(
    campaign: Campaign, tmp_path: Path
) -> None:
    returns = tmp_path / "回收"
    filled_form(campaign, "附属医院", returns / "医院.xlsx", [hazard()])
    with zipfile.ZipFile(returns / "炸弹.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("大表.xlsx", "w", force_zip64=True) as handle:
            for _ in range(64):
                handle.write(b"\0" * (1 << 20))
    collection = collect(campaign, [returns], as_of=AS_OF)
    assert [f.department for f in collection.forms] == ["附属医院"]
    [skipped] = collection.skipped
    assert skipped.file.endswith("炸弹.zip") and "压缩炸弹" in skipped.reason


def test_a_rar_or_7z_named_zip_is_said_to_be_one(campaign: Campaign, tmp_path: Path) -> None:
    """A RAR archive saved as 附属医院.zip was told “压缩包不完整或已损坏，请重新打包后报送”,
    and the department would send the same RAR again (clerk trial 149)."""
    returns = tmp_path / "回收"
    returns.mkdir()
    (returns / "附属医院.zip").write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(range(256)) * 4)
    (returns / "警务室.zip").write_bytes(b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(200))
    (returns / "坏的.zip").write_bytes(b"PK\x03\x04" + bytes(100))
    said = {Path(s.file).name: s.reason for s in collect(campaign, [returns], as_of=AS_OF).skipped}
    assert said["附属医院.zip"].startswith("这是 RAR 压缩包（扩展名是 .zip），无法直接读取，请解压")
    assert said["警务室.zip"].startswith("这是 7z 压缩包（扩展名是 .zip）")
    assert said["坏的.zip"] == "压缩包不完整或已损坏，请重新打包后报送"


def test_a_zip_named_rar_or_7z_is_read_as_one(campaign: Campaign, tmp_path: Path) -> None:
    """附属医院.rar that is a zip (renamed, or saved so by a zip tool) was skipped as “RAR
    压缩包无法直接读取” (clerk trial 150): what it holds decides, at the top and inside a zip;
    a real RAR inside a zip is still said to be one; every member is still where it was."""
    returns = tmp_path / "回收"
    form = filled_form(campaign, "附属医院", tmp_path / "医院.xlsx", [hazard()])
    police = filled_form(campaign, "学院警务室", tmp_path / "警务室.xlsx", [hazard()])
    returns.mkdir()
    _zip(returns / "附属医院.rar", {"附属医院.xlsx": form.read_bytes()})
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("警务室.xlsx", police.read_bytes())
    _zip(
        returns / "打包.zip",
        {"警务室.7z": inner.getvalue(), "团委.rar": b"Rar!\x1a\x07\x00" + bytes(50)},
    )
    collection = collect(campaign, [returns], as_of=AS_OF)
    inside = len(returns.parts) - 1
    shown = sorted(("/".join(Path(f.file).parts[inside:]), f.department) for f in collection.forms)
    assert shown == [
        ("回收/打包.zip/警务室.7z/警务室.xlsx", "学院警务室"),
        ("回收/附属医院.rar/附属医院.xlsx", "附属医院"),
    ]
    [skipped] = collection.skipped
    assert skipped.file.endswith("回收/打包.zip/团委.rar")
    assert skipped.reason.startswith("RAR 压缩包无法直接读取")
    assert all(still_there(f.file) for f in collection.forms)
    assert on_disk("回收/附属医院.rar/附属医院.xlsx") == str(Path("回收/附属医院.rar"))


def test_files_are_listed_in_natural_order(campaign: Campaign, tmp_path: Path) -> None:
    for n in (1, 2, 10, 100):
        filled_form(campaign, "附属医院", tmp_path / f"第{n}次.xlsx", [closed(部位=f"楼{n}")])
    collection = collect(campaign, [tmp_path], as_of=AS_OF)
    assert [Path(f.file).name for f in collection.forms] == [
        "第1次.xlsx",
        "第2次.xlsx",
        "第10次.xlsx",
        "第100次.xlsx",
    ]


def test_a_workbook_saved_as_docx_is_read_and_a_word_document_is_not(
    campaign: Campaign, tmp_path: Path
) -> None:
    """What a file holds decides, not its name: a return saved as 保卫处.docx is read; a
    real Word document beside it is listed as skipped, with why."""
    from tests import hostile

    returns = tmp_path / "回收"
    filled_form(campaign, "安全保卫处", returns / "保卫处.xlsx", [hazard(部位="东门")])
    (returns / "保卫处.xlsx").rename(returns / "保卫处.docx")
    word = hostile.docx_named_xlsx(tmp_path / "说明.xlsx")
    word.rename(returns / "说明.docx")
    collection = collect(campaign, [returns], as_of=AS_OF)
    assert [(Path(f.file).name, f.department) for f in collection.forms] == [
        ("保卫处.docx", "安全保卫处")
    ]
    assert [(Path(s.file).name, "Word 文档" in s.reason) for s in collection.skipped] == [
        ("说明.docx", True)
    ]


def test_a_copy_left_by_an_earlier_run_goes_once_nothing_is_left_to_mend(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Last week's 退回修改 copy of a return now in order is removed (a clerk would send it
    again); one a department saved since is kept, as are other files there."""
    returns = tmp_path / "回收"
    filled_form(campaign, "学院警务室", returns / "警务室.xlsx", [hazard(检查时间=None)])
    filled_form(campaign, "附属医院", returns / "医院.xlsx", [hazard(检查时间=None)])
    out = tmp_path / "退回"
    collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF, feedback_dir=out)
    saved = out / "医院-退回修改.xlsx"
    book = load_workbook(saved)
    book.properties.lastModifiedBy = "李干事"  # as a department's Excel or WPS saves it
    book.save(saved)
    (out / "说明-退回修改.xlsx").write_bytes(b"not a workbook")
    filled_form(campaign, "学院警务室", returns / "警务室.xlsx", [hazard()])
    filled_form(campaign, "附属医院", returns / "医院.xlsx", [hazard()])
    collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF, feedback_dir=out)
    assert sorted(p.name for p in out.iterdir()) == ["医院-退回修改.xlsx", "说明-退回修改.xlsx"]


def test_a_corrected_copy_is_newer_than_its_original_whatever_the_files_times(
    campaign: Campaign, tmp_path: Path
) -> None:
    """附属医院 corrects its 退回修改 copy without changing the 日期 and sends it back; the
    folder is then copied elsewhere, which gives the files new times (the copy's older
    than the original's): the original won, silently, and the correction was lost
    (clerk trial 39). The copy answers its original: it is the newer version."""
    returns = tmp_path / "回收"
    filled_form(campaign, "附属医院", returns / "医院.xlsx", [hazard(检查时间=None)])
    out = tmp_path / "退回"
    collect_to_register(campaign, [returns], tmp_path / "台账.xlsx", AS_OF, feedback_dir=out)
    copy = returns / "医院-退回修改.xlsx"
    book = load_workbook(out / copy.name)
    form = book[FORM_SHEET]
    measures = next(c for row in form.iter_rows() for c in row if c.value == "整改措施")
    form.cell(measures.row + 1, measures.column).value = "已更换灭火器（改正后）"
    book.properties.lastModifiedBy = "李干事"  # as a department's Excel or WPS saves it
    book.save(copy)
    os.utime(returns / "医院.xlsx", (2e9, 2e9))
    os.utime(copy, (1e9, 1e9))
    collection = collect(campaign, [returns], as_of=AS_OF)
    [row] = collection.hazards
    assert row.measures == "已更换灭火器（改正后）" and row.source_file.endswith(copy.name)


def test_a_department_renamed_mid_campaign_is_said_to_renumber_its_hazards(
    campaign: Campaign, tmp_path: Path
) -> None:
    """总务基建处 renamed 后勤保障处 in campaign.toml, its old name an alias: collect refused
    with 少了：总务基建处 (nothing was missing), and --force renumbered its hazards, so the
    filled 复查验收表 no longer matched them (clerk trial 39). The refusal now says what
    the rename does, and how to keep the numbers."""
    from huitoukan.campaign import default_campaign_text, parse_campaign
    from huitoukan.register.shrinking import ShrinkingRegister

    returns = tmp_path / "回收"
    filled_form(campaign, "总务基建处", returns / "总务处.xlsx", [hazard()])
    register = tmp_path / "台账.xlsx"
    collect_to_register(campaign, [returns], register, AS_OF)
    text = default_campaign_text().replace(
        'name = "总务基建处"\naliases = ["总务处",',
        'name = "后勤保障处"\naliases = ["总务基建处", "总务处",',
    )
    renamed = parse_campaign(text.replace('"总务基建处"]', '"后勤保障处"]'), "campaign.toml")
    with pytest.raises(ShrinkingRegister) as refused:
        collect_to_register(renamed, [returns], register, AS_OF)
    said = refused.value.message
    assert "“总务基建处”改名为“后勤保障处”" in said and "隐患编号都会改变" in said
    assert "少了" not in said
    done = collect_to_register(renamed, [returns], register, AS_OF, force=True)
    assert [h.department for h in done.collection.hazards] == ["后勤保障处"]


def test_rows_holding_only_what_was_filled_down_are_no_hazards(
    campaign: Campaign, tmp_path: Path
) -> None:
    """整改时限, 整改完成情况, 责任人 and 检查时间 dragged down past the last hazard: the
    empty rows were six hazards of one 隐患编号, overdue with no text on the printed register
    (clerk trial 60). They are not counted; each run of them is said once."""
    filled = {"整改时限": date(2023, 12, 30), "整改完成情况": "整改中", "责任人": "王强"}
    rows = [
        hazard(部位="宿舍"),
        hazard(部位="食堂"),
        *[{**filled, "检查时间": date(2023, 12, 10)}] * 3,
        hazard(部位="操场"),
        {"整改完成情况": "已完成"},
        {"整改措施": "更换灭火器", **filled},  # a measure without its hazard: still asked for
    ]
    path = filled_form(campaign, "学生工作处", tmp_path / "学工处.xlsx", rows)
    header_row = header_position(load_workbook(path)[FORM_SHEET])[0]
    form = read_form(path, campaign)
    assert [h.location for h in form.hazards] == ["宿舍", "食堂", "操场", ""]
    said = [p for p in form.problems if p.code is Code.FILLED_DOWN_ROWS]
    first = header_row + 3
    assert [(p.row, p.severity) for p in said] == [
        (first, Severity.WARNING),
        (first + 4, Severity.WARNING),
    ]
    assert said[0].message.startswith(
        f"第 {first}–{first + 2} 行只填了整改时限、整改完成情况、责任人、检查时间，没有部位和存在隐患问题"
    )
    assert said[1].message.startswith(f"第 {first + 4} 行只填了整改完成情况，")
    assert Code.MISSING_HAZARD in codes(form.problems)  # the measure's row


def _closed_and_sent_again(
    campaign: Campaign, returns: Path, deadline: date, **again: object
) -> Collection:
    """附属医院's 东门 reported 已完成 and 销号 on 12月6日 (v1.xlsx of 12月7日), then sent again
    with the cells `again` changed (v2.xlsx of 12月11日): collected."""
    first = closed(
        部位="东门", 检查时间=date(2023, 12, 1), 整改时限=deadline, 销号时间=date(2023, 12, 6)
    )
    filled_form(campaign, "附属医院", returns / "v1.xlsx", [first], form_date=date(2023, 12, 7))
    sent = {**first, **again}
    filled_form(campaign, "附属医院", returns / "v2.xlsx", [sent], form_date=date(2023, 12, 11))
    return collect(campaign, [returns], as_of=AS_OF)


@pytest.mark.parametrize(
    ("closed_on", "deadline", "variant"),
    [
        (12.6, "待定", "not_a_date"),
        (None, None, ""),
        (date(2022, 12, 6), None, "before_checked"),
        (date(2024, 12, 6), None, "future"),
    ],
)
def test_a_resend_whose_dates_are_lost_keeps_the_ones_sent_before(
    campaign: Campaign, tmp_path: Path, closed_on: object, deadline: object, variant: str
) -> None:
    """A hazard reported 已完成 on 12月6日, then sent again with 销号时间 12.6 typed as a
    number and 整改时限 待定: the resend reopened the closed hazard (told “新版本改报为
    ‘已完成’，台账按新版本未销号跟踪”) and replaced its 整改时限 with the campaign's default
    (clerk trial 60). The dates sent before are kept, and the department asked for its own;
    so is a 销号时间 whose year was typed wrong (2022 for 2023: before the 检查时间, no
    closure; a reviewed closure so reopened read overdue: clerk trial 62)."""
    collection = _closed_and_sent_again(
        campaign, tmp_path / "回收", date(2023, 12, 15), 销号时间=closed_on, 整改时限=deadline
    )
    (door,) = collection.hazards
    assert (door.closed, door.closed_on, door.deadline) == (
        True,
        date(2023, 12, 6),
        date(2023, 12, 15),
    )
    assert (door.errors, door.warnings) == (0, 2)
    assert door.closing_flaw == ""  # dated by the version before: nothing to ask for
    said = {p.code: p for p in collection.problems if p.file.endswith("v2.xlsx")}
    assert set(said) == {Code.CLOSED_ON_KEPT, Code.DEADLINE_KEPT}
    kept = said[Code.CLOSED_ON_KEPT].message
    if variant == "before_checked":
        assert kept.startswith(
            "新版本报“已完成”，但销号时间“2022-12-06”早于检查时间（年份是否写错？），台账沿用旧版本"
        )
    elif variant == "future":
        assert kept.startswith(
            "新版本报“已完成”，但销号时间“2024-12-06”晚于统计日期（年份是否写错？），台账沿用旧版本"
        )
    elif variant:
        assert kept.startswith("新版本报“已完成”，但销号时间“12.6”无法识别为日期，台账沿用旧版本")
        assert said[Code.DEADLINE_KEPT].message.startswith("新版本的整改时限“待定”无法识别为日期")
    else:
        assert kept.startswith("新版本报“已完成”，但没有填写销号时间，台账沿用旧版本")


@pytest.mark.parametrize(
    ("progress", "closed_on"),
    [
        ("好了", date(2023, 12, 6)),
        (None, date(2023, 12, 6)),
        ("整改中", date(2023, 12, 6)),
        # not done, in other words: reopened too (kept 已完成: clerk trial 183 AI1)
        *((w, date(2023, 12, 6)) for w in ("整改未完成", "尚在整改", "需重新整改", "返工", "×")),
        *((w, date(2023, 12, 6)) for w in ("验收不合格", "隐患复发，重新整改")),
        # 已整改 or 已完成 going on to say it is not, with its date or cleared (trial 185 AK1)
        *((w, date(2023, 12, 6)) for w in ("已整改，但整改不到位", "已完成，但隐患复发")),
        ("已完成，复查不合格需重新整改", None),
        *((w, date(2023, 12, 6)) for w in ("没完成", "维修中", "基本完成")),  # (AK3)
        # not understood, its 销号时间 cleared: the closing taken back
        ("好了", None),
        (None, None),
    ],
)
def test_a_resend_whose_progress_is_not_understood_keeps_the_closing_sent_before(
    campaign: Campaign, tmp_path: Path, progress: str | None, closed_on: date | None
) -> None:
    """A hazard reported 已完成 and 销号 on 12月6日, sent again with 整改完成情况 written in
    the department's words (or left blank): the hazard was reopened, made 逾期, a passed
    review “不再作数” (clerk trial 182 AH102). The closing sent before is kept and the
    department asked to choose; one it says is not done (整改中, 整改未完成, 返工 …), or whose
    销号时间 it cleared too, is reopened as before."""
    collection = _closed_and_sent_again(
        campaign, tmp_path / "回收", date(2023, 12, 5), 整改完成情况=progress, 销号时间=closed_on
    )
    (door,) = collection.hazards
    said = {p.code: p for p in collection.problems if p.file.endswith("v2.xlsx")}
    if closed_on is None or progress not in ("好了", None):
        assert not door.closed and Code.REOPENED_IN_NEW_VERSION in said
        assert Code.PROGRESS_KEPT not in said
        return
    assert (door.closed, door.closed_on, door.progress) == (True, date(2023, 12, 6), "已完成")
    assert (door.errors, door.warnings) == (0, 1)
    assert set(said) == {Code.PROGRESS_KEPT}
    kept = said[Code.PROGRESS_KEPT].message
    typed = f"的整改完成情况“{progress}”无法识别" if progress else "没有填写整改完成情况"
    assert kept.startswith(f"新版本{typed}，台账沿用旧版本"), kept
    assert "v1.xlsx 第 " in kept and "行的“已完成”（销号时间 2023年12月6日）；请选择" in kept


@pytest.mark.parametrize(("days", "shut"), [(-1, True), (0, True), (1, False)])
def test_a_closing_day_after_the_day_judged_closes_nothing(
    campaign: Campaign, tmp_path: Path, days: int, shut: bool
) -> None:
    """11/24 typed in LibreOffice in 2024 was stored as 2026: the hazard stood in the register
    as done, 待复查 and 逾期 724 days, went on the 复查验收表 and into the report's 逾期完成
    (clerk trial 65). A 销号时间 after the day judged closes nothing yet: the hazard is open,
    and the department asked to correct it. The day itself, or one before, closes it."""
    day = AS_OF + timedelta(days=days)
    row = closed(部位="东门", 检查时间=date(2023, 12, 1), 销号时间=day)
    filled_form(campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", [row], form_date=AS_OF)
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF)
    (door,) = collection.hazards
    assert door.reported_done is shut and door.closed is shut
    said = [p for p in collection.problems if p.field == "销号时间"]
    if shut:
        assert said == [] and door.closed_on == day
        return
    assert door.closed_on is None
    (future,) = said
    assert future.code is Code.FUTURE_DATE and future.row == door.source_row and future.cell
    assert future.message == (
        "销号时间 2023年12月21日 晚于统计日期 2023年12月20日（年份是否写错？）：到统计日期还"
        "不能销号，台账按未销号跟踪；请改正后重新报送"
    )


def test_a_deadline_written_as_a_term_is_counted_from_the_day_found(
    campaign: Campaign, tmp_path: Path
) -> None:
    """整改时限 一周内, 立即, 本月底前, 长期: each was an error and tracked against the
    campaign's default date, and the printed register showed that date as the department's
    (clerk trial 60). A term is counted from the 检查时间 (else the form's 日期) and said,
    but not on a hazard reported done; 长期 is no date, and the department is told what to
    write instead."""
    found = date(2023, 12, 5)
    rows = [
        hazard(部位="东门", 整改时限="一周内", 检查时间=found),
        closed(部位="西门", 整改时限="即知即改", 检查时间=found, 销号时间=found),
        hazard(部位="南门", 整改时限="本月底前", 检查时间=None),
        hazard(部位="北门", 整改时限="长期", 检查时间=found),
        hazard(部位="操场", 整改时限="12月20日前", 检查时间=found),
    ]
    path = filled_form(campaign, "学生工作处", tmp_path / "学工处.xlsx", rows)
    form = read_form(path, campaign, AS_OF)
    deadlines = {h.location: (h.deadline, h.deadline_is_default) for h in form.hazards}
    assert deadlines == {
        "东门": (date(2023, 12, 12), False),
        "西门": (found, False),
        "南门": (date(2023, 12, 31), False),
        "北门": (campaign.info.default_deadline, True),
        "操场": (date(2023, 12, 20), False),
    }
    said = {p.value: p for p in form.problems if p.field == "整改时限"}
    assert said["一周内"].message == (
        "整改时限写的是“一周内”，从检查时间 2023年12月5日 算起，台账按 2023年12月12日 计；请填写具体日期"
    )
    assert said["本月底前"].message.startswith(
        "整改时限写的是“本月底前”，从表头日期 2023年12月14日 算起"
    )
    assert "即知即改" not in said and "12月20日前" not in said
    assert said["长期"].code is Code.BAD_DATE and said["长期"].severity is Severity.ERROR
    assert said["长期"].message.startswith("整改时限“长期”不是日期：每项隐患都要有整改完成时限")


@pytest.mark.parametrize(("closed_after", "said"), [(-1, False), (0, False), (1, True)])
def test_a_term_on_a_hazard_closed_after_the_day_it_gives_is_said(
    campaign: Campaign, tmp_path: Path, closed_after: int, said: bool
) -> None:
    """3天内 on a row 已整改: counted from its 检查时间 and not said (done), though the
    row, closed the day after, counted as 逾期完成 on a date the department never wrote
    (clerk trial 83). Closed by that day it is not said; closed after it, it is."""
    found = date(2023, 12, 5)
    day = date(2023, 12, 8)
    row = closed(整改时限="3天内", 检查时间=found, 销号时间=day + timedelta(days=closed_after))
    form = read_form(
        filled_form(campaign, "学生工作处", tmp_path / "学工处.xlsx", [row]), campaign, AS_OF
    )
    [hazard_row] = form.hazards
    assert hazard_row.deadline == day
    terms = [p for p in form.problems if p.code is Code.DEADLINE_AS_TERM]
    assert bool(terms) is said
    if said:
        assert terms[0].message == (
            "整改时限写的是“3天内”，从检查时间 2023年12月5日 算起，台账按 2023年12月8日 计，"
            "销号时间 2023年12月9日 晚于它，按逾期完成计；整改时限另有约定的，请填写具体日期"
        )


@pytest.mark.parametrize(
    ("term", "start", "day"),
    [
        ("立即整改", date(2023, 12, 5), date(2023, 12, 5)),
        ("3天内", date(2023, 12, 5), date(2023, 12, 8)),
        ("五个工作日内完成", date(2023, 12, 8), date(2023, 12, 15)),  # a Friday
        ("两周内", date(2023, 12, 5), date(2023, 12, 19)),
        ("半个月内", date(2023, 12, 5), date(2023, 12, 20)),
        ("一个月内", date(2024, 1, 31), date(2024, 2, 29)),
        ("本周内", date(2023, 12, 5), date(2023, 12, 10)),  # its Sunday
        ("本周内", date(2023, 12, 10), date(2023, 12, 10)),  # a Sunday itself
        ("月底前", date(2023, 12, 5), date(2023, 12, 31)),
        ("1月底前", date(2023, 12, 5), date(2024, 1, 31)),  # the next January
        ("12月底", date(2023, 12, 5), date(2023, 12, 31)),
        ("年底前", date(2023, 6, 5), date(2023, 12, 31)),
        # a year given: that month's or year's end (read as no date: clerk trial 118)
        ("2024年6月底", date(2023, 12, 5), date(2024, 6, 30)),
        ("2024年6月底前完成", date(2023, 12, 5), date(2024, 6, 30)),
        ("24年2月末", date(2023, 12, 5), date(2024, 2, 29)),
        ("2024年底", date(2023, 12, 5), date(2024, 12, 31)),
        ("2024年12月", date(2023, 12, 5), date(2024, 12, 31)),
        ("2024年", date(2023, 12, 5), None),
        ("2024年13月底", date(2023, 12, 5), None),
        ("长期", date(2023, 12, 5), None),
        ("2023-12-05前", date(2023, 12, 5), None),
        ("13月底", date(2023, 12, 5), None),
        ("整改", date(2023, 12, 5), None),
    ],
)
def test_the_terms_a_deadline_is_written_in(term: str, start: date, day: date | None) -> None:
    from huitoukan.dates import term_deadline

    assert term_deadline(term, start) == day


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2023年12月15日前", date(2023, 12, 15)),
        ("12月15日前完成", date(2023, 12, 15)),
        ("2023-12-15之前", date(2023, 12, 15)),
        ("前", None),
        ("一周前", None),
    ],
)
def test_a_deadline_written_as_a_day_with_qian_is_that_day(typed: str, day: date | None) -> None:
    from huitoukan.dates import by_day

    assert by_day(typed, date(2023, 12, 5)) == day


@pytest.mark.parametrize(
    ("header", "retitled"),
    [
        ("存在隐患问题", "隐患描述"),  # read as a 交办问题清单: the return skipped
        ("存在隐患问题", "存在隐患问题（具体描述）"),  # the file refused
        ("存在隐患问题", "存在安全隐患问题"),
        ("整改时限", "整改时限（日期）"),  # every deadline the campaign's default
        ("整改时限", "整改时限(完成日期)"),
        ("整改时限", "完成期限"),
        ("部位", "部位（具体位置）"),  # 部位 empty, its text in 备注
        ("问题来源", "问题来源（自查/交办）"),
        ("销号时间", "销号时间（年月日）"),  # “缺少一列”, and a closed hazard overdue
        ("责任人", "*责任人"),
        # trial 95: more of the words departments use
        ("部位", "具体位置"),
        ("部位", "部位/场所"),
        ("存在隐患问题", "问题描述"),  # a list's word: a return by its 整改完成情况
        ("存在隐患问题", "安全隐患问题"),
        ("存在隐患问题", "存在问题和隐患"),
        ("整改措施", "整改措施及建议"),
        ("责任人", "责任人及电话"),
        ("销号时间", "实际完成时间"),
        ("检查时间", "发现日期"),
        ("整改完成情况", "整改情况说明"),
        # trial 97: the deadline said in fewest words, its dates the default's
        ("整改时限", "时限"),
        ("整改时限", "限期"),
        # session 23: the day it is due by
        ("整改时限", "应完成时间"),
        ("整改时限", "最迟完成日期"),
        ("整改时限", "计划完成日期"),
    ],
)
def test_a_header_said_in_other_words_or_annotated_is_its_column(
    campaign: Campaign, tmp_path: Path, header: str, retitled: str
) -> None:
    """A department retyping one header of its form, as WPS users do, lost or moved its data
    without an error: the column is the same, said otherwise or with a note in brackets
    (clerk trial 94). Retitled by openpyxl, as another program saves the form."""
    from tests.helpers import header_position

    plain, changed, book = _a_return_and_its_copy(campaign, tmp_path)
    ws = book[FORM_SHEET]
    row, columns = header_position(ws)
    ws.cell(row, columns[header]).value = retitled
    book.save(changed)
    fields = ("location", "hazard", "deadline", "deadline_is_default", "closed_on", "source")
    assert _read(campaign, changed, fields) == _read(campaign, plain, fields)


def _a_return_and_its_copy(campaign: Campaign, tmp_path: Path) -> tuple[Path, Path, Workbook]:
    """附属医院's return of two hazards (原样/医院.xlsx) open, and where the copy a test makes
    of it goes (改过/医院.xlsx)."""
    rows = [
        hazard(部位="住院部三楼", 整改时限=date(2023, 12, 15)),
        closed(部位="药房", 整改时限=date(2023, 12, 18), 销号时间=date(2023, 12, 13)),
    ]
    plain = filled_form(campaign, "附属医院", tmp_path / "原样" / "医院.xlsx", rows)
    changed = tmp_path / "改过" / "医院.xlsx"
    changed.parent.mkdir()
    return plain, changed, load_workbook(plain)


def _read(
    campaign: Campaign, path: Path, fields: tuple[str, ...]
) -> tuple[list[tuple[object, ...]], list[str]]:
    """The `fields` and 备注 of each hazard collected from `path`'s folder, and the codes of
    the problems said."""
    collection = collect(campaign, [path.parent], as_of=date(2023, 12, 20))
    hazards = [(*(getattr(h, f) for f in fields), h.remarks) for h in collection.hazards]
    return hazards, sorted(p.code for p in collection.problems)


@pytest.mark.parametrize(
    "under", [("整改措施", "整改时限", "整改完成情况", "责任人"), ("检查时间", "销号时间")]
)
def test_a_header_of_two_rows_is_read_as_one(
    campaign: Campaign, tmp_path: Path, under: tuple[str, ...]
) -> None:
    """A department making its form its own way puts a heading over some columns (整改情况
    merged over 整改措施 … 责任人, their names in the row below; the other headers merged
    down over both rows), as office forms often are: the columns under the heading were
    missing, their data in 备注 (clerk trial 95). Read as the form it is."""
    from openpyxl.utils import get_column_letter

    from tests.helpers import header_position

    plain, changed, book = _a_return_and_its_copy(campaign, tmp_path)
    ws = book[FORM_SHEET]
    row, columns = header_position(ws)
    ws.insert_rows(row)  # the header now in row + 1, a row for the headings above it
    group = sorted(columns[h] for h in under)
    assert group == list(range(group[0], group[-1] + 1))
    for header, column in columns.items():
        if header not in under:  # merged down over both rows, its name in the upper
            ws.cell(row, column).value = header
            ws.cell(row + 1, column).value = None
            ws.merge_cells(f"{get_column_letter(column)}{row}:{get_column_letter(column)}{row + 1}")
    ws.cell(row, group[0]).value = "整改情况"
    ws.merge_cells(f"{get_column_letter(group[0])}{row}:{get_column_letter(group[-1])}{row}")
    book.save(changed)
    fields = ("location", "hazard", "measures", "deadline", "progress", "owner", "closed_on")
    assert _read(campaign, changed, fields) == _read(campaign, plain, fields)


def test_a_return_without_the_deadline_column_is_told_its_deadlines_are_the_default(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The 整改时限 column deleted (or a form of the plan's ten columns): every hazard is
    tracked by the campaign's default deadline, and not a word said it (an overdue hazard
    went off the overdue list: clerk trial 94). Said once, on the header row."""
    from tests.helpers import header_position

    rows = [hazard(部位="住院部三楼"), hazard(部位="药房")]
    path = filled_form(campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", rows)
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    row, columns = header_position(ws)
    ws.delete_cols(columns["整改时限"])
    book.save(path)
    collection = collect(campaign, [path.parent], as_of=date(2023, 12, 20))
    assert {h.deadline_is_default for h in collection.hazards} == {True}
    [said] = [p for p in collection.problems if p.code is Code.NO_DEADLINE_COLUMN]
    assert (said.severity, said.row) == (Severity.WARNING, row)
    assert said.message.startswith(
        "表中没有“整改时限”一栏（不是下发的附件2），各项隐患都暂按活动默认"
    )


@pytest.mark.parametrize(("added", "value"), [("是否涉及历史遗留", "否"), ("完成率", "100%")])
def test_a_column_of_the_departments_own_filled_down_the_empty_rows_makes_no_hazards(
    campaign: Campaign, tmp_path: Path, added: str, value: str
) -> None:
    """The department added a column after 备注 and dragged its first value down to the
    form's last numbered row: each empty row was a blank hazard, the register's totals
    and 销号率 wrong and 24 errors sent back for rows never used (clerk trial 94). They
    are the filled-down rows they look like; the hazards' own value stays in 备注, and a
    longer text in such a column alone is read, the department told to fill in the row."""
    from tests.helpers import header_position

    rows = [hazard(部位="住院部三楼"), hazard(部位="药房")]
    path = filled_form(campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", rows)
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    row, columns = header_position(ws)
    new = max(columns.values()) + 1
    ws.cell(row, new).value = added
    blank = [r for r in range(row + 1, row + 12) if ws.cell(r, columns["部位"]).value is None]
    assert len(blank) >= 5  # the form's numbered empty rows below the two hazards
    for r in range(row + 1, blank[-1] + 1):
        ws.cell(r, new).value = value
    ws.cell(blank[-1], new).value = "北门岗亭电线老化"  # a hazard in the wrong column
    book.save(path)
    collection = collect(campaign, [path.parent], as_of=date(2023, 12, 20))
    assert [h.location for h in collection.hazards] == ["住院部三楼", "药房", ""]
    assert collection.hazards[0].remarks == f"{added}：{value}"
    [said] = [p for p in collection.problems if p.code is Code.FILLED_DOWN_ROWS]
    assert said.message.startswith(f"第 {blank[0]}–{blank[-2]} 行只填了{added}，")


def test_a_header_merged_over_the_next_ones_says_so(campaign: Campaign, tmp_path: Path) -> None:
    """存在隐患问题's header merged over 整改措施's (F5:G5): 整改措施 was said deleted, and
    the measures went to 备注 under the name 存在隐患问题 (clerk trial 94). The error names
    the merge; the column's text is in 备注 under its letter."""
    from openpyxl.utils import get_column_letter

    from tests.helpers import header_position

    path = filled_form(
        campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", [hazard(整改措施="更换灭火器")]
    )
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    row, columns = header_position(ws)
    assert columns["整改措施"] == columns["存在隐患问题"] + 1
    first, second = (get_column_letter(columns[h]) for h in ("存在隐患问题", "整改措施"))
    ws.merge_cells(f"{first}{row}:{second}{row}")
    book.save(path)
    collection = collect(campaign, [path.parent], as_of=date(2023, 12, 20))
    [said] = [p for p in collection.problems if p.code is Code.MISSING_COLUMN]
    assert said.message == (
        f"表中找不到“整改措施”这一列：表头 {first}{row}:{second}{row} 合并成了一格，可能盖住了它的"
        "表头；请取消合并、恢复“整改措施”的表头后重新报送"
    )
    assert collection.hazards[0].remarks == f"{second}列：更换灭火器"


@pytest.mark.parametrize(
    ("problem", "department"),
    [("问题描述", "责任部门"), ("问题及隐患", ""), ("问题/隐患描述", ""), ("问题描述（现场）", "")],
)
def test_a_list_of_problems_among_the_returns_is_no_return(
    campaign: Campaign, tmp_path: Path, problem: str, department: str
) -> None:
    """A 交办问题清单 (问题描述, 责任部门, 整改要求, 发现时间, no 整改完成情况 or 销号时间) put
    among the returns stays a list, now that a return may head its columns in the list's
    words (问题描述, 发现时间, 整改要求: clerk trial 95); so does one of a single department
    (no 责任部门) heading its problems with more words after the list's (问题及隐患)."""
    from tests.helpers import findings_list

    row = {"问题编号": "XJ-01", "问题来源": "县级普查", "发现时间": date(2023, 11, 10),
           "部位": "3号教学楼", problem: "灭火器压力不足", department: "安全保卫处",
           "整改要求": "更换", "整改时限": date(2023, 12, 15)}  # fmt: skip
    row.pop("", None)
    listed = findings_list(tmp_path / "回收" / "交办问题清单.xlsx", [row], tuple(row))
    filled_form(campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", [hazard()])
    collection = collect(campaign, [listed.parent], as_of=date(2023, 12, 20))
    assert collection.outcomes[str(listed)] is FileOutcome.NOT_A_RETURN
    assert [h.department for h in collection.hazards] == ["附属医院"]


def test_a_source_typed_that_is_none_of_the_campaigns_is_said(
    campaign: Campaign, tmp_path: Path
) -> None:
    """问题来源 typed 区教育局检查 (none of the campaign's): kept, and read by the 追责核查 as the
    department's own finding without a word (noticed in session 22). Said; the campaign's
    sources by name or alias, and the self-check however worded, are not."""
    typed = [
        "消防大队检查",
        "省督查",
        "自查发现",
        "部门自查",
        "自查",
        "市教育局抽查",
        "省督查（第六轮）",
    ]
    rows = [hazard(部位=f"{n}号楼", 问题来源=source) for n, source in enumerate(typed, start=1)]
    filled_form(campaign, "附属医院", tmp_path / "回收" / "医院.xlsx", rows)
    collection = collect(campaign, [tmp_path / "回收"], as_of=date(2023, 12, 20))
    [said] = [p for p in collection.problems if p.code is Code.UNKNOWN_SOURCE]
    assert (said.value, said.severity, said.field) == ("消防大队检查", Severity.WARNING, "问题来源")
    assert said.message.startswith(
        "问题来源“消防大队检查”不是本次活动的问题来源（自查、县级普查、市级抽查、"
    )
    # kept as typed; an alias, or a source named as a title names it, as its name (trials
    # 102, 103)
    sources = [h.source for h in collection.hazards]
    assert sources[:2] == ["消防大队检查", "省级督查"] and sources[5:] == ["市级抽查", "省级督查"]


def _buildings(campaign: Campaign, tmp_path: Path, second_day: date) -> tuple[bytes, bytes]:
    """实训楼A座 and 实训楼B座 of one department, each with its own hazards (B座's dated
    `second_day`), and A座 again holding one of B座's."""
    forms = tmp_path / "forms"
    a = filled_form(
        campaign,
        "附属医院",
        forms / "实训楼A座.xlsx",
        [
            hazard(部位="A座二楼", 存在隐患问题="灭火器过期"),
            hazard(部位="A座", 存在隐患问题="出口堵塞", 责任人=""),
        ],
    )
    b = filled_form(
        campaign,
        "附属医院",
        forms / "实训楼B座.xlsx",
        [hazard(部位="B座", 存在隐患问题="配电箱未上锁")],
        form_date=second_day,
    )
    return a.read_bytes(), b.read_bytes()


@pytest.mark.parametrize(
    ("second_day", "parts"),
    [
        (date(2023, 12, 13), False),  # the day before: an older version
        (date(2023, 12, 14), True),  # the same 日期: parts of one return
        (date(2023, 12, 15), False),  # the day after: a newer version
    ],
)
def test_files_of_one_department_sent_together_are_parts_of_one_return(
    campaign: Campaign, tmp_path: Path, second_day: date, parts: bool
) -> None:
    """职教中心学校.zip of 实训楼A座.xlsx and 实训楼B座.xlsx, one 日期, no hazard in common:
    both taken, no row said to be deleted (the department was told to restore A座's rows,
    the clerk asked which of the two was newest: clerk trial 127)."""
    a, b = _buildings(campaign, tmp_path, second_day)
    returns = tmp_path / "回收"
    returns.mkdir()
    _zip(returns / "附属医院.zip", {"实训楼A座.xlsx": a, "实训楼B座.xlsx": b})
    collection = collect(campaign, [returns], as_of=AS_OF)
    codes = {p.code for p in collection.problems}
    assert len(collection.hazards) == 3
    vanished = [h.location for h in collection.hazards if h.vanished_from]
    outcomes = sorted(collection.outcomes.values())
    if parts:
        # said on each file (its own copy asks for the merged return: trial 130)
        said, other = sorted(
            (p for p in collection.problems if p.code is Code.SPLIT_RETURN), key=lambda p: p.file
        )[::-1]
        assert other.message.startswith("与 实训楼B座.xlsx 同在") and "A座" in other.file
        assert said.message.startswith(
            f"与 实训楼A座.xlsx 同在 {returns.as_posix()}/附属医院.zip 中、表头日期相同（2023年12月14日）"
        )
        assert "3 项隐患都已收入台账" in said.message
        assert not codes & {Code.VANISHED_HAZARD, Code.SAME_DATE_VERSIONS}
        assert vanished == [] and outcomes == [FileOutcome.USED] * 2
        # what is wrong in A座 is said: its rows are in the register
        [blank] = [p for p in collection.problems if p.field == "责任人"]
        assert blank.file.endswith("实训楼A座.xlsx") and blank.row == 7
        # and marked in a copy of its own, each copy asking for the one merged return (A座's
        # error went nowhere; B座's copy said it need not be sent again: clerk trial 129)
        copies = write_feedback(collection, tmp_path / "退回")
        assert {c.copy_path.name: c.resend for c in copies} == {
            "实训楼A座-退回修改.xlsx": True,
            "实训楼B座-退回修改.xlsx": True,
        }
        [a_copy] = [c for c in copies if "A座" in c.copy_path.name]
        assert a_copy.errors == 1 and a_copy.department == "附属医院"
        texts = [
            str(c.value)
            for ws in load_workbook(a_copy.copy_path)
            for r in ws.iter_rows()
            for c in r
        ]
        assert any("合并填在一份表格中" in t for t in texts)  # (sent back alone: trial 130)
    else:
        assert Code.SPLIT_RETURN not in codes and Code.VANISHED_HAZARD in codes
        assert vanished and FileOutcome.SUPERSEDED in outcomes


def test_a_part_put_right_and_sent_alone_leaves_the_other_parts_standing(
    campaign: Campaign, tmp_path: Path
) -> None:
    """附属医院.zip of 实训楼A座.xlsx and 实训楼B座.xlsx; A座 put right as its 退回 copy asked
    and sent alone: B座's row was said deleted, the department asked to restore it (clerk
    trial 131). The new A座 and B座 are the return, again after a second correction; a
    merged form then (stating hazards of both) is the return, and what it leaves out is
    deleted."""
    a, b = _buildings(campaign, tmp_path, date(2023, 12, 14))
    returns = tmp_path / "回收"
    returns.mkdir()
    _zip(returns / "附属医院.zip", {"实训楼A座.xlsx": a, "实训楼B座.xlsx": b})
    for n, day in enumerate((date(2023, 12, 16), date(2023, 12, 18)), start=1):
        filled_form(
            campaign,
            "附属医院",
            returns / f"实训楼A座（第{n}次改）.xlsx",
            [
                hazard(部位="A座二楼", 存在隐患问题="灭火器过期"),
                hazard(部位="A座", 存在隐患问题="出口堵塞"),
            ],
            form_date=day,
        )
        collection = collect(campaign, [returns], as_of=date(2023, 12, 20))
        assert sorted(h.location for h in collection.hazards) == ["A座", "A座二楼", "B座"]
        assert not [h for h in collection.hazards if h.vanished_from]
        used = sorted(Path(f).name for f, o in collection.outcomes.items() if o is FileOutcome.USED)
        assert used == sorted([f"实训楼A座（第{n}次改）.xlsx", "实训楼B座.xlsx"])
        said = [p for p in collection.problems if p.code is Code.SPLIT_RETURN]
        assert len(said) == 2 and all("改正后单独报来的新版本" in p.message for p in said)
        assert Code.VANISHED_HAZARD not in {p.code for p in collection.problems}
    both = [
        hazard(部位="A座二楼", 存在隐患问题="灭火器过期"),
        hazard(部位="B座", 存在隐患问题="配电箱未上锁"),
    ]
    filled_form(campaign, "附属医院", returns / "合并.xlsx", both, form_date=date(2023, 12, 19))
    merged = collect(campaign, [returns], as_of=date(2023, 12, 20))
    assert [h.location for h in merged.hazards if h.vanished_from] == ["A座"]
    assert Code.SPLIT_RETURN not in {p.code for p in merged.problems}


def test_parts_are_files_sent_together_and_stating_no_hazard_of_another(
    campaign: Campaign, tmp_path: Path
) -> None:
    """Unzipped into a folder of its own, the two buildings are still parts; the same
    files lying apart in the folder given, or a draft and its final sharing a hazard, are
    versions (which one is the newest is asked)."""
    a, b = _buildings(campaign, tmp_path, date(2023, 12, 14))
    returns = tmp_path / "回收"
    (returns / "附属医院").mkdir(parents=True)
    (returns / "附属医院" / "实训楼A座.xlsx").write_bytes(a)
    (returns / "附属医院" / "实训楼B座.xlsx").write_bytes(b)
    together = collect(campaign, [returns], as_of=AS_OF)
    said = [p for p in together.problems if p.code is Code.SPLIT_RETURN]
    assert len(said) == 2
    assert all(f"同在 {returns.as_posix()}/附属医院 中" in p.message for p in said)
    shutil.move(returns / "附属医院" / "实训楼A座.xlsx", returns / "实训楼A座.xlsx")
    shutil.move(returns / "附属医院" / "实训楼B座.xlsx", returns / "实训楼B座.xlsx")
    apart = collect(campaign, [returns], as_of=AS_OF)
    assert Code.SPLIT_RETURN not in {p.code for p in apart.problems}
    assert [h for h in apart.hazards if h.vanished_from]
    draft = filled_form(
        campaign,
        "附属医院",
        tmp_path / "forms" / "草稿.xlsx",
        [hazard(部位="B座", 存在隐患问题="配电箱未上锁"), hazard(部位="C座")],
    ).read_bytes()
    versions = tmp_path / "回收2"
    versions.mkdir()
    _zip(versions / "附属医院.zip", {"草稿.xlsx": draft, "实训楼B座.xlsx": b})
    drafted = collect(campaign, [versions], as_of=AS_OF)
    codes = {p.code for p in drafted.problems}
    assert Code.SPLIT_RETURN not in codes and Code.SAME_DATE_VERSIONS in codes


def test_a_hazards_row_hidden_is_read_and_said(campaign: Campaign, tmp_path: Path) -> None:
    """锅炉房's row hidden (a row the department would rather not print): read into the
    register without a word, and missing from the form its head signed (clerk trial 130).
    A hidden empty row says nothing."""
    path = filled_form(
        campaign,
        "总务基建处",
        tmp_path / "回收" / "总务.xlsx",
        [hazard(部位="食堂"), hazard(部位="锅炉房", 存在隐患问题="燃气报警器失灵")],
    )
    book = load_workbook(path)
    sheet = book[FORM_SHEET]
    [boiler] = [c.row for c in sheet["D"] if c.value == "锅炉房"]
    sheet.row_dimensions[boiler].hidden = True
    sheet.row_dimensions[boiler + 3].hidden = True  # an empty row
    book.save(path)
    collection = collect(campaign, [tmp_path / "回收"], as_of=AS_OF)
    assert {h.location for h in collection.hazards} == {"食堂", "锅炉房"}
    [said] = [p for p in collection.problems if p.code is Code.HIDDEN_ROWS]
    assert said.message.startswith(f"第 {boiler} 行被隐藏，打印出来签字的表格上看不到")
    # its 退回修改 copy shows the row again, marked; the empty row stays hidden (trial 131)
    [copy] = write_feedback(collection, tmp_path / "退回")
    ws = load_workbook(copy.copy_path)[FORM_SHEET]
    assert not ws.row_dimensions[boiler].hidden and ws.row_dimensions[boiler + 3].hidden
    marked = [c for c in ws[boiler] if c.comment is not None]
    assert marked and "行被隐藏" in marked[0].comment.text
