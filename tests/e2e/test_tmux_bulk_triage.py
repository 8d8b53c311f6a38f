"""End to end: the real `office-tui` in tmux at 80×24 — space marks three jobs on the Jobs
screen, 1 makes them all high in one step, u undoes them together. The e2e conftest ends
with PRAGMA integrity_check on the database."""

from __future__ import annotations

import re

import pytest

from office_tui.services import Services
from tests.e2e.terminal import Tmux, env_for, office_tui_command, quit_app

pytestmark = pytest.mark.e2e


def importances(db) -> dict[int, str]:
    svc = Services(db).open()
    try:
        return {j.id: j.importance for j in svc.jobs.list(limit=100)}
    finally:
        svc.close()


def test_mark_three_jobs_and_triage_them_together(tmp_path):
    db = tmp_path / "office.db"
    setup = Services(db).open()
    ids = [setup.jobs.add(f"bulk job {n} #repair").id for n in range(5)]
    setup.close()
    term = Tmux(office_tui_command(), {**env_for(db), "OFFICE_TUI_LANG": "en"}, size=(80, 24))
    try:
        term.wait_for(lambda s: "Today" in s, "the Today screen")
        term.keys("F3")
        term.wait_for(lambda s: s.lstrip().startswith("Jobs") and "bulk job 4" in s,
                      "the Jobs screen")
        for n in range(3):
            term.keys("Space")
            term.wait_for(lambda s, n=n: f"{n + 1} marked" in s, f"{n + 1} marked")
        screen = term.screen()
        marked = [int(m) for m in re.findall(r"●(\d+)", screen)]
        assert len(marked) == 3 and set(marked) <= set(ids)
        term.keys("1")
        term.wait_for(lambda s: "3 marked jobs changed" in s, "the bulk triage")
        after = importances(db)
        assert {after[i] for i in marked} == {"high"}
        assert {after[i] for i in ids if i not in marked} == {"normal"}
        term.keys("u")
        term.wait_for(lambda s: "Undone" in s, "the undo")
        assert set(importances(db).values()) == {"normal"}
        quit_app(term)
    finally:
        term.kill()
