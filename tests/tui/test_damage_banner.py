"""A database known to be damaged: a banner on every screen that no key takes away."""

from __future__ import annotations

from office_tui.store import health
from office_tui.tui.app import DamageBanner
from tests.tui.conftest import settle

SIZE = (120, 34)


def banner_text(app) -> str:
    found = app.screen.query(DamageBanner)
    assert len(found) == 1, f"no banner on {app.screen!r}"
    return str(found.first().render())


async def test_the_banner_stays_on_every_screen(services, make_app, db_path):
    health.mark(db_path, "2026-11-27 09:00: Page 238: btreeInitPage() returns error code 11")
    app = make_app(mode=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = banner_text(app)
        assert "office-tui check" in text and "office-tui restore" in text
        assert "Page 238" in text
        for key in ("escape", "f3", "escape", "f4", "f5", "f6", "f2"):
            await pilot.press(key)
            await settle(pilot)
            assert "office-tui check" in banner_text(app)


async def test_damage_found_while_the_app_runs_shows_the_banner(services, make_app):
    app = make_app(mode="jobs")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.screen.query(DamageBanner)
        services.backups.found_damage = "2026-11-27 10:00: database disk image is malformed"
        app.check_damage()  # what the app's once-a-poll timer calls
        await settle(pilot)
        assert "malformed" in banner_text(app)
        await pilot.press("f2")
        await settle(pilot)
        assert "malformed" in banner_text(app)
