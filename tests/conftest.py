"""Shared fixtures: a fixed clock and services on a real SQLite file in tmp_path."""

from __future__ import annotations

import os
from datetime import datetime

# Modules build help texts and key labels when imported: make that English, whatever the
# machine's locale, before any office_tui module is imported.
os.environ["OFFICE_TUI_LANG"] = "en"

import pytest

from office_tui import i18n
from office_tui.services import Services

# Friday 2026-11-27 10:00, a working day.
NOW = datetime(2026, 11, 27, 10, 0)


class FakeClock:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs) -> None:
        from datetime import timedelta

        self.now = self.now + timedelta(**kwargs)


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("OFFICE_TUI_LANG", "en")
    i18n.set_language("en")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "office.db"


@pytest.fixture
def services(db_path, clock):
    svc = Services(db_path, clock=clock).open()
    yield svc
    svc.close()
