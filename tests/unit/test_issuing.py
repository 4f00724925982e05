from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from huitoukan.campaign import Campaign, default_campaign_text
from huitoukan.campaign.loading import parse_campaign
from huitoukan.cells import column_letter
from huitoukan.errors import OutputExistsError
from huitoukan.files import sha256_of
from huitoukan.forms.checklist import CHECKLIST_FILE
from huitoukan.forms.issuing import form_file_name, issue_forms
from huitoukan.forms.layout import COLUMNS, FORM_SHEET, ITEMS_SHEET
from huitoukan.model.documents import DISTRIBUTION_FILE

HEADERS = [
    "序号",
    "问题编号",
    "问题来源",
    "部位",
    "检查内容",
    "存在隐患问题",
    "整改措施",
    "整改时限",
    "整改完成情况",
    "责任人",
    "检查时间",
    "销号时间",
    "备注",
]


def form_sheet(path: Path) -> Worksheet:
    return load_workbook(path)[FORM_SHEET]


def header_row(ws: Worksheet) -> tuple[int, list[object]]:
    for row in ws.iter_rows(max_row=20):
        values = [c.value for c in row]
        if "存在隐患问题" in values:
            return row[0].row, values
    raise AssertionError("no header row")


def validation_for(ws: Worksheet, column: str) -> list[object]:
    return [dv for dv in ws.data_validations.dataValidation if column in str(dv.sqref)]


def test_issue_writes_one_form_per_unit_plus_checklist_and_list(
    campaign: Campaign, tmp_path: Path
) -> None:
    result = issue_forms(campaign, tmp_path / "发放")
    names = sorted(p.name for p in (tmp_path / "发放").iterdir())
    assert len(result.forms) == 8
    assert names == sorted(
        [form_file_name(u.name) for u in campaign.units] + [CHECKLIST_FILE, DISTRIBUTION_FILE]
    )


def test_form_has_seed_columns_with_deadline_after_measures(
    campaign: Campaign, tmp_path: Path
) -> None:
    issue_forms(campaign, tmp_path)
    for unit in campaign.units:
        ws = form_sheet(tmp_path / form_file_name(unit.name))
        row, values = header_row(ws)
        assert values[: len(COLUMNS)] == HEADERS == [c.header for c in COLUMNS]
        seed = ["序号", "部位", "检查内容", "存在隐患问题", "整改措施", "整改完成情况", "责任人"]
        seed += ["检查时间", "销号时间", "备注"]
        assert [h for h in HEADERS if h in seed] == seed  # every seed column, in the seed's order
        assert HEADERS.index("整改时限") == HEADERS.index("整改措施") + 1
        assert [ws.cell(r, 1).value for r in range(row + 1, row + 11)] == list(range(1, 11))
        above = [c.value for r in ws.iter_rows(max_row=row - 1) for c in r if c.value]
        assert "枣庄科技职业学院安全隐患自查整改清单" in above
        assert unit.name in above
        assert "主要负责人：" in above and "日期：" in above
        assert any("2023年12月15日前" in str(v) and "安全保卫处" in str(v) for v in above)
        below = [c.value for r in ws.iter_rows(min_row=row + 11) for c in r if c.value]
        assert "上报人：" in below and "联系方式：" in below


def letter(field: str) -> str:
    return column_letter([c.field for c in COLUMNS].index(field))


def item_choices(path: Path) -> list[str]:
    wb = load_workbook(path)
    ws = wb[FORM_SHEET]
    (dv,) = validation_for(ws, letter("item"))
    sheet_ref, cells = dv.formula1.rsplit("!", 1)
    assert sheet_ref.strip("'") == ITEMS_SHEET
    first, last = (int(part.split("$")[-1]) for part in cells.split(":"))
    column = cells.split("$")[1]
    items = wb[ITEMS_SHEET]
    return [items[f"{column}{r}"].value for r in range(first, last + 1)]


