"""The Jobs screen driven by the real keys, checked against the database."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from office_tui.services import Services
from tests.tui.conftest import cursor_id, screen_text, settle, table_ids

SIZE = (140, 40)


def add_three(services: Services) -> list[int]:
    a = services.jobs.add("fix lamp in room 3 due:+1d")
    b = services.jobs.add("print handouts due:+2d")
    c = services.jobs.add("water for meeting due:+3d")
    return [a.id, b.id, c.id]


async def test_opens_on_jobs_in_urgency_order(services, make_app):
    services.jobs.add("low thing !low due:+3d")
    services.jobs.add("urgent thing !high !! due:+1d")
    services.jobs.add("normal thing due:+2d")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.current_mode == "jobs"
        assert table_ids(app) == [j.id for j in services.jobs.list()]
        assert app.screen.jobs[0].title == "urgent thing"
        assert app.screen.query_one(DataTable).row_count == 3


async def test_importance_keys_set_level_and_move_to_next_row(services, make_app):
    ids = add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = cursor_id(app)
        expected_next = table_ids(app)[1]
        await pilot.press("1")
        await settle(pilot)
        assert services.jobs.get(first).importance == "high"
        assert services.jobs.get(first).status == "open"  # triaged out of the inbox
        assert cursor_id(app) == expected_next
        await pilot.press("3")
        await settle(pilot)
        assert services.jobs.get(expected_next).importance == "low"
        target = cursor_id(app)
        await pilot.press("2")
        await settle(pilot)
        assert services.jobs.get(target).importance == "normal"
        assert set(ids) == set(table_ids(app))


async def test_expedite_toggles(services, make_app):
    add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job_id = cursor_id(app)
        await pilot.press("e")
        await settle(pilot)
        assert services.jobs.get(job_id).expedite is True
        # The expedited job jumps to the top; put the cursor back on it and toggle off.
        app.screen.query_one(DataTable).move_cursor(row=table_ids(app).index(job_id))
        await pilot.press("e")
        await settle(pilot)
        assert services.jobs.get(job_id).expedite is False


async def test_category_picker(services, make_app):
    add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job_id = cursor_id(app)
        await pilot.press("c")
        await settle(pilot)
        # other is highlighted (the current category); "print" is one above it.
        await pilot.press("up", "enter")
        await settle(pilot)
        assert services.jobs.get(job_id).category == "print"


async def test_due_prompt_sets_due_and_refuses_a_bad_date_inline(services, make_app):
    add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job_id = cursor_id(app)
        before = services.jobs.get(job_id).due
        await pilot.press("d", *"nonsense", "enter")
        await settle(pilot)
        error = app.screen.query_one(".form-error", Static)
        assert error.display and "nonsense" in str(error.render())
        assert services.jobs.get(job_id).due == before
        prompt = app.screen.query_one(Input)
        prompt.value = ""
        await pilot.press(*"2026-12-01@15:00", "enter")
        await settle(pilot)
        assert services.jobs.get(job_id).due.isoformat() == "2026-12-01T15:00:00"


async def test_start_wait_promise_reply(services, make_app):
    add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job_id = cursor_id(app)
        await pilot.press("s")
        await settle(pilot)
        assert services.jobs.get(job_id).status == "in_progress"

        app.screen.query_one(DataTable).move_cursor(row=table_ids(app).index(job_id))
        await pilot.press("w", "enter")  # empty reason: refused inline
        await settle(pilot)
        assert services.jobs.get(job_id).status == "in_progress"
        await pilot.press(*"vendor part", "enter")
        await settle(pilot)
        job = services.jobs.get(job_id)
        assert (job.status, job.waiting_reason) == ("waiting", "vendor part")

        app.screen.query_one(DataTable).move_cursor(row=table_ids(app).index(job_id))
        await pilot.press("p", *"2026-12-02@10:00", "enter", *"part arrives Tuesday", "enter")
        await settle(pilot)
        job = services.jobs.get(job_id)
        assert job.promised_by.isoformat() == "2026-12-02T10:00:00"
        assert job.promise_reason == "part arrives Tuesday"

        app.screen.query_one(DataTable).move_cursor(row=table_ids(app).index(job_id))
        await pilot.press("r")
        await settle(pilot)
        assert services.jobs.get(job_id).replied_at is not None


async def test_done_needs_an_outcome_and_can_mark_requester_told(services, make_app):
    add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job_id = cursor_id(app)
        next_id = table_ids(app)[1]
        await pilot.press("x", "enter")
        await settle(pilot)
        assert services.jobs.get(job_id).status == "inbox"
        assert app.screen.query_one(".form-error", Static).display
        await pilot.press(*"replaced the bulb", "ctrl+t", "enter")
        await settle(pilot)
        job = services.jobs.get(job_id)
        assert job.status == "done"
        assert job.outcome == "replaced the bulb"
        assert job.replied_at is not None
        assert job_id not in table_ids(app)
        assert cursor_id(app) == next_id


async def test_undo_reverts_the_last_change(services, make_app):
    add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job_id = cursor_id(app)
        await pilot.press("1")
        await settle(pilot)
        assert services.jobs.get(job_id).importance == "high"
        await pilot.press("u")
        await settle(pilot)
        job = services.jobs.get(job_id)
        assert (job.importance, job.status) == ("normal", "inbox")
        assert cursor_id(app) == job_id


async def test_quick_add_box(services, make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"fix door !high due:bad", "enter")
        await settle(pilot)
        error = app.screen.query_one("#quickadd-error", Static)
        assert error.display and "due:bad" in str(error.render())
        assert services.jobs.count(include_closed=True) == 0
        box = app.screen.query_one("#quickadd", Input)
        box.value = ""
        await pilot.press(*"fix door !high #repair @Facilities", "enter")
        await settle(pilot)
        [job] = services.jobs.list()
        assert (job.title, job.importance, job.category, job.department) == (
            "fix door", "high", "repair", "Facilities")
        assert cursor_id(app) == job.id
        assert not box.display


async def test_search_and_inbox_view(services, make_app):
    ids = add_three(services)
    services.jobs.triage(ids[2], importance="high")  # leaves the inbox
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"print")
        await settle(pilot)
        assert table_ids(app) == [ids[1]]
        await pilot.press("escape")
        await settle(pilot)
        assert sorted(table_ids(app)) == sorted(ids)
        await pilot.press("v")
        await settle(pilot)
        assert sorted(table_ids(app)) == sorted(ids[:2])
        await pilot.press("v")  # the closed jobs: none yet
        await settle(pilot)
        assert table_ids(app) == []
        await pilot.press("v")  # round to the open jobs
        await settle(pilot)
        assert len(table_ids(app)) == 3


async def test_why_and_detail_views(services, make_app):
    job = services.jobs.add("check boiler !high due:+1d")
    services.jobs.start(job.id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "importance" in text and "urgency" in text and "+6.00" in text
        await pilot.press("escape", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "check boiler" in text
        assert "added" in text and "started" in text
        await pilot.press("escape")
        await settle(pilot)
        assert "History" not in screen_text(app)


async def test_markup_and_escapes_in_titles_show_literally(services, make_app):
    services.jobs.add("[bold]not bold[/] and [/] too")
    services.jobs.add("red \x1b[31mtext")
    services.jobs.add("修灯 💡 三楼")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        title = [c.key.value for c in table.columns.values()].index("title")
        titles = [str(table.get_cell_at((row, title))) for row in range(table.row_count)]
        assert "[bold]not bold[/] and [/] too" in titles
        assert "red \\x1b[31mtext" in titles
        assert "修灯 💡 三楼" in titles
        assert "[bold]not bold[/] and [/] too" in screen_text(app)
        app.screen.query_one(DataTable).move_cursor(
            row=titles.index("[bold]not bold[/] and [/] too"))
        await pilot.press("enter")  # the detail view renders the same text safely
        await settle(pilot)
        assert "[bold]not bold[/] and [/] too" in screen_text(app)


async def test_job_added_elsewhere_appears_without_moving_the_cursor(services, make_app,
                                                                     db_path, clock):
    ids = add_three(services)
    app = make_app(poll_seconds=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one(DataTable).move_cursor(row=1)
        await pilot.pause()
        watched = cursor_id(app)
        other = Services(db_path, clock=clock).open()  # a second connection, as the CLI
        new = other.jobs.add("urgent from the CLI !high !! due:+1h")
        other.close()
        for _ in range(40):
            await settle(pilot, rounds=1)
            if new.id in table_ids(app):
                break
        assert new.id in table_ids(app)
        assert table_ids(app)[0] == new.id  # most urgent, so above the cursor
        assert cursor_id(app) == watched
        assert set(ids) < set(table_ids(app))


async def test_mode_keys_and_palette_commands(services, make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert app.current_mode == "today"
        await pilot.press("f4")
        await pilot.pause()
        assert app.current_mode == "vehicles"
        await pilot.press("f5")
        await pilot.pause()
        assert app.current_mode == "inventory"
        await pilot.press("f3")
        await settle(pilot)
        assert app.current_mode == "jobs"
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for needed in ("Go to Today", "Go to Jobs", "Go to Roster", "Go to Inventory",
                       "Add", "Done", "Undo", "Why?", "Category", "Promise"):
            assert needed in titles


async def test_palette_runs_a_screen_action(services, make_app):
    add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job_id = cursor_id(app)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Start")
        await settle(pilot, rounds=6)
        await pilot.press("enter")
        await settle(pilot, rounds=6)
        assert services.jobs.get(job_id).status == "in_progress"


async def test_ctrl_r_redoes_what_u_undid(services, make_app):
    add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job_id = cursor_id(app)
        await pilot.press("1")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert services.jobs.get(job_id).importance == "normal"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert services.jobs.get(job_id).importance == "high"
        assert cursor_id(app) == job_id


async def test_k_cancels_with_a_reason(services, make_app):
    add_three(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        job_id = cursor_id(app)
        next_id = table_ids(app)[1]
        await pilot.press("k", "enter")  # no reason: refused inline
        await settle(pilot)
        assert services.jobs.get(job_id).status == "inbox"
        await pilot.press(*"requester withdrew", "enter")
        await settle(pilot)
        job = services.jobs.get(job_id)
        assert (job.status, job.cancel_reason) == ("cancelled", "requester withdrew")
        assert cursor_id(app) == next_id
