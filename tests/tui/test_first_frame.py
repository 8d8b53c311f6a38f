"""Nothing runs beside the UI thread while it draws the first frame with data: Today's
other areas load after its job sections are painted, and start-up's background work
(the daily backup) begins only once a screen has been drawn with its data."""

from __future__ import annotations

from office_tui.services.today import TodayService
from office_tui.tui import app as app_module
from office_tui.tui.screens.today import TodayScreen
from tests.tui.conftest import settle

SIZE = (120, 40)


async def test_today_loads_the_other_areas_only_once_its_jobs_are_painted(
        services, make_app, monkeypatch):
    services.jobs.add("leaking tap !high due:today")
    painted: list[int] = []  # rows on screen, each time the job sections were painted
    show_today = TodayScreen.show_today

    def showing(screen, message):
        show_today(screen, message)
        if message is not None and not message.view.complete:
            screen.call_after_refresh(lambda: painted.append(len(screen.rows)))

    seen: list[list[int]] = []  # what had been painted when the other areas began
    add_areas = TodayService.add_areas

    def adding(today, view):
        seen.append(list(painted))
        return add_areas(today, view)

    monkeypatch.setattr(TodayScreen, "show_today", showing)
    monkeypatch.setattr(TodayService, "add_areas", adding)
    app = make_app(mode="today")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(seen) == 1
        assert seen[0] and seen[0][0] > 0  # the job sections were on screen already
        assert app.screen.view is not None and app.screen.view.complete


async def test_start_up_work_begins_once_the_first_data_is_on_screen(services, make_app):
    services.jobs.add("leaking tap !high due:today")
    calls: list[int] = []  # Today's rows when start-up's work began
    app = make_app(mode=None, after_first_frame=lambda: calls.append(len(app.screen.rows)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(calls) == 1 and calls[0] > 0
        await pilot.press("g")  # a reload paints again: the work is not begun twice
        await settle(pilot)
        assert len(calls) == 1


async def test_start_up_work_begins_even_when_no_data_is_drawn(services, make_app,
                                                               monkeypatch):
    def fail(today, **kwargs):
        raise RuntimeError("the first load fails")

    monkeypatch.setattr(TodayService, "build", fail)
    monkeypatch.setattr(app_module, "FIRST_DATA_WAIT", 0.2)
    calls: list[str] = []
    app = make_app(mode=None, after_first_frame=lambda: calls.append("begun"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(100):
            if calls:
                break
            await pilot.pause(0.05)
        assert calls == ["begun"]
