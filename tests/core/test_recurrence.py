"""Recurrence rules: parsing, the days they fall on, rolling past days off, catch-up plans."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.recurrence import (
    CATCH_UP_MAX_DAYS, RecurrenceError, Rule, due_day, last_workday_of_month,
    next_occurrence, occurrences, parse_rule, plan,
)

# The 2026 National Day week as the statutory calendar has it: Oct 1-7 off (Thu-Wed),
# Sunday Sep 20 and Saturday Oct 10 worked in exchange (调休).
NATIONAL_DAY = WorkingCalendar(
    holidays=frozenset(date(2026, 10, d) for d in range(1, 8)),
    workdays=frozenset({date(2026, 9, 20), date(2026, 10, 10)}),
)
PLAIN = WorkingCalendar()


@pytest.mark.parametrize(("text", "rule"), [
    ("daily", Rule("daily")),
    ("weekdays", Rule("weekdays")),
    ("工作日", Rule("weekdays")),
    ("每天", Rule("daily")),
    ("weekly:mon,thu", Rule("weekly", days=(0, 3))),
    ("weekly:thu,mon,thu", Rule("weekly", days=(0, 3))),
    ("weekly:周一,周四", Rule("weekly", days=(0, 3))),
    ("Weekly:FRI", Rule("weekly", days=(4,))),
    ("monthly:15", Rule("monthly", day=15)),
    ("monthly:31", Rule("monthly", day=31)),
    ("monthly:last", Rule("monthly_last")),
    ("3d", Rule("every", n=3)),
    ("after:10d", Rule("after", n=10)),
])
def test_parse_rule(text, rule):
    assert parse_rule(text) == rule


@pytest.mark.parametrize("text", [
    "", "sometimes", "weekly:", "weekly:mon,funday", "monthly:0", "monthly:32", "monthly:",
    "monthly:first", "0d", "after:0d", "after:3", "-3d", "3w", "d",
])
def test_bad_rules_say_how_to_write_one(text):
    with pytest.raises(RecurrenceError, match="Use daily, weekdays, weekly:mon,thu"):
        parse_rule(text)


rules = st.one_of(
    st.sampled_from([Rule("daily"), Rule("weekdays"), Rule("monthly_last")]),
    st.builds(lambda days: Rule("weekly", days=tuple(sorted(days))),
              st.sets(st.integers(0, 6), min_size=1)),
    st.builds(lambda d: Rule("monthly", day=d), st.integers(1, 31)),
    st.builds(lambda n: Rule("every", n=n), st.integers(1, 400)),
    st.builds(lambda n: Rule("after", n=n), st.integers(1, 400)),
)


@given(rules)
def test_the_text_of_a_rule_reads_back_as_the_rule(rule):
    assert parse_rule(rule.text) == rule


def test_monthly_on_the_31st_takes_the_last_day_of_short_months():
    days = occurrences(parse_rule("monthly:31"), date(2026, 1, 1), date(2026, 6, 30),
                       anchor=date(2026, 1, 1), calendar=PLAIN)
    assert days == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31),
                    date(2026, 4, 30), date(2026, 5, 31), date(2026, 6, 30)]
    leap = occurrences(parse_rule("monthly:30"), date(2028, 2, 1), date(2028, 3, 31),
                       anchor=date(2028, 1, 1), calendar=PLAIN)
    assert leap == [date(2028, 2, 29), date(2028, 3, 30)]


def test_monthly_across_the_year_end():
    days = occurrences(parse_rule("monthly:15"), date(2026, 11, 20), date(2027, 2, 20),
                       anchor=date(2026, 1, 1), calendar=PLAIN)
    assert days == [date(2026, 12, 15), date(2027, 1, 15), date(2027, 2, 15)]


def test_last_working_day_of_the_month():
    # October 2026 ends on a Saturday: Friday the 30th.
    assert last_workday_of_month(2026, 10, PLAIN) == date(2026, 10, 30)
    # A month ending in a holiday run goes back past it.
    cal = WorkingCalendar(holidays=frozenset({date(2026, 12, 30), date(2026, 12, 31)}))
    assert last_workday_of_month(2026, 12, cal) == date(2026, 12, 29)
    # A make-up Saturday at the month end is the last working day.
    cal = WorkingCalendar(workdays=frozenset({date(2026, 2, 28)}))
    assert last_workday_of_month(2026, 2, cal) == date(2026, 2, 28)
    days = occurrences(parse_rule("monthly:last"), date(2026, 9, 1), date(2026, 12, 31),
                       anchor=date(2026, 9, 1), calendar=PLAIN)
    assert days == [date(2026, 9, 30), date(2026, 10, 30), date(2026, 11, 30),
                    date(2026, 12, 31)]


def test_weekdays_follow_holidays_and_make_up_days():
    days = occurrences(parse_rule("weekdays"), date(2026, 9, 28), date(2026, 10, 11),
                       anchor=date(2026, 1, 1), calendar=NATIONAL_DAY)
    assert days == [date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30),
                    date(2026, 10, 8), date(2026, 10, 9), date(2026, 10, 10)]


def test_daily_means_every_calendar_day():
    days = occurrences(parse_rule("daily"), date(2026, 10, 1), date(2026, 10, 3),
                       anchor=date(2026, 1, 1), calendar=NATIONAL_DAY)
    assert days == [date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 3)]
    assert due_day(parse_rule("daily"), date(2026, 10, 1), NATIONAL_DAY) == date(2026, 10, 1)


def test_weekly_and_monthly_on_a_day_off_fall_due_on_the_next_working_day():
    weekly = parse_rule("weekly:thu")
    assert occurrences(weekly, date(2026, 9, 28), date(2026, 10, 9), anchor=date(2026, 1, 1),
                       calendar=NATIONAL_DAY) == [date(2026, 10, 1), date(2026, 10, 8)]
    assert due_day(weekly, date(2026, 10, 1), NATIONAL_DAY) == date(2026, 10, 8)
    assert due_day(weekly, date(2026, 10, 8), NATIONAL_DAY) == date(2026, 10, 8)
    assert due_day(parse_rule("monthly:3"), date(2026, 10, 3), NATIONAL_DAY) == date(2026, 10, 8)
    # Saturday the 10th is a make-up workday: no roll.
    assert due_day(parse_rule("monthly:10"), date(2026, 10, 10), NATIONAL_DAY) == date(2026, 10, 10)


def test_every_n_days_counts_from_the_start():
    rule = parse_rule("3d")
    anchor = date(2026, 11, 1)
    assert occurrences(rule, date(2026, 11, 5), date(2026, 11, 14), anchor=anchor,
                       calendar=PLAIN) == [date(2026, 11, 7), date(2026, 11, 10), date(2026, 11, 13)]
    assert occurrences(rule, date(2026, 10, 1), date(2026, 11, 4), anchor=anchor,
                       calendar=PLAIN) == [date(2026, 11, 1), date(2026, 11, 4)]


def test_plan_catches_up_all_or_only_the_latest():
    rule = parse_rule("weekdays")
    common = dict(today=date(2026, 11, 27), anchor=date(2026, 11, 1),
                  generated_through=date(2026, 11, 23), calendar=PLAIN)
    assert plan(rule, catch_up="all", **common) == [
        date(2026, 11, 24), date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)]
    assert plan(rule, catch_up="latest", **common) == [date(2026, 11, 27)]
    # Up to date: nothing.
    assert plan(rule, today=date(2026, 11, 27), anchor=date(2026, 11, 1),
                generated_through=date(2026, 11, 27), calendar=PLAIN) == []
    # Not started yet: nothing.
    assert plan(rule, today=date(2026, 11, 27), anchor=date(2026, 11, 30),
                generated_through=None, calendar=PLAIN) == []


def test_plan_never_reaches_back_further_than_the_cap():
    days = plan(parse_rule("daily"), today=date(2026, 11, 27), anchor=date(2020, 1, 1),
                generated_through=None, calendar=PLAIN)
    assert len(days) == CATCH_UP_MAX_DAYS + 1
    assert days[0] == date(2026, 11, 27) - timedelta(days=CATCH_UP_MAX_DAYS)


def test_after_rules_wait_for_the_last_one_to_close():
    rule = parse_rule("after:10d")
    common = dict(today=date(2026, 11, 27), anchor=date(2026, 11, 1), generated_through=None,
                  calendar=PLAIN)
    assert plan(rule, **common) == [date(2026, 11, 1)]  # never made: the start day
    assert plan(rule, open_exists=True, last_nominal=date(2026, 11, 1), **common) == []
    # Done late on the 16th: the next is 10 days after that, not after the 1st.
    assert plan(rule, last_closed=date(2026, 11, 16), last_nominal=date(2026, 11, 1),
                **{**common, "today": date(2026, 11, 25)}) == []
    assert plan(rule, last_closed=date(2026, 11, 16), last_nominal=date(2026, 11, 1),
                **{**common, "today": date(2026, 11, 26)}) == [date(2026, 11, 26)]
    # A last occurrence whose job vanished (undone) is not made again.
    assert plan(rule, last_closed=None, last_nominal=date(2026, 11, 1),
                **common) == [date(2026, 11, 2)]
    assert next_occurrence(rule, date(2026, 11, 27), anchor=date(2026, 11, 1), calendar=PLAIN,
                           open_exists=True) is None


def test_next_occurrence():
    assert next_occurrence(parse_rule("monthly:last"), date(2026, 11, 27),
                           anchor=date(2026, 1, 1), calendar=PLAIN) == date(2026, 11, 30)
    assert next_occurrence(parse_rule("weekly:mon"), date(2026, 11, 27),
                           anchor=date(2026, 1, 1), calendar=PLAIN) == date(2026, 11, 30)
    assert next_occurrence(parse_rule("weekdays"), date(2026, 9, 30),
                           anchor=date(2026, 1, 1), calendar=NATIONAL_DAY) == date(2026, 10, 8)


days_in_2026 = st.integers(0, 364).map(lambda n: date(2026, 1, 1) + timedelta(days=n))


@settings(max_examples=150, deadline=None)
@given(rules.filter(lambda r: r.kind != "after"), days_in_2026,
       st.lists(st.integers(1, 20), min_size=1, max_size=8))
def test_running_day_by_day_makes_the_same_days_as_one_late_run(rule, anchor, gaps):
    """Catch-up 'all' in several runs (the app opened on scattered days) makes each nominal
    day once, with no gaps: the same days as one run at the end."""
    made: list[date] = []
    through = None
    today = anchor
    for gap in gaps:
        today = today + timedelta(days=gap)
        made += plan(rule, today=today, anchor=anchor, generated_through=through,
                     calendar=NATIONAL_DAY)
        through = today
    at_once = plan(rule, today=today, anchor=anchor, generated_through=None,
                   calendar=NATIONAL_DAY)
    if (today - anchor).days <= CATCH_UP_MAX_DAYS:
        assert made == at_once
    assert len(made) == len(set(made))
    assert made == sorted(made)


@settings(max_examples=150, deadline=None)
@given(rules.filter(lambda r: r.kind != "after"), days_in_2026, st.integers(0, 120))
def test_occurrences_are_sorted_inside_the_window_and_due_on_working_days(rule, start, span):
    end = start + timedelta(days=span)
    days = occurrences(rule, start, end, anchor=date(2026, 1, 1), calendar=NATIONAL_DAY)
    assert days == sorted(set(days))
    assert all(start <= d <= end for d in days)
    for day in days:
        due = due_day(rule, day, NATIONAL_DAY)
        assert due >= day
        if rule.kind != "daily":
            assert NATIONAL_DAY.is_workday(due)