@pytest.mark.parametrize(
    ("content", "short"),
    [
        ("实训室（车间）设备防护装置、安全操作规程。", "实训安全-1 实训室（车间）设备防护装…"),
        ("学生校外顶岗（跟岗）实习安全管理", "实训安全-1 学生校外顶岗（跟岗）实习…"),
        ("校园周边环境综合治理情况（含交通秩序）", "实训安全-1 校园周边环境综合治理情况"),
        ("食堂。其他", "实训安全-1 食堂"),
    ],
)
def test_an_items_short_label_is_not_cut_at_a_bracket_too_soon(content: str, short: str) -> None:
    """The drop-down offered “实训安全-1 实训室” for 实训室（车间）设备防护装置…, beside
    “实训安全-2 实训室危险化学品” (clerk trial 211 BK12): a bracket ends it only after ten
    characters."""
    from huitoukan.campaign.model import ChecklistItem

    item = ChecklistItem(category="实训安全", number=1, content=content, departments=("教务处",))
    assert item.short == short


@pytest.mark.parametrize(
    ("unit", "count"), [("安全保卫处", 14), ("附属医院", 1), ("学院警务室", 1)]
)
def test_item_dropdown_lists_the_departments_items(
    campaign: Campaign, tmp_path: Path, unit: str, count: int
) -> None:
    issue_forms(campaign, tmp_path)
    choices = item_choices(tmp_path / form_file_name(unit))
    assert len(choices) == count
    # short labels, which print on one line of the form; the sheet has the full text too
    assert choices == [i.short for i in campaign.items_for(unit)]
    items = load_workbook(tmp_path / form_file_name(unit))[ITEMS_SHEET]
    assert [items.cell(r, 3).value for r in range(3, 3 + count)] == [
        i.content for i in campaign.items_for(unit)
    ]


def test_validations_and_print_settings(campaign: Campaign, tmp_path: Path) -> None:
    issue_forms(campaign, tmp_path)
    ws = form_sheet(tmp_path / form_file_name("总务基建处"))
    row, _ = header_row(ws)
    progress = letter("progress")
    (status,) = validation_for(ws, progress)
    assert status.type == "list" and status.formula1 == '"已完成,整改中,未整改"'
    assert str(status.sqref) == f"{progress}{row + 1}:{progress}{row + 10}"
    (item,) = validation_for(ws, letter("item"))
    assert item.showErrorMessage is False  # free text still allowed
    for column in map(letter, ("deadline", "checked_on", "closed_on")):
        (dates,) = validation_for(ws, column)
        assert dates.type == "date" and dates.prompt and dates.showInputMessage
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${row}:${row}"


def test_checklist_reproduces_the_seed(campaign: Campaign, tmp_path: Path) -> None:
    issue_forms(campaign, tmp_path)
    ws = load_workbook(tmp_path / CHECKLIST_FILE).worksheets[0]
    assert ws["A2"].value == "全省学校安全问题专项整治“回头看”项目清单"
    assert [c.value for c in ws[3]][:5] == ["督查项目", "序号", "督查内容", "督查方法", "责任部门"]
    merged = sorted(str(m) for m in ws.merged_cells.ranges)
    assert {"A4:A8", "A9:A12", "A13:A17", "B18:E18"} <= set(merged)
    assert str(ws["A18"].value).startswith("备注")
    assert ws.print_title_rows == "$3:$3"


def test_checklist_is_titled_by_the_campaign(tmp_path: Path) -> None:
    """A campaign of its own title: 附件1 is that campaign's 项目清单 (it kept the
    provincial “全省…” title, while the 发放清单 took the campaign's)."""
    title = "2026年冬季校园安全隐患排查整治“回头看”"
    text = default_campaign_text().replace(
        'title = "学校安全问题专项整治“回头看”"', f'title = "{title}"'
    )
    assert title in text
    issue_forms(parse_campaign(text, "campaign.toml"), tmp_path)
    ws = load_workbook(tmp_path / CHECKLIST_FILE).worksheets[0]
    assert ws["A2"].value == f"{title}项目清单"


