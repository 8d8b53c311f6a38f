"""The Vehicles screen (F4) and the booking form, driven by the real keys and checked
against the database. The clock is Fri 2026-11-27 10:00."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from textual.widgets import DataTable, Input, OptionList, Select, Static

from office_tui.core.vehicles import BookingRequest
from office_tui.services import Services
from office_tui.tui.screens.vehicles import VehiclesScreen
from office_tui.tui.modals.vehicles.booking_detail import BookingDetail
from office_tui.tui.modals.vehicles.booking_form import BookingForm
from office_tui.tui.modals.vehicles.return_trip import ReturnForm
from office_tui.tui.modals.vehicles.vehicle_detail import VehicleDetail
from office_tui.tui.widgets.timeline import Timeline
from tests.tui.conftest import screen_text, settle

SIZE = (120, 36)
FRI = date(2026, 11, 27)


def at(hh: int, mm: int = 0, day: date = FRI) -> datetime:
    return datetime.combine(day, time(hh, mm))


def roster(services: Services) -> dict[str, int]:
    v = services.vehicles
    v.add_vehicle("京A·10001", "Passat", 4)
    v.add_vehicle("京A·10002", "Buick GL8", 6, next_service_date=FRI + timedelta(days=5))
    v.add_vehicle("京A·10003", "Coaster", 18)
    v.add_vehicle("京A·10004", "Jinbei", 8, status="maintenance")
    v.add_driver("王师傅")
    first = v.book(BookingRequest("京A·10001", at(9), at(11), "市政府", driver="王师傅",
                                  passengers=2, department="办公室")).booking
    second = v.book(BookingRequest("京A·10002", at(14), at(16), "火车站")).booking
    monday = v.book(BookingRequest("京A·10003", at(8, day=FRI + timedelta(days=3)),
                                   at(12, day=FRI + timedelta(days=3)), "区教育局")).booking
    return {"first": first.id, "second": second.id, "monday": monday.id}


async def open_vehicles(app, pilot) -> VehiclesScreen:
    await pilot.press("f4")
    await settle(pilot)
    assert isinstance(app.screen, VehiclesScreen)
    return app.screen


def header(app) -> str:
    return str(app.screen.query_one("#vehicles-header", Static).render())


def table(app) -> Timeline:
    return app.screen.query_one(Timeline)


# -- the timeline ------------------------------------------------------------------------------
async def test_f4_shows_one_row_per_car_with_blocks_maintenance_and_reminders(services, make_app):
    roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_vehicles(app, pilot)
        assert [v.plate for v in screen.vehicles] == ["京A·10001", "京A·10002", "京A·10003",
                                                      "京A·10004"]
        assert table(app).row_count == 4
        assert table(app).column_count == 1 + 13  # the car, then 07:00..19:00
        shown = screen_text(app)
        assert "Fri 2026-11-27 (today)" in shown and "2 trips" in shown
        assert "市政府" in shown and "in maintenance" in shown
        assert "京A·10002: service due 2026-12-02, in 5 days" in shown
        assert "07:00" in shown and "19:00" in shown
        # The cursor starts on the current hour, on the first car: its trip is under it.
        assert screen.current_hour() == 10
        assert screen.current_booking().destination == "市政府"
        assert "#1" in str(screen.query_one("#vehicles-status", Static).render())


async def test_brackets_step_days_and_t_comes_back(services, make_app):
    ids = roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_vehicles(app, pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.day == FRI + timedelta(days=1) and "Sat 2026-11-28" in header(app)
        assert screen.bookings == []
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert "Mon 2026-11-30" in header(app)
        assert [b.id for b in screen.bookings] == [ids["monday"]]
        assert "区教育局" in screen_text(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert "Sun 2026-11-29" in header(app)
        await pilot.press("t")
        await settle(pilot)
        assert screen.day == FRI and "(today)" in header(app)


async def test_week_overview_and_enter_opens_that_day(services, make_app):
    roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_vehicles(app, pilot)
        await pilot.press("w")
        await settle(pilot)
        assert screen.view == "week" and "week of 2026-11-23" in header(app)
        assert table(app).column_count == 1 + 7
        assert "maint." in screen_text(app)
        assert table(app).cursor_column == FRI.weekday() + 1
        await pilot.press("right_square_bracket")  # next week
        await settle(pilot)
        assert "week of 2026-11-30" in header(app)
        assert "1× 4h" in screen_text(app)  # the Coaster's Monday trip
        # Enter on Monday of the Coaster's row: that day's timeline.
        table(app).move_cursor(row=2, column=1)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.view == "day" and screen.day == date(2026, 11, 30)
        assert "区教育局" in screen_text(app)
        await pilot.press("w", "w")
        await settle(pilot)
        assert screen.view == "day"


async def test_enter_shows_the_booking_then_the_car(services, make_app):
    ids = roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_vehicles(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BookingDetail) and app.screen.booking.id == ids["first"]
        shown = screen_text(app)
        assert "Booking #1" in shown and "王师傅" in shown and "2 of 4 seats" in shown
        assert "booked" in shown
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("down")  # the GL8: nothing at 10:00
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VehicleDetail)
        assert "Buick GL8" in screen_text(app) and "service due" in screen_text(app)
        await pilot.press("escape")


async def test_out_returned_and_cancel_keys(services, make_app):
    ids = roster(services)
    services.vehicles.update_vehicle("京A·10001", odometer=58_000)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_vehicles(app, pilot)
        await pilot.press("o")
        await settle(pilot)
        assert services.vehicles.booking(ids["first"]).status == "out"
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, ReturnForm)
        await pilot.press(*"57000", "enter")  # below the last reading: refused in the form
        await settle(pilot)
        assert isinstance(app.screen, ReturnForm) and "below" in screen_text(app)
        app.screen.query_one("#return-odometer", Input).value = ""
        await pilot.press(*"58064", "enter", *"6.5", "enter", *"50", "enter")
        await settle(pilot)
        back = services.vehicles.booking(ids["first"])
        assert (back.status, back.odometer, back.fuel, back.cost) == ("returned", 58064, 6.5, 50)
        assert services.vehicles.vehicle("京A·10001").odometer == 58064
        # x on the GL8's 14:00 trip: asks why, then cancels.
        table(app).move_cursor(row=1, column=14 - 7 + 1)
        await settle(pilot)
        assert screen.current_booking().id == ids["second"]
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("enter")  # an empty reason is refused in the prompt
        await settle(pilot)
        assert services.vehicles.booking(ids["second"]).status == "booked"
        await pilot.press(*"会议改期", "enter")
        await settle(pilot)
        cancelled = services.vehicles.booking(ids["second"])
        assert (cancelled.status, cancelled.cancel_reason) == ("cancelled", "会议改期")
        assert screen.current_booking() is None  # gone from the roster


async def test_out_far_from_the_booked_start_is_toasted(services, make_app):
    ids = roster(services)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_vehicles(app, pilot)
        table(app).move_cursor(row=1, column=14 - 7 + 1)  # the GL8's 14:00 trip, at 10:00
        await settle(pilot)
        assert screen.current_booking().id == ids["second"]
        await pilot.press("o")
        await settle(pilot)
        said = [n.message for n in app._notifications]
    assert services.vehicles.booking(ids["second"]).status == "out"
    assert any("before its booked start 14:00" in m for m in said), said


async def test_booking_keys_are_disabled_where_they_do_not_apply(services, make_app):
    roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_vehicles(app, pilot)
        await pilot.press("down")  # no trip under the cursor
        await settle(pilot)
        for action in ("out", "returned", "cancel_booking"):
            assert screen.check_action(action, ()) is None
        await pilot.press("o", "x")
        await settle(pilot)
        assert isinstance(app.screen, VehiclesScreen)
        assert [b.status for b in services.vehicles.bookings(FRI)] == ["booked", "booked"]


async def test_m_toggles_maintenance(services, make_app):
    roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_vehicles(app, pilot)
        await pilot.press("down", "down", "m")  # the Coaster
        await settle(pilot)
        assert services.vehicles.vehicle("京A·10003").status == "maintenance"
        assert screen.vehicles[2].status == "maintenance"
        await pilot.press("m")
        await settle(pilot)
        assert services.vehicles.vehicle("京A·10003").status == "active"
        await pilot.press("down", "m")  # the Jinbei comes out of maintenance
        await settle(pilot)
        assert services.vehicles.vehicle("京A·10004").status == "active"


# -- the booking form ---------------------------------------------------------------------------
async def test_n_form_shows_the_clash_live_and_books_the_free_car(services, make_app):
    roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_vehicles(app, pilot)
        await pilot.press("n")  # on the Passat at 10:00, which is out 09-11
        await settle(pilot)
        form = app.screen
        assert isinstance(form, BookingForm)
        assert form.query_one("#bf-vehicle", Select).value == "京A·10001"
        assert form.query_one("#bf-from", Input).value == "10:00"
        assert form.focused is form.query_one("#bf-dest", Input)
        await pilot.press(*"火车站")
        await settle(pilot)
        check = str(form.query_one("#bf-check", Static).render())
        assert "already booked" in check and "#1" in check
        assert "京A·10003" in check  # the free car (the GL8 is free too: 6 < 18 seats)
        assert "Next free slot of 京A·10001: 11:00–12:00" in check
        await pilot.press("enter")  # refused: stays in the form, nothing written
        await settle(pilot)
        assert isinstance(app.screen, BookingForm) and len(services.vehicles.bookings(FRI)) == 2
        await pilot.press("ctrl+f")  # take the smallest free car
        await settle(pilot)
        assert form.query_one("#bf-vehicle", Select).value == "京A·10002"
        assert "✓" in str(form.query_one("#bf-check", Static).render())
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VehiclesScreen)
        made = [b for b in services.vehicles.bookings(FRI) if b.destination == "火车站"
                and b.start == at(10)]
        assert [b.vehicle for b in made] == ["京A·10002"]


async def test_form_next_slot_key_moves_the_time(services, make_app):
    roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_vehicles(app, pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"税务局")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        form = app.screen
        assert (form.query_one("#bf-from", Input).value,
                form.query_one("#bf-to", Input).value) == ("11:00", "12:00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [b.start for b in services.vehicles.bookings(FRI)
                if b.destination == "税务局"] == [at(11)]


async def test_form_offers_a_shared_trip_and_ctrl_g_joins_it(services, make_app):
    ids = roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_vehicles(app, pilot)
        await pilot.press("down", "down", "n")  # the Coaster, free at 10:00
        await settle(pilot)
        form = app.screen
        form.query_one("#bf-dept", Input).value = "财务科"
        form.query_one("#bf-passengers", Input).value = "2"
        form.query_one("#bf-dest", Input).focus()
        await pilot.press(*"市 政府")  # a spacing variant of the booked trip's destination
        await settle(pilot)
        offers = form.query_one("#bf-shares", OptionList)
        assert offers.display and offers.option_count == 1
        assert "#1" in screen_text(app) and "one car" in screen_text(app)
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, VehiclesScreen)
        joined = services.vehicles.booking(ids["first"])
        assert joined.passengers == 4 and joined.department == "办公室、财务科"
        assert len(services.vehicles.bookings(FRI)) == 2  # no second car


async def test_form_reports_bad_fields_inline(services, make_app):
    roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_vehicles(app, pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        form.query_one("#bf-to", Input).value = "25:99"
        await settle(pilot)
        assert "is not a time" in str(form.query_one("#bf-check", Static).render())
        form.query_one("#bf-to", Input).value = "09:30"
        form.query_one("#bf-from", Input).value = "10:00"
        await settle(pilot)
        assert "is not after the start" in str(form.query_one("#bf-check", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, VehiclesScreen)
        assert len(services.vehicles.bookings(FRI)) == 2


async def test_markup_in_a_destination_is_shown_literally(services, make_app):
    roster(services)
    services.vehicles.book(BookingRequest("京A·10003", at(10), at(12), "[bold]东门[/] \x1b[31m"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_vehicles(app, pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        shown = screen_text(app)
        assert "[bold]东门[/]" in shown and "\\x1b[31m" in shown
        await pilot.press("escape")
        await settle(pilot)
        assert screen.current_booking().destination == "[bold]东门[/] \x1b[31m"


# -- from a job --------------------------------------------------------------------------------
async def test_b_on_a_vehicle_job_books_links_and_starts_it(services, make_app):
    roster(services)
    job = services.jobs.add("送领导去区政府 due:mon@14:00 @办公室 #用车")
    other = services.jobs.add("修灯 #报修")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        jobs = app.screen
        ids = [j.id for j in jobs.jobs]
        jobs.query_one(DataTable).move_cursor(row=ids.index(other.id))
        await settle(pilot)
        assert jobs.check_action("book", ()) is False  # not on a repair job
        await pilot.press("b")
        await settle(pilot)
        assert not isinstance(app.screen, BookingForm)
        jobs.query_one(DataTable).move_cursor(row=ids.index(job.id))
        await settle(pilot)
        assert jobs.check_action("book", ()) is True
        await pilot.press("b")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, BookingForm)
        assert form.query_one("#bf-day", Input).value == "2026-11-30"
        assert form.query_one("#bf-from", Input).value == "14:00"
        assert form.query_one("#bf-dept", Input).value == "办公室"
        assert form.query_one("#bf-purpose", Input).value == "送领导去区政府"
        assert "job #" in screen_text(app)
        await pilot.press(*"区政府", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, BookingForm)
    [booking] = services.vehicles.bookings_for_job(job.id)
    assert booking.job_id == job.id and booking.destination == "区政府"
    assert booking.start == datetime(2026, 11, 30, 14, 0)
    assert services.jobs.get(job.id).status == "in_progress"


async def test_the_day_field_takes_the_quick_add_date_words(services, make_app):
    roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_vehicles(app, pilot)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        form.query_one("#bf-day", Input).value = "周五"  # strictly after today: next Friday
        form.query_one("#bf-from", Input).value = "15:00"
        form.query_one("#bf-to", Input).value = "16:30"
        form.query_one("#bf-dest", Input).value = "档案馆"
        await settle(pilot)
        assert "✓" in str(form.query_one("#bf-check", Static).render())
        form.query_one("#bf-day", Input).value = "someday"
        await settle(pilot)
        assert "is not a day" in str(form.query_one("#bf-check", Static).render())
        form.query_one("#bf-day", Input).value = "下周一"
        form.query_one("#bf-dest", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VehiclesScreen)
    [made] = [b for b in services.vehicles.bookings(date(2026, 11, 30))
              if b.destination == "档案馆"]
    assert (made.start, made.end) == (at(15, day=date(2026, 11, 30)), at(16, 30, date(2026, 11, 30)))


async def test_b_proposes_the_destination_the_job_names(services, make_app):
    roster(services)  # 市政府 has been travelled to
    job = services.jobs.add("送领导去市政府开会 due:mon@14:00 #用车")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = [j.id for j in app.screen.jobs]
        app.screen.query_one(DataTable).move_cursor(row=ids.index(job.id))
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, BookingForm)
        assert form.query_one("#bf-dest", Input).value == "市政府"
        assert form.focused is form.query_one("#bf-vehicle", Select)


# -- size: 80 columns, 30 cars ------------------------------------------------------------------
async def test_readable_at_80_columns_scrolling_sideways(services, make_app):
    roster(services)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_vehicles(app, pilot)
        grid = table(app)
        assert grid.scroll_x == 0
        for _ in range(9):
            await pilot.press("right")
        await settle(pilot)
        assert screen.current_hour() == 19
        assert grid.scroll_x > 0  # the hours scrolled ...
        shown = screen_text(app)
        assert "19:00" in shown and "京A·10001" in shown  # ... the plates stayed
        assert "07:00" not in shown


async def test_thirty_cars(services, make_app):
    for i in range(30):
        services.vehicles.add_vehicle(f"京B·{i:05d}", f"car {i}", 4 + i % 5)
    for i in range(0, 30, 3):
        services.vehicles.book(BookingRequest(f"京B·{i:05d}", at(8 + i % 10), at(9 + i % 10),
                                              f"站点{i}"))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_vehicles(app, pilot)
        assert table(app).row_count == 30
        table(app).move_cursor(row=29)
        await settle(pilot)
        assert screen.current_vehicle().plate == "京B·00029"
        assert "京B·00029" in screen_text(app)


async def test_a_booking_made_elsewhere_appears(services, make_app, db_path, clock):
    roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_vehicles(app, pilot)
        screen.poll()  # remember the data version
        other = Services(db_path, clock=clock).open()
        try:
            other.vehicles.book(BookingRequest("京A·10003", at(15), at(17), "机场"))
        finally:
            other.close()
        screen.poll()
        await settle(pilot)
        assert "机场" in screen_text(app)
        assert len(screen.bookings) == 3
