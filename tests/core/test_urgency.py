"""Urgency as core/urgency.py defines it: named parts that add up, in working hours, tunable."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.urgency import UrgencySettings, compute, due_factor, sort_key

CAL = WorkingCalendar()
NOW = datetime(2026, 11, 27, 10, 0)  # Friday
DEFAULT = UrgencySettings()


def in_hours(hours: float) -> datetime:
    """The moment `hours` working hours from NOW (negative: before)."""
    return CAL.add_working_minutes(NOW, hours * 60)


def urgency(*, importance="normal", expedite=False, due=None, created=NOW, status="open",
            now=NOW, settings=None):
    return compute(importance=importance, expedite=expedite, due=due, created=created,
                   status=status, now=now, calendar=CAL, settings=settings)


def parts(u) -> dict[str, float]:
    return {p.name: p.value for p in u.parts}


# -- the due factor -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours_left", "factor"),
    [
        (None, 0.0),
        (1000, 0.1),
        (40, 0.1),
        (39.999, 1.0 - 0.9 * 39.999 / 40),
        (20, 0.55),
        (10, 0.775),
        (0, 1.0),
        (-4.5, 1.25),
        (-9, 1.5),
        (-90, 1.5),
    ],
)
def test_due_factor_curve(hours_left, factor):
    assert due_factor(hours_left, DEFAULT) == pytest.approx(factor)


@pytest.mark.parametrize(
    ("due_hours", "points"),
    [(None, 0.0), (45, 1.2), (40, 1.2), (20, 6.6), (0, 12.0), (-4.5, 15.0), (-9, 18.0),
     (-30, 18.0)],
)
def test_due_points_are_twelve_times_the_factor_in_working_hours(due_hours, points):
    due = None if due_hours is None else in_hours(due_hours)
    assert parts(urgency(due=due))["due"] == pytest.approx(points)


def test_due_is_measured_in_working_hours_not_wall_clock():
    # Monday 10:00 is 9 working hours from Friday 10:00, not 72 clock hours.
    u = urgency(due=datetime(2026, 11, 30, 10, 0))
    assert parts(u)["due"] == pytest.approx(12 * (1 - 0.9 * 9 / 40))


# -- the other parts ----------------------------------------------------------------------


@pytest.mark.parametrize(("importance", "points"), [("high", 6), ("normal", 3), ("low", 1)])
def test_importance_points(importance, points):
    assert parts(urgency(importance=importance))["importance"] == points


def test_expedite_adds_fifteen():
    assert parts(urgency(expedite=True))["expedite"] == 15
    assert parts(urgency(expedite=False))["expedite"] == 0
    assert urgency(expedite=True).total - urgency().total == pytest.approx(15)


@pytest.mark.parametrize(
    ("age_hours", "points"),
    [(0, 0.0), (4.5, 0.2), (22.5, 1.0), (45, 2.0), (90, 2.0), (450, 2.0)],
)
def test_age_rises_to_two_over_45_working_hours(age_hours, points):
    assert parts(urgency(created=in_hours(-age_hours)))["age"] == pytest.approx(points)


def test_age_counts_working_hours_only():
    # Created Friday 17:30, now Monday 08:30: a weekend passed, no working time.
    u = urgency(created=datetime(2026, 11, 27, 17, 30), now=datetime(2026, 11, 30, 8, 30))
    assert parts(u)["age"] == 0


def test_a_creation_in_the_future_gives_no_negative_age():
    assert parts(urgency(created=in_hours(5)))["age"] == 0


@pytest.mark.parametrize("status", ["inbox", "open", "in_progress", "waiting"])
def test_waiting_subtracts_five(status):
    assert parts(urgency(status=status))["waiting"] == (-5 if status == "waiting" else 0)


def test_parts_are_named_and_in_order():
    assert [p.name for p in urgency().parts] == [
        "importance", "due", "expedite", "age", "waiting"]


def test_all_parts_together():
    u = urgency(importance="high", expedite=True, due=in_hours(-4.5), created=in_hours(-22.5),
                status="waiting")
    assert parts(u) == pytest.approx(
        {"importance": 6, "due": 15, "expedite": 15, "age": 1, "waiting": -5})
    assert u.total == pytest.approx(32)


@settings(max_examples=300, deadline=None)
@given(
    importance=st.sampled_from(["high", "normal", "low"]),
    expedite=st.booleans(),
    due_minutes=st.one_of(st.none(), st.integers(-20 * 540, 20 * 540)),
    age_minutes=st.integers(0, 20 * 540),
    status=st.sampled_from(["inbox", "open", "in_progress", "waiting"]),
)
def test_total_is_the_sum_of_its_parts(importance, expedite, due_minutes, age_minutes, status):
    due = None if due_minutes is None else CAL.add_working_minutes(NOW, due_minutes)
    u = urgency(importance=importance, expedite=expedite, due=due,
                created=CAL.add_working_minutes(NOW, -age_minutes), status=status)
    assert u.total == round(sum(p.value for p in u.parts), 2)
    assert u.total == pytest.approx(sum(p.value for p in u.parts), abs=0.005)


@settings(max_examples=200, deadline=None)
@given(a=st.integers(-20 * 540, 20 * 540), b=st.integers(-20 * 540, 20 * 540))
def test_an_earlier_due_is_never_less_urgent(a, b):
    early, late = sorted((a, b))
    u_early = urgency(due=CAL.add_working_minutes(NOW, early))
    u_late = urgency(due=CAL.add_working_minutes(NOW, late))
    assert u_early.total >= u_late.total


# -- ordering -----------------------------------------------------------------------------


def test_with_equal_dues_expedite_beats_high_beats_normal_beats_low():
    due = in_hours(6)
    jobs = {
        "low": urgency(importance="low", due=due),
        "expedite": urgency(importance="normal", expedite=True, due=due),
        "normal": urgency(importance="normal", due=due),
        "high": urgency(importance="high", due=due),
    }
    ids = {"low": 1, "expedite": 4, "normal": 2, "high": 3}
    ordered = sorted(jobs, key=lambda name: sort_key(jobs[name].total, due, ids[name]))
    assert ordered == ["expedite", "high", "normal", "low"]


def test_expedite_outweighs_any_importance_gap_at_equal_due():
    for due in (None, in_hours(50), in_hours(3), in_hours(-20)):
        assert urgency(expedite=True, importance="low", due=due).total > urgency(
            importance="high", due=due).total


def test_sort_key_ties_by_earlier_due_then_lower_id_and_no_due_last():
    early, late = in_hours(2), in_hours(5)
    keys = {
        "late": sort_key(10.0, late, 1),
        "early-2": sort_key(10.0, early, 2),
        "early-1": sort_key(10.0, early, 1),
        "none": sort_key(10.0, None, 0),
        "top": sort_key(11.0, None, 9),
    }
    assert sorted(keys, key=keys.get) == ["top", "early-1", "early-2", "late", "none"]


# -- settings -----------------------------------------------------------------------------


def test_the_horizon_is_tunable():
    due = in_hours(20)
    assert parts(urgency(due=due))["due"] == pytest.approx(6.6)
    wide = UrgencySettings(horizon_hours=80)
    assert parts(urgency(due=due, settings=wide))["due"] == pytest.approx(12 * (1 - 0.9 * 20 / 80))
    narrow = UrgencySettings(horizon_hours=10)
    assert parts(urgency(due=due, settings=narrow))["due"] == pytest.approx(1.2)


def test_coefficients_are_tunable():
    s = UrgencySettings(importance={"high": 10.0, "normal": 5.0, "low": 0.0},
                        due_coefficient=2.0, expedite=100.0, age_max=4.0, waiting=-1.0,
                        overdue_span_hours=3.0, far_factor=0.0)
    u = urgency(importance="high", expedite=True, due=in_hours(-3), created=in_hours(-22.5),
                status="waiting", settings=s)
    assert parts(u) == pytest.approx(
        {"importance": 10, "due": 3, "expedite": 100, "age": 2, "waiting": -1})
    assert parts(urgency(due=in_hours(50), settings=s))["due"] == 0
