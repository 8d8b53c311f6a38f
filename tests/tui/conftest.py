"""Pilot helpers: build the real App on a tmp database and wait for its workers."""

from __future__ import annotations

import html
import re

import pytest
from textual.worker import WorkerState

from office_tui.services import Services
from office_tui.tui.app import OfficeApp


@pytest.fixture(autouse=True)
def documents(monkeypatch, tmp_path):
    """The user's documents folder (where the app offers to save files) in tmp_path, so
    no test writes into the real home."""
    folder = tmp_path / "Documents"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(folder))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return folder


async def settle(pilot, rounds: int = 4) -> None:
    """Let workers finish and their messages land (loads post back, then reload).

    Waits until `rounds` passes in a row find no worker pending or running, so a slow,
    loaded machine only makes this take longer, never return early.
    """
    quiet = 0
    for _ in range(400):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING)
                   for w in pilot.app.workers)
        quiet = 0 if busy else quiet + 1
        if quiet >= rounds:
            break


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
