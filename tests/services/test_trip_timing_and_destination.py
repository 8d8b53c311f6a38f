"""Vehicles (issue 14): a trip marked out or returned far from its booked times is warned
about; a booking made from a job gets a destination proposed from it."""

from __future__ import annotations

from datetime import datetime

import pytest

from office_tui.core.vehicles import BookingRequest, suggest_destination


@pytest.fixture
def car(services):
    services.vehicles.add_vehicle("京A·10001", "Passat", 4)
    return services.vehicles


def book(v, start: str, end: str, dest: str = "市政府") -> int:
    return v.book(BookingRequest(vehicle="京A·10001", start=datetime.fromisoformat(start),
                                 end=datetime.fromisoformat(end), destination=dest)
                  ).booking.id


def test_out_and_return_far_from_the_booked_times_warn(services, car, clock):
    trip = book(car, "2026-11-30 08:30", "2026-11-30 11:00")
    clock.now = datetime(2026, 11, 30, 6, 23)
    gone = car.mark_out(trip)
    assert gone.warnings == (f"#{trip} marked out at 06:23, 2 h 7 min before its booked "
                             "start 08:30.",)
    clock.now = datetime(2026, 11, 30, 6, 25)
    back = car.mark_returned(trip, odometer=10)
    assert back.warnings == (f"#{trip} returned at 06:25, 4 h 35 min before its booked end "
                             "11:00.",)


def test_on_time_says_nothing(services, car, clock):
    trip = book(car, "2026-11-30 08:30", "2026-11-30 11:00")
    clock.now = datetime(2026, 11, 30, 8, 10)
    assert car.mark_out(trip).warnings == ()
    clock.now = datetime(2026, 11, 30, 12, 0)
    assert car.mark_returned(trip, odometer=10).warnings == ()
    late = book(car, "2026-11-30 13:00", "2026-11-30 14:00")
    clock.now = datetime(2026, 11, 30, 15, 1)
    assert car.mark_out(late).warnings == (
        f"#{late} marked out at 15:01, 2 h 1 min after its booked start 13:00.",)
    hour = book(car, "2026-11-30 16:00", "2026-11-30 17:00")
    clock.now = datetime(2026, 11, 30, 19, 0)
    assert car.mark_returned(hour, odometer=20).warnings == (
        f"#{hour} returned at 19:00, 2 hours after its booked end 17:00.",)


def test_destination_from_the_jobs_location_or_a_known_place_in_its_title(services, car):
    book(car, "2026-11-27 14:00", "2026-11-27 15:00", "市 政府")
    book(car, "2026-11-27 16:00", "2026-11-27 17:00", "火车站")
    job = services.jobs.add("周四上午送领导去市政府开会 #用车")
    assert car.suggest_destination(job.id) == "市 政府"
    services.jobs.edit(job.id, location="省教育厅")
    assert car.suggest_destination(job.id) == "省教育厅"
    other = services.jobs.add("接专家 #用车")
    assert car.suggest_destination(other.id) is None


def test_the_longest_known_destination_named_wins():
    known = ["市政府", "市政府东门", "政府", "x"]
    assert suggest_destination("送领导去市政府东门", None, known) == "市政府东门"
    assert suggest_destination("Drive to City Hall", None, ["ＣＩＴＹ　ＨＡＬＬ"]) == "ＣＩＴＹ　ＨＡＬＬ"
    assert suggest_destination("去x", None, known) is None  # one character is no place
