"""发放清单: which department was sent which file, with its 附件1 items and the file's hash."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook
from pydantic import BaseModel

from huitoukan.campaign import Campaign
from huitoukan.cells import cell_text
from huitoukan.dates import DateNotUnderstood, chinese_date, parse_date
from huitoukan.model.documents import DISTRIBUTION_TITLE
from huitoukan.xlsx.styles import made_here, write_table


class IssuedForm(BaseModel):
    department: str
    file: str
    items: tuple[str, ...]
    sha256: str
    prefilled: int = 0
    """Hazard rows pre-filled in a follow-up round."""
    open_hazards: int = 0
    """Of those, not closed, and the assigned problems not yet answered (未销号)."""
    numbers: tuple[str, ...] = ()
    """The 问题编号 of the assigned problems (交办问题) listed first on the form: the signed
    list records which problems each department was handed (clerk trial 132)."""
    issued_on: date | None = None
    """The day the form was written (the round's 日期 for a follow-up)."""

    @property
    def assigned(self) -> int:
        """How many assigned problems the form lists."""
        return len(self.numbers)


SHORT_HASH = 12
"""Hex digits of a file's SHA-256 printed: enough to tell two versions of a form apart on
paper; the whole value is in the column after the printed ones, to compare by machine."""


_HEADERS = [
    ("序号", 6),
    ("部门", 16),
    ("文件", 34),
    ("检查项目数", 12),
    ("附件1检查项目", 40),
    ("交办问题", 20),
    (f"SHA-256（前{SHORT_HASH}位）", 16),
    ("发放日期", 14),
    ("签收人", 12),
    ("签收日期", 14),
    ("SHA-256", 70),
]


def distribution_list(
    campaign: Campaign,
    forms: Sequence[IssuedForm],
    earlier: Mapping[str, Sequence[object]] | None = None,
    due: date | None = None,
) -> Workbook:
    """The list of `forms` issued, with the rows `earlier` (by department, from the list a
    run issuing only some departments replaces) kept for the departments not issued now,
    their 签收人 and 签收日期 with them; in the campaign's order of units. Titled with
    `due` (a follow-up round's), else the campaign's 报送截止."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = "发放清单"
    issued: dict[str, list[object]] = {
        f.department: [f.department, f.file, len(f.items), "、".join(f.items)]
        + ["、".join(f.numbers) or "无", f.sha256[:SHORT_HASH], f.issued_on, None, None, f.sha256]
        for f in forms
    }
    kept = {d: list(row) for d, row in (earlier or {}).items() if d not in issued}
    order = [u.name for u in campaign.units]
    departments = sorted(
        {*issued, *kept}, key=lambda d: order.index(d) if d in order else len(order)
    )
    rows = [[n, *(issued.get(d) or kept[d])] for n, d in enumerate(departments, start=1)]
    info = campaign.info
    round_ = "跟进轮" if due is not None else ""
    title = f"{info.headline}{round_}发放清单（报送截止 {chinese_date(due or info.returns_due)}）"
    write_table(ws, _HEADERS, rows, title=title, printed=len(_HEADERS) - 1, least_height=SIGNED_ROW)
    made_here(workbook, DISTRIBUTION_TITLE, info.title)
    return workbook


def earlier_rows(path: Path, renamed: Mapping[str, str] | None = None) -> dict[str, list[object]]:
    """The rows (after 序号) of the 发放清单 at `path`, by department — by the name it goes by
    now (`renamed`: former name → name), its row too: a department renamed since it signed
    was listed twice, once under each name (clerk trial 58); none when there is no list
    there or it cannot be read as one."""
    try:
        ws = load_workbook(path).worksheets[0]
    except Exception:  # not there, damaged, not a workbook: nothing to keep
        return {}
    headers = [h for h, _ in _HEADERS]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    # by its headers: a list an earlier huitoukan wrote has fewer columns (no 交办问题,
    # 发放日期), and its signatures are kept all the same
    start = next((i for i, r in enumerate(rows) if r[:2] == headers[:2] and "签收人" in r), None)
    if start is None:
        return {}
    at = {header: i for i, header in enumerate(rows[start]) if header in headers}
    found: dict[str, list[object]] = {}
    for row in rows[start + 1 :]:
        cells = [row[at[h]] if h in at and at[h] < len(row) else None for h in headers[1:]]
        if isinstance(cells[0], str) and cells[0]:
            now = (renamed or {}).get(cells[0], cells[0])
            if now not in found or signature(cells) and not signature(found[now]):
                found[now] = [now, *cells[1:]]  # (the signed row, of a list with both names)
    return found


def list_title(path: Path) -> str:
    """The title of the 发放清单 at `path` ('' when there is none, or it cannot be read):
    whose forms it lists, due when (`distribution_list`)."""
    try:
        book = load_workbook(path, read_only=True)  # (read only: closed after, or it stays open)
        try:
            title = next(book.worksheets[0].iter_rows(max_row=1, max_col=1, values_only=True))[0]
        finally:
            book.close()
    except Exception:  # not there, damaged, not a workbook
        return ""
    return title if isinstance(title, str) else ""


def of_a_followup_round(title: str) -> bool:
    """Whether a 发放清单 so titled lists a follow-up round's forms, not the first ones."""
    return "跟进轮发放清单" in title


_LISTED_DUE = re.compile(r"报送截止\s*(\d{4})年(\d{1,2})月(\d{1,2})日")


def listed_due(title: str) -> date | None:
    """The 报送截止 a 发放清单 so titled gives (None when it gives none)."""
    found = _LISTED_DUE.search(title)
    try:
        return date(*map(int, found.groups())) if found else None
    except ValueError:
        return None


def signature(row: Sequence[object]) -> str:
    """签收人 and 签收日期 of an `earlier_rows` row (a value a column after 序号), as written
    ('' when not signed)."""
    headers = [h for h, _ in _HEADERS[1:]]
    values = [row[headers.index(h)] for h in ("签收人", "签收日期")]
    # a date typed as one said as every date is (“2026-11-03”: clerk trial 112), and one
    # left a number, a date cell's serial (“刘建国，45266”: clerk trial 127)
    signed = (
        chinese_date(v) if isinstance(v, date) else _as_day(v) or cell_text(v) for v in values
    )
    return "，".join(text for text in signed if text)


def _as_day(value: object) -> str:
    """A number as the day it is read as in a form's date cell ('' for anything else)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    try:
        day = parse_date(value, date.min)  # (a number: no year to supply)
    except DateNotUnderstood:
        return ""
    return chinese_date(day) if day else ""


SIGNED_ROW = 30.0
"""Points a row of the list is at least: the department signs for its form on it."""
