"""Reading the dates departments type: real date cells, Excel serial numbers, and text.

Accepted text: 2023-12-10, 2023/12/10, 2023.12.10, 2023年12月10日, 20231210, 12月10日
(and the same with full-width digits, spaces, a trailing time or weekday, 号 for 日,
元月 for 1月, a two-digit year (23年12月10日, 23.12.10), or written in Chinese numerals as
official documents date themselves: 二〇二三年十二月十日). A date without a year takes
the campaign's year, moved to the next year when that would put it more than half a
year before the campaign was issued (a 1月 date in a December campaign).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

_EXCEL_EPOCH = date(1899, 12, 30)
_FIRST_YEAR = 1901
"""A date cell before this holds a number typed into it (12.5 for 12月5日 is 1900-01-12):
shown as the number typed, never as a date."""
_SERIAL_MIN, _SERIAL_MAX = 25_000, 80_000  # 1968 .. 2119: anything else is not a date
_YMD = re.compile(
    r"^(\d{4}|\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*[日号]?"
    r"(?:\s*[T\s]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_WEEKDAY = re.compile(r"\s*\(?\s*(?:星期|礼拜|周)[一二三四五六日天]\s*\)?$")
"""(星期二), 星期五, 周一 after a date: said by the date itself."""
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MD = re.compile(r"^(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*[日号]?$")
_CHINESE_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "两": 2}
_CHINESE_NUMBER = re.compile(f"[{''.join(_CHINESE_DIGITS)}十]+")


def _arabic(match: re.Match[str]) -> str:
    """A number in Chinese numerals in Arabic digits: a year digit by digit (二〇二三), a
    month or day with 十 (十二, 二十九, 三十一); unchanged when it is neither."""
    text = match.group()
    if "十" not in text:
        return "".join(str(_CHINESE_DIGITS[c]) for c in text)
    number = chinese_number(text)
    return text if number is None else str(number)


def chinese_number(text: str) -> int | None:
    """A number below a hundred in Chinese numerals (四, 十, 十二, 二十九); None when `text`
    is none (十十, 二二)."""
    if "十" not in text:
        return _CHINESE_DIGITS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    if not all(c in _CHINESE_DIGITS for c in tens + units):
        return None
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


def typed_as_number(value: object) -> bool:
    """A cell value that is a day typed as a number (12.5 for 12月5日), as a cell holds it
    or, formatted as a date, gives it (a day of 1900)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    return isinstance(value, date) and value.year <= 1900


class DateNotUnderstood(ValueError):
    """The value is not empty but is not a date we can read."""


