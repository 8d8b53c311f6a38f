"""The Jobs screen's views (`v`: open, inbox, closed), searching each, Escape after a
search, Home and End, and the quick-add toast naming the new job."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from office_tui import i18n
from office_tui.tui.screens import jobs as jobs_screen
from tests.tui.conftest import cursor_id, screen_text, settle, table_ids

SIZE = (120, 30)


def header(app) -> str:
    return str(app.screen.query_one("#jobs-header").render())


def columns(app) -> list[str]:
    return [str(c.label) for c in app.screen.query_one(DataTable).ordered_columns]


async def test_v_goes_round_open_inbox_closed_and_search_works_on_each(
        services, clock, make_app):
    lamp = services.jobs.add("lamp in 3F meeting room #repair due:+1d")  # inbox
    aircon = services.jobs.add("3F air conditioner #repair due:+2d")
    services.jobs.triage(aircon.id, importance="high")  # open, out of the inbox
    print_job = services.jobs.add("print handouts #print due:+3d")
    old = services.jobs.add("3F air conditioner noisy #repair")
    clock.advance(hours=1)
    services.jobs.done(old.id, "cleaned the filter")
    clock.advance(hours=1)
    gone = services.jobs.add("3F projector #repair")
    services.jobs.cancel(gone.id, "bought a new one")
    clock.advance(hours=1)
    services.jobs.done(print_job.id, "printed 40")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert sorted(table_ids(app)) == sorted([lamp.id, aircon.id])
        await pilot.press("v")
        await settle(pilot)
        assert table_ids(app) == [lamp.id]
        assert "view: inbox" in header(app)
        await pilot.press("v")
        await settle(pilot)
        # Only the closed jobs, the most recently closed first.
        assert table_ids(app) == [print_job.id, gone.id, old.id]
        assert "view: closed" in header(app) and "3 shown of 3" in header(app)
        assert "Closed at" in columns(app) and "Outcome" in columns(app)
        text = screen_text(app)
        assert "printed 40" in text and "bought a new one" in text
        assert "cleaned the filter" in text and "11-27 13:00" in text
        # A search in the closed view finds closed jobs only.
        await pilot.press("slash", *"3F")
        await settle(pilot)
        assert table_ids(app) == [gone.id, old.id]
        await pilot.press("enter", "escape")  # Escape in the table: the filter goes
        await settle(pilot)
        assert table_ids(app) == [print_job.id, gone.id, old.id]
        assert app.screen.search == "" and not app.screen.query_one("#search").display
        await pilot.press("v")  # round to the open jobs; a search there finds open only
        await settle(pilot)
        assert "view: all open" in header(app)
        await pilot.press("slash", *"3F")
        await settle(pilot)
        assert sorted(table_ids(app)) == sorted([lamp.id, aircon.id])


async def test_escape_in_the_table_clears_the_search_and_keeps_the_job(services, make_app):
    ids = [services.jobs.add(f"{word} {i} due:+{i + 1}d").id
           for i, word in enumerate(["lamp", "print", "lamp", "chairs", "lamp"])]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"lamp", "enter")
        await settle(pilot)
        assert table_ids(app) == [ids[0], ids[2], ids[4]]
        assert app.screen.query_one(DataTable).has_focus
        await pilot.press("down")
        await settle(pilot)
        assert cursor_id(app) == ids[2]
        await pilot.press("escape")
        await settle(pilot)
        assert table_ids(app) == ids
        assert cursor_id(app) == ids[2]  # still on the job the clerk was on
        assert "search:" not in header(app)
        assert app.screen.query_one("#search", Input).value == ""


async def test_home_and_end_go_to_the_first_and_last_job(services, make_app, monkeypatch):
    monkeypatch.setattr(jobs_screen.JobsScreen, "page_size", lambda self: 6)
    ids = [services.jobs.add(f"lamp {i} due:+{i + 1}d").id for i in range(20)]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert table_ids(app) == ids[:6]  # one page loaded
        await pilot.press("end")
        await settle(pilot)
        assert table_ids(app) == ids  # the rest loaded, page by page from SQLite
        assert cursor_id(app) == ids[-1]
        await pilot.press("home")
        await settle(pilot)
        assert cursor_id(app) == ids[0]
        await pilot.press("end")
        await settle(pilot)
        assert cursor_id(app) == ids[-1]
        # End after a search: the last match.
        await pilot.press("slash", *"lamp 1", "enter")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert cursor_id(app) == table_ids(app)[-1]
        assert table_ids(app) == [ids[1], *ids[10:20]]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_quick_add_toast_names_the_new_job(services, make_app, lang):
    services.jobs.add("first job")
    i18n.set_language(lang)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("a", *"fix the lamp !high", "enter")
        await settle(pilot)
        [added] = [j for j in services.jobs.list() if j.title == "fix the lamp"]
        said = [n.message for n in app._notifications]
        assert said == [i18n._("Added #{id}").replace("{id}", str(added.id))]
        assert f"#{added.id}" in said[0]
        if lang == "zh":
            assert "Added" not in said[0]
