"""Days left read the same on Today, in `stock` and on the Inventory screen (issue 14:
`10`, `4.6`, `60` in one column and `10.0 days left` on Today)."""

from __future__ import annotations

import pytest

from office_tui.core.inventory import days_left_text


@pytest.fixture
def stocked(services, clock):
    inv = services.inventory
    inv.add_item("A4", "A4 paper", "pack", reorder_level=100)
    inv.add_item("PEN", "Pen", "stick", reorder_level=100)
    inv.receive("A4", "80")
    inv.receive("PEN", "80")
    clock.advance(days=1)
    inv.issue("A4", "70", department="IT")   # 10 left, 70 a month: 4.28 days
    inv.issue("PEN", "30", department="IT")  # 50 left, 30 a month: 50 days
    return services


def test_today_and_stock_say_the_same_days(stocked):
    lines = {line.item.code: line.forecast.days_left_text()
             for line in stocked.inventory.stock(low=True)}
    assert lines == {"A4": "4.2", "PEN": "50"}
    low = stocked.today.build().section("low_stock").items
    assert {i.key: i.when for i in low} == {"stock:A4": "4.2 days left",
                                           "stock:PEN": "50 days left"}


def test_the_rule_is_one_function(stocked):
    line = stocked.inventory.line("A4")
    assert line.forecast.days_left_text() == days_left_text(line.forecast.days_left)
