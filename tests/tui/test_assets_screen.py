"""The Assets screen (F7), driven by the real keys and checked against the database: the
register, the filter, and a count walked through — scanned tags ticked, Escape pauses,
`c` resumes, ctrl+f finishes with a job for the missing asset's department head."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from office_tui.tui.modals.assets.count_walk import CountWalk
from office_tui.tui.modals.confirm import Confirm
from office_tui.tui.screens.assets import AssetsScreen
from tests.tui.conftest import screen_text, settle

SIZE = (100, 30)


def register(services) -> list[str]:
    a = services.assets
    a.set_head("财务科", "李科长")
    return [a.add(name=name, value="3000", purchased="2025-01-02", department="财务科",
                  keeper="张三", location=room).asset.tag
            for name, room in (("台式机", "3F-301"), ("打印机", "3F-302"), ("投影仪", "3F-303"))]


async def open_assets(app, pilot) -> AssetsScreen:
    await settle(pilot)
    await pilot.press("f7")
    await settle(pilot)
    assert isinstance(app.screen, AssetsScreen)
    return app.screen


async def test_f7_lists_the_register_and_filters_by_pinyin(services, make_app):
    tags = register(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_assets(app, pilot)
        assert [a.tag for a in screen.assets] == tags
        await pilot.press("slash", *"dyj")
        await settle(pilot)
        assert [a.name for a in screen.assets] == ["打印机"]
        await pilot.press("escape")
        await settle(pilot)
        assert len(screen.assets) == 3


async def test_a_count_walked_on_the_screen(services, make_app):
    tags = register(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_assets(app, pilot)
        await pilot.press("c")
        await settle(pilot)
        walk = app.screen
        assert isinstance(walk, CountWalk)
        await pilot.press(*tags[0], "enter")  # a scanner types the tag and Enter
        await settle(pilot)
        assert "1 of 3 ticked" in screen_text(app)
        await pilot.press("escape")  # paused
        await settle(pilot)
        assert isinstance(app.screen, AssetsScreen)
        assert "under way" in screen_text(app)
        await pilot.press("c")  # resumes where it stopped
        await settle(pilot)
        assert "1 of 3 ticked" in screen_text(app)
        await pilot.press(*tags[2], "enter")
        await settle(pilot)
        await pilot.press(*"NO-SUCH-TAG", "enter")
        await settle(pilot)
        assert "No asset tagged" in screen_text(app)
        assert "2 of 3 ticked" in screen_text(app)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, AssetsScreen)
    [job] = [j for j in services.jobs.list() if tags[1] in j.title]
    assert (job.handler, job.department) == ("李科长", "财务科")
    assert services.assets.open_count() is None


async def test_lend_and_return_with_the_keys(services, make_app):
    tags = register(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_assets(app, pilot)
        await pilot.press("l", *"王老师", "enter", *"2026-12-04", "enter")
        await settle(pilot)
        assert services.assets.get(tags[0]).status == "lent"
        await pilot.press("r")
        await settle(pilot)
        assert services.assets.get(tags[0]).status == "in_use"


async def test_starting_a_repair_asks_to_mark_the_asset_and_done_puts_it_back(services,
                                                                             make_app):
    tags = register(services)
    job = services.jobs.add(f"显示器不亮 asset:{tags[0]} #报修 !high")
    app = make_app(mode="jobs")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.current_job().id == job.id
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await settle(pilot)
        assert services.jobs.get(job.id).status == "in_progress"
        assert services.assets.get(tags[0]).status == "in_repair"
        await pilot.press("x", *"换了显示器", "enter")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # asked, not forced
        await settle(pilot)
    assert services.jobs.get(job.id).status == "done"
    assert services.assets.get(tags[0]).status == "in_repair"
