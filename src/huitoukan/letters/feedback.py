"""退回修改: a copy of a department's own return, every problem cell marked and explained.

The original file is never written: the copy is made from it (an .xlsx/.xlsm is
loaded as is; an .xls/.ods is rebuilt as .xlsx with every value at the same cell,
so the cell references in the messages stay right). Each problem cell gets a
yellow (warning) or red (error) fill while it holds what was marked (a conditional
format: the correction takes it away) and a comment (批注) saying what to fix; a
first sheet lists all the problems. The department corrects the cells and sends
the file back; collecting it clears the problems.
"""

from __future__ import annotations

import contextlib
import functools
import io
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.formatting.rule import FormulaRule, Rule
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from huitoukan.cells import cell_text, column_letter, column_of
from huitoukan.files import fit_name, keep_a_copy, safe_file_name, write_atomically
from huitoukan.forms.layout import (
    FOOTER_LABELS,
    FORM_SHEET,
    HEADER_SEARCH_ROWS,
    HeaderMatch,
    find_header,
    match_label,
)
from huitoukan.forms.templates import FORM_TEMPLATE, template_path
from huitoukan.model.documents import FEEDBACK_NAME, FEEDBACK_OF, FEEDBACK_TITLE
from huitoukan.model.findings import Finding, number_key
from huitoukan.model.problems import Code, Problem, Severity, said_again
from huitoukan.model.problems import problem as said_as
from huitoukan.model.returns import FileOutcome, ReturnFile, ReturnForm
from huitoukan.register.merging import Collection
from huitoukan.returns.archives import read_member
from huitoukan.returns.batch import as_return_file
from huitoukan.returns.sniffing import Refused, sniff
from huitoukan.returns.workbooks import SheetGrid, read_workbook
from huitoukan.xlsx.styles import (
    BOX,
    DATE_FORMAT,
    display_columns,
    fit_row_height,
    let_grow,
    made_here,
    set_value,
    write_table,
)
from huitoukan.xlsx.writer import MAX_ROW_HEIGHT

SUMMARY_SHEET = "退回修改说明"
NOT_FIXABLE = frozenset(
    {
        Code.LATE_RETURN,
        Code.REWORDED_HAZARD,
        Code.VANISHED_CLOSED,
        Code.SAME_DATE_VERSIONS,
        Code.OLDER_DATE_SAVED_LATER,
        Code.DEADLINE_PUT_OFF_EXPLAINED,
        Code.WPS_ET,
        Code.ASSIGNMENT_AFTER_RETURN,
        Code.BEFORE_FIRST_RETURN,
        Code.REVIEW_CLOSURE_CHANGED,
        Code.CHANGED_AFTER_PASSED,
        Code.ASSIGNMENT_MATCHED_WITHOUT_COLUMN,
        Code.NO_DEADLINE_COLUMN,
    }
)
"""Problems the department cannot correct in its file (the return was late: that stays true;
the copy of a WPS .et return is an .xlsx already; a problem found after it was sent wants a
new form;
a hazard's wording it improved, a 销号 hazard it left out, which of two files of one day
is its newest, whether the reason it gave for a later 整改时限 holds, a file dated before
its first return, or a review to be made again, is the clerk's to know; nor can a table
without a 问题编号 column be given one)."""
ERROR_FILL = PatternFill("solid", fgColor="FFFF9999")
WARNING_FILL = PatternFill("solid", fgColor="FFFFEB84")


class FeedbackCopy(BaseModel):
    department: str
    source: str
    copy_path: Path
    problems: int
    errors: int = 0
    """Of `problems`, the errors (the rest are warnings)."""
    resend: bool = True
    """The copy asks for the return to be sent again (`to_resend`)."""
    marked_cells: int
    not_fixable: list[str] = []
    """The titles of the return's problems not in the copy (逾期报送, 隐患描述改动 …): nothing
    to correct in it."""
    kept: Path | None = None
    """Where the copy a person had saved in its place (edited where it was) was kept."""
    rows_added: list[str] = []
    """The 问题编号 of the assigned problems whose deleted rows the copy adds back (collect
    said “请在表中新增一行” of them: clerk trial 187 AM10)."""


def feedback_name(form: ReturnForm) -> str:
    """The copy's file name: the return's own name (and its sheet, for a workbook that
    holds several departments' forms), then -退回修改.xlsx."""
    name = form.source.readable_name if form.source else Path(form.file).name
    part = f"-{form.sheet}" if form.source and form.file != form.source.display else ""
    stem = Path(name).stem.removesuffix(f"-{FEEDBACK_NAME}")  # a copy sent back: not twice
    return f"{safe_file_name(stem + part)}-{FEEDBACK_NAME}.xlsx"


def _copy_names(forms: Sequence[tuple[str, ReturnForm]]) -> list[str]:
    """The name of the copy of each (department, form): its return's (`feedback_name`),
    with the department in front for every return named like another's (in two folders or
    two zips) — the same name for the same department every week, not whichever came
    first — or named after the form alone (an e-mail attachment's “附件2 安全隐患自查整改清单
    (1).xlsx”: two copies told apart by (1) and (2), clerk trial 124), then numbered should
    two still be alike."""
    names = [feedback_name(form) for _, form in forms]
    counts = Counter(name.casefold() for name in names)
    taken: set[str] = set()
    return [
        _unused(
            fit_name(
                name
                if counts[name.casefold()] == 1 and not _named_after_the_form(name, department)
                else f"{safe_file_name(department)}-{name}",
                f"-{FEEDBACK_NAME}.xlsx",
            ),
            taken,
        )
        for (department, _), name in zip(forms, names, strict=True)
    ]


