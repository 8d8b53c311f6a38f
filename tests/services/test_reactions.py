"""Cross-area reactions on a real SQLite file, in services that built nothing beforehand.

The composition root wires every reaction once; none may depend on which services a
process (a CLI command, the app before a key was pressed) happened to build first.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from office_tui.services import OfficeError, Services
from office_tui.services.reactions import Reactions
from office_tui.core.vehicles import BookingRequest


@pytest.fixture
def meeting(db_path, clock) -> tuple[int, list[int]]:
    """A meeting with a two-item kit, made by services that are then closed."""
    setup = Services(db_path, clock=clock).open()
    try:
        setup.kits.create("large meeting")
        setup.kits.add_item("large meeting", "T-1d@17:00", "name cards #print")
        setup.kits.add_item("large meeting", "-2h", "room set-up #meeting !high")
        event, linked = setup.kits.event("large meeting", "term meeting due:2026-12-03@14:00")
        return event.id, [j.id for j in linked]
    finally:
        setup.close()


@pytest.fixture
def fresh(db_path, clock):
    svc = Services(db_path, clock=clock).open()
    yield svc
    svc.close()


def test_triage_moves_the_linked_jobs_though_kits_was_never_built(fresh, meeting):
    event, linked = meeting
    assert "kits" not in vars(fresh)  # nothing built the kits service in this process
    fresh.jobs.triage(event, due="2026-12-07@10:00")
    assert [fresh.jobs.get(i).due for i in linked] == [
        datetime(2026, 12, 4, 17, 0), datetime(2026, 12, 7, 8, 0)]
    fresh.history.undo()  # the move and its linked moves were one transaction
    assert fresh.jobs.get(event).due == datetime(2026, 12, 3, 14, 0)
    assert [fresh.jobs.get(i).due for i in linked] == [
        datetime(2026, 12, 2, 17, 0), datetime(2026, 12, 3, 12, 0)]


def test_a_due_change_on_a_job_without_a_kit_moves_nothing_else(fresh, meeting):
    event, linked = meeting
    plain = fresh.jobs.add("fix the lamp due:2026-12-03@14:00 #repair")
    fresh.jobs.triage(plain.id, due="2026-12-07@10:00")
    assert fresh.jobs.get(event).due == datetime(2026, 12, 3, 14, 0)
    assert [fresh.jobs.get(i).due for i in linked] == [
        datetime(2026, 12, 2, 17, 0), datetime(2026, 12, 3, 12, 0)]


def test_a_booking_starts_its_job_in_services_that_built_only_vehicles(fresh):
    trip = fresh.jobs.add("car to the station #vehicle @Office")
    fresh.close()
    again = Services(fresh.db_path, clock=fresh.clock).open()
    try:
        again.vehicles.add_vehicle(plate="京A·1", name="Passat", seats=4)
        assert "jobs" not in vars(again)
        booked = again.vehicles.book(BookingRequest(
            vehicle="京A·1", start=datetime(2026, 12, 3, 9), end=datetime(2026, 12, 3, 11),
            destination="station", job_id=trip.id))
        assert booked.job_started
        assert again.jobs.get(trip.id).status == "in_progress"
    finally:
        again.close()


def test_an_issue_with_close_closes_the_supply_job_in_one_transaction(fresh):
    fresh.inventory.add_item("A4", "A4 paper", "pack")
    fresh.inventory.receive("A4", "10")
    supply = fresh.jobs.add("paper for finance #supply @Finance")
    result = fresh.inventory.issue("A4", "4", department=None, job_id=supply.id,
                                   close_job=True)
    closed = fresh.jobs.get(supply.id)
    assert (closed.status, closed.outcome) == (
        "done", "Issued 4 pack of A4 paper (A4) to Finance")
    assert result.movement.job_id == supply.id
    fresh.history.undo()
    assert fresh.jobs.get(supply.id).status == supply.status
    assert fresh.inventory.item("A4").stock_milli == 10_000


def test_an_issue_that_cannot_close_its_job_issues_nothing(fresh):
    fresh.inventory.add_item("A4", "A4 paper", "pack")
    fresh.inventory.receive("A4", "10")
    supply = fresh.jobs.add("paper for finance #supply @Finance")
    fresh.jobs.cancel(supply.id, "withdrawn")
    with pytest.raises(OfficeError, match=f"#{supply.id}"):
        fresh.inventory.issue("A4", "4", department=None, job_id=supply.id, close_job=True)
    assert fresh.inventory.item("A4").stock_milli == 10_000
    with pytest.raises(OfficeError, match="--job"):
        fresh.inventory.issue("A4", "4", department="Finance", close_job=True)


def test_a_listener_is_looked_up_only_when_its_event_fires():
    reactions = Reactions()
    seen: list[tuple[str, int]] = []
    looked_up: list[str] = []

    def lookup():
        looked_up.append("kits")
        return lambda **payload: seen.append(("moved", payload["job_id"]))

    reactions.on("job.due_moved", lookup)
    assert looked_up == []  # wiring imports and builds nothing
    reactions.emit("job.other", job_id=1)
    assert looked_up == [] and seen == []
    reactions.emit("job.due_moved", job_id=7)
    assert seen == [("moved", 7)] and looked_up == ["kits"]
