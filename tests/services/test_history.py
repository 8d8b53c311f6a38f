"""Undo and redo of every kind of change, any depth, from the append-only event log."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from office_tui.core.vehicles import BookingRequest
from office_tui.services import OfficeError


def event_count(services) -> int:
    return services.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def test_undo_and_redo_walk_any_depth(services):
    job = services.jobs.add("fix the lamp")
    services.jobs.triage(job.id, importance="high")
    services.jobs.done(job.id, "bulb replaced")
    logged = event_count(services)

    assert services.history.undo().action == "done"
    assert services.jobs.get(job.id).status == "open"
    assert services.history.undo().action == "triage"
    assert services.jobs.get(job.id).importance == "normal"
    undone = services.history.undo()
    assert (undone.action, undone.entity, undone.entity_id) == ("add", "job", job.id)
    assert services.jobs.list(include_closed=True) == []
    with pytest.raises(OfficeError, match="Nothing to undo"):
        services.history.undo()

    assert services.history.redo().action == "add"
    assert services.history.redo().action == "triage"
    assert services.history.redo().action == "done"
    again = services.jobs.get(job.id)
    assert (again.title, again.importance, again.status, again.outcome) == (
        "fix the lamp", "high", "done", "bulb replaced")
    with pytest.raises(OfficeError, match="Nothing to redo"):
        services.history.redo()
    # Undo after redo goes back again, and the log only ever grew.
    services.history.undo()
    assert services.jobs.get(job.id).status == "open"
    assert event_count(services) == logged + 7


def test_a_new_change_clears_redo(services):
    first = services.jobs.add("one")
    services.jobs.triage(first.id, importance="low")
    services.history.undo()
    services.jobs.add("two")
    with pytest.raises(OfficeError, match="Nothing to redo"):
        services.history.redo()
    assert services.jobs.get(first.id).importance == "normal"


def test_undo_of_a_booking_also_reverts_the_job_it_started(services):
    services.vehicles.add_vehicle("京A12345", "Sedan", 5)
    job = services.jobs.add("car to the station #vehicle")
    booked = services.vehicles.book(BookingRequest(
        vehicle="京A12345", start=datetime(2026, 11, 30, 9), end=datetime(2026, 11, 30, 11),
        destination="火车站", job_id=job.id))
    assert services.jobs.get(job.id).status == "in_progress"
    result = services.history.undo()
    assert result.changes == 2 and "linked" in result.message
    assert services.jobs.get(job.id).status == "inbox"
    with pytest.raises(OfficeError):
        services.vehicles.booking(booked.booking.id)
    services.history.redo()
    assert services.vehicles.booking(booked.booking.id).destination == "火车站"
    assert services.jobs.get(job.id).status == "in_progress"


def test_undo_of_stock_movements_appends_compensation(services):
    services.inventory.add_item("A4", "A4 paper", "box")
    services.inventory.receive("A4", 10)
    services.inventory.issue("A4", 4, department="财务科")
    movements = services.db.execute("SELECT COUNT(*) FROM movements").fetchone()[0]
    assert services.history.undo().action == "issue"
    assert services.inventory.item("A4").stock == Decimal("10")
    after = services.db.execute("SELECT COUNT(*) FROM movements").fetchone()[0]
    assert after == movements + 1  # the ledger is append-only: a compensating entry
    assert services.inventory.ledger_sum("A4") == services.inventory.item("A4").stock
    services.history.redo()
    assert services.inventory.item("A4").stock == Decimal("6")


def test_undo_refused_when_the_ledger_still_refers_to_it(services):
    services.inventory.add_item("A4", "A4 paper", "box")
    services.inventory.receive("A4", 5)
    services.history.undo()  # the receive: compensated, stock 0, both entries stay
    before = event_count(services)
    with pytest.raises(OfficeError, match="cannot be reverted"):
        services.history.undo()  # removing the item would orphan its ledger
    assert services.inventory.item("A4").stock == Decimal("0")
    assert event_count(services) == before


def test_a_stocktake_is_undone_as_one_action(services):
    for code in ("A4", "PEN", "TONER"):
        services.inventory.add_item(code, code, "box")
        services.inventory.receive(code, 5)
    services.inventory.stocktake([("A4", "4"), ("PEN", "7"), ("TONER", "5")])
    result = services.history.undo()
    assert result.action == "stocktake" and result.changes == 3
    assert [services.inventory.item(c).stock for c in ("A4", "PEN", "TONER")] == [
        Decimal("5")] * 3


def test_demo_data_is_not_undone(services):
    services.load_demo()
    with pytest.raises(OfficeError, match="Nothing to undo"):
        services.history.undo()


def test_undo_of_a_shared_trip_takes_the_rider_off(services):
    services.vehicles.add_vehicle("京A12345", "Van", 7)
    booked = services.vehicles.book(BookingRequest(
        vehicle="京A12345", start=datetime(2026, 11, 30, 9), end=datetime(2026, 11, 30, 11),
        destination="市政府", passengers=2))
    services.vehicles.join(booked.booking.id, passengers=3, department="财务科")
    riders = "SELECT COUNT(*) FROM booking_riders"
    assert services.db.execute(riders).fetchone()[0] == 1
    result = services.history.undo()
    assert result.action == "join" and result.changes == 2
    assert services.db.execute(riders).fetchone()[0] == 0
    assert services.vehicles.booking(booked.booking.id).passengers == 2
