"""复查验收表: the form the receiving office fills in to review the hazards reported 已完成.

A rectification is 销号 only after someone else has checked it (closed-loop hazard
management): `huitoukan review` writes this form with every hazard reported 已完成 and
not yet reviewed; the office fills in 复查人, 复查时间, 复查结论 (合格 / 不合格) and
复查意见, and drops it among the returns, where `collect` recognises it by its header.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from huitoukan.campaign import Campaign
from huitoukan.dates import chinese_date
from huitoukan.forms.layout import REVIEW_COLUMNS, REVIEW_MADE_ON
from huitoukan.model.returns import (
    FAILED,
    PASSED,
    XLS_PHOTO_HINT,
    HazardRow,
    SharedPhotos,
    photo_also_on,
)
from huitoukan.xlsx.styles import (
    BODY_FONT,
    DATE_FORMAT,
    date_validation,
    display_columns,
    write_table,
)

REVIEW_SHEET = "复查验收表"
_WIDTHS = {
    "seq": 5,
    "hazard_id": 10,
    "number": 11,
    "department": 10,
    "location": 12,
    "hazard": 22,
    "measures": 18,
    "remarks": 14,
    "closed_on": 11,
    "earlier": 16,
    "reviewer": 10,
    "reviewed_on": 14,
    "result": 10,
    "note": 22,
    "deadline": 11,
    "photos": 10,
    "issued": 14,
}
"""Narrow columns for what the reviewer reads (texts wrap, dates short), wide ones for what
is written by hand: fitted to the page's width, the form printed its text at 6–7 points and
left 1.1 cm for 复查人 (clerk trial 61)."""
_PHOTOS_WIDEST = 24
SHORT_DATE = "yyyy-mm-dd"
"""The dates the reviewer only reads (销号时间, 整改时限): 2023-12-13, in 11 characters (as
yyyy-m-d, 2026-12-1 stood beside 2026-12-11: clerk trial 184 AJ8)."""
ONE_LINE = Alignment(horizontal="left", vertical="center")
HANDWRITTEN_ROW = 32.0
"""Points a row of the form is at least: 复查人, 复查时间, 复查结论 and 复查意见 are written by hand."""


def review_form(
    campaign: Campaign,
    hazards: Sequence[HazardRow],
    made_on: date,
    shared: SharedPhotos | None = None,
    found_still: Mapping[str, str] | None = None,
    numbered: bool = False,
) -> Workbook:
    """The form listing `hazards` for review, with drop-downs and signature lines; `shared`:
    the photos shown on several hazards of the register (`shared_photos`); `found_still`:
    隐患编号 → what an inspection found of a closing reported before (said after its
    earlier reviews: the reviewer read a date corrected, nothing of the inspection);
    `numbered`: the campaign has assigned problems (its 问题编号 column stays, though none
    of these hazards answers one)."""
    found_still = found_still or {}
    info = campaign.info
    workbook = Workbook()
    ws = workbook.active
    ws.title = REVIEW_SHEET
    shown = {
        # the 督导组 asks after assigned problems; the column kept from one form to the next
        # (dropped, the columns filled by hand moved left, and the next form filled by the
        # last one's places put names under 复查时间: clerk trial 229 CC3)
        "number": numbered or any(h.number for h in hazards),
        "remarks": any(h.remarks for h in hazards),  # what the department adds (trial 42)
        # a re-review: what failed before, or what an inspection found (clerk trial 154)
        "earlier": any(h.review_note or h.hazard_id in found_still for h in hazards),
    }
    columns = [c for c in REVIEW_COLUMNS if shown.get(c.field, True)]
    photos = [_photos(h, shared or {}) for h in hazards]
    widths = _WIDTHS | {"photos": _photos_width(photos)}
    headers = [(c.header, widths[c.field]) for c in columns]
    rows = []
    for n, h in enumerate(hazards, start=1):
        known = {
            "seq": n,
            "hazard_id": h.hazard_id,
            "number": h.number,
            "department": h.department,
            "location": h.location,
            "hazard": h.hazard,
            "measures": h.measures,
            "remarks": h.remarks,
            "closed_on": h.closed_on,
            "deadline": h.deadline,
            "earlier": "；".join(filter(None, (h.review_note, found_still.get(h.hazard_id)))),
            "photos": photos[n - 1],
            "issued": h.closed_on,
        }
        rows.append([known.get(c.field) for c in columns])
    title = f"{info.school}隐患整改复查验收表"
    write_table(ws, headers, rows, title=title, least_height=HANDWRITTEN_ROW)
    last = 2 + max(len(rows), 1)
    letter = {c.field: get_column_letter(i) for i, c in enumerate(columns, start=1)}
    result = DataValidation(
        type="list",
        formula1=f'"{PASSED},{FAILED}"',
        allow_blank=True,
        promptTitle="复查结论",
        prompt="请选择：合格 或 不合格（不合格的请写明复查意见）",
    )
    result.showInputMessage = result.showErrorMessage = True
    ws.add_data_validation(result)
    result.add(f"{letter['result']}3:{letter['result']}{last}")
    day = date_validation(made_on.isoformat())
    ws.add_data_validation(day)
    day.add(f"{letter['reviewed_on']}3:{letter['reviewed_on']}{last}")
    for (cell,) in ws[f"{letter['reviewed_on']}3:{letter['reviewed_on']}{last}"]:
        cell.number_format = DATE_FORMAT  # a date typed in shows as one (not 45278, ###)
    for field in ("closed_on", "deadline"):
        for (cell,) in ws[f"{letter[field]}3:{letter[field]}{last}"]:
            cell.number_format = SHORT_DATE
    footer = last + 2
    # on one line each, running into the empty cells to their right (wrapped in their own
    # narrow column they would print over the line below), with room to sign
    reviewer = columns.index(next(c for c in columns if c.field == "reviewer")) + 1
    for text, column in (
        (f"复查部门（章）：{info.receiver}", 1),
        ("复查人（签字）：______________", reviewer - 3),
        ("部门负责人（签字）：______________", reviewer),
    ):
        cell = ws.cell(footer, column, text)
        cell.alignment, cell.font = ONE_LINE, BODY_FONT
    ws.row_dimensions[footer].height = 30
    made = ws.cell(footer + 1, 1, f"{REVIEW_MADE_ON}{chinese_date(made_on)}")
    made.alignment, made.font = ONE_LINE, BODY_FONT
    # the office's own hazards, closed on its own word: 验收资料 are to be 合法、合规 (a
    # 复查部门 accepting what it reported went unsaid: clerk trial 235 CI8)
    own = [str(n) for n, h in enumerate(hazards, start=1) if h.department == info.receiver]
    if own:
        note = ws.cell(
            footer + 2,
            1,
            f"注：序号 {'、'.join(own)} 是{info.receiver}自己报的隐患，宜请分管校领导或其他部门"
            "复查验收并签字，不宜自查自验",
        )
        note.alignment, note.font = ONE_LINE, BODY_FONT
    ws.print_area = f"A1:{letter['photos']}{footer + 1 + bool(own)}"
    # the 销号时间 as written, hidden: one typed over on the form is told (it passed as an
    # earlier closure, and 复查意见 recorded a 合格 of a closure never reported: trial 47)
    ws.column_dimensions[letter["issued"]].hidden = True
    return workbook


def _photos_width(texts: Sequence[str]) -> float:
    """The 照片 column as wide as its longest text needs, in three lines at most, and at least
    as `_WIDTHS` has it: a note naming the hazard a photo is shown on as well ran to 6–9
    lines in 10 columns, the rows the tallest of the form (clerk trial 184 AJ8)."""
    longest = max(map(display_columns, texts), default=0)
    return max(_WIDTHS["photos"], min(_PHOTOS_WIDEST, math.ceil(longest / 3) + 2))


def _photos(hazard: HazardRow, shared: SharedPhotos) -> str:
    """What the department sent to prove it: how many photos, how many of them are 整改前
    (the reviewer saw “2 张” and could not tell: clerk trial 51), and whose photo one is as
    well (another department's photo read “1 张”: clerk trial 65)."""
    if not hazard.photos:  # pasted and lost: not “未附照片” (clerk trial 142)
        if hazard.photo_hint == XLS_PHOTO_HINT:
            return "附的照片未能读取（.xls 格式）"
        return "附的照片未能读取" if hazard.photos_unread else "未附照片"
    also = next(filter(None, (photo_also_on(hazard, p, shared) for p in hazard.photos)), "")
    if hazard.before_photos_only:
        return f"{len(hazard.photos)} 张，均为整改前{also}"
    before = sum(photo in hazard.before_photos for photo in hazard.photos)
    counted = (
        f"{len(hazard.photos)} 张，其中整改前 {before} 张" if before else f"{len(hazard.photos)} 张"
    )
    return counted + also


def write_review_form(
    path: Path,
    campaign: Campaign,
    hazards: Sequence[HazardRow],
    made_on: date,
    shared: SharedPhotos | None = None,
    found_still: Mapping[str, str] | None = None,
    numbered: bool = False,
) -> None:
    review_form(campaign, hazards, made_on, shared, found_still, numbered).save(path)
