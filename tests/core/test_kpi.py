"""KPI maths: on time, rates, percentiles, age buckets, periods, bars; the CSV guard."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from office_tui.core import kpi
from office_tui.core.report import neutralise

D = datetime(2026, 11, 24, 12, 0)


def test_on_time_is_no_later_than_the_due_or_the_promise():
    assert kpi.on_time(D, D, None)  # exactly at the due is on time
    assert not kpi.on_time(datetime(2026, 11, 24, 12, 1), D, None)
    assert kpi.on_time(datetime(2026, 11, 25, 9, 0), D, datetime(2026, 11, 25, 12, 0))
    assert not kpi.on_time(datetime(2026, 11, 25, 13, 0), D, datetime(2026, 11, 25, 12, 0))
    # A promise earlier than the due does not take the due away.
    assert kpi.on_time(datetime(2026, 11, 24, 11, 0), D, datetime(2026, 11, 24, 10, 0))
    assert kpi.on_time(D, None, None)  # no limit, nothing to miss


def test_rate_rounds_to_one_decimal():
    assert kpi.rate(2, 3) == 66.7
    assert kpi.rate(1, 3) == 33.3
    assert kpi.rate(1, 8) == 12.5
    assert kpi.rate(3, 3) == 100.0
    assert kpi.rate(0, 0) is None
    assert kpi.format_rate(66.7) == "66.7%"
    assert kpi.format_rate(None) == "—"


def test_percentiles_interpolate_like_numpy():
    assert kpi.median([2.0, 6.0]) == 4.0
    assert kpi.percentile([2.0, 6.0], 90) == pytest.approx(5.6)
    assert kpi.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == pytest.approx(9.1)
    assert kpi.median([5.0]) == 5.0
    assert kpi.median([]) is None
    with pytest.raises(ValueError):
        kpi.percentile([1.0], 101)


@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1),
       st.floats(0, 100, allow_nan=False))
def test_a_percentile_lies_within_the_values_and_grows_with_p(values, p):
    found = kpi.percentile(values, p)
    assert min(values) <= found <= max(values) or found == pytest.approx(min(values))
    assert kpi.percentile(values, min(p + 5, 100)) >= found - 1e-6


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_rate_is_a_percentage(part, whole):
    part = min(part, whole)
    value = kpi.rate(part, whole)
    assert 0.0 <= value <= 100.0
    assert abs(value - 100 * part / whole) <= 0.05 + 1e-9


def test_age_buckets():
    assert [kpi.age_bucket(a) for a in (0, 0.99, 1, 2.9, 3, 4.99, 5, 9.9, 10, 400)] == [
        "lt1", "lt1", "1to3", "1to3", "3to5", "3to5", "5to10", "5to10", "ge10", "ge10"]
    assert kpi.bucket_counts([0.5, 0.2, 12]) == {"lt1": 2, "1to3": 0, "3to5": 0, "5to10": 0,
                                                 "ge10": 1}


def test_periods():
    friday = date(2026, 11, 27)
    week = kpi.period("week", friday)
    assert (week.start, week.end) == (date(2026, 11, 23), date(2026, 11, 29))
    assert week.label == "2026-W48 (2026-11-23 – 2026-11-29)" and week.slug == "2026-W48"
    assert len(week.days) == 7
    month = kpi.period("month", friday)
    assert (month.start, month.end) == (date(2026, 11, 1), date(2026, 11, 30))
    december = kpi.period("month", date(2026, 12, 31))
    assert december.end == date(2026, 12, 31)
    day = kpi.period("day", friday)
    assert day.end_moment == datetime(2026, 11, 28, 0, 0)
    custom = kpi.period("custom", friday, date(2026, 11, 1), date(2026, 11, 15))
    assert custom.slug == "2026-11-01_2026-11-15"
    with pytest.raises(ValueError):
        kpi.period("custom", friday, date(2026, 11, 15), date(2026, 11, 1))


def test_daily_counts():
    week = kpi.period("week", date(2026, 11, 27))
    moments = [datetime(2026, 11, 23, 9), datetime(2026, 11, 23, 17), datetime(2026, 11, 29, 23),
               datetime(2026, 11, 30, 0)]
    assert kpi.daily_counts(moments, week) == [2, 0, 0, 0, 0, 0, 1]


def test_bars_are_proportional():
    assert kpi.bar(10, 10, width=4) == "████"
    assert kpi.bar(5, 10, width=4) == "██"
    assert kpi.bar(0, 10) == "" and kpi.bar(3, 0) == ""
    assert kpi.bar(1, 1000, width=4) == "▏"  # something is never drawn as nothing


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"), ("\rcmd", "'\rcmd"),
    ("三楼灯管", "三楼灯管"), ("a=b", "a=b"), (42, 42), (-3, -3), (66.7, 66.7), (None, None),
])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(value, expected):
    assert neutralise(value) == expected
