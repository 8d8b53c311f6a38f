"""What every area's screen shares: the app's services, service work run in thread
workers (run_service, work.py) and live refresh."""

from __future__ import annotations

from textual.screen import Screen

from office_tui import startup
from office_tui.services import OfficeError, Services
from office_tui.tui.work import ServiceWork

FREEZE_AFTER = 1.0  # seconds after the first screen mounts: its first load is drawn by then


class AreaScreen(ServiceWork, Screen):
    """A mode's screen. Its database work goes through `run_service()`. Another process
    (the CLI, a second window) writing to the file is noticed by polling PRAGMA
    data_version, and the screen's own `reload()` runs, keeping its cursor. Every screen
    built on this one defines `reload()`."""

    _seen_version: int | None = None

    @property
    def services(self) -> Services:
        return self.app.services  # type: ignore[attr-defined]

    def start_live_refresh(self) -> None:
        """Call before the first load: a change landing between that load and the first
        poll must still count as new."""
        self._seen_version = self.services.data_version()
        self.set_timer(FREEZE_AFTER, freeze_startup_objects)
        self.set_interval(getattr(self.app, "poll_seconds", 1.0), self.poll)

    def poll(self) -> None:
        try:
            version = self.services.data_version()
        except OfficeError:
            return
        if self._seen_version is not None and version != self._seen_version:
            self.reload()  # type: ignore[attr-defined]
        self._seen_version = version


def freeze_startup_objects() -> None:
    """Collections back on once the first screen is up, without the objects made while
    the app started (office_tui/startup.py: the same as a command does)."""
    startup.settle()