def _named_after_the_form(name: str, department: str) -> bool:
    return department not in name and any(word in name for word in ("自查整改清单", "附件"))


def _unused(name: str, taken: set[str]) -> str:
    stem, n = name.removesuffix(".xlsx"), 2
    while name.casefold() in taken:
        name, n = f"{stem}（{n}）.xlsx", n + 1
    taken.add(name.casefold())
    return name


def write_feedback(
    collection: Collection, out_dir: Path, receiver: str = "安全保卫处"
) -> list[FeedbackCopy]:
    """One marked copy per department whose current return has problems (of a workbook
    holding several departments' forms, without the others' sheets; of a return sent as
    several files, one for each file with problems), and for a department that sent nothing
    but another department's form filled in (set aside, `refiled`): that form, its error
    marked (no copy went back for it: clerk trial 93)."""
    copies: list[FeedbackCopy] = []
    sheets: dict[ReturnFile | str, list[str]] = {}
    by_file = {f.file: f for f in collection.forms}
    aside = {
        d: by_file[f]
        for d, (f, *_) in collection.set_aside().items()
        if d not in collection.current  # (its own extra form: its return's copy is its)
    }
    used = {f.file for f in collection.current.values()}
    parts = [  # the other files of a return sent as several (one went back: trial 129)
        (f.department, f)
        for f in collection.forms
        if collection.outcomes.get(f.file) is FileOutcome.USED and f.file not in used
    ]
    sent = [*collection.current.items(), *parts, *aside.items()]
    for _, form in sent:
        sheets.setdefault(form.source or form.file, []).append(form.sheet)
    for (department, form), name in zip(sent, _copy_names(sent), strict=True):
        others = [s for s in sheets[form.source or form.file] if s != form.sheet]
        of_file = [p for p in collection.problems if p.file == form.file]
        problems = sorted((p for p in of_file if p.code not in NOT_FIXABLE), key=_reading_order)
        if not problems:
            continue
        if aside.get(department) is form:  # told what to do, not what the clerk may find
            problems = [_to_sender(p, form, department, receiver) for p in problems]
        problems = [_without_campaign_file(p) for p in problems]
        problems, added = _rows_added_back(problems, form, collection.findings)
        target = out_dir / name
        source = form.source or as_return_file(Path(form.file))
        with_photos = any(h.photos for h in form.hazards)
        rows = [(h.source_sheet, h.source_row) for h in form.hazards]
        workbook, marked = marked_copy(
            source, problems, with_photos, department, receiver, form.picture_cells, rows, added
        )
        for sheet in others:
            if sheet in workbook.sheetnames:
                workbook.remove(workbook[sheet])
        # titled as the tool's own: passed by among the returns until a department saves it
        made_here(workbook, FEEDBACK_TITLE, f"{FEEDBACK_OF}{form.sha256}" if form.sha256 else "")
        # one a department edited where it was is kept (it was written over: clerk trial 67)
        kept = keep_a_copy(target) if target.exists() and _saved_by_a_person(target) else None
        write_atomically(target, workbook.save)
        copies.append(
            FeedbackCopy(
                department=department,
                source=form.file,
                copy_path=target,
                problems=len(problems),
                errors=sum(p.severity is Severity.ERROR for p in problems),
                resend=to_resend(problems),
                marked_cells=marked,
                not_fixable=list(dict.fromkeys(p.title for p in of_file if p.code in NOT_FIXABLE)),
                kept=kept,
                rows_added=[p.value for p in problems if p.variant == "row_added"],
            )
        )
    _remove_earlier_copies(out_dir, {c.copy_path.name for c in copies})
    return copies


AddedRow = tuple[str, int, dict[str, object]]
"""A row the 退回修改 copy adds: its sheet, its 1-based row, and column letter → value."""


def _rows_added_back(
    problems: Sequence[Problem], form: ReturnForm, findings: Sequence[Finding]
) -> tuple[list[Problem], list[AddedRow]]:
    """`problems`, each assigned problem whose row the department deleted (said `no_row`)
    given an empty row of the form (`ReturnForm.empty_rows`), pre-filled there as issued,
    and said so (`row_added`); the rows to add. The copy asked the department to fill in a
    row it did not have (clerk trial 184 AJ2)."""
    listed = {number_key(f.number): f for f in reversed(findings)}
    letters = form.column_letters
    free = iter(form.empty_rows)
    out: list[Problem] = []
    added: list[AddedRow] = []
    for said in problems:
        finding = listed.get(number_key(said.value)) if said.code is _UNANSWERED else None
        row = (
            next(free, None)
            if finding is not None and said.variant == "no_row" and "number" in letters
            else None
        )
        if finding is None or row is None:  # (no empty row left: a row to add, as said)
            out.append(said)
            continue
        values = {
            "number": finding.number,
            "source": finding.source,
            "location": finding.location,
            "hazard": finding.description,
            "deadline": finding.deadline,
            "checked_on": finding.found_on,
        }
        added.append(
            (form.sheet, row, {letters[f]: v for f, v in values.items() if f in letters and v})
        )
        moved = {"sheet": form.sheet, "cell": f"{letters['number']}{row}", "row": row}
        out.append(_unanswered(said.model_copy(update=moved), finding, "row_added", row))
    return out, added


