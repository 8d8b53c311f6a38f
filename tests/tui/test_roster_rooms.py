"""The Roster's Rooms tab (F4, `v`) and the room form, driven by the real keys at 80×24 and
checked against the database. The clock is Fri 2026-11-27 10:00."""

from __future__ import annotations

from datetime import date, datetime, time

from textual.widgets import Input, Select, Static

from office_tui.services import Services
from office_tui.tui.modals.vehicles.room_detail import RoomDetail
from office_tui.tui.modals.vehicles.room_form import RoomForm
from office_tui.tui.modals.vehicles.vehicle_detail import VehicleDetail
from office_tui.tui.screens.vehicles import VehiclesScreen
from office_tui.tui.widgets.timeline import Timeline
from tests.tui.conftest import screen_text, settle

SIZE = (80, 24)
FRI = date(2026, 11, 27)


def at(hh: int, mm: int = 0, day: date = FRI) -> datetime:
    return datetime.combine(day, time(hh, mm))


def rooms(services: Services) -> int:
    r = services.rooms
    r.add("小会议室", 8, equipment="投影")
    r.add("第一会议室", 30, equipment="投影,话筒", buffer="30m")
    return r.book("第一会议室", at(9), at(11), "周例会", department="办公室", people=20).id


async def open_rooms(app, pilot) -> VehiclesScreen:
    await pilot.press("f4")
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, VehiclesScreen) and screen.tab == "rooms"
    return screen


async def test_v_shows_the_rooms_as_rows_with_blocks_and_hatched_buffers(services, make_app):
    booked = rooms(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_rooms(app, pilot)
        assert [r.name for r in screen.rooms] == ["小会议室", "第一会议室"]
        assert screen.query_one(Timeline).row_count == 2
        shown = screen_text(app)
        assert "Roster" in shown and "2 rooms" in shown and "1 meeting" in shown
        assert "周例会" in shown
        assert "░" in shown  # the 30 min buffers either side
        # the car keys are not on this tab
        assert screen.check_action("out", ()) is False
        screen.query_one(Timeline).move_cursor(row=1, column=3)  # 第一会议室, 09:00
        await settle(pilot)
        assert screen.current_room_booking().id == booked
        assert f"#{booked}" in str(screen.query_one("#vehicles-status", Static).render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RoomDetail)
        assert "Room booking #" in screen_text(app) and "08:30–11:30" in screen_text(app)
        await pilot.press("escape", "v")
        await settle(pilot)
        assert screen.tab == "cars"


async def test_n_books_a_room_and_a_clash_offers_the_free_room_with_ctrl_f(services, make_app):
    rooms(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_rooms(app, pilot)
        screen.query_one(Timeline).move_cursor(row=1, column=4)  # 第一会议室, 10:00
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RoomForm)
        assert form.query_one("#rf-room", Select).value == "第一会议室"
        await pilot.press(*"复盘会")
        await settle(pilot)
        check = str(form.query_one("#rf-check", Static).render())
        assert "周例会" in check and "小会议室" in check  # the clash, and what is free
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert form.query_one("#rf-room", Select).value == "小会议室"
        assert "✓" in str(form.query_one("#rf-check", Static).render())
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        (made,) = [b for b in services.rooms.bookings(FRI) if b.title == "复盘会"]
        assert (made.room, made.start, made.end) == ("小会议室", at(10), at(11))
        assert "复盘会" in screen_text(app)


async def test_ctrl_n_takes_the_rooms_next_free_slot(services, make_app):
    rooms(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_rooms(app, pilot)
        screen.query_one(Timeline).move_cursor(row=1, column=4)  # 第一会议室, 10:00
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        await pilot.press(*"培训")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        # 11:30 is the end of the clear-up; this room's own setup needs 30 min more
        assert form.query_one("#rf-from", Input).value == "12:00"
        await pilot.press("enter")
        await settle(pilot)
        (made,) = [b for b in services.rooms.bookings(FRI) if b.title == "培训"]
        assert (made.room, made.start) == ("第一会议室", at(12))


async def test_b_on_a_meeting_job_books_a_room_linked_to_it(services, make_app):
    rooms(services)
    job = services.jobs.create("部门例会", category="meeting", due=at(14), department="财务科")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.current_job().id == job.id  # the only job
        await pilot.press("b")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, RoomForm)
        assert form.query_one("#rf-title", Input).value == "部门例会"
        assert form.query_one("#rf-from", Input).value == "14:00"
        await pilot.press("ctrl+s")
        await settle(pilot)
        (made,) = services.rooms.bookings_for_job(job.id)
        assert (made.start, made.department) == (at(14), "财务科")


async def test_the_car_details_show_its_service_log(services, make_app):
    services.vehicles.add_vehicle("京A12345", "GL8", 6)
    services.car_log.service("京A12345", day="2026-11-20", km=45_000, work="换机油、机滤",
                             cost="680")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VehicleDetail)
        shown = screen_text(app)
        assert "Services and renewals" in shown and "换机油、机滤" in shown and "680.00" in shown
