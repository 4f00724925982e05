from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from huitoukan.campaign import Campaign, default_campaign
from huitoukan.campaign.loading import default_campaign_text, load_campaign, parse_campaign
from huitoukan.errors import CampaignError

SEED_UNITS = [
    "安全保卫处",
    "总务基建处",
    "学生工作处",
    "各二级学院",
    "高级技工学校",
    "职教中心学校",
    "附属医院",
    "学院警务室",
]


def test_default_campaign_is_the_seed(campaign: Campaign) -> None:
    info = campaign.info
    assert info.school == "枣庄科技职业学院"
    assert info.document_number == "枣科职院办〔2023〕15号"
    assert (info.issued_on, info.returns_due, info.default_deadline) == (
        date(2023, 12, 5),
        date(2023, 12, 15),
        date(2023, 12, 31),
    )
    assert info.receiver == "安全保卫处"
    assert [u.name for u in campaign.units] == SEED_UNITS
    assert [(i.category, i.number) for i in campaign.checklist] == (
        [("消防安全", n) for n in range(1, 6)]
        + [("冬季易发安全隐患", n) for n in range(1, 5)]
        + [("校园安防", n) for n in range(1, 6)]
    )


@pytest.mark.parametrize(
    ("unit", "count"),
    [
        ("安全保卫处", 14),
        ("总务基建处", 7),
        ("学生工作处", 2),
        ("各二级学院", 4),
        ("高级技工学校", 5),
        ("职教中心学校", 5),
        ("附属医院", 1),
        ("学院警务室", 1),
    ],
)
def test_items_per_department_follow_the_seed(campaign: Campaign, unit: str, count: int) -> None:
    assert len(campaign.items_for(unit)) == count


def test_seed_methods_and_departments_kept_exactly(campaign: Campaign) -> None:
    item = campaign.checklist[8]
    assert item.content.startswith("预防流行病（新冠、流感、诺如病毒感染等）")
    assert item.methods == ("查阅资料",)
    assert item.departments == (
        "附属医院",
        "安全保卫处",
        "总务基建处",
        "各二级学院",
        "高级技工学校",
        "职教中心学校",
    )
    assert campaign.checklist[12].methods == ("查阅资料", "现场查看")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("保卫处", "安全保卫处"),
        ("职教中心", "职教中心学校"),
        (" 安全 保卫处 ", "安全保卫处"),
        ("枣庄科技职业学院总务基建处（章）", "总务基建处"),
        ("警务室", "学院警务室"),
        ("学院警务室", "学院警务室"),
        ("附属医院", "附属医院"),
        ("财务处", None),
        ("", None),
    ],
)
def test_find_unit_by_name_alias_or_containment(
    campaign: Campaign, typed: str, expected: str | None
) -> None:
    unit = campaign.find_unit(typed)
    assert (unit.name if unit else None) == expected


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("学生工作处\t", "学生工作处"),
        ("　学生工作处　", "学生工作处"),
        ("学生　工作处", "学生　工作处"),
    ],
)
def test_a_department_typed_with_spaces_keeps_its_checklist_items(typed: str, name: str) -> None:
    """“学生工作处” followed by a tab, or with a full-width space in it: accepted, and the
    department's form had none of its 附件1 items (the checklist's 学生工作处 matched by key
    only: clerk trial 79)."""
    text = default_campaign_text()
    assert text.count('name = "学生工作处"') == 1
    campaign = parse_campaign(text.replace('name = "学生工作处"', f'name = "{typed}"'), "c.toml")
    assert name in [u.name for u in campaign.units]
    assert len(campaign.items_for(name)) == len(default_campaign().items_for("学生工作处")) > 0


def test_an_alias_of_spaces_alone_is_none() -> None:
    """An alias typed as a full-width space alone was accepted (clerk trial 81)."""
    text = default_campaign_text().replace(
        'aliases = ["学工处", "学生处", "学生工作部"]', 'aliases = ["　", "学工处 "]'
    )
    campaign = parse_campaign(text, "c.toml")
    [unit] = [u for u in campaign.units if u.name == "学生工作处"]
    assert unit.aliases == ("学工处",)