_UNANSWERED = Code.ASSIGNMENT_UNANSWERED


def _unanswered(said: Problem, finding: Finding, variant: str, at: int = 0) -> Problem:
    """`said`, a 交办问题未反馈 of `finding`, in the words of `variant` (its row `at`)."""
    what = finding.where[:40]
    return said_again(said, variant, number=finding.number, source=finding.source, what=what, at=at)


def _to_sender(said: Problem, form: ReturnForm, department: str, receiver: str) -> Problem:
    """`said` of a form set aside as another department's (`merging.refiled`), in the words
    of the copy sent back to the department its name gives: the error told it what the clerk
    might find (是{header}另报的补充表格的…、改正文件名后再次汇总: clerk trial 96)."""
    if said.code is not Code.MISFILED_RETURN:
        return said
    return said.model_copy(
        update={
            "message": said_as(
                Code.MISFILED_RETURN,
                said.file,
                variant="sender",
                by_header=form.department,
                named_by=form.named_by,
                # (not the receiving office's own copy: it would tell itself, trial 97)
                tell="" if department == receiver else f"；不是贵部门的表格，请告知{receiver}",
            ).message
        }
    )


_CAMPAIGN_FILE_ADVICE = re.compile(r"（或在 campaign\.toml[^）]*）")
"""What the clerk may do in campaign.toml (add an alias), said in brackets: a department
has no such file (its copy told it to add an alias there: clerk trial 97)."""


def _without_campaign_file(said: Problem) -> Problem:
    message = _CAMPAIGN_FILE_ADVICE.sub("", said.message)
    return said if message == said.message else said.model_copy(update={"message": message})


def _remove_earlier_copies(out_dir: Path, written: set[str]) -> None:
    """The copies an earlier run left in `out_dir` that this one did not write again (the
    department's return has nothing left to mend, or is named otherwise now): removed
    while still huitoukan's as it wrote them — a copy a department saved is kept. A clerk
    sending last week's copy again would ask for what is mended already."""
    if not out_dir.is_dir():
        return
    for path in out_dir.glob(f"*-{FEEDBACK_NAME}.xlsx"):
        if path.name not in written and not _saved_by_a_person(path):
            with contextlib.suppress(OSError):
                path.unlink()


def _saved_by_a_person(path: Path) -> bool:
    """Whether the copy at `path` is no longer huitoukan's as it wrote it (a department or
    the clerk saved it, or it is something else under that name)."""
    try:
        made = sniff(path.read_bytes(), ".xlsx", inspect=False).made
    except (OSError, Refused):
        return True
    return not (made.title == FEEDBACK_TITLE and made.never_saved)


def _shown_again(ws: Worksheet, rows: set[int]) -> list[str]:
    """Unhide those of the hazards' `rows` of `ws` that are hidden (`Code.HIDDEN_ROWS`):
    the first filled cell of each, to mark."""
    shown = []
    for row, dimension in sorted(ws.row_dimensions.items()):
        if row not in rows or not dimension.hidden:
            continue
        filled = next((c for c in ws[row] if c.value not in (None, "")), None)
        if filled is not None and not isinstance(filled, MergedCell):
            dimension.hidden = False
            shown.append(filled.coordinate)
    return shown


def _page_numbers_whole(ws: Worksheet) -> None:
    """The copy's print setup keeps the return's, but where its header or footer has less
    than a quarter inch inside the margin (an older form's 0.6" margin with a 0.5" footer),
    LibreOffice cuts the page number in half: those move to Excel's 0.3"."""
    margins = ws.page_margins
    if margins.bottom - margins.footer < 0.25:
        margins.footer = min(0.3, max(margins.bottom - 0.3, 0.1))
    if margins.top - margins.header < 0.25:
        margins.header = min(0.3, max(margins.top - 0.3, 0.1))