@pytest.mark.parametrize(
    ("school", "headline"),
    [
        ("枣庄市理工职业中等专业学校", "枣庄市理工职业中等专业学校安全问题专项整治“回头看”"),
        ("枣庄科技职业学院", "枣庄科技职业学院学校安全问题专项整治“回头看”"),
    ],
)
def test_a_school_named_with_the_titles_first_word_is_not_said_twice(
    tmp_path: Path, school: str, headline: str
) -> None:
    """A school named …学校 running 学校安全问题专项整治: the 发放清单, the register and
    status printed “…中等专业学校学校安全…” (clerk trial 186 AL8)."""
    from huitoukan.campaign.model import headline as joined

    text = default_campaign_text().replace('school = "枣庄科技职业学院"', f'school = "{school}"')
    campaign = parse_campaign(text, "campaign.toml")
    assert campaign.info.headline == joined(school, campaign.info.title) == headline
    issue_forms(campaign, tmp_path)
    ws = load_workbook(tmp_path / DISTRIBUTION_FILE).worksheets[0]
    assert ws["A1"].value.startswith(f"{headline}发放清单")
    # its header row as tall as its two-line headings (SHA-256（前12位） stood out: AL9)
    assert (ws.row_dimensions[2].height or 15) >= 28


def test_checklist_follows_a_replaced_campaign_checklist(tmp_path: Path) -> None:
    from tests.conftest import campaign_with_colleges_text

    text = campaign_with_colleges_text()
    head, _, _ = text.partition("[[checklist]]")
    text = (
        head
        + """
[[checklist]]
category = "实验室安全"
number = 1
content = "危化品管理"
methods = ["现场查看"]
departments = ["各二级学院"]

[[checklist]]
category = "实验室安全"
number = 2
content = "实验室用电"
departments = ["总务基建处"]
"""
    )
    campaign = parse_campaign(text, "campaign.toml")
    issue_forms(campaign, tmp_path)
    ws = load_workbook(tmp_path / CHECKLIST_FILE).worksheets[0]
    assert [ws.cell(r, 3).value for r in (4, 5)] == ["危化品管理", "实验室用电"]
    # the school's own list, not the province's (clerk trial 83)
    assert ws["A2"].value == "学校安全问题专项整治“回头看”项目清单"
    assert str(ws["A6"].value).startswith("备注")
    # nothing of the built-in checklist below it (three of its rows stayed: clerk trial 79)
    assert [c.value for r in ws.iter_rows(min_row=7) for c in r if c.value is not None] == []
    assert "B6:E6" in {str(m) for m in ws.merged_cells.ranges}
    assert "A4:A5" in {str(m) for m in ws.merged_cells.ranges}
    assert item_choices(tmp_path / form_file_name("信息工程学院")) == ["实验室安全-1 危化品管理"]
    # named as the school names them, not 各二级学院 (a 中学's 年级部: clerk trial 128)
    assert ws["E4"].value == "机电工程学院、信息工程学院、经济管理学院"
    assert not validation_for(form_sheet(tmp_path / form_file_name("安全保卫处")), letter("item"))


def test_colleges_get_their_own_forms(college_campaign: Campaign, tmp_path: Path) -> None:
    result = issue_forms(college_campaign, tmp_path)
    assert len(result.forms) == 10
    for college in ("机电工程学院", "信息工程学院", "经济管理学院"):
        assert len(item_choices(tmp_path / form_file_name(college))) == 4


def test_refuses_to_overwrite_without_force(campaign: Campaign, tmp_path: Path) -> None:
    issue_forms(campaign, tmp_path)
    before = {p.name: sha256_of(p) for p in tmp_path.iterdir()}
    (tmp_path / DISTRIBUTION_FILE).write_bytes(b"edited by hand")
    before[DISTRIBUTION_FILE] = sha256_of(tmp_path / DISTRIBUTION_FILE)
    with pytest.raises(OutputExistsError, match="--force"):
        issue_forms(campaign, tmp_path)
    assert {p.name: sha256_of(p) for p in tmp_path.iterdir()} == before
    issue_forms(campaign, tmp_path, force=True)
    assert sha256_of(tmp_path / DISTRIBUTION_FILE) != before[DISTRIBUTION_FILE]