def test_a_department_name_with_a_tab_inside_is_refused() -> None:
    text = default_campaign_text().replace('name = "学生工作处"', 'name = "学生\t工作处"')
    with pytest.raises(CampaignError, match="制表符"):
        parse_campaign(text, "c.toml")


def test_colleges_replace_the_collective_unit(college_campaign: Campaign) -> None:
    names = [u.name for u in college_campaign.units]
    assert "各二级学院" not in names
    assert names[3:6] == ["机电工程学院", "信息工程学院", "经济管理学院"]
    assert len(names) == 10
    assert len(college_campaign.items_for("机电工程学院")) == 4
    assert college_campaign.find_unit("经管学院").name == "经济管理学院"  # type: ignore[union-attr]


def test_resolve_units_rejects_unknown_names(campaign: Campaign) -> None:
    assert [u.name for u in campaign.resolve_units(["保卫处", "安全保卫处"])] == ["安全保卫处"]
    with pytest.raises(CampaignError, match="没有名为“财务处”的部门"):
        campaign.resolve_units(["财务处"])


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("returns_due = 2023-12-15", 'returns_due = "12月15日"', "campaign.returns_due：应为日期"),
        ('aliases = ["学工处"', 'alias = ["学工处"', "departments[3].alias：不认识的键"),
        ('school = "枣庄科技职业学院"', 'school = ""', "campaign.school：不能为空"),
        ("returns_due = 2023-12-15", "returns_due = 2023-11-15", "早于印发日期"),
        # a list of files: pydantic's English (clerk trial 85)
        (
            '# [findings]\n# file = "交办问题清单.xlsx"',
            '[findings]\nfile = ["县级.xlsx", "省级.xlsx"]',
            "findings.file：应为一个文件名",
        ),
    ],
)
def test_bad_campaign_names_key_and_line(old: str, new: str, expected: str) -> None:
    text = default_campaign_text().replace(old, new)
    assert text != default_campaign_text()
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    message = info.value.message
    assert expected in message
    if "早于" not in expected:
        assert f"第 {_line_of(text, new.splitlines()[-1])} 行" in message


def test_unknown_responsible_department_points_at_its_line() -> None:
    text = default_campaign_text().replace('departments = ["附属医院"', 'departments = ["财务处"')
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    assert "不在 departments 部门名单中：“财务处”（冬季易发安全隐患-4）" in info.value.message
    assert f"第 {_line_of(text, '财务处')} 行" in info.value.message


def test_a_renamed_department_is_known_by_its_old_name_in_the_checklist() -> None:
    """安全保卫处 renamed 保卫处, its old name kept as an alias: the checklist's fourteen
    mentions of the old name are the department's (one error per run, on the line of the
    alias, before)."""
    text = default_campaign_text().replace(
        'name = "安全保卫处"\naliases = [', 'name = "保卫处"\naliases = ["安全保卫处", ', 1
    )
    campaign = parse_campaign(text, "campaign.toml")
    assert len(campaign.items_for("保卫处")) == 14


def test_every_unknown_responsible_department_is_listed_at_once() -> None:
    """Renamed without an alias: every name not in the list, with its items, the list's
    names, on the line of the first item that names one (not the first line quoting it)."""
    text = default_campaign_text().replace('name = "安全保卫处"', 'name = "保卫处"', 1)
    text = text.replace('departments = ["附属医院"', 'departments = ["财务处"')
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    message = info.value.message
    assert (
        "“安全保卫处”（消防安全-1、消防安全-2" in message
        and "“财务处”（冬季易发安全隐患-4）" in message
    )
    assert "部门名单是：保卫处、总务基建处" in message
    lines = text.splitlines()
    first = next(
        n
        for n, line in enumerate(lines, 1)
        if line.startswith("departments = [") and "安全保卫处" in line
    )
    assert message.startswith(f"campaign.toml 第 {first} 行")


