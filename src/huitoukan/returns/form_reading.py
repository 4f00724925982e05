"""Reading one returned 附件2 workbook into `ReturnForm`s.

The form is found by its header row on any visible sheet (several tables on one
sheet too); columns by name in any order; header fields (部门, 主要负责人, 日期) from
the lines above each table and footer fields (上报人, 联系方式) from below it. A
workbook holding the forms of several departments, each with its own 部门（章）, gives
one ReturnForm per department; tables without a 部门 of their own continue the one
before. Every row with content is kept: rows after 以下空白 or after the footer are
read with a warning, columns the form does not know (or a second 备注) go to 备注.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from string import ascii_uppercase
from typing import Any, cast

from huitoukan.campaign import SELF_CHECK, Campaign
from huitoukan.cells import cell_ref, cell_text, column_letter, column_of, date_as_shown
from huitoukan.checks.header import identify_department, read_header_fields
from huitoukan.checks.rows import RowCells, RowChecker, RowsSeen
from huitoukan.dates import DateNotUnderstood, chinese_date, parse_date, typed_as_number
from huitoukan.files import read_reason
from huitoukan.forms.findings_layout import LIST_COLUMNS
from huitoukan.forms.findings_layout import REQUIRED as LIST_REQUIRED
from huitoukan.forms.layout import (
    ASSIGNED_SHEET,
    COLUMN_BY_FIELD,
    DATE_FIELDS,
    FOOTER_LABELS,
    HEADER_LABELS,
    HEADER_SEARCH_ROWS,
    REVIEW_COLUMNS,
    REVIEW_MADE_ON,
    REVIEW_REQUIRED,
    HeaderMatch,
    Label,
    LabelValue,
    column_keys,
    find_header,
    locate_header,
    match_label,
    says_blank_below,
)
from huitoukan.forms.nothing_found import says_nothing_found
from huitoukan.forms.verdicts import doubts_the_pass, names_no_reviewer, review_verdict
from huitoukan.model.documents import (
    EARLIER_CAMPAIGN_DAYS,
    FEEDBACK_OF,
    FEEDBACK_TITLE,
    FINDINGS_TITLE,
    FOLLOWUP_MARK,
    MAKER,
    ROUND_TITLE_END,
    TABLE_MARK,
    another_campaigns,
    issued_to,
    subject_of,
    table_digest,
)
from huitoukan.model.findings import number_key
from huitoukan.model.problems import Code, Problem, date_example, problem
from huitoukan.model.returns import (
    ANOTHER_CAMPAIGN,
    PASSED,
    XLS_NO_PHOTO_HINT,
    XLS_PHOTO_HINT,
    CheckedItem,
    HazardRow,
    PictureNotes,
    ReturnFile,
    ReturnForm,
    Review,
)
from huitoukan.returns.archives import ArchiveError, read_member
from huitoukan.returns.photos import PhotoStore, keep_photo, recall
from huitoukan.returns.pictures import cell_name, picture_place, read_pictures
from huitoukan.returns.sniffing import Format, Made
from huitoukan.returns.workbooks import (
    MAX_COLUMNS,
    SheetGrid,
    UnreadableWorkbook,
    WorkbookContent,
    read_file,
    read_workbook,
)
from huitoukan.text import CONTROL_CHARACTERS, normalize_key

_HEADER_FIELDS = ("hazard", "location", "item", "measures", "progress", "owner")


def _repeats_the_header(raw: RowCells) -> bool:
    """Whether the row is the table's header again (a table copied onto a second page):
    its 存在隐患问题 and another of its cells name their columns. (A hazard written as
    “隐患问题” alone was taken for one and left out of the register: hypothesis found it.)"""
    return _names_its_column(raw, "hazard") and any(
        _names_its_column(raw, name) for name in _HEADER_FIELDS if name != "hazard"
    )


def _names_its_column(raw: RowCells, name: str) -> bool:
    text = raw.text(name)
    return 0 < len(text) <= 8 and COLUMN_BY_FIELD[name].matches(text)


ANSWER_FIELDS = ("measures", "progress", "owner", "remarks")
"""What a department writes to answer an assigned problem: its 编号, 来源, 部位, 描述 (and
整改时限, when the list gives one) are issued filled in. Its dates alone answer nothing:
a 检查时间 or 销号时间 left when the rest of an answer was cleared, the register took the
blanks for the answer and lost the one sent before (clerk trials 67 and 69)."""
NO_FORM = "未找到自查整改清单表头（序号、部位、存在隐患问题……），请使用下发的附件2填写"
NO_HEADER_ROW = (
    "表格上方的部门、主要负责人等都在，但找不到列标题行（序号、部位、存在隐患问题……），"
    "可能被删除了：请把这一行恢复（可从下发的附件2中复制），或用下发的附件2重新填写"
)
"""The reason of a form whose header lines are there and its column headings gone: told
to use the issued 附件2, which it had (clerk trial 112)."""
OWN_ANSWERS = (
    "这是按本部门自己的格式写的交办问题整改情况（{numbers}），不是下发的附件2，未汇总：请把"
    "各问题的整改情况填到下发的附件2（或跟进轮表格）中问题编号相同的行后重新报送"
)
"""The reason of a department's own table of its answers to the 交办问题 (told its header row
was deleted: clerk trial 182 AH104)."""
_A_NUMBER = re.compile(r"(?=.*\d)(?=.*[A-Za-z\u4e00-\u9fff]).{2,30}")
"""A 问题编号 as lists write them (XJ-01, 省级督查1227-3), not a 序号 (1, 2)."""


def _own_answers(sheets: list[SheetGrid]) -> list[str]:
    """The 问题编号 a sheet lists under a column so headed: a department's own table of its
    answers to the 交办问题 (none when no visible sheet has one)."""
    number = COLUMN_BY_FIELD["number"]
    for grid in sheets:
        if not grid.visible:
            continue
        for r, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
            for c, value in enumerate(row):
                if not number.matches(cell_text(value)):
                    continue
                below = (cell_text(x[c]) for x in grid.rows[r + 1 :] if c < len(x))
                numbers = [n for n in below if _A_NUMBER.fullmatch(n)]
                if numbers:
                    return numbers
    return []


@dataclass
class FoundForm:
    """A 附件2 table found in a sheet of a return, and the lines around it."""

    grid: SheetGrid
    header: HeaderMatch
    top: int
    """0-based row where the lines above this table start (after the previous table)."""
    footer_row: int
    """0-based index of the first row below the table (len(rows) when there is none)."""
    end: int
    """0-based row where the next table's lines start (len(rows) for the last)."""

    @functools.cached_property
    def labels(self) -> dict[str, LabelValue]:
        """The header and footer labels around the table (read once: three steps ask)."""
        rows = self.grid.rows
        found = _labels(rows[self.top : self.header.row], self.top, HEADER_LABELS)
        if "form_date" not in found:
            _date_over_its_label(rows, found)
        found.update(self._footer_labels)
        if self.footer_up is not None:
            for key, (value, ref) in self.footer_up.typed.items():
                found[key] = LabelValue(found[key].text, value, found[key].label_ref, ref)
        return found

    @functools.cached_property
    def _footer_labels(self) -> dict[str, LabelValue]:
        return _labels(self.grid.rows[self.footer_row : self.end], self.footer_row, FOOTER_LABELS)

    @functools.cached_property
    def footer_up(self) -> FooterTypedAbove | None:
        """上报人 and 联系方式 typed on the table's last row, right above their empty labels."""
        return _footer_typed_above(
            self.grid.rows, self.header, self.footer_row, self._footer_labels
        )


@dataclass(frozen=True)
class FooterTypedAbove:
    """A table row holding only what the empty 上报人 and 联系方式 lines below it want."""

    row: int
    """0-based."""
    typed: dict[str, tuple[object, str]]
    """footer field → (value, cell)."""


_PHONE = re.compile(r"[0-9０-９\s()（）+＋\-－—]{7,24}")


def _footer_typed_above(
    rows: list[list[object]],
    header: HeaderMatch,
    footer_row: int,
    footer: dict[str, LabelValue],
) -> FooterTypedAbove | None:
    """The footer typed a row too high: a follow-up form's table is longer than the first
    round's, and 上报人, 联系方式 typed into the cells where they were last time became a
    hazard “王干事” with 整改措施 13900000000, overdue in the leadership report (clerk trial
    123). Only a phone number (with a short name, or alone) in the very columns of the
    footer's empty values, on the last row with content above them, is taken for it."""
    slots = {
        column_of(entry.value_ref): key
        for key in ("reporter", "phone")
        if (entry := footer.get(key)) is not None
        and entry.value_ref != entry.label_ref
        and not cell_text(entry.value)
    }
    if not slots:
        return None
    seq, source = header.columns.get("seq"), header.columns.get("source")
    for r in range(footer_row - 1, header.row, -1):
        row = rows[r]
        cells = {
            c: text
            for c, value in enumerate(row)
            if c != seq and (text := cell_text(value)) and not (c == source and text == SELF_CHECK)
        }
        if not cells:
            continue
        if not cells.keys() <= slots.keys():
            return None
        typed = {slots[c]: (row[c], cell_ref(r, c)) for c in sorted(cells)}
        phone = cells.get(next((c for c, k in slots.items() if k == "phone"), -1), "")
        name = cells.get(next((c for c, k in slots.items() if k == "reporter"), -1), "")
        if not (_PHONE.fullmatch(phone) and sum(ch.isdigit() for ch in phone) >= 7):
            return None
        if len(name) > 10 or any(ch.isdigit() for ch in name):
            return None
        return FooterTypedAbove(r, typed)
    return None


