"""One date parser for every date a person gives (issue 14): the quick-add's words with
the day and the time apart or together, and days alone."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.dates import DateParseError, day_from, parse_date, parse_moment
from office_tui.core.errors import OfficeError

CAL = WorkingCalendar()
NOW = datetime(2026, 11, 27, 10, 0)  # Friday
TODAY = NOW.date()


@pytest.mark.parametrize(("text", "moment"), [
    ("明天 15:00", datetime(2026, 11, 28, 15, 0)),
    ("明天@15:00", datetime(2026, 11, 28, 15, 0)),
    ("明天15:00", datetime(2026, 11, 28, 15, 0)),
    ("tomorrow 9:00", datetime(2026, 11, 28, 9, 0)),
    ("Tomorrow  @ 9:00", datetime(2026, 11, 28, 9, 0)),
    ("2026-11-30 09:00", datetime(2026, 11, 30, 9, 0)),
    ("2026-11-30T09:00", datetime(2026, 11, 30, 9, 0)),
    ("2026-11-30 09:00:30", datetime(2026, 11, 30, 9, 0, 30)),
    ("２０２６－１１－３０　０９：００", datetime(2026, 11, 30, 9, 0)),
    ("下周一 8:30", datetime(2026, 11, 30, 8, 30)),
    ("mon 14:00", datetime(2026, 11, 30, 14, 0)),
    ("+2h", datetime(2026, 11, 27, 12, 0)),
    ("14:00", datetime(2026, 11, 27, 14, 0)),
    ("明天", datetime(2026, 11, 28, 17, 30)),
])
def test_moments(text, moment):
    assert parse_moment(text, NOW, CAL) == moment


@pytest.mark.parametrize("text", ["", "soon", "明天 后天 9:00", "tomorrow 25:00",
                                  "2026-02-30 09:00", "9:00 tomorrow"])
def test_bad_moments(text):
    with pytest.raises(DateParseError):
        parse_moment(text, NOW, CAL)


@pytest.mark.parametrize(("text", "day"), [
    ("明天", date(2026, 11, 28)), ("today", TODAY), ("yesterday", date(2026, 11, 26)),
    ("昨天", date(2026, 11, 26)), ("fri", date(2026, 12, 4)), ("周一", date(2026, 11, 30)),
    ("2026-12-01", date(2026, 12, 1)), ("+3d", date(2026, 11, 30)), ("+1w", date(2026, 12, 4)),
    (" 2026-12-01 ", date(2026, 12, 1)),
])
def test_days(text, day):
    assert parse_date(text, TODAY) == day


@pytest.mark.parametrize("text", ["", "soon", "+2h", "2026-02-30", "2026/12/01",
                                  "明天 9:00"])
def test_bad_days(text):
    with pytest.raises(DateParseError):
        parse_date(text, TODAY)


def test_day_from_names_what_is_wrong_in_one_line():
    with pytest.raises(OfficeError, match=r"^--date: Bad date 'soon': write a day like"):
        day_from("soon", TODAY, "--date")


@pytest.mark.parametrize("call", [
    lambda: parse_moment("2300-01-01 09:00", NOW, CAL),
    lambda: parse_date("2300-01-01", TODAY),
    lambda: parse_date("+99999w", TODAY),
    lambda: day_from("+99999w", TODAY, "--date"),
])
def test_the_range_of_dates_is_kept_and_said_as_such(call):
    with pytest.raises(OfficeError, match="outside the dates the app works with"):
        call()
