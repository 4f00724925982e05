"""The columns of the register's hazard sheets, shared by its writer and its reader."""

from __future__ import annotations

REGISTER_FILE = "全校隐患台账.xlsx"
SUMMARY_SHEET = "汇总"
HAZARD_SHEET = "隐患台账"
OPEN_SHEET = "未销号"
OVERDUE_SHEET = "逾期"
NOT_RETURNED_SHEET = "未报送"
COVERAGE_SHEET = "项目覆盖"
FILES_SHEET = "报送记录"
PROBLEMS_SHEET = "校验问题"
LONG_STANDING_SHEET = "历史遗留问题"

# (header, width) of every hazard sheet, in order.
HAZARD_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("部门", 12),
    ("部位", 14),
    ("检查内容", 24),
    ("存在隐患问题", 30),
    ("整改措施", 28),
    ("整改时限", 11),
    ("时限来源", 9),
    ("整改完成情况", 10),
    ("责任人", 8),
    ("检查时间", 11),
    ("销号时间", 11),
    ("备注", 18),
    ("状态", 8),
    ("逾期天数", 8),
    ("历史遗留", 8),
    ("校验", 12),
    ("新版本中消失", 14),
    ("来源文件", 28),
    ("来源工作表", 12),
    ("来源行", 7),
    ("原序号", 6),
)
PRINTED_HAZARD_COLUMNS = 16
"""Printed pages stop after 历史遗留: the source columns are for the screen."""
DEFAULT_DEADLINE_SOURCE = "活动默认"
FORM_DEADLINE_SOURCE = "表中填写"

FILE_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("文件", 40),
    ("部门", 12),
    ("表头部门", 14),
    ("主要负责人", 10),
    ("表头日期", 11),
    ("文件修改时间", 17),
    ("SHA-256", 20),
    ("处理结果", 12),
    ("隐患数", 7),
    ("错误", 6),
    ("警告", 6),
    ("说明", 50),
)