def test_a_department_named_twice_points_at_the_second() -> None:
    text = default_campaign_text().replace('name = "学生工作处"', 'name = "总务基建处"', 1)
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    second = [n for n, line in enumerate(text.splitlines(), 1) if line == 'name = "总务基建处"'][1]
    assert info.value.message.startswith(f"campaign.toml 第 {second} 行")
    assert "部门名称“总务基建处”重复" in info.value.message


def test_toml_syntax_error_has_line_and_column() -> None:
    with pytest.raises(CampaignError, match="第 2 行第 \\d+ 列"):
        parse_campaign('[campaign]\nschool = "x\n', "campaign.toml")


def test_load_prefers_campaign_toml_in_folder(tmp_path: Path) -> None:
    assert load_campaign(search_dir=tmp_path).info.school == "枣庄科技职业学院"
    (tmp_path / "campaign.toml").write_text(
        default_campaign_text().replace("枣庄科技职业学院", "示例中学"), encoding="utf-8"
    )
    assert load_campaign(search_dir=tmp_path).info.school == "示例中学"


def test_load_reports_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(CampaignError, match="找不到"):
        load_campaign(tmp_path / "nope.toml")
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes(default_campaign_text().encode("gbk"))
    with pytest.raises(CampaignError, match="UTF-8"):
        load_campaign(gbk)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "returns_due = 2023-12-15",
            "return_due = 2023-12-15",
            "return_due：不认识的键，是不是 returns_due？",
        ),
        (
            "returns_due = 2023-12-15",
            "returns_due = 2023年12月15日",
            "日期要写成 2023-12-15 这样（不加引号）",
        ),
        ("ends_on = 2023-12-31 ", "ends_on = 2023-12-31 ＃ ", "注释要用英文的 # 号"),
        ('school = "枣庄科技职业学院"', "school = “枣庄科技职业学院”", "英文双引号"),
        ('school = "枣庄科技职业学院"', "school = 枣庄科技职业学院", "文字要加英文双引号"),
        ('name = "安全保卫处"', 'nmae = "安全保卫处"', "nmae：不认识的键，是不是 name？"),
    ],
)
def test_mistakes_in_campaign_toml_are_named_with_their_fix(
    old: str, new: str, expected: str
) -> None:
    text = default_campaign_text()
    assert old in text
    broken = text.replace(old, new, 1)
    with pytest.raises(CampaignError) as raised:
        parse_campaign(broken, "campaign.toml")
    message = raised.value.message
    assert expected in message, message
    assert f"第 {_line_of(broken, new.split()[0])} 行" in message
    assert not any(english in message for english in ("Expected", "Invalid", "value"))


def test_department_names_suggest_the_closest_and_accept_lists(campaign: Campaign) -> None:
    units = campaign.resolve_units(["安全保卫处,总务基建处", "医院、警务室"])
    assert [u.name for u in units] == ["安全保卫处", "总务基建处", "附属医院", "学院警务室"]
    with pytest.raises(CampaignError, match="是不是“安全保卫处”"):
        campaign.resolve_units(["保位处"])
    # not a guess from what every 处 has (“是不是“总务基建处”” for 财务处: clerk trial 145)
    with pytest.raises(CampaignError) as raised:
        campaign.resolve_units(["财务处"])
    assert "是不是" not in raised.value.message
    assert raised.value.message.startswith("没有名为“财务处”的部门。可用的部门：")


