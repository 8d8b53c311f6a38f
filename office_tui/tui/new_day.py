"""A new day with the app open (left on overnight): what a start of the day does.

The day's routine jobs are made and the daily backup is kept and checked, as when the
app starts (office_tui/launch.py); the screens then reload on their own (the writes
change the database's data_version, and each screen follows the clock). A problem is a
toast, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable

from office_tui.i18n import _
from office_tui.services import Services
from office_tui.tui.work import failure_text


def start_day(services: Services, say: Callable[[str], None]) -> None:
    """In a thread worker. `say(line)` hands a problem to the UI thread."""
    steps = ((services.routines.generate, _("make today's routine jobs")),
             (services.backups.auto_backup, _("keep today's backup")))
    with services.session():
        for step, action in steps:
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - said to the clerk, never a crash
                say(failure_text(exc, action, services))
