"""Meeting rooms on a real SQLite file: clashes with buffers, closed / small / missing
equipment refused with the alternatives, series over a holiday, an event's room moving
and freed with the event, undo."""

from __future__ import annotations

from datetime import datetime

import pytest

from office_tui.services import OfficeError


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.fixture
def rooms(services):
    r = services.rooms
    r.add("第一会议室", 30, location="3F", equipment="投影,话筒", buffer="30m")
    r.add("小会议室", 8, equipment="投影、视频会议")
    r.add("大会议室", 80, equipment="投影 话筒 视频会议")
    return r


def test_a_clash_inside_the_buffer_is_refused_naming_it_and_offering_what_works(rooms):
    first = rooms.book("第一会议室", at("2026-12-07 09:00"), at("2026-12-07 11:00"), "周例会",
                       department="办公室", people=20)
    with pytest.raises(OfficeError) as refused:
        # 11:00 starts inside the 30 min clear-up of the 09:00–11:00 meeting
        rooms.book("第一会议室", at("2026-12-07 11:00"), at("2026-12-07 12:00"), "复盘",
                   people=6)
    text = str(refused.value)
    assert f"#{first.id} 周例会 09:00–11:00 (办公室)" in text
    assert "小会议室 is free and fits (8 seats)" in text  # the smallest that fits
    assert "第一会议室 is next free 12:00–13:00" in text  # outside both buffers
    # back to back outside the buffers is fine
    later = rooms.book("第一会议室", at("2026-12-07 12:00"), at("2026-12-07 13:00"), "午会")
    assert (later.held_from, later.held_to) == (at("2026-12-07 11:30"), at("2026-12-07 13:30"))
    assert [b.id for b in rooms.bookings(at("2026-12-07 00:00").date())] == [first.id, later.id]


def test_closed_too_small_and_missing_equipment_are_each_refused(rooms, services):
    rooms.set_status("小会议室", "closed", until="2026-12-10", reason="装修")
    with pytest.raises(OfficeError, match="closed until 2026-12-10 \\(装修\\)"):
        rooms.book("小会议室", at("2026-12-08 09:00"), at("2026-12-08 10:00"), "面试")
    # open again the day after the until-date
    assert rooms.book("小会议室", at("2026-12-11 09:00"), at("2026-12-11 10:00"), "面试").id
    with pytest.raises(OfficeError, match="seats 30; 40 people do not fit") as small:
        rooms.book("第一会议室", at("2026-12-08 09:00"), at("2026-12-08 10:00"), "全员会",
                   people=40)
    assert "大会议室 is free and fits (80 seats)" in str(small.value)
    with pytest.raises(OfficeError, match="第一会议室 has no 视频会议"):
        rooms.book("第一会议室", at("2026-12-08 09:00"), at("2026-12-08 10:00"), "视频会",
                   needs="视频会议")
    assert services.rooms.bookings(at("2026-12-08 00:00").date()) == []  # nothing written


def test_free_lists_the_smallest_fitting_room_first(rooms):
    rooms.book("小会议室", at("2026-12-07 09:00"), at("2026-12-07 10:00"), "面试")
    free = rooms.free(at("2026-12-07 09:30"), at("2026-12-07 10:30"), people=5)
    assert [r.name for r in free] == ["第一会议室", "大会议室"]
    free = rooms.free(at("2026-12-07 11:00"), at("2026-12-07 12:00"), people=5,
                      needs="视频会议")
    assert [r.name for r in free] == ["小会议室", "大会议室"]


