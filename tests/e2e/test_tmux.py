"""End to end: the installed `office-tui` in a real terminal (tmux), typed at like a clerk."""

from __future__ import annotations

import pytest

from office_tui.services import Services
from tests.e2e.terminal import Tmux, env_for, office_tui_command, quit_app

pytestmark = pytest.mark.e2e


def test_quick_add_triage_and_close_in_a_real_terminal(tmp_path):
    db = tmp_path / "office.db"
    env = env_for(db)
    term = Tmux(office_tui_command(), env)
    try:
        term.wait_for(lambda s: "on time this week" in s, "the Today screen (the app opens on it)")
        term.keys("F3")
        term.wait_for(lambda s: "Jobs ·" in s and "0 shown of 0" in s, "the empty Jobs screen")
        term.keys("a")
        term.wait_for(lambda s: "quick add:" in s, "the quick-add box")
        term.type("修 三楼会议室 灯管 due:today @总务科 #报修")
        term.keys("Enter")
        term.wait_for(lambda s: "三楼会议室" in s and "1 shown of 1" in s, "the new job")
        term.keys("1")  # importance high
        term.wait_for(lambda s: "high" in s and "0 in inbox" in s, "importance high")
        term.keys("e")  # expedite
        term.wait_for(lambda s: "high !!" in s, "the expedite mark")
        term.keys("x")
        term.wait_for(lambda s: "Close with the outcome" in s, "the close form")
        term.type("已更换灯管")
        term.keys("C-t", "Enter")
        term.wait_for(lambda s: "0 shown of 0" in s, "the job to leave the open list")
        quit_app(term)
    finally:
        term.kill()
    # The first start of the day left a complete copy beside the database.
    [daily] = (tmp_path / "backups").glob("auto-*.db")
    assert daily.stat().st_size > 0
    assert not list((tmp_path / "backups").glob(".*.partial"))

    services = Services(db).open()
    try:
        [job] = services.jobs.list(include_closed=True)
        assert job.title == "修 三楼会议室 灯管"
        assert (job.category, job.department, job.importance) == ("repair", "总务科", "high")
        assert job.expedite is True
        assert job.status == "done"
        assert job.outcome == "已更换灯管"
        assert job.replied_at is not None
        actions = [e["action"] for e in services.jobs.history(job.id)]
        assert actions == ["add", "triage", "triage", "done"]
    finally:
        services.close()
