"""How the workbooks huitoukan makes are marked, so that collect knows them again.

Every workbook huitoukan writes names it as its creator and its last modifier in the
document properties (docProps/core.xml), and the forms it issues carry their creation
time. Excel and WPS put the person's name as the last modifier when they save, and every
suite sets the modified time (LibreOffice without a user name keeps the modifier), so a
form still huitoukan's and modified when it was created has been saved by no one: issued
and sent back untouched (`returns.sniffing.Made.never_saved`). The titles of the
documents that are never a department's return (the register, the report …) let collect
pass them by when they sit among the returns.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from huitoukan.cells import cell_text
from huitoukan.dates import chinese_date

MAKER = "huitoukan"
REGISTER_TITLE = "全校隐患台账"
REPORT_TITLE = "回头看工作汇报"
ARCHIVE_TITLE = "一问题一档案"
CROSSCHECK_TITLE = "追责核查"
DISTRIBUTION_TITLE = "发放清单"
DISTRIBUTION_FILE = f"{DISTRIBUTION_TITLE}.xlsx"
"""Written by issue beside the forms it issues (the folder holding it is an issue's)."""
CHECKLIST_TITLE = "附件1 项目清单"
FINDINGS_TITLE = "交办问题清单"
NOT_RETURNS = frozenset(
    {
        REGISTER_TITLE,
        REPORT_TITLE,
        ARCHIVE_TITLE,
        CROSSCHECK_TITLE,
        DISTRIBUTION_TITLE,
        CHECKLIST_TITLE,
        FINDINGS_TITLE,
    }
)
"""Titles of the workbooks huitoukan writes that are never a department's return."""
FEEDBACK_NAME = "退回修改"
"""In the name of every 退回修改 copy (`部门-退回修改.xlsx`)."""
FEEDBACK_TITLE = "退回修改副本"
"""A department's return marked for correction: a return once the department has saved
it, not before (`returns.sniffing.Made.unsent_copy`)."""
FEEDBACK_OF = "退回修改，原表 "
"""The subject of a 退回修改 copy, before the sha256 of the return it was made from: the
corrected copy sent back is a later version of that file, whatever the dates say."""
FOLLOWUP_MARK = "（跟进轮）"
"""Ends the title of a follow-up round's form (an issued form's title is the school's
自查整改清单 with the department's name): a form pre-filled with the department's rows,
which holds none of the photos it sent before."""
ROUND_TITLE_END = "跟进轮）"
"""Ends the printed title line of a follow-up round's form, after the round's day
(“…自查整改清单（2023年12月21日跟进轮）”): kept in a 退回修改 copy of it."""


def form_title(school: str, department: str, followup: bool) -> str:
    """The title an issued form carries in its document properties: the school's
    自查整改清单 with the department's name, `FOLLOWUP_MARK` after it in a follow-up round."""
    return f"{school}安全隐患自查整改清单（{department}）{FOLLOWUP_MARK if followup else ''}"


_FORM_TITLE = re.compile(r"自查整改清单（(.+?)）(?:" + re.escape(FOLLOWUP_MARK) + ")?$")


def issued_to(title: str) -> str:
    """The department an issued form's `title` names ('' for another title)."""
    match = _FORM_TITLE.search(title)
    return match.group(1) if match else ""


EARLIER_CAMPAIGN_DAYS = 60
"""Days a form huitoukan made may be older than the campaign's 下发日期 and be its own (the
forms are issued a few days before that date, not months), or its subject's 印发日期 be
another than the campaign's (corrected since)."""


def form_subject(title: str, number: str, issued_on: date) -> str:
    """The subject an issued form carries in its document properties: the campaign's title,
    its 文号 and 印发日期 (“学校安全问题专项整治“回头看”（青职教〔2025〕31号，2025年11月17日
    印发）”): a form a campaign of the same title issued a year before, filled with this
    year's answers, was merged as this year's (clerk trial 211 BK1)."""
    said = f"{number}，" if number else ""
    return f"{title}（{said}{chinese_date(issued_on)}印发）"


_SUBJECT = re.compile(r"^(.*)（(?:[^（）]*，)?(\d{4})年(\d{1,2})月(\d{1,2})日印发）$", re.DOTALL)


def subject_of(subject: str) -> tuple[str, date | None]:
    """An issued form's `subject` read back: the campaign's title and its 印发日期 (None
    for a form made before `form_subject` said it, whose subject is the title alone)."""
    match = _SUBJECT.match(subject)
    if match is None:
        return subject, None
    try:
        return match.group(1), date(*map(int, match.groups()[1:]))
    except ValueError:
        return subject, None


def another_campaigns(issued: date, issued_on: date, ends_on: date) -> str:
    """Whose a form is whose subject says it was issued by a campaign issued on `issued`,
    to the campaign issued on `issued_on` and ending `ends_on`: "earlier" (issued more than
    `EARLIER_CAMPAIGN_DAYS` before it: last year's), "later" (issued after it ended: next
    year's), or "" (this campaign's, its 印发日期 perhaps corrected since)."""
    if issued < issued_on - timedelta(days=EARLIER_CAMPAIGN_DAYS):
        return "earlier"
    if issued > max(ends_on, issued_on):
        return "later"
    return ""


TABLE_MARK = "表格内容 "
"""Before `table_digest` in the keywords of a follow-up round's form: what its table held
when issued."""


def table_digest(rows: Iterable[Sequence[object]]) -> str:
    """What a form's table holds, as the text of its cells (each row's trailing blanks and
    the blank rows left out): a follow-up form's, noted when it is issued, tells one sent
    back as it came, whoever saved it (`ReturnForm.as_issued`: clerk trial 185 AK2)."""
    digest = hashlib.sha256()
    for row in rows:
        texts = [cell_text(value) for value in row]
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            digest.update("\x1f".join(texts).encode() + b"\x1e")
    return digest.hexdigest()[:24]