def test_a_weekly_series_skips_the_holiday_and_is_judged_whole(rooms):
    # 2026-10-05 is in the National Day holiday
    done = rooms.book_series("小会议室", at("2026-09-28 09:00"), at("2026-09-28 10:00"),
                             "周会", every="weekly:mon", until="2026-10-19")
    assert [b.start.date().isoformat() for b in done.booked] == [
        "2026-09-28", "2026-10-12", "2026-10-19"]
    assert [d.isoformat() for d in done.holidays] == ["2026-10-05"]
    assert {b.series_id for b in done.booked} == {done.booked[0].id}
    # a second series clashing on one date books nothing, naming the date...
    with pytest.raises(OfficeError, match="1 date of the series cannot be booked: "
                                          "2026-10-12") as refused:
        rooms.book_series("小会议室", at("2026-10-08 09:30"), at("2026-10-08 10:30"),
                          "培训", every="weekly:thu,mon", until="2026-10-16")
    assert "Nothing was booked" in str(refused.value)
    assert len(rooms.bookings(at("2026-10-08 00:00").date())) == 0
    # ...or the rest, when asked
    rest = rooms.book_series("小会议室", at("2026-10-08 09:30"), at("2026-10-08 10:30"),
                             "培训", every="weekly:thu,mon", until="2026-10-16",
                             skip_clashes=True)
    assert [b.start.date().isoformat() for b in rest.booked] == ["2026-10-08", "2026-10-15"]
    assert [d.date().isoformat() for d, _why in rest.clashes] == ["2026-10-12"]
    # cancelling the series from its second booking leaves the first
    cancelled = rooms.cancel(done.booked[1].id, "改为线上", series=True)
    assert [b.id for b in cancelled] == [b.id for b in done.booked[1:]]
    assert rooms.booking(done.booked[0].id).status == "booked"


def test_an_events_room_moves_with_it_or_refuses_and_is_freed_when_cancelled(rooms, services):
    services.kits.create("会议")
    services.kits.add_item("会议", "-1d@16:00", "名签 #文印")
    event, _linked = services.kits.event("会议", "年终总结会 due:2026-12-10@14:00 @办公室 #会议",
                                         room="大会议室", length="2h")
    booking = rooms.bookings_for_job(event.id)[0]
    assert (booking.start, booking.end) == (at("2026-12-10 14:00"), at("2026-12-10 16:00"))
    services.kits.move(event.id, "2026-12-11@09:00")
    moved = rooms.booking(booking.id)
    assert (moved.start, moved.end) == (at("2026-12-11 09:00"), at("2026-12-11 11:00"))
    rooms.book("大会议室", at("2026-12-14 09:00"), at("2026-12-14 12:00"), "占用")
    with pytest.raises(OfficeError, match="room cannot move with it.*#\\d+ 占用"):
        services.kits.move(event.id, "2026-12-14@10:00")
    assert services.jobs.get(event.id).due == at("2026-12-11 09:00")  # nothing moved
    assert rooms.booking(booking.id).start == at("2026-12-11 09:00")
    services.kits.cancel(event.id, "取消")
    assert rooms.booking(booking.id).status == "cancelled"
    # the same room is free again for another meeting then
    assert rooms.book("大会议室", at("2026-12-11 09:00"), at("2026-12-11 10:00"), "座谈").id


def test_booking_and_its_undo(rooms, services):
    b = rooms.book("第一会议室", at("2026-12-07 09:00"), at("2026-12-07 10:00"), "周例会")
    services.history.undo()
    with pytest.raises(OfficeError, match=f"No room booking #{b.id}"):
        rooms.booking(b.id)
    services.history.redo()
    assert rooms.booking(b.id).title == "周例会"


@pytest.mark.parametrize("call, message", [
    (lambda r: r.add("", 10), "room's name"),
    (lambda r: r.add("第一会议室", 10), "already exists"),
    (lambda r: r.add("X", 0), "Seats must be"),
    (lambda r: r.add("X", 5, buffer="half an hour"), "not a length"),
    (lambda r: r.book("无此室", at("2026-12-07 09:00"), at("2026-12-07 10:00"), "t"),
     "No room '无此室'. Rooms: 小会议室, 第一会议室, 大会议室"),
    (lambda r: r.book("小会议室", at("2026-12-07 10:00"), at("2026-12-07 09:00"), "t"),
     "not after the start"),
    (lambda r: r.book_series("小会议室", at("2026-12-07 09:00"), at("2026-12-07 10:00"), "t",
                             every="fortnightly", until="2027-01-01"), "Bad repeat"),
    (lambda r: r.set_status("小会议室", "shut"), "Use open or closed"),
])
def test_bad_input_is_one_clear_refusal(rooms, call, message):
    with pytest.raises(OfficeError, match=message):
        call(rooms)
