"""What every area's screen shares: the app's services, service work run in thread
workers (run_service, work.py) and live refresh."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.screen import Screen

from office_tui import startup
from office_tui.core.humanize import clock, short_moment
from office_tui.i18n import _
from office_tui.services import OfficeError, Services
from office_tui.tui.work import ServiceWork

FREEZE_AFTER = 1.0  # seconds after the first screen mounts: its first load is drawn by then
# The data shown is older than this (a reload failing or slow): the header says when it
# was read.
LAG = timedelta(minutes=2)


class AreaScreen(ServiceWork, Screen):
    """A mode's screen. Its database work goes through `run_service()`. Another process
    (the CLI, a second window) writing to the file is noticed by polling PRAGMA
    data_version, and the screen's own `reload()` runs, keeping its cursor. Every screen
    built on this one defines `reload()`.

    A screen that shows relative times or urgency (FOLLOWS_CLOCK) also reloads when the
    clock's minute changes, with nobody writing: "in 2h" becomes "in 1h", a job passing
    its due shows overdue and moves up, each working-hour boundary counts within the
    minute, and a new day is today's. Such a screen sets `loaded_at` to the clock of the
    data it shows; when that lags by LAG, `lag_parts()` gives its header the words."""

    FOLLOWS_CLOCK = False
    _seen_version: int | None = None
    _clock_minute: datetime | None = None
    loaded_at: datetime | None = None
    _lagging = False

    @property
    def services(self) -> Services:
        return self.app.services  # type: ignore[attr-defined]

    def start_live_refresh(self) -> None:
        """Call before the first load: a change landing between that load and the first
        poll must still count as new."""
        self._seen_version = self.services.data_version()
        self._clock_minute = self._minute()
        self.set_timer(FREEZE_AFTER, freeze_startup_objects)
        self.set_interval(getattr(self.app, "poll_seconds", 1.0), self.poll)

    def poll(self) -> None:
        try:
            version = self.services.data_version()
        except OfficeError:
            return
        changed = self._seen_version is not None and version != self._seen_version
        self._seen_version = version
        if self.FOLLOWS_CLOCK:
            minute = self._minute()
            if minute != self._clock_minute:
                self._clock_minute, changed = minute, True
            lagging = self.lag_parts() != []
            if lagging != self._lagging:
                self._lagging = lagging
                self.show_lag()
        if changed:
            self.reload()  # type: ignore[attr-defined]

    def _minute(self) -> datetime:
        return self.services.now().replace(second=0, microsecond=0)

    def lag_parts(self) -> list[str]:
        """[] while the data shown is fresh; else the header's words saying when it was
        read."""
        if self.loaded_at is None:
            return []
        now = self.services.now()
        if now - self.loaded_at < LAG:
            return []
        moment = clock(self.loaded_at) if self.loaded_at.date() == now.date() else \
            short_moment(self.loaded_at, now)
        return [_("as of {moment}, not reloaded since").format(moment=moment)]

    def show_lag(self) -> None:
        """Redraw the header with lag_parts(): a FOLLOWS_CLOCK screen defines it."""


def freeze_startup_objects() -> None:
    """Collections back on once the first screen is up, without the objects made while
    the app started (office_tui/startup.py: the same as a command does)."""
    startup.settle()
