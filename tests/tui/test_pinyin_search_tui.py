"""`/` finds Chinese text by pinyin on the Jobs and Inventory screens (the real keys)."""

from __future__ import annotations

from office_tui.tui.screens.inventory import InventoryScreen
from tests.tui.conftest import screen_text, settle, table_ids

SIZE = (140, 40)


async def test_jobs_search_by_initials(services, make_app):
    room = services.jobs.add("会议室布置 @行政办公室")
    services.jobs.add("fix the projector")
    services.jobs.add("换灯管 @财务科")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(table_ids(app)) == 3
        await pilot.press("slash", *"hys")
        await settle(pilot)
        assert table_ids(app) == [room.id]
        assert "会议室布置" in screen_text(app)
        await pilot.press(*"bz")  # hysbz: still the one
        await settle(pilot)
        assert table_ids(app) == [room.id]
        await pilot.press("escape")
        await settle(pilot)
        assert len(table_ids(app)) == 3


async def test_inventory_filter_by_pinyin(services, make_app):
    inv = services.inventory
    inv.add_item("A4", "A4 复印纸", "包", location="A-01")
    inv.add_item("PEN", "中性笔", "支", location="C-01")
    app = make_app()
    async with app.run_test(size=(130, 42)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InventoryScreen)
        await pilot.press("slash", *"zxb")
        await settle(pilot)
        assert [line.item.code for line in screen.lines] == ["PEN"]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", *"fuyin")
        await settle(pilot)
        assert [line.item.code for line in screen.lines] == ["A4"]
