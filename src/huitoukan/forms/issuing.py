"""`issue`: fill the templates into one 附件2 form per department, 附件1, and a 发放清单.

The templates are the office's files: this module finds the cells it fills by
their labels and header names and leaves everything else (fonts, widths, logo,
print setup) as the office made it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Mapping, Sequence
from copy import copy
from datetime import date
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from huitoukan.campaign import SELF_CHECK, Campaign, ChecklistItem, Unit
from huitoukan.dates import chinese_date
from huitoukan.errors import InputError, OutputExistsError, TemplateError
from huitoukan.files import keep_a_copy, safe_file_name, sha256_of, write_atomically
from huitoukan.forms.checklist import CHECKLIST_FILE, fill_checklist
from huitoukan.forms.distribution import (
    IssuedForm,
    distribution_list,
    earlier_rows,
    list_title,
    listed_due,
    of_a_followup_round,
    signature,
)
from huitoukan.forms.followup import FollowUp
from huitoukan.forms.layout import (
    ASSIGNED_SHEET,
    COLUMN_BY_FIELD,
    COLUMNS,
    DATE_FIELDS,
    FOOTER_LABELS,
    HEADER_LABELS,
    HEADER_SEARCH_ROWS,
    ITEMS_SHEET,
    HeaderMatch,
    Label,
    find_header,
    match_label,
)
from huitoukan.forms.templates import CHECKLIST_TEMPLATE, FORM_TEMPLATE, template_path
from huitoukan.model.documents import (
    DISTRIBUTION_FILE,
    ROUND_TITLE_END,
    TABLE_MARK,
    form_subject,
    form_title,
    table_digest,
)
from huitoukan.model.findings import Finding, number_key
from huitoukan.model.problems import Problem
from huitoukan.model.returns import (
    DONE,
    FAILED,
    IN_PROGRESS,
    STATUS_VALUES,
    STILL_THERE,
    HazardRow,
)
from huitoukan.text import normalize_key, seq_number
from huitoukan.xlsx.styles import (
    CENTER,
    date_validation,
    display_columns,
    fit_merged_text,
    fit_row_height,
    let_grow,
    made_here,
    set_value,
    write_table,
)


class IssueResult(BaseModel):
    out_dir: Path
    followup: bool = False
    forms: list[IssuedForm]
    checklist_file: str
    distribution_file: str
    list_problems: list[Problem] = []
    """The warnings about the 交办问题清单 the forms were made from (its errors stop issue)."""
    tracked_until: date | None = None
    """A follow-up round issued from a register: recorded beside it, due on this day
    (status and remind follow who has not answered it)."""
    signatures_cleared: dict[str, str] = {}
    """Department issued again → who had signed for its earlier form, and when: the new
    form is to be signed for again (发放清单's row is new)."""
    left_over: list[str] = []
    """Forms in the folder of departments not issued now (renamed, or taken out of
    campaign.toml, since an earlier issue): in no 发放清单, left to be sent by mistake
    (clerk trial 122)."""
    signed_list_kept: str | None = None
    """The copy of the 发放清单 kept before it was written over, when departments had signed
    on it for forms written over now (`signatures_cleared`)."""
    returns_kept: dict[str, str] = {}
    """Form written over → the copy kept of it, a department having filled it in where it
    was issued (a shared folder: --force wrote a blank form over a return, clerk trial 207
    BG1, BG2)."""
    days_left: int | None = None
    """Days from the day forms were issued to some departments to the campaign's 报送截止,
    when fewer than `DAYS_TO_FILL` (negative: past): a department given its form then is
    judged late by it all the same (clerk trial 58: one added mid-campaign had a day)."""
    days_from_date: bool = False
    """`days_left` counted from the day the forms are dated (--date), not from today."""
    list_not_named: str | None = None
    """A 交办问题清单 beside campaign.toml that neither it nor --findings names: the forms
    were issued without its problems, unsaid (clerk trial 110)."""
    ends_before_due: date | None = None
    """The campaign's last day (`ends_on`), when the follow-up round is due after it: the
    round's answers would come in after the campaign ended (clerk trial 106)."""
    due_passed: date | None = None
    """The campaign's 报送截止, when the whole first round is issued after it: campaign.toml
    still last year's, the forms asked for the returns by last year's day (clerk trial 211
    BK5)."""
    days_after_end: int | None = None
    """Days the follow-up round's forms are dated after the campaign's last day, when they
    are: a round issued a year on, in last year's folder, was told to be due earlier
    (clerk trial 211 BK3)."""
    other_campaign: str = ""
    """The campaign the working folder's register was collected for, when it is another
    (last year's folder reused: the new forms went out from it unsaid, clerk trial 128)."""


DAYS_TO_FILL = 3
"""Days a department needs at least to fill in its form: issued with fewer left before
the 报送截止, the clerk is told."""


FORM_FILE_SUFFIX = "-安全隐患自查整改清单.xlsx"


class RowsMarked(NamedTuple):
    """The pre-filled rows given a note, by 序号: failed their 复查验收 (with its 复查意见),
    found still there after their 销号 (with the problem's 编号), sent with a mistake
    (the column's header and what was wrong), deleted from the last return though not
    closed; the 填报说明 says them too (notes do not print)."""

    failed: list[tuple[int, str]]
    reopened: list[tuple[int, str]]
    mistaken: list[tuple[int, str, str]]
    dropped: list[int]


_FIELD_OF_HEADER = {column.header: column.field for column in COLUMNS}
"""A column's field by its header (the errors a row was sent with name their column so)."""


def form_file_name(department: str) -> str:
    return f"{safe_file_name(department)}{FORM_FILE_SUFFIX}"


def issue_forms(
    campaign: Campaign,
    out_dir: Path,
    departments: Sequence[str] = (),
    force: bool = False,
    followup: FollowUp | None = None,
    findings: Sequence[Finding] = (),
    issued_on: date | None = None,
    filled: Collection[str] = (),
) -> IssueResult:
    """Write the forms for `departments` (all units if empty) into `out_dir` on `issued_on`
    (default today; a follow-up round's 日期 for its forms); each lists the problems of
    `findings` assigned to its department first. The files of `out_dir` named in `filled`
    are forms a department filled in there: said before they are written over, and kept
    as a copy when they are (`--force`)."""
    if out_dir.suffix.lower() in _WORKBOOK_SUFFIXES and not out_dir.is_dir():
        raise InputError(
            f"-o 给的是输出文件夹（如 发放），{out_dir} 像是一个文件名：各部门的表格、附件1和"
            "发放清单都写在这个文件夹中，请给出文件夹名"
        )
    units = campaign.resolve_units(departments) if departments else campaign.units
    if followup is not None and followup.only_open:
        units = tuple(u for u in units if followup.owes(u.name, findings))
    targets = [out_dir / form_file_name(u.name) for u in units]
    shared = [out_dir / CHECKLIST_FILE, out_dir / DISTRIBUTION_FILE]
    # issuing some departments (-d) into a folder: the list keeps the others' rows, 附件1
    # is the same: only their forms would be written over
    existing = [t.name for t in (targets if departments else [*targets, *shared]) if t.exists()]
    if existing and not force:
        shown = "、".join(existing[:3]) + ("等" if len(existing) > 3 else "")
        # not over the first round's forms and its signed 发放清单 (clerk trials 106, 107),
        # nor over an earlier campaign's, unsaid (last year's folder: trial 110)
        title = list_title(out_dir / DISTRIBUTION_FILE)
        due = listed_due(title)
        again = "确需重新生成请加 --force"
        if followup is not None:
            again = f"跟进轮请用 -o 写到另一个文件夹（如 -o {_free_round_name(out_dir)}）" + (
                "；确是重新生成这一轮的，请加 --force"
                if of_a_followup_round(title)
                else "：这里是第一轮发放的表格和发放清单"
            )
        elif due is not None and due < campaign.info.issued_on:
            again = (
                f"这些是往期活动下发的表格（发放清单的报送截止是 {chinese_date(due)}）："
                "新一次活动请在新的工作文件夹中开始（huitoukan init），或用 -o 写到另一个文件夹"
            )
        mine = [name for name in existing if name in filled]
        if mine:  # (a shared folder, forms filled in place: trial 207 BG1)
            again = (
                f"其中 {len(mine)} 个是部门填写保存过的表格（{'、'.join(mine[:3])}"
                f"{'等' if len(mine) > 3 else ''}），加 --force 时先另存一份再重新生成；{again}"
            )
        raise OutputExistsError(
            f"{out_dir} 中已有 {len(existing)} 个同名文件（{shown}），未做任何改动；{again}"
        )
    kept_returns = {
        target.name: keep_a_copy(target).name
        for target in targets
        if target.name in filled and target.exists()
    }
    form_template = template_path(FORM_TEMPLATE, campaign.templates.form)
    forms: list[IssuedForm] = []
    for unit, target in zip(units, targets, strict=False):
        assigned = [f for f in findings if unit.name in f.departments]
        prefilled = _as_listed(followup.rows.get(unit.name, []) if followup else [], assigned)
        workbook = fill_form(
            campaign,
            unit,
            form_template,
            prefilled,
            followup.due if followup else None,
            assigned,
            followup.form_date if followup else None,
            followup.signed.get(unit.name, ("", "", "")) if followup else ("", "", ""),
        )
        write_atomically(target, workbook.save)
        forms.append(
            IssuedForm(
                department=unit.name,
                file=target.name,
                items=tuple(i.label for i in campaign.items_for(unit.name)),
                sha256=sha256_of(target),
                prefilled=len(prefilled),
                open_hazards=_still_open(prefilled, assigned),
                numbers=tuple(f.number for f in assigned),
                issued_on=followup.form_date if followup else issued_on or date.today(),
            )
        )
    checklist = fill_checklist(
        campaign, template_path(CHECKLIST_TEMPLATE, campaign.templates.checklist)
    )
    write_atomically(out_dir / CHECKLIST_FILE, checklist.save)
    # issuing some departments again: the others' rows (and signatures) stay on the list;
    # a list signed for the forms written over now is kept as it was signed (--force wrote
    # over the first round's signed list without a copy: clerk trials 106, 107)
    distribution = out_dir / DISTRIBUTION_FILE
    before = earlier_rows(distribution, campaign.renamed)
    earlier = before if departments else {}
    cleared = {
        f.department: signed
        for f in forms
        if f.department in before and (signed := signature(before[f.department]))
    }
    kept = keep_a_copy(distribution) if cleared else None
    listed = distribution_list(campaign, forms, earlier, followup.due if followup else None)
    write_atomically(distribution, listed.save)
    written = {t.name for t in targets}
    left_over = (
        []
        if departments
        else sorted(p.name for p in out_dir.glob(f"*{FORM_FILE_SUFFIX}") if p.name not in written)
    )
    return IssueResult(
        out_dir=out_dir,
        followup=followup is not None,
        forms=forms,
        left_over=left_over,
        checklist_file=CHECKLIST_FILE,
        distribution_file=DISTRIBUTION_FILE,
        signatures_cleared=cleared,
        signed_list_kept=kept.name if kept else None,
        returns_kept=kept_returns,
    )


def _kept_numbers(rows: Sequence[HazardRow]) -> list[int]:
    """The 序号 of a follow-up form's carried rows, kept in the order its department last
    sent them: each the one the department gave it (the next free ones for a row whose 序号
    was none, or an earlier row's too). The photos laid out are named by them: a form
    renumbering the rows (its new assigned problems first) renamed the evidence a printed
    archive cites (clerk trial 186 AL6); sorted by 序号, a row inserted under a 序号 taken
    moved another (trial 187 AM9). The problems newly assigned come after them."""
    kept: list[int | None] = []
    for n in (seq_number(r.seq) for r in rows):
        kept.append(n if n and n not in kept else None)
    free = itertools.count(max(filter(None, kept), default=0) + 1)
    return [n or next(free) for n in kept]


def _as_listed(rows: Sequence[HazardRow], assigned: Sequence[Finding]) -> list[HazardRow]:
    """`rows`, those answering an assigned problem worded as the list words it now: its
    部位 and 问题描述 are the list's, locked in the form (a corrected list's new wording was
    on the form's 交办问题清单 sheet, the old in its locked row: clerk trial 88). A hazard
    the department found itself before the problem was (来源 自查) keeps its own words: the
    list's replaced them, and its return was told it had changed them (clerk trial 115)."""
    listed = {number_key(f.number): f for f in assigned}
    worded = []
    for row in rows:
        finding = listed.get(number_key(row.number)) if row.number else None
        if finding is not None and finding.description and row.source != SELF_CHECK:
            row = row._replace(
                location=finding.location or row.location, hazard=finding.description
            )
        worded.append(row)
    return worded


def _still_open(prefilled: Sequence[HazardRow], assigned: Sequence[Finding]) -> int:
    """What a follow-up form lists as not yet 销号: its pre-filled hazards not closed (a
    复查不合格 one among them) and the assigned problems it has no answer to (学院警务室,
    owing one, read 0 in the issue table: clerk trial 61)."""
    answered = {number_key(row.number) for row in prefilled if row.number}
    unanswered = sum(number_key(f.number) not in answered for f in assigned)
    return sum(not row.closed for row in prefilled) + unanswered


_NUMBER_WIDTH = 20.0
"""The widest a form's 问题编号 column is made for its numbers (`TemplateForm._fit_numbers`)."""


class TemplateForm:
    """The 附件2 sheet of a template workbook, located by its header row."""

    def __init__(self, workbook: Workbook) -> None:
        for ws in workbook.worksheets:
            grid = [
                list(row)
                for row in ws.iter_rows(max_row=HEADER_SEARCH_ROWS, max_col=60, values_only=True)
            ]
            match = find_header(grid)
            if match is not None:
                self.ws: Worksheet = ws
                self.header: HeaderMatch = match
                self.header_row = match.row + 1
                break
        else:
            raise TemplateError("附件2 模板中找不到“序号、部位、存在隐患问题……”表头行")
        self.footer_row = self._find_footer_row()
        self.data_rows = self._template_data_rows()
        self.locked_rows: list[int] = []
        self.locked_deadlines: list[int] = []
        """Rows whose 整改时限 an assigned problem sets (locked with the problem's cells)."""

    def column(self, field: str) -> int | None:
        index = self.header.columns.get(field)
        return None if index is None else index + 1

    def _find_footer_row(self) -> int:
        for row in self.ws.iter_rows(min_row=self.header_row + 1):
            for cell in row:
                if isinstance(cell.value, str) and match_label(cell.value, FOOTER_LABELS):
                    return int(cell.row)
        return int(self.ws.max_row) + 1

    def _template_data_rows(self) -> list[int]:
        seq = self.column("seq") or 1
        rows = [
            r
            for r in range(self.header_row + 1, self.footer_row)
            if self.ws.cell(r, seq).value is not None or self.ws.cell(r, seq).border.left.style
        ]
        return rows or [self.header_row + 1]

    def label_value_cell(self, field: str, labels: tuple[Label, ...]) -> Cell | None:
        """The cell where the value of a header/footer label goes."""
        rows = (
            range(1, self.header_row)
            if labels is HEADER_LABELS
            else range(self.footer_row, self.footer_row + 5)
        )
        for r in rows:
            for cell in self.ws[r]:
                if not isinstance(cell.value, str):
                    continue
                hit = match_label(cell.value, labels)
                if hit is None or hit[0].field != field:
                    continue
                if hit[1] or not normalize_key(cell.value).endswith(":"):
                    return cell  # value typed in the label's own cell
                return self._right_of(cell)
        return None

    def fill_label(self, field: str, labels: tuple[Label, ...], value: str) -> bool:
        """`value` written where the label of `field` asks for it (in the label's own cell,
        after it, when the value goes there); False when the form has no such label."""
        cell = self.label_value_cell(field, labels)
        if cell is None:
            return False
        hit = match_label(cell.value, labels) if isinstance(cell.value, str) else None
        if hit is not None:  # typed in the label's own cell
            cell.value = f"{hit[0].text}：{value}"
        else:
            set_value(cell, value)
        return True

    def write_rows(
        self,
        rows: Sequence[HazardRow],
        assigned: Sequence[Finding] = (),
        blank: int = 0,
        shorts: Mapping[str, str] | None = None,
    ) -> RowsMarked:
        """Pre-fill the assigned problems (their 编号, 来源, 部位 and 描述 protected against
        editing), then the hazard rows, leaving at least `blank` rows for new findings
        (来源 自查 when there are assigned problems); styled rows are inserted above the
        footer when needed; a 检查内容 as the drop-down offered it (`shorts`: the register's
        whole text → the drop-down's, which the department chose: given whole, its row was
        five lines high, trial 181 AH6). Returns the rows marked with a note (`RowsMarked`)."""
        marked = RowsMarked([], [], [], [])
        answered = {number_key(r.number) for r in rows if r.number}
        fresh = [f for f in assigned if number_key(f.number) not in answered]
        order = {number_key(f.number): i for i, f in enumerate(assigned)}
        numbers = _kept_numbers(rows)
        entries: list[HazardRow | Finding] = [*rows, *fresh]
        numbers += range(max(numbers, default=0) + 1, max(numbers, default=0) + 1 + len(fresh))
        self.make_room(len(entries) + blank)
        self._fit_numbers([e.number for e in entries])
        protect = bool(assigned) or any(r.number for r in rows)
        for number, r, entry in zip(numbers, self.data_rows, entries, strict=False):
            row = entry if isinstance(entry, HazardRow) else _assigned_row(entry)
            failed = row.review == FAILED
            # closed, found still there: to rectify again, not to date (clerk trial 114)
            still_there = row.closing_flaw == STILL_THERE and not failed
            if failed or still_there:  # back to 整改中, with why (below)
                row = row._replace(progress=IN_PROGRESS, closed_on=None)
            # a 销号时间 beside a progress not done (已完成50%), an error of the return: not
            # carried, else the department changing 整改中 to 已完成 closed the hazard on a
            # day it had said it was half done (clerk trial 133)
            undone = None if row.reported_done else row.closed_on
            if undone is not None:
                row = row._replace(closed_on=None)
            values: dict[str, object] = {
                "seq": number,
                "number": row.number,
                "source": row.source or (SELF_CHECK if protect else ""),
                "location": row.location,
                "item": (shorts or {}).get(row.item, row.item),
                "hazard": row.hazard,
                "measures": row.measures,
                "deadline": None if row.deadline_is_default else row.deadline,
                "progress": row.progress or row.progress_text,
                "owner": row.owner,
                "checked_on": row.checked_on,
                "closed_on": row.closed_on,
                "remarks": row.remarks,
            }
            for field, value in values.items():
                col = self.column(field)
                if col is not None and value not in (None, ""):
                    set_value(self.ws.cell(r, col), value)
            progress = self.column("progress")
            if failed and progress is not None:
                # a note on the cell, not in 备注: the department's 备注 comes back with its
                # return, and the register kept 复查不合格 there after a later 合格 (trial 40)
                said = f"复查不合格：{row.review_note or '请继续整改'}。整改完成后改为“已完成”并填写新的销号时间"
                self.ws.cell(r, progress).comment = Comment(said, "复查验收", width=300, height=110)
            if still_there and progress is not None:
                said = (
                    f"已报销号，但之后检查时问题仍在（交办问题 {row.number}）：请重新整改，"
                    "完成后改为“已完成”并填写重新整改完成的日期"
                )
                self.ws.cell(r, progress).comment = Comment(said, "汇总核对", width=300, height=110)
            dropped = bool(row.vanished_from) and not row.closed and not failed
            if dropped and not still_there and progress is not None:
                # back without a word, as if the form had not seen it gone (clerk trial 194
                # AT5)
                said = (
                    "上次报送的表中删去了这一行，但未见销号，台账仍按未销号跟踪：已整改的请改为"
                    "“已完成”并填写销号时间；确已不存在的请在备注中说明，不要删除此行"
                )
                self.ws.cell(r, progress).comment = Comment(said, "汇总核对", width=300, height=110)
                marked.dropped.append(number)
            closed_on = self.column("closed_on")
            if undone is not None and closed_on is not None:
                typed = row.progress_text or row.progress or "未填写"
                self.ws.cell(r, closed_on).comment = Comment(
                    f"上次报送的销号时间 {undone:%Y-%m-%d} 与整改完成情况“{typed}”不符（尚未全部"
                    "完成），未预填：全部整改完成后改为“已完成”，并填写完成的日期",
                    "汇总核对",
                    width=300,
                    height=90,
                )
            if row.progress == DONE and row.closed_on is None and closed_on is not None:
                # 已完成 prefilled over an empty 销号时间, without a word: the department saw
                # nothing to mend, and the hazard stayed 未销号 (clerk trial 67)
                self.ws.cell(r, closed_on).comment = Comment(
                    "报“已完成”，但销号时间未填写或有误，台账按未销号跟踪：请填写整改完成的日期",
                    "汇总核对",
                    width=300,
                    height=80,
                )
            for header, said in row.errors_said:
                # an error of the last return, carried (a 检查时间 a year early) or left blank
                # (整改措施): unmarked, it came back as it was (clerk trial 144); a 销号时间
                # not carried is noted above, or is the department's to give anew
                col = self.column(_FIELD_OF_HEADER.get(header, ""))
                if col is None or self.ws.cell(r, col).comment is not None:
                    continue
                if col == closed_on and (failed or still_there or undone is not None):
                    continue
                self.ws.cell(r, col).comment = Comment(
                    f"上次报送时有误：{said}。请核对改正", "汇总核对", width=260, height=70
                )
                marked.mistaken.append((number, header, said))
            if failed:
                marked.failed.append((number, row.review_note))
            if still_there:
                marked.reopened.append((number, row.number))
            if row.number:
                self.locked_rows.append(r)
                problem = order.get(number_key(row.number))
                if problem is not None and assigned[problem].deadline is not None:
                    self.locked_deadlines.append(r)
            fit_row_height(self.ws, r)
        seq, source = self.column("seq"), self.column("source")
        after = max(numbers, default=0) + 1  # (after the 序号 kept: 5 and 6 twice, trial 187)
        for number, r in enumerate(self.data_rows[len(entries) :], start=after):
            if seq is not None:  # a row inserted for room has none of the template's numbers
                set_value(self.ws.cell(r, seq), number)
            if protect and source is not None:
                set_value(self.ws.cell(r, source), SELF_CHECK)
        if protect:
            self.protect()
        return marked

    def _fit_numbers(self, numbers: Sequence[str]) -> None:
        """The 问题编号 column widened to show the longest of `numbers` on one line (SD6-2026-05
        printed as SD6-2026- over 05: clerk trial 181 AH6), at most `_NUMBER_WIDTH`."""
        col = self.column("number")
        wide = max((sum(1 if c.isascii() else 2 for c in n) for n in numbers), default=0)
        if col is None or not wide:
            return
        dimension = self.ws.column_dimensions[get_column_letter(col)]
        needed = min(wide + 2, _NUMBER_WIDTH)
        if (dimension.width or 0) < needed:
            dimension.width = needed

    def protect(self) -> None:
        """Sheet protection without a password: what was assigned cannot be edited by
        mistake; every other cell of the table and the header and footer values stay
        editable, rows can be inserted and pictures pasted."""
        ws = self.ws
        free = Protection(locked=False)
        for r in range(self.header_row + 1, self.footer_row):
            for c in range(1, ws.max_column + 1):
                cell = ws.cell(r, c)
                if not isinstance(cell, MergedCell):
                    cell.protection = free
        for field, labels in (
            ("department", HEADER_LABELS),
            ("head", HEADER_LABELS),
            ("form_date", HEADER_LABELS),
            ("reporter", FOOTER_LABELS),
            ("phone", FOOTER_LABELS),
        ):
            cell = self.label_value_cell(field, labels)
            if cell is not None:
                cell.protection = free
        locked = Protection(locked=True)
        fields = [self.column(f) for f in ASSIGNED_FIELDS]
        for r in self.locked_rows:
            for col in fields:
                if col is not None:
                    ws.cell(r, col).protection = locked
        deadline = self.column("deadline")
        for r in self.locked_deadlines if deadline is not None else ():
            ws.cell(r, deadline).protection = locked
        ws.protection = SheetProtection(
            sheet=True,
            objects=False,
            formatCells=False,
            formatColumns=False,
            formatRows=False,
            insertRows=False,
            deleteRows=False,
            insertHyperlinks=False,
            sort=False,
            autoFilter=False,
            selectLockedCells=False,
            selectUnlockedCells=False,
        )

    def make_room(self, count: int) -> None:
        """Insert styled rows above the footer so the table holds `count` rows."""
        extra = count - len(self.data_rows)
        if extra <= 0:
            return
        ws = self.ws
        last = self.data_rows[-1]
        at = last + 1
        below = [m for m in ws.merged_cells.ranges if m.min_row >= at]
        heights = {r: ws.row_dimensions[r].height for r in range(at, ws.max_row + 1)}
        for merged in below:
            ws.unmerge_cells(str(merged))
        ws.insert_rows(at, extra)
        for merged in below:
            merged.shift(row_shift=extra)
            ws.merge_cells(str(merged))
        for r, height in sorted(heights.items(), reverse=True):
            ws.row_dimensions[r + extra].height = height
        for r in range(at, at + extra):
            ws.row_dimensions[r].height = ws.row_dimensions[last].height
            for c in range(1, ws.max_column + 1):
                ws.cell(r, c)._style = copy(ws.cell(last, c)._style)
        self.data_rows.extend(range(at, at + extra))
        self.footer_row += extra
        if ws.print_area:
            area = ws.print_area.split("!")[-1].replace("$", "")
            start, end = area.split(":")
            end_col = "".join(ch for ch in end if ch.isalpha())
            end_row = int("".join(ch for ch in end if ch.isdigit()))
            ws.print_area = f"{start}:{end_col}{end_row + extra}"

    def _right_of(self, cell: Cell) -> Cell:
        col = cell.column
        for merged in self.ws.merged_cells.ranges:
            if cell.coordinate in merged:
                col = merged.max_col
        target = self.ws.cell(cell.row, col + 1)
        return target if not isinstance(target, MergedCell) else self.ws.cell(cell.row, col + 2)


_WORKBOOK_SUFFIXES = (".xlsx", ".xls", ".xlsm", ".et", ".ods", ".csv")
ASSIGNED_FIELDS = ("number", "source", "location", "hazard")
"""The cells of an assigned problem a department may not change."""
BLANK_ROWS = 5
"""Empty rows a form keeps below its pre-filled ones, for what a department finds."""


def _assigned_row(finding: Finding) -> HazardRow:
    """An assigned problem as a pre-filled row of its department's form."""
    return HazardRow(
        department="",
        source_file="",
        source_sheet="",
        source_row=0,
        number=finding.number,
        source=finding.source,
        location=finding.location,
        hazard=finding.description,
        deadline=finding.deadline,
        checked_on=finding.found_on,  # the inspection's day (asked for: clerk trial 116)
    )


def fill_form(
    campaign: Campaign,
    unit: Unit,
    template: Path,
    rows: Sequence[HazardRow] = (),
    due: date | None = None,
    assigned: Sequence[Finding] = (),
    round_of: date | None = None,
    signed: tuple[str, str, str] = ("", "", ""),
) -> Workbook:
    """A department's 附件2: its name, the school, the deadline, drop-downs and its items,
    the problems assigned to it first (and a sheet listing them in full); in a follow-up
    round (issued on `round_of`) also its latest rows, the round's deadline and the round
    in its title (a round's form looked like the first round's, and one answered on the
    other went unnoticed: clerk trials 122, 123). The 日期 is left for the
    department to write the day it reports (a follow-up form dated the day it was issued
    kept that date when it came back late, and counted as answered in time). Its
    主要负责人, 上报人 and 联系方式 are those `signed` on the department's latest return (left
    blank in a follow-up round, the returns were sent back for them: clerk trial 184 AJ3)."""
    workbook = load_workbook(template)
    form = TemplateForm(workbook)
    ws = form.ws
    info = campaign.info
    due = due or info.returns_due
    instructions: Cell | None = None
    for row in ws.iter_rows(max_row=form.header_row - 1):
        for cell in row:
            if not isinstance(cell.value, str):
                continue
            if "自查整改清单" in cell.value and not match_label(cell.value, HEADER_LABELS):
                cell.value = re.sub(
                    r"^.*?(安全隐患自查整改清单|自查整改清单)",
                    info.school + r"\1",
                    cell.value.strip(),
                    count=1,
                )
                if round_of is not None:
                    cell.value += f"（{chinese_date(round_of)}{ROUND_TITLE_END}"
            elif normalize_key(cell.value).startswith("填报说明"):
                cell.value = _with_deadline(cell.value, due, info.receiver)
                if round_of is not None and any(r.photos for r in rows):  # (to one that sent none,
                    # no photos were kept: trials 72, 104)
                    cell.value = f"{cell.value.rstrip()}{FOLLOWUP_PHOTOS}"
                instructions = cell
    if not form.fill_label("department", HEADER_LABELS, unit.name):
        raise TemplateError("附件2 模板表头上方找不到“部门（章）：”")
    signers = (("head", HEADER_LABELS), ("reporter", FOOTER_LABELS), ("phone", FOOTER_LABELS))
    for (field, labels), value in zip(signers, signed, strict=True):
        if value:
            form.fill_label(field, labels, value)
    shorts = {f"{i.label} {i.content}": i.short for i in campaign.checklist}
    marked = form.write_rows(rows, assigned, BLANK_ROWS if rows or assigned else 0, shorts)
    let_grow(ws, form.data_rows)
    if instructions is not None and not (assigned or any(r.number for r in rows)):
        # no row of an assigned problem, no 自查 filled in (the note spoke of both: clerk
        # trial 237 CK13)
        instructions.value = _NUMBERED_ROWS.sub("", _SELF_FOUND.sub("", str(instructions.value)))
    if instructions is not None:
        if marked.failed:  # the note on a row's cell does not print (a form is read on paper)
            failed = _failed_reviews(marked.failed)
            instructions.value = f"{str(instructions.value).rstrip()}{failed}"
        if marked.mistaken:  # by row (a row twice, “序号 2（…）、序号 2（…）”: trial 146)
            by_row: dict[int, list[str]] = {}
            for n, header, what in marked.mistaken:
                by_row.setdefault(n, []).append(f"{header}：{what}")
            said = "、".join(f"序号 {n}（{'；'.join(wrong)}）" for n, wrong in by_row.items())
            instructions.value = (
                f"{str(instructions.value).rstrip()}\n上次报送时填写有误、请核对改正的："
                f"{said}（单元格批注中也已注明）。"
            )
        if marked.reopened:
            said = "、".join(f"序号 {n}（交办问题 {number}）" for n, number in marked.reopened)
            instructions.value = (
                f"{str(instructions.value).rstrip()}\n已报销号、但之后上级检查时问题仍在、已改回"
                f"“整改中”的隐患：{said}。请重新整改，完成后改为“已完成”并填写重新整改完成的日期。"
            )
        if marked.dropped:
            said = "、".join(f"序号 {n}" for n in marked.dropped)
            instructions.value = (
                f"{str(instructions.value).rstrip()}\n上次报送时删去、但未见销号的隐患：{said}。"
                "已整改的请改为“已完成”并填写销号时间，不要删除这些行。"
            )
        fit_merged_text(ws, instructions)
    if assigned:
        _write_assigned_sheet(workbook, assigned, unit.name)
    items = campaign.items_for(unit.name)
    items_range = _write_items_sheet(workbook, items)
    _add_validations(form, items_range, info.issued_on)
    subject = form_subject(info.title, info.document_number, info.issued_on)
    made_here(workbook, form_title(info.school, unit.name, round_of is not None), subject)
    if round_of is not None:  # what it holds, to tell it sent back as it came (trial 185 AK2)
        table = ws.iter_rows(form.header_row + 1, form.footer_row - 1, values_only=True)
        workbook.properties.keywords = TABLE_MARK + table_digest(table)
    return workbook


_NUMBERED_ROWS = re.compile("有问题编号的行是交办给本部门的问题[^；。]*[；。]")
_SELF_FOUND = re.compile("[，,]问题来源为“自查”")


def _failed_reviews(failed: Sequence[tuple[int, str]]) -> str:
    """What the 填报说明 says of the rows whose 复查验收 failed: which, and why."""
    said = "；".join(f"序号 {n}（{note.rstrip('。') or '未写复查意见'}）" for n, note in failed)
    return (
        f"\n复查验收不合格、已改回“整改中”的隐患：{said}。请按复查意见继续整改，"
        "整改完成后改为“已完成”并填写新的销号时间。"
    )


FOLLOWUP_PHOTOS = (
    "此前报送的照片均已收存，无需重新粘贴；新拍的照片（如整改后照片）直接粘贴在对应行"
    "（被指出与别的隐患共用一张照片的行，粘贴的新照片即替换那一张）。"
)
"""Said in a follow-up form's 填报说明: the form carries none of the photos sent before."""


def _with_deadline(text: str, due: date, receiver: str) -> str:
    when = f"{due.year}年{due.month}月{due.day}日前"
    text, count = re.subn(r"(\d{4}年)?\d{1,2}月\d{1,2}日前", when, text, count=1)
    if not count:
        text = f"请于{when}报{receiver}。" + text
    return re.sub(r"(?<=后报)[^，。,；;：:]+", receiver, text, count=1)


ASSIGNED_COLUMNS = (
    ("问题编号", 12),
    ("问题来源", 10),
    ("发现时间", 14),
    ("部位", 14),
    ("问题描述", 36),
    ("整改要求", 30),
    ("整改时限", 14),
)


def _write_assigned_sheet(workbook: Workbook, assigned: Sequence[Finding], department: str) -> None:
    """The problems assigned to the department, in full (整改要求 included), to print; with
    the other departments of a problem assigned to several (each answers its own part)."""
    ws = workbook.create_sheet(ASSIGNED_SHEET, 1)
    shared = any(len(f.departments) > 1 for f in assigned)
    columns = (*ASSIGNED_COLUMNS, ("共同整改部门", 16)) if shared else ASSIGNED_COLUMNS
    rows = [
        [
            f.number,
            f.source,
            f.found_on,
            f.location,
            f.description,
            f.requirement,
            f.deadline,
            *(["、".join(d for d in f.departments if d != department)] if shared else []),
        ]
        for f in assigned
    ]
    write_table(ws, columns, rows, title="交办本部门整改的问题")


ITEMS_COLUMNS = (
    ("督查项目", 18),
    ("序号", 6),
    ("督查内容", 50),
    ("督查方法", 12),
    ("填写时选用", 30),
)
"""The columns of 本部门检查项目; 填写时选用 is made as wide as its longest label."""


def _write_items_sheet(workbook: Workbook, items: Sequence[ChecklistItem]) -> str | None:
    """The department's 附件1 items in full, and the short label of each that the form's
    检查内容 drop-down offers (the whole sentence would not print in a row)."""
    if ITEMS_SHEET in workbook.sheetnames:
        del workbook[ITEMS_SHEET]
    ws = workbook.create_sheet(ITEMS_SHEET)
    rows = [
        [item.category, item.number, item.content, "、".join(item.methods), item.short]
        for item in items
    ]
    # the label a department picks prints on one line, whatever its suite's fonts (Excel
    # gives a Chinese character two columns): two lines would leave a character or two alone
    longest = max((display_columns(item.short) for item in items), default=0)
    columns = (*ITEMS_COLUMNS[:-1], (ITEMS_COLUMNS[-1][0], min(max(30, longest + 3), 48)))
    write_table(ws, columns, rows, title="本部门检查项目（附件1）")
    for row in ws.iter_rows(min_row=3):
        row[1].alignment = row[3].alignment = CENTER
    if not items:
        return None
    return f"'{ITEMS_SHEET}'!$E$3:$E${2 + len(items)}"


def _add_validations(form: TemplateForm, items_range: str | None, example: date) -> None:
    """The drop-downs and the date checks (prompting with `example`, a date of the
    campaign's year)."""
    ws = form.ws
    first, last = form.data_rows[0], form.data_rows[-1]

    def span(field: str) -> str | None:
        col = form.column(field)
        if col is None:
            return None
        letter = ws.cell(1, col).column_letter
        return f"{letter}{first}:{letter}{last}"

    status = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_VALUES) + '"',
        allow_blank=True,
        showDropDown=False,
        promptTitle=COLUMN_BY_FIELD["progress"].header,
        prompt="请从下拉列表选择：已完成、整改中、未整改",
        errorTitle="整改完成情况",
        error="请从下拉列表选择：已完成、整改中、未整改",
        errorStyle="warning",
    )
    status.showInputMessage = status.showErrorMessage = True
    _apply(ws, status, span("progress"))
    if items_range:
        item = DataValidation(
            type="list",
            formula1=items_range,
            allow_blank=True,
            promptTitle="检查内容",
            prompt="可从下拉列表选择本部门的附件1检查项目，也可直接填写",
        )
        item.showInputMessage = True
        item.showErrorMessage = False
        _apply(ws, item, span("item"))
    for field in DATE_FIELDS:
        dates = date_validation(
            example.isoformat(),
            promptTitle=COLUMN_BY_FIELD[field].header,
            prompt=f"请填写日期，例如 {example.isoformat()} 或 {chinese_date(example)}",
            errorTitle="日期格式",
        )
        dates.showInputMessage = dates.showErrorMessage = True
        _apply(ws, dates, span(field))
    remarks = DataValidation(
        type=None,
        allow_blank=True,
        promptTitle="备注",
        prompt="短期内难以整改到位的，请注明“历史遗留”并写明补救或替代措施",
    )
    remarks.showInputMessage = True
    _apply(ws, remarks, span("remarks"))


def _apply(ws: Worksheet, validation: DataValidation, cells: str | None) -> None:
    if cells is not None:
        ws.add_data_validation(validation)
        validation.add(cells)


_ROUNDS = ("第二轮", "第三轮", "第四轮", "第五轮", "第六轮", "第七轮", "第八轮", "第九轮", "第十轮")


def _free_round_name(out_dir: Path) -> str:
    """A folder name for a follow-up round beside `out_dir` that is not taken (“如 -o 第二轮”
    said of 第二轮 itself: clerk trial 171 X6)."""
    return next(
        (name for name in _ROUNDS if not (out_dir.parent / name).exists()),
        f"{out_dir.name}（新）",
    )
