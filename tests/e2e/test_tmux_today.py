"""End to end: the installed `office-tui` opens on Today in a real terminal (tmux), and an
item is worked from there: closed with its outcome, and a requester marked as told."""

from __future__ import annotations

import pytest

from office_tui.services import Services
from tests.e2e.terminal import Tmux, env_for, office_tui_command, quit_app

pytestmark = pytest.mark.e2e


def test_open_on_today_and_work_an_item(tmp_path):
    db = tmp_path / "office.db"
    setup = Services(db).open()
    # Due today whatever the hour (23:59), so it is on Today's list at any time of day.
    job = setup.jobs.add("三楼会议室灯管 !high #报修 @总务科 due:today@23:59")
    answered = setup.jobs.add("Fix the side door #repair")
    setup.jobs.done(answered.id, "new lock")  # done, requester not told yet
    setup.routines.add("食堂报餐统计 @办公室", every="daily", at="23:58")
    setup.close()
    env = env_for(db)
    term = Tmux(office_tui_command(), env)
    try:
        screen = term.wait_for(lambda s: "on time this week" in s and "三楼会议室灯管" in s,
                               "the Today screen with the job")
        assert "Awaiting reply · 1" in screen
        assert "食堂报餐统计" in screen  # the routine's job, made when the app opened
        # The cursor starts on the first job line; the high, repair job sorts first here.
        term.keys("x")
        term.wait_for(lambda s: "Close with the outcome" in s, "the close form")
        term.type("已更换灯管")
        term.keys("C-t", "Enter")
        term.wait_for(lambda s: "三楼会议室灯管" not in s, "the job to leave Today")
        quit_app(term)
    finally:
        term.kill()

    check = Services(db).open()
    try:
        closed = check.jobs.get(job.id)
        assert (closed.status, closed.outcome) == ("done", "已更换灯管")
        assert closed.replied_at is not None
        assert [r["jobs"] for r in check.routines.list()] == [1]
    finally:
        check.close()