def test_subset_and_distribution_list(campaign: Campaign, tmp_path: Path) -> None:
    result = issue_forms(campaign, tmp_path, ["保卫处", "附属医院"])
    assert [f.department for f in result.forms] == ["安全保卫处", "附属医院"]
    ws = load_workbook(tmp_path / DISTRIBUTION_FILE).active
    rows = list(ws.iter_rows(min_row=3, values_only=True))  # under the title and header
    assert [r[1] for r in rows] == ["安全保卫处", "附属医院"]
    assert rows[1][3] == 1 and rows[1][4] == "冬季易发安全隐患-4"
    digest = sha256_of(tmp_path / form_file_name("安全保卫处"))
    assert (rows[0][6], rows[0][10]) == (digest[:12], digest)  # printed short, kept whole
    assert rows[0][5] == "无"  # no 交办问题 handed to it
    assert rows[0][7].date() == date.today()  # 发放日期
    assert [ws.cell(2, c).value for c in (9, 10)] == ["签收人", "签收日期"]  # signed on paper
    assert ws.row_dimensions[3].height >= 30
    assert ws.print_area == f"'发放清单'!$A$1:$J${ws.max_row}"


def test_the_distribution_list_records_the_problems_handed_and_the_day(
    campaign: Campaign, tmp_path: Path
) -> None:
    """The signed 发放清单 did not record which 交办问题 each department was handed, nor
    when (clerk trial 132): their 问题编号 and the 发放日期, on every row."""
    from huitoukan.model.findings import Finding

    findings = [
        Finding(number="XJ-01", source="县级普查", description="灭火器过期", departments=("安全保卫处",)),
        Finding(number="SD-02", source="省级督查", description="通道堵塞", departments=("安全保卫处", "附属医院")),
    ]  # fmt: skip
    issue_forms(campaign, tmp_path, ["保卫处", "附属医院", "学生工作处"], findings=findings,
                issued_on=date(2023, 12, 5))  # fmt: skip
    ws = load_workbook(tmp_path / DISTRIBUTION_FILE).active
    assert [ws.cell(2, c).value for c in (6, 8)] == ["交办问题", "发放日期"]
    rows = {r[1]: (r[5], r[7]) for r in ws.iter_rows(min_row=3, values_only=True)}
    day = datetime(2023, 12, 5)
    assert rows == {
        "安全保卫处": ("XJ-01、SD-02", day),
        "附属医院": ("SD-02", day),
        "学生工作处": ("无", day),
    }


