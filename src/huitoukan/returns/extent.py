"""How much of a sheet really holds something, and which formulas have no saved value.

A reader allocates the rectangle from the first to the last cell that holds a value:
one valued cell at XFD1048576 asks for 17 billion cells and aborts the interpreter.
This module establishes that rectangle before any reader sees the sheet, and fails
closed: whatever it cannot establish for certain is refused.

Worksheets (.xlsx) are scanned two ways:
- a fast pass of regular expressions, used only for XML in the shape every office
  suite writes (no namespace prefix on the sheet's elements, double-quoted
  attributes, every row and cell with an `r` reference, no character references).
  It over-counts (styled empty cells count too), so it can only refuse too much;
- otherwise, or when the fast pass finds a sheet too large or a formula, a streaming,
  namespace-aware XML parse that follows the sheet as a reader does: prefixes, either
  quote, whitespace, character references, rows and cells without a reference (their
  position implied by order), and only cells that hold something.
OpenDocument content (.ods) is parsed the same careful way, with repeated rows and
cells (`number-rows-repeated`, `number-columns-repeated`) counted as repeated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

from huitoukan.cells import cell_ref

MAX_CELLS = 5_000_000
"""The largest rectangle (rows × columns) of valued cells a sheet may span: a form of
100,000 rows spans 1.1 million."""


class SheetRefused(Exception):
    """The sheet cannot be read safely; `reason` is one Chinese line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class SheetFacts:
    rows: int = 0
    columns: int = 0
    formulas_without_value: list[str] = field(default_factory=list)
    """Cells (A1) holding a formula saved without its computed value."""
    todays: dict[str, str] = field(default_factory=dict)
    """Cells (A1) whose formula gives the day it is computed (TODAY(), NOW(), or a cell
    that does): its text."""
    errors: dict[str, str] = field(default_factory=dict)
    """Cells (A1) holding an error value (#REF!, #NAME?…), which readers give as blank."""


TODAY_FORMULA = re.compile(r"\b(?:TODAY|NOW)\s*\(", re.IGNORECASE)
"""A formula giving the day it is computed: its value is whatever day the file was last
opened (and saved), not a day anyone wrote down."""


def _too_large(rows: int, columns: int) -> bool:
    return rows * columns > MAX_CELLS


# --- .xlsx worksheets ---------------------------------------------------------------------

_NOT_CANONICAL = (
    re.compile(rb"=\s*'"),  # a single-quoted attribute
    re.compile(rb"&#"),  # a character reference
    re.compile(rb"<[A-Za-z_][\w.\-]*:(?:worksheet|sheetData|row|c|v|f|is)[\s/>]"),  # prefixed
)
"""Shapes the quick pass does not read, each searched on its own: one expression with
them all as alternatives takes five times as long on a big sheet."""
_ATTRIBUTE_R = (
    re.compile(rb"r(?:\s+=|=\s)"),  # whitespace around a reference's =
    re.compile(rb'r="(?![A-Z]{0,3}[1-9]\d{0,6}")'),  # a reference of another shape
)
"""Shapes of an attribute named r the quick pass does not read: where the r follows
whitespace (these start with the letter, and the whitespace before it is looked at for
each match: a pattern starting with \\s tries every space of the sheet, five times as long)."""
_PREFIXED_R = re.compile(rb":r\s*=")
_WHITESPACE = frozenset(b" \t\r\n")


def _not_canonical(xml: bytes) -> bool:
    if any(pattern.search(xml) for pattern in _NOT_CANONICAL):
        return True
    for pattern in _ATTRIBUTE_R:
        if any(m.start() and xml[m.start() - 1] in _WHITESPACE for m in pattern.finditer(xml)):
            return True
    # a prefixed attribute named r; xmlns:r, the relationships namespace's declaration that
    # every saved worksheet carries, is not one
    return any(xml[m.start() - 5 : m.start()] != b"xmlns" for m in _PREFIXED_R.finditer(xml))


