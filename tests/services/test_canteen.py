"""Meal counts and meters on a real SQLite file: the suggestion from the same weekday,
replacing a count and its undo, a day off needing no counts, the year-on-year flag."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from office_tui.services import OfficeError


@pytest.fixture
def canteen(services):
    services.canteen.configure(departments="财务科,办公室")
    return services.canteen


def test_the_suggestion_is_the_same_weekdays_average_over_four_weeks(canteen):
    friday = date(2026, 11, 27)
    for weeks, count in ((1, 10), (2, 12), (3, 14), (4, 20), (5, 99)):
        canteen.set_count(friday - timedelta(weeks=weeks), "财务科", "lunch", count,
                          late=True, reason="补录")
    canteen.set_count(friday - timedelta(days=1), "财务科", "lunch", 50, late=True,
                      reason="补录")  # a Thursday: not counted
    assert canteen.suggestions(friday)[("财务科", "lunch")] == 14  # (10+12+14+20)/4


def test_a_count_replaces_the_earlier_one_and_undo_puts_it_back(canteen, services):
    canteen.set_count("2026-11-30", "财务科", "lunch", 12)
    canteen.set_count("2026-11-30", "财务科", "lunch", 15, guests=3)
    sheet = canteen.sheet("2026-11-30")
    assert (sheet.total("lunch"), sheet.guests("lunch")) == (15, 3)
    services.history.undo()
    assert canteen.sheet("2026-11-30").total("lunch") == 12
    services.history.undo()
    assert canteen.sheet("2026-11-30").counts == {}


def test_a_day_off_needs_no_counts(canteen):
    saturday = canteen.sheet("2026-11-28")
    assert not saturday.workday and saturday.missing() == []
    assert canteen.sheet("2026-11-30").missing("lunch") == ["财务科", "办公室"]


def test_a_month_30_percent_over_the_same_month_last_year_is_flagged(services):
    u = services.utilities
    u.add("食堂电表", "electricity", "0.85")
    readings = [("2025-09-30", 0), ("2025-10-31", 1000), ("2025-11-30", 2000),
                ("2026-09-30", 5000), ("2026-10-31", 6400)]
    for day, value in readings:
        u.add_reading("食堂电表", str(value), day=day)
    _meter, periods = u.periods("食堂电表", start="2026-10-01")
    (october,) = periods
    assert october.flag and "a year before" in october.flag and "+40%" in october.flag
    with pytest.raises(OfficeError, match="a new reading comes after it"):
        u.add_reading("食堂电表", "7000", day="2026-10-31")


def test_the_monthly_report_has_the_meals_and_the_utilities(services):
    services.canteen.configure(departments="财务科", prices=["lunch=12"])
    services.canteen.set_count("2026-11-23", "财务科", "lunch", 20, guests=1, late=True,
                               reason="补录")
    services.canteen.set_served("2026-11-23", "lunch", 25)
    u = services.utilities
    u.add("主楼水表", "water", "4.5", department="总务科")
    for day, value in (("2026-07-31", 100), ("2026-08-31", 130), ("2026-09-30", 160),
                       ("2026-10-31", 190), ("2026-11-26", 300)):
        u.add_reading("主楼水表", str(value), day=day)
    report = services.reports.build("month")
    (meals,) = report.meals
    assert (meals["dept"], meals["lunch"], meals["guests"], meals["cost"]) == (
        "财务科", 20, 1, "252.00")
    assert report.meals_rate == round(4 / 25, 4)
    (water,) = report.utilities
    assert (water["use"], water["cost"]) == ("110.00", "495.00") and water["flags"]
    text = services.reports.render(report, "md")
    assert "## Meals by department" in text and "## Water, power, gas and heat" in text
    assert "16.0% of those served" in text and "⚠ 主楼水表" in text
    csv_text = services.reports.render(report, "csv")
    assert "Meals by department" in csv_text and "主楼水表,总务科,110.00" in csv_text
