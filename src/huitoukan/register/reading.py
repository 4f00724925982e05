"""Reading a register written by `collect` back into hazards and returned departments.

`status` works from a register as well as from a folder of returns; this module
gives it the same data collect had, so both agree exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from huitoukan.cells import cell_text
from huitoukan.errors import InputError
from huitoukan.model.documents import MAKER
from huitoukan.model.returns import COVERED, NOT_TAKEN, FileOutcome, HazardRow
from huitoukan.register.layout import (
    BEFORE_ONLY,
    FILE_DEPARTMENT,
    FILE_FORM_DATE,
    FILE_NAME,
    FILE_OUTCOME,
    FILES_SHEET,
    HAZARD_SHEET,
    NUMBER_HEADER,
    PHOTOS_HEADER,
    SUMMARY_DEPARTMENT,
    SUMMARY_FIRST_RETURN,
    SUMMARY_SHEET,
    hazard_from_cells,
    read_date,
)
from huitoukan.register.record import (
    Coverage,
    RegisterState,
    hand_edited,
    last_written_state,
    recorded_coverage,
    recorded_state,
    written_coverage,
)
from huitoukan.returns.workbooks import SheetGrid, UnreadableWorkbook, read_workbook


def is_register(path: Path) -> bool:
    try:
        return HAZARD_SHEET in read_workbook(path, only=(), inspect=False).sheet_names
    except UnreadableWorkbook:
        return False


def _table(sheets: list[SheetGrid], name: str, path: Path) -> list[dict[str, object]]:
    grid = next((s for s in sheets if s.name == name), None)
    if grid is None or not grid.rows:
        raise InputError(
            f"{path} 中没有“{name}”工作表：请指定 huitoukan collect 生成的全校隐患台账"
        )
    # the header row starts with 序号; a title line stands above it since registers print one
    first = next(
        (i for i, row in enumerate(grid.rows[: TITLE_ROWS_AT_MOST + 1]) if _is_header(row)), 0
    )
    header = [cell_text(v) for v in grid.rows[first]]
    return [
        dict(zip(header, row, strict=False))
        for row in grid.rows[first + 1 :]
        if any(v != "" for v in row)
    ]


TITLE_ROWS_AT_MOST = 3


def _is_header(row: Sequence[object]) -> bool:
    return bool(row) and cell_text(row[0]) == NUMBER_HEADER


def read_register(path: Path) -> RegisterState:
    """The register's hazards and returns: from the record huitoukan kept when it wrote the
    register, if the file is unchanged since; read from its sheets otherwise, with what the
    sheets do not hold taken from what collect last wrote there."""
    recorded = recorded_state(path)
    if recorded is not None:
        return recorded
    return _from_sheets(path, last_written_state(path))


def _from_sheets(path: Path, written: RegisterState | None) -> RegisterState:
    """The register at `path` read from its sheets, given what collect `written` there
    last: that, whole, when the sheets still say it (saved again unchanged, or sorted)."""
    state = read_register_sheets(path)
    if written is None:
        return state
    state = _with_unwritten(state, written)
    return written if _what_it_says(state) == _what_it_says(written) else state


_KEPT_FROM_COLLECT = (
    "photos",
    "before_photos",
    "before_photos_only",
    "photos_unread",
    "photos_of_others",
    "photo_hint",
    "unlisted_on",
    "closing_flaw",
    "put_off_from",
    "id_name",
    "answered_as",
    "as_sent",
    "due_from",
    "given_back",
    "passed_before",
    "review_signed",
    "received_late",
    "errors_said",  # (a 整改时限 typed 长期: `HazardRow.long_standing`)
)
"""What collect knew of a hazard that no sheet of the register gives back, and no one
changes there: taken from what collect wrote last, by 隐患编号. Without them a register
saved again unchanged was said to be changed by hand (why a 销号时间 was not taken, the
name the hazard's 编号 was made with: clerk trial 134; the problem an answer was sent for,
its 问题来源 kept: trial 136)."""


def _with_unwritten(state: RegisterState, written: RegisterState) -> RegisterState:
    """`state` read from the sheets of a register changed by hand, given what collect
    wrote there last: the assigned problems it was made against, the files it was made
    of, and what no sheet shows of each hazard (`_KEPT_FROM_COLLECT`, by 隐患编号). A
    person can change none of these in the sheets; without them status would drop the
    交办问题, report the photos, and 追责核查 take a doubtful 检查时间 at its word."""
    kept: dict[str, HazardRow] = {}
    for hazard in written.hazards:
        kept.setdefault(hazard.hazard_id, hazard)
    hazards = []
    for hazard in state.hazards:
        was = kept.get(hazard.hazard_id)
        if was is not None:
            hazard = hazard._replace(**{f: getattr(was, f) for f in _KEPT_FROM_COLLECT})
            if hazard.kept_id == hazard.own_id:
                hazard = hazard._replace(kept_id="")
        hazards.append(hazard)
    return state.model_copy(
        update={
            "hazards": hazards,
            "findings": written.findings,
            "mentions": written.mentions,
            "handed_over": written.handed_over,
            "handed_written": written.handed_written,
            "away": written.away,
            "deadlines_before": written.deadlines_before,
            "sources": written.sources,
            "signed": written.signed,
            "campaign": state.campaign or written.campaign,
        }
    )


_NOT_ON_THE_SHEETS = frozenset({"history", "progress_text", "keyed_as"})
"""What a register's sheets do not give back as collect had it (the versions a hazard went
through, 整改完成情况 as typed beside what it was read as)."""


def changed_by_hand(register: Path) -> bool:
    """`register` was written by collect, and what its sheets say is no longer what collect
    wrote: a hazard or a return changed, added or deleted by hand. Opened and saved again
    unchanged, or only sorted, its bytes differ but not what it says (it was said to be
    changed by hand: clerk trial 107)."""
    if not hand_edited(register):
        return False
    written = last_written_state(register)
    try:
        return written is None or _from_sheets(register, written) is not written
    except InputError:
        return True


def trusted_coverage(register: Path, edited: bool | None = None) -> Coverage | None:
    """What `register` covers as collect recorded it: when it is unchanged since, or saved
    again unchanged (its bytes differ, not what it says: `changed_by_hand`, or `edited`
    when the caller asked already — it reads the whole register). A register opened and
    saved in LibreOffice lost what it alone knew — the days the list's problems changed
    hands, the ones it withdrew (clerk trial 137)."""
    recorded = recorded_coverage(register)
    if recorded is not None or not hand_edited(register):
        return recorded
    if changed_by_hand(register) if edited is None else edited:
        return None
    return written_coverage(register)


def _what_it_says(state: RegisterState) -> tuple[object, ...]:
    fields = [f for f in HazardRow._fields if f not in _NOT_ON_THE_SHEETS]
    hazards = sorted(repr(tuple(getattr(h, f) for f in fields)) for h in state.hazards)
    return hazards, state.returned, state.sent, state.unreadable


def register_coverage(path: Path) -> Coverage | None:
    """What an existing register covers: from its record, else from its sheets; None when
    it cannot be read as a register (then nothing can be compared)."""
    recorded = recorded_coverage(path)
    if recorded is not None:
        return recorded
    try:
        return Coverage.of(read_register_sheets(path))
    except InputError:
        return None


def read_register_sheets(path: Path) -> RegisterState:
    try:
        content = read_workbook(path, only=(HAZARD_SHEET, FILES_SHEET, SUMMARY_SHEET))
        sheets = content.sheets
    except UnreadableWorkbook as exc:
        raise InputError(f"无法读取台账 {path}：{exc.reason}") from None
    try:
        hazard_rows = _table(sheets, HAZARD_SHEET, path)
        hazards = [hazard_from_cells(row) for row in hazard_rows]
        photos_shown = sum(_count(row.get(PHOTOS_HEADER)) for row in hazard_rows)
        files = _table(sheets, FILES_SHEET, path)
        returned: dict[str, date | None] = {
            cell_text(row.get(FILE_DEPARTMENT)): None
            for row in files
            if cell_text(row.get(FILE_OUTCOME)) == FileOutcome.USED.value
        }
        dated = [
            (cell_text(r.get(FILE_DEPARTMENT)), read_date(r.get(FILE_FORM_DATE))) for r in files
        ]
        dated += _first_returns(sheets, path).items()  # a first return written over since
        latest: dict[str, date] = {}
        sent: dict[str, set[date]] = {}
        for department, day in dated:
            if department in returned and day is not None:
                earliest = returned[department]
                returned[department] = day if earliest is None else min(earliest, day)
                latest[department] = max(latest.get(department, day), day)
                sent.setdefault(department, set()).add(day)
        unreadable: dict[str, str] = {}
        for row in files:
            department = cell_text(row.get(FILE_DEPARTMENT))
            outcome = cell_text(row.get(FILE_OUTCOME))
            if outcome in NOT_TAKEN and department not in ("", *returned):
                unreadable.setdefault(department, cell_text(row.get(FILE_NAME)))
    except ValueError as exc:
        raise InputError(
            f"台账 {path} 的内容被改动过，无法读取（{exc}）；请重新运行 collect"
        ) from None
    covered = {o.value for o in COVERED}
    files_read = sum(cell_text(row.get(FILE_OUTCOME)) in covered for row in files)
    made_for = content.made.subject if content.made.creator == MAKER else ""
    return RegisterState.model_construct(
        hazards=hazards,
        returned=returned,
        files=files_read,
        campaign=made_for,
        unreadable=unreadable,
        latest=latest,
        sent={department: sorted(days) for department, days in sent.items()},
        photos_shown=photos_shown,
    )


def _count(value: object) -> int:
    """A 照片 cell's count (1（仅整改前）: 1; 0 for anything else: a cell edited by hand)."""
    text = cell_text(value).removesuffix(BEFORE_ONLY)
    try:
        return max(int(text or 0), 0)
    except ValueError:
        return 0


def _first_returns(sheets: list[SheetGrid], path: Path) -> dict[str, date]:
    """Each department's 首次报送日期 as the 汇总 shows it: the 报送记录 lists the files
    there now, and a first return written over since is in the summary alone."""
    if not any(s.name == SUMMARY_SHEET for s in sheets):
        return {}
    found: dict[str, date] = {}
    for row in _table(sheets, SUMMARY_SHEET, path):
        number = cell_text(row.get(NUMBER_HEADER))
        if number == NUMBER_HEADER:
            continue  # the header again, at the top of a printed page
        if not number.isdigit():
            break  # 合计, then the tables of assigned problems
        department = cell_text(row.get(SUMMARY_DEPARTMENT))
        try:
            day = read_date(row.get(SUMMARY_FIRST_RETURN))
        except ValueError:  # a summary edited by hand: the 报送记录 says as much
            continue
        if department and day is not None:
            found.setdefault(department, day)
    return found
