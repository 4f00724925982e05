"""A hazard's state: 已销号 needs 已完成 and its 销号时间 (and 复查 合格 when required)."""

from __future__ import annotations

from datetime import date

import pytest

from huitoukan.model.returns import (
    DONE,
    FAILED,
    IN_PROGRESS,
    NOT_STARTED,
    PASSED,
    UNREVIEWED,
    HazardRow,
)

AS_OF = date(2023, 12, 20)


def row(**fields: object) -> HazardRow:
    base: dict[str, object] = {
        "department": "安全保卫处",
        "source_file": "a.xlsx",
        "source_sheet": "自查整改清单",
        "source_row": 6,
        "hazard": "灭火器过期",
        "deadline": date(2023, 12, 15),
    }
    base.update(fields)
    return HazardRow(**base)  # type: ignore[arg-type]


def test_done_without_a_closing_date_stays_open() -> None:
    hazard = row(progress=DONE)
    assert not hazard.closed
    assert hazard.state(AS_OF) == "逾期"
    assert hazard.days_overdue(AS_OF) == 5


def test_done_with_a_closing_date_is_closed() -> None:
    hazard = row(progress=DONE, closed_on=date(2023, 12, 12))
    assert hazard.closed
    assert hazard.state(AS_OF) == "已销号"
    assert hazard.days_overdue(AS_OF) == 0


def test_review_decides_when_required() -> None:
    done = {"progress": DONE, "closed_on": date(2023, 12, 12)}
    assert row(**done, review=UNREVIEWED).state(AS_OF) == UNREVIEWED
    assert row(**done, review=PASSED).closed
    failed = row(**done, review=FAILED)
    assert not failed.closed
    assert failed.state(AS_OF) == "逾期"
    assert row(progress=DONE, review=UNREVIEWED).state(AS_OF) == "逾期"  # no date: not owed


def test_in_progress_is_open() -> None:
    assert row(progress=IN_PROGRESS).state(AS_OF) == "逾期"
    assert row(progress=IN_PROGRESS).state(date(2023, 12, 15)) == "整改中"


def test_not_started_says_so_until_overdue() -> None:
    """未整改 is not 整改中: the register's 状态 keeps the department's word."""
    for progress, expected in ((NOT_STARTED, "未整改"), (None, "整改中")):
        assert row(progress=progress).state(date(2023, 12, 15)) == expected
        assert row(progress=progress).state(date(2023, 12, 16)) == "逾期"


@pytest.mark.parametrize(("closed_on", "late"), [(14, 0), (15, 0), (16, 1), (19, 4)])
def test_a_hazard_completed_after_its_deadline_counts_the_days_it_was_late(
    closed_on: int, late: int
) -> None:
    """整改时限 12月15日, 销号 the 16th: the register's 逾期天数 was blank, as for one done in
    time (clerk trial 50). Done on the day itself is in time; open, the days run to as_of;
    failed its review, it is open again."""
    done = row(progress=DONE, closed_on=date(2023, 12, closed_on))
    assert done.days_late(AS_OF) == late and done.days_overdue(AS_OF) == 0
    assert row(progress=IN_PROGRESS).days_late(AS_OF) == 5
    assert (
        row(progress=DONE, closed_on=date(2023, 12, closed_on), review=FAILED).days_late(AS_OF) == 5
    )
    assert row(progress=DONE, closed_on=date(2023, 12, 16), deadline=None).days_late(AS_OF) == 0


