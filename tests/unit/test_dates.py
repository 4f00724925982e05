from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huitoukan.dates import DateNotUnderstood, month_day_readings, parse_date

REF = date(2023, 12, 5)
D = date(2023, 12, 10)


@pytest.mark.parametrize(
    "value",
    [
        D,
        datetime(2023, 12, 10, 9, 30),
        45270,
        45270.0,
        20231210,
        "2023-12-10",
        "2023/12/10",
        "2023.12.10",
        "2023年12月10日",
        "2023 年 12 月 10 日",
        "20231210",
        "12月10日",
        "12-10",
        "２０２３－１２－１０",
        "2023-12-10 00:00:00",
        " 2023.12.10。",
        "45270",
        "2023年12月10号",
        "12月10号",
        "二〇二三年十二月十日",
        "二零二三年十二月十日",
        "二○二三年十二月十号",
        "十二月十日",
        "2023年12月10日（星期日）",
        "2023年12月10日(星期二)",  # not the right weekday: the date is what counts
        "2023-12-10 星期五",
        "2023.12.10周一",
        "2023-12-10 星期日",
        "2023.12.10周日",
        "23年12月10日",
        "23.12.10",
        "二〇二三年十二月十日(星期日)",
    ],
)
def test_accepted_date_forms(value: object) -> None:
    assert parse_date(value, REF) == D


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("二〇二四年十一月十九日", date(2024, 11, 19)),
        ("二〇二四年一月一日", date(2024, 1, 1)),
        ("二〇二四年十月二十日", date(2024, 10, 20)),
        ("二〇二四年二月二十九日", date(2024, 2, 29)),
        ("二〇二四年十二月三十一日", date(2024, 12, 31)),
        ("2024年11月22号", date(2024, 11, 22)),
        ("2025年元月6日", date(2025, 1, 6)),
        ("二〇二五年元月六日", date(2025, 1, 6)),
    ],
)
def test_chinese_numerals_and_hao(text: str, day: date) -> None:
    assert parse_date(text, REF) == day


def test_month_day_in_next_year_of_a_december_campaign() -> None:
    assert parse_date("1月5日", REF) == date(2024, 1, 5)
    assert parse_date("11月30日", REF) == date(2023, 11, 30)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_is_none(value: object) -> None:
    assert parse_date(value, REF) is None


@pytest.mark.parametrize(
    "value",
    [
        "下周",
        "2023-13-01",
        "2023-02-30",
        "12月",
        "3",
        12.5,
        True,
        "2023年底",
        "13月1日",
        "二〇二三年十二月三十二日",
        "十二月中旬",
        "二〇二三年十三月一日",
        "三",
        "星期日",
        "123.12.10",
        "2023年12月周日",
    ],
)
def test_not_a_date(value: object) -> None:
    with pytest.raises(DateNotUnderstood):
        parse_date(value, REF)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_every_written_form_reads_back(day: date) -> None:
    for text in (
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month:02d}.{day.day:02d}",
        f"{day.year}年{day.month}月{day.day}日",
        day.strftime("%Y%m%d"),
        f"{day.year}年{day.month}月{day.day}号",
        _in_chinese_numerals(day),
    ):
        assert parse_date(text, REF) == day


def _in_chinese_numerals(day: date) -> str:
    """二〇二三年十二月十日, as official documents are dated."""
    digits = "〇一二三四五六七八九"

    def small(n: int) -> str:
        tens, units = divmod(n, 10)
        return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (
            digits[units] if units or not tens else ""
        )

    year = "".join(digits[int(c)] for c in str(day.year))
    return f"{year}年{small(day.month)}月{small(day.day)}日"


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("12.1", [date(2023, 12, 1), date(2023, 12, 10)]),  # 12.10 kept as 12.1
        ("12.3", [date(2023, 12, 3), date(2023, 12, 30)]),
        ("12.4", [date(2023, 12, 4)]),  # no 12月40日
        ("2.3", [date(2024, 2, 3)]),  # no 2月30日; of the next year, as 2月3日 is
        ("12.01", [date(2023, 12, 1)]),
        ("12.0", []),
        ("13.1", []),
        ("100", []),
        ("十二月", []),
    ],
)
def test_a_month_and_day_typed_as_a_number_may_be_these_days(typed: str, days: list[date]) -> None:
    """What the 日期 typed as a number may be, said with its error (clerk trial 235 CI3)."""
    assert month_day_readings(typed, date(2023, 11, 20)) == days
