"""The Reports screen shows a summary (every number, the first jobs of each list) and
writes the whole report: every overdue job in the file, not only those on the screen."""

from __future__ import annotations

from datetime import datetime

from office_tui.services import reports as reports_module
from tests.tui.conftest import screen_text, settle

SIZE = (140, 45)


async def test_screen_counts_every_job_and_the_file_lists_them_all(services, clock, make_app,
                                                                   documents):
    clock.now = datetime(2026, 11, 23, 9, 0)
    late = [services.jobs.add(f"late job {i} !! due:2026-11-23@10:00").id
            for i in range(reports_module.LISTED + 4)]
    clock.now = datetime(2026, 11, 27, 10, 0)
    app = make_app(mode="reports")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = app.screen.report
        assert not shown.complete and len(shown.overdue) == reports_module.LISTED
        text = screen_text(app)
        assert f"overdue {len(late)}" in text and f"expedited {len(late)}" in text
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        # Offered in the documents folder, never beside the database.
        written = (documents / "weekly-2026-W48.md").read_text(
            encoding="utf-8")
        assert all(f"- #{job_id} late job" in written for job_id in late)


async def test_saving_over_an_existing_file_asks_first(services, make_app, documents):
    """`s` onto a file that exists asks (the confirm modal); `n` keeps the file as it
    was, `y` replaces it."""
    from office_tui.tui.widgets.confirm import Confirm

    services.jobs.add("something to report")
    target = documents / "weekly-2026-W48.md"
    target.write_text("last week's notes\n", encoding="utf-8")
    app = make_app(mode="reports")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for answer in ("n", "y"):
            await pilot.press("s")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, Confirm)
            assert app.screen.question == f"{target} exists. Replace it?"
            await pilot.press(answer)
            await settle(pilot)
            if answer == "n":
                assert target.read_text(encoding="utf-8") == "last week's notes\n"
        assert target.read_text(encoding="utf-8").startswith("# ")


async def test_h_saves_the_handover_sheet(services, make_app, documents):
    services.contacts.add("王师傅", phone="13800000001")
    services.jobs.add("修空调 >王师傅 #repair")
    app = make_app(mode="reports")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("H")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    [sheet] = documents.glob("handover-*.md")
    text = sheet.read_text(encoding="utf-8")
    assert "修空调" in text and "王师傅" in text and "13800000001" in text


async def test_the_jobs_numbers_show_before_the_other_areas_are_read(services, make_app,
                                                                     monkeypatch):
    """The other areas' sections (stock movements, trips, assets: what grows with the
    years) are read after the jobs' numbers are on the screen, not before."""
    import threading

    services.load_demo()
    release = threading.Event()
    real = reports_module.ReportService.with_areas

    def held(self, report):
        assert release.wait(30)
        return real(self, report)

    monkeypatch.setattr(reports_module.ReportService, "with_areas", held)
    app = make_app(mode="reports")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5000):  # the first delivery, while the areas are held back
            if app.screen.report is not None:
                break
            await pilot.pause()
        text = screen_text(app)
        assert "as of" in text and "received" in text

        def bars() -> list[str]:
            return [s.heading for s in app.screen.query_one("#reports-bars").sections]

        assert "Trips by vehicle" not in bars() and not app.screen.report.vehicles
        release.set()
        await settle(pilot)
        assert app.screen.report.vehicles and "Trips by vehicle" in bars()
