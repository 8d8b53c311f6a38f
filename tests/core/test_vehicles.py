"""The roster's pure rules: overlap, normalisation, best fit, free slots, shared trips,
reminder thresholds, trip warnings and the whole judgement of one request."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from office_tui.core.vehicles import (
    Booking, BookingRequest, Driver, Vehicle, VehicleSettings, assess, best_fit, clashes,
    name_key, next_free_slot, normalise_destination, overlaps, parse_clock, parse_day,
    parse_moment, plate_key, reminders, share_offers, span_text, trip_warnings,
)

DAY = date(2026, 11, 30)  # a Monday


def at(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hh, mm))


def car(id: int, seats: int = 4, status: str = "active", plate: str | None = None,
        **kw) -> Vehicle:
    return Vehicle(id=id, plate=plate or f"京A·{id:05d}", name=f"car {id}", seats=seats,
                   status=status, **kw)


def trip(id: int, vehicle: Vehicle, start: datetime, end: datetime, *, dest: str = "市政府",
         passengers: int = 1, status: str = "booked", driver_id: int | None = None
         ) -> Booking:
    return Booking(id=id, vehicle_id=vehicle.id, vehicle=vehicle.plate, start=start, end=end,
                   destination=dest, passengers=passengers, status=status,
                   driver_id=driver_id, seats=vehicle.seats, vehicle_status=vehicle.status)


# -- overlap ----------------------------------------------------------------------------
def test_overlap_and_back_to_back():
    assert overlaps(at(9), at(11), at(10, 30), at(12))
    assert overlaps(at(9), at(12), at(10), at(11))  # inside
    assert overlaps(at(9), at(11), at(9), at(11))  # the same window
    assert not overlaps(at(9), at(11), at(11), at(12))  # back to back
    assert not overlaps(at(11), at(12), at(9), at(11))
    assert not overlaps(at(9), at(10), at(14), at(15))


moments = st.integers(min_value=0, max_value=24 * 60).map(lambda m: at(0) + timedelta(minutes=m))


@given(moments, moments, moments, moments)
def test_overlap_is_symmetric_and_matches_a_minute_count(a, b, c, d):
    a, b = sorted((a, b))
    c, d = sorted((c, d))
    if a == b or c == d:
        return
    shared = max(timedelta(0), min(b, d) - max(a, c))
    assert overlaps(a, b, c, d) == overlaps(c, d, a, b) == (shared > timedelta(0))


def test_clashes_ignore_cancelled_and_returned_trips():
    v = car(1)
    trips = [trip(1, v, at(9), at(11), status="cancelled"),
             trip(2, v, at(9), at(11), status="returned"),
             trip(3, v, at(10), at(12), status="out"),
             trip(4, v, at(8), at(9, 30))]
    assert [b.id for b in clashes(trips, at(9), at(11))] == [4, 3]


# -- normalisation ------------------------------------------------------------------------
@pytest.mark.parametrize("variant", [
    "市政府", " 市政府", "市政府 ", "市 政府", "市　政府", "\t市政府\n", "市  政 府",
])
def test_destination_spacing_variants_match(variant):
    assert normalise_destination(variant) == normalise_destination("市政府") == "市政府"


@pytest.mark.parametrize("variant", [
    "City Hall", "city hall", "CITY HALL", "ＣＩＴＹ　ＨＡＬＬ", "Ｃｉｔｙ Ｈａｌｌ", " city  hall ",
    "CityHall",
])
def test_destination_width_and_case_variants_match(variant):
    assert normalise_destination(variant) == "cityhall"


def test_destination_full_width_digits_and_brackets_fold():
    assert normalise_destination("Ｔ３航站楼（国际）") == normalise_destination("T3航站楼(国际)")
    assert normalise_destination("火车站") != normalise_destination("火车南站")
    assert normalise_destination("   ") == "" and normalise_destination(None) == ""


def test_plate_and_name_keys():
    assert plate_key("京A·12345") == plate_key("京a 12345") == plate_key("京Ａ-１２３４５")
    assert plate_key("京A·12345") != plate_key("京A·12346")
    assert name_key(" 王师傅 ") == name_key("王师傅")
    assert name_key("Chen  Gang") == name_key("chen gang")


# -- moments ------------------------------------------------------------------------------
def test_parse_moment_forms_and_errors():
    assert parse_moment("2026-11-30 09:00") == at(9)
    assert parse_moment("2026-11-30T09:30") == at(9, 30)
    assert parse_moment("２０２６-１１-３０ ０９：００") == at(9)
    for bad in ("2026-11-30", "09:00", "2026-13-01 09:00", "2026-11-30 25:00", "tomorrow", ""):
        with pytest.raises(ValueError):
            parse_moment(bad)
    assert parse_day("2026-11-30", DAY) == DAY
    assert parse_day("tomorrow", DAY) == DAY + timedelta(days=1)
    assert parse_day("今天", DAY) == DAY
    with pytest.raises(ValueError):
        parse_day("2026-02-30", DAY)
    assert parse_clock("9:05") == time(9, 5)
    with pytest.raises(ValueError):
        parse_clock("9h")


def test_span_text_names_other_days():
    assert span_text(at(9), at(11)) == "09:00–11:00"
    assert span_text(at(22), at(2, day=DAY + timedelta(days=1))) == "22:00–12-01 02:00"


# -- best fit -----------------------------------------------------------------------------
def test_best_fit_is_the_smallest_free_car_that_fits():
    small, mid, big, bus = car(1, 4), car(2, 6), car(3, 8), car(4, 18)
    fixing, gone = car(5, 5, "maintenance"), car(6, 5, "retired")
    busy = [trip(1, mid, at(9), at(11))]
    found = best_fit([bus, big, mid, small, fixing, gone], busy, at(10), at(12), 5)
    assert [v.id for v in found] == [3, 4]  # mid is busy; small too small; others out
    assert [v.id for v in best_fit([bus, big, mid, small], busy, at(11), at(12), 1)] == \
        [1, 2, 3, 4]  # back to back: mid is free again at 11:00


def test_best_fit_breaks_seat_ties_by_plate():
    a, b = car(1, 4, plate="京B·2"), car(2, 4, plate="京A·9")
    assert [v.id for v in best_fit([a, b], [], at(9), at(10), 1)] == [2, 1]


# -- next free slot -----------------------------------------------------------------------
def test_next_free_slot_follows_the_clash():
    busy = [(at(9), at(11))]
    assert next_free_slot(busy, at(10, 30), at(12)) == (at(11), at(12, 30))


def test_next_free_slot_skips_back_to_back_bookings():
    busy = [(at(9), at(11)), (at(11), at(12)), (at(12, 30), at(14))]
    # 1.5 h is needed: 12:00-12:30 is too short, 14:00 is the first fit.
    assert next_free_slot(busy, at(10), at(11, 30)) == (at(14), at(15, 30))


def test_next_free_slot_looks_earlier_when_the_rest_of_the_day_is_full():
    busy = [(at(10), at(20))]
    assert next_free_slot(busy, at(12), at(14)) == (at(7), at(9))


def test_next_free_slot_none_when_the_day_is_full():
    assert next_free_slot([(at(7), at(20))], at(9), at(11)) is None
    assert next_free_slot([(at(8), at(19))], at(9), at(11)) is None  # gaps too short


def test_next_free_slot_respects_the_day_end_setting():
    busy = [(at(9), at(18, 30))]
    assert next_free_slot(busy, at(17), at(19)) == (at(7), at(9))
    late = VehicleSettings(day_end=time(21, 0))
    assert next_free_slot(busy, at(17), at(19), late) == (at(18, 30), at(20, 30))


# -- shared trips -------------------------------------------------------------------------
def test_share_offers_same_destination_in_width_and_spacing_variants():
    gl8 = car(1, 6)
    booked = trip(1, gl8, at(9), at(11), dest="市政府", passengers=2)
    for asked in ("市 政府", "　市政府　", "市政府"):
        assert share_offers([booked], asked, at(9, 30), at(10), 3) == [booked]
    english = trip(2, gl8, at(14), at(15), dest="ＣＩＴＹ　ＨＡＬＬ")
    assert share_offers([english], "City Hall", at(14), at(15), 1) == [english]


def test_share_window_is_one_hour_either_side():
    v = car(1, 6)
    booked = trip(1, v, at(9), at(11))
    assert share_offers([booked], "市政府", at(12), at(13), 1) == [booked]  # 60 min after
    assert share_offers([booked], "市政府", at(12, 1), at(13), 1) == []  # 61 min
    assert share_offers([booked], "市政府", at(7), at(8), 1) == [booked]  # 60 min before
    assert share_offers([booked], "市政府", at(7), at(7, 59), 1) == []


def test_share_needs_free_seats_the_same_day_and_a_booked_trip():
    v = car(1, 4)
    full = trip(1, v, at(9), at(11), passengers=3)
    assert share_offers([full], "市政府", at(9), at(11), 1) == [full]
    assert share_offers([full], "市政府", at(9), at(11), 2) == []
    other_day = trip(2, v, at(9, day=DAY + timedelta(days=1)), at(11, day=DAY + timedelta(days=1)))
    assert share_offers([other_day], "市政府", at(9), at(11), 1) == []
    for status in ("out", "returned", "cancelled"):
        assert share_offers([trip(3, v, at(9), at(11), status=status)], "市政府",
                            at(9), at(11), 1) == []
    assert share_offers([trip(4, v, at(9), at(11), dest="火车站")], "市政府",
                        at(9), at(11), 1) == []
    assert share_offers([trip(5, v, at(9), at(11))], "  ", at(9), at(11), 1) == []


def test_share_offers_nearest_first():
    v1, v2 = car(1, 6), car(2, 6)
    far, near = trip(1, v1, at(8), at(9)), trip(2, v2, at(10), at(11))
    assert share_offers([far, near], "市政府", at(10), at(11), 1) == [near, far]


# -- reminders ----------------------------------------------------------------------------
TODAY = date(2026, 11, 27)


def test_dated_reminders_at_the_14_day_threshold():
    v = car(1, next_service_date=TODAY + timedelta(days=14),
            insurance_due=TODAY + timedelta(days=15),
            inspection_due=TODAY - timedelta(days=2))
    found = {r.kind: r for r in reminders([v], [], TODAY)}
    assert set(found) == {"service", "inspection"}
    assert found["service"].days_left == 14
    assert found["inspection"].overdue and found["inspection"].days_left == -2
    assert "2 days ago" in found["inspection"].text and v.plate in found["service"].text


def test_reminder_window_is_configurable():
    v = car(1, next_service_date=TODAY + timedelta(days=10))
    assert reminders([v], [], TODAY, VehicleSettings(reminder_days=9)) == []
    assert [r.kind for r in reminders([v], [], TODAY, VehicleSettings(reminder_days=10))] == \
        ["service"]


def test_odometer_reminder_at_and_past_the_service_km():
    assert reminders([car(1, odometer=59_999, next_service_km=60_000)], [], TODAY) == []
    [at_km] = reminders([car(1, odometer=60_000, next_service_km=60_000)], [], TODAY)
    assert at_km.kind == "service_km" and at_km.km_over == 0
    [past] = reminders([car(1, odometer=60_250, next_service_km=60_000)], [], TODAY)
    assert past.km_over == 250 and "60250" in past.text


def test_licence_reminder_at_30_days():
    soon = Driver(1, "王师傅", licence_expiry=TODAY + timedelta(days=30))
    later = Driver(2, "李师傅", licence_expiry=TODAY + timedelta(days=31))
    gone = Driver(3, "张师傅", licence_expiry=TODAY - timedelta(days=1))
    idle = Driver(4, "赵师傅", licence_expiry=TODAY, active=False)
    found = reminders([], [soon, later, gone, idle], TODAY)
    assert [(r.subject, r.days_left) for r in found] == [("张师傅", -1), ("王师傅", 30)]
    assert "expired" in found[0].text


def test_retired_cars_raise_no_reminders_and_overdue_comes_first():
    retired = car(1, status="retired", next_service_date=TODAY)
    late = car(2, insurance_due=TODAY - timedelta(days=3))
    soon = car(3, next_service_date=TODAY + timedelta(days=3))
    assert [r.subject for r in reminders([retired, soon, late], [], TODAY)] == \
        [late.plate, soon.plate]


# -- warnings -----------------------------------------------------------------------------
def test_trip_over_the_service_date_is_a_warning():
    v = car(1, next_service_date=DAY, insurance_due=DAY + timedelta(days=1))
    assert len(trip_warnings(v, at(9), at(11))) == 1  # runs over the service date
    assert trip_warnings(car(1, next_service_date=DAY + timedelta(days=1)), at(9), at(11)) == []
    both = trip_warnings(v, at(9), at(9, day=DAY + timedelta(days=1)))
    assert len(both) == 2 and "insurance" in both[1]
    assert trip_warnings(car(1, odometer=100, next_service_km=100), at(9), at(10))


# -- one request ----------------------------------------------------------------------------
def judge(vehicle, *, bookings=(), vehicles=None, driver=None, drivers=(), start=None,
          end=None, passengers=1, dest="市政府"):
    request = BookingRequest(vehicle.plate if vehicle else "京Z·0", start or at(9),
                             end or at(11), dest, passengers=passengers,
                             driver=driver.name if driver else None)
    return assess(request, vehicle=vehicle, driver=driver,
                  vehicles=vehicles if vehicles is not None else [vehicle],
                  drivers=list(drivers) or ([driver] if driver else []),
                  bookings=list(bookings))


def test_vehicle_clash_is_refused_naming_the_booking_and_offering_alternatives():
    a, b, c = car(1, 4), car(2, 6), car(3, 4, plate="京A·00009")
    first = trip(7, a, at(9), at(11))
    result = judge(a, bookings=[first], vehicles=[a, b, c], start=at(10, 30), end=at(12))
    assert not result.ok and result.clashes == [first]
    text = result.refusal()
    assert "#7" in text and "09:00–11:00" in text and "10:30–12:00" in text
    assert [v.id for v in result.free] == [3, 2]  # smallest that fits first, then plate
    assert "京A·00009" in text and "Next free slot of 京A·00001 that day: 11:00–12:30" in text


def test_back_to_back_is_accepted():
    a = car(1)
    assert judge(a, bookings=[trip(1, a, at(9), at(11))], start=at(11), end=at(12)).ok
    assert judge(a, bookings=[trip(1, a, at(11), at(12))], start=at(9), end=at(11)).ok


def test_driver_clash_on_another_car_is_refused():
    a, b = car(1), car(2)
    wang, li = Driver(1, "王师傅"), Driver(2, "李师傅")
    busy = trip(3, a, at(9), at(11), driver_id=1)
    result = judge(b, bookings=[busy], vehicles=[a, b], driver=wang, drivers=[wang, li],
                   start=at(10), end=at(12))
    assert not result.ok and result.driver_clashes == [busy]
    assert "王师傅" in result.refusal() and "#3" in result.refusal()
    assert "李师傅" in result.refusal()  # a driver who is free then
    ok = judge(b, bookings=[busy], vehicles=[a, b], driver=wang, drivers=[wang, li],
               start=at(11), end=at(12))
    assert ok.ok  # back to back for the driver too


def test_maintenance_and_retired_cars_are_refused():
    fixing, spare = car(1, status="maintenance"), car(2)
    result = judge(fixing, vehicles=[fixing, spare])
    assert not result.ok and "maintenance" in result.refusal()
    assert spare.plate in result.refusal()
    assert "retired" in judge(car(3, status="retired")).refusal()


def test_too_many_passengers_are_refused_offering_a_bigger_car():
    small, van = car(1, 4), car(2, 8)
    result = judge(small, vehicles=[small, van], passengers=5)
    assert not result.ok and "5 passengers do not fit" in result.refusal()
    assert [v.id for v in result.free] == [2] and van.plate in result.refusal()
    assert judge(small, vehicles=[small, van], passengers=4).ok


def test_end_not_after_start_is_refused():
    result = judge(car(1), start=at(11), end=at(11))
    assert result.problems == ["The end 2026-11-30 11:00 is not after the start "
                               "2026-11-30 11:00."]
    assert not judge(car(1), start=at(11), end=at(10)).ok


def test_licence_expired_on_the_day_is_refused():
    v = car(1)
    valid_today = Driver(1, "王师傅", licence_expiry=DAY)
    assert judge(v, driver=valid_today).ok
    expired = Driver(2, "李师傅", licence_expiry=DAY - timedelta(days=1))
    result = judge(v, driver=expired)
    assert not result.ok and "licence expired on 2026-11-29" in result.refusal()
    overnight = judge(v, driver=valid_today, start=at(20), end=at(2, day=DAY + timedelta(days=1)))
    assert not overnight.ok  # the licence runs out during the trip


def test_a_trip_over_the_service_date_is_allowed_with_a_warning():
    v = car(1, next_service_date=DAY)
    result = judge(v)
    assert result.ok and result.warnings and "service date" in result.warnings[0]


def test_unknown_vehicle_and_empty_destination():
    result = judge(None, vehicles=[car(1)])
    assert not result.ok and "No vehicle" in result.refusal()
    assert not judge(car(1), dest="  ").ok


def test_assessment_offers_shared_trips():
    a, gl8 = car(1, 4), car(2, 6)
    shared = trip(5, gl8, at(9), at(11), dest="市政府", passengers=2)
    result = judge(a, bookings=[shared], vehicles=[a, gl8], dest="市 政府", passengers=2)
    assert result.ok and result.shares == [shared]
