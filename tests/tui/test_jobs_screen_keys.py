"""What the Jobs screen does after a key, kept cheap for a million jobs: a search counts
its matches only up to a cap, our own write is reloaded once (never again by the live
refresh), and the footer is rebuilt only when its keys change."""

from __future__ import annotations

import asyncio
import threading

from textual.widgets import DataTable, Static

from office_tui.core.vocab import importance_label
from office_tui.tui.screens import jobs as jobs_screen
from tests.tui.conftest import cursor_id, screen_text, settle, table_ids

SIZE = (140, 40)


def footer_actions(app) -> list[str]:
    return [key.action for key in app.screen.query("FooterKey")]


def header(app) -> str:
    return str(app.screen.query_one("#jobs-header", Static).render())


async def test_triage_shows_the_new_importance_and_moves_to_the_next_job(services, make_app):
    first = services.jobs.add("fix lamp due:+1d")
    second = services.jobs.add("print handouts due:+2d")
    third = services.jobs.add("会议室布置 due:+3d")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert table_ids(app) == [first.id, second.id, third.id]
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert cursor_id(app) == second.id
        row = table.get_row(str(first.id))
        assert row[2].plain == importance_label("low")
        await pilot.press("v", "1")  # the inbox view: the triaged job leaves it
        await settle(pilot)
        assert services.jobs.get(second.id).importance == "high"
        assert table_ids(app) == [third.id]
        assert "1 shown of 1" in header(app)


async def test_a_search_counts_up_to_a_cap_and_loads_more(services, make_app, monkeypatch):
    monkeypatch.setattr(jobs_screen.JobsScreen, "page_size", lambda self: 10)
    monkeypatch.setattr(jobs_screen, "SEARCH_COUNT", 12)
    lamps = [services.jobs.add(f"lamp {i} due:+{i + 1}d").id for i in range(25)]
    services.jobs.add("print handouts")
    room = services.jobs.add("会议室布置")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lamp")
        await settle(pilot)
        assert table_ids(app) == lamps[:10]
        assert "10 shown of 12+" in header(app)
        await pilot.press("enter", "ctrl+end")  # to the table, its last row: the next page
        await settle(pilot)
        assert table_ids(app) == lamps[:20]
        assert "20 shown of 20+" in header(app)
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert table_ids(app) == lamps
        assert "25 shown of 25" in header(app)
        await pilot.press("slash", "ctrl+u", *"hys")  # pinyin initials: all are shown
        await settle(pilot)
        assert table_ids(app) == [room.id]
        assert "1 shown of 1 " in header(app)
        assert "会议室布置" in screen_text(app)


async def test_our_own_write_is_reloaded_once(services, make_app):
    job = services.jobs.add("fix lamp")
    services.jobs.add("print handouts")
    written, finish = threading.Event(), threading.Event()

    def slow_triage(svc):
        done = svc.jobs.triage(job.id, importance="high")
        written.set()
        finish.wait(30)  # the worker is still running when the poll comes
        return done

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen._act("", slow_triage, None)
        assert await asyncio.to_thread(written.wait, 30)
        before = screen._generation
        screen.poll()  # the file changed under the poll: but the change is ours
        assert screen._generation == before
        finish.set()
        await settle(pilot)
        assert screen._generation == before + 1  # action_finished's reload, alone
        screen.poll()
        assert screen._generation == before + 1
        assert screen.jobs[0].importance == "high"


async def test_the_footer_is_rebuilt_only_when_its_keys_change(services, make_app):
    repairs = [services.jobs.add(f"修灯 {i} #报修 !high due:+{i + 1}d").id for i in range(3)]
    car = services.jobs.add("送领导去区政府 #用车 due:+9d").id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert table_ids(app) == repairs + [car]
        calls = []
        real = screen.refresh_bindings
        screen.refresh_bindings = lambda: calls.append(1) or real()
        await pilot.press("down", "down")  # repair to repair: the same keys
        await settle(pilot)
        assert cursor_id(app) == repairs[2] and calls == []
        assert screen.check_action("book", ()) is False
        await pilot.press("down")  # onto the vehicle job: `b` appears
        await settle(pilot)
        assert cursor_id(app) == car and len(calls) == 1
        assert screen.check_action("book", ()) is True
        assert "book" in footer_actions(app)
        await pilot.press("up")
        await settle(pilot)
        assert len(calls) == 2
        assert "book" not in footer_actions(app)
