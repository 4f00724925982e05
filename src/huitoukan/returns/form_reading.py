"""Reading one returned 附件2 workbook into a `ReturnForm`.

The form is found by its header row on any visible sheet; columns by name in any
order; header fields (部门, 主要负责人, 日期) from the lines above the table and
footer fields (上报人, 联系方式) from below it. Every row with content is kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from huitoukan.campaign import Campaign
from huitoukan.cells import cell_text, column_letter
from huitoukan.checks.header import identify_department, read_header_fields
from huitoukan.checks.rows import RowCells, RowChecker
from huitoukan.forms.layout import (
    FOOTER_LABELS,
    HEADER_LABELS,
    HeaderMatch,
    Label,
    LabelValue,
    find_header,
    match_label,
    says_nothing_found,
)
from huitoukan.model.problems import Code, problem
from huitoukan.model.returns import CheckedItem, ReturnForm
from huitoukan.returns.sniffing import Format
from huitoukan.returns.workbooks import SheetGrid, UnreadableWorkbook, read_file, read_workbook
from huitoukan.text import CONTROL_CHARACTERS, normalize_key


@dataclass
class FoundForm:
    """A sheet of a return that holds a 附件2 table, and where the table is."""

    grid: SheetGrid
    header: HeaderMatch
    footer_row: int
    """0-based index of the first row below the table (len(rows) when there is none)."""


def read_return(path: Path, display: str, campaign: Campaign) -> ReturnForm:
    """Read, normalise and check one returned workbook. Never raises for a bad file."""
    form = ReturnForm(file=display, sha256="", modified=path.stat().st_mtime)
    try:
        data = read_file(path)  # once: for the hash and for the reader
        form.sha256 = hashlib.sha256(data).hexdigest()
        content = read_workbook(path, data=data)
    except UnreadableWorkbook as exc:
        return form.model_copy(update={"readable": False, "reason": exc.reason})
    if content.format is Format.ET:
        form.problems.append(problem(Code.WPS_ET, display))
    forms: list[FoundForm] = []
    for grid in content.sheets:
        header = find_header(grid.rows)
        if header is None:
            continue
        if not grid.visible:
            form.problems.append(problem(Code.HIDDEN_SHEET, display, sheet=grid.name))
            continue
        forms.append(FoundForm(grid, header, _footer_row(grid.rows, header)))
    if not forms:
        return form.model_copy(
            update={
                "readable": False,
                "reason": "未找到自查整改清单表头（序号、部位、存在隐患问题……），请使用下发的附件2填写",
            }
        )
    main = forms[0]
    labels = _labels(main.grid.rows[: main.header.row], 0, HEADER_LABELS)
    labels.update(_labels(main.grid.rows[main.footer_row :], main.footer_row, FOOTER_LABELS))
    form.sheet = main.grid.name
    identify_department(form, path, labels, campaign, main.grid.name)
    read_header_fields(form, labels, campaign, main.grid.name)
    for sheet in forms:
        _read_rows(form, sheet, campaign)
        form.problems.extend(
            problem(
                Code.FORMULA_WITHOUT_VALUE,
                display,
                sheet=sheet.grid.name,
                cell=cell,
                department=form.department,
            )
            for cell in sheet.grid.formulas_without_value
        )
    return form


_FOOTER_FIRST_CHARACTERS = frozenset(key[0] for label in FOOTER_LABELS for key in label.keys()) | {
    "报"
}


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
                for c2 in range(c + 1, len(row)):
                    other = row[c2]
                    if other == value:  # the label's own merged cells
                        continue
                    if _is_label(other):
                        break
                    if cell_text(other).strip("_ "):
                        entry = LabelValue(
                            label.text, other, ref, f"{column_letter(c2)}{r + offset + 1}"
                        )
                        break
            found[label.field] = entry
    return found


def _is_label(value: object) -> bool:
    """A cell that is another label (with its colon), not a value typed after ours."""
    return (
        isinstance(value, str)
        and ":" in normalize_key(value)
        and match_label(value, (*HEADER_LABELS, *FOOTER_LABELS)) is not None
    )


def _read_rows(form: ReturnForm, sheet: FoundForm, campaign: Campaign) -> None:
    """Every row of the table with content: a hazard, or an item checked with nothing found.

    This runs for every row of every return, so each cell is looked at once and cell
    references are only spelled out for a problem."""
    header = sheet.header
    rows = sheet.grid.rows
    checker = RowChecker(
        campaign=campaign,
        file=form.file,
        sheet=sheet.grid.name,
        department=form.department or form.department_text or Path(form.file).stem,
        has_deadline_column="deadline" in header.columns,
    )
    fields = list(header.columns.items())
    header_cols = set(header.columns.values())
    extra_columns = [(c, title) for c, title in header.extra.items() if c not in header_cols]
    # One object per distinct text: 检查内容, 责任人, 整改完成情况 repeat on most rows, and
    # a return of 100,000 rows would otherwise hold every copy until the register is written.
    shared: dict[str, str] = {}
    for r in range(header.row + 1, sheet.footer_row):
        row = rows[r]
        width = len(row)
        if not width:
            continue
        values: dict[str, object] = {}
        texts: dict[str, str] = {}
        controlled: list[str] = []
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
        raw = RowCells(r + 1, values, texts, header.columns)
        if extra_columns:
            raw.extras = [
                (title, text)
                for c, title in extra_columns
                if c < width and (text := cell_text(row[c]))
            ]
        for name in controlled:
            checker.problems.append(
                problem(
                    Code.CONTROL_CHARACTERS,
                    form.file,
                    sheet=sheet.grid.name,
                    cell=raw.ref(name),
                    row=raw.row,
                    value=raw.texts[name],
                    department=checker.department,
                )
            )
        if not raw.extras and not any(t for name, t in raw.texts.items() if name != "seq"):
            continue  # blank, or the template's pre-numbered empty row
        if says_nothing_found(raw.text("hazard")):
            form.checked.append(CheckedItem(item=raw.text("item"), source_row=r + 1))
            continue
        form.hazards.append(checker.hazard(raw))
    form.problems.extend(checker.problems)
