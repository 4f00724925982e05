"""A small, fast writer of .xlsx files: what the register needs and nothing more.

Measured on the register of 2,000 returns × 20 rows (about 90,000 rows over four
hazard sheets), XlsxWriter took 13 s and this writer half a second: cells are
emitted as XML text directly, a row's cells are built once and given to every sheet
that lists the hazard, each sheet deflates its rows as they are added (so a sheet is
held as compressed bytes, not text) and the zip container is written here. Text is
always an inline string, so nothing a department typed can become a formula, an
error value or a hyperlink.

Supports: several sheets, column widths, a frozen header, an autofilter, merged
cells, A4 printing one page wide with repeated header rows and page numbers, a fixed
set of cell styles, one stacked bar chart, pictures, and links to files or folders
beside the workbook (given by the caller, never made from what a cell holds).
"""

from __future__ import annotations

import math
import re
import struct
import time
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum
from pathlib import Path

from huitoukan.cells import column_letter
from huitoukan.errors import HuitoukanError
from huitoukan.model.documents import MAKER
from huitoukan.text import CONTROL_CHARACTERS


@dataclass(frozen=True, slots=True)
class Percent:
    """A fraction (0..1) shown as a percentage (None: an empty percentage cell)."""

    value: float | None


@dataclass(frozen=True, slots=True)
class Linked:
    """A number (or a short text) shown as a link (the link itself is added with
    `Sheet.link`)."""

    value: int | str


Value = str | int | float | date | Percent | Linked | None
_EPOCH = date(1899, 12, 30).toordinal()
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_SELECTED = ' tabSelected="1"'
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


class Style(IntEnum):
    DEFAULT = 0
    HEAD = 1
    TEXT = 2
    NUMBER = 3
    DATE = 4
    PERCENT = 5
    TITLE = 6
    NOTE = 7
    LINK = 8
    LONG = 9
    """TEXT at the top of its cell: a row of text too long for MAX_ROW_HEIGHT shows its
    beginning, not its middle (clerk trial 148)."""


_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_ESCAPED_CHARACTER = re.compile("_(x[0-9A-Fa-f]{4}_)")
CELL_TEXT_LIMIT = 32_767
"""Characters an Excel cell holds: longer text is cut (its reader was warned, see checks)."""


