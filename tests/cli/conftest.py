"""CLI test isolation: never the real user data dir, and output as a script sees it."""

from __future__ import annotations

import pytest

from office_tui import cli
from office_tui.services import Services

cli.prepare()  # every command module, as `office-tui --help` loads them


@pytest.fixture(autouse=True)
def cli_isolation(monkeypatch, tmp_path):
    # A test that forgets --db must not touch the user's real database.
    monkeypatch.setenv("OFFICE_TUI_DB", str(tmp_path / "forgot-db.db"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    # The module's consoles decide colour and width once, at import time, from whatever
    # stdout was then (a real terminal under `pytest -s`). Tests read the output a pipe
    # gets: no terminal, so no styling escapes, and a fixed width.
    monkeypatch.setattr(cli, "out", cli.LazyConsole(highlight=False, force_terminal=False,
                                                    width=120))
    monkeypatch.setattr(cli, "err", cli.LazyConsole(stderr=True, highlight=False,
                                                    soft_wrap=True, force_terminal=False))
    # cli.main() remembers the command it ran (a read creates no database); a CliRunner
    # run after it must not inherit that (`show` run by main, then `add` refused).
    monkeypatch.setattr(cli.state, "words", [])
    yield
    if cli.state.services is not None:  # CliRunner runs leave the last one open
        cli.state.services.close()
        cli.state.services = None


@pytest.fixture
def cli_on_clock(monkeypatch, clock):
    """The CLI's services run on the test's fixed clock (Fri 2026-11-27 10:00)."""
    monkeypatch.setattr(cli, "Services", lambda path: Services(path, clock=clock))
    return clock