@pytest.mark.parametrize(("closed_on", "late"), [(14, 0), (15, 0), (16, 1)])
def test_status_gives_the_days_late_the_register_shows(closed_on: int, late: int) -> None:
    """--json said days_overdue 0 and days_left -9 for a hazard done three days late and
    awaiting its review, the register 逾期天数 3 (clerk trial 75): days_late is the
    register's figure, and a hazard reported done has no days left."""
    from huitoukan.register.status import HazardView

    done = row(progress=DONE, closed_on=date(2023, 12, closed_on), review="待复查")
    view = HazardView.of(done, AS_OF, long_standing=False)
    assert (view.days_late, view.days_overdue, view.days_left) == (late, 0, None)
    still = HazardView.of(row(progress=IN_PROGRESS), AS_OF, long_standing=False)
    assert (still.days_late, still.days_overdue, still.days_left) == (5, 5, -5)
    # failed its review, it is open again, its days left counted (“None天”: clerk trial 84)
    failed = row(progress=DONE, closed_on=date(2023, 12, 12), review=FAILED, deadline=AS_OF)
    assert HazardView.of(failed, AS_OF, long_standing=False).days_left == 0


RELEASED_FIELDS = (
    "department", "source_file", "source_sheet", "source_row", "seq", "location", "item",
    "hazard", "measures", "deadline", "deadline_is_default", "progress", "progress_text",
    "owner", "checked_on", "closed_on", "remarks", "errors", "warnings", "vanished_from",
    "number", "source", "photos", "review", "reviewer", "reviewed_on", "review_note",
    "deadline_assigned", "unlisted_on", "kept_id", "before_photos_only", "before_photos",
    "id_name", "photos_unread", "put_off_from", "photo_hint", "history",
)  # fmt: skip
"""HazardRow's fields as the registers written before closing_flaw hold them."""


def test_a_register_written_before_keeps_its_hazards() -> None:
    """The state record holds each hazard as a list, field by field in order: a field put
    between two others would read an older register's values into the wrong fields. New
    fields go last, with a default."""
    import json

    from huitoukan.register.record import RegisterState

    assert HazardRow._fields[: len(RELEASED_FIELDS)] == RELEASED_FIELDS
    written = RegisterState(hazards=[row(photo_hint="见第 9 行")], returned={})
    old = json.loads(written.model_dump_json())
    old["hazards"] = [h[: len(RELEASED_FIELDS)] for h in old["hazards"]]
    [read] = RegisterState.model_validate_json(json.dumps(old)).hazards
    assert read == row(photo_hint="见第 9 行") and read.closing_flaw == ""


@pytest.mark.parametrize(
    ("remarks", "marked"),
    [
        ("历史遗留问题，已采取临时围挡", True),
        ("不存在短期内无法整改的情况", False),
        ("不属于历史遗留问题", False),
        ("非历史遗留", False),
        ("未列入历史遗留", False),
        ("未纳入历史遗留问题", False),
        ("没有列入历史遗留问题", False),
        ("暂不作为历史遗留", False),
        ("非属历史遗留问题", False),
        ("未被认定为历史遗留", False),
        ("不认定为历史遗留", False),
        ("排除历史遗留", False),
        ("没有被认定为历史遗留问题", False),  # trial 99
        ("未认定历史遗留", False),
        ("不算历史遗留", False),
        ("不再作为历史遗留问题", False),
        ("不应视为历史遗留", False),
        ("不按历史遗留处理", False),
        ("不得列为历史遗留", False),
        ("否认为历史遗留", False),
        ("不能算历史遗留", False),  # session 23
        ("算不上历史遗留问题", False),
        ("不计入历史遗留问题", False),
        ("不能算作历史遗留", False),
        ("未归入历史遗留问题", False),
        ("已计入历史遗留问题", True),
        ("已认定为历史遗留问题", True),
        ("是否涉及历史遗留：否", False),
        ("是否涉及历史遗留：是", True),
        ("历史遗留：无；资金已到位", False),
    ],
)
def test_long_standing_said_not_to_be_is_not_marked(remarks: str, marked: bool) -> None:
    """The form asks for 历史遗留 in 备注; a department saying a hazard is not one (or a
    column of its own, 是否涉及历史遗留, answered 否 and kept in 备注) put it on the 历史遗留问题
    sheet, reported to the leadership group (clerk trial 95)."""
    assert row(remarks=remarks).long_standing is marked
    far = row(remarks=remarks, checked_on=date(2023, 12, 10), deadline=date(2024, 6, 30))
    assert far.long_standing is marked


