"""Opening the app: the daily backup never runs beside the first frame."""

from __future__ import annotations

import sys
import threading

import pytest

from office_tui import launch
from office_tui.tui import app as app_module


@pytest.fixture(autouse=True)
def switch_interval():
    kept = sys.getswitchinterval()  # run_tui sets the app's
    yield
    sys.setswitchinterval(kept)


def backup_running_or_made(services) -> bool:
    alive = any(t.name == "daily-backup" for t in threading.enumerate())
    return alive or (services.backups.folder / "auto-2026-11-27.db").exists()


def test_the_daily_backup_starts_after_the_first_frame(services, monkeypatch):
    seen: dict[str, bool] = {}

    def run_app(svc, *, mode=None, after_first_frame=None):
        seen["before the first frame"] = backup_running_or_made(svc)
        if after_first_frame is not None:
            after_first_frame()  # the first screen is drawn with its data
        for thread in threading.enumerate():
            if thread.name == "daily-backup":
                thread.join(30)
        seen["after it"] = backup_running_or_made(svc)

    monkeypatch.setattr(app_module, "run_app", run_app)
    launch.run_tui(services)
    assert seen == {"before the first frame": False, "after it": True}


def test_an_app_closed_before_its_first_frame_still_keeps_the_daily_backup(services,
                                                                           monkeypatch):
    monkeypatch.setattr(app_module, "run_app", lambda svc, **kwargs: None)
    launch.run_tui(services)
    assert (services.backups.folder / "auto-2026-11-27.db").exists()
