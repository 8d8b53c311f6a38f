"""A command's standard output when it cannot take what is printed.

A full disk (`>/dev/full`), a closed descriptor (`>&-`) or a reader that went away
(`| head -1`) raise OSError from a write deep inside Rich or a flush at exit, as a
traceback or Python's "Exception ignored" lines. While a command runs, stdout is
wrapped so that its write errors arrive here as one OutputError, and `finish` says it in
one line (nothing for a reader that left: that is how `head` ends a pipe) with exit 1.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO


class OutputError(Exception):
    """Standard output refused a write (or is closed: `error` None)."""

    def __init__(self, error: OSError | None) -> None:
        super().__init__(error)
        self.error = error


class _Guarded:
    """sys.stdout with its write errors turned into OutputError (everything else as is,
    so Rich and click see the stream they expect)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputError(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputError(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def guarded() -> Iterator[None]:
    """Run a command with stdout guarded; everything it printed is flushed before the
    end (also when it exits), so no write is left for Python's exit to fail on."""
    real = sys.stdout
    if real is None:  # started with stdout closed: nothing could be shown
        raise OutputError(None)
    sys.stdout = _Guarded(real)  # type: ignore[assignment]
    try:
        yield
    finally:
        try:
            sys.stdout.flush()
        finally:
            sys.stdout = real


def finish(exc: OutputError) -> None:
    """One line on stderr (none for a closed pipe), and exit status 1."""
    from office_tui.i18n import _
    from office_tui.launch import warn

    _discard_stdout()
    error = exc.error
    if error is None:
        warn(_("Standard output is closed: nothing can be shown, and nothing was done."))
    elif error.errno != errno.EPIPE:
        warn(_("Cannot write the output: {reason}").format(
            reason=error.strerror or str(error)))
    sys.exit(1)


def _discard_stdout() -> None:
    """What is still buffered for stdout goes nowhere: Python's own flush at exit would
    meet the same error and print it."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return  # not a real descriptor (a test's capture)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
