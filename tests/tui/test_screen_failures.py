"""A service that fails under a screen or a form is one line the clerk reads, never a
stale table with no word and never a traceback: an OfficeError says its own words; any
other error (a locked database) says which action failed and where its details are
logged. Each test makes a real service method raise, presses the real keys, and reads
the screen (toasts
shown, as they are outside tests)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from textual.widgets import Static

from office_tui import i18n
from office_tui.core.vehicles import BookingRequest
from office_tui.services import OfficeError, Services
from office_tui.services.inventory import InventoryService
from office_tui.services.jobs import JobService
from office_tui.services.reports import ReportService
from office_tui.services.today import TodayService
from office_tui.services.vehicles import VehicleService
from tests.tui.conftest import screen_text, settle

SIZE = (130, 42)
REFUSED = "The office is closed for stocktaking."  # an OfficeError's own words
LOCKED = sqlite3.OperationalError("database is locked")


def fail(monkeypatch, cls: type, name: str, exc: Exception) -> None:
    """From now on every call of `cls.name` raises `exc` (any thread)."""
    monkeypatch.undo()  # one failing method at a time: the one before works again

    def broken(*args, **kwargs):
        raise exc

    monkeypatch.setattr(cls, name, broken)


def generic(action: str, db_path) -> str:
    return (f"Could not {action}: something unexpected went wrong; the details are in "
            f"{db_path.parent / 'office-tui.log'}.")


def toasts(app) -> list[str]:
    return [n.message for n in app._notifications]


def told(app, text: str) -> bool:
    """`text` was said in a toast and its first words are on the screen (toasts
shown, as they are outside tests)."""
    return text in toasts(app) and text[:22] in screen_text(app)


def inline(app) -> str:
    """The open form's error line."""
    return str(app.screen.query_one(".form-error", Static).render())


def logged(db_path) -> str:
    return (db_path.parent / "office-tui.log").read_text(encoding="utf-8")


def assert_no_traceback(app) -> None:
    text = screen_text(app)
    assert "Traceback" not in text and "OperationalError" not in text
    assert "database is locked" not in text


def cupboard(services: Services) -> None:
    inv = services.inventory
    inv.add_item("A4", "A4 复印纸", "包", reorder_level="5", location="A-01")
    inv.add_item("PEN", "中性笔", "支", reorder_level="10", location="C-01")
    inv.receive("A4", "10")
    inv.receive("PEN", "8")
    inv.add_quote("A4", supplier="Office Depot", price="23.50")


def fleet(services: Services) -> None:
    services.vehicles.add_vehicle("京A·10001", "Passat", 4)
    services.vehicles.add_driver("王师傅")
    services.vehicles.book(BookingRequest("京A·10001", datetime(2026, 11, 27, 9),
                                          datetime(2026, 11, 27, 11), "市政府"))


async def start(app, pilot, key: str | None = None):
    await settle(pilot)
    if key:
        await pilot.press(key)
        await settle(pilot)


# -- the screens -------------------------------------------------------------------------
async def test_today_says_a_refused_and_a_broken_load(services, make_app, monkeypatch, db_path):
    services.jobs.add("fix the lamp due:today")
    app = make_app(mode="today")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, TodayService, "build", OfficeError(REFUSED))
        await pilot.press("g")
        await settle(pilot)
        assert told(app, REFUSED)
        fail(monkeypatch, TodayService, "add_areas", LOCKED)
        await pilot.press("g")
        await settle(pilot)
        assert told(app, generic("load today's list", db_path))
        assert_no_traceback(app)
        assert "fix the lamp" in screen_text(app)  # the job sections were drawn first
        assert "database is locked" in logged(db_path) and "Traceback" in logged(db_path)


async def test_jobs_says_a_refused_search_and_a_locked_database(services, make_app,
                                                                 monkeypatch, db_path):
    job = services.jobs.add("fix the lamp")
    app = make_app(mode="jobs")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, JobService, "list", OfficeError(REFUSED))
        await pilot.press("slash", "x")
        await settle(pilot)
        assert told(app, REFUSED)
        fail(monkeypatch, JobService, "count", LOCKED)
        await pilot.press("escape")  # the search cleared: the whole list loads again
        await settle(pilot)
        assert told(app, generic("load the jobs", db_path))
        fail(monkeypatch, JobService, "triage", LOCKED)
        await pilot.press("1")
        await settle(pilot)
        assert told(app, generic(f"change job #{job.id}", db_path))
        fail(monkeypatch, JobService, "history", LOCKED)
        await pilot.press("enter")
        await settle(pilot)
        assert told(app, generic(f"load job #{job.id}", db_path))
        assert_no_traceback(app)
        assert services.jobs.get(job.id).importance == "normal"


async def test_vehicles_says_a_refused_and_a_broken_roster(services, make_app, monkeypatch,
                                                           db_path):
    fleet(services)
    app = make_app(mode="vehicles")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, VehicleService, "bookings", OfficeError(REFUSED))
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert told(app, REFUSED)
        fail(monkeypatch, VehicleService, "reminders", LOCKED)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert told(app, generic("load the roster", db_path))
        fail(monkeypatch, VehicleService, "history", LOCKED)
        await pilot.press("enter")  # the booking under the cursor: its details
        await settle(pilot)
        assert told(app, generic("load booking #1", db_path))
        fail(monkeypatch, VehicleService, "mark_out", LOCKED)
        await pilot.press("o")
        await settle(pilot)
        assert told(app, generic("save the change", db_path))
        assert_no_traceback(app)