def read_return(
    source: ReturnFile, campaign: Campaign, as_of: date, photos: PhotoStore | None = None
) -> list[ReturnForm]:
    """Read, normalise and check one returned workbook (one ReturnForm per department it
    holds), its photos attached to their hazards (and kept in `photos` when given). Never
    raises for a bad file: it comes back as one unreadable form."""
    form = ReturnForm(file=source.display, source=source, sha256="", modified=source.modified)
    try:
        # Read once: for the hash and for the reader.
        data = read_member(source) if source.members else read_file(source.path)
        form.sha256 = hashlib.sha256(data).hexdigest()
        content = read_workbook(
            source.path,
            data=data,
            name=source.name if source.members else None,
            returns_only=True,
        )
    except (UnreadableWorkbook, ArchiveError) as exc:
        return [form.model_copy(update={"readable": False, "reason": exc.reason})]
    except OSError as exc:
        reason = f"文件无法打开（{read_reason(exc)}）"
        return [form.model_copy(update={"readable": False, "reason": reason})]
    if content.made.not_a_return:  # the register, the report …: never a return
        made = content.made
        return [
            form.model_copy(
                update={"not_a_return": made.not_a_return, "never_saved": made.never_saved}
            )
        ]
    for grid in content.sheets:
        review = locate_header(grid.rows, _REVIEW_KEYS, REVIEW_REQUIRED, 4)
        if review is not None and grid.visible:
            return [_read_review(form, grid, review, campaign, as_of)]
    notes: list[Problem] = []
    if content.format is Format.ET:
        notes.append(problem(Code.WPS_ET, source.display))
    pictures, blank, read_afresh = _pictures(
        data, form.sha256, content, notes, source.display, photos
    )
    form.picture_cells = blank
    unseen = any(n.code is Code.PICTURES_NOT_READ for n in notes)
    found: list[FoundForm] = []
    for grid in content.sheets:
        tables = _tables(grid)
        if tables and not grid.visible:
            notes.append(problem(Code.HIDDEN_SHEET, source.display, sheet=grid.name))
            continue
        found.extend(tables)
        if grid.beyond_columns:
            notes.append(
                problem(
                    Code.BEYOND_COLUMNS,
                    source.display,
                    sheet=grid.name,
                    cell=grid.beyond_columns,
                    limit=MAX_COLUMNS,
                )
            )
    if not found:
        if any(
            g.visible and locate_header(g.rows, _LIST_KEYS, LIST_REQUIRED, 4)
            for g in content.sheets
        ):
            return [form.model_copy(update={"not_a_return": FINDINGS_TITLE})]  # the clerk's list
        headed = any(
            g.visible and len(_labels(g.rows[:HEADER_SEARCH_ROWS], 0, HEADER_LABELS)) >= 2
            for g in content.sheets
        )
        reason = NO_HEADER_ROW if headed else NO_FORM
        if numbers := _own_answers(content.sheets):
            shown = "、".join(numbers[:5]) + (" 等" if len(numbers) > 5 else "")
            reason = OWN_ANSWERS.format(numbers=shown)
        return [form.model_copy(update={"readable": False, "reason": reason})]
    named_by_file = campaign.find_unit(Path(source.readable_name).stem)
    groups = _by_department(found, campaign, named_by_file.name if named_by_file else "")
    issued_with, issued, worded = _issued_problems(content, campaign)
    issued_words = worded
    if _of_a_followup(content):  # its rows came with the register's words, not the list's
        worded = {}
    copies = [_copies_apart(group) for group in groups]
    groups = [group for group, _ in copies]
    for _, copied in copies:  # (its photos copied with it: the original's are kept)
        for key in [k for k in pictures if k[0] in copied]:
            del pictures[key]
    pictured = set(pictures)  # (a seal's row: taken out of `pictures` as no hazard's photo)
    forms = []
    for index, group in enumerate(groups):
        part = form.model_copy(deep=True)
        if len(groups) > 1:
            part.file = f"{source.display}［{group[0].grid.name}］"
        if index == 0:
            part.problems = [n.model_copy(update={"file": part.file}) for n in notes]
        several = len(groups) > 1
        repeated = _read_group(
            part,
            group,
            Path(source.readable_name),
            campaign,
            as_of,
            pictures,
            unseen,
            several,
            issued_to(content.made.title) if content.made.creator == MAKER else "",
        )
        part.problems = _signed_by_picture(part.problems, blank, pictured)
        for table in group:  # a continuation, its header blank: said when its sheet is
            # named for another department (a college's sheet left blank joined the one
            # before it, its hazards that one's: clerk trial 91); taken for that one's
            # instead, a building's sheet named like a department (校医院) was another
            # department's return (trial 92)
            sheet_unit = campaign.find_unit(table.grid.name)
            if (
                sheet_unit is not None
                and not _department_key(table, campaign)
                and sheet_unit.name != part.department
            ):
                part.problems.append(
                    problem(
                        Code.SHEETS_OF_ONE_DEPARTMENT,
                        part.file,
                        sheet=table.grid.name,
                        # (the first, or a sheet alone, said nothing: trial 93)
                        variant="blank" if table is not group[0] else "blank_first",
                        department=part.department,
                        named=sheet_unit.name,
                    )
                )
        part.problems.extend(
            problem(
                Code.SHEET_COPY,
                part.file,
                sheet=sheet,
                original=original,
                department=part.department,
            )
            for sheet, original in copies[index][1].items()
        )
        named = [t.grid.name for t in group if _department_key(t, campaign)]
        if len(named) > 1:  # a sheet copied for another college, its header left unchanged
            said = problem(  # (trial 41): merged without a word, one problem answered twice
                Code.SHEETS_OF_ONE_DEPARTMENT,
                part.file,
                sheet=named[1],
                sheets="”“".join(named),
                department=part.department,
                # a copy kept and edited since: not another college's list (trial 122)
                variant="copied" if repeated else "",
                count=repeated,
            )
            part.problems.append(said)
        part.hazards = _as_issued(part.hazards, issued)
        part.hazards, restated = _restated(part, worded)
        part.problems.extend(restated)
        part.issued_with = issued_with
        part.issued_words = issued_words
        if part.department:  # the file's own notes were made before it was known
            part.problems = [
                p if p.department else p.model_copy(update={"department": part.department})
                for p in part.problems
            ]
        forms.append(part)
    forms[0].picture_notes = read_afresh
    unread = {
        (n.sheet, n.row): n.message
        for n in reversed(notes)  # the first of a row's warnings wins
        if n.code is Code.PICTURE_SKIPPED and n.row is not None
    }
    if unread:
        for part in forms:
            part.hazards = [
                h._replace(photos_unread=unread[h.source_sheet, h.source_row])
                if (h.source_sheet, h.source_row) in unread
                else h
                for h in part.hazards
            ]
    for part, group in zip(forms, groups, strict=True):
        part.never_saved = content.made.never_saved
        title = content.made.title
        part.prefilled = title == FEEDBACK_TITLE or title.endswith(FOLLOWUP_MARK)
        if title == FEEDBACK_TITLE and content.made.subject.startswith(FEEDBACK_OF):
            part.made_from = content.made.subject.removeprefix(FEEDBACK_OF).strip()
        part.photo_pasted = any(sheet == part.sheet for sheet, _ in pictures)
        part.unchanged = _sent_back_as_issued(part, group[0], content.made)
    earlier = _of_an_earlier_campaign(content, campaign)
    if earlier:
        forms = [_refused_as_earlier(part, earlier, campaign) for part in forms]
    elif other := _of_another_campaign(content, campaign):
        for part in forms:
            part.problems.insert(
                0,
                problem(
                    Code.OTHER_CAMPAIGN_FORM,
                    part.file,
                    sheet=part.sheet,
                    department=part.department,
                    other=other,
                    title=campaign.info.title,
                ),
            )
    # (a follow-up round's form asks for it by the round's day, which may be months after
    # the campaign ended: 动态清零 goes on; that day names its round, `ReturnForm.round_due`)
    due = _instructed_due(content)
    if content.made.title.endswith(FOLLOWUP_MARK):
        for part in forms:
            part.round_due = due
        due = None
    elif due is not None and due == campaign.info.returns_due:
        for part in forms:
            part.first_round_form = not part.prefilled  # (not a 退回修改 copy of one)
    if due is not None and due > campaign.info.ends_on + timedelta(days=EARLIER_CAMPAIGN_DAYS):
        later = f"（填报说明要求 {chinese_date(due)}前报送）"
        forms = [_refused_as_later(part, later, campaign) for part in forms]
    elif later_on := _of_a_later_campaign(content, campaign):
        later = f"（{chinese_date(later_on)}印发）"
        forms = [_refused_as_later(part, later, campaign) for part in forms]
    hints: dict[str, str] = {}  # sheet → where the photos of its rows without one may be
    for sheet in dict.fromkeys(s for s, _ in pictures):  # photos on no hazard's row
        rows = "、".join(str(r + 1) for s, r in sorted(pictures) if s == sheet and r >= 0) or "?"
        on = next((f for f in forms if f.sheet == sheet), forms[0])
        on.problems.append(
            problem(
                Code.PHOTO_NOT_ON_HAZARD, on.file, sheet=sheet, rows=rows, department=on.department
            )
        )
        hints[sheet] = (
            f"表中第 {rows} 行的照片不在任何隐患所在的行，如是这一项的照片，请移到这一项所在的行"
        )
    # a .xls holds no photo we can read, pasted or not: where one is asked for, how to send
    # it (told to paste it, the department pasted it into the .xls: clerk trial 70)
    # (one with no picture is told it cannot carry one, not that its photos were lost:
    # clerk trial 82)
    xls = content.format in (Format.XLS, Format.ET)
    hint = XLS_PHOTO_HINT if unseen else XLS_NO_PHOTO_HINT if xls else ""
    for part in forms:
        part.hazards = [
            h._replace(photo_hint=hint or hints[h.source_sheet])
            if not h.photos and (hint or h.source_sheet in hints)
            else h
            for h in part.hazards
        ]
    return forms