def _open_as_xlsx(source: ReturnFile) -> Workbook:
    data = read_member(source) if source.members else source.path.read_bytes()
    if Path(source.name).suffix.lower() in (".xlsx", ".xlsm"):
        # set up outside the net below: a change of openpyxl that breaks them must fail,
        # not send every copy down the rebuild, stripped of its borders, drop-downs and
        # protection (it did, unseen, from clerk trial 57's fix until trial 65)
        with _pictures_left_out(), _serials_kept():
            try:
                return load_workbook(io.BytesIO(data))
            except Exception:  # noqa: BLE001 — a part only openpyxl reads is damaged (a
                pass  # drawing): the copy is rebuilt from what was read, like an .xls's
    workbook = Workbook()
    workbook.remove(workbook.active)
    for grid in read_workbook(source.path, data=data, name=source.name).sheets:
        ws = workbook.create_sheet(grid.name)
        if not grid.visible:
            ws.sheet_state = "hidden"
        covered = {
            (r, c)
            for top, left, bottom, right in grid.merged
            for r in range(top, bottom + 1)
            for c in range(left, right + 1)
            if (r, c) != (top, left)
        }
        for r, row in enumerate(grid.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value not in ("", None) and (r - 1, c - 1) not in covered:
                    cell = ws.cell(r, c)
                    set_value(cell, value)
                    if isinstance(value, date):
                        cell.number_format = DATE_FORMAT
        for top, left, bottom, right in grid.merged:
            ws.merge_cells(
                start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1
            )
        header = find_header(grid.rows)
        if header is not None:
            _laid_out_as_issued(ws, header, len(grid.rows))
        else:
            _columns_as_wide_as_their_text(ws, grid)
    return workbook


@contextlib.contextmanager
def _pictures_left_out() -> Iterator[None]:
    """openpyxl loads without the pictures: as when Pillow is not installed (it opens each
    picture with Pillow, which raises on one of 200 million pixels), whether it is or not;
    the copy shows none either way. Its English warnings (a picture it cannot read, a
    shape it drops) are not the department's business."""
    from openpyxl.reader import drawings

    pillow = drawings.PILImage
    drawings.PILImage = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        drawings.PILImage = pillow


@contextlib.contextmanager
def _serials_kept() -> Iterator[None]:
    """openpyxl loads a number in a cell formatted as a date, beyond the dates it knows
    (20261120 typed into 整改时限 and kept as a number: the return reads it as 2026年11月20日),
    as the error #VALUE!, which the copy would then hold in place of what the department
    typed (and be told next time it left the cell empty: clerk trial 57): kept as the number."""
    from openpyxl.worksheet import _reader

    parse_cell = _reader.WorkSheetParser.parse_cell

    def keeping(self: _reader.WorkSheetParser, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = parse_cell(self, element)
        if cell["data_type"] == "e" and element.get("t", "n") == "n":
            typed = element.findtext(_reader.VALUE_TAG)
            if typed:
                cell["value"], cell["data_type"] = _reader._cast_number(typed), "n"
        return cell

    _reader.WorkSheetParser.parse_cell = keeping
    try:
        yield
    finally:
        _reader.WorkSheetParser.parse_cell = parse_cell


_WIDEST = 40


def _columns_as_wide_as_their_text(ws: Worksheet, grid: SheetGrid) -> None:
    """Another sheet of the return (交办问题清单, 本部门检查项目) rebuilt: each column as wide
    as its longest text (at most _WIDEST, longer text wrapped; a title across several
    columns not counted), a date's column room for the date — not the default width,
    where dates print as ### and text runs over."""
    across = {
        (r, c)
        for top, left, bottom, right in grid.merged
        if right > left
        for r in range(top, bottom + 1)
        for c in range(left, right + 1)
    }
    widths: dict[int, float] = {}
    wrap = Alignment(wrap_text=True, vertical="center")
    filled: list[int] = []  # the rows of two filled cells or more (a title across not counted)
    for r, row in enumerate(grid.rows, start=1):
        count = 0
        for c, value in enumerate(row):
            if value in ("", None) or (r - 1, c) in across:
                continue
            count += 1
            shown = 18 if isinstance(value, date) else display_columns(cell_text(value)) + 2
            widths[c] = max(widths.get(c, 8.0), min(shown, _WIDEST))
            ws.cell(r, c + 1).alignment = wrap
        if count > 1:
            filled.append(r)
    for c, width in widths.items():
        ws.column_dimensions[column_letter(c)].width = width
    # its table bordered, from the first row of two filled cells on, each row as high as
    # its wrapped text, the header row on every page: it printed bare, a long 督查内容
    # drawn over the next row's (clerk trial 177 AD3)
    if filled and widths:
        last = max(widths) + 1
        for r in range(filled[0], filled[-1] + 1):
            for c in range(1, last + 1):
                cell = ws.cell(r, c)
                if not isinstance(cell, MergedCell):
                    cell.border = BOX
            fit_row_height(ws, r)
        ws.print_title_rows = f"{filled[0]}:{filled[0]}"
    wide = sum(widths.values()) > _PORTRAIT
    _one_page_wide(ws, "landscape" if wide else "portrait", ws.PAPERSIZE_A4)


_PORTRAIT = 90
"""Characters of columns an A4 portrait page prints at a size people read."""


def _laid_out_as_issued(ws: Worksheet, header: HeaderMatch, rows: int) -> None:
    """A form rebuilt from an .xls/.ods given the issued form's column widths (by header),
    wrapped text and A4 landscape page, one page wide, its header row on every page: it
    prints like the form the department filled in, not as narrow columns of ######."""
    issued = _issued_layout()
    for field, col in header.columns.items():
        ws.column_dimensions[column_letter(col)].width = issued.widths.get(field, 12)
    for col in header.extra:
        ws.column_dimensions[column_letter(col)].width = 12
    last = 1 + max([*header.columns.values(), *header.extra])
    _title_lines_across(ws, header.row, last)
    wrap = Alignment(wrap_text=True, vertical="center")
    # bordered, its title and header in the issued form's fonts: the copy of an .ods or .xls
    # was bare values, no longer the form the department filled in (clerk trial 74)
    title = issued.style_of(issued.header_row - 3, 1)  # (附件2, the title, 部门…, 填报说明)
    for r in range(1, header.row + 1):
        first = ws.cell(r, 1)
        if isinstance(first.value, str) and first.value.rstrip().endswith(FORM_SHEET):
            first.font, first.alignment = copy(title.font), copy(title.alignment)
    head = issued.style_of(issued.header_row, 1)
    for c in range(1, last + 1):
        cell = ws.cell(header.row + 1, c)
        cell.font, cell.border = copy(head.font), copy(head.border)
        cell.alignment, cell.fill = copy(head.alignment), copy(head.fill)
    fit_row_height(ws, header.row + 1)
    body = issued.style_of(issued.header_row + 1, 1).border
    serial = header.columns.get("seq", -1) + 1  # (1-based, as the cells are)
    centred = Alignment(horizontal="center", vertical="center")
    tall = issued.sheet.row_dimensions[issued.header_row + 1].height or 0
    if header.row + 1 == issued.header_row:  # the lines above the table as issued
        for r in range(1, issued.header_row):
            _line_as_issued(ws, r, issued, r, last)
    for r in range(header.row + 2, rows + 1):
        if any(isinstance(c.value, str) and match_label(c.value, FOOTER_LABELS) for c in ws[r]):
            _line_as_issued(ws, r, issued, issued.footer_row, last)
            break  # 上报人： … below the table, as issued (unwrapped, no borders)
        for c in range(1, last + 1):
            cell = ws.cell(r, c)
            if not isinstance(cell, MergedCell):
                cell.border = copy(body)
                if cell.value is not None:
                    # (the 序号 right, the 问题编号 left: “1XT-01” printed as one, trial 177)
                    cell.alignment = centred if c == serial else wrap
        fit_row_height(ws, r, least=tall)  # (as issued: rows of one line were cut, trial 122)
    setup = issued.sheet
    _one_page_wide(ws, setup.page_setup.orientation, setup.page_setup.paperSize)
    ws.page_margins = copy(setup.page_margins)
    ws.print_title_rows = f"{header.row + 1}:{header.row + 1}"


def _line_as_issued(ws: Worksheet, row: int, issued: _IssuedLayout, like: int, last: int) -> None:
    """Row `row` of a rebuilt form (above its table, or its 上报人 line) given the height of
    the issued form's row `like`, its labels' fonts and alignment, and the lines to sign on
    (a bottom border), where its labels stand where the issued form has them: the copy of an
    .ods had its title drawn over the 部门 line and no line to sign on (clerk trial 122)."""
    labels = [c for c in range(1, last + 1) if isinstance(issued.style_of(like, c).value, str)]
    if any(ws.cell(row, c).value != issued.style_of(like, c).value for c in labels[1:]):
        return  # (the first may hold more: 填报说明 with this round's date)
    height = issued.sheet.row_dimensions[like].height
    if height and height > (ws.row_dimensions[row].height or 0):
        ws.row_dimensions[row].height = height
    for c in range(1, last + 1):
        model, cell = issued.style_of(like, c), ws.cell(row, c)
        if c in labels:
            cell.font = copy(model.font)
        if c in labels or model.alignment.horizontal:  # (a date's pushed right, trial 122)
            cell.alignment = copy(model.alignment)
        if model.border.bottom is not None and model.border.bottom.style:
            cell.border = copy(model.border)


def _one_page_wide(ws: Worksheet, orientation: str | None, paper: int | str | None) -> None:
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = paper
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _title_lines_across(ws: Worksheet, header_row: int, last_column: int) -> None:
    """The lines above the table header as the issued form has them: a line of one text
    (the title, 填报说明) across the table when nothing else is on it and the file merged
    nothing there, wrapped in its merged range, its row as tall as its text. Unwrapped, a
    long 填报说明 runs on past the table and the page is scaled down to take it in."""
    spans = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    for r in range(1, header_row + 1):
        texts = [c for c in ws[r] if isinstance(c.value, str) and not isinstance(c, MergedCell)]
        if len(texts) == 1 and texts[0].column == 1 and (r, 1) not in spans:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=last_column)
            spans[r, 1] = next(
                m for m in ws.merged_cells.ranges if (m.min_row, m.min_col) == (r, 1)
            )
        lines = 1
        for cell in texts:
            span = spans.get((r, cell.column))
            if span is None or span.max_row != r:
                continue
            width = sum(
                ws.column_dimensions[column_letter(c - 1)].width or 8.43
                for c in range(span.min_col, span.max_col + 1)
            )
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            lines = max(lines, math.ceil(display_columns(str(cell.value)) / max(width - 1.5, 1)))
        if lines > 1:
            ws.row_dimensions[r].height = min(14 * lines + 6, MAX_ROW_HEIGHT)


@dataclass(frozen=True)
class _IssuedLayout:
    sheet: Worksheet
    widths: dict[str, float]
    """Field → the width of its column on the issued form."""
    header_row: int
    """The issued form's table header row (1-based)."""
    footer_row: int
    """The issued form's 上报人 line (1-based)."""

    def style_of(self, row: int, col: int) -> Cell:
        return self.sheet.cell(row, col)


@functools.cache
def _issued_layout() -> _IssuedLayout:
    ws = load_workbook(template_path(FORM_TEMPLATE))[FORM_SHEET]
    rows = [[c.value for c in row] for row in ws.iter_rows(max_row=HEADER_SEARCH_ROWS)]
    header = find_header(rows)
    assert header is not None, "the packaged form has its header"
    widths = {
        field: ws.column_dimensions[column_letter(col)].width
        for field, col in header.columns.items()
    }
    footer = next(
        r
        for r in range(header.row + 2, ws.max_row + 1)
        if any(isinstance(c.value, str) and match_label(c.value, FOOTER_LABELS) for c in ws[r])
    )
    return _IssuedLayout(ws, widths, header.row + 1, footer)


PHOTOS_KEPT = (
    "原表中粘贴在隐患所在行的照片已收入全校隐患台账的佐证材料（本副本中不再显示）；"
    "修改后重新报送时无需再次粘贴这些照片"
)
PHOTOS_PARTLY_KEPT = (
    "原表中粘贴在隐患所在行的照片，除以上未能读取的图片外，已收入全校隐患台账的佐证材料（本副本中"
    "不再显示）；修改后重新报送时只需把未能读取的照片重新粘贴到对应隐患所在行"
)
"""PHOTOS_KEPT of a return some pictures of which were skipped (it said all were received,
3 of 4 skipped: clerk trial 152)."""
PHOTOS_NOT_KEPT = "不在隐患所在行的照片没有收入（见上），请粘贴到对应隐患所在行后一并报送"
PHOTO_STILL_KEPT = (
    "标为“照片重复使用”的照片也已收存（本副本中看不到）：在本副本中这一行粘贴这项隐患自己的整改照片，"
    "即替换那一张；也可以在贵部门留存的原表中删去这张照片、粘贴自己的整改照片后报送原表"
)
"""Said in a copy of a return told 照片重复使用: the photo is not in the copy to be taken
out (clerk trial 74); a photo pasted on that row of the copy replaces it (trial 101, and
another department's photo too: trial 178 AE2, where this said it would only be added,
the follow-up form that it replaces it)."""
_KEEP_PAGE = "（本页可不删，打印签字时不必打印本页）"
_OTHER_ROWS = "其他各行整改有了进展的（已完成的填写销号时间），请一并更新"
RESEND = (
    f"改正以上各处后，请把表头“日期”改为重新报送当天的日期，保存后报送{_KEEP_PAGE}；{_OTHER_ROWS}"
)
"""The last line of every 退回修改说明: a corrected copy sent with its first 日期 was told
its 销号时间 was after the form's date, one more round trip (clerk trial 52); the rows
done since sent as they were, then 已完成 the next day, drew 销号时间早于旧版本 (the copy
asked for the 日期 alone: clerk trial 234 CH11); the page itself need not be printed with
the form to sign (it listed errors mended on the paper copy: clerk trial 237 CK8)."""
RESEND_FIRST_DATE = (
    f"改正以上各处后保存报送{_KEEP_PAGE}：表头“日期”请填这份表当初填报的日期，不要改为重新报送当天；"
    + _OTHER_ROWS
)
"""The last line when the 日期 could not be read and the day the return came is not known:
the 日期 mended to the day of the resend left it unknown for good (clerk trial 237 CK2,
CK3: the copy asked for one day in its first line, another in its last)."""
RESEND_IF_NEEDED = (
    "以上都是警告，请逐项核对：需要补充或改正的，改正后把表头“日期”改为重新报送当天的日期，保存后"
    f"报送{_KEEP_PAGE}，其他各行整改有了进展的请一并更新；核对无误、无需改动的，不必重新报送"
)
"""A copy with warnings only: a department told to correct and resend what needs no
correcting (10 copies of 11 for 检查内容 left blank read as 10 returns refused: trial 83)."""
RESEND_WARNINGS = frozenset(
    {
        Code.REVIEW_FAILED,
        Code.MISSING_PHOTO,
        Code.VANISHED_HAZARD,
        Code.REOPENED_IN_NEW_VERSION,
        Code.ASSIGNMENT_STILL_THERE,
        Code.SPLIT_RETURN,
        Code.DEADLINE_PUT_OFF,
    }
)
"""Warnings that ask for work and a new return whatever the department finds: a failed
review (told it need not resend: clerk trial 89), a photo missing, a hazard dropped, one
closed and found still there by an inspection (trial 114), a return sent as several files
to be sent as one (told it need not: trial 129), a deadline put off without its reason
(remind asked for it, the copy said no need: trial 140)."""


def to_resend(problems: Sequence[Problem]) -> bool:
    """Whether a copy of these problems asks for the return to be sent again: an error, a
    warning that asks for work (`RESEND_WARNINGS`), or one whose words ask for it again
    (three hazards in one row, 请每条隐患各填一行后重新报送: told it need not, trial 92)."""
    return any(
        p.severity is Severity.ERROR or p.code in RESEND_WARNINGS or "重新报送" in p.message
        for p in problems
    )


def _reading_order(problem: Problem) -> tuple[int, int, int]:
    """Whole-sheet problems first, then row by row, left to right (problems found after
    reading, about 编号 or 复查, came last whatever their row)."""
    return (
        problem.row is not None,
        problem.row or 0,
        column_of(problem.cell),
    )


def _clear_earlier_marks(workbook: Workbook, receiver: str) -> None:
    """A corrected copy sent back is marked afresh: the earlier copy's 退回修改说明 sheet
    goes, and so do its marks (a comment of `receiver`'s saying 【错误】 or 【警告】, and the
    fill under it), mended or not — what still is wrong is marked again. LibreOffice saves
    a comment without its author, and gives a row inserted under a marked one its fill:
    in a copy of ours (its 退回修改说明 there) every cell of our fills is cleared, and a
    comment of no author saying 【错误】 or 【警告】 is ours (clerk trial 52: a mended cell
    stayed red with the old comment)."""
    copy_of_ours = SUMMARY_SHEET in workbook.sheetnames
    if copy_of_ours:
        workbook.remove(workbook[SUMMARY_SHEET])
    ours = {ERROR_FILL.fgColor.rgb, WARNING_FILL.fgColor.rgb}
    for ws in workbook.worksheets:
        kept = ConditionalFormattingList()
        for formatting in ws.conditional_formatting:
            for rule in formatting.rules:
                if not _marks(rule, ours):
                    kept.add(str(formatting.sqref), rule)
        ws.conditional_formatting = kept
        for row in ws.iter_rows():
            for cell in row:
                comment = cell.comment
                if (
                    comment is not None
                    and (comment.author or "").strip() in (receiver, "")
                    and comment.text.startswith(("【错误】", "【警告】"))
                ):
                    cell.comment = None
                elif comment is not None or not copy_of_ours:
                    continue
                if cell.fill.fgColor.rgb in ours:
                    cell.fill = PatternFill()


def _marks(rule: Rule, fills: set[str]) -> bool:
    """Whether a conditional format is one of our marks (`_mark`): filled in its colour."""
    fill = rule.dxf.fill if rule.dxf is not None else None
    return fill is not None and bool({fill.fgColor.rgb, fill.bgColor.rgb} & fills)


def _mark(ws: Worksheet, cell: Cell, error: bool) -> None:
    """Fill `cell` (and the cells merged with it) red for an error, yellow for a warning,
    while it holds what it held when marked: a conditional format, so the department's
    correction takes the fill away (the corrected return printed its mended 日期 in red:
    clerk trial 234 CH7). A value no formula can name (a formula's) is filled as such."""
    fill = ERROR_FILL if error else WARNING_FILL
    condition = _still(cell)
    if condition is None:
        cell.fill = fill
        return
    area = next((str(m) for m in ws.merged_cells.ranges if cell.coordinate in m), cell.coordinate)
    color = fill.fgColor.rgb
    shown = PatternFill("solid", fgColor=color, bgColor=color)  # (a format's fill is its bg)
    if _painted(cell):  # hatched in the frame's colour over it (Excel and WPS draw the
        # hatching, LibreOffice a darker blend of the two): a warning on a row the
        # department painted yellow was the yellow of the row (clerk trials 229 CC7, 237 CK7)
        shown = PatternFill("lightTrellis", fgColor=_FRAMES[error], bgColor=color)
    side = Side("thin", color=_FRAMES[error])
    framed = Border(left=side, right=side, top=side, bottom=side)
    ws.conditional_formatting.add(area, FormulaRule(formula=[condition], fill=shown, border=framed))


_FRAMES = {True: "FFC00000", False: "FFC65911"}
"""The frame of an error's mark (dark red) and of a warning's (dark orange), and the
hatching of a mark on a cell the department filled with a colour."""
_UNPAINTED = frozenset({"FFFFFFFF", "00FFFFFF", "00000000"})


def _painted(cell: Cell) -> bool:
    """Whether the department gave `cell` a fill of its own (white is none; a theme's
    colour other than its background counts, its shade unknown here)."""
    fill = cell.fill
    if fill is None or fill.fill_type in (None, "none"):
        return False
    color = fill.fgColor
    if color.type == "rgb":
        return str(color.rgb) not in _UNPAINTED
    if color.type == "theme":
        return not (color.theme == 0 and (color.tint or 0) > -0.05)  # 0: the background
    return color.type == "indexed" and color.indexed not in (1, 9, 64)  # 1, 9: white


_NAMED_AT_MOST = 100
"""Characters of a text a mark's condition compares (with the text's length): a formula's
text is at most 255 characters."""


def _still(cell: Cell) -> str | None:
    """A formula true while `cell` holds its value now (None when there is none)."""
    ref = f"${cell.column_letter}${cell.row}"
    value = cell.value
    if value is None or isinstance(value, str) and not value.strip():
        return f"LEN(TRIM({ref}))=0"
    if isinstance(value, bool):
        return f"{ref}={str(value).upper()}"
    if isinstance(value, int | float) and math.isfinite(value):
        return f"AND(ISNUMBER({ref}),{ref}={value!r})"
    if isinstance(value, datetime | date):
        return f"AND(ISNUMBER({ref}),ABS({ref}-{to_excel(value)!r})<0.00001)"
    if isinstance(value, str) and not value.startswith("="):
        shown = re.split(r"[\x00-\x1f]", value, maxsplit=1)[0][:_NAMED_AT_MOST]
        typed = shown.replace('"', '""')
        return (
            f'AND(LEN({ref})={_units(value)},LEFT({ref},{_units(shown)})="{typed}")'
            if shown
            else f"LEN({ref})={_units(value)}"
        )
    return None


def _units(text: str) -> int:
    """The length of `text` as a spreadsheet counts it (in UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def marked_copy(
    source: ReturnFile,
    problems: Sequence[Problem],
    with_photos: bool = False,
    department: str = "",
    receiver: str = "安全保卫处",
    picture_cells: Sequence[tuple[str, int, int]] = (),
    hazard_rows: Sequence[tuple[str, int]] = (),
    added: Sequence[AddedRow] = (),
) -> tuple[Workbook, int]:
    """The return as a workbook with its problem cells filled and commented (by `receiver`;
    the photos it held are not copied, and the `picture_cells` that stood for them are
    blank: `with_photos` says so on the copy), a first sheet listing the problems under a
    title naming `department` and the file; the hazards' rows (`hazard_rows`: sheet, row)
    it hid shown again; the rows `added` written in."""
    workbook = _open_as_xlsx(source)
    _clear_earlier_marks(workbook, receiver)
    for sheet, r, values in added:
        if sheet in workbook.sheetnames:
            for letter, value in values.items():
                cell = workbook[sheet][f"{letter}{r}"]
                if not isinstance(cell, MergedCell):
                    cell.value = value
                    if isinstance(value, date):
                        cell.number_format = DATE_FORMAT
            hazard_rows = [*hazard_rows, (sheet, r)]
    for sheet, r, c in picture_cells:
        if sheet in workbook.sheetnames:
            cell = workbook[sheet].cell(r + 1, c + 1)
            if not isinstance(cell, MergedCell):
                cell.value = None
    # each cell's problems together: those of a merged cell on its top-left cell, as many
    # as there are (one on G9 of F9:G9 took the place of F9's own: clerk trial 59)
    notes: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        if problem.sheet in workbook.sheetnames and problem.cell:
            ws = workbook[problem.sheet]
            ref = problem.cell
            if isinstance(ws[ref], MergedCell):
                merged = next(m for m in ws.merged_cells.ranges if ref in m)
                ref = ws.cell(merged.min_row, merged.min_col).coordinate
            notes.setdefault((problem.sheet, ref), []).append(problem)
    for problem in problems:  # shown again, each marked (hidden, unmarked: clerk trial 131)
        if problem.code is Code.HIDDEN_ROWS and problem.sheet in workbook.sheetnames:
            hidden = {r for sheet, r in hazard_rows if sheet == problem.sheet}
            for ref in _shown_again(workbook[problem.sheet], hidden):
                notes.setdefault((problem.sheet, ref), []).append(problem)
    for (sheet, ref), here in notes.items():
        ws = workbook[sheet]
        cell = ws[ref]
        _mark(ws, cell, any(p.severity is Severity.ERROR for p in here))
        text = "\n".join(f"【{p.severity.value}】{p.message}" for p in here)
        cell.comment = Comment(text, receiver, width=300, height=120)
        # locked or not as the department's file has it: what it filled in is open (as
        # issued), an assigned problem's 编号 and the header are not (marking opened them
        # to typing over: clerk trial 67)
        if not any(m.min_row <= cell.row <= m.max_row for m in ws.merged_cells.ranges):
            fit_row_height(ws, cell.row)  # a marked table row's text shown whole, to correct
    for sheet, r in hazard_rows:  # each row's text shown whole, and room to correct it
        # (rows not marked kept the height of a line or two: clerk trial 149)
        if sheet in workbook.sheetnames:
            fit_row_height(workbook[sheet], r)
            let_grow(workbook[sheet], [r])
    for ws in workbook.worksheets:
        _page_numbers_whole(ws)
    summary = workbook.create_sheet(SUMMARY_SHEET, 0)
    rows = [
        [n, p.severity.value, p.where or "（整张表）", p.field, p.value, p.message]
        for n, p in enumerate(problems, start=1)
    ]
    if with_photos:
        skipped = any(p.code is Code.PICTURE_SKIPPED for p in problems)
        kept = PHOTOS_PARTLY_KEPT if skipped else PHOTOS_KEPT
        rows.append([len(rows) + 1, "提示", "（照片）", "", "", kept])
    if any(p.code is Code.PHOTO_NOT_ON_HAZARD for p in problems):
        rows.append([len(rows) + 1, "提示", "（照片）", "", "", PHOTOS_NOT_KEPT])
    if any(p.code is Code.PHOTO_REUSED for p in problems):
        rows.append([len(rows) + 1, "提示", "（照片）", "", "", PHOTO_STILL_KEPT])
    resend = RESEND if to_resend(problems) else RESEND_IF_NEEDED
    if any(p.code is Code.BAD_DATE and p.variant.endswith("_pending") for p in problems):
        resend = RESEND_FIRST_DATE
    rows.append([len(rows) + 1, "提示", "（表头日期）", "", "", resend])
    who = f"{department}：" if department else ""
    write_table(
        summary,
        [
            ("序号", 6),
            ("严重程度", 10),
            ("位置", 18),
            ("字段", 14),
            ("填写内容", 24),
            ("需要修改的内容", 70),
        ],
        rows,
        title=f"退回修改说明（{who}{source.readable_name}）",
    )
    summary.sheet_properties.tabColor = "FF0000"
    for ws in workbook.worksheets:
        ws.sheet_view.tabSelected = ws is summary
    workbook.active = 0
    return workbook, len(notes)
