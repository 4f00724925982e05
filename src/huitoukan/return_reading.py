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
from huitoukan.dates import DateNotUnderstood, parse_date
from huitoukan.form_layout import (
    FOOTER_LABELS,
    HEADER_LABELS,
    HeaderMatch,
    Label,
    find_header,
    match_label,
    says_nothing_found,
)
from huitoukan.models import CheckedItem, Problem, ReturnForm, Severity
from huitoukan.row_validation import RowCells, RowChecker, cell_text
from huitoukan.sniffing import Format
from huitoukan.text import CONTROL_CHARACTERS, normalize_key
from huitoukan.workbook_reading import SheetGrid, UnreadableWorkbook, read_file, read_workbook
from huitoukan.xlsx_writer import column_letter


@dataclass
class LabelValue:
    text: str
    value: object
    label_ref: str
    value_ref: str


@dataclass
class FormSheet:
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
        form.problems.append(
            Problem(
                severity=Severity.WARNING,
                code="wps-et",
                file=display,
                message="文件为 WPS 表格（.et）格式，已读取；今后请另存为 .xlsx 报送",
            )
        )
    forms: list[FormSheet] = []
    for grid in content.sheets:
        header = find_header(grid.rows)
        if header is None:
            continue
        if not grid.visible:
            form.problems.append(
                Problem(
                    severity=Severity.WARNING,
                    code="hidden-sheet",
                    file=display,
                    sheet=grid.name,
                    message=f"隐藏的工作表“{grid.name}”中也有自查整改清单，未汇总；"
                    "如需报送请取消隐藏并合并到主表",
                )
            )
            continue
        forms.append(FormSheet(grid, header, _footer_row(grid.rows, header)))
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
    _identify_department(form, path, labels, campaign, main.grid.name)
    _read_header_fields(form, labels, campaign, main.grid.name)
    for sheet in forms:
        _read_rows(form, sheet, campaign)
        form.problems.extend(
            Problem(
                severity=Severity.ERROR,
                code="formula-without-value",
                file=display,
                sheet=sheet.grid.name,
                cell=cell,
                message="这个单元格是公式，但文件中没有保存计算结果，请用 Excel 打开并保存后重新报送",
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


def _identify_department(
    form: ReturnForm, path: Path, labels: dict[str, LabelValue], campaign: Campaign, sheet: str
) -> None:
    entry = labels.get("department")
    typed = cell_text(entry.value) if entry else ""
    by_header = campaign.find_unit(typed) if typed else None
    by_name = campaign.find_unit(path.stem)
    form.department_text = typed
    if by_header and by_name and by_header != by_name:
        form.problems.append(
            Problem(
                severity=Severity.WARNING,
                code="department-mismatch",
                file=form.file,
                sheet=sheet,
                cell=entry.value_ref if entry else "",
                field="部门（章）",
                value=typed,
                message=f"表头部门为“{by_header.name}”，但文件名指向“{by_name.name}”，已按表头计入，请核对",
                department=by_header.name,
            )
        )
    unit = by_header or by_name
    if unit is not None:
        form.department = unit.name
        return
    form.problems.append(
        Problem(
            severity=Severity.ERROR,
            code="unknown-department",
            file=form.file,
            sheet=sheet,
            cell=entry.value_ref if entry else "",
            field="部门（章）",
            value=typed,
            message="无法识别报送部门：请在表头“部门（章）”中填写本部门全称"
            if not typed
            else f"部门“{typed}”不在本次活动的部门名单中，请填写部门全称或在 campaign.toml 中添加别名",
        )
    )


def _read_header_fields(
    form: ReturnForm, labels: dict[str, LabelValue], campaign: Campaign, sheet: str
) -> None:
    def problem(severity: Severity, code: str, key: str, message: str) -> None:
        entry = labels.get(key)
        form.problems.append(
            Problem(
                severity=severity,
                code=code,
                file=form.file,
                sheet=sheet,
                cell=entry.value_ref if entry else "",
                field=entry.text if entry else key,
                value=cell_text(entry.value) if entry else "",
                message=message,
                department=form.department,
            )
        )

    head = labels.get("head")
    form.head = cell_text(head.value) if head else ""
    if not form.head:
        problem(
            Severity.ERROR,
            "missing-head",
            "head",
            "没有填写主要负责人：自查整改清单须经部门主要负责人签字，请补充",
        )
    form.reporter = cell_text(labels["reporter"].value) if "reporter" in labels else ""
    form.phone = cell_text(labels["phone"].value) if "phone" in labels else ""
    if not form.reporter or not form.phone:
        problem(
            Severity.WARNING,
            "missing-reporter",
            "reporter" if not form.reporter else "phone",
            "没有填写上报人或联系方式，请补充，便于核实情况",
        )
    entry = labels.get("form_date")
    raw = entry.value if entry else None
    try:
        form.form_date = parse_date(_date_text(raw), campaign.info.issued_on)
    except DateNotUnderstood:
        problem(
            Severity.ERROR,
            "bad-date",
            "form_date",
            f"表头日期“{cell_text(raw)}”无法识别，请写成 2023年12月14日",
        )
        return
    if form.form_date is None:
        problem(
            Severity.WARNING,
            "missing-form-date",
            "form_date",
            "表头没有填写日期，无法判断是否按时报送，请补充",
        )
    elif form.form_date > campaign.info.returns_due:
        due = campaign.info.returns_due
        late = (form.form_date - due).days
        problem(
            Severity.WARNING,
            "late-return",
            "form_date",
            f"逾期报送：表头日期 {form.form_date} 晚于报送截止日期 {due}（逾期 {late} 天）",
        )


def _date_text(value: object) -> object:
    """The template's `____年__月__日` line, filled in by hand, becomes plain text."""
    if isinstance(value, str):
        return value.replace("_", "").replace(" ", "").replace("\u3000", "")
    return value


def _read_rows(form: ReturnForm, sheet: FormSheet, campaign: Campaign) -> None:
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
                Problem(
                    severity=Severity.WARNING,
                    code="control-characters",
                    file=form.file,
                    sheet=sheet.grid.name,
                    cell=raw.ref(name),
                    value=raw.texts[name],
                    message="单元格中含有不可见的控制字符，已删除；请核对内容是否完整",
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
