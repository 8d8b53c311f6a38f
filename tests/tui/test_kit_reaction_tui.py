"""`d` on an event in a freshly started app moves its kit-linked jobs, with no `k` first.

The app's services have built nothing of kits when the clerk sets the new due: the
reaction is wired by the composition root, not by whichever screen built kits first.
"""

from __future__ import annotations

from datetime import datetime

from textual.widgets import DataTable

from office_tui.services import Services
from tests.tui.conftest import settle, table_ids

SIZE = (120, 35)


async def test_setting_the_due_of_an_event_moves_its_linked_jobs(db_path, clock, services,
                                                                 make_app):
    setup = Services(db_path, clock=clock).open()
    try:
        setup.kits.create("large meeting")
        setup.kits.add_item("large meeting", "T-1d@17:00", "name cards #print")
        setup.kits.add_item("large meeting", "-2h", "room set-up #meeting !high")
        event, linked = setup.kits.event("large meeting", "term meeting due:2026-12-03@14:00")
    finally:
        setup.close()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "kits" not in vars(services)
        app.screen.query_one(DataTable).move_cursor(row=table_ids(app).index(event.id))
        await pilot.press("d", *"2026-12-07@10:00", "enter")
        await settle(pilot)
    assert services.jobs.get(event.id).due == datetime(2026, 12, 7, 10, 0)
    assert [services.jobs.get(j.id).due for j in linked] == [
        datetime(2026, 12, 4, 17, 0), datetime(2026, 12, 7, 8, 0)]
