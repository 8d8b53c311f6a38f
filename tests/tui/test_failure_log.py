"""The log of unexpected failures is a file of its own beside the database: appended to,
never followed through a symbolic link, never one of the database's files."""

from __future__ import annotations

import os
import sqlite3

from office_tui.tui import failure_log


def boom() -> sqlite3.OperationalError:
    try:
        raise sqlite3.OperationalError("database is locked")
    except sqlite3.OperationalError as exc:
        return exc


def test_the_traceback_goes_to_the_log_beside_the_database(tmp_path):
    db = tmp_path / "office.db"
    where = failure_log.log_failure("load the jobs", boom(), db)
    failure_log.log_failure("load the stock", boom(), db)
    assert where == str(tmp_path / "office-tui.log")
    text = (tmp_path / "office-tui.log").read_text(encoding="utf-8")
    assert text.count("Traceback") == 2 and "could not load the stock" in text
    assert "sqlite3.OperationalError: database is locked" in text


def test_a_symbolic_link_in_its_place_is_not_followed(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me\n", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "office-tui.log").symlink_to(target)
    where = failure_log.log_failure("load the jobs", boom(), other / "office.db")
    assert where == "the log"
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_the_database_under_the_log_name_is_never_opened(tmp_path):
    db = tmp_path / "office.db"
    sqlite3.connect(db).close()
    before = db.read_bytes()
    os.link(db, tmp_path / "office-tui.log")  # the same file under the log's name
    where = failure_log.log_failure("load the jobs", boom(), db)
    assert where == "the log"
    assert db.read_bytes() == before
