"""core.meters.periods flags exactly what its rule says, however many periods: the
year-before check (a look-up since issue 21) gives the same flags as an obvious pass over
every earlier period, on random readings with resets, gaps and readings many days apart."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from statistics import median

from hypothesis import given, settings
from hypothesis import strategies as st

from office_tui.core.meters import Meter, Reading, periods

METER = Meter(1, "表", "water", "m³", Decimal("4.5"))


def obvious_flags(found, spike=Decimal("1.5"), yoy=Decimal("0.30")) -> list[str | None]:
    """Which rule flags each period, read straight from the module's docstring."""
    kinds = []
    for i, p in enumerate(found):
        kind = None
        previous = [q.per_day for q in found[max(i - 3, 0):i] if not q.reset]
        if len(previous) == 3 and not p.reset and median(previous) > 0 and \
                p.per_day > spike * median(previous):
            kind = "spike"
        if kind is None and not p.reset:
            before = [q for q in found[:i] if q.end.month == p.end.month
                      and q.end.year == p.end.year - 1 and not q.reset]
            if before and before[-1].use > 0 and p.use > (1 + yoy) * before[-1].use:
                kind = "yoy"
        kinds.append(kind)
    return kinds


def kind_of(flag: str | None) -> str | None:
    if flag is None:
        return None
    return "spike" if "a day, the median" in flag else "yoy"


@settings(max_examples=200, deadline=None)
@given(steps=st.lists(st.tuples(st.sampled_from([1, 1, 2, 7, 28, 31, 45, 330]),
                                st.integers(0, 400), st.booleans()),
                      min_size=0, max_size=60))
def test_flags_match_the_obvious_rule(steps):
    day, value, readings = date(2020, 1, 31), Decimal(1000), []
    for n, (gap, use, reset) in enumerate(steps):
        day += timedelta(days=gap)
        reset = reset and n % 5 == 0
        value = Decimal(use) if reset else value + use
        readings.append(Reading(n + 1, 1, day, value, reset, "换表" if reset else None))
    got = periods(METER, readings)
    assert [kind_of(p.flag) for p in got] == obvious_flags(got)


def test_a_month_far_above_the_same_month_a_year_before_is_flagged_and_not_after_a_reset():
    readings, value = [], Decimal(0)
    for n, (day, use, reset) in enumerate([
            ("2024-10-31", 0, False), ("2024-11-30", 100, False), ("2025-09-30", 100, False),
            ("2025-10-31", 100, False), ("2025-11-30", 140, False), ("2025-12-31", 10, True),
            ("2026-11-30", 200, False)]):
        value = Decimal(use) if reset else value + use
        readings.append(Reading(n + 1, 1, date.fromisoformat(day), value, reset))
    flags = [p.flag for p in periods(METER, readings)]
    assert flags[:3] == [None, None, None]
    assert "2025-11, 100.00 m³ a year before, +40%" in flags[3]
    assert flags[4] is None  # the reset period itself
    # 2026-11 against 2025-11 (140): +43%
    assert "2026-11, 140.00 m³ a year before, +43%" in flags[5]