def parse_date(value: object, reference: date) -> date | None:
    """The date in a cell value; None for an empty cell; DateNotUnderstood otherwise.

    `reference` (the campaign's issue date) supplies the year of a month-day date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        typed = typed_number(value)
        if typed is not None:  # a number typed into a date cell (12.5 for 12月5日)
            raise DateNotUnderstood(typed)
        return value.date() if isinstance(value, datetime) else value
    if isinstance(value, bool):
        raise DateNotUnderstood(str(value))
    if isinstance(value, int | float):
        return _from_number(value)
    if isinstance(value, timedelta):
        raise DateNotUnderstood(str(value))
    text = unicodedata.normalize("NFKC", str(value)).strip().strip("。.")
    if not text:
        return None
    text = _WEEKDAY.sub("", text).replace("元月", "1月")  # 星期二 is no number; 元月 is 1月
    text = _CHINESE_NUMBER.sub(_arabic, text)
    try:
        match = _YMD.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return date(year if year >= 100 else 2000 + year, month, day)  # 24年 is 2024年
        match = _COMPACT.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
        match = _MD.match(text)
        if match:
            month, day = (int(g) for g in match.groups())
            guess = date(reference.year, month, day)
            if (reference - guess).days > 183:
                guess = date(reference.year + 1, month, day)
            return guess
        if re.fullmatch(r"\d+(\.\d+)?", text):
            return _from_number(float(text))
    except ValueError:
        raise DateNotUnderstood(text) from None
    raise DateNotUnderstood(text)


_AT_ONCE = frozenset(
    {"立即", "立刻", "马上", "当即", "当天", "当日", "即知即改", "即查即改", "立行立改", "立查立改"}
)
_WITHIN = re.compile(r"^(\d+|半)(?:个)?(天|日|工作日|周|星期|月)$")
_WEEK_END = re.compile(r"^(?:本|这)?周(?:末)?$")
_MONTH_END = re.compile(r"^(?:本|当)?月(?:底|末)?$|^(\d{1,2})月(?:底|末|份)?$")
_YEAR_END = re.compile(r"^(?:本|今)?年(?:底|末)?$")
_DATED_END = re.compile(r"^(\d{2}|\d{4})年(?:(\d{1,2})月)?(底|末|份)?$")
"""2024年6月底, 2024年底: the end of that month or year (a 历史遗留 hazard's 整改时限 read as no
date, the campaign's default shown for it: clerk trial 118)."""
_TERM_END = re.compile(r"(?:之内|以内|内|前)$")


_BY_A_DAY = re.compile(r"^(.+?)(?:之前|以前|前)(?:完成)?(?:整改)?(?:完成)?$")


def by_day(value: object, reference: date) -> date | None:
    """The date of a 整改时限 written as one with 前 after it (2023年12月15日前, 12月15日前完成):
    that day; None for anything else (`reference` as for `parse_date`)."""
    if not isinstance(value, str):
        return None
    match = _BY_A_DAY.match(unicodedata.normalize("NFKC", value).strip().strip("。."))
    if match is None:
        return None
    try:
        return parse_date(match.group(1), reference)
    except DateNotUnderstood:
        return None


def term_deadline(value: object, start: date) -> date | None:
    """The 整改时限 a term written for it gives, counted from `start` (the day the hazard
    was found): 立即 and 即知即改 that day, 3天内 three days on, 5个工作日内 five weekdays on,
    一周内, 两个月内, 本周内 (its Sunday), 本月底前, 12月底前, 年底前, 2024年6月底, 2024年底;
    None for anything else (长期 is no date)."""
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip().strip("。.").replace(" ", "")
    text = re.sub(r"^(?:在|于)", "", text)
    text = re.sub(r"(?:整改)?(?:完成)?(?:整改)?$", "", text) or text
    if text in _AT_ONCE:
        return start
    text = _TERM_END.sub("", _CHINESE_NUMBER.sub(_arabic, text))
    if _WEEK_END.match(text):
        return start + timedelta(days=6 - start.weekday())
    if _YEAR_END.match(text):
        return date(start.year, 12, 31)
    dated = _DATED_END.match(text)
    if dated and (dated.group(2) or dated.group(3) in ("底", "末")):
        year = int(dated.group(1)) + (2000 if len(dated.group(1)) == 2 else 0)
        month = int(dated.group(2) or 12)
        if not 1 <= month <= 12:
            return None
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    month_end = _MONTH_END.match(text)
    if month_end:
        month = int(month_end.group(1) or start.month)
        if not 1 <= month <= 12:
            return None
        year = start.year + (month < start.month)
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    match = _WITHIN.match(text)
    if match is None:
        return None
    count, unit = match.groups()
    if count == "半":
        return start + timedelta(days=15) if unit == "月" else None
    n = int(count)
    if not 0 < n <= 366:
        return None
    if unit in ("天", "日"):
        return start + timedelta(days=n)
    if unit in ("周", "星期"):
        return start + timedelta(weeks=n)
    if unit == "工作日":
        day = start
        while n:
            day += timedelta(days=1)
            n -= day.weekday() < 5
        return day
    month = start.month - 1 + n
    year, month = start.year + month // 12, month % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(start.day, last))


def typed_number(moment: date) -> str | None:
    """The number a person typed into a date cell that shows `moment`, when it is one (of
    1900: Excel counts a 29 February 1900 that never was, so days before March are one
    more); None for a date."""
    if moment.year >= _FIRST_YEAR:
        return None
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    days = (moment - datetime.combine(_EXCEL_EPOCH, datetime.min.time())).total_seconds()
    days /= 86400
    if moment < datetime(1900, 3, 1):
        days -= 1
    return f"{days:g}"


def _from_number(number: float) -> date:
    if number == int(number) and 19_000_101 <= number <= 21_001_231:
        digits = str(int(number))
        try:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            raise DateNotUnderstood(digits) from None
    if _SERIAL_MIN <= number <= _SERIAL_MAX:
        return _EXCEL_EPOCH + timedelta(days=int(number))
    raise DateNotUnderstood(f"{number:g}")


def date_option(text: str | None, option: str, today: date, campaign_issued: date) -> date:
    """A date typed on the command line for `option` (today when not given). A month and
    day without a year (12/20, 12-20, 12月20日) are the campaign's, as in the forms."""
    from huitoukan.errors import InputError

    if text is None:
        return today
    try:
        parsed = parse_date(text, campaign_issued)
    except DateNotUnderstood:
        parsed = None
    if parsed is None:
        example = f"{campaign_issued.year}-12-20 或 12月20日"
        raise InputError(f"{option} “{text}” 不是有效日期，请写成 {example}")
    return parsed


_NUMBER_MD = re.compile(r"(\d{1,2})\.(\d)(\d?)")


def month_day_readings(typed: str, reference: date) -> list[date]:
    """The days a month and day typed as a number may be (`reference` as for
    `parse_date`): 12.1 is 12月1日, or 12月10日 (a number loses its trailing 0: 12.10 is
    kept as 12.1); none for any other text."""
    match = _NUMBER_MD.fullmatch(typed.strip())
    if match is None:
        return []
    month, first, second = match.groups()
    days = [first + second] + ([first + "0"] if not second and first != "0" else [])
    readings: list[date] = []
    for day in days:
        try:
            found = parse_date(f"{month}月{day}日", reference)
        except DateNotUnderstood:
            continue
        if found is not None:
            readings.append(found)
    return readings


def chinese_date(day: date) -> str:
    """A date as people read it in these forms and letters: 2023年12月20日."""
    return f"{day.year}年{day.month}月{day.day}日"
