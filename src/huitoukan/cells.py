"""What a cell holds as a person sees it, and where it is (A1 references).

Shared by everything that reads or writes workbooks: reading turns calamine's values
into text, problems name their cell as an A1 reference.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime, time
from typing import cast

from huitoukan.dates import chinese_date, typed_number
from huitoukan.text import clean_cell_text

_MIDNIGHT = time()
DIGITS_KEPT = 1e15
"""Spreadsheets keep 15 significant digits: an 18-digit ID typed as a number was shown
with made-up last digits (370402199001011008 for …1234: clerk trial 76); from 16 digits on,
it is given as the suites show it (3.70402199001011E+17)."""


def cell_text(value: object) -> str:
    """A cell value as the text a person sees (1.0 → "1", a date → 2023-12-10).

    Runs on every cell of every return: the types calamine gives are tested exactly first."""
    kind = type(value)
    if kind is str:
        return clean_cell_text(cast(str, value))
    if value is None:
        return ""
    if kind is float:
        number = cast(float, value)
        if abs(number) >= DIGITS_KEPT:  # its last digits were lost when it was typed
            return f"{number:.15G}"
        return str(int(number)) if number.is_integer() else str(number)
    if kind is datetime:
        moment = cast(datetime, value)
        typed = typed_number(moment)
        if typed is not None:
            return typed
        # a time as a cell shows it: to the minute (=NOW() was quoted to the microsecond)
        return moment.date().isoformat() if moment.time() == _MIDNIGHT else _minute(moment)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == _MIDNIGHT else _minute(value)
    if isinstance(value, date):
        return typed_number(value) or value.isoformat()
    if isinstance(value, time):  # 12:30 typed is shown so, not 12:30:00 (clerk trial 74)
        return value.isoformat("minutes" if not value.second else "seconds")
    return clean_cell_text(str(value))


def _minute(moment: datetime) -> str:
    return moment.isoformat(" ", "minutes")


@functools.cache
def column_letter(index: int) -> str:
    """0-based column index → letters (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """Letters → 0-based column index (A → 0, AA → 26), `column_letter` undone."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number - 1


def column_of(ref: str) -> int:
    """The 0-based column of an A1 reference (D17 → 3)."""
    return column_index(ref.rstrip("0123456789"))


def cell_ref(row: int, column: int) -> str:
    """The A1 reference of a 0-based (row, column)."""
    return f"{column_letter(column)}{row + 1}"


def sheet_named(first: str, sheet: str) -> str:
    """“工作表“…”” before a row on sheet `first` that a problem on `sheet` names, when the
    two differ ('' on the same sheet): “与工作表“自查整改清单”第 6 行…”."""
    return "" if first == sheet else f"工作表“{first}”"


_FORMAT_PARTS = re.compile(
    r'"([^"]*)"|\\(.)|\[[^\]]*\]|_.|\*.|(yyyy|yy|e|mm|m|dd|d)|(.)', re.IGNORECASE | re.DOTALL
)
_NOT_A_DAY = re.compile("[hs]|mmm|ddd|am/pm|dbnum", re.IGNORECASE)


def date_as_shown(day: date, code: str) -> str:
    """A day as a cell of number format `code` shows it (m"月"d"日": 3月2日; m/d: 3/2);
    written out (2026年3月2日) when the format shows more or other than a day (a time, a
    month's name, a weekday, Chinese numerals) or none."""
    written = chinese_date(day)
    code = code.split(";")[0]
    if not code or _NOT_A_DAY.search(re.sub(r'"[^"]*"', "", code)):
        return written
    shown = []
    for part in _FORMAT_PARTS.finditer(code):
        quoted, escaped, token, other = part.groups()
        if quoted is not None or escaped is not None:
            shown.append(quoted if quoted is not None else escaped)
        elif token is not None:
            token = token.lower()
            if token in ("yyyy", "e"):
                shown.append(str(day.year))
            elif token == "yy":
                shown.append(f"{day.year % 100:02d}")
            elif token.startswith("m"):
                shown.append(f"{day.month:0{len(token)}d}")
            else:
                shown.append(f"{day.day:0{len(token)}d}")
        elif other is not None:
            if other.isascii() and other.isalpha():
                return written
            shown.append(other)
    return "".join(shown) or written
