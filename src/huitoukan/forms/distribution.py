"""发放清单: which department was sent which file, with its 附件1 items and the file's hash."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from pydantic import BaseModel

from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.model.documents import DISTRIBUTION_TITLE
from huitoukan.xlsx.styles import made_here, write_table

DISTRIBUTION_FILE = "发放清单.xlsx"


class IssuedForm(BaseModel):
    department: str
    file: str
    items: tuple[str, ...]
    sha256: str
    prefilled: int = 0
    """Hazard rows pre-filled in a follow-up round."""
    open_hazards: int = 0
    assigned: int = 0
    """Assigned problems (交办问题) listed first on the form."""


SHORT_HASH = 12
"""Hex digits of a file's SHA-256 printed: enough to tell two versions of a form apart on
paper; the whole value is in the column after the printed ones, to compare by machine."""


def distribution_list(campaign: Campaign, forms: Sequence[IssuedForm]) -> Workbook:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "发放清单"
    headers = [
        ("序号", 6),
        ("部门", 16),
        ("文件", 34),
        ("检查项目数", 12),
        ("附件1检查项目", 40),
        (f"SHA-256（前{SHORT_HASH}位）", 16),
        ("签收人", 12),
        ("签收日期", 14),
        ("SHA-256", 70),
    ]
    rows: list[list[object]] = [
        [n, f.department, f.file, len(f.items), "、".join(f.items), f.sha256[:SHORT_HASH]]
        + [None, None, f.sha256]
        for n, f in enumerate(forms, start=1)
    ]
    info = campaign.info
    title = f"{info.school}{info.title}发放清单（报送截止 {chinese_date(info.returns_due)}）"
    write_table(ws, headers, rows, title=title, printed=len(headers) - 1, least_height=SIGNED_ROW)
    made_here(workbook, DISTRIBUTION_TITLE, info.title)
    return workbook


SIGNED_ROW = 30.0
"""Points a row of the list is at least: the department signs for its form on it."""
