"""enter on a job: its history says what changed (field: old → new) and where, newest first."""

from __future__ import annotations

from textual.screen import ModalScreen

from tests.tui.conftest import screen_text, settle


async def test_the_detail_view_lists_each_change_as_old_to_new(services, make_app):
    job = services.jobs.add("修空调 @总务科 #repair")
    app = make_app(mode="jobs")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert app.screen.current_job().id == job.id
        await pilot.press("1")  # importance normal → high, made in the app
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ModalScreen)
        text = screen_text(app)
    assert "Importance: normal → high" in text and "triaged · in the app" in text
    # the newest change first, with where it was made
    assert text.index("Importance: normal → high") < text.index("Title: 修空调")
    assert "in the app" in text