def _issued_problems(
    content: WorkbookContent, campaign: Campaign
) -> tuple[frozenset[str] | None, dict[str, date], dict[str, tuple[str, str]]]:
    """The problems the form's own 交办问题清单 sheet lists, as it was issued: their 问题编号
    (as compared; none for a form huitoukan issued without the sheet, None for a form it
    did not make), the 整改时限 it gave each, and the 部位 and 问题描述 of each."""
    grid = next((g for g in content.sheets if g.name == ASSIGNED_SHEET), None)
    if grid is None:
        return (frozenset() if content.made.creator == MAKER else None), {}, {}
    for r, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        texts = [cell_text(value) for value in row]
        if "问题编号" not in texts or "整改时限" not in texts:
            continue
        number, deadline = texts.index("问题编号"), texts.index("整改时限")
        said = [texts.index(h) if h in texts else -1 for h in ("部位", "问题描述")]
        listed: set[str] = set()
        found: dict[str, date] = {}
        worded: dict[str, tuple[str, str]] = {}
        for cells in grid.rows[r + 1 :]:
            key = number_key(cell_text(cells[number])) if number < len(cells) else ""
            if not key:
                continue
            listed.add(key)
            if -1 not in said and max(said) < len(cells):
                worded[key] = (cell_text(cells[said[0]]), cell_text(cells[said[1]]))
            try:
                day = parse_date(
                    cells[deadline] if deadline < len(cells) else None, campaign.info.issued_on
                )
            except DateNotUnderstood:
                continue
            if day is not None:
                found[key] = day
        return frozenset(listed), found, worded
    return None, {}, {}


def _sent_back_as_issued(form: ReturnForm, table: FoundForm, made: Made) -> bool:
    """A follow-up round's form whose table holds what it was issued with (`table_digest`),
    its 日期 blank and no photo pasted on its sheet (`ReturnForm.photo_pasted`): saved in
    Excel or WPS with nothing filled in, it was taken for the department's answer to the
    round (clerk trial 185 AK2)."""
    if not (made.title.endswith(FOLLOWUP_MARK) and made.keywords.startswith(TABLE_MARK)):
        return False
    if form.form_date is not None or form.photo_pasted or any(h.photos for h in form.hazards):
        return False
    rows = table.grid.rows[table.header.row + 1 : table.footer_row]
    return made.keywords == TABLE_MARK + table_digest(rows)


def _of_a_followup(content: WorkbookContent) -> bool:
    """Whether the form is a follow-up round's (or a 退回修改 copy of one: its title says so).
    Its rows were written from the register: a problem answered by a row of the department's
    own words (listed after it reported the hazard) keeps them, and was said restated
    (clerk trial 128); a row changed since is the versions' to tell (reworded)."""
    return content.made.title.endswith(FOLLOWUP_MARK) or any(
        value.__class__ is str and value.endswith(ROUND_TITLE_END)
        for grid in content.sheets
        for row in grid.rows[:HEADER_SEARCH_ROWS]
        for value in row
    )


def _restated(
    form: ReturnForm, worded: dict[str, tuple[str, str]]
) -> tuple[list[HazardRow], list[Problem]]:
    """The form's rows, each answering an assigned problem in the 部位 and 存在隐患问题 it
    was issued with; a warning on each row that restated them (locked cells, unlocked: the
    department's softened wording went into the register unsaid, clerk trial 127, and,
    said, still went into the register, status and the report: trial 128), on the cell
    it changed."""
    rows, said = [], []
    seen: set[str] = set()
    stated = {(normalize_key(h.location), normalize_key(h.hazard)) for h in form.hazards}
    for h in form.hazards:
        issued = worded.get(number_key(h.number)) if h.number else None
        typed = (h.location, h.hazard)
        first = number_key(h.number) not in seen
        seen.add(number_key(h.number))
        if (
            not first  # a second row of the problem (warned repeated-answer) keeps its words:
            # restored, it was the first's twin, one 隐患编号 for two rows (clerk trial 130)
            or issued is None
            or not all(issued)
            or list(map(normalize_key, typed)) == list(map(normalize_key, issued))
            # its words on another row: the table sorted but its 编号, the rows' answers
            # each taken for the 编号 beside it (`answers.assign` tells: clerk trial 150)
            or (normalize_key(issued[0]), normalize_key(issued[1])) in stated
        ):
            rows.append(h)
            continue
        rows.append(h._replace(location=issued[0], hazard=issued[1]))
        field = "hazard" if normalize_key(h.hazard) != normalize_key(issued[1]) else "location"
        said.append(
            problem(
                Code.ASSIGNMENT_RESTATED,
                form.file,
                sheet=h.source_sheet,
                cell=form.cell_of(field, h.source_row),
                row=h.source_row,
                field="存在隐患问题" if field == "hazard" else "部位",
                value=h.hazard if field == "hazard" else h.location,
                department=form.department,
                number=h.number,
                issued="：".join(issued),
                typed="：".join(t for t in typed if t),
            )
        )
    return rows, said


def _as_issued(hazards: list[HazardRow], issued: dict[str, date]) -> list[HazardRow]:
    """`hazards`, each answering an assigned problem with the 整改时限 its row came with
    (the list's on the day the form was issued) marked as the list's: the list's of
    today then stands (an inspection's deadline extended in the list since), not a date
    the department never chose. One it typed itself stays its own."""
    if not issued:
        return hazards
    return [
        h._replace(deadline_assigned=True)
        if h.number
        and not h.deadline_is_default
        and h.deadline is not None
        and issued.get(number_key(h.number)) == h.deadline
        else h
        for h in hazards
    ]


_REVIEW_KEYS = column_keys(REVIEW_COLUMNS)


