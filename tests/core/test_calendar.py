"""The working calendar: working time between moments, adding working time, end of day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from office_tui.core.calendar import WorkingCalendar

CAL = WorkingCalendar()
# The week around the fixed test "now": Mon 2026-11-23 .. Sun 2026-11-29, Mon 2026-11-30.
THU = date(2026, 11, 26)
FRI = date(2026, 11, 27)
SAT = date(2026, 11, 28)
SUN = date(2026, 11, 29)
MON = date(2026, 11, 30)
TUE = date(2026, 12, 1)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(day, time(hh, mm))


# -- working hours between ----------------------------------------------------------------


def test_default_day_is_nine_hours_monday_to_friday():
    assert CAL.day_minutes == 540
    assert CAL.working_hours_between(at(FRI, 8, 30), at(FRI, 17, 30)) == 9
    assert [CAL.is_workday(d) for d in (THU, FRI, SAT, SUN, MON)] == [
        True, True, False, False, True]


def test_within_one_day():
    assert CAL.working_hours_between(at(FRI, 10), at(FRI, 12, 30)) == 2.5


def test_outside_hours_count_nothing():
    assert CAL.working_hours_between(at(FRI, 6), at(FRI, 8, 30)) == 0
    assert CAL.working_hours_between(at(FRI, 17, 30), at(FRI, 23, 59)) == 0
    assert CAL.working_hours_between(at(FRI, 7), at(FRI, 19)) == 9


def test_across_a_night():
    assert CAL.working_hours_between(at(THU, 16, 30), at(FRI, 9, 30)) == 2


def test_across_a_weekend():
    assert CAL.working_hours_between(at(FRI, 16, 30), at(MON, 9, 30)) == 2
    assert CAL.working_hours_between(at(SAT, 12), at(SUN, 12)) == 0
    assert CAL.working_hours_between(at(SAT, 12), at(MON, 10)) == 1.5


def test_a_whole_week_and_a_whole_year():
    assert CAL.working_hours_between(at(FRI, 10), at(FRI + timedelta(days=7), 10)) == 45
    assert CAL.working_hours_between(at(FRI, 10), at(FRI + timedelta(days=364), 10)) == 52 * 45


def test_signed_when_b_is_before_a():
    assert CAL.working_hours_between(at(MON, 9, 30), at(FRI, 16, 30)) == -2


def test_a_holiday_is_not_worked():
    cal = WorkingCalendar(holidays=frozenset({MON}))
    assert not cal.is_workday(MON)
    assert cal.working_hours_between(at(FRI, 16, 30), at(TUE, 9, 30)) == 2
    # Without the holiday the same span holds a whole Monday more.
    assert CAL.working_hours_between(at(FRI, 16, 30), at(TUE, 9, 30)) == 11
    # Time on the holiday itself counts nothing.
    assert cal.working_hours_between(at(MON, 9), at(MON, 17)) == 0


def test_a_holiday_on_a_weekend_changes_nothing():
    cal = WorkingCalendar(holidays=frozenset({SAT, SUN}))
    assert cal.working_hours_between(at(FRI, 16, 30), at(MON, 9, 30)) == 2


def test_a_make_up_workday_is_worked():
    cal = WorkingCalendar(workdays=frozenset({SAT}))
    assert cal.is_workday(SAT)
    assert cal.working_hours_between(at(FRI, 16, 30), at(MON, 9, 30)) == 11
    assert cal.working_hours_between(at(SAT, 8, 30), at(SAT, 12)) == 3.5
    assert cal.working_hours_between(at(SUN, 8, 30), at(SUN, 12)) == 0


def test_a_national_holiday_week_with_make_up_days():
    # Golden week 2026 shape: Thu 1 Oct .. Wed 7 Oct off, Sun 27 Sep and Sat 10 Oct worked.
    holidays = frozenset(date(2026, 10, d) for d in range(1, 8))
    workdays = frozenset({date(2026, 9, 27), date(2026, 10, 10)})
    cal = WorkingCalendar(holidays=holidays, workdays=workdays)
    # Fri 25 Sep 17:30 -> Mon 12 Oct 08:30: Sun 27, Mon 28, Tue 29, Wed 30 Sep,
    # Thu 8, Fri 9, Sat 10 Oct worked = 7 days.
    assert cal.working_hours_between(datetime(2026, 9, 25, 17, 30),
                                     datetime(2026, 10, 12, 8, 30)) == 7 * 9
    assert cal.next_workday(date(2026, 9, 30)) == date(2026, 10, 8)
    assert cal.next_workday(date(2026, 9, 25)) == date(2026, 9, 27)


def test_a_day_both_holiday_and_make_up_workday_counts_as_worked():
    # A local override turning a holiday back into a workday must be counted, as is_workday says.
    cal = WorkingCalendar(holidays=frozenset({MON}), workdays=frozenset({MON}))
    assert cal.is_workday(MON)
    assert cal.working_hours_between(at(FRI, 17, 30), at(TUE, 8, 30)) == 9
    assert cal.add_working_minutes(at(FRI, 17, 30), 60) == at(MON, 9, 30)


def test_custom_hours_and_weekdays():
    cal = WorkingCalendar(start=time(9), end=time(18), weekdays=frozenset({0, 1, 2, 3, 4, 5}))
    assert cal.is_workday(SAT) and not cal.is_workday(SUN)
    assert cal.working_hours_between(at(FRI, 17), at(MON, 10)) == 1 + 9 + 1


def test_a_day_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        WorkingCalendar(start=time(17), end=time(9))


# -- adding working time ------------------------------------------------------------------


def test_four_working_hours_from_friday_afternoon_land_on_monday():
    assert CAL.add_working_minutes(at(FRI, 15), 240) == at(MON, 10)


def test_exact_end_of_day_stays_on_that_day():
    assert CAL.add_working_minutes(at(FRI, 8, 30), 540) == at(FRI, 17, 30)
    assert CAL.add_working_minutes(at(FRI, 15), 150) == at(FRI, 17, 30)
    assert CAL.add_working_minutes(at(FRI, 17, 30), 0) == at(FRI, 17, 30)


def test_adding_from_outside_hours_starts_at_the_next_opening():
    assert CAL.add_working_minutes(at(SAT, 12), 60) == at(MON, 9, 30)
    assert CAL.add_working_minutes(at(FRI, 18), 30) == at(MON, 9)
    assert CAL.add_working_minutes(at(FRI, 7), 30) == at(FRI, 9)


def test_adding_skips_holidays_and_uses_make_up_days():
    assert WorkingCalendar(holidays=frozenset({MON})).add_working_minutes(
        at(FRI, 15), 240) == at(TUE, 10)
    assert WorkingCalendar(workdays=frozenset({SAT})).add_working_minutes(
        at(FRI, 15), 240) == at(SAT, 10)


def test_subtracting_working_time_goes_back_over_the_weekend():
    assert CAL.add_working_minutes(at(MON, 9, 30), -120) == at(FRI, 16, 30)


def test_adding_whole_days():
    assert CAL.add_working_minutes(at(FRI, 10), 540) == at(MON, 10)
    assert CAL.add_working_minutes(at(FRI, 10), 5 * 540) == at(FRI + timedelta(days=7), 10)


# -- end of the working day ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(FRI, 7), at(FRI, 17, 30)),  # before opening: today
        (at(FRI, 10), at(FRI, 17, 30)),
        (at(FRI, 17, 29), at(FRI, 17, 30)),
        (at(FRI, 18), at(MON, 17, 30)),  # after hours: the next working day
        (at(SAT, 12), at(MON, 17, 30)),  # weekend
        (at(SUN, 23, 59), at(MON, 17, 30)),
        (at(THU, 19), at(FRI, 17, 30)),
    ],
)
def test_end_of_workday(moment, expected):
    assert CAL.end_of_workday(moment) == expected


def test_end_of_workday_over_holidays_and_make_up_days():
    assert WorkingCalendar(holidays=frozenset({MON})).end_of_workday(at(SAT, 9)) == at(TUE, 17, 30)
    assert WorkingCalendar(workdays=frozenset({SAT})).end_of_workday(at(SAT, 9)) == at(SAT, 17, 30)
    assert WorkingCalendar(holidays=frozenset({FRI})).end_of_workday(at(FRI, 9)) == at(MON, 17, 30)


# -- properties ---------------------------------------------------------------------------

BASE = date(2026, 1, 1)
days = st.integers(min_value=0, max_value=400).map(lambda n: BASE + timedelta(days=n))
exception_days = st.frozensets(days, max_size=12)


@st.composite
def calendars(draw) -> WorkingCalendar:
    return WorkingCalendar(holidays=draw(exception_days), workdays=draw(exception_days))


@st.composite
def moments(draw) -> datetime:
    """Any moment in the range, to the second."""
    return datetime.combine(draw(days), time()) + timedelta(
        seconds=draw(st.integers(0, 24 * 3600 - 1)))


@settings(max_examples=200, deadline=None)
@given(cal=calendars(), data=st.data())
def test_offset_round_trips_inside_working_hours(cal, data):
    day = data.draw(days.filter(cal.is_workday))
    # Strictly after the opening, up to and including the close: the opening of a day is the
    # same working instant as the close of the day before, and reads back as that close.
    seconds = data.draw(st.integers(1, int(cal.day_minutes * 60)))
    moment = datetime.combine(day, cal.start) + timedelta(seconds=seconds)
    assert cal.at_offset(cal.offset(moment)) == moment


@settings(max_examples=200, deadline=None)
@given(cal=calendars(), a=moments(), b=moments(), c=moments())
def test_working_hours_are_additive(cal, a, b, c):
    ab = cal.working_hours_between(a, b)
    bc = cal.working_hours_between(b, c)
    assert ab + bc == pytest.approx(cal.working_hours_between(a, c), abs=1e-9)
    assert ab == pytest.approx(-cal.working_hours_between(b, a), abs=1e-9)


def _reference_hours(cal: WorkingCalendar, a: datetime, b: datetime) -> float:
    """Working hours from a to b (a <= b), walking day by day."""
    total = 0.0
    day = a.date()
    while day <= b.date():
        if cal.is_workday(day):
            lo = max(a, datetime.combine(day, cal.start))
            hi = min(b, datetime.combine(day, cal.end))
            if hi > lo:
                total += (hi - lo).total_seconds() / 3600
        day += timedelta(days=1)
    return total


@settings(max_examples=200, deadline=None)
@given(cal=calendars(), a=moments(), b=moments())
def test_working_hours_match_a_day_by_day_walk(cal, a, b):
    a, b = min(a, b), max(a, b)
    assert cal.working_hours_between(a, b) == pytest.approx(_reference_hours(cal, a, b), abs=1e-6)


@settings(max_examples=200, deadline=None)
@given(cal=calendars(), start=moments(), minutes=st.integers(0, 20 * 540))
def test_adding_working_minutes_adds_exactly_that_much_working_time(cal, start, minutes):
    end = cal.add_working_minutes(start, minutes)
    assert end >= start or minutes == 0
    assert cal.working_hours_between(start, end) * 60 == pytest.approx(minutes, abs=1e-6)
    # The result is always inside working hours on a working day.
    assert cal.is_workday(end.date()) or minutes == 0
    if minutes:
        assert cal.start < end.time() <= cal.end
