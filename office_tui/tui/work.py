"""How a screen or a form runs service work: the one way, `run_service()`.

The call runs in a thread worker inside the services' thread session (a connection
borrowed from the process's pool, given back when the call ends), so the UI thread never
waits on the database.
What comes back lands on the UI thread as a message to the screen that asked: the result
to `done`, or one line for the clerk to `failed` (a toast unless the screen says
otherwise). An OfficeError says its own line; anything else (a locked database, a bug)
is one line naming the action, and its traceback goes to the log (failure_log.py), never
to the screen. A worker that was cancelled (a newer load of its exclusive group) delivers
nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from textual.message import Message
from textual.worker import Worker, get_current_worker

from office_tui.i18n import _
from office_tui.services import OfficeError, Services

T = TypeVar("T")
# At most this long (seconds) a call waits, in deliver(), for what it handed over to be
# painted before it goes on.
PAINT_WAIT = 1.0


class WorkDone(Message, bubble=False):
    """A value for `callback`, handed over on the UI thread; `painted` is set once the
    screen has been drawn with it."""

    def __init__(self, callback: Callable[[Any], object], value: Any,
                 painted: threading.Event | None = None) -> None:
        super().__init__()
        self.callback, self.value, self.painted = callback, value, painted


class WorkFailed(Message, bubble=False):
    """The one line the clerk reads about work that failed."""

    def __init__(self, callback: Callable[[str], object], text: str) -> None:
        super().__init__()
        self.callback, self.text = callback, text


def failure_text(exc: BaseException, action: str, services: Services) -> str:
    """The line the clerk reads: an OfficeError's own words, else one line naming the
    action (the traceback is logged)."""
    if isinstance(exc, OfficeError):
        return str(exc)
    from office_tui.tui.failure_log import log_failure  # only ever needed on a failure

    where = log_failure(action, exc, services.db_path)
    return _("Could not {action}: something unexpected went wrong; the details are in "
             "{log}.").format(action=action, log=where)


class ServiceWork:
    """Mixed into the area screens (base.py) and the modals that load or save: anything
    that is a Textual message pump with `self.app.services`."""

    def run_service(self, call: Callable[[Services], T],
                    done: Callable[[T], object] | None = None, *, action: str, group: str,
                    exclusive: bool = False,
                    failed: Callable[[str], object] | None = None) -> Worker[None]:
        """Run `call(services)` in a thread worker; `done(result)` on the UI thread, or
        `failed(line)` (default: an error toast). `action` names the work for the generic
        failure line, e.g. _("load the jobs"). `exclusive` cancels the group's earlier
        workers on this screen: their results are dropped."""
        services: Services = self.app.services  # type: ignore[attr-defined]
        on_failure = failed or self.show_failure

        def work() -> None:
            worker = get_current_worker()
            try:
                with services.session() as svc:
                    result = call(svc)
            except Exception as exc:  # noqa: BLE001 - said to the clerk, never a crash
                if not worker.is_cancelled:
                    self.post_message(  # type: ignore[attr-defined]
                        WorkFailed(on_failure, failure_text(exc, action, services)))
                return
            if done is not None and not worker.is_cancelled:
                self.post_message(WorkDone(done, result))  # type: ignore[attr-defined]

        return self.run_worker(  # type: ignore[attr-defined]
            work, name=group, group=group, exclusive=exclusive, thread=True,
            exit_on_error=False)

    def deliver(self, callback: Callable[[T], object], value: T) -> bool:
        """From inside a running call: hand `value` to `callback` on the UI thread now,
        while the call goes on (a first page before its count). The call goes on once the
        value is painted (PAINT_WAIT at most): the rest of its work (a count, Today's other
        areas) would otherwise take the GIL, and on a busy machine the CPU, from the UI
        thread drawing that frame. False when the worker was cancelled (or the screen
        closed) meanwhile: the caller should stop."""
        worker = get_current_worker()
        if worker.is_cancelled:
            return False
        painted = threading.Event()
        if not self.post_message(WorkDone(callback, value, painted)):  # type: ignore[attr-defined]
            return False  # closed meanwhile: nobody to show it to
        painted.wait(PAINT_WAIT)
        return not worker.is_cancelled

    def show_failure(self, text: str) -> None:
        self.notify(text, markup=False, severity="error", timeout=8)  # type: ignore[attr-defined]

    def on_work_done(self, message: WorkDone) -> None:
        try:
            message.callback(message.value)
        finally:
            self.call_after_refresh(self._painted, message.painted)  # type: ignore[attr-defined]

    def _painted(self, painted: threading.Event | None) -> None:
        """The screen has been drawn with a value: its call may go on (deliver()), and
        the app learns its first data is on screen (OfficeApp.data_painted)."""
        if painted is not None:
            painted.set()
        data_painted = getattr(self.app, "data_painted", None)  # type: ignore[attr-defined]
        if data_painted is not None:
            data_painted()

    def on_work_failed(self, message: WorkFailed) -> None:
        message.callback(message.text)
