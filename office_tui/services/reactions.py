"""Cross-area reactions: one area says what happened, another keeps its records in step.

The area that acts emits an event by name, inside its own write transaction; the
listeners run in that transaction (their writes are savepoints in it), so the change and
everything it caused are committed, refused or undone together. Listeners are
registered in one place only, the composition root (Services.reactions), never by a
service as it is built, so a reaction never depends on which services a process
happened to build first.

A listener is registered as a lookup: a function that returns the handler. It is
called only when the event fires, so the reacting area's module is imported (and its
service built) then, not by every command that might emit the event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The events, with their payload (keyword arguments of the handler).
# A clerk set a new due on a job (triage): job_id (int), due (datetime).
JOB_DUE_SET = "job.due_set"
# A job was cancelled: job_id (int), reason (str).
JOB_CANCELLED = "job.cancelled"

Handler = Callable[..., None]
Lookup = Callable[[], Handler]


class Reactions:
    def __init__(self) -> None:
        self._listeners: dict[str, list[Lookup]] = {}

    def on(self, event: str, lookup: Lookup) -> None:
        """Register a listener: `lookup()` gives the handler when `event` fires."""
        self._listeners.setdefault(event, []).append(lookup)

    def emit(self, event: str, **payload: Any) -> None:
        """Run every listener of `event`, in registration order; a refusal (OfficeError)
        raised by one propagates and so rolls back the emitter's transaction."""
        for lookup in self._listeners.get(event, ()):
            lookup()(**payload)
