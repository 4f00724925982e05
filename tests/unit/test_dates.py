from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huitoukan.dates import DateNotUnderstood, parse_date

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
    ],
)
def test_accepted_date_forms(value: object) -> None:
    assert parse_date(value, REF) == D


def test_month_day_in_next_year_of_a_december_campaign() -> None:
    assert parse_date("1月5日", REF) == date(2024, 1, 5)
    assert parse_date("11月30日", REF) == date(2023, 11, 30)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_is_none(value: object) -> None:
    assert parse_date(value, REF) is None


@pytest.mark.parametrize(
    "value", ["下周", "2023-13-01", "2023-02-30", "12月", "3", 12.5, True, "2023年底", "13月1日"]
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
    ):
        assert parse_date(text, REF) == day
