"""The app's log of unexpected failures: office-tui.log beside the database.

A failure the clerk is told about in one line (work.py) keeps its traceback here, for
whoever looks after the machine. The file is opened on the first failure, never at
start: appended to, never followed through a symbolic link, and never one of the
database's own files (compared by device and inode, without opening them).
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from office_tui.i18n import _

LOG_NAME = "office-tui.log"
logger = logging.getLogger("office_tui")
_lock = threading.Lock()
_handler: tuple[Path, logging.Handler] | None = None  # the file written to, one at a time


def log_failure(action: str, exc: BaseException, db_path: Path) -> str:
    """Log `exc` with its traceback; returns where it was written, for the clerk."""
    path = db_path.parent / LOG_NAME
    written = _attach(path, db_path)
    logger.error("could not %s", action, exc_info=exc)
    return str(path) if written else _("the log")


def _attach(path: Path, db_path: Path) -> bool:
    global _handler
    with _lock:
        if _handler is not None:
            if _handler[0] == path:
                return True
            logger.removeHandler(_handler[1])  # another database (tests): its own log
            _handler[1].close()
            _handler = None
        if _is_database_file(path, db_path):
            return False
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(path, flags, 0o600)
        except OSError:
            return False  # a read-only folder: the line to the clerk still says what failed
        handler = logging.StreamHandler(os.fdopen(fd, "a", encoding="utf-8"))
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False  # the terminal belongs to the app
        _handler = (path, handler)
        return True


def _is_database_file(path: Path, db_path: Path) -> bool:
    try:
        target = os.lstat(path)
    except OSError:
        return False
    for name in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"),
                 Path(f"{db_path}-journal")):
        try:
            if os.path.samestat(target, os.stat(name)):
                return True
        except OSError:
            continue
    return False