def test_a_list_an_earlier_version_wrote_keeps_its_signatures(
    campaign: Campaign, tmp_path: Path
) -> None:
    """A 发放清单 without the 交办问题 and 发放日期 columns (as huitoukan wrote it before
    clerk trial 132), signed: issuing one department again keeps the others' signatures."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "发放清单"
    ws.append(["某校回头看发放清单（报送截止 2023年12月15日）"])
    ws.append(
        [
            "序号",
            "部门",
            "文件",
            "检查项目数",
            "附件1检查项目",
            "SHA-256（前12位）",
            "签收人",
            "签收日期",
            "SHA-256",
        ]
    )
    ws.append(
        [
            1,
            "学生工作处",
            "学生工作处-安全隐患自查整改清单.xlsx",
            2,
            "冬季易发安全隐患-1",
            "55500298e32c",
            "李干事",
            date(2023, 12, 6),
            "55" * 32,
        ]
    )
    ws.append(
        [
            2,
            "附属医院",
            "附属医院-安全隐患自查整改清单.xlsx",
            1,
            "冬季易发安全隐患-4",
            "fb3d18e45e2e",
            None,
            None,
            "fb" * 32,
        ]
    )
    book.save(tmp_path / DISTRIBUTION_FILE)  # fmt: skip
    issue_forms(campaign, tmp_path, ["附属医院"], force=True, issued_on=date(2023, 12, 7))
    ws = load_workbook(tmp_path / DISTRIBUTION_FILE).active
    rows = {r[1]: r for r in ws.iter_rows(min_row=3, values_only=True)}
    kept = rows["学生工作处"]
    assert (kept[2], kept[4], kept[6], kept[8], kept[9]) == (
        "学生工作处-安全隐患自查整改清单.xlsx", "冬季易发安全隐患-1", "55500298e32c", "李干事", datetime(2023, 12, 6)
    )  # fmt: skip
    assert kept[5] is None and kept[7] is None  # not recorded then
    assert rows["附属医院"][7] == datetime(2023, 12, 7)


def test_a_campaign_of_another_year_asks_for_its_own_dates(tmp_path: Path) -> None:
    """A 2026 campaign's forms prompt 2026 dates, and a date not understood is asked for in
    2026 (the examples were the seed's 2023 everywhere)."""
    from huitoukan.campaign import default_campaign_text, parse_campaign
    from huitoukan.returns.batch import read_one
    from tests.helpers import filled_form, hazard

    text = default_campaign_text().replace("2023-", "2026-")
    campaign = parse_campaign(text, "campaign.toml")
    issue_forms(campaign, tmp_path)
    ws = form_sheet(tmp_path / form_file_name("总务基建处"))
    (dates,) = validation_for(ws, letter("checked_on"))
    assert dates.prompt == "请填写日期，例如 2026-12-05 或 2026年12月5日"
    path = filled_form(campaign, "总务基建处", tmp_path / "r.xlsx", [hazard(检查时间="上周二")])
    [form] = read_one(path, campaign)
    [said] = [p.message for p in form.problems if p.code == "bad-date"]
    assert said.endswith("请按 2026-12-05 或 2026年12月5日 这样的格式填写")


def test_the_instructions_row_is_tall_enough_for_their_lines(
    campaign: Campaign, tmp_path: Path
) -> None:
    """填报说明 grew a sentence on photos: three lines of 10.5-point text in LibreOffice's
    CJK font, drawn over the 部门/主要负责人 line above in the template's 48-point row."""
    issue_forms(campaign, tmp_path)
    ws = form_sheet(tmp_path / form_file_name("总务基建处"))
    [cell] = [
        c for row in ws.iter_rows(max_row=6) for c in row if str(c.value).startswith("填报说明")
    ]
    assert (ws.row_dimensions[cell.row].height or 0) >= 3 * 10.5 * 1.5 + 6  # and padding


@pytest.mark.parametrize(
    ("today", "left"),
    [
        (date(2023, 12, 12), None),  # three days to fill it in
        (date(2023, 12, 13), 2),
        (date(2023, 12, 15), 0),  # the 报送截止 itself
        (date(2023, 12, 16), -1),
    ],
)
def test_forms_issued_close_to_the_deadline_say_so(
    campaign: Campaign, tmp_path: Path, today: date, left: int | None
) -> None:
    """A department added mid-campaign and given its form the day before the 报送截止 was
    judged late by it the day after, unsaid (clerk trial 58)."""
    from huitoukan.actions.issue import issue

    result = issue(campaign, tmp_path / "一", ["附属医院"], today=today)
    assert result.days_left == left
    assert issue(campaign, tmp_path / "全部", today=today).days_left is None  # the campaign's
    # forms dated (--date) as handed over, a year later or not: counted from their day
    # (“已过 356 天” of forms dated ten days before it: clerk trial 186 AL16)
    dated = issue(campaign, tmp_path / "二", ["附属医院"], form_date=today, today=date(2024, 12, 1))
    assert dated.days_left == left


def test_the_instructions_name_each_failed_review_with_its_opinion_or_its_lack() -> None:
    """A 复查不合格 without an opinion printed as a bare “序号 7。” (clerk trial 63)."""
    from huitoukan.forms.issuing import _failed_reviews

    said = _failed_reviews([(3, "灭火器型号不符。"), (7, "")])
    assert "：序号 3（灭火器型号不符）；序号 7（未写复查意见）。请按复查意见继续整改" in said