async def test_inventory_says_a_refused_filter_and_a_locked_database(services, make_app,
                                                                     monkeypatch, db_path):
    cupboard(services)
    app = make_app(mode="inventory")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, InventoryService, "stock", OfficeError(REFUSED))
        await pilot.press("slash", "a")
        await settle(pilot)
        assert told(app, REFUSED)
        fail(monkeypatch, InventoryService, "count", LOCKED)
        await pilot.press("4")
        await settle(pilot)
        assert told(app, generic("load the stock", db_path))
        assert_no_traceback(app)


async def test_reports_says_a_refused_and_a_broken_report(services, make_app, monkeypatch,
                                                          db_path):
    services.jobs.add("fix the lamp")
    app = make_app(mode="reports")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, ReportService, "build", OfficeError(REFUSED))
        await pilot.press("d")
        await settle(pilot)
        assert told(app, REFUSED)
        fail(monkeypatch, ReportService, "default_path", LOCKED)
        await pilot.press("m")
        await settle(pilot)
        assert told(app, generic("load the report", db_path))
        fail(monkeypatch, ReportService, "write", LOCKED)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert told(app, generic("write the report", db_path))
        assert_no_traceback(app)


# -- the forms and views that load or save ----------------------------------------------
async def test_ledger_form_says_why_codes_and_saving_failed(services, make_app, monkeypatch,
                                                            db_path):
    cupboard(services)
    app = make_app(mode="inventory")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, InventoryService, "items", OfficeError(REFUSED))
        await pilot.press("r")
        await settle(pilot)
        assert inline(app) == REFUSED
        fail(monkeypatch, InventoryService, "receive", LOCKED)
        await pilot.press(*"5", "enter", "enter", "enter", "enter")
        await settle(pilot)
        assert inline(app) == generic("receive the delivery", db_path)
        assert_no_traceback(app)
        assert services.inventory.item("A4").stock == 10  # nothing written


async def test_item_history_says_why_it_closed(services, make_app, monkeypatch, db_path):
    cupboard(services)
    app = make_app(mode="inventory")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, InventoryService, "history", OfficeError(REFUSED))
        await pilot.press("enter")
        await settle(pilot)
        assert told(app, REFUSED)
        fail(monkeypatch, InventoryService, "line", LOCKED)
        await pilot.press("enter")
        await settle(pilot)
        assert told(app, generic("load the item's history", db_path))
        assert_no_traceback(app)


async def test_quotes_view_says_why_it_closed(services, make_app, monkeypatch, db_path):
    cupboard(services)
    app = make_app(mode="inventory")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, InventoryService, "quotes", OfficeError(REFUSED))
        await pilot.press("q")
        await settle(pilot)
        assert told(app, REFUSED)
        fail(monkeypatch, InventoryService, "quotes", LOCKED)
        await pilot.press("q")
        await settle(pilot)
        assert told(app, generic("load the quotes", db_path))
        assert_no_traceback(app)


async def test_purchase_list_says_why_it_closed(services, make_app, monkeypatch, db_path):
    cupboard(services)
    app = make_app(mode="inventory")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, InventoryService, "purchase_list", OfficeError(REFUSED))
        await pilot.press("l")
        await settle(pilot)
        assert told(app, REFUSED)
        fail(monkeypatch, InventoryService, "purchase_list", LOCKED)
        await pilot.press("l")
        await settle(pilot)
        assert told(app, generic("load the purchase list", db_path))
        assert_no_traceback(app)


async def test_stocktake_says_why_the_sheet_and_the_write_failed(services, make_app,
                                                                 monkeypatch, db_path):
    cupboard(services)
    app = make_app(mode="inventory")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, InventoryService, "stocktake_sheet", OfficeError(REFUSED))
        await pilot.press("t")
        await settle(pilot)
        assert inline(app) == REFUSED
        await pilot.press("escape")
        await settle(pilot)
        fail(monkeypatch, InventoryService, "stocktake", LOCKED)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press(*"9", "enter", "enter", "enter")  # count A4, skip PEN, write
        await settle(pilot)
        assert inline(app) == generic("write the stocktake", db_path)
        assert_no_traceback(app)
        assert services.inventory.item("A4").stock == 10


async def test_booking_form_says_why_loading_checking_and_saving_failed(
        services, make_app, monkeypatch, db_path):
    fleet(services)
    app = make_app(mode="vehicles")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, VehicleService, "drivers", OfficeError(REFUSED))
        await pilot.press("n")
        await settle(pilot)
        check = app.screen.query_one("#bf-check", Static)
        assert str(check.render()) == "✗ " + REFUSED
        await pilot.press("escape")
        await settle(pilot)
        fail(monkeypatch, VehicleService, "assess", LOCKED)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"区政府")
        await settle(pilot)
        check = app.screen.query_one("#bf-check", Static)
        assert str(check.render()) == "✗ " + generic("check the booking", db_path)
        fail(monkeypatch, VehicleService, "book", LOCKED)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert str(check.render()) == "✗ " + generic("save the booking", db_path)
        assert_no_traceback(app)
        assert len(services.vehicles.bookings_between(datetime(2026, 11, 1),
                                                      datetime(2026, 12, 1))) == 1


async def test_the_generic_line_is_in_chinese_too(services, make_app, monkeypatch, db_path):
    services.jobs.add("修灯")
    i18n.set_language("zh")
    app = make_app(mode="jobs")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(app, pilot)
        fail(monkeypatch, JobService, "list", LOCKED)
        await pilot.press("slash", "x")
        await settle(pilot)
        [said] = toasts(app)
        assert said.startswith(i18n._("Could not {action}: something unexpected went wrong; "
                                      "the details are in {log}.").split("{")[0])
        assert i18n._("load the jobs") in said and "load" not in said
        assert_no_traceback(app)
