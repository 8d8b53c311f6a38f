"""Arbitrary text through add -> list -> show -> the Jobs screen: stored exactly, shown
safely, never a crash, never a raw escape on the terminal."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from office_tui.cli import app as cli_app
from office_tui.services import OfficeError, Services
from office_tui.tui.app import OfficeApp
from tests.tui.conftest import screen_text, settle

HOSTILE = st.sampled_from([
    "[bold]x[/]", "[/]", "[link=http://x]y[/link]", "\x1b[31mred\x1b[0m", "\x00nul", "\x07bell",
    "修 三楼会议室 灯管", "💡🔧", "مرحبا بالعالم", "\u202eevil", "a" * 10_000, "tab\tand\nnewline",
])
TEXT = st.one_of(HOSTILE, st.text(min_size=1, max_size=60))


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(TEXT, min_size=1, max_size=5))
def test_arbitrary_titles_survive_every_layer(tmp_path_factory, texts):
    db = tmp_path_factory.mktemp("hostile") / "office.db"
    services = Services(db, clock=lambda: datetime(2026, 11, 27, 10, 0)).open()
    saved = {}
    for text in texts:
        try:
            job = services.jobs.create(text, department=text[:50])
        except OfficeError:
            continue  # blank or undecodable text is refused with a message
        saved[job.id] = text
    for job_id, text in saved.items():
        assert services.jobs.get(job_id).title == text  # stored exactly

    runner = CliRunner()
    listed = runner.invoke(cli_app, ["--db", str(db), "list", "--json", "--limit", "100"])
    assert listed.exit_code == 0
    assert {j["id"]: j["title"] for j in json.loads(listed.stdout)} == saved
    table = runner.invoke(cli_app, ["--db", str(db), "list"])
    assert table.exit_code == 0 and "\x1b" not in table.stdout
    for job_id in saved:
        shown = runner.invoke(cli_app, ["--db", str(db), "show", str(job_id)])
        assert shown.exit_code == 0 and "\x1b" not in shown.stdout

    async def drive() -> str:
        app = OfficeApp(services, poll_seconds=60, mode="jobs")
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert sorted(j.id for j in app.screen.jobs) == sorted(saved)
            if saved:
                await pilot.press("enter")  # the detail view of the top job
                await settle(pilot)
                await pilot.press("escape", "question_mark")
                await settle(pilot)
            return screen_text(app)

    shown = asyncio.run(drive())
    assert "\x1b" not in shown
    services.close()
