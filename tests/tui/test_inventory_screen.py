"""The Inventory screen (F5) and `i` on the Jobs screen, driven by the real keys and
checked against the database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from textual.widgets import DataTable, Input, Sparkline, Static

from office_tui.services import Services
from office_tui.tui.screens.inventory import InventoryScreen
from office_tui.tui.modals.confirm import Confirm
from office_tui.tui.modals.inventory.item_history import ItemHistory
from office_tui.tui.modals.inventory.ledger_form import LedgerForm
from office_tui.tui.modals.inventory.purchase_list import PurchaseListView
from office_tui.tui.modals.inventory.quotes import QuotesView
from office_tui.tui.modals.inventory.stocktake import Stocktake
from tests.tui.conftest import screen_text, settle

SIZE = (130, 42)


def cupboard(services: Services) -> None:
    inv = services.inventory
    inv.add_item("A4", "A4 复印纸", "包", reorder_level="5", lead_days="7", location="A-01")
    inv.add_item("PEN", "中性笔", "支", reorder_level="10", location="C-01")
    inv.add_item("TEA", "绿茶", "盒", reorder_level="2", location="B-01")
    inv.receive("A4", "10")
    inv.receive("PEN", "8")      # under its reorder level: low
    inv.issue("A4", "4", department="财务科")


async def open_inventory(app, pilot) -> InventoryScreen:
    await settle(pilot)
    await pilot.press("f5")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, InventoryScreen)
    return screen


def cell(table: DataTable, row: int, column: str):
    return table.get_cell_at((row, [c.key.value for c in table.columns.values()].index(column)))


def stock(services: Services, code: str) -> Decimal:
    return services.inventory.item(code).stock


def movements(services: Services) -> int:
    return services.db.execute("SELECT COUNT(*) FROM movements").fetchone()[0]


async def test_f5_shows_the_stock_table_with_low_items_highlighted(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_inventory(app, pilot)
        table = screen.query_one(DataTable)
        assert [c.label.plain for c in table.columns.values()] == [
            "Code", "Name", "Stock", "Unit", "Reorder pt", "Days left", "Trend"]
        assert [line.item.code for line in screen.lines] == ["A4", "PEN", "TEA"]
        assert cell(table, 0, "stock").plain == "6"
        assert cell(table, 0, "unit").plain == "pack"
        # A4: 4 used in 30 days; lead 7 -> ceil(7 x 4/30) = 0.934 < level 5: point 5; 45 days
        assert cell(table, 0, "point").plain == "5"
        assert cell(table, 0, "days").plain == "45"
        assert cell(table, 0, "trend").plain == "new"
        assert cell(table, 0, "code").style == ""
        assert cell(table, 1, "code").style == "yellow"      # PEN 8 <= 10: low
        assert cell(table, 2, "code").style == "bold red"    # TEA: none at all
        text = screen_text(app)
        assert "3 shown of 3 items" in text and "2 at or under the reorder point" in text
        # The weekly Sparkline follows the cursor.
        assert app.screen.query_one(Sparkline).data[-1] == 4.0
        await pilot.press("down")
        await settle(pilot)
        assert app.screen.query_one(Sparkline).data == [0.0] * 12
        assert "PEN: issued per week" in str(
            app.screen.query_one("#inventory-trend-label", Static).render())


async def test_filter(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_inventory(app, pilot)
        await pilot.press("slash", *"pe")
        await settle(pilot)
        assert [line.item.code for line in screen.lines] == ["PEN"]
        assert screen.focused is screen.query_one("#inventory-filter", Input)
        await pilot.press("escape")
        await settle(pilot)
        assert [line.item.code for line in screen.lines] == ["A4", "PEN", "TEA"]


async def test_receive_with_the_r_key(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        await pilot.press("r")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, LedgerForm)
        assert form.query_one("#field-code", Input).value == "A4"  # the row under the cursor
        await pilot.press(*"12", "enter", *"23.5", "enter", *"Chenguang", "enter",
                          *"DN-9", "enter")
        await settle(pilot)
        assert isinstance(app.screen, InventoryScreen)
        assert stock(services, "A4") == 18
        received = services.inventory.history("A4")[0]
        assert (received.kind, received.unit_price, received.supplier, received.delivery_note) \
            == ("receive", Decimal("23.5"), "Chenguang", "DN-9")
        assert cell(app.screen.query_one(DataTable), 0, "stock").plain == "18"


async def test_issue_beyond_stock_is_refused_inline_and_writes_nothing(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        before = movements(services)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*"7", "enter", *"财务科", "enter", "enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, LedgerForm)  # still open, with what was typed
        assert "only 6 in stock" in str(form.query_one(".form-error", Static).render())
        assert movements(services) == before and stock(services, "A4") == 6
        # Correct the quantity and save.
        qty = form.query_one("#field-qty", Input)
        qty.value = ""
        qty.focus()
        await pilot.press(*"6", "enter", "enter", *"刘会计", "enter")
        await settle(pilot)
        assert isinstance(app.screen, InventoryScreen)
        assert stock(services, "A4") == 0
        last = services.inventory.history("A4")[0]
        assert (last.department, last.person) == ("财务科", "刘会计")
        assert cell(app.screen.query_one(DataTable), 0, "code").style == "bold red"


async def test_bad_quantity_is_caught_before_saving(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        await pilot.press("i", *"abc", "enter")
        await settle(pilot)
        assert "not a quantity" in field_error(app.screen, "qty")  # under its field
        assert app.screen.focused is app.screen.query_one("#field-qty", Input)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InventoryScreen)


async def test_adjust_down_with_a_reason(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        await pilot.press("a", *"-1", "enter", *"broken", "enter")
        await settle(pilot)
        assert stock(services, "A4") == 5
        assert services.inventory.history("A4")[0].reason == "broken"


async def test_stocktake_walks_by_location_and_writes_in_one_go(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        await pilot.press("t")
        await settle(pilot)
        take = app.screen
        assert isinstance(take, Stocktake)
        # Location order: A4, TEA (B-01), PEN (C-01).
        assert [i.code for i in take.items] == ["A4", "TEA", "PEN"]
        assert "A4" in str(take.query_one("#stocktake-item", Static).render())
        await pilot.press(*"5", "enter")        # A4: book 6, counted 5
        await pilot.press(*"x", "enter")        # TEA: not a number -> stays
        await settle(pilot)
        assert take.current.code == "TEA"
        assert "not a quantity" in str(take.query_one(".form-error", Static).render())
        take.query_one(Input).value = ""
        await pilot.press("enter")              # TEA skipped
        await pilot.press(*"8", "enter")        # PEN: book 8, counted 8
        await settle(pilot)
        assert take.summary is True
        summary = take.query_one("#stocktake-summary", DataTable)
        assert summary.row_count == 1                       # only A4 differs
        assert summary.get_cell_at((0, 4)).plain == "-1"
        assert movements(services) == 3                     # nothing written yet
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, InventoryScreen)
        assert stock(services, "A4") == 5 and stock(services, "PEN") == 8
        assert movements(services) == 5                     # A4 and PEN counts, one go
        assert services.inventory.history("TEA") == []


async def test_stocktake_escape_writes_nothing(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press(*"1", "enter", *"1", "enter", *"1", "enter")
        await settle(pilot)
        assert app.screen.summary is True
        before = movements(services)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InventoryScreen)
        assert movements(services) == before
        assert stock(services, "A4") == 6


async def test_stocktake_up_goes_back(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press(*"3", "enter", "up")
        await settle(pilot)
        take = app.screen
        assert take.current.code == "A4" and take.query_one(Input).value == "3"
        await pilot.press("ctrl+s")             # finish early
        await settle(pilot)
        assert take.summary is True
        await pilot.press("enter")
        await settle(pilot)
        assert stock(services, "A4") == 3


async def test_quotes_best_first_and_add(services, make_app):
    cupboard(services)
    services.inventory.edit_item("A4", grade="B")
    services.inventory.add_quote("A4", supplier="晨光", price="23.50", grade="B")
    services.inventory.add_quote("A4", supplier="小店", price="19", grade="C")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        await pilot.press("q")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, QuotesView)
        assert [q.supplier for q in view.quotes] == ["晨光", "小店"]
        table = view.query_one(DataTable)
        assert table.get_cell_at((0, 0)).plain == "best"
        assert table.get_cell_at((1, 0)).plain == "below grade"
        await pilot.press("a", *"Deli", "enter", *"22.8", "enter", *"A", "enter", "enter")
        await settle(pilot)
        assert app.screen is view
        assert [q.supplier for q in view.quotes] == ["Deli", "晨光", "小店"]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InventoryScreen)


async def test_purchase_list_view(services, make_app):
    cupboard(services)
    services.inventory.add_quote("PEN", supplier="得力", price="1.45")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        await pilot.press("l")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, PurchaseListView)
        assert [line.item.code for line in view.lines] == ["PEN", "TEA"]
        # PEN: point 10, stock 8, no use, no reorder qty -> 2; at 1.45 -> 2.90
        assert view.lines[0].suggested_milli == 2_000
        assert "2.90" in screen_text(app)
        # the estimate says what it covers: one priced, TEA has no quote
        total = str(view.query_one("#purchase-total", Static).render())
        assert "1 priced, estimated 2.90" in total and "no quote for 1: TEA" in total


async def test_enter_shows_the_item_history(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_inventory(app, pilot)
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, ItemHistory)
        table = view.query_one(DataTable)
        assert table.row_count == 2
        assert table.get_cell_at((0, 1)).plain == "issued"
        assert table.get_cell_at((0, 3)).plain == "6"      # balance after it
        assert "财务科" in table.get_cell_at((0, 4)).plain
        assert view.query_one(Sparkline).data[-1] == 4.0
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, InventoryScreen)


async def test_markup_in_item_text_shows_literally(services, make_app):
    services.inventory.add_item("X", "[bold]red[/] [/]", "pcs")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_inventory(app, pilot)
        assert cell(screen.query_one(DataTable), 0, "name").plain == "[bold]red[/] [/]"
        assert "[bold]red[/] [/]" in screen_text(app)


async def test_another_process_writing_refreshes_the_table(services, make_app, db_path, clock):
    cupboard(services)
    app = make_app(poll_seconds=0.05)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_inventory(app, pilot)
        other = Services(db_path, clock=clock).open()
        try:
            other.inventory.receive("TEA", "3")
        finally:
            other.close()
        for _ in range(40):
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()
            if cell(screen.query_one(DataTable), 2, "stock").plain == "3":
                break
        assert cell(screen.query_one(DataTable), 2, "stock").plain == "3"


# -- from the Jobs screen ---------------------------------------------------------------
async def test_i_on_a_supply_job_issues_links_and_closes(services, make_app):
    cupboard(services)
    job = services.jobs.add("领用A4纸 @财务科 #领用 !high")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.current_job().id == job.id
        await pilot.press("i")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, LedgerForm)
        assert form.query_one("#field-dept", Input).value == "财务科"
        await pilot.press(*"A4", "enter", *"4", "enter", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert f"#{job.id} 领用A4纸" in screen_text(app)  # the question names the job
        assert stock(services, "A4") == 2
        [linked] = services.inventory.for_job(job.id)
        assert (linked.department, linked.quantity_milli) == ("财务科", -4000)
        await pilot.press("y")
        await settle(pilot)
        closed = services.jobs.get(job.id)
        assert closed.status == "done"
        assert closed.outcome == "Issued 4 pack of A4 复印纸 (A4) to 财务科"


@pytest.mark.parametrize("key", ["n", "escape"])  # Escape means no, as in every question
async def test_i_offer_can_leave_the_job_open(services, make_app, key):
    cupboard(services)
    job = services.jobs.add("领用中性笔 @教务处 #领用")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i", *"PEN", "enter", *"2", "enter", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press(key)
        await settle(pilot)
        assert services.jobs.get(job.id).status != "done"
        assert services.inventory.for_job(job.id)[0].department == "教务处"


async def test_i_is_disabled_on_jobs_that_are_not_supply(services, make_app):
    cupboard(services)
    job = services.jobs.add("修灯 @总务科 #报修")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.current_job().id == job.id
        assert app.screen.check_action("issue_stock", ()) is None
        await pilot.press("i")
        await settle(pilot)
        assert not isinstance(app.screen, LedgerForm)
        assert movements(services) == 3


async def _receive_form(app, pilot) -> LedgerForm:
    await open_inventory(app, pilot)
    await pilot.press("r")
    await settle(pilot)
    form = app.screen
    assert isinstance(form, LedgerForm)
    return form


def field_error(form: LedgerForm, key: str) -> str:
    error = form.query_one(f"#error-{key}", Static)
    return str(error.render()) if error.display else ""


async def test_a_unit_the_item_has_no_pack_for_is_refused_at_the_quantity_field(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await _receive_form(app, pilot)
        before = movements(services)
        await pilot.press(*"3箱", "enter")
        await settle(pilot)
        assert "not case" in field_error(form, "qty")
        assert app.focused is form.query_one("#field-qty", Input)
        # typed on to the last field and saved from there: the error and the focus go
        # back to the quantity, nothing is written
        form.query_one("#field-qty", Input).value = "3箱"
        form.query_one("#field-note", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form and app.focused is form.query_one("#field-qty", Input)
        assert "not case" in field_error(form, "qty")
    assert movements(services) == before


async def test_a_pack_is_received_in_the_item_unit(services, make_app):
    cupboard(services)
    services.inventory.edit_item("A4", packs=["箱=5"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _receive_form(app, pilot)
        await pilot.press(*"3箱", "enter", "enter", "enter", "enter")
        await settle(pilot)
        assert isinstance(app.screen, InventoryScreen)
    assert stock(services, "A4") == 6 + 15


async def test_a_whole_unit_item_refuses_a_fraction_in_the_form(services, make_app):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await _receive_form(app, pilot)
        await pilot.press(*"2.5", "enter")
        await settle(pilot)
        assert "whole" in field_error(form, "qty")
        assert app.focused is form.query_one("#field-qty", Input)
    assert stock(services, "A4") == 6


@pytest.mark.parametrize("typed", ["绿茶", "lc", "lvcha"])
async def test_the_item_field_completes_a_name_or_its_pinyin(services, make_app, typed):
    cupboard(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        form = await _receive_form(app, pilot)
        code = form.query_one("#field-code", Input)
        code.value = ""
        code.focus()
        await pilot.press(*typed)
        await settle(pilot)
        assert "TEA" in str(form.query_one("#code-matches", Static).render())
        await pilot.press("enter")
        await settle(pilot)
        assert code.value == "TEA"
        assert app.focused is form.query_one("#field-qty", Input)
        await pilot.press(*"2", "enter", "enter", "enter", "enter")
        await settle(pilot)
    assert stock(services, "TEA") == 2