@pytest.mark.parametrize(
    "remarks",
    [
        "短期内难以整改，已落实替代措施",
        "短期内无法整改，资金未到位",  # as departments say it too (clerk trial 179 AF3)
        "需长期整改，已设警示标识",
        "已采取临时防护措施，明年暑假改造",
        "整改完成前的防范措施：专人值守",
        "补救措施：临时调配2具灭火器",
        "不是历史遗留问题；短期内难以整改",  # one mark denied, the other said
    ],
)
@pytest.mark.parametrize(
    ("deadline", "marked"),
    [
        (date(2024, 3, 8), False),  # 89 days after the 检查时间: to be done soon
        (date(2024, 3, 9), True),  # 90
        (date(2024, 3, 10), True),
        (None, True),  # 长期: not a date
    ],
)
def test_interim_measures_mark_only_a_hazard_not_to_be_done_soon(
    remarks: str, deadline: date | None, marked: bool
) -> None:
    """补救措施, 临时防护措施, 短期内无法整改 … are written of hazards due within days too (the
    form's column asks for 补救或替代措施): they put those on the 历史遗留 list for the
    leadership group (clerk trials 180 AG2, 182 AH101). They mark one whose 整改时限 is 90
    days or more after its 检查时间, or no date; 历史遗留 marks any."""
    hazard = row(remarks=remarks, checked_on=date(2023, 12, 10), deadline=deadline)
    assert hazard.long_standing is marked
    assert (
        row(measures=remarks, checked_on=date(2023, 12, 10), deadline=deadline).long_standing
        is marked
    )


@pytest.mark.parametrize(
    ("given", "overdue", "late"),
    [
        (date(2023, 12, 14), 5, 2),  # given before its 整改时限: that one stands
        (date(2023, 12, 15), 5, 2),  # given on its last day
        (date(2023, 12, 16), 4, 1),  # given after it had passed: from the day given
        (date(2023, 12, 17), 3, 0),  # closed the day it was given
    ],
)
def test_a_hazard_given_after_its_deadline_is_late_from_the_day_given(
    given: date, overdue: int, late: int
) -> None:
    """An answer to a problem given its department after the 整改时限 had passed (clerk
    trial 138): its days overdue, and late, count from the day given."""
    from huitoukan.model.returns import due_day

    due_from = given if given > date(2023, 12, 15) else None
    assert due_day(date(2023, 12, 15), given) == (due_from or date(2023, 12, 15))
    assert row(due_from=due_from).days_overdue(AS_OF) == overdue
    assert row(due_from=due_from, progress=IN_PROGRESS).state(AS_OF) == "逾期"
    assert row(due_from=due_from).days_overdue(given) == 0  # not the day it was given
    done = row(due_from=due_from, progress=DONE, closed_on=date(2023, 12, 17))
    assert done.completed_late == late and done.days_late(AS_OF) == late
    assert due_day(None, given) is None


@pytest.mark.parametrize(("typed", "marked"), [(True, True), (False, False)])
def test_interim_measures_of_a_deadline_not_given_mark_one_typed_as_no_date(
    typed: bool, marked: bool
) -> None:
    """整改时限 长期 (typed, not a date: an error, the campaign's default stands in) is not to
    be done soon; left blank, the default standing in too, it says nothing of the term (a
    short fix with a 补救措施 went to the leadership group: trial 183 AI3)."""
    said = (("整改时限", "整改时限“长期”不是日期"),) if typed else ()
    hazard = row(
        remarks="补救措施：临时调配2具灭火器",
        checked_on=date(2023, 12, 10),
        deadline=date(2023, 12, 31),
        deadline_is_default=True,
        errors_said=said,
    )
    assert hazard.long_standing is marked
