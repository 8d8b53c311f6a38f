"""The services' working calendar: the package's holidays and 调休, local overrides, hours."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from office_tui.services import OfficeError, Services
from office_tui.services.calendar import Statutory, build_calendar, statutory


def test_statutory_holidays_and_make_up_workdays_come_from_the_package(services):
    cal = services.calendar
    assert not cal.is_workday(date(2026, 10, 1))  # National Day, a Thursday
    assert not cal.is_workday(date(2026, 10, 2))
    assert cal.is_workday(date(2026, 10, 10))  # a Saturday worked in exchange (调休)
    assert cal.is_workday(date(2026, 2, 14))  # Spring Festival make-up Saturday
    assert not cal.is_workday(date(2026, 2, 16))
    assert 2026 in statutory().years


def test_due_words_use_the_calendar_eod_before_a_holiday(services, clock):
    # Wednesday 2026-09-30 after work: the next working day is Thursday 10-08, not 10-01.
    clock.now = datetime(2026, 9, 30, 18, 0)
    job = services.jobs.add("fix door due:eod #repair")
    assert job.due == datetime(2026, 10, 8, 17, 30)


def test_time_limits_skip_holidays(services, clock):
    clock.now = datetime(2026, 9, 30, 17, 0)
    job = services.jobs.add("paper #supply !normal")  # one working day
    # 540 working minutes from 17:00 on 09-30: 30 that day, 510 on Thursday 10-08.
    assert job.due == datetime(2026, 10, 8, 17, 0)


def test_local_override_wins_and_is_listed(services):
    later = date(2027, 2, 7)  # a Sunday the package does not know yet
    assert not services.calendar.is_workday(later)
    row = services.calendars.set_day("2027-02-07", "workday", note="春节调休")
    assert row == {"day": "2027-02-07", "kind": "workday", "note": "春节调休",
                   "updated": "2026-11-27T10:00:00"}
    assert services.calendar.is_workday(later)
    services.calendars.set_day("2026-10-10", "holiday")  # overrides a statutory 调休
    assert not services.calendar.is_workday(date(2026, 10, 10))
    assert [r["day"] for r in services.calendars.overrides()] == ["2026-10-10", "2027-02-07"]
    year = {r["day"]: r for r in services.calendars.year(2026)}
    assert year["2026-10-10"]["source"] == "local" and year["2026-10-10"]["kind"] == "holiday"
    assert year["2026-10-01"]["source"] == "statutory"
    services.calendars.unset_day("2026-10-10")
    assert services.calendar.is_workday(date(2026, 10, 10))


def test_overrides_are_seen_by_a_fresh_process(db_path, services):
    services.calendars.set_day("2027-01-04", "holiday")
    other = Services(db_path).open()
    try:
        assert not other.calendar.is_workday(date(2027, 1, 4))
    finally:
        other.close()


@pytest.mark.parametrize(("day", "kind", "message"), [
    ("2027-13-01", "workday", "Bad date '2027-13-01'"),
    ("someday", "workday", "Bad date 'someday'"),
    ("2027-01-04", "sometimes", "Unknown kind of day 'sometimes'"),
    ("2027-01-04", "", "Unknown kind of day ''"),
])
def test_bad_overrides_are_refused_and_write_nothing(services, day, kind, message):
    with pytest.raises(OfficeError, match=message):
        services.calendars.set_day(day, kind)
    assert services.calendars.overrides() == []


def test_unset_of_a_day_without_override_is_refused(services):
    with pytest.raises(OfficeError, match="no local override"):
        services.calendars.unset_day("2027-01-04")


def test_working_hours_from_settings(services, clock):
    services.calendars.set_hours("09:00", "18:00")
    assert services.calendar.start == time(9, 0) and services.calendar.end == time(18, 0)
    job = services.jobs.add("fix door due:today #repair")
    assert job.due == datetime(2026, 11, 27, 18, 0)
    services.calendars.set_hours("08:00", "12:00", days="mon,tue,wed,thu,fri,sat")
    assert services.calendar.is_workday(date(2026, 11, 28))
    for start, end, days in (("9:00", "8:00", None), ("25:00", "26:00", None),
                             ("08:00", "17:00", "mon,funday"), ("08:00", "17:00", ",")):
        with pytest.raises(OfficeError):
            services.calendars.set_hours(start, end, days)
    assert services.calendar.end == time(12, 0)  # the refusals wrote nothing


def test_a_given_calendar_is_used_as_it_is(db_path):
    from office_tui.core.calendar import WorkingCalendar

    fixed = WorkingCalendar()
    svc = Services(db_path, calendar=fixed).open()
    try:
        svc.calendars.set_day("2026-11-30", "holiday")
        assert svc.calendar is fixed
    finally:
        svc.close()


def test_build_calendar_puts_local_days_over_the_package():
    base = Statutory(holidays=frozenset({date(2030, 1, 1)}),
                     workdays=frozenset({date(2030, 1, 5)}), names={})
    cal = build_calendar(base, [{"day": "2030-01-01", "kind": "workday"},
                                {"day": "2030-01-05", "kind": "holiday"},
                                {"day": "2030-01-07", "kind": "holiday"}])
    assert cal.is_workday(date(2030, 1, 1))
    assert not cal.is_workday(date(2030, 1, 5))
    assert not cal.is_workday(date(2030, 1, 7))
    assert cal.is_workday(date(2030, 1, 8))
