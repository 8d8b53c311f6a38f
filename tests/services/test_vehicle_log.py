"""The cars' service and cost log on a real SQLite file: a service moves the next service
by the car's intervals, renewals move their dates, costs per km, undo of both."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from office_tui.core.vehicles import BookingRequest
from office_tui.services import OfficeError


@pytest.fixture
def car(services):
    services.vehicles.add_vehicle("京A12345", "GL8", 6, odometer=40_000)
    return "京A12345"


def test_a_service_moves_the_next_service_by_the_cars_intervals(services, car):
    log = services.car_log
    log.service(car, day="2026-06-01", km=40_000, work="换机油、机滤", cost="680",
                every_km=5000, every_months=6)
    v = services.vehicles.vehicle(car)
    assert (v.next_service_date, v.next_service_km) == (date(2026, 12, 1), 45_000)
    # the intervals are kept on the car: the next service needs none
    log.service(car, day="2026-11-20", km=45_200, work="换机油", cost="700.50", garage="4S店")
    v = services.vehicles.vehicle(car)
    assert (v.next_service_date, v.next_service_km, v.odometer) == (
        date(2027, 5, 20), 50_200, 45_200)
    # explicit next values win
    log.service(car, day="2026-11-25", km=45_300, work="补胎", cost="60", next_km=60_000,
                next_date="2027-03-01")
    v = services.vehicles.vehicle(car)
    assert (v.next_service_date, v.next_service_km) == (date(2027, 3, 1), 60_000)
    assert [e.work for e in log.entries(car)] == ["补胎", "换机油", "换机油、机滤"]


def test_renewals_and_the_cost_per_km(services, car):
    log = services.car_log
    log.service(car, day="2026-06-01", km=40_000, work="保养", cost="680")
    log.renew(car, "insurance", until="2027-11-30", cost="4800", day="2026-11-25")
    log.renew(car, "inspection", until="2027-11-30", cost="300", day="2026-11-26")
    assert services.vehicles.vehicle(car).insurance_due == date(2027, 11, 30)
    booked = services.vehicles.book(BookingRequest(
        car, services.vehicles.moment("2026-11-26 09:00"),
        services.vehicles.moment("2026-11-26 11:00"), "市政府"))
    services.vehicles.mark_returned(booked.booking.id, odometer=41_000, fuel=30, cost=220)
    first, last, rows = log.costs(start="2026-01-01", end="2026-11-30")
    (row,) = rows
    assert (row.km, row.trips, row.fuel, row.service, row.insurance, row.inspection) == (
        1000, 1, Decimal("220.00"), Decimal("680.00"), Decimal("4800.00"), Decimal("300.00"))
    assert row.total == Decimal("6000.00") and row.per_km == Decimal("6.00")
    # a period after the service counts from the reading before it
    _f, _l, (later,) = log.costs(car, start="2026-11-01", end="2026-11-30")
    assert later.km == 1000 and later.service == 0


def test_a_service_is_undone_with_the_cars_change(services, car):
    services.car_log.service(car, day="2026-11-20", km=45_000, work="保养", cost="500",
                             every_km=5000)
    services.history.undo()
    v = services.vehicles.vehicle(car)
    assert (v.next_service_km, v.odometer) == (None, 40_000)
    assert services.car_log.entries(car) == []


@pytest.mark.parametrize("kwargs, message", [
    (dict(day="2026-11-20", km=1, work="", cost="1"), "Say what was done"),
    (dict(day="2026-11-20", km=1, work="x", cost="abc"), "not a cost"),
    (dict(day="someday", km=1, work="x", cost="1"), "Bad date"),
    (dict(day="2026-11-20", km=-5, work="x", cost="1"), "whole number of km"),
    (dict(day="2026-11-20", km=100, work="x", cost="1", next_km=50), "not after"),
    (dict(day="2026-11-20", km=100, work="x", cost="1", next_km=500, every_km=5),
     "not both"),
])
def test_bad_service_input_is_refused_and_changes_nothing(services, car, kwargs, message):
    with pytest.raises(OfficeError, match=message):
        services.car_log.service(car, **kwargs)
    assert services.car_log.entries(car) == []


def test_the_monthly_report_gains_the_car_costs_table(services, car):
    # October's reading is where November's km start from; its cost is not November's
    services.car_log.service(car, day="2026-10-10", km=40_000, work="检查", cost="100")
    services.car_log.service(car, day="2026-11-10", km=41_000, work="保养", cost="800")
    services.car_log.renew(car, "inspection", until="2027-11-30", cost="300",
                           day="2026-11-12")
    report = services.reports.build("month")
    (row,) = report.car_costs
    assert (row["plate"], row["km"], row["service"], row["inspection"], row["total"]) == (
        car, "1000", "800.00", "300.00", "1100.00")
    text = services.reports.render(report, "md")
    assert "## Car costs" in text and "| 1100.00 |" in text
    # a week's report has no cost table (the issue puts it in the monthly one)
    assert services.reports.build("week").car_costs == []
