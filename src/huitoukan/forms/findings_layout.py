"""The columns of the 交办问题清单 (and of an inspection's list of findings): found by name,
in any order, like a return's."""

from __future__ import annotations

from huitoukan.forms.layout import Column

LIST_SHEET = "交办问题清单"
LIST_FILE = "交办问题清单.xlsx"
EXAMPLE_NUMBER = "示例"
"""The 问题编号 of the example row the blank list carries (ignored when left in)."""

LIST_COLUMNS: tuple[Column, ...] = (
    Column("number", "问题编号", ("编号", "序号", "问题序号")),
    Column("source", "问题来源", ("来源", "检查来源", "检查层级")),
    Column("found_on", "发现时间", ("检查时间", "发现日期", "检查日期", "督查时间")),
    Column("location", "部位", ("问题部位", "地点", "具体部位", "检查部位")),
    Column("description", "问题描述", ("存在问题", "存在隐患问题", "问题", "发现问题", "问题隐患")),
    Column("departments", "责任部门", ("责任单位", "整改部门", "整改责任部门")),
    Column("requirement", "整改要求", ("整改意见", "要求")),
    Column("deadline", "整改时限", ("整改期限", "完成时限")),
    Column("decision", "对应自查", ("对应自查隐患", "自查对应")),
)
LIST_WIDTHS = (10, 10, 14, 16, 40, 18, 30, 14, 12)
REQUIRED = frozenset({"description", "source"})
