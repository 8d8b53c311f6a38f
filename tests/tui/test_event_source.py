"""Each event records where it was made: the app passes "app", the CLI "cli"."""

from __future__ import annotations

from office_tui.services import Services
from office_tui.tui.app import OfficeApp
from tests.cli.helpers import ok


def sources(db_path) -> list:
    svc = Services(db_path).open()
    try:
        return [r[0] for r in svc.db.execute("SELECT source FROM events ORDER BY id")]
    finally:
        svc.close()


def test_a_change_made_by_the_app_is_recorded_as_from_the_app(services, db_path):
    services.jobs.add("before the app")  # a thread's connection taken before the app
    OfficeApp(services)
    services.jobs.add("修空调")
    with services.session():  # a worker's connection too
        services.jobs.add("换灯管")
    assert sources(db_path) == [None, "app", "app"]


def test_a_change_made_by_the_cli_is_recorded_as_from_the_cli(tmp_path):
    db = tmp_path / "office.db"
    ok(db, "add", "修空调")
    assert sources(db) == ["cli"]
