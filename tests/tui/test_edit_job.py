"""E on Jobs and Today: a form prefilled with the job changes its title, department,
requester and location; one event (old → new in the history), undone by u."""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen
from textual.widgets import Input

from tests.tui.conftest import settle


@pytest.mark.parametrize("mode", ["jobs", "today"])
async def test_e_edits_the_job_under_the_cursor(services, make_app, mode):
    job = services.jobs.add("修空调 @总务科 ~张老师 #repair due:today@16:00")
    app = make_app(mode=mode)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.current_job().id == job.id
        await pilot.press("E")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ModalScreen)
        values = {i.id: i.value for i in form.query(Input)}
        assert values == {"edit-title": "修空调", "edit-department": "总务科",
                          "edit-requester": "张老师", "edit-location": ""}
        form.query_one("#edit-location", Input).value = "3F 会议室"
        form.query_one("#edit-requester", Input).value = "李老师"
        form.query_one("#edit-location", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ModalScreen)
        assert app.screen.current_job().id == job.id  # the cursor stays on the job
    edited = services.jobs.get(job.id)
    assert (edited.title, edited.department, edited.requester, edited.location) == (
        "修空调", "总务科", "李老师", "3F 会议室")
    [entry] = [e for e in services.jobs.changes(job.id) if e.action == "edit"]
    assert {(c.field, c.old, c.new) for c in entry.changes} >= {
        ("requester", "张老师", "李老师"), ("location", None, "3F 会议室")}


async def test_an_empty_title_is_refused_inline_and_escape_changes_nothing(services, make_app):
    job = services.jobs.add("修空调 #repair")
    app = make_app(mode="jobs")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        form = app.screen
        form.query_one("#edit-title", Input).value = "  "
        form.query_one("#edit-title", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is form and "A job needs a title." in str(
            form.query_one(".form-error").render())
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ModalScreen)
    assert services.jobs.get(job.id).title == "修空调"


async def test_the_requester_completes_from_the_contacts(services, make_app):
    services.contacts.add("张晓明老师", department="教务处")
    job = services.jobs.add("修空调 #repair")
    app = make_app(mode="jobs")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        app.screen.query_one("#edit-requester", Input).focus()
        await pilot.press(*"张晓")
        await settle(pilot)
        await pilot.press("right", "enter")
        await settle(pilot)
    assert services.jobs.get(job.id).requester == "张晓明老师"
