"""Kit offsets: parsing, placing linked jobs back from the event in working days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.kits import (
    KitError, KitItem, Offset, due_for, linked_title, parse_offset, plan, shift_workdays,
)

PLAIN = WorkingCalendar()
NATIONAL_DAY = WorkingCalendar(
    holidays=frozenset(date(2026, 10, d) for d in range(1, 8)),
    workdays=frozenset({date(2026, 9, 20), date(2026, 10, 10)}),
)
# Thursday 2026-12-03 at 14:00.
EVENT = datetime(2026, 12, 3, 14, 0)


@pytest.mark.parametrize(("text", "offset"), [
    ("-1d@17:00", Offset(days=-1, at=time(17, 0))),
    ("T-1d@17:00", Offset(days=-1, at=time(17, 0))),
    ("T−1d@17:00", Offset(days=-1, at=time(17, 0))),
    ("-1d", Offset(days=-1)),
    ("-2h", Offset(minutes=-120)),
    ("T−1h", Offset(minutes=-60)),
    ("-30m", Offset(minutes=-30)),
    ("@07:30", Offset(at=time(7, 30))),
    ("+1d@09:00", Offset(days=1, at=time(9, 0))),
    ("+2h", Offset(minutes=120)),
    ("-0d@8：30", Offset(at=time(8, 30))),
])
def test_parse_offset(text, offset):
    assert parse_offset(text) == offset


@pytest.mark.parametrize("text", ["", "yesterday", "-1", "1d", "-1w", "-2h@17:00", "-1d@25:00",
                                  "-1d@17", "@", "--1d", "-1d@17:00x"])
def test_bad_offsets_say_how_to_write_one(text):
    with pytest.raises(KitError):
        parse_offset(text)


offsets = st.one_of(
    st.builds(lambda d, at: Offset(days=d, at=at), st.integers(-30, 30).filter(bool),
              st.one_of(st.none(), st.times().map(lambda t: t.replace(second=0, microsecond=0)))),
    st.builds(lambda m: Offset(minutes=m), st.integers(-999, 999).filter(bool)),
    st.times().map(lambda t: Offset(at=t.replace(second=0, microsecond=0))),
)


@given(offsets)
def test_offset_text_reads_back(offset):
    assert parse_offset(offset.text) == offset


def test_the_issue_examples_for_a_thursday_afternoon_meeting():
    assert due_for(parse_offset("T-1d@17:00"), EVENT, PLAIN) == datetime(2026, 12, 2, 17, 0)
    assert due_for(parse_offset("T-2h"), EVENT, PLAIN) == datetime(2026, 12, 3, 12, 0)
    assert due_for(parse_offset("T-1h"), EVENT, PLAIN) == datetime(2026, 12, 3, 13, 0)
    assert due_for(parse_offset("T-1d"), EVENT, PLAIN) == datetime(2026, 12, 2, 14, 0)
    assert due_for(parse_offset("@07:30"), EVENT, PLAIN) == datetime(2026, 12, 3, 7, 30)
    assert due_for(parse_offset("+1d@09:00"), EVENT, PLAIN) == datetime(2026, 12, 4, 9, 0)


def test_day_offsets_count_working_days():
    monday = datetime(2026, 11, 30, 9, 30)
    assert due_for(parse_offset("-1d@17:00"), monday, PLAIN) == datetime(2026, 11, 27, 17, 0)
    assert due_for(parse_offset("-2d"), monday, PLAIN) == datetime(2026, 11, 26, 9, 30)
    after_holiday = datetime(2026, 10, 8, 9, 0)  # first day back after National Day
    assert due_for(parse_offset("-1d@17:00"), after_holiday, NATIONAL_DAY) == datetime(
        2026, 9, 30, 17, 0)
    # The make-up Saturday counts as a working day.
    monday_after = datetime(2026, 10, 12, 9, 0)
    assert due_for(parse_offset("-1d@17:00"), monday_after, NATIONAL_DAY) == datetime(
        2026, 10, 10, 17, 0)


def test_hour_offsets_are_clock_time():
    early = datetime(2026, 12, 3, 9, 0)
    assert due_for(parse_offset("-2h"), early, PLAIN) == datetime(2026, 12, 3, 7, 0)


def test_plan_orders_by_due_and_moves_with_the_event():
    items = [KitItem("room set-up", parse_offset("-2h"), "meeting", "high"),
             KitItem("name cards", parse_offset("-1d@17:00"), "print"),
             KitItem("car to the station", parse_offset("-1h"), "vehicle"),
             KitItem("water and fruit", parse_offset("-1d"), "supply")]
    placed = plan(items, EVENT, PLAIN)
    assert [(i.title, d) for i, d in placed] == [
        ("water and fruit", datetime(2026, 12, 2, 14, 0)),
        ("name cards", datetime(2026, 12, 2, 17, 0)),
        ("room set-up", datetime(2026, 12, 3, 12, 0)),
        ("car to the station", datetime(2026, 12, 3, 13, 0)),
    ]
    moved = plan(items, datetime(2026, 12, 7, 10, 0), PLAIN)  # to Monday morning
    assert [d for _i, d in moved] == [
        datetime(2026, 12, 4, 10, 0), datetime(2026, 12, 4, 17, 0),
        datetime(2026, 12, 7, 8, 0), datetime(2026, 12, 7, 9, 0)]


event_moments = st.datetimes(min_value=datetime(2026, 1, 5), max_value=datetime(2027, 12, 31)
                             ).map(lambda d: d.replace(second=0, microsecond=0))


@given(offsets, event_moments)
def test_day_offsets_land_on_working_days_and_keep_their_side(offset, event):
    due = due_for(offset, event, NATIONAL_DAY)
    if offset.days:
        assert NATIONAL_DAY.is_workday(due.date())
        assert (due.date() < event.date()) == (offset.days < 0)
    elif offset.minutes:
        assert (due - event).total_seconds() == offset.minutes * 60


@given(st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
       st.integers(-40, 40))
def test_shift_workdays_counts_exactly_n_working_days(day, n):
    moved = shift_workdays(day, n, NATIONAL_DAY)
    low, high = sorted((day, moved))
    span = [low + timedelta(days=i + 1) for i in range((high - low).days)]
    if n < 0:
        span = [low] + span[:-1]  # working days from `moved` up to, not including, `day`
    assert sum(NATIONAL_DAY.is_workday(d) for d in span) == abs(n)


def test_linked_title():
    assert linked_title("名签", "接待省教育厅检查组") == "名签 — 接待省教育厅检查组"
