"""The columns of the 交办问题清单 (and of an inspection's list of findings): found by name,
in any order, like a return's."""

from __future__ import annotations

from huitoukan.forms.layout import DEADLINE_SAID_SHORT, Column

LIST_SHEET = "交办问题清单"
CHOICES_SHEET = "可选值"
"""The hidden sheet of the list's drop-downs: 问题来源 in column A, 责任部门 in column B."""
LIST_FILE = "交办问题清单.xlsx"
EXAMPLE_NUMBER = "示例"
"""The 问题编号 of the example row the blank list carries (ignored when left in)."""

LIST_COLUMNS: tuple[Column, ...] = (
    # the plainer header first: of 问题编号 and 序号 both, 问题编号 is the number (trial 85)
    Column("number", "问题编号", ("编号", "问题序号", "序号")),
    Column(
        "source",
        "问题来源",
        # (the authority that inspected, 市教育局, per row: clerk trial 179 AF11)
        ("来源", "检查来源", "检查层级", "问题出处", "检查单位", "检查机关", "督查单位"),
    ),
    Column(
        "found_on",
        "发现时间",
        (
            "检查时间",
            "发现日期",
            "检查日期",
            "督查时间",
            "督查日期",
            "排查时间",
            "排查日期",
            "巡查时间",
            "巡查日期",
        ),
    ),
    Column(
        "location",
        "部位",
        (
            "问题部位",
            "隐患部位",
            "地点",
            "具体部位",
            "检查部位",
            "场所",
            "位置",
            "点位",
            "检查场所",
            # as superiors' lists head it (dropped, the clerk told to move it into 整改要求:
            # clerk trial 150)
            "具体位置",
            "所在位置",
            "问题所在位置",
            "问题位置",
            "隐患位置",
            "隐患地点",
            "检查地点",
            "检查点位",
            "所在部位",
        ),
    ),
    Column(
        "description",
        "问题描述",
        (
            "存在问题",
            "存在隐患问题",
            "问题",
            "发现问题",
            "问题隐患",
            "隐患描述",
            "隐患问题",
            "存在的问题",
            "存在的隐患",
            "隐患内容",
            "问题内容",
            "检查发现问题",
            "发现的问题",
            "问题及隐患",
        ),
    ),
    Column(
        "departments",
        "责任部门",
        (
            "责任单位",
            "整改部门",
            "整改责任部门",
            "整改责任单位",
            "整改单位",
            "责任处室",
            "责任科室",
            "牵头部门",
            "责任单位(部门)",
            "责任部门(单位)",
        ),
    ),
    Column(
        "requirement",
        "整改要求",
        (
            "整改意见",
            "要求",
            "整改措施",
            "整改建议",
            "整改要求及措施",
            "整改措施及要求",
            "处理意见",
            "工作要求",
        ),
    ),
    Column(
        "deadline",
        "整改时限",
        (
            "整改期限",
            "完成时限",
            "整改完成时限",
            "完成期限",
            "完成时间",
            "整改完成时间",
            *DEADLINE_SAID_SHORT,
            "要求完成时间",
            "整改截止时间",
            "截止时间",
            "限期整改时间",
            "办结时限",
            "整改时限要求",
        ),
    ),
    # 对应自查隐患编号 is how the 追责核查 sheet heads it: a clerk copies that (trial 113)
    Column(
        "decision",
        "对应自查",
        (
            "对应自查隐患",
            "自查对应",
            "对应自查隐患编号",
            "对应自查编号",
            "自查隐患编号",
            "对应隐患编号",
        ),
    ),
)
LIST_WIDTHS = (10, 10, 14, 16, 40, 18, 30, 14, 12)
REQUIRED = frozenset({"description"})
"""A list with no 问题来源 column takes its source from its sheet's name, its title or its
file's name (county and city lists carry it in the title: such lists were refused whole,
clerk trial 85)."""