def test_a_campaign_without_sources_gets_the_seeds() -> None:
    """A campaign.toml written before campaigns named the sources of assigned problems
    reads a list with the work plan's sources (县级普查 … 学校通报, 其他)."""
    text = default_campaign_text()
    text = text[: text.index("[[sources]]")] + text[text.index("# 附件1 项目清单") :]
    campaign = parse_campaign(text, "campaign.toml")
    assert [s.name for s in campaign.sources] == [s.name for s in default_campaign().sources]
    assert campaign.find_source("省第六轮督查") is not None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("review_required = false", 'review_required = "是"', "应为 true 或 false"),
        ("review_required = false", "review_required = True", "true 或 false"),
        ("returns_due = 2023-12-15", "returns_due = 2023-02-30", "日期不存在"),
        ("returns_due = 2023-12-15", "returns_due = 2023-12-32", "第 19 列：日期不存在"),
        ('school = "枣庄科技职业学院"', 'school = "枣庄科技职业学院', "英文双引号没有闭合"),
        ('school = "枣庄科技职业学院"', 'school = "枣庄科技\x01职业学院"', "不能出现的字符"),
        ("returns_due = 2023-12-15", "returns_due = 2023/12/15", "日期要写成 2023-12-15"),
        ("returns_due = 2023-12-15", "returns_due = 12月15日", "日期要写成 2023-12-15"),
        ("returns_due = 2023-12-15", "returns_due = 2023-12-1５", "全角数字"),
        (
            'receiver = "安全保卫处"',
            'receiver = "安全保卫处"\nreceiver = "保卫处"',
            "同一个键 receiver 写了两次",
        ),
        (
            "returns_due = 2023-12-15",
            "returns_due = 2023-11-15",
            "returns_due = 2023-11-15 早于印发日期 issued_on = 2023-12-05",
        ),
    ],
)
def test_campaign_mistakes_say_their_fix(old: str, new: str, expected: str) -> None:
    text = default_campaign_text()
    assert old in text
    with pytest.raises(CampaignError) as raised:
        parse_campaign(text.replace(old, new, 1), "campaign.toml")
    assert expected in raised.value.message
    assert "Input should" not in raised.value.message and "Invalid" not in raised.value.message
    assert "Illegal" not in raised.value.message


@pytest.mark.parametrize("typed", ["2023-12-7", "2023-1-15", "2023/12/07"])
def test_a_date_written_otherwise_is_said_to_be_a_date(typed: str) -> None:
    """2026-12-7 (TOML wants 12-07) was “这一行的值后面还有多余的内容”."""
    text = default_campaign_text().replace("returns_due = 2023-12-15", f"returns_due = {typed}")
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    assert "日期的写法不对。日期要写成 2023-12-15 这样" in info.value.message
    assert "多余的内容" not in info.value.message


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "default_deadline = 2023-12-31",
            "default_deadline = 2023-12-04",  # the day before issued_on
            "默认整改时限 default_deadline = 2023-12-04 早于印发日期",
        ),
        ('receiver = "安全保卫处"', 'receiver = "安全处"', "接收部门 receiver = “安全处”不在"),
        (  # the day before returns_due: collect said the campaign had ended (trial 124)
            "ends_on = 2023-12-31",
            "ends_on = 2023-12-14",
            "活动截止日期 ends_on = 2023-12-14 早于报送截止日期 returns_due = 2023-12-15",
        ),
    ],
)
def test_settings_that_cannot_be_meant_are_refused_on_their_line(
    old: str, new: str, said: str
) -> None:
    """A default 整改时限 before the campaign was issued makes every hazard without one
    overdue the day it is reported; a receiver no department is tells departments to send
    to nobody (both were taken without a word)."""
    text = default_campaign_text().replace(old, new)
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    assert said in info.value.message
    assert f"第 {_line_of(text, new)} 行" in info.value.message


def test_the_default_deadline_on_the_day_of_issue_and_a_receiver_by_alias_are_taken() -> None:
    text = default_campaign_text().replace(
        "default_deadline = 2023-12-31", "default_deadline = 2023-12-05"
    )
    campaign = parse_campaign(text.replace('receiver = "安全保卫处"', 'receiver = "保卫处"'), "c")
    assert campaign.info.receiver == "安全保卫处"
    assert campaign.info.default_deadline == campaign.info.issued_on


def test_an_item_added_at_the_end_is_listed_with_its_category() -> None:
    """消防安全 item 6 appended at the end of campaign.toml: 附件1 printed it as a second
    消防安全 block after 校园安防 (clerk trial 41). Each category's items stay together, in
    the order the file gives them; the categories in the order they first appear."""
    extra = (
        '\n[[checklist]]\ncategory = "消防安全"\nnumber = 6\ncontent = "新增的消防检查项目。"\n'
        'methods = ["现场查看"]\ndepartments = ["安全保卫处"]\n'
    )
    before = [i.label for i in parse_campaign(default_campaign_text(), "c.toml").checklist]
    after = [i.label for i in parse_campaign(default_campaign_text() + extra, "c.toml").checklist]
    fire = after.index("消防安全-6")
    assert after[fire - 1] == "消防安全-5" and after[:fire] + after[fire + 1 :] == before


