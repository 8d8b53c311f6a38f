"""Pilot helpers: build the real App on a tmp database and wait for its workers."""

from __future__ import annotations

import html
import re

import pytest

from office_tui.services import Services
from office_tui.tui.app import OfficeApp


async def settle(pilot, rounds: int = 4) -> None:
    """Let workers finish and their messages land (loads post back, then reload)."""
    for _ in range(rounds):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def screen_text(app) -> str:
    """What the screen shows, as plain text (from Textual's own SVG export)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def table_ids(app) -> list[int]:
    return [j.id for j in app.screen.jobs]


def cursor_id(app) -> int | None:
    job = app.screen.current_job()
    return job.id if job else None


@pytest.fixture
def make_app(services: Services):
    def make(**kwargs) -> OfficeApp:
        # The app opens on Today; a screen's tests start on that screen (mode=None: the
        # real default, see tests/tui/test_today_screen.py).
        kwargs.setdefault("mode", "jobs")
        return OfficeApp(services, poll_seconds=kwargs.pop("poll_seconds", 60.0), **kwargs)

    return make