def _escape(text: str) -> str:
    """`text` as XML character data that office suites read back as `text`: markup
    escaped, characters XML cannot hold dropped, and a literal `_xHHHH_` (which they
    would read as the character HHHH) escaped as `_x005F_xHHHH_` (ECMA-376, 22.9.2.19)."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    text = CONTROL_CHARACTERS.sub("", text)
    text = _ESCAPED_CHARACTER.sub(r"_x005F_\1", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


_TEXT_END = "</t></is></c>"
_NUMBER = f'<c s="{Style.NUMBER:d}"><v>'
_DATE = f'<c s="{Style.DATE:d}"><v>'


_NUMBERED = b'<c s="%d"><v>%%d</v></c>' % Style.NUMBER
_BLANK = {style: f'<c s="{style:d}"/>' for style in Style}
_OPEN_TEXT = {style: f'<c s="{style:d}" t="inlineStr"><is><t>' for style in Style}
_OPEN_SPACED = {
    style: f'<c s="{style:d}" t="inlineStr"><is><t xml:space="preserve">' for style in Style
}
"""For text with whitespace at either end, which office suites trim otherwise (as
openpyxl does; on every cell it would be a quarter of the register's XML)."""


def cells(values: Sequence[Value], style: Style = Style.TEXT) -> str:
    """The XML of a row's cells (positions implied by order, so the text can be reused
    on any row of any sheet). Text gets `style`, numbers NUMBER, dates DATE.

    This runs for every cell of the register, so it dispatches on exact types first
    and looks for characters to escape once per row, not once per cell."""
    blank, text, spaced = _BLANK[style], _OPEN_TEXT[style], _OPEN_SPACED[style]
    escape = _NEEDS_ESCAPE.search("".join([v for v in values if type(v) is str])) is not None
    parts: list[str] = []
    append = parts.append
    for value in values:
        kind = type(value)
        if kind is str:
            if value:
                if len(value) > CELL_TEXT_LIMIT:  # type: ignore[arg-type]
                    value = value[:CELL_TEXT_LIMIT]  # type: ignore[index]
                start = spaced if value[0] <= " " or value[-1] <= " " else text  # type: ignore[index]
                append(f"{start}{_escape(value) if escape else value}{_TEXT_END}")  # type: ignore[arg-type]
            else:
                append(blank)
        elif value is None:
            append(blank)
        elif kind is date:
            append(f"{_DATE}{value.toordinal() - _EPOCH}</v></c>")  # type: ignore[union-attr]
        elif kind is int:
            append(f"{_NUMBER}{value!r}</v></c>")
        elif kind is float:
            append(f"{_NUMBER}{_finite(value)!r}</v></c>")  # type: ignore[arg-type]
        elif kind is Percent:
            append(_percent(value))  # type: ignore[arg-type]
        elif kind is Linked:
            shown = value.value  # type: ignore[union-attr]
            if type(shown) is str:
                append(f"{_OPEN_TEXT[Style.LINK]}{_escape(shown)}{_TEXT_END}")
            else:
                append(f'<c s="{Style.LINK:d}"><v>{shown:d}</v></c>')
        elif isinstance(value, bool):
            append(f'<c s="{style:d}" t="b"><v>{int(value)}</v></c>')
        elif isinstance(value, datetime):
            append(f"{_DATE}{value.date().toordinal() - _EPOCH}</v></c>")
        elif isinstance(value, date):
            append(f"{_DATE}{value.toordinal() - _EPOCH}</v></c>")
        elif isinstance(value, str):
            append(spaced + _escape(value[:CELL_TEXT_LIMIT]) + _TEXT_END)
        else:
            append(f"{_NUMBER}{_finite(float(value))!r}</v></c>")  # type: ignore[arg-type]
    return "".join(parts)


def _finite(number: float) -> float:
    """A number a cell can hold: NaN and infinities have no spelling in a workbook."""
    if not math.isfinite(number):
        raise ValueError(f"a workbook cell cannot hold {number!r}")
    return number


MAX_ROW_HEIGHT = 409.0
"""Points a row may be high (Excel's limit): a row of 1,000 characters made 2,232 points
high was printed one page of it, the rest of the text and the rows after it dropped (clerk
trial 147)."""


def row_height(
    values: Sequence[Value], widths: Sequence[float], line: float = 13.5
) -> float | None:
    """A height that shows every wrapped line of the row's text (None: the default fits),
    up to MAX_ROW_HEIGHT.

    Office suites do not re-measure rows when opening a file, so without this long
    text is cut off on screen and on paper. CJK characters count as two columns."""
    lines = 1
    for value, width in zip(values, widths):  # noqa: B905 (a row may be shorter)
        if type(value) is str and (len(value) * 2 > width - 2 or "\n" in value):
            # a cell's padding and line breaks at punctuation take about two columns; each
            # line of a text of several (1.… 2.… typed on lines of their own) wraps alone
            room = int(width) - 2 if width >= 3 else 1
            if "\n" in value:
                needed = sum(_wrapped_lines(part, room) for part in value.split("\n"))
            else:  # most cells: no list to split and sum
                needed = _wrapped_lines(value, room)
            if needed > lines:
                lines = needed
    return None if lines == 1 else min(line * lines + 3, MAX_ROW_HEIGHT)


def _wrapped_lines(text: str, room: int) -> int:
    """Lines a line of `text` takes in a cell `room` columns wide (CJK two columns each)."""
    return -(-max(1, len(text) if text.isascii() else 2 * len(text)) // room)


TITLE_LINE = 22.0
"""Points a line of a TITLE cell (16 points, bold) takes."""


def title_height(title: str, width: float) -> float:
    """The height of a row showing `title` in the TITLE style across `width` columns: one
    line, or more where it is too wide (or holds line breaks). Its characters are 1.6 times
    as wide as the 10-point text the columns are measured in."""
    room = max(width - 2, 1)
    lines = 0
    for part in title.split("\n"):
        columns = 1.6 * sum(1 if ch.isascii() else 2 for ch in part)
        lines += max(1, math.ceil(columns / room))
    return TITLE_LINE * lines + 6


def broken_before(title: str, width: float, at: str) -> str:
    """`title`, too wide for one line across `width` columns, broken before `at` (the suites
    break a title anywhere: “…全校隐患台” over “账”, “…工作情况的” over “汇报”: clerk trial
    186 AL9); as it is when it fits or has no `at`."""
    where = title.find(at)
    if where <= 0 or title_height(title, width) <= title_height("", 1):
        return title
    return f"{title[:where]}\n{title[where:]}"


def _percent(percent: Percent) -> str:
    if percent.value is None:
        return f'<c s="{Style.PERCENT:d}"/>'
    return f'<c s="{Style.PERCENT:d}"><v>{_finite(percent.value)!r}</v></c>'


PAGE_HEIGHT = {False: 487.3, True: 733.9}
"""Points of an A4 page, landscape (False) or portrait (True), between the 0.75" top and
bottom margins every sheet prints with."""
DEFAULT_ROW_HEIGHT = 15.0
"""Points of a row written without a height (the sheets' defaultRowHeight)."""
PAGE_FILL = 0.92
"""The share of a page counted on when placing something that must not be split: the
estimate of a page's rows (see `Sheet.page_room`) is close, not exact, in every suite."""


@dataclass
class BarChart:
    """A stacked horizontal bar chart of columns `series` against category column `categories`."""

    title: str
    categories: int
    labels: Sequence[str]
    series: Sequence[tuple[int, str, str, Sequence[float]]]
    """(column, name, RGB colour, values) of each series; values are cached in the chart,
    as office suites draw a chart from its cache when printing."""
    first_row: int
    last_row: int
    anchor_row: int
    height_rows: int
    axis_max: float | None = None
    """The value axis's end (None: the suite's choice): charts of one table's parts drawn
    to one scale (7 hazards drew as long as 28 on the next page: trial 48)."""


@dataclass(frozen=True)
class Picture:
    """A picture placed over a sheet: top-left at (row, column), 0-based, `width` × `height`
    in pixels as shown; `data` the image file's bytes, `extension` its type (png, jpeg …)."""

    row: int
    column: int
    width: int
    height: int
    data: bytes
    extension: str


_IMAGE_TYPES = {
    "png": "image/png",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "bmp": "image/bmp",
    "tiff": "image/tiff",
    "webp": "image/webp",
    "emf": "image/x-emf",
    "wmf": "image/x-wmf",
}
_EMU_PER_PIXEL = 9525


class _Deflated:
    """The content of one zip member, deflated as it is written: a sheet of 100,000
    rows is held as its compressed bytes (a tenth of its XML), never as text."""

    BATCH = 256 * 1024

    def __init__(self) -> None:
        self._compressor: zlib._Compress | None = zlib.compressobj(
            1, zlib.DEFLATED, -zlib.MAX_WBITS
        )
        self._chunks: list[bytes] = []
        self._pending: list[bytes] = []
        self._pending_size = 0
        self.crc = 0
        self.size = 0

    def write(self, data: bytes) -> None:
        self._pending.append(data)
        self._pending_size += len(data)
        if self._pending_size >= self.BATCH:  # one crc32 and compress call per batch
            self._drain()

    def _drain(self) -> None:
        data = b"".join(self._pending)
        self._pending.clear()
        self._pending_size = 0
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        assert self._compressor is not None, "written after finish()"
        compressed = self._compressor.compress(data)
        if compressed:
            self._chunks.append(compressed)

    def finish(self) -> bytes:
        """The deflated content; `crc` and `size` are final once this returns (and
        nothing more can be written)."""
        if self._compressor is not None:
            self._drain()
            self._chunks = [b"".join([*self._chunks, self._compressor.flush()])]
            self._compressor = None
        return self._chunks[0]

    def __getstate__(self) -> dict[str, object]:
        """Only finished content is pickled (a sheet built in another process)."""
        if self._compressor is not None:
            raise TypeError("a member still being written cannot be pickled")
        return self.__dict__


class Sheet:
    """A worksheet whose rows are written (deflated) as they are added."""

    def __init__(
        self,
        name: str,
        widths: Sequence[float],
        header_row: int | None = None,
        print_columns: int | None = None,
        selected: bool = False,
        portrait: bool = False,
        one_page: bool = False,
        title_rows: int = 0,
        page_header: str = "",
        repeat_titles: bool = True,
    ) -> None:
        self.name = name
        self.widths = widths
        self.header_row = header_row
        """0-based row frozen, filtered and repeated on every printed page."""
        self.print_columns = print_columns
        self.portrait = portrait
        self.one_page = one_page
        """Printed on one page (fit to one page high as well as wide)."""
        self.title_rows = title_rows
        """Rows from the top repeated on every printed page (with the header row)."""
        self.repeat_titles = repeat_titles
        """False: the title and header rows print on the first page only (a table that fits
        there, followed by something else: a chart, another table)."""
        self.page_header = page_header
        """Text printed at the top of every page but the first (centred, small): the name of
        a document whose first page has its title."""
        self.pages_wide = 1
        """Pages side by side its printed columns are fitted to."""
        self.title_columns = 0
        """Columns from the left repeated on every printed page (of a table printed over
        several pages side by side: what each row is)."""
        self.merges: list[str] = []
        self.charts: list[BarChart] = []
        self.pictures: list[Picture] = []
        self.page_breaks: list[int] = []
        """0-based rows a new printed page starts at."""
        self.links: list[tuple[str, str]] = []
        """(cell, target): a link from the cell to a file or folder, relative to the workbook."""
        self.row_count = 0
        self._height = 0.0
        self._page_start = 0.0
        self._title_height = 0.0
        self._body = _Deflated()
        self._finished = False
        # No <dimension>: it would have to come before rows not yet added; it is optional
        # and office suites work it out.
        parts = [
            _HEAD,
            f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">',
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
            f'<sheetViews><sheetView workbookViewId="0"{_SELECTED if selected else ""}>',
        ]
        if header_row is not None:
            split = header_row + 1
            parts.append(
                f'<pane ySplit="{split}" topLeftCell="A{split + 1}" activePane="bottomLeft" '
                'state="frozen"/>'
            )
        parts.append('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>')
        for col, width in enumerate(widths, start=1):
            parts.append(f'<col min="{col}" max="{col}" width="{width}" customWidth="1"/>')
        parts.append("</cols><sheetData>")
        self._body.write("".join(parts).encode())

    def add(
        self, row_cells: str | bytes, height: float | None = None, numbered: bool = False
    ) -> int:
        """Append a row made by `cells` and return its index; `numbered`: the cells follow
        a first cell numbering the row (1 on the row after the header row)."""
        if type(row_cells) is str:
            row_cells = row_cells.encode()
        self.row_count += 1
        self._height += height or DEFAULT_ROW_HEIGHT
        if (
            self.repeat_titles
            and self.header_row is not None
            and self.row_count == self.header_row + 1
        ):
            # the rows printed again at the top of every page
            self._title_height = self._height if self.title_rows else height or DEFAULT_ROW_HEIGHT
        if height:
            start = b'<row r="%d" ht="%r" customHeight="1">' % (self.row_count, height)
        else:
            start = b'<row r="%d">' % self.row_count
        if numbered:
            start += _NUMBERED % (self.row_count - 1 - (self.header_row or 0))
        self._body.write(start + row_cells + b"</row>")  # type: ignore[operator]
        return self.row_count - 1

    def break_page(self) -> None:
        """Start a new printed page with the next row added."""
        self.page_breaks.append(self.row_count)
        self._page_start = self._height

    def page_room(self) -> float:
        """Points left on the printed page the next row would start, estimated: rows print
        at their height (15 when not given), the sheet is narrow enough to print unscaled,
        and the title and header rows repeat at the top of every page after the first."""
        page = PAGE_HEIGHT[self.portrait]
        used = self._height - self._page_start
        while used > page:
            used -= page - self._title_height
        return page - used

    def place_chart(self, chart: BarChart, min_rows: int = 10) -> None:
        """Anchor `chart` below the last row where it prints whole: on the rest of the
        page if it fits there (made shorter, down to `min_rows` rows, when it must), else at
        the top of the next page; never taller than a page. Rows added after it are for
        the caller to keep clear (the chart does not move them)."""
        rows = int(self.page_room() * PAGE_FILL // DEFAULT_ROW_HEIGHT) - 1  # a row above it
        # no shorter than a row a bar: squeezed, LibreOffice names every other department
        min_rows = max(min_rows, len(chart.labels) + 6)
        if rows >= min(chart.height_rows, min_rows):
            chart.anchor_row = self.row_count + 1
            chart.height_rows = min(chart.height_rows, rows)
        else:
            self.break_page()
            chart.anchor_row = self.row_count + 1  # a row below the break: nothing of it on
            # the page before (LibreOffice draws a chart starting at the break there too)
            fresh = PAGE_HEIGHT[self.portrait] - self._title_height
            rows = int(fresh * PAGE_FILL // DEFAULT_ROW_HEIGHT) - 1
            chart.height_rows = min(chart.height_rows, rows)
        self.charts.append(chart)

    def link(self, row: int, col: int, target: str) -> None:
        """Make the cell at (`row`, `col`), 0-based, a link to `target` (a path relative to
        the workbook, with / between its parts)."""
        self.links.append((f"{column_letter(col)}{row + 1}", target))

    def merge(self, row: int, first_col: int, last_col: int) -> None:
        self.merges.append(
            f"{column_letter(first_col)}{row + 1}:{column_letter(last_col)}{row + 1}"
        )

    @property
    def last_ref(self) -> str:
        return f"{column_letter(len(self.widths) - 1)}{max(self.row_count, 1)}"

    def finish(self) -> _Deflated:
        """The worksheet part, complete (no row can be added after; the sheet can be
        pickled, to be written into a workbook by another process)."""
        if self._finished:
            return self._body
        self._finished = True
        parts = ["</sheetData>"]
        if self.header_row is not None:
            parts.append(f'<autoFilter ref="A{self.header_row + 1}:{self.last_ref}"/>')
        if self.merges:
            parts.append(f'<mergeCells count="{len(self.merges)}">')
            parts.extend(f'<mergeCell ref="{m}"/>' for m in self.merges)
            parts.append("</mergeCells>")
        if self.links:
            parts.append("<hyperlinks>")
            parts.extend(
                f'<hyperlink ref="{ref}" r:id="rIdL{n}"/>'
                for n, (ref, _) in enumerate(self.links, start=1)
            )
            parts.append("</hyperlinks>")
        orientation = "portrait" if self.portrait else "landscape"
        parts.append(
            '<printOptions horizontalCentered="1"/>'
            '<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.75" header="0.3" '
            f'footer="0.3"/><pageSetup paperSize="9" orientation="{orientation}" '
            f'fitToWidth="{self.pages_wide}" fitToHeight="{int(self.one_page)}"/>'
        )
        footer = "&amp;C第 &amp;P 页，共 &amp;N 页"
        if self.page_header:  # not on the first page, which has the title itself
            header = _escape(self.page_header.replace("&", "&&"))
            parts.append(
                f'<headerFooter differentFirst="1"><oddHeader>&amp;C{header}</oddHeader>'
                f"<oddFooter>{footer}</oddFooter><firstFooter>{footer}</firstFooter>"
                "</headerFooter>"
            )
        else:
            parts.append(f"<headerFooter><oddFooter>{footer}</oddFooter></headerFooter>")
        if self.page_breaks:
            parts.append(
                f'<rowBreaks count="{len(self.page_breaks)}" manualBreakCount="{len(self.page_breaks)}">'
            )
            parts.extend(f'<brk id="{row}" max="16383" man="1"/>' for row in self.page_breaks)
            parts.append("</rowBreaks>")
        if self.charts or self.pictures:
            parts.append('<drawing r:id="rId1"/>')
        parts.append("</worksheet>")
        self._body.write("".join(parts).encode())
        self._body.finish()
        return self._body


_CENTER = '<alignment horizontal="center" vertical="center"/>'
_WRAP = '<alignment vertical="center" wrapText="1"/>'
_CELL_XFS: dict[Style, str] = {
    Style.DEFAULT: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    Style.HEAD: '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" '
    'applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" '
    'vertical="center" wrapText="1"/></xf>',
    Style.TEXT: '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" '
    f'applyAlignment="1">{_WRAP}</xf>',
    Style.NUMBER: '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" '
    f'applyAlignment="1">{_CENTER}</xf>',
    Style.DATE: '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" '
    f'applyNumberFormat="1" applyBorder="1" applyAlignment="1">{_CENTER}</xf>',
    Style.PERCENT: '<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" '
    f'applyNumberFormat="1" applyBorder="1" applyAlignment="1">{_CENTER}</xf>',
    Style.TITLE: '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" '
    'applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>',
    Style.NOTE: f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">{_WRAP}</xf>',
    Style.LINK: '<xf numFmtId="0" fontId="3" fillId="0" borderId="1" xfId="0" applyFont="1" '
    f'applyBorder="1" applyAlignment="1">{_CENTER}</xf>',
    Style.LONG: '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" '
    'applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>',
}
"""Each Style's cell format, in the order of the Style values (their index in cellXfs)."""
assert list(_CELL_XFS) == sorted(Style), "cellXfs must list every Style in order"

_STYLES = (
    _HEAD + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
    '<numFmt numFmtId="165" formatCode="0.0%"/></numFmts>'
    '<fonts count="4">'
    '<font><sz val="10"/><name val="宋体"/><charset val="134"/></font>'
    '<font><b/><sz val="10"/><name val="黑体"/><charset val="134"/></font>'
    '<font><b/><sz val="16"/><name val="宋体"/><charset val="134"/></font>'
    '<font><u/><sz val="10"/><color rgb="FF0563C1"/><name val="宋体"/><charset val="134"/></font>'
    "</fonts>"
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/>'
    "</patternFill></fill></fills>"
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>'
    '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom>'
    "<diagonal/></border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{len(Style)}">' + "".join(_CELL_XFS[style] for style in Style) + "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _chart_xml(sheet: Sheet, chart: BarChart) -> str:
    name = _attr(_quoted(sheet.name))

    def ref(col: int) -> str:
        letter = column_letter(col)
        return f"{name}!${letter}${chart.first_row + 1}:${letter}${chart.last_row + 1}"

    count = f'<c:ptCount val="{len(chart.labels)}"/>'
    labels = "".join(
        f'<c:pt idx="{i}"><c:v>{_escape(label)}</c:v></c:pt>'
        for i, label in enumerate(chart.labels)
    )
    series = []
    for index, (col, title, colour, values) in enumerate(chart.series):
        points = "".join(f'<c:pt idx="{i}"><c:v>{v!r}</c:v></c:pt>' for i, v in enumerate(values))
        series.append(
            f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/><c:tx><c:v>{_escape(title)}</c:v></c:tx>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr>'
            f"<c:cat><c:strRef><c:f>{ref(chart.categories)}</c:f><c:strCache>{count}{labels}"
            "</c:strCache></c:strRef></c:cat>"
            f"<c:val><c:numRef><c:f>{ref(col)}</c:f><c:numCache><c:formatCode>General</c:formatCode>"
            f"{count}{points}</c:numCache></c:numRef></c:val></c:ser>"
        )

    def font(size: int = 1000) -> str:
        return (
            f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"><a:latin typeface="宋体"/>'
            '<a:ea typeface="宋体"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
        )

    # a name on every bar: a label more than about 1/1.6 of its bar's share of the plot
    # makes LibreOffice and Excel drop every other one (the title, legend and axis take
    # about 100 points)
    share = (chart.height_rows * DEFAULT_ROW_HEIGHT - 100) / max(len(chart.labels), 1)
    names = font(max(600, min(1000, int(share / 1.6 * 2) * 50)))
    return (
        _HEAD + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        f'xmlns:r="{_REL}"><c:lang val="zh-CN"/><c:chart>'
        f'<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="zh-CN" sz="1200" b="1">'
        f'<a:latin typeface="宋体"/><a:ea typeface="宋体"/></a:rPr><a:t>{_escape(chart.title)}</a:t></a:r></a:p>'
        '</c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea>'
        '<c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/>'
        f'<c:varyColors val="0"/>{"".join(series)}<c:gapWidth val="60"/><c:overlap val="100"/>'
        '<c:axId val="1001"/><c:axId val="1002"/></c:barChart>'
        '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:tickLblPos val="nextTo"/>'
        + names
        + '<c:crossAx val="1002"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/></c:catAx>'
        '<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/>'
        + (f'<c:max val="{chart.axis_max:g}"/><c:min val="0"/>' if chart.axis_max else "")
        + "</c:scaling>"
        '<c:delete val="0"/><c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="0" '
        'sourceLinked="0"/><c:tickLblPos val="nextTo"/>' + font() + '<c:crossAx val="1001"/>'
        '<c:crosses val="max"/><c:crossBetween val="between"/></c:valAx></c:plotArea>'
        '<c:legend><c:legendPos val="b"/><c:overlay val="0"/>' + font() + "</c:legend>"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
    )


_DRAWING_NS = (
    'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    f'xmlns:r="{_REL}"'
)


def _chart_anchor(chart: BarChart, columns: int, number: int, relation: str) -> str:
    bottom = chart.anchor_row + chart.height_rows
    return (
        f"<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{chart.anchor_row}"
        f"</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>{columns}</xdr:col><xdr:colOff>0"
        f"</xdr:colOff><xdr:row>{bottom}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
        f'<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="{1000 + number}" name="图表 {number}"/>'
        '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" '
        'cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        f'r:id="{relation}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>'
        "</xdr:twoCellAnchor>"
    )


def _picture_anchor(picture: Picture, number: int, relation: str) -> str:
    cx, cy = picture.width * _EMU_PER_PIXEL, picture.height * _EMU_PER_PIXEL
    return (
        f"<xdr:oneCellAnchor><xdr:from><xdr:col>{picture.column}</xdr:col><xdr:colOff>0</xdr:colOff>"
        f"<xdr:row>{picture.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f'<xdr:ext cx="{cx}" cy="{cy}"/><xdr:pic><xdr:nvPicPr>'
        f'<xdr:cNvPr id="{number + 10}" name="图片 {number}"/><xdr:cNvPicPr>'
        '<a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill>'
        f'<a:blip r:embed="{relation}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
        f'<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/>'
        "</xdr:oneCellAnchor>"
    )


def _link_target(target: str) -> str:
    """A relative link's target as a relationship holds it: the characters a URI gives a
    meaning to escaped, Chinese kept as it is (as Excel and WPS write it)."""
    for character, escaped in (("%", "%25"), (" ", "%20"), ("#", "%23"), ("?", "%3F")):
        target = target.replace(character, escaped)
    return _attr(target)


def write_workbook(
    path: Path, sheets: Sequence[Sheet], title: str, comments: str, subject: str = ""
) -> None:
    """Write `sheets` to `path` as one .xlsx package (its document properties: `title`,
    `subject` when given, `comments`, and huitoukan as its maker)."""
    types = [
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
    ]
    book_rels = []
    sheet_entries = []
    names = []
    parts: list[tuple[str, str | _Deflated | _Stored]] = []

    def add(name: str, content: str | _Deflated | _Stored) -> None:
        parts.append((name, content))

    charts = drawings = media = 0
    image_types: set[str] = set()
    for index, sheet in enumerate(sheets, start=1):
        part = f"xl/worksheets/sheet{index}.xml"
        add(part, sheet.finish())
        types.append(
            f'<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
        book_rels.append(
            f'<Relationship Id="rId{index}" Type="{_REL}/worksheet" Target="worksheets/sheet{index}.xml"/>'
        )
        sheet_entries.append(
            f'<sheet name="{_attr(sheet.name)}" sheetId="{index}" r:id="rId{index}"/>'
        )
        quoted = _attr(_quoted(sheet.name))
        if sheet.header_row is not None:
            h = sheet.header_row + 1
            names.append(
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index - 1}" hidden="1">{quoted}!$A${h}:${sheet.last_ref.rstrip("0123456789")}${max(sheet.row_count, 1)}</definedName>'
            )
            first = 1 if sheet.title_rows else h
            if sheet.repeat_titles:
                left = (
                    f"{quoted}!$A:${column_letter(sheet.title_columns - 1)},"
                    if sheet.title_columns
                    else ""
                )
                names.append(
                    f'<definedName name="_xlnm.Print_Titles" localSheetId="{index - 1}">{left}{quoted}!${first}:${h}</definedName>'
                )
        last_col = column_letter((sheet.print_columns or len(sheet.widths)) - 1)
        last_row = max(sheet.row_count, 1)
        for chart in sheet.charts:
            last_row = max(last_row, chart.anchor_row + chart.height_rows)
        names.append(
            f'<definedName name="_xlnm.Print_Area" localSheetId="{index - 1}">{quoted}!$A$1:${last_col}${last_row}</definedName>'
        )
        sheet_rels = [
            f'<Relationship Id="rIdL{n}" Type="{_REL}/hyperlink" Target="{_link_target(target)}" '
            'TargetMode="External"/>'
            for n, (_, target) in enumerate(sheet.links, start=1)
        ]
        if sheet.charts or sheet.pictures:
            drawings += 1
            sheet_rels.append(
                f'<Relationship Id="rId1" Type="{_REL}/drawing" Target="../drawings/drawing{drawings}.xml"/>'
            )
        if sheet_rels:
            add(
                f"xl/worksheets/_rels/sheet{index}.xml.rels",
                _HEAD + f'<Relationships xmlns="{_PKG_REL}">{"".join(sheet_rels)}</Relationships>',
            )
        if not sheet.charts and not sheet.pictures:
            continue
        anchors: list[str] = []
        relations: list[str] = []
        for number, chart in enumerate(sheet.charts, start=1):
            charts += 1
            relation = f"rIdC{number}"
            anchors.append(_chart_anchor(chart, len(sheet.widths), number, relation))
            relations.append(
                f'<Relationship Id="{relation}" Type="{_REL}/chart" Target="../charts/chart{charts}.xml"/>'
            )
            add(f"xl/charts/chart{charts}.xml", _chart_xml(sheet, chart))
            types.append(
                f'<Override PartName="/xl/charts/chart{charts}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
            )
        for number, picture in enumerate(sheet.pictures, start=1):
            media += 1
            extension = "jpeg" if picture.extension == "jpg" else picture.extension
            name = f"image{media}.{extension}"
            add(f"xl/media/{name}", _Stored(picture.data))
            image_types.add(extension)
            relation = f"rId{number + 1}"
            anchors.append(_picture_anchor(picture, number, relation))
            relations.append(
                f'<Relationship Id="{relation}" Type="{_REL}/image" Target="../media/{name}"/>'
            )
        add(
            f"xl/drawings/drawing{drawings}.xml",
            _HEAD + f"<xdr:wsDr {_DRAWING_NS}>{''.join(anchors)}</xdr:wsDr>",
        )
        add(
            f"xl/drawings/_rels/drawing{drawings}.xml.rels",
            _HEAD + f'<Relationships xmlns="{_PKG_REL}">{"".join(relations)}</Relationships>',
        )
        types.append(
            f'<Override PartName="/xl/drawings/drawing{drawings}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
        )
    types.extend(
        f'<Default Extension="{ext}" ContentType="{_IMAGE_TYPES.get(ext, "application/octet-stream")}"/>'
        for ext in sorted(image_types)
    )
    book_rels.append(
        f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
    )
    add("xl/styles.xml", _STYLES)
    add(
        "xl/workbook.xml",
        _HEAD
        + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews><sheets>{"".join(sheet_entries)}</sheets><definedNames>{"".join(names)}</definedNames><calcPr calcId="191029"/></workbook>',
    )
    add(
        "xl/_rels/workbook.xml.rels",
        _HEAD + f'<Relationships xmlns="{_PKG_REL}">{"".join(book_rels)}</Relationships>',
    )
    add(
        "_rels/.rels",
        _HEAD
        + f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>',
    )
    add(
        "docProps/core.xml",
        _HEAD
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
        + _escape(title)
        + "</dc:title>"
        + (f"<dc:subject>{_escape(subject)}</dc:subject>" if subject else "")
        + f"<dc:creator>{MAKER}</dc:creator><cp:lastModifiedBy>{MAKER}</cp:lastModifiedBy>"
        + "<dc:description>"
        + _escape(comments)
        + "</dc:description></cp:coreProperties>",
    )
    add(
        "docProps/app.xml",
        _HEAD
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        + f"<Application>{MAKER}</Application></Properties>",
    )
    add(
        "[Content_Types].xml",
        _HEAD
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + "".join(types)
        + "</Types>",
    )
    _write_zip(path, parts)


_ZIP32_LIMIT = 2**32
"""Sizes and offsets of a plain (not ZIP64) zip: some 3 million hazard rows."""


class _Stored:
    """A member kept as it is (pictures are compressed already): stored, not deflated."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.crc = zlib.crc32(data)
        self.size = len(data)

    def finish(self) -> bytes:
        return self.data


def _write_zip(path: Path, parts: Sequence[tuple[str, str | _Deflated | _Stored]]) -> None:
    """The zip container of an .xlsx, written directly: the worksheets arrive deflated
    (see `_Deflated`), which zipfile cannot take. Plain zip 2.0, no ZIP64: a register
    is megabytes, far from the 4 GB limit."""
    now = time.localtime()
    dos_time = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2
    dos_date = (now.tm_year - 1980) << 9 | now.tm_mon << 5 | now.tm_mday
    directory: list[bytes] = []
    offset = 0
    with path.open("wb") as handle:
        for name, content in parts:
            member: _Deflated | _Stored
            if isinstance(content, str):
                member = _Deflated()
                member.write(content.encode())
            else:
                member = content
            method = 0 if isinstance(member, _Stored) else 8
            data = member.finish()
            if max(member.size, offset + len(data)) >= _ZIP32_LIMIT:
                raise HuitoukanError(
                    f"要写出的工作表过大（{member.size // 2**20} MB），超出 xlsx 文件的容量，"
                    "请按部门分批汇总"
                )
            raw_name = name.encode()
            common = struct.pack(
                "<HHHHHIII", 20, 0, method, dos_time, dos_date, member.crc, len(data), member.size
            )
            common += struct.pack("<H", len(raw_name))
            header = b"PK\x03\x04" + common + b"\x00\x00" + raw_name
            handle.write(header)
            handle.write(data)
            directory.append(
                b"PK\x01\x02\x14\x00"
                + common
                + struct.pack("<HHHHII", 0, 0, 0, 0, 0, offset)
                + raw_name
            )
            offset += len(header) + len(data)
        central = b"".join(directory)
        handle.write(central)
        handle.write(
            struct.pack(
                "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), offset, 0
            )
        )
