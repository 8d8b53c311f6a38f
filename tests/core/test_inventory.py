"""Pure inventory rules: exact quantities, units, the forecast and the best quote, each
checked against numbers worked out by hand."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from office_tui.core import inventory as inv
from office_tui.core.inventory import QuantityError, Quote

NOW = datetime(2026, 11, 27, 10, 0)  # a Friday


# -- quantities -------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("10", Decimal("10")), ("2.5", Decimal("2.5")), (" 7 ", Decimal("7")),
    ("0.001", Decimal("0.001")), ("１０", Decimal("10")),  # full-width digits from an IME
    ("3 包", Decimal("3")), ("3pack", Decimal("3")), ("3 ream", Decimal("3")),
    ("1.500", Decimal("1.5")), (".5", Decimal("0.5")),
])
def test_quantities_parse_exactly(text, expected):
    assert inv.parse_quantity(text, unit="pack") == expected


@pytest.mark.parametrize("text, message", [
    ("0", "more than zero"), ("0.000", "more than zero"),
    ("-3", "negative"), ("abc", "not a quantity"), ("", "not a quantity"),
    ("nan", "not a quantity"), ("inf", "not a quantity"), ("1,5", "Unknown unit"),
    ("1.0005", "more than 3 decimal places"), ("5 xyz", "Unknown unit 'xyz'"),
    ("2 箱", "counted in pack, not case"), ("1" + "0" * 12, "too large"),
])
def test_bad_quantities_are_refused_with_the_reason(text, message):
    with pytest.raises(QuantityError, match=message):
        inv.parse_quantity(text, unit="pack")


def test_negative_only_where_allowed():
    assert inv.parse_quantity("-1", allow_negative=True) == Decimal(-1)
    with pytest.raises(QuantityError, match="more than zero"):
        inv.parse_quantity("0", allow_negative=True)
    assert inv.parse_count("0") == 0
    with pytest.raises(QuantityError, match="zero or more"):
        inv.parse_count("-2")


def test_decimal_and_int_inputs():
    assert inv.parse_quantity(Decimal("2.5")) == Decimal("2.5")
    assert inv.parse_quantity(4) == 4
    with pytest.raises(QuantityError):
        inv.parse_quantity(Decimal("NaN"))


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_milli_units_round_trip_exactly(milli):
    value = inv.from_milli(milli)
    assert inv.to_milli(value) == milli
    assert Decimal(inv.format_milli(milli)) == value
    assert "E" not in inv.format_milli(milli)
    number = inv.json_number(milli)
    assert Decimal(repr(number)) == value


@given(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("999999999"), places=3))
def test_parsed_text_is_the_same_number(value):
    assert inv.parse_quantity(format(value, "f")) == value


def test_prices():
    assert inv.parse_price("23.50") == Decimal("23.50")
    assert inv.parse_price("¥1.5") == Decimal("1.5")
    assert inv.parse_price("0", allow_zero=True) == 0
    for bad, message in (("0", "more than zero"), ("-1", "more than zero"),
                         ("x", "not a price"), ("1.00001", "decimal places"),
                         ("2 pcs", "not a price")):
        with pytest.raises(QuantityError, match=message):
            inv.parse_price(bad)
    assert inv.format_money(Decimal("23.5")) == "23.50"
    assert inv.format_money(Decimal("0.125")) == "0.125"


def test_units_and_grades_both_ways():
    assert inv.normalise_unit("包") == "pack"
    assert inv.normalise_unit(" Box ") == "box"
    assert inv.normalise_unit("箱") == "case"
    assert inv.normalise_unit("furlong") is None
    assert inv.normalise_grade("优等品") == "A"
    assert inv.normalise_grade("b") == "B"
    assert inv.normalise_grade("合格品") == "C"
    assert inv.normalise_grade("Z") is None
    assert "pack (包)" in inv.units_help()


def test_lead_days():
    assert inv.parse_lead_days("7") == 7
    assert inv.parse_lead_days(None) == 0
    for bad in ("-1", "2.5", "x", "400"):
        with pytest.raises(QuantityError):
            inv.parse_lead_days(bad)


# -- forecast (worked by hand) ----------------------------------------------------------
def test_forecast_lead_time_wins():
    # 90 issued in 30 days: 3 a day. Lead 7 days: 21 > reorder level 20. Stock 15 lasts 5 days.
    fc = inv.forecast(stock_milli=15_000, used_milli=90_000, lead_days=7,
                      reorder_level_milli=20_000)
    assert fc.daily_use == 3
    assert fc.reorder_point_milli == 21_000
    assert fc.days_left == 5
    assert fc.low is True
    assert inv.suggested_order_milli(stock_milli=15_000, reorder_point_milli=21_000,
                                     used_milli=90_000, reorder_qty_milli=50_000) == 96_000


def test_forecast_reorder_level_wins():
    # 10 in 30 days = 1/3 a day; lead 5 days -> 5/3 = 1.667 (rounded up to 1.667), level 4.
    fc = inv.forecast(stock_milli=4_000, used_milli=10_000, lead_days=5,
                      reorder_level_milli=4_000)
    assert fc.daily_use == Fraction(1, 3)
    assert fc.daily_use_text() == "0.333"
    assert fc.reorder_point_milli == 4_000
    assert fc.days_left == 12
    assert fc.low is True  # at the reorder point counts
    # 30 days of use (10) on top of the point (4) minus the stock (4): 10 > reorder qty 6.
    assert inv.suggested_order_milli(stock_milli=4_000, reorder_point_milli=4_000,
                                     used_milli=10_000, reorder_qty_milli=6_000) == 10_000


def test_forecast_rounds_the_reorder_point_up_to_a_milli_unit():
    # 10 in 30 days, lead 7: 7 x 1/3 = 2.3333... -> 2.334; level 2.
    fc = inv.forecast(stock_milli=3_000, used_milli=10_000, lead_days=7,
                      reorder_level_milli=2_000)
    assert fc.reorder_point_milli == 2_334
    assert fc.low is False
    assert fc.days_left == 9
    assert fc.days_left_text() == "9.0"


def test_forecast_without_use():
    fc = inv.forecast(stock_milli=0, used_milli=0, lead_days=10, reorder_level_milli=0)
    assert fc.days_left is None and fc.days_left_text() == "" and fc.days_left_json() is None
    assert fc.reorder_point_milli == 0
    assert fc.low is True  # nothing on the shelf is at the reorder point
    assert inv.suggested_order_milli(stock_milli=0, reorder_point_milli=0, used_milli=0,
                                     reorder_qty_milli=0) == 1_000  # at least one unit


def test_days_left_rounds_down():
    # stock 10, 7 used in 30 days: 10 x 30 / 7 = 42.857 -> 42 days (42.8 in JSON)
    fc = inv.forecast(stock_milli=10_000, used_milli=7_000, lead_days=0, reorder_level_milli=0)
    assert fc.days_left_text() == "42"
    assert fc.days_left_json() == 42.8


@pytest.mark.parametrize(("days", "text"), [
    (Fraction(46, 10), "4.6"), (Fraction(99, 10), "9.9"), (Fraction(9999, 1000), "9.9"),
    (Fraction(10), "10"), (Fraction(601, 10), "60"), (Fraction(1, 20), "0.0"),
    (Fraction(4), "4.0"), (None, ""),
])
def test_days_left_one_decimal_below_ten_whole_days_from_ten(days, text):
    """One column never mixes 10, 4.6 and 60.0: the same rule everywhere (issue 14)."""
    assert inv.days_left_text(days) == text


def test_suggested_order_is_whole_units_and_at_least_the_reorder_qty():
    # point 2.334 + 30 days' use 10 - stock 0.5 = 11.834 -> 12 whole units; reorder qty 5
    assert inv.suggested_order_milli(stock_milli=500, reorder_point_milli=2_334,
                                     used_milli=10_000, reorder_qty_milli=5_000) == 12_000
    assert inv.suggested_order_milli(stock_milli=0, reorder_point_milli=1_000,
                                     used_milli=0, reorder_qty_milli=24_000) == 24_000


def test_trend_text():
    assert inv.trend_text(0, 0) == ""
    assert inv.trend_text(5_000, 0) == "new"
    assert inv.trend_text(15_000, 12_000) == "+25%"
    assert inv.trend_text(9_000, 10_000) == "-10%"
    assert inv.trend_text(10_000, 10_000) == "0%"
    assert inv.trend_text(0, 4_000) == "-100%"


def test_weekly_buckets_are_monday_weeks():
    starts = inv.week_starts(NOW, 3)
    assert starts == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    issues = [
        (datetime(2026, 11, 8, 9), 5_000),     # before the first week: ignored
        (datetime(2026, 11, 9, 9), 1_000),     # Monday of week 1
        (datetime(2026, 11, 15, 17), 2_000),   # Sunday of week 1
        (datetime(2026, 11, 16, 8), 4_000),    # week 2
        (datetime(2026, 11, 27, 9), 3_000),    # this week
        (datetime(2026, 11, 27, 11), 9_000),   # after now: ignored
    ]
    assert inv.weekly_buckets(issues, NOW, 3) == [3_000, 4_000, 3_000]


# -- the best quote (同质比价, 同价比优, 同优比服务) ------------------------------------------
def q(id_, price, grade, day, supplier="s"):
    return Quote(id=id_, item_id=1, supplier=f"{supplier}{id_}", price=Decimal(price),
                 grade=grade, service=None, quoted=date(2026, 11, day))


def test_lowest_price_at_the_wanted_grade_or_better():
    quotes = [q(1, "23.50", "B", 1), q(2, "21.00", "C", 2), q(3, "22.80", "B", 3),
              q(4, "24.00", "A", 4)]
    # C is below the wanted B: its lower price does not count.
    assert inv.best_quote(quotes, "B").id == 3
    assert [x.id for x in inv.rank_quotes(quotes, "B")] == [3, 1, 4, 2]
    # Wanting C (or nothing), the cheapest wins.
    assert inv.best_quote(quotes, "C").id == 2
    assert inv.best_quote(quotes, None).id == 2


def test_equal_price_the_better_grade_wins():
    quotes = [q(1, "22.80", "B", 5), q(2, "22.80", "A", 1)]
    assert inv.best_quote(quotes, "B").id == 2


def test_equal_price_and_grade_the_newer_quote_wins():
    quotes = [q(1, "22.80", "B", 1), q(2, "22.80", "B", 9), q(3, "22.80", "B", 4)]
    assert inv.best_quote(quotes, "B").id == 2
    # Same day: the later entry.
    same_day = [q(4, "5", "A", 3), q(5, "5", "A", 3)]
    assert inv.best_quote(same_day, "A").id == 5


def test_no_quote_at_the_grade_means_no_best():
    quotes = [q(1, "10", "C", 1), q(2, "9", None, 2)]
    assert inv.best_quote(quotes, "A") is None
    # Listed anyway, after the ones that meet the grade (none here), by the same rule.
    assert [x.id for x in inv.rank_quotes(quotes, "A")] == [2, 1]
    assert inv.best_quote([], None) is None


def test_ungraded_quotes_serve_only_items_without_a_wanted_grade():
    quotes = [q(1, "9", None, 1), q(2, "9", "C", 1)]
    assert inv.best_quote(quotes, None).id == 2  # same price: graded C beats ungraded
    assert inv.best_quote([q(3, "1", None, 1)], "C") is None


# -- periods ----------------------------------------------------------------------------
@pytest.mark.parametrize("period, day, bounds", [
    ("month", date(2026, 11, 27), (date(2026, 11, 1), date(2026, 11, 30))),
    ("month", date(2026, 12, 31), (date(2026, 12, 1), date(2026, 12, 31))),
    ("month", date(2028, 2, 10), (date(2028, 2, 1), date(2028, 2, 29))),
    ("quarter", date(2026, 11, 27), (date(2026, 10, 1), date(2026, 12, 31))),
    ("quarter", date(2026, 2, 1), (date(2026, 1, 1), date(2026, 3, 31))),
    ("quarter", date(2026, 6, 30), (date(2026, 4, 1), date(2026, 6, 30))),
    ("year", date(2026, 11, 27), (date(2026, 1, 1), date(2026, 12, 31))),
])
def test_period_bounds(period, day, bounds):
    assert inv.period_bounds(period, day) == bounds


def test_item_codes():
    assert inv.check_code(" A4 ") == "A4"
    for bad in ("", "  ", "A 4", "x" * 33):
        with pytest.raises(QuantityError):
            inv.check_code(bad)


def _line(code: str, price: str | None) -> inv.PurchaseLine:
    item = inv.Item(id=1, code=code, name=code, unit="pack", category=None, location=None,
                    reorder_level_milli=0, reorder_qty_milli=0, lead_days=0, supplier=None,
                    grade=None, active=True, stock_milli=0)
    fc = inv.forecast(stock_milli=0, used_milli=0, lead_days=0, reorder_level_milli=0)
    best = None if price is None else Quote(id=1, item_id=1, supplier="s", price=Decimal(price),
                                            grade=None, service=None, quoted=date(2026, 11, 1))
    return inv.PurchaseLine(item, fc, 2_000, best)


def test_purchase_summary_says_how_many_are_priced_and_names_the_rest():
    lines = [_line("TONER", "1974.50")] + [_line(f"P{i}", None) for i in range(6)]
    assert inv.purchase_summary(lines) == (
        "7 items to order · 1 priced, estimated 3949.00 at the best quote · "
        "no quote for 6: P0, P1, P2, P3, P4, …")
    assert inv.purchase_summary([_line("A", "1"), _line("B", "2")]) == (
        "2 items to order · 2 priced, estimated 6.00 at the best quotes")
    assert inv.purchase_summary([_line("A", None)]) == "1 item to order · no quote for 1: A"