def test_an_alias_given_to_two_departments_is_an_error() -> None:
    """网络中心 as an alias of two departments: a list naming it went to the first, without
    a word (clerk trial 48)."""
    text = default_campaign_text().replace(
        'aliases = ["学工处",', 'aliases = ["总务处", "学工处",', 1
    )
    assert text != default_campaign_text()
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    assert "别名“总务处”同时写在了“总务基建处”和“学生工作处”下" in info.value.message


def test_an_alias_that_is_another_departments_name_points_at_its_department() -> None:
    """总务基建处 written among 学生工作处's aliases: the error pointed at 总务基建处's name
    line and did not say whose alias it was (clerk trial 49)."""
    text = default_campaign_text().replace(
        'aliases = ["学工处",', 'aliases = ["总务基建处", "学工处",', 1
    )
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    line = _line_of(text, 'name = "学生工作处"')  # the department whose alias it is
    assert (
        f"第 {line} 行：“学生工作处”的别名“总务基建处”与另一个部门的名称相同" in info.value.message
    )


def test_a_misspelt_key_is_one_mistake_not_two() -> None:
    """retuns_due: its key unknown and returns_due missing, “（另有 1 处错误）” said; the
    clerk looked for a second mistake there was not (clerk trial 83). Another is counted."""
    text = default_campaign_text().replace("returns_due = ", "retuns_due = ")
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    assert info.value.message.endswith("campaign.retuns_due：不认识的键，是不是 returns_due？")
    text = text.replace('school = "枣庄科技职业学院"', 'school = ""')
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    line = _line_of(text, 'school = ""')
    assert info.value.message.endswith(
        f"是不是 returns_due？（另有 1 处错误：第 {line} 行，campaign.school：不能为空）"
    )


def test_every_mistake_of_a_campaign_is_listed() -> None:
    """method = … typed in every checklist item: the first was said “（另有 14 处错误）”, the
    others found one run at a time (clerk trial 124). Five are listed after it."""
    text = default_campaign_text().replace("methods = ", "method = ")
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("method = ")]
    assert len(lines) > 1 + 5
    with pytest.raises(CampaignError) as info:
        parse_campaign(text, "campaign.toml")
    message = info.value.message
    assert f"第 {lines[0]} 行，checklist[1].method：不认识的键，是不是 methods？" in message
    assert f"（另有 {len(lines) - 1} 处错误：第 {lines[1]} 行，checklist[2].method：" in message
    assert f"第 {lines[5]} 行" in message and f"第 {lines[6]} 行" not in message
    assert message.endswith("……）") and "缺少必填项" not in message


def test_colleges_under_a_department_of_another_name_are_refused_with_the_way() -> None:
    """A 中学 names its grades' offices 各年级部 and lists 高一年级部 … as [[colleges]]: 各年级部
    was issued a form with the items and each 年级部 one with none (clerk trial 126)."""
    from tests.conftest import campaign_with_colleges_text

    text = campaign_with_colleges_text().replace('"各二级学院"', '"各年级部"')
    with pytest.raises(CampaignError) as told:
        parse_campaign(text, "campaign.toml")
    said = told.value.message
    assert "[[colleges]] 列出的 机电工程学院、信息工程学院、经济管理学院 没有负责的检查项目" in said
    assert "请把 name 改为“各二级学院”，原名写在它的 aliases 中" in said
    # as said: the checklist still writes 各年级部, and each college has its items
    fixed = text.replace(
        'name = "各年级部"\naliases = ["二级学院"]', 'name = "各二级学院"\naliases = ["各年级部"]'
    )
    campaign = parse_campaign(fixed, "campaign.toml")
    assert campaign.items_for("机电工程学院")
    assert "各二级学院" not in {u.name for u in campaign.units}
