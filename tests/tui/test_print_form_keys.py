"""ctrl+o saves the printed form of what is under the cursor: the job's handling slip on
Jobs (F3), the trip slip on the Roster (F4). The clock is Fri 2026-11-27 10:00."""

from __future__ import annotations

import shutil
import subprocess

from textual.widgets import Input

from office_tui.tui.modals.confirm import Confirm
from office_tui.tui.modals.text_prompt import TextPrompt
from tests.tui.conftest import settle
from tests.tui.test_vehicles_screen import open_vehicles, roster

SIZE = (120, 36)


def text_of(pdf) -> str:
    if shutil.which("pdftotext") is None:  # the bytes, at least, are a PDF
        return pdf.read_bytes()[:4].decode()
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


async def test_ctrl_o_on_jobs_saves_the_handling_slip(services, make_app, documents):
    job = services.jobs.add("3F 会议室投影仪不亮 @教务处", requester="赵老师")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        prompt = app.screen.query_one(Input)
        target = documents / f"Job-handling-slip-{job.id}.pdf"
        assert prompt.value == str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            assert "3F 会议室投影仪不亮" in text_of(target) and "赵老师" in text_of(target)
        assert any(str(target) in str(n.message) for n in app._notifications)
        # again: the file is there, so the clerk is asked; no, and it stays as it was
        before = target.read_bytes()
        await pilot.press("ctrl+o")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")
        await settle(pilot)
        assert target.read_bytes() == before


async def test_ctrl_o_on_the_roster_saves_the_trip_slip(services, make_app, documents):
    ids = roster(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_vehicles(app, pilot)
        assert screen.current_booking().id == ids["first"]
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        target = documents / f"Trip-slip-{ids['first']}.pdf"
        assert app.screen.query_one(Input).value == str(target)
        await pilot.press("enter")
        await settle(pilot)
        text = text_of(target)
        assert target.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            assert "市政府" in text and "京A·10001" in text and "王师傅" in text


async def test_ctrl_o_on_assets_saves_the_count_sheet(services, make_app, documents):
    from tests.tui.test_assets_screen import open_assets

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_assets(app, pilot)
        await pilot.press("ctrl+o")  # no count yet: said, nothing asked
        await settle(pilot)
        assert not isinstance(app.screen, TextPrompt)
        assert any("No asset count" in str(n.message) for n in app._notifications)
    services.assets.add(name="投影仪", value=3500, purchased="2025-01-02", location="一楼 101")
    count = services.assets.start_count()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_assets(app, pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, TextPrompt)
        target = documents / f"Asset-count-sheet-{count.id}.pdf"
        assert app.screen.query_one(Input).value == str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            assert "一楼 101" in text_of(target) and "投影仪" in text_of(target)