def _as_seen(value: object) -> str:
    """A cell's value as the clerk sees it: a day's number (45273) as that day."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 20000 < value < 80000:
        with contextlib.suppress(DateNotUnderstood):
            if (day := parse_date(value, date.today())) is not None:
                return f"{day:%Y-%m-%d}"
    if isinstance(value, date):
        return f"{value:%Y-%m-%d}"
    return cell_text(value)


_LIST_KEYS = column_keys(LIST_COLUMNS)
_REVIEW_HEADERS = {c.field: c.header for c in REVIEW_COLUMNS}


def _review_form_made(grid: SheetGrid, header_row: int, campaign: Campaign) -> date | None:
    """The day the 复查验收表 was written (its 生成日期 line), when it says one."""
    for row in grid.rows[header_row + 1 :]:
        for value in row:
            if isinstance(value, str) and value.startswith(REVIEW_MADE_ON):
                try:
                    return parse_date(value.removeprefix(REVIEW_MADE_ON), campaign.info.issued_on)
                except DateNotUnderstood:
                    return None
    return None


def _read_review(
    form: ReturnForm, grid: SheetGrid, header: HeaderMatch, campaign: Campaign, as_of: date
) -> ReturnForm:
    """A returned 复查验收表: the verdict of every row the office filled in."""
    form.is_review = True
    form.sheet = grid.name
    columns = header.columns
    made = _review_form_made(grid, header.row, campaign)
    # the row above's 复查意见 (the department was told “复查不合格：同上”: clerk trial 89), 复查人
    # (trial 219 BS3), 复查结论 and 复查时间 (refused as not understood: trial 221 BV3), as
    # read (value, text): a 同上 below it means it
    above: dict[str, tuple[object, str]] = {}
    day_above: date | None = None  # the row above's 复查时间, as read
    unsaved = set(grid.formulas_without_value)
    for r in range(header.row + 1, len(grid.rows)):
        row = grid.rows[r]
        value = {n: row[c] if c < len(row) else "" for n, c in columns.items()}
        text = {n: cell_text(v) for n, v in value.items()}
        if not text.get("hazard_id") or not text.get("hazard_id", "").startswith("H"):
            continue  # a blank or signature line
        form.review_rows[r + 1] = text["hazard_id"]
        ditto_note = False
        for said in ("note", "reviewer", "result", "reviewed_on"):
            if normalize_key(text.get(said, "")).rstrip("。.") in _DITTO:
                value[said], text[said] = above.get(said, ("", ""))
                ditto_note = ditto_note or said == "note"
            above[said] = (value.get(said, ""), text.get(said, ""))
        result = normalize_key(text.get("result", ""))
        verdict = review_verdict(result) if result else ""

        where = (form, grid.name, columns, r, text)
        uncalculated = [
            column
            for column in ("reviewer", "reviewed_on", "result")
            if column in columns and cell_ref(r, columns[column]) in unsaved
        ]
        if uncalculated:  # (=“合格” unsaved read as blank: 复查结论却是空白, trial 217 BQ6)
            for column in uncalculated:
                _review_problem(where, Code.FORMULA_WITHOUT_VALUE, column)
            continue
        # a 复查人 that is a day or a number: typed one column off, no one's name (a 合格
        # of “45273” closed the hazard: clerk trial 118), quoted as the clerk sees it
        name = value.get("reviewer")
        odd = "not-a-name" if isinstance(name, int | float | date) else ""
        odd = odd or names_no_reviewer(text.get("reviewer", ""))
        no_name = _as_seen(name) if text.get("reviewer") and odd else ""
        if result and not verdict:
            _review_problem(where, Code.REVIEW_BAD_RESULT, "result")
        try:
            reviewed_on = parse_date(value.get("reviewed_on"), campaign.info.issued_on)
        except DateNotUnderstood:
            # its verdict not adopted, said (7 of 11 went unapplied without a word); a number
            # typed for a day (12.5) shows as a day of 1900 in a date cell (clerk trial 89)
            number = typed_as_number(value.get("reviewed_on"))
            _review_problem(
                where,
                Code.BAD_DATE,
                "reviewed_on",
                variant="review",
                header="复查时间",
                shown="（填的是数字，表格按日期格式会显示为 1900 年的某一天）" if number else "",
                unused="，这一行的复查结论未采用" if verdict else "",
                **date_example(campaign.info.issued_on),
            )
            day_above = None
            continue  # a verdict of no known day is not adopted (the date is asked for)
        reviewed_above, day_above = day_above, reviewed_on
        if not verdict:  # not reviewed yet — unless its reviewer or day is filled in
            if not result and (reviewed_on is not None or text.get("reviewer")):
                # (typed one column off on a form with a column more: the 合格 went into
                # 复查时间, fixed, the day into 复查人, and nothing said: clerk trial 117)
                variant = "shifted" if odd == "not-a-name" else ""
                _review_problem(
                    where, Code.REVIEW_NO_RESULT, "result", variant=variant, reviewer=no_name
                )
            continue
        if "reviewed_on" in columns and (
            formula := grid.todays.get(cell_ref(r, columns["reviewed_on"]))
        ):
            _review_problem(
                where,
                Code.TODAY_FORMULA,
                "reviewed_on",
                formula=formula,
                day=campaign.info.returns_due,
            )
        if reviewed_on is not None and made is not None and reviewed_on < made:
            # a verdict signed on a form that did not exist yet reads as backdated (trial 61)
            _review_problem(
                where, Code.REVIEW_BEFORE_FORM, "reviewed_on", day=reviewed_on, made=made
            )
        if reviewed_on is not None and reviewed_on > as_of:  # a year typed wrong, mostly
            # not done yet on the day judged: a register as of 12月20日 closed a hazard on
            # a review of the 25th (clerk trial 47)
            _review_problem(
                where,
                Code.FUTURE_DATE,
                "reviewed_on",
                variant="review",
                header="复查时间",
                day=reviewed_on,
                as_of=as_of,
            )
            form.reviews_put_off.append(reviewed_on)
            continue
        issued_on = campaign.info.issued_on
        if reviewed_on is not None and reviewed_on < issued_on:
            # last year's filled form in 复查/: its 合格 closed this year's hazards of the
            # same 隐患编号 (clerk trial 109)
            _review_problem(
                where, Code.REVIEW_BEFORE_CAMPAIGN, "reviewed_on", day=reviewed_on, issued=issued_on
            )
            continue
        try:  # as the form was issued (the office's to fill in are 复查人, 复查时间, 结论)
            closed_on = parse_date(value.get("closed_on"), campaign.info.issued_on)
        except DateNotUnderstood:
            closed_on = None
        if "issued" in columns:  # the form says what it was made with: that closure
            try:
                issued = parse_date(value.get("issued"), campaign.info.issued_on)
            except DateNotUnderstood:
                issued = closed_on  # the hidden cell itself edited: nothing to compare
            if issued != closed_on:
                _review_problem(
                    where,
                    Code.REVIEW_CLOSURE_EDITED,
                    "closed_on",
                    shown=closed_on or "空白",
                    issued=issued or "空白",
                )
                closed_on = issued
        # (a row of no closing, typed onto the form, is no review of one: said so by the
        # register, `review-never-closed`, not hidden by this: trial 219 BS4; a 合格 of no
        # day or no reviewer is said so first, by the register)
        if (
            verdict == PASSED
            and closed_on is not None
            and reviewed_on is not None
            and text.get("reviewer")
            and not no_name
        ):
            if ditto_note and reviewed_on != reviewed_above:
                # the words of another day's review, as that row says now: corrected after
                # a visit there, they closed this one, confirmed by phone (trial 221 BV1)
                _review_problem(
                    where,
                    Code.REVIEW_DITTO_OTHER_DAY,
                    "note",
                    above=reviewed_above or "空白",
                    day=reviewed_on,
                )
                continue
            context = f"{text.get('hazard', '')}，{text.get('measures', '')}"
            if doubt := doubts_the_pass(text.get("note", ""), context):
                _review_problem(
                    where,
                    Code.REVIEW_PASSED_DOUBTED,
                    "note",
                    # (“同上” quoted as the row above's words, as if typed there: trial 234 CH14)
                    variant="ditto" if ditto_note else "",
                    result=result,
                    doubt=doubt,
                )
                continue
        form.reviews.append(
            Review(
                hazard_id=text["hazard_id"],
                result=verdict,
                reviewer="" if no_name else text.get("reviewer", ""),
                reviewed_on=reviewed_on,
                closed_on=closed_on,
                typed={
                    **{k: text.get(k, "") for k in ("result", "reviewed_on")},
                    "reviewer": no_name,
                    "no_reviewer": odd if no_name else "",
                },
                note=text.get("note", ""),
                file=form.file,
                sheet=grid.name,
                row=r + 1,
                cell=cell_ref(r, columns["hazard_id"]),
                reviewed_cell=cell_ref(r, columns["reviewed_on"])
                if "reviewed_on" in columns
                else "",
                reviewer_cell=cell_ref(r, columns["reviewer"]) if "reviewer" in columns else "",
                note_cell=cell_ref(r, columns["note"]) if "note" in columns else "",
                result_cell=cell_ref(r, columns["result"]) if "result" in columns else "",
                signed_after=made
                if reviewed_on is not None and made is not None and reviewed_on < made
                else None,
            )
        )
    return form


PicturesByRow = dict[tuple[str, int], list[str]]
"""(sheet, 0-based row) → the names of the photos pasted into that row."""
_IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _pictures(
    data: bytes,
    sha256: str,
    content: WorkbookContent,
    notes: list[Problem],
    file: str,
    photos: PhotoStore | None,
) -> tuple[PicturesByRow, list[tuple[str, int, int]], PictureNotes | None]:
    """The return's photos by row (kept in `photos`); their cells' stand-in text
    (=DISPIMG(…), #VALUE!) blanked so it never reaches the register, and those cells;
    what could not be read, said. A file read before is answered from `photos`' notes; for one read
    afresh, the notes to keep (None when recalled)."""
    if content.format in (Format.XLS, Format.ET):
        if any(signature in data for signature in _IMAGE_SIGNATURES):
            notes.append(problem(Code.PICTURES_NOT_READ, file))
        return {}, [], None
    kept = recall(photos, sha256)
    read_afresh = None
    if kept is None:
        kept = read_afresh = _read_pictures(data, content, photos)
    grids = {grid.name: grid for grid in content.sheets}
    for sheet, r, c in kept.blank:
        grid = grids.get(sheet)
        if grid is None:
            continue
        # the picture's cell, and the cells merged with it (filled with its text: said
        # to have lost their picture, one read and kept: clerk trial 94)
        bottom, right = next(((b, e) for t, s, b, e in grid.merged if (t, s) == (r, c)), (r, c))
        for row in grid.rows[r : bottom + 1]:
            for column in range(c, min(right + 1, len(row))):
                row[column] = ""
    lost = _lost_cell_pictures(content)
    said = [
        (
            sheet,
            r,
            f"工作表“{sheet}”第 {r + 1} 行（{cell_name(r, c)}）的单元格图片在文件中找不到"
            "（WPS 的“嵌入单元格图片”经 Excel 等另存后会丢失），请在 WPS 中重新插入后报送",
        )
        for sheet, r, c in lost
    ]
    for sheet, r, message in [*kept.warnings, *said]:
        notes.append(
            problem(
                Code.PICTURE_SKIPPED,
                file,
                sheet=sheet,
                row=r + 1 if r >= 0 else None,
                detail=message,
            )
        )
    by_row = {(sheet, r): list(names) for sheet, r, names in kept.rows}
    return by_row, [*kept.blank, *lost], read_afresh


_INSTRUCTED_DUE = re.compile(r"请于\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日前")
"""The 报送截止 an issued form's 填报说明 gives (`issue` writes the campaign's into it)."""


def _of_an_earlier_campaign(content: WorkbookContent, campaign: Campaign) -> str:
    """What says the form was issued for an earlier campaign ('' when nothing does):
    huitoukan made it long before this campaign was issued, or its 填报说明 asks for it by a
    day before this campaign began (a form issued a year ago carries that year's date)."""
    made = content.made
    if made.creator == MAKER:
        try:
            created = date.fromisoformat(made.created[:10])
        except ValueError:
            created = campaign.info.issued_on
        if created < campaign.info.issued_on - timedelta(days=EARLIER_CAMPAIGN_DAYS):
            return f" {chinese_date(created)} 下发的往期表格"
        # (issued since by a campaign of the same title begun long before: a follow-up
        # round issued in last year's folder, clerk trial 211 BK1)
        issued = subject_of(made.subject)[1]
        if issued is not None and _whose(issued, campaign) == "earlier":
            return f"往期活动（{chinese_date(issued)}印发）下发的表格"
    due = _instructed_due(content)
    if due is not None and due < campaign.info.issued_on:
        return f"往期活动的表格（填报说明要求 {chinese_date(due)}前报送）"
    return ""


def _of_another_campaign(content: WorkbookContent, campaign: Campaign) -> str:
    """Whom a form huitoukan issued was for, when another school or campaign than
    `campaign` ('' otherwise), as its document properties say: the school in its title,
    the campaign's title as its subject."""
    made = content.made
    if made.creator != MAKER or not issued_to(made.title):
        return ""
    school = made.title.partition("安全隐患自查整改清单")[0]
    info = campaign.info
    if school and school != info.school:
        return school
    title = subject_of(made.subject)[0]
    if title and title != info.title:
        return f"“{title}”"
    return ""


def _of_a_later_campaign(content: WorkbookContent, campaign: Campaign) -> date | None:
    """The 印发日期 of the campaign that issued the form, when after this campaign ended:
    this year's follow-up form saved into last year's folder (clerk trial 211 BK9)."""
    made = content.made
    issued = subject_of(made.subject)[1] if made.creator == MAKER else None
    return issued if issued is not None and _whose(issued, campaign) == "later" else None


def _whose(issued: date, campaign: Campaign) -> str:
    """`another_campaigns` for a form issued on `issued`, to `campaign`."""
    return another_campaigns(issued, campaign.info.issued_on, campaign.info.ends_on)


def _instructed_due(content: WorkbookContent) -> date | None:
    """The 报送截止 the form's 填报说明 asks for (None when it names none)."""
    for grid in content.sheets:
        for row in grid.rows[:10]:
            for value in row:
                if isinstance(value, str) and value.startswith("填报说明"):
                    asked = _INSTRUCTED_DUE.search(value)
                    if asked is None:
                        continue
                    try:
                        return date(*map(int, asked.groups()))
                    except ValueError:
                        continue
    return None


def _refused_as_later(form: ReturnForm, later: str, campaign: Campaign) -> ReturnForm:
    """A campaign's form (not a follow-up round's) whose 填报说明 asks for it by a day long
    after this campaign ended (more than EARLIER_CAMPAIGN_DAYS), or any form a campaign
    issued after this one ended (`later` says which): a later campaign's, collected in this
    one's folder (next year's returns merged into last year's register, its 交办问题 counts
    changed: clerk trial 109) — refused."""
    info = campaign.info
    reason = (
        f"这是之后一次活动的表格{later}，{ANOTHER_CAMPAIGN}"
        f"（{chinese_date(info.issued_on)} 下发，{chinese_date(info.ends_on)} 结束）的报表，"
        "未汇总：请在那次活动的工作文件夹（有它的 campaign.toml）中汇总"
    )
    return form.model_copy(
        update={"readable": False, "reason": reason, "hazards": [], "problems": [], "checked": []}
    )


def _refused_as_earlier(form: ReturnForm, earlier: str, campaign: Campaign) -> ReturnForm:
    """A form an earlier campaign issued (`earlier`, as `_of_an_earlier_campaign` said it),
    dated before this one began (or not dated): its rows are that campaign's, not an answer
    to this one — refused, its department told (it was taken for the newest version, the
    file being saved last, and a 2023 hazard entered the register as 逾期: clerk trials 57,
    59). Dated in this campaign, it may be this campaign's answer typed into an old form:
    read, said (last year's return with its date changed entered a 2023 hazard as 逾期 360
    天, and one that failed its review as 已销号: clerk trial 109), and the problems the old
    form was issued with are not taken for this campaign's (“表格下发后才交办” was said of a
    problem on this year's forms). A form prefilled with that campaign's hazards (a
    follow-up round's, a 退回修改 copy) is refused however it is dated: its rows are that
    campaign's (clerk trial 211 BK1)."""
    if form.form_date is not None and not form.date_impossible and not form.prefilled:
        said = problem(
            Code.EARLIER_CAMPAIGN_FORM,
            form.file,
            sheet=form.sheet,
            department=form.department,
            earlier=earlier,
            day=chinese_date(form.form_date),
        )
        return form.model_copy(update={"problems": [said, *form.problems], "issued_with": None})
    dated = f" {chinese_date(form.form_date)}" if form.form_date else "未填写"
    held = "（其中预填的是那次活动的隐患）" if form.prefilled else ""
    reason = (
        f"这是{earlier}{held}，表头日期{dated}，{ANOTHER_CAMPAIGN}（{chinese_date(campaign.info.issued_on)} "
        "下发）的报表，未汇总；"
        + (
            "请用本次下发的跟进轮表格填写后重新报送"
            if form.prefilled
            else "请用本次下发的附件2填写后重新报送"
        )
    )
    return form.model_copy(
        update={"readable": False, "reason": reason, "hazards": [], "problems": [], "checked": []}
    )


def _signed_by_picture(
    problems: list[Problem], in_cells: list[tuple[str, int, int]], rows: set[tuple[str, int]]
) -> list[Problem]:
    """`problems`, 主要负责人 or 部门（章） not filled in said otherwise when the cell holds a
    picture (a signature or a seal pasted in WPS or Excel), or one floats over its row:
    told 没有填写, the department had signed or sealed (clerk trial 94); a floating one was
    told to float (trial 96). A seal beside a file's name that names the department is no
    blank 部门（章） to warn of."""
    cells = {(sheet, cell_ref(r, c)) for sheet, r, c in in_cells}

    def pictured(p: Problem) -> str:
        if (p.sheet, p.cell) in cells:
            return "picture"
        return "floating" if p.cell and (p.sheet, _row_of(p.cell)) in rows else ""

    said = []
    for p in problems:
        if p.code is Code.DEPARTMENT_BLANK and pictured(p):
            continue  # sealed: its file names the department, as the seal does
        unsigned = p.code is Code.MISSING_HEAD
        unsealed = p.code is Code.UNKNOWN_DEPARTMENT and not p.value
        if (unsigned or unsealed) and (variant := pictured(p)):
            message = problem(p.code, p.file, variant=variant).message
            p = p.model_copy(update={"message": message})
        said.append(p)
    return said


def _lost_cell_pictures(content: WorkbookContent) -> list[tuple[str, int, int]]:
    """The cells still showing =DISPIMG(…) — a WPS cell picture whose image is gone (the
    file saved again by Excel, which drops WPS's picture part) — each blanked."""
    lost = []
    for grid in content.sheets:
        for r, row in enumerate(grid.rows):
            for c, value in enumerate(row):
                if value.__class__ is str and value[:1] == "=" and value[:9].upper() == "=DISPIMG(":
                    row[c] = ""
                    lost.append((grid.name, r, c))
    return lost


def _read_pictures(
    data: bytes, content: WorkbookContent, photos: PhotoStore | None
) -> PictureNotes:
    found = read_pictures(data, "ods" if content.format is Format.ODS else "xlsx")
    by_row: dict[tuple[str, int], list[str]] = {}
    warnings = [(w.sheet, w.row, w.message) for w in found.warnings]
    for picture in found.pictures:
        if max(picture.width or PHOTO_SIDE, picture.height or PHOTO_SIDE) < PHOTO_SIDE:
            where = picture_place(picture.sheet, picture.row, picture.col)
            said = _NOT_A_PHOTO.format(where=where, size=f"{picture.width}×{picture.height}")
            warnings.append((picture.sheet, picture.row, said))
            continue
        by_row.setdefault((picture.sheet, picture.row), []).append(keep_photo(picture, photos))
    return PictureNotes(
        rows=[(sheet, r, names) for (sheet, r), names in by_row.items()],
        blank=[
            (sheet, r, c)
            for cells in (found.dispimg_cells, found.image_value_cells)
            for sheet, places in cells.items()
            for r, c in sorted(places)
        ],
        warnings=warnings,
    )


PHOTO_SIDE = 32
"""Pixels a photo's longer side has at least: a smaller picture (a pixel, a tick, an
icon) proves no rectification, though it silenced the missing-photo warning and printed
as an empty frame captioned 整改后 (clerk trial 51)."""
_NOT_A_PHOTO = "{where}的图片只有 {size} 像素，不是照片（像是图标或符号），未收入；请粘贴整改照片"


_DITTO = frozenset({"同上", "同前", "同上一行", "〃"})
"""What a reviewer writes for “the same 复查意见 as the row above”."""


def _review_problem(
    where: tuple[ReturnForm, str, dict[str, int], int, dict[str, str]],
    code: Code,
    name: str,
    **params: Any,
) -> None:
    form, sheet, columns, r, text = where
    form.problems.append(
        problem(
            code,
            form.file,
            sheet=sheet,
            cell=cell_ref(r, columns[name]) if name in columns else "",
            row=r + 1,
            field=_REVIEW_HEADERS[name],
            value=text.get(name, ""),
            **params,
        )
    )


def _tables(grid: SheetGrid) -> list[FoundForm]:
    """Every 附件2 table of a sheet, top to bottom."""
    tables: list[FoundForm] = []
    start = 0
    while (header := find_header(grid.rows, start)) is not None:
        footer = _footer_row(grid.rows, header)
        if tables:
            tables[-1].end = start
        tables.append(FoundForm(grid, header, start, footer, len(grid.rows)))
        start = max(footer, header.row + 1)
    return tables


def _department_key(table: FoundForm, campaign: Campaign) -> str:
    """Whom a table's own 部门（章） names ('' when it names nobody: a continuation)."""
    entry = table.labels.get("department")
    typed = cell_text(entry.value) if entry else ""
    if not typed:
        return ""
    unit = campaign.find_unit(typed)
    return unit.name if unit else normalize_key(typed)


def _by_department(
    tables: list[FoundForm], campaign: Campaign, by_file: str = ""
) -> list[list[FoundForm]]:
    """The tables grouped by department: one without its own 部门（章） continues the one
    before it; a first one without continues into the first named — unless that names
    another department than the file's name does (职教中心学校.xlsx, its first sheet left
    blank, then 学院警务室's: both were 职教中心学校's, clerk trial 93)."""
    groups: list[list[FoundForm]] = []
    keys: list[str] = []
    for table in tables:
        key = _department_key(table, campaign)
        joins_first = len(groups) == 1 and (not by_file or key == by_file)
        if groups and (not key or key == keys[-1] or (not keys[-1] and joins_first)):
            groups[-1].append(table)
            if key and not keys[-1]:
                keys[-1] = key
        else:
            groups.append([table])
            keys.append(key)
    return groups


def _copies_apart(tables: list[FoundForm]) -> tuple[list[FoundForm], dict[str, str]]:
    """A department's tables less those whose hazard rows are an earlier one's, cell for
    cell (a sheet copied to keep a copy: its hazards counted twice, under one 隐患编号,
    clerk trial 121), and the copies' sheets → the sheet each copies."""
    kept: list[FoundForm] = []
    seen: dict[tuple[tuple[object, ...], ...], str] = {}
    copied: dict[str, str] = {}
    for table in tables:
        rows = _hazard_cells(table)
        original = seen.setdefault(rows, table.grid.name) if rows else table.grid.name
        if original == table.grid.name:
            kept.append(table)
        else:
            copied[table.grid.name] = original
    return kept, copied


def _hazard_cells(table: FoundForm) -> tuple[tuple[object, ...], ...]:
    """The table's rows with content, each its cells in the order of the form's fields."""
    columns = [c for _, c in sorted(table.header.columns.items())]
    rows = []
    for row in table.grid.rows[table.header.row + 1 : table.footer_row]:
        cells = tuple(row[c] if c < len(row) else None for c in columns)
        if any(v is not None and v != "" for v in cells):
            rows.append(cells)
    return tuple(rows)


def _read_group(
    form: ReturnForm,
    tables: list[FoundForm],
    file_name: Path,
    campaign: Campaign,
    as_of: date,
    pictures: PicturesByRow,
    photos_unseen: bool,
    several: bool = False,
    issued: str = "",
) -> int:
    """Read the department's `tables` into `form` (`issued`: the department the workbook
    was issued to, when it says); return how many of their rows state a hazard a row of
    another of them states."""
    main = tables[0]
    # the department its first named table gives (a first sheet left blank named none, and
    # the workbook went to no department or the file's: clerk trial 93)
    named = next((t for t in tables if _department_key(t, campaign)), main)
    form.sheet = main.grid.name
    identify_department(form, file_name, named.labels, campaign, named.grid.name, several, issued)
    labels = main.labels
    read_header_fields(form, labels, campaign, main.grid.name, as_of, main.grid.todays)
    rows_seen = RowsSeen()  # (over its sheets)
    for table in tables:
        _read_rows(form, table, campaign, as_of, pictures, photos_unseen, rows_seen)
        labelled = {_row_of(label.label_ref) for label in table.labels.values()}
        around = [  # a seal on the row of 部门（章）, a signature by 上报人: not a hazard's photo
            key  # (one on the title, 填报说明 or header row is: said to be on no hazard's row)
            for key in pictures
            if key[0] == table.grid.name
            and (key[1] in labelled or table.footer_row <= key[1] < table.end)
        ]
        for key in around:
            del pictures[key]
        form.problems.extend(_formula_problems(form, table))
        form.problems.extend(_hidden_hazards(form, table))
    form.repeats_wording = rows_seen.repeated
    if not form.hazards and not form.checked:  # the header alone (clerk trial 229 CC11)
        form.problems.append(
            problem(
                Code.EMPTY_RETURN,
                form.file,
                sheet=main.grid.name,
                row=main.header.row + 1,
                field="存在隐患问题",
                department=form.department,
            )
        )
    return rows_seen.across


def _formula_problems(form: ReturnForm, table: FoundForm) -> list[Problem]:
    """The table's formulas saved without their results, and the error values (#REF!…) its
    cells show, which read as blank (a 部位 of =D6 after row 6 was deleted entered the
    register empty, without a word: clerk trial 60) — on their hazard's row, where one is
    (one in a row's 备注 was said to be in 表头、表尾: clerk trial 139)."""
    headers = {column_letter(c): COLUMN_BY_FIELD[f].header for f, c in table.header.columns.items()}

    def on(code: Code, cell: str, value: str = "") -> Problem:
        row = _row_of(cell)
        in_rows = row > table.header.row
        return problem(
            code,
            form.file,
            sheet=table.grid.name,
            cell=cell,
            row=row + 1 if in_rows else None,
            field=headers.get(cell.rstrip("0123456789"), "") if in_rows else "",
            value=value,
            department=form.department,
        )

    def in_table(cell: str) -> bool:
        return table.top <= _row_of(cell) < table.end

    said = [
        on(Code.FORMULA_WITHOUT_VALUE, cell)
        for cell in table.grid.formulas_without_value
        if in_table(cell)
    ]
    return said + [
        on(Code.FORMULA_ERROR, cell, error)
        for cell, error in table.grid.errors.items()
        if in_table(cell)
    ]


def _hidden_hazards(form: ReturnForm, table: FoundForm) -> list[Problem]:
    """A warning naming the table's hazard rows its sheet hides: read as any other, they are
    missing from the form printed for the department head to sign (clerk trial 130)."""
    hidden = table.grid.hidden_rows
    rows = sorted(
        h.source_row
        for h in form.hazards
        if h.source_sheet == table.grid.name
        and h.source_row - 1 in hidden
        and table.top <= h.source_row - 1 < table.end
    )
    if not rows:
        return []
    return [
        problem(
            Code.HIDDEN_ROWS,
            form.file,
            sheet=table.grid.name,
            row=rows[0],
            department=form.department,
            rows="、".join(map(str, rows)),
        )
    ]


def _row_of(cell: str) -> int:
    """0-based row of an A1 reference."""
    return int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 1


_FOOTER_FIRST_CHARACTERS = frozenset(key[0] for label in FOOTER_LABELS for key in label.keys()) | {
    "报"
}


def _say_footer_typed_above(
    form: ReturnForm, table: FoundForm, up: FooterTypedAbove, department: str
) -> None:
    labels = table.labels
    typed = "、".join(
        f"{labels[key].text} {cell_text(value)}（{ref}）" for key, (value, ref) in up.typed.items()
    )
    form.problems.append(
        problem(
            Code.FOOTER_TYPED_ABOVE,
            form.file,
            sheet=table.grid.name,
            cell=next(ref for _, ref in up.typed.values()),
            row=up.row + 1,
            department=department,
            line=up.row + 1,
            typed=typed,
            footer_row=table.footer_row + 1,
        )
    )


def _footer_row(rows: list[list[object]], header: HeaderMatch) -> int:
    """The first row below the table holding a footer label (上报人：, 联系方式：, 报：).

    A label without its colon only counts in a row that has no hazard in it: a
    责任人 called 填表人 is data, not the footer."""
    key_columns = [header.columns[f] for f in ("location", "hazard") if f in header.columns]
    for index in range(header.row + 1, len(rows)):
        row = rows[index]
        for value in row:
            if not isinstance(value, str) or value.lstrip()[:1] not in _FOOTER_FIRST_CHARACTERS:
                continue  # cheap test first: this runs on every cell of the table
            key = normalize_key(value)
            if not (match_label(value, FOOTER_LABELS) or key.startswith("报:")):
                continue
            if ":" in key or not any(c < len(row) and cell_text(row[c]) for c in key_columns):
                return index
    return len(rows)


def _labels(
    rows: list[list[object]], offset: int, labels: tuple[Label, ...]
) -> dict[str, LabelValue]:
    found: dict[str, LabelValue] = {}
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if not isinstance(value, str) or not value.strip():
                continue
            hit = match_label(value, labels)
            if hit is None or hit[0].field in found:
                continue
            label, typed = hit
            ref = f"{column_letter(c)}{r + offset + 1}"
            entry = LabelValue(label.text, typed, ref, ref)
            if not typed:
                # the value is in the first cell after the label's own (merged) cells that
                # holds something; left blank, the first of those cells is where it belongs
                slot = ""
                for c2 in range(c + 1, len(row)):
                    other = row[c2]
                    if other == value:  # the label's own merged cells
                        continue
                    if _is_label(other):
                        break
                    there = f"{column_letter(c2)}{r + offset + 1}"
                    slot = slot or there
                    if cell_text(other).strip("_ "):
                        slot = there
                        entry = LabelValue(label.text, other, ref, there)
                        break
                if slot:
                    entry.value_ref = slot
            found[label.field] = entry
    return found


_DATE_TEXT = re.compile(r"\s*(?:\d{4}\s*[年./\-]\s*)?\d{1,2}\s*[月./\-]\s*\d{1,2}\s*日?\s*$")
"""A date typed as text (2026年11月25日, 2026.11.25, 11月25日): read as the cell's 日期 is."""


def _date_over_its_label(rows: list[list[object]], found: dict[str, LabelValue]) -> None:
    """The 日期 typed over its label (“日期：” gone, the date in its cell): the one date in
    the row of the other header labels (a date cell, or a date typed as text), not another
    label's value, is the form's 日期 (it was “表头没有填写日期”, the return dated by its
    file: clerk trials 74, 76)."""
    taken = {entry.value_ref for entry in found.values()}
    row_numbers = {int(e.label_ref.lstrip(ascii_uppercase)) for e in found.values()}
    dates = [
        (f"{column_letter(c)}{r}", value)
        for r in sorted(row_numbers)
        for c, value in enumerate(rows[r - 1])
        if (isinstance(value, date) or isinstance(value, str) and _DATE_TEXT.match(value))
        and f"{column_letter(c)}{r}" not in taken
    ]
    if len({value for _, value in dates}) == 1:  # (merged cells hold it in each)
        ref, value = dates[0]
        found["form_date"] = LabelValue("日期", value, ref, ref)


def _is_label(value: object) -> bool:
    """A cell that is another label (with its colon), not a value typed after ours."""
    return (
        isinstance(value, str)
        and ":" in normalize_key(value)
        and match_label(value, (*HEADER_LABELS, *FOOTER_LABELS)) is not None
    )


def _is_footer_line(row: list[object]) -> bool:
    return any(
        isinstance(value, str) and (_is_label(value) or match_label(value, FOOTER_LABELS))
        for value in row
    )


_ANSWER_ORDER = ("measures", "progress", "owner", "checked_on", "closed_on")
_ANSWER_FIELDS = frozenset(_ANSWER_ORDER)
"""Columns every version of the form has (the plan's ten-column one too) and a department
answers in: one deleted is said once, not on every row."""


def _says_only_nothing_found(row: RowCells) -> bool:
    """A row without a hazard whose every cell but the ones naming what was checked (序号,
    部位, 检查内容, 问题来源) says nothing was found (经自查，未发现安全隐患 typed into 部位, or
    into 备注 beside the place checked): no hazard — it was counted one, and asked for its
    整改措施 and 责任人 (clerk trials 57, 59)."""
    said = [
        t
        for name, t in row.texts.items()
        if t and name not in ("seq", "location", "item", "source")
    ]
    said += [text for _, text in row.extras]
    if not said and says_nothing_found(row.text("location")):
        return True
    return bool(said) and all(map(says_nothing_found, said))


@dataclass(frozen=True)
class _Across:
    """A merged cell of the table spanning several of its fields."""

    cells: str
    """Its range (F6:G6)."""
    fields: tuple[str, ...]
    """The fields it spans, left to right: its text is the first's."""
    heading: bool
    """It spans 部位, 存在隐患问题 and 整改措施: a heading of the rows below (一、消防安全)
    when the row holds nothing else."""


def _merged_across_fields(table: FoundForm, fields: list[tuple[str, int]]) -> dict[int, _Across]:
    """The table's rows (0-based) holding a merged cell across several fields, by row; the
    merged cell's text left in its first field only — copied into every field it spans,
    a hazard's text stood for its 整改措施, and no one was told it was missing (clerk trial
    57). A merge down one column (one 部位 or 责任人 for two rows) is not touched."""
    rows = table.grid.rows
    top_body, end = table.header.row + 1, table.end
    found: dict[int, _Across] = {}
    for top, left, bottom, right in table.grid.merged:
        if right == left or bottom < top_body or top >= end:
            continue
        spanned = [(name, c) for name, c in fields if left <= c <= right]
        if len(spanned) < 2:
            continue
        for r in range(max(top, top_body), min(bottom, end - 1) + 1):
            row = rows[r]
            for _, c in spanned[1:]:
                if c < len(row) and c != left:
                    row[c] = ""
        names = tuple(name for name, _ in sorted(spanned, key=lambda f: f[1]))
        merge = _Across(
            f"{cell_ref(top, left)}:{cell_ref(bottom, right)}",
            names,
            {"location", "hazard", "measures"} <= set(names),
        )
        for r in range(max(top, top_body), min(bottom, end - 1) + 1):
            found.setdefault(r, merge)
    return found


def _merged_from_above(table: FoundForm, fields: list[tuple[str, int]]) -> dict[int, set[str]]:
    """The fields of each table row (0-based) holding the text of a cell merged down from a
    row above: 部位 merged over two hazards and the blank row below them made that row a
    hazard of 部位 alone, four errors sent for it (clerk trial 141). Not the row's own."""
    carried: dict[int, set[str]] = {}
    for top, left, bottom, right in table.grid.merged:
        names = {name for name, c in fields if left <= c <= right}
        for r in range(top + 1, bottom + 1) if names else ():
            carried.setdefault(r, set()).update(names)
    return carried


_FILLED_DOWN = frozenset({"deadline", "progress", "owner", "checked_on", "closed_on", "source"})
"""Columns a clerk fills down the whole table (dragging the first row's 整改时限, 整改完成情况,
责任人, 检查时间 to its end): a row with nothing else is no hazard."""


_FILLED_DOWN_EXTRA = 4
"""Characters at most of what a row holds in a column the form does not have, for it to be
filled down too (否, 是, 100%, √): an added column dragged down the empty rows made each a
blank hazard, 24 errors sent for rows never used (clerk trial 94); longer text may be a
hazard written in a column the form names otherwise, and is read."""


class _FillerRows:
    """Rows holding only what is filled down (`_FILLED_DOWN`, and short words in columns
    the form does not have): not hazards (six such rows were six blank hazards of one 隐患
    编号, overdue on the printed register: clerk trial 60), said once a run of them."""

    def __init__(self, checker: RowChecker) -> None:
        self.checker = checker
        self.runs: list[tuple[RowCells, list[str], list[str], int]] = []

    def add(self, cells: RowCells, names: list[str]) -> None:
        headers = [COLUMN_BY_FIELD[n].header for n in names] + [t for t, _ in cells.extras]
        if self.runs and self.runs[-1][3] == cells.row - 1:
            first, fields, said, _ = self.runs[-1]
            self.runs[-1] = (first, fields, said, cells.row)
        else:
            self.runs.append((cells, names, headers, cells.row))

    def said(self) -> None:
        for first, names, headers, last in self.runs:
            self.checker.problem(
                Code.FILLED_DOWN_ROWS,
                first,
                names[0] if names else "hazard",
                rows=f"{first.row}" if last == first.row else f"{first.row}–{last}",
                fields="、".join(headers),
            )


_JOINED = re.compile("^(?:且|并且|并|及|以及|和|同时|而且|还有|另外|另)")


def _goes_on(above: str, text: str) -> str:
    """Why `text`, alone on its row, reads as the rest of the hazard `above` it ('' when it
    does not): the row above ends mid-sentence, or this one begins with a joining word."""
    if above.rstrip().endswith(("，", ",", "、", "；", ";", "：", ":")):
        return f"上一行以“{above.rstrip()[-1]}”结尾"
    if joined := _JOINED.match(text):
        return f"这一行以“{joined.group()}”开头"
    return ""


def _say_items_missing(
    form: ReturnForm, table: FoundForm, department: str, campaign: Campaign
) -> None:
    """One warning when self-found hazards do not name their 检查内容 (the item of 附件1
    checked): the register's 项目覆盖 counts them nowhere (it read 未报告 for every item of
    such a department: clerk trials 62, 63). Answers to assigned problems have no item: a
    row with a 问题编号 is one, whatever its 问题来源 says (blank, no such column, or 自查
    typed by mistake: each answer was listed, clerk trials 96, 97); nor is a row without
    one whose 问题来源 is an inspection above the school (an answer, its number left out:
    counted among the self-found, clerk trial 102)."""
    above = {s.name for s in campaign.sources if s.level and s.level != "学校"}
    # this sheet's (a blank copy of the sheet beside the filled one was told of its hazards
    # too: clerk trial 74)
    own = [
        h
        for h in form.hazards
        if not h.number and h.source not in above and h.source_sheet == table.grid.name
    ]
    lacking = [h.source_row for h in own if not h.item]
    if not lacking:
        return
    header = table.header
    item = header.columns.get("item")
    if item is None:
        variant = "no_column"
    elif len(lacking) == len(own) and not any(c.item for c in form.checked):
        variant = ""
    else:
        variant = "some"
    shown = "、".join(map(str, lacking[:10])) + ("等" if len(lacking) > 10 else "")
    # marked where the department writes: its first such row (the header, when all are)
    row = lacking[0] if variant == "some" else header.row + 1
    form.problems.append(
        problem(
            Code.NO_ITEMS,
            form.file,
            sheet=table.grid.name,
            cell=f"{column_letter(item)}{row}" if item is not None else "",
            row=row,
            field="检查内容",
            variant=variant,
            department=department,
            count=len(lacking),
            all="都" if len(lacking) > 1 else "",  # (“1 项隐患都没有”: trial 106)
            rows=shown,
        )
    )


_EMPTY_ROWS_KEPT = 5
"""`ReturnForm.empty_rows` noted of a form: a row for each assigned problem deleted, as many
as a department is likely to have deleted."""


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d$")
_TEXT_FIELDS = frozenset({"location", "hazard", "measures", "owner", "remarks"})
"""The fields a department writes words into: a date there is text Excel took for one."""


def _dates_as_shown(grid: SheetGrid, cells: RowCells, names: Sequence[str]) -> dict[str, str]:
    """The dates in the fields `names` of a row as their cells show them (2026-03-02 styled
    m"月"d"日": 3月2日; 2026年3月2日 when the style is not known): a room number 3-2 that Excel
    took for a date entered the register as 2026-03-02, a year the department never wrote
    (clerk trial 213 BM1)."""
    refs = {name: cells.ref(name) for name in names}
    codes = grid.number_formats(refs.values()) if grid.number_formats is not None else {}
    return {
        name: date_as_shown(cast(date, cells.values[name]), codes.get(ref, ""))
        for name, ref in refs.items()
    }


def _read_rows(
    form: ReturnForm,
    table: FoundForm,
    campaign: Campaign,
    as_of: date,
    pictures: PicturesByRow,
    photos_unseen: bool,
    rows_seen: RowsSeen,
) -> None:
    """Every row of the table with content: a hazard, or an item checked with nothing found;
    then the rows below the footer that hold a hazard.

    This runs for every row of every return, so each cell is looked at once and cell
    references are only spelled out for a problem."""
    header = table.header
    hazards_before = len(form.hazards)
    above: tuple[int, str] | None = None  # the row of the last hazard read, and its text
    rows = table.grid.rows
    if not form.column_letters:
        form.column_letters = {f: column_letter(c) for f, c in header.columns.items()}
    form.numbers_headed_bianhao |= header.numbers_headed_bianhao
    checker = RowChecker(
        campaign=campaign,
        file=form.file,
        sheet=table.grid.name,
        department=form.department or form.department_text or Path(form.file).stem,
        has_deadline_column="deadline" in header.columns,
        as_of=as_of,
        photos_unseen=photos_unseen,
        form_date=None if form.date_impossible else form.form_date,
        missing_columns=_ANSWER_FIELDS - header.columns.keys(),
        seen=rows_seen,
    )
    # a header merged over the next one's: that column read as a second of the first (its
    # text in 备注 under the wrong name), the one it hides said deleted (clerk trial 94)
    merged = [m for m in table.grid.merged if m[0] <= header.row <= m[2] and m[3] > m[1]]
    hidden = {c for _, left, _, right in merged for c in range(left + 1, right + 1)}
    for name in sorted(checker.missing_columns, key=_ANSWER_ORDER.index):
        form.problems.append(
            problem(
                Code.MISSING_COLUMN,
                form.file,
                sheet=table.grid.name,
                row=header.row + 1,
                field=COLUMN_BY_FIELD[name].header,
                department=checker.department,
                variant="merged" if merged else "",
                merged="、".join(
                    f"{cell_name(header.row, left)}:{cell_name(header.row, right)}"
                    for _, left, _, right in merged
                ),
            )
        )
    fields = list(header.columns.items())
    known = set(header.columns.values())
    extra_columns = [
        (c, f"{column_letter(c)}列" if c in hidden else title)
        for c, title in header.extra.items()
        if c not in known
    ]
    width = max((len(row) for row in rows[header.row + 1 : table.end]), default=0)
    titled = known | set(header.extra)
    untitled = [(c, f"{column_letter(c)}列") for c in range(width) if c not in titled]
    extra_columns += untitled
    across = _merged_across_fields(table, fields)
    carried = _merged_from_above(table, fields)
    todays = table.grid.todays
    example = campaign.info.returns_due
    # One object per distinct text: 检查内容, 责任人, 整改完成情况 repeat on most rows, and
    # a return of 100,000 rows would otherwise hold every copy until the register is written.
    shared: dict[str, str] = {}
    blank_below = False
    filler = _FillerRows(checker)
    up = table.footer_up
    on = table.grid.name
    empty = form.empty_rows if on == form.sheet else []

    def an_empty_row(r: int) -> None:
        """Note row `r` (0-based) of the table, empty, among `form.empty_rows`."""
        if len(empty) < _EMPTY_ROWS_KEPT and r < table.footer_row and not blank_below:
            if (on, r) not in pictures:
                empty.append(r + 1)

    for r in range(header.row + 1, table.end):
        row = rows[r]
        width = len(row)
        if not width:
            an_empty_row(r)
            continue
        if up is not None and r == up.row:
            _say_footer_typed_above(form, table, up, checker.department)
            continue
        below_footer = r >= table.footer_row
        if below_footer and (_is_footer_line(row) or find_header([row]) is not None):
            continue
        values: dict[str, object] = {}
        texts: dict[str, str] = {}
        controlled: list[str] = []
        dated: list[str] = []  # text fields holding a date (a room number 3-2, as Excel took it)
        for name, c in fields:
            if c < width:
                value = values[name] = row[c]
                text = cell_text(value)
                texts[name] = shared.setdefault(text, text)
                if (
                    type(value) is str
                    and len(text) != len(value)  # cleaning removed something
                    and CONTROL_CHARACTERS.search(value)
                ):
                    controlled.append(name)
                elif isinstance(value, date) and name in _TEXT_FIELDS and _ISO_DAY.match(text):
                    dated.append(name)
        raw = RowCells(r + 1, values, texts, header.columns)
        if dated:
            shown = _dates_as_shown(table.grid, raw, dated)
            for name in dated:
                raw.keyed[name] = texts[name]  # (its identity as it was read before)
                texts[name] = shown[name]
        if extra_columns:
            # (序号 aside: an added column's 1 or 100% read as 1 was dropped as a repeat of
            # the row's 序号 1: clerk trial 74)
            seen = {text for name, text in texts.items() if name != "seq"}
            raw.extras = [
                (title, text)
                for c, title in extra_columns
                if c < width and (text := cell_text(row[c])) and text not in seen
            ]
        own = carried.get(r, ())
        filled_in = {
            name: t
            for name, t in raw.texts.items()
            if t
            and name != "seq"
            and not (name == "source" and t == SELF_CHECK)
            and name not in own
        }
        filled = list(filled_in.values())
        if not raw.extras and not filled:  # blank, or the template's pre-numbered empty row,
            # or 以下空白 in the 序号 column (merged across the row from it: trial 99)
            blank_below |= says_blank_below(raw.texts.get("seq", ""))
            an_empty_row(r)
            continue
        if below_footer and len(set(filled)) < 2:
            continue  # a line of text below the form, not a hazard
        if not raw.extras and all(says_blank_below(t) for t in filled):
            blank_below = True  # 以下空白: how a paper form is closed
            continue
        merge = across.get(r)
        if merge is not None and merge.heading and len(set(filled)) == 1 and not raw.extras:
            continue  # 一、消防安全 across the table: a heading of the rows below, no hazard
        if (
            filled_in.keys() <= _FILLED_DOWN
            and all(len(text) <= _FILLED_DOWN_EXTRA for _, text in raw.extras)
            and (table.grid.name, r) not in pictures
        ):
            filler.add(raw, list(filled_in))
            continue
        if raw.text("number") and not raw.extras and not any(map(raw.text, ANSWER_FIELDS)):
            # an assigned problem as issued, not answered: the register says 未反馈
            place = (raw.row, raw.ref("number"))
            form.unanswered_rows.setdefault(number_key(raw.text("number")), place)
            continue
        if _repeats_the_header(raw):
            continue  # the header row again (a table copied onto a second page)
        hazard_text = raw.text("hazard")
        first = len(checker.problems)
        for name in controlled:
            checker.problem(Code.CONTROL_CHARACTERS, raw, name)
        for name in dated:
            day = cast(date, raw.values[name])
            written = raw.text(name) == chinese_date(day)  # (its format not read)
            checker.problem(Code.DATE_IN_TEXT, raw, name, "written" if written else "")
        for name in DATE_FIELDS if todays else ():
            if formula := todays.get(raw.ref(name)):
                checker.problem(Code.TODAY_FORMULA, raw, name, formula=formula, day=example)
        if merge is not None:
            checker.problem(
                Code.MERGED_ACROSS_FIELDS,
                raw,
                merge.fields[0],
                merged=merge.cells,
                headers="、".join(COLUMN_BY_FIELD[f].header for f in merge.fields),
                first=COLUMN_BY_FIELD[merge.fields[0]].header,
            )
        if says_nothing_found(hazard_text) or (not hazard_text and _says_only_nothing_found(raw)):
            form.checked.append(CheckedItem(item=raw.text("item"), source_row=r + 1))
            continue
        if below_footer:
            checker.problem(Code.ROW_AFTER_FOOTER, raw, "hazard")
        elif blank_below:
            checker.problem(Code.AFTER_BLANK_MARKER, raw, "hazard")
        names = tuple(dict.fromkeys(pictures.pop((table.grid.name, r), [])))
        why = ""
        if filled_in.keys() == {"hazard"} and above is not None and above[0] == r - 1:
            # (机房内插线板串接、线缆杂乱，⏎且机房灭火器…: six errors of a second hazard, no
            # word that it went on from the row above: clerk trial 234 CH4)
            why = _goes_on(above[1], hazard_text)
            if why:
                checker.problem(Code.CONTINUED_ROW, raw, "hazard", above=r, why=why)
        row_hazard = checker.hazard(raw, first, names, continued=bool(why))
        form.hazards.append(row_hazard)
        above = (r, hazard_text)
    filler.said()
    if "deadline" not in header.columns and len(form.hazards) > hazards_before:
        # every row's deadline is the campaign's default: said once (not a word was, and a
        # hazard 11 days overdue went off the overdue list: clerk trial 94)
        form.problems.append(
            problem(
                Code.NO_DEADLINE_COLUMN,
                form.file,
                sheet=table.grid.name,
                row=header.row + 1,
                field="整改时限",
                department=checker.department,
                default=campaign.info.default_deadline,
            )
        )
    form.problems.extend(checker.problems)
    _say_items_missing(form, table, checker.department, campaign)
