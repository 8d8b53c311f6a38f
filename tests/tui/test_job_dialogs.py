"""Every dialog about a job names it: "#id title", the title shown literally (escaped),
cut with "⋯" to the dialog's width; the cursor moves on after each action, so a dialog
that did not say which job would let the clerk close the wrong one."""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen

from office_tui.core.text import ELLIPSIS
from tests.tui.conftest import screen_text, settle

SIZE = (100, 30)
TITLE = "[bold]三楼[/] lamp \x1b[31m " + "很长的标题 " * 30


@pytest.mark.parametrize("key", ["x", "p", "d", "w", "k", "c"])
@pytest.mark.parametrize("mode", ["jobs", "today"])
async def test_the_dialog_names_the_job(services, make_app, key, mode):
    job = services.jobs.add(TITLE + " #repair due:today@16:00")
    app = make_app(mode=mode)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.current_job().id == job.id
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, ModalScreen)
        [subject] = app.screen.query(".job-subject")
        line = str(subject.render())
        assert line.startswith(f"#{job.id} [bold]三楼[/] lamp \\x1b[31m 很长的标题")
        assert line.endswith(ELLIPSIS)
        assert subject.size.height == 1 and subject.render().cell_len <= subject.size.width
        assert line[:30] in screen_text(app)