_CELL_WITHOUT_REF = re.compile(rb'<c(?:/?>|[ \t\r\n](?![^>]*?\br=")[^>]*>)')
_ROW_WITHOUT_REF = re.compile(rb'<row(?:/?>|[ \t\r\n](?![^>]*?\br=")[^>]*>)')
"""A cell (row) start tag with no `r` attribute: its position is implied by order."""
_CELL_COLUMN = re.compile(rb'r="([A-Z]{1,3})\d')
"""The column letters of a cell reference (`<c r="K27"`: rows have digits only)."""


def _column_number(letters: bytes | str) -> int:
    number = 0
    for ch in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + ch - 64
    return number


def _fast_extent(xml: bytes) -> tuple[int, int] | None:
    """(rows, columns) spanned by every cell reference, styled empty cells included, or
    None when the XML is not in the shape this pass understands.

    A worksheet of 100,000 rows has a million cell references: column letters are few
    distinct objects, and row numbers are only looked at when they have as many digits
    as the smallest row that could matter."""
    if _not_canonical(xml):
        return None
    if _CELL_WITHOUT_REF.search(xml) or _ROW_WITHOUT_REF.search(xml):
        return None
    letters = set(_CELL_COLUMN.findall(xml))
    max_col = max(map(_column_number, letters), default=0)
    if not max_col:
        return 0, 0
    digits = len(str(MAX_CELLS // max_col))
    rows = re.findall(rb'r="[A-Z]{0,3}(\d{%d,})"' % digits, xml)
    return max((int(r) for r in rows), default=0), max_col


_REF = re.compile(r"([A-Z]{1,3})([1-9]\d{0,6})$")


def inspect_worksheet(xml: bytes, sheet: str) -> SheetFacts:
    """The valued extent and formulas without values of worksheet XML; SheetRefused when
    it spans more than MAX_CELLS or cannot be read as a worksheet."""
    if b"<f" not in xml and not _holds_an_error(xml):
        extent = _fast_extent(xml)
        if extent is not None and not _too_large(*extent):
            return SheetFacts(*extent)
    facts = _careful_worksheet(xml, sheet)
    if _too_large(facts.rows, facts.columns):
        raise SheetRefused(_absurd(sheet, facts.rows, facts.columns))
    return facts


_ERROR_CELL = re.compile(rb'<c\s[^>]*\bt="e"[^>]*>')


def _holds_an_error(xml: bytes) -> bool:
    """A cell holding an error value (for the careful parse to name), not counting a picture
    placed in a cell (#VALUE! with a rich value, `vm`: one return in ten has one)."""
    return b't="e"' in xml and any(b" vm=" not in m.group() for m in _ERROR_CELL.finditer(xml))


def _absurd(sheet: str, rows: int, columns: int) -> str:
    return (
        f"工作表“{sheet}”的范围异常（{rows} 行 × {columns} 列），"
        "请删除表格外多余的内容后另存为 .xlsx 重新报送"
    )


def _parser(sheet: str) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator="}")

    def refuse(*_: object) -> None:
        raise SheetRefused(f"工作表“{sheet}”含有 XML 实体声明（可能是恶意文件），已拒绝读取")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def _parse(parser: expat.XMLParserType, xml: bytes, sheet: str) -> None:
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as exc:
        raise SheetRefused(
            f"工作表“{sheet}”的内容已损坏（{expat.errors.messages[exc.code]}，第 {exc.lineno} 行），"
            "请用 Excel 或 WPS 打开后另存为 .xlsx 再重新报送"
        ) from None
    except LookupError:  # the XML declares an encoding expat does not know
        raise SheetRefused(
            f"工作表“{sheet}”声明了无法识别的文字编码，"
            "请用 Excel 或 WPS 打开后另存为 .xlsx 再重新报送"
        ) from None


def _local(name: str) -> str:
    return name.rpartition("}")[2]


@dataclass
class _Cell:
    row: int
    column: int
    valued: bool = False
    """It has a value (<v>) or inline text (<is>)."""
    formula: bool = False
    computed: bool = False
    """Its <v> holds text: the formula's saved result."""
    text: str = ""
    """Its formula's text (of a shared formula, the text of the cell that carries it)."""
    error: str | None = None
    """Its error value (#REF!…), when it holds one."""


def _careful_worksheet(xml: bytes, sheet: str) -> SheetFacts:
    facts = SheetFacts()
    row = 0
    column = 0
    cell: _Cell | None = None
    in_value = in_formula = False
    shared: dict[str, str] = {}  # a shared formula's index → its text
    formulas: dict[str, str] = {}  # the other formulas, by cell: do they use a day computed?
    shared_index = ""
    parser = _parser(sheet)

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal row, column, cell, in_value, in_formula, shared_index
        local = _local(name)
        if local == "row":
            given = attrs.get("r", "").strip()
            row = int(given) if given.isdigit() else row + 1
            column = 0
        elif local == "c":
            match = _REF.match(attrs.get("r", "").strip().upper())
            if match:
                column = _column_number(match.group(1))
                row = max(row, 1) if not match.group(2) else int(match.group(2))
            else:
                column += 1
                row = max(row, 1)
            # #VALUE! with a rich value (vm): a picture placed in the cell, no error
            error = "" if attrs.get("t") == "e" and "vm" not in attrs else None
            cell = _Cell(row, column, error=error)
        elif cell is not None and local in ("v", "is"):
            cell.valued = True
            in_value = local == "v"
        elif cell is not None and local == "f":
            cell.formula = in_formula = True
            shared_index = attrs.get("si", "") if attrs.get("t") == "shared" else ""
            cell.text = shared.get(shared_index, "")

    def end(name: str) -> None:
        nonlocal cell, in_value, in_formula
        local = _local(name)
        if local == "v":
            in_value = False
        elif local == "f" and cell is not None:
            in_formula = False
            if shared_index and shared_index not in shared:
                shared[shared_index] = cell.text
        elif local == "c" and cell is not None:
            if cell.valued:
                facts.rows = max(facts.rows, cell.row)
                facts.columns = max(facts.columns, cell.column)
            if cell.formula and not cell.computed:
                facts.formulas_without_value.append(cell_ref(cell.row - 1, cell.column - 1))
            if cell.formula:
                ref = cell_ref(cell.row - 1, cell.column - 1)
                if TODAY_FORMULA.search(cell.text):
                    facts.todays[ref] = cell.text.strip()
                elif len(formulas) < _FORMULAS_FOLLOWED:
                    formulas[ref] = cell.text.strip()
            if cell.error is not None:
                facts.errors[cell_ref(cell.row - 1, cell.column - 1)] = cell.error.strip()
            cell = None

    def text(data: str) -> None:
        if cell is None or not data:
            return
        if in_value:
            cell.computed = True
            if cell.error is not None:
                cell.error += data
        elif in_formula:
            cell.text += data

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    _parse(parser, xml, sheet)
    _follow_todays(facts.todays, formulas)
    return facts


_FORMULAS_FOLLOWED = 10_000
"""Formulas a sheet's are looked into for a reference to a day computed (a form has a few)."""
_CELL_IN_FORMULA = re.compile(r"(?<![A-Za-z_.!'])\$?([A-Z]{1,3})\$?([1-9]\d{0,6})(?![\d(])")


def _follow_todays(todays: dict[str, str], formulas: dict[str, str]) -> None:
    """Add to `todays` the formulas using a cell of it (=K6, =K6+7: a day computed too)."""
    while todays and formulas:
        using = {
            ref: text
            for ref, text in formulas.items()
            if any(a + b in todays for a, b in _CELL_IN_FORMULA.findall(text))
        }
        if not using:
            return
        todays.update(using)
        for ref in using:
            del formulas[ref]


# --- .ods content ---------------------------------------------------------------------


@dataclass
class _OdsCell:
    first: int
    """The column before it (0-based position of its first column)."""
    repeat: int
    valued: bool
    error: str | None = None
    """Its error value (#REF!…), when it holds one."""


Merged = tuple[int, int, int, int]
"""A merged range: top, left, bottom, right (0-based, inclusive)."""


def _count(attributes: dict[str, str], name: str) -> int:
    """A repeat or span count of a table element (1 when absent or not a number)."""
    value = attributes.get(name, "1")
    return int(value) if value.strip().isdigit() else 1


@dataclass
class OdsFacts:
    merged: dict[str, list[Merged]] = field(default_factory=dict)
    """Each table's merged cells (which python-calamine does not give for .ods)."""
    todays: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each table's cells whose formula gives the day it is computed (`SheetFacts.todays`)."""
    errors: dict[str, dict[str, str]] = field(default_factory=dict)
    """Each table's cells holding an error value (`SheetFacts.errors`)."""
    percents: dict[str, set[str]] = field(default_factory=dict)
    """Each table's cells showing their number as a percentage (100% is the number 1)."""


def inspect_ods_content(xml: bytes) -> OdsFacts:
    """SheetRefused when a table of an .ods spans more than MAX_CELLS valued cells,
    counting repeated rows and cells as many times as they repeat; else what the sheets'
    reader does not give (`OdsFacts`)."""
    parser = _parser("content.xml")
    facts = OdsFacts()
    merged = facts.merged
    table = ""
    row = 0  # rows before the current one
    row_repeat = 1
    column = 0
    widest = 0  # the widest valued column of the current row
    rows = columns = 0
    cell: _OdsCell | None = None
    in_text = False
    formulas: dict[str, str] = {}  # the table's other formulas (`_follow_todays`)

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal table, row, row_repeat, column, widest, rows, columns, cell, in_text
        local = _local(name)
        if local == "table" and name.startswith("urn:oasis:names:tc:opendocument:xmlns:table"):
            table = next((v for k, v in attrs.items() if _local(k) == "name"), "")
            row = rows = columns = 0
            formulas.clear()
        elif local == "table-row":
            row_repeat = _count({_local(k): v for k, v in attrs.items()}, "number-rows-repeated")
            column = widest = 0
        elif local in ("table-cell", "covered-table-cell"):
            seen = {_local(k): v for k, v in attrs.items()} if attrs else {}
            cell = _OdsCell(column, _count(seen, "number-columns-repeated"), "value-type" in seen)
            across = _count(seen, "number-columns-spanned")
            down = _count(seen, "number-rows-spanned")
            if (across > 1 or down > 1) and local == "table-cell":
                span = (row, column, row + down - 1, column + across - 1)
                merged.setdefault(table, []).append(span)
            # (office: and calcext: value types both: LibreOffice writes an error as a
            # string of the one, an error of the other)
            kinds = {v for k, v in attrs.items() if _local(k) == "value-type"}
            if "error" in kinds:
                cell.error = ""
            elif "percentage" in kinds:
                facts.percents.setdefault(table, set()).update(
                    cell_ref(row, column + n) for n in range(min(cell.repeat, 256))
                )
            formula = seen.get("formula", "")
            if formula:
                # of:=TODAY(): the formula as typed, without its syntax's prefix, its
                # references to the table's own cells as Excel writes them ([.K6]: K6)
                shown = formula.partition(":=")[2] if ":=" in formula[:8] else formula
                shown = shown.lstrip("=").replace("[.", "[")
                if TODAY_FORMULA.search(shown):
                    facts.todays.setdefault(table, {})[cell_ref(row, column)] = shown
                elif len(formulas) < _FORMULAS_FOLLOWED:
                    formulas[cell_ref(row, column)] = shown
        elif cell is not None and local == "p":
            cell.valued = in_text = True

    def end(name: str) -> None:
        nonlocal row, column, widest, rows, columns, cell, in_text
        local = _local(name)
        if local == "p":
            in_text = False
        elif local in ("table-cell", "covered-table-cell") and cell is not None:
            if cell.error is not None:
                facts.errors.setdefault(table, {})[cell_ref(row, cell.first)] = cell.error
            column = cell.first + cell.repeat
            if cell.valued:
                widest = column
            cell = None
        elif local == "table" and table in facts.todays:
            _follow_todays(facts.todays[table], formulas)
        elif local == "table-row":
            if widest:
                rows = row + row_repeat
                columns = max(columns, widest)
                if _too_large(rows, columns):
                    raise SheetRefused(_absurd(table, rows, columns))
            row += row_repeat

    def text(data: str) -> None:
        if in_text and cell is not None and cell.error is not None:
            cell.error += data

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    _parse(parser, xml, "content.xml")
    return facts
