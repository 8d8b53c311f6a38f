"""Vehicle services on a real SQLite file: every rule refuses with nothing written, the
alternatives offered, shared trips, the trip's life (out, returned, cancelled), a job's
booking, reminders and the demo roster."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta

import pytest

from office_tui.core.vehicles import BookingRequest, clashes
from office_tui.services import OfficeError, Services
from office_tui.services.vehicles_demo import load_vehicle_demo
from office_tui.store import write

MON = date(2026, 11, 30)


def at(hh: int, mm: int = 0, day: date = MON) -> datetime:
    return datetime.combine(day, time(hh, mm))


def ask(plate: str, start: datetime, end: datetime, dest: str = "市政府", **kw) -> BookingRequest:
    return BookingRequest(plate, start, end, dest, **kw)


@pytest.fixture
def fleet(services: Services) -> Services:
    v = services.vehicles
    v.add_vehicle("京A·10001", "Passat", 4)
    v.add_vehicle("京A·10002", "Buick GL8", 6)
    v.add_vehicle("京A·10003", "Coaster", 18)
    v.add_driver("王师傅", licence_expiry="2028-01-01")
    v.add_driver("李师傅", licence_expiry="2028-01-01")
    return services


def counts(svc: Services) -> tuple[int, int, int]:
    db = svc.db
    return tuple(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("bookings", "events", "booking_riders"))


def refused(svc: Services, call, *needles: str) -> str:
    before = counts(svc)
    with pytest.raises(OfficeError) as caught:
        call()
    assert counts(svc) == before, "a refusal wrote something"
    message = str(caught.value)
    for needle in needles:
        assert needle in message, (needle, message)
    return message


# -- the "done when" ------------------------------------------------------------
def test_overlap_refused_naming_the_first_booking_then_back_to_back_accepted(fleet):
    v = fleet.vehicles
    first = v.book(ask("京A·10001", at(9), at(11))).booking
    message = refused(fleet, lambda: v.book(ask("京A·10001", at(10, 30), at(12), "火车站")),
                      f"#{first.id}", "09:00–11:00", "10:30–12:00", "京A·10002")
    assert "Next free slot of 京A·10001 that day: 11:00–12:30" in message
    # The smallest free car is offered first: the GL8 (6) before the Coaster (18).
    assert message.index("京A·10002") < message.index("京A·10003")
    second = v.book(ask("京A·10001", at(11), at(12), "火车站")).booking
    assert (second.start, second.end) == (at(11), at(12))
    assert [b.id for b in v.bookings(MON)] == [first.id, second.id]


def test_driver_clash_across_cars_refused_and_back_to_back_accepted(fleet):
    v = fleet.vehicles
    first = v.book(ask("京A·10001", at(9), at(11), driver="王师傅")).booking
    refused(fleet, lambda: v.book(ask("京A·10002", at(10), at(12), driver="王师傅")),
            "王师傅", f"#{first.id}", "李师傅")
    ok = v.book(ask("京A·10002", at(11), at(12), driver="王师傅")).booking
    assert ok.driver == "王师傅"
    assert v.book(ask("京A·10002", at(9), at(10), driver="李师傅")).booking.driver == "李师傅"


def test_maintenance_car_is_refused_and_active_again_bookable(fleet):
    v = fleet.vehicles
    change = v.toggle_maintenance("京A·10001")
    assert change.vehicle.status == "maintenance"
    refused(fleet, lambda: v.book(ask("京A·10001", at(9), at(10))), "maintenance",
            "京A·10002")
    assert v.toggle_maintenance("京a 10001").vehicle.status == "active"
    assert v.book(ask("京A·10001", at(9), at(10))).booking.vehicle == "京A·10001"


def test_retired_car_is_refused(fleet):
    fleet.vehicles.set_status("京A·10003", "retired")
    refused(fleet, lambda: fleet.vehicles.book(ask("京A·10003", at(9), at(10))), "retired")
    with pytest.raises(OfficeError, match="retired"):
        fleet.vehicles.toggle_maintenance("京A·10003")


def test_setting_maintenance_lists_the_trips_it_strands(fleet, clock):
    v = fleet.vehicles
    booked = v.book(ask("京A·10001", at(9), at(10))).booking
    change = v.set_status("京A·10001", "maintenance")
    assert [b.id for b in change.stranded] == [booked.id]
    with pytest.raises(OfficeError, match="already in maintenance"):
        v.set_status("京A·10001", "maintenance")
    with pytest.raises(OfficeError, match="Unknown vehicle status"):
        v.set_status("京A·10001", "broken")


def test_too_many_passengers_refused_offering_the_smallest_car_that_fits(fleet):
    message = refused(fleet, lambda: fleet.vehicles.book(
        ask("京A·10001", at(9), at(10), passengers=5)), "5 passengers do not fit", "京A·10002")
    assert message.index("京A·10002") < message.index("京A·10003")
    refused(fleet, lambda: fleet.vehicles.book(ask("京A·10001", at(9), at(10), passengers=-1)),
            "Passengers")


def test_end_not_after_start_refused(fleet):
    refused(fleet, lambda: fleet.vehicles.book(ask("京A·10001", at(10), at(10))),
            "is not after the start")
    refused(fleet, lambda: fleet.vehicles.book(ask("京A·10001", at(10), at(9))),
            "is not after the start")


def test_licence_expired_on_the_day_refused(fleet):
    v = fleet.vehicles
    v.add_driver("赵师傅", licence_expiry=MON - timedelta(days=1))
    v.add_driver("钱师傅", licence_expiry=MON)
    refused(fleet, lambda: v.book(ask("京A·10001", at(9), at(10), driver="赵师傅")),
            "licence expired on 2026-11-29", "王师傅")
    assert v.book(ask("京A·10001", at(9), at(10), driver="钱师傅")).booking.driver == "钱师傅"


def test_unknown_car_driver_and_bad_text_refused(fleet):
    v = fleet.vehicles
    refused(fleet, lambda: v.book(ask("京Z·99999", at(9), at(10))), "No vehicle", "京A·10001")
    refused(fleet, lambda: v.book(ask("京A·10001", at(9), at(10), driver="nobody")),
            "No driver named 'nobody'")
    refused(fleet, lambda: v.book(ask("京A·10001", at(9), at(10), dest=" ")), "destination")
    refused(fleet, lambda: v.book(ask("京A·10001", at(9), at(10), dest="bad \udcff")),
            "not valid UTF-8")


def test_trip_over_the_service_date_is_booked_with_a_warning(fleet):
    fleet.vehicles.update_vehicle("京A·10001", next_service_date=MON)
    booked = fleet.vehicles.book(ask("京A·10001", at(9), at(10)))
    assert booked.booking.id and booked.warnings
    assert "service date (2026-11-30)" in booked.warnings[0]


def test_a_refusal_also_offers_a_shared_trip(fleet):
    v = fleet.vehicles
    v.book(ask("京A·10002", at(9), at(11), "市政府", passengers=2))
    v.book(ask("京A·10001", at(9), at(11), "税务局"))
    message = refused(fleet, lambda: v.book(ask("京A·10001", at(9, 30), at(11), "市 政府")),
                      "Could share a car")
    assert "京A·10002" in message


# -- shared trips ---------------------------------------------------------------------------
def test_share_finds_the_trip_in_width_and_spacing_variants(fleet):
    v = fleet.vehicles
    trip = v.book(ask("京A·10002", at(9), at(11), "ＣＩＴＹ　ＨＡＬＬ", passengers=2)).booking
    v.book(ask("京A·10001", at(9), at(11), "City Hall Annex"))
    for dest in ("City Hall", " city  hall ", "CITYHALL"):
        assert [b.id for b in v.share(at(11, 30), at(12), dest, 4)] == [trip.id]
    assert v.share(at(12, 30), at(13), "City Hall", 1) == []  # 90 minutes after
    assert v.share(at(9), at(10), "City Hall", 5) == []  # 4 seats left
    with pytest.raises(OfficeError, match="destination"):
        v.share(at(9), at(10), "  ", 1)


def test_joining_adds_passengers_and_department(fleet):
    v = fleet.vehicles
    trip = v.book(ask("京A·10002", at(9), at(11), "市政府", passengers=2,
                      department="办公室")).booking
    joined = v.join(trip.id, passengers=3, department="财务科", requester="刘会计")
    assert joined.passengers == 5 and joined.department == "办公室、财务科"
    assert joined.riders[0]["requester"] == "刘会计" and joined.riders[0]["passengers"] == 3
    again = v.join(trip.id, passengers=1, department="财务科")
    assert again.department == "办公室、财务科" and again.passengers == 6
    refused(fleet, lambda: v.join(trip.id, passengers=1), "0 seats free")
    assert len(v.bookings(MON)) == 1  # no new car
    actions = [e["action"] for e in v.history(trip.id)]
    assert actions == ["book", "join", "join"]


def test_join_refuses_a_trip_that_is_not_booked(fleet):
    v = fleet.vehicles
    trip = v.book(ask("京A·10002", at(9), at(11))).booking
    v.mark_out(trip.id)
    refused(fleet, lambda: v.join(trip.id, passengers=1), "only a booked trip")
    refused(fleet, lambda: v.join(999, passengers=1), "No booking #999")
    refused(fleet, lambda: v.join(trip.id, passengers=0), "between 1 and")


# -- a trip's life ----------------------------------------------------------------------------
def test_out_and_returned_record_odometer_fuel_cost(fleet, clock):
    v = fleet.vehicles
    fleet.vehicles.update_vehicle("京A·10001", odometer=58_000)
    trip = v.book(ask("京A·10001", at(9), at(11))).booking
    out = v.mark_out(trip.id)
    assert out.status == "out" and out.out_at == clock.now
    refused(fleet, lambda: v.mark_returned(trip.id, odometer=57_999), "below", "58000")
    back = v.mark_returned(trip.id, odometer=58_064, fuel=6.5, cost=50.7)
    assert (back.status, back.odometer, back.fuel, back.cost) == ("returned", 58_064, 6.5, 50.7)
    assert v.vehicle("京A·10001").odometer == 58_064
    refused(fleet, lambda: v.mark_returned(trip.id, odometer=58_100), "returned")
    refused(fleet, lambda: v.mark_out(trip.id), "only a booked trip can go out")
    assert [e["action"] for e in v.history(trip.id)] == ["book", "out", "return"]


def test_returned_and_cancelled_trips_free_the_car(fleet):
    v = fleet.vehicles
    trip = v.book(ask("京A·10001", at(9), at(11))).booking
    refused(fleet, lambda: v.cancel(trip.id, " "), "reason")
    cancelled = v.cancel(trip.id, "meeting moved")
    assert cancelled.status == "cancelled" and cancelled.cancel_reason == "meeting moved"
    refused(fleet, lambda: v.cancel(trip.id, "again"), "cancelled")
    assert v.book(ask("京A·10001", at(9), at(11))).booking.status == "booked"
    assert [b.status for b in v.bookings(MON)] == ["booked"]
    assert len(v.bookings(MON, include_cancelled=True)) == 2


def test_return_checks_its_numbers(fleet):
    v = fleet.vehicles
    trip = v.book(ask("京A·10001", at(9), at(11))).booking
    refused(fleet, lambda: v.mark_returned(trip.id, odometer=-1), "odometer")
    refused(fleet, lambda: v.mark_returned(trip.id, odometer=10, fuel=-2), "Fuel")
    assert v.mark_returned(trip.id, odometer=10).status == "returned"  # straight from booked


# -- from a job --------------------------------------------------------------------------------
def test_booking_for_a_job_links_it_and_starts_the_job(fleet):
    job = fleet.jobs.add("周四送领导去市政府 #用车")
    booked = fleet.vehicles.book(ask("京A·10001", at(9), at(11), job_id=job.id))
    assert booked.booking.job_id == job.id and booked.job_started
    assert fleet.jobs.get(job.id).status == "in_progress"
    assert [b.id for b in fleet.vehicles.bookings_for_job(job.id)] == [booked.booking.id]
    # A second booking for a job already in progress links without restarting it.
    again = fleet.vehicles.book(ask("京A·10001", at(14), at(15), job_id=job.id))
    assert not again.job_started


def test_booking_for_a_closed_or_missing_job_is_refused(fleet):
    job = fleet.jobs.add("trip #vehicle")
    fleet.jobs.done(job.id, "went by taxi")
    refused(fleet, lambda: fleet.vehicles.book(ask("京A·10001", at(9), at(10), job_id=job.id)),
            "closed")
    refused(fleet, lambda: fleet.vehicles.book(ask("京A·10001", at(9), at(10), job_id=999)),
            "No job #999")


def test_a_refused_booking_for_a_job_leaves_the_job_alone(fleet):
    job = fleet.jobs.add("trip #vehicle")
    fleet.vehicles.book(ask("京A·10001", at(9), at(11)))
    refused(fleet, lambda: fleet.vehicles.book(ask("京A·10001", at(10), at(12), job_id=job.id)),
            "already booked")
    assert fleet.jobs.get(job.id).status == "inbox"


def test_joining_for_a_job_starts_it(fleet):
    trip = fleet.vehicles.book(ask("京A·10002", at(9), at(11))).booking
    job = fleet.jobs.add("去市政府 #vehicle")
    fleet.vehicles.join(trip.id, passengers=1, job_id=job.id)
    assert fleet.jobs.get(job.id).status == "in_progress"
    assert [b.id for b in fleet.vehicles.bookings_for_job(job.id)] == [trip.id]


# -- records -----------------------------------------------------------------------------------
def test_vehicle_records_and_their_checks(fleet):
    v = fleet.vehicles
    car = v.add_vehicle("[bold]京B·1[/]", "\x1b[31m红旗", 5, odometer=12, next_service_km=20,
                        next_service_date="2027-01-01", insurance_due=date(2027, 2, 1))
    assert (car.plate, car.name) == ("[bold]京B·1[/]", "\x1b[31m红旗")  # stored exactly
    assert car.to_json()["next_service_date"] == "2027-01-01"
    assert car.to_json()["insurance_due"] == "2027-02-01"
    before = counts(fleet)
    for call, needle in (
        (lambda: v.add_vehicle("京a 10001", "dup", 4), "already exists"),
        (lambda: v.add_vehicle("", "x", 4), "plate"),
        (lambda: v.add_vehicle("···", "x", 4), "no letters or digits"),
        (lambda: v.add_vehicle("京C·1", " ", 4), "name"),
        (lambda: v.add_vehicle("京C·1", "x", 0), "Seats"),
        (lambda: v.add_vehicle("京C·1", "x", 100), "Seats"),
        (lambda: v.add_vehicle("京C·1", "x", 4, insurance_due="next year"), "Insurance due: Bad date"),
        (lambda: v.add_vehicle("京C·1", "x", 4, odometer=-5), "odometer"),
        (lambda: v.update_vehicle("京A·10001", colour="red"), "Unknown vehicle field"),
        (lambda: v.vehicle("京Q·0"), "No vehicle"),
    ):
        with pytest.raises(OfficeError, match=needle):
            call()
    assert counts(fleet) == before
    assert [x.plate for x in v.vehicles()] == ["[bold]京B·1[/]", "京A·10001", "京A·10002",
                                               "京A·10003"]


def test_driver_records(fleet):
    v = fleet.vehicles
    d = v.add_driver("Chen Gang", phone="138", licence_expiry="2027-05-01")
    assert d.to_json() == {"id": d.id, "name": "Chen Gang", "phone": "138",
                           "licence_expiry": "2027-05-01", "active": True}
    with pytest.raises(OfficeError, match="already exists"):
        v.add_driver("chen  gang")
    with pytest.raises(OfficeError, match="name"):
        v.add_driver("  ")
    assert v.driver("CHEN GANG").id == d.id


def test_user_text_is_stored_exactly(fleet):
    dest = "[bold]市政府[/] \x1b[31m 东门"
    trip = fleet.vehicles.book(ask("京A·10001", at(9), at(10), dest, department="[/]办公室",
                                   purpose="送 [red]文件")).booking
    again = fleet.vehicles.booking(trip.id)
    assert (again.destination, again.department, again.purpose) == \
        (dest, "[/]办公室", "送 [red]文件")


def test_every_change_writes_an_event(fleet, clock):
    v = fleet.vehicles
    trip = v.book(ask("京A·10001", at(9), at(10))).booking
    v.mark_out(trip.id)
    v.mark_returned(trip.id, odometer=5)
    rows = fleet.db.execute("SELECT entity, action FROM events ORDER BY id").fetchall()
    assert rows == [("vehicle", "add")] * 3 + [("driver", "add")] * 2 + [
        ("booking", "book"), ("booking", "out"), ("vehicle", "odometer"), ("booking", "return")]


def test_json_shapes(fleet):
    trip = fleet.vehicles.book(ask("京A·10001", at(9), at(11), driver="王师傅",
                                   passengers=2)).booking
    data = trip.to_json()
    assert {k: data[k] for k in ("id", "vehicle", "driver", "start", "end", "destination",
                                 "passengers")} == {
        "id": trip.id, "vehicle": "京A·10001", "driver": "王师傅", "start": "2026-11-30 09:00",
        "end": "2026-11-30 11:00", "destination": "市政府", "passengers": 2}
    stored = fleet.db.execute("SELECT start_at, end_at FROM bookings").fetchone()
    assert stored == ("2026-11-30T09:00:00", "2026-11-30T11:00:00")  # ISO like jobs
    assert set(fleet.vehicles.vehicle("京A·10001").to_json()) >= {"plate", "name", "seats",
                                                                  "status"}


def test_free_lists_cars_best_fit_first(fleet):
    v = fleet.vehicles
    v.book(ask("京A·10001", at(9), at(11)))
    assert [c.plate for c in v.free(at(10), at(12), 1)] == ["京A·10002", "京A·10003"]
    assert [c.plate for c in v.free(at(11), at(12), 1)] == ["京A·10001", "京A·10002",
                                                             "京A·10003"]
    assert [c.plate for c in v.free(at(11), at(12), 7)] == ["京A·10003"]
    with pytest.raises(OfficeError, match="not after"):
        v.free(at(12), at(11))


def test_bookings_of_a_day_include_trips_that_cross_midnight(fleet):
    v = fleet.vehicles
    night = v.book(ask("京A·10001", at(22), at(2, day=MON + timedelta(days=1)))).booking
    assert [b.id for b in v.bookings(MON)] == [night.id]
    assert [b.id for b in v.bookings(MON + timedelta(days=1))] == [night.id]
    assert v.bookings(MON + timedelta(days=2)) == []


# -- reminders -----------------------------------------------------------------------------------
def test_reminders_from_the_service_and_configuring_the_window(fleet, clock):
    today = clock.now.date()
    v = fleet.vehicles
    v.update_vehicle("京A·10001", next_service_date=today + timedelta(days=14))
    v.update_vehicle("京A·10002", insurance_due=today + timedelta(days=15))
    v.update_vehicle("京A·10003", odometer=30_000, next_service_km=30_000)
    v.add_driver("赵师傅", licence_expiry=today + timedelta(days=30))
    found = {(r.kind, r.subject) for r in v.reminders()}
    assert found == {("service", "京A·10001"), ("service_km", "京A·10003"),
                     ("licence", "赵师傅")}
    v.configure(reminder_days=15)
    assert ("insurance", "京A·10002") in {(r.kind, r.subject) for r in v.reminders()}
    assert v.settings().reminder_days == 15
    assert ("insurance", "京A·10002") not in {(r.kind, r.subject) for r in v.reminders(days=3)}
    with pytest.raises(OfficeError):
        v.configure(reminder_days=-1)
    assert all("text" in r.to_json() for r in v.reminders())


def test_day_plan_has_the_cars_the_bookings_and_the_reminders(fleet):
    v = fleet.vehicles
    v.set_status("京A·10003", "retired")
    v.book(ask("京A·10001", at(9), at(10)))
    plan = v.day_plan(MON)
    assert [c.plate for c in plan.vehicles] == ["京A·10001", "京A·10002"]
    assert len(plan.bookings) == 1 and plan.day == MON


# -- the demo roster ---------------------------------------------------------------------------
def test_demo_roster(services, clock):
    with write(services.db):
        loaded = load_vehicle_demo(services.db, clock.now)
    assert loaded == {"vehicles": 5, "drivers": 4, "bookings": 20}
    v = services.vehicles
    cars, drivers = v.vehicles(), v.drivers()
    assert len(cars) == 5 and len(drivers) == 4
    assert [c.status for c in cars].count("maintenance") == 1
    today = clock.now.date()
    week = v.bookings_between(datetime.combine(today - timedelta(days=3), time(0)),
                              datetime.combine(today + timedelta(days=4), time(0)))
    assert len(week) == 20 and len({b.start.date() for b in week}) == 7
    for b in week:  # nothing clashes, by car or by driver
        same_car = [o for o in week if o.vehicle_id == b.vehicle_id]
        same_driver = [o for o in week if b.driver_id and o.driver_id == b.driver_id]
        assert clashes(same_car + same_driver, b.start, b.end, exclude_id=b.id) == []
    service_due = [r for r in v.reminders() if r.kind in ("service", "service_km")]
    assert len(service_due) == 1
    assert {b.status for b in week if b.end <= clock.now} == {"returned"}
    assert all(b.odometer for b in week if b.status == "returned")
    # Loading again adds nothing: the roster is already there.
    with write(services.db):
        assert load_vehicle_demo(services.db, clock.now)["vehicles"] == 0


def test_two_connections_cannot_double_book(db_path, clock, fleet):
    other = Services(db_path, clock=clock).open()
    try:
        other.vehicles.book(ask("京A·10001", at(9), at(11)))
        with pytest.raises(OfficeError, match="already booked"):
            fleet.vehicles.book(ask("京A·10001", at(10), at(12)))
    finally:
        other.close()


def test_the_database_itself_refuses_an_end_before_the_start(fleet):
    with pytest.raises(sqlite3.IntegrityError):
        fleet.db.execute(
            "INSERT INTO bookings (vehicle_id, start_at, end_at, destination, destination_key,"
            " created, updated) VALUES (1, '2026-11-30T10:00:00', '2026-11-30T09:00:00', 'x',"
            " 'x', 'n', 'n')")
