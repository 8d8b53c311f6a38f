"""Every due word of the quick-add grammar (core/dates.py), with the exact moment it
means from a fixed now."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.dates import DateParseError, parse_due

CAL = WorkingCalendar()
NOW = datetime(2026, 11, 27, 10, 0)  # Friday


def d(month: int, day: int, hh: int = 17, mm: int = 30, year: int = 2026) -> datetime:
    return datetime(year, month, day, hh, mm)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # A day without a time means the close of work that day.
        ("today", d(11, 27)),
        ("tomorrow", d(11, 28)),
        ("eod", d(11, 27)),
        # Weekday names: the next such day strictly after today.
        ("mon", d(11, 30)),
        ("tue", d(12, 1)),
        ("wed", d(12, 2)),
        ("thu", d(12, 3)),
        ("fri", d(12, 4)),
        ("sat", d(11, 28)),
        ("sun", d(11, 29)),
        ("monday", d(11, 30)),
        ("2026-12-01", d(12, 1)),
        ("2027-01-05", d(1, 5, year=2027)),
        ("2026-12-1", d(12, 1)),
        ("14:00", d(11, 27, 14, 0)),
        ("16:45", d(11, 27, 16, 45)),
        ("+3d", d(11, 30)),
        ("+2h", d(11, 27, 12, 0)),
        ("+30m", d(11, 27, 10, 30)),
        ("+1w", d(12, 4)),
        ("tomorrow@14:00", d(11, 28, 14, 0)),
        ("today@16:00", d(11, 27, 16, 0)),
        ("mon@9:00", d(11, 30, 9, 0)),
        ("2026-12-24@08:15", d(12, 24, 8, 15)),
        # Chinese words.
        ("今天", d(11, 27)),
        ("明天", d(11, 28)),
        ("后天", d(11, 29)),
        ("周一", d(11, 30)),
        ("周二", d(12, 1)),
        ("周三", d(12, 2)),
        ("周四", d(12, 3)),
        ("周五", d(12, 4)),
        ("周六", d(11, 28)),
        ("周日", d(11, 29)),
        ("周天", d(11, 29)),
        ("星期三", d(12, 2)),
        ("下周一", d(11, 30)),
        ("下周三", d(12, 2)),
        ("下周日", d(12, 6)),
        ("明天@9:30", d(11, 28, 9, 30)),
        ("后天@14:00", d(11, 29, 14, 0)),
        ("下周一@10:00", d(11, 30, 10, 0)),
        ("明天@9：30", d(11, 28, 9, 30)),  # a full-width colon, as a Chinese IME types it
    ],
)
def test_due_words(value, expected):
    assert parse_due(value, NOW, CAL) == expected


@pytest.mark.parametrize("value", ["TODAY", "Tomorrow@14:00", " fri ", "EOD", "Mon"])
def test_case_and_surrounding_space_do_not_matter(value):
    assert parse_due(value, NOW, CAL) == parse_due(value.strip().lower(), NOW, CAL)


def test_eod_after_hours_and_at_the_weekend_is_the_next_working_close():
    assert parse_due("eod", datetime(2026, 11, 27, 18, 0), CAL) == d(11, 30)
    assert parse_due("eod", datetime(2026, 11, 28, 9, 0), CAL) == d(11, 30)
    holiday = WorkingCalendar(holidays=frozenset({date(2026, 11, 30)}))
    assert parse_due("eod", datetime(2026, 11, 28, 9, 0), holiday) == d(12, 1)


def test_weekday_on_the_same_weekday_means_next_week():
    assert parse_due("fri", NOW, CAL) == d(12, 4)
    assert parse_due("周五", NOW, CAL) == d(12, 4)


def test_next_week_words_follow_the_chinese_week_monday_to_sunday():
    sunday = datetime(2026, 11, 29, 10, 0)
    assert parse_due("下周一", sunday, CAL) == d(11, 30)
    assert parse_due("周一", sunday, CAL) == d(11, 30)
    monday = datetime(2026, 11, 30, 10, 0)
    assert parse_due("下周一", monday, CAL) == d(12, 7)
    assert parse_due("周三", monday, CAL) == d(12, 2)
    assert parse_due("下周三", monday, CAL) == d(12, 9)


def test_the_close_of_work_follows_the_calendar():
    cal = WorkingCalendar(start=time(9, 0), end=time(18, 0))
    assert parse_due("today", NOW, cal) == d(11, 27, 18, 0)
    assert parse_due("+3d", NOW, cal) == d(11, 30, 18, 0)


def test_across_the_year_end():
    new_year_eve = datetime(2026, 12, 31, 10, 0)
    assert parse_due("tomorrow", new_year_eve, CAL) == d(1, 1, year=2027)
    assert parse_due("+2d", new_year_eve, CAL) == d(1, 2, year=2027)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "someday",
        "25:00",
        "12:60",
        "24:00",
        "2026-13-01",
        "2026-02-30",
        "0000-01-01",
        "tomorrow@",
        "@14:00",
        "tomorrow@25:00",
        "tomorrow@noon",
        "tomorrow@14:00@15:00",
        "+3x",
        "+d",
        "3d",
        "+-3d",
        "+999999d",
        "下周八",
        "下下周一",
        "明年",
        "mon@",
        "2026/12/01",
        "1400",
    ],
)
def test_bad_values_raise_date_parse_error(value):
    with pytest.raises(DateParseError):
        parse_due(value, NOW, CAL)


def test_huge_offsets_are_a_date_error_not_an_overflow():
    late = datetime(9999, 12, 30, 10, 0)
    with pytest.raises(DateParseError):
        parse_due("+99999d", late, CAL)
    with pytest.raises(DateParseError):
        parse_due("+99999h", late, CAL)


def test_date_parse_error_is_a_value_error():
    assert issubclass(DateParseError, ValueError)


def test_a_bare_time_already_past_today_means_tomorrow():
    from datetime import datetime as _dt

    from office_tui.core.calendar import WorkingCalendar as _Cal
    from office_tui.core.dates import parse_due as _parse

    now = _dt(2026, 11, 27, 10, 0)
    assert _parse("9:00", now, _Cal()) == _dt(2026, 11, 28, 9, 0)
    assert _parse("14:00", now, _Cal()) == _dt(2026, 11, 27, 14, 0)
    assert _parse("today@9:00", now, _Cal()) == _dt(2026, 11, 27, 9, 0)
