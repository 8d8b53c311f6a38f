"""`office-tui add` without building the Typer CLI (office_tui/entry.py): the same output,
exit code, stored job and event as the CLI's own `add`, and anything unusual left to it."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from office_tui.arguments import add_options
from office_tui.services import Services
from tests.integrity import integrity

FAST = ("import sys; from office_tui import entry\n"
        "sys.argv = ['office-tui', *sys.argv[1:]]\n"
        "try:\n    entry.main()\nfinally:\n"
        "    print('typer' in sys.modules, file=sys.stderr)\n")
TYPER = ("import sys; from office_tui import cli\n"
         "try:\n    cli.main(sys.argv[1:])\nfinally:\n"
         "    print('typer' in sys.modules, file=sys.stderr)\n")
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "OFFICE_TUI_LANG": "en"}


def run(code: str, db: Path, *args: str):
    done = subprocess.run([sys.executable, "-c", code, "--db", str(db), *args],
                          capture_output=True, text=True, timeout=60, env=ENV)
    *lines, loaded = done.stderr.splitlines()
    return done.returncode, done.stdout, lines, loaded


def stored(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        jobs = con.execute("SELECT id, title, department, importance, requester, category "
                           "FROM jobs ORDER BY id").fetchall()
        events = con.execute("SELECT action, entity, entity_id, source FROM events ORDER BY id").fetchall()
    finally:
        con.close()
    return jobs + events


def without_times(text: str) -> str:
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if not isinstance(data, dict):
        return text
    return json.dumps({k: v for k, v in data.items()
                       if not any(w in k for w in ("created", "updated", "due", "at"))},
                      sort_keys=True)


@pytest.fixture()
def base(tmp_path):
    db = tmp_path / "base.db"
    svc = Services(db).open()
    svc.jobs.add("Fix the lamp in room 301 !high @Facilities")
    svc.close()
    return db


@pytest.mark.parametrize("args", [
    ["add", "Fix the printer !high @IT #repair"],
    ["add", "--requester", "Wang Li", "Replace the toner"],
    ["add", "Order paper @Office", "--requester=Li", "--json"],
    ["add", "Fix the lamp in room 301 @Facilities"],  # similar to an open job: stderr
    ["add", "Fix the lamp in room 301 @Facilities", "--json"],
    ["add", "  "],  # refused: one line, exit 1, nothing written
    ["add", "new \x1b[31mred\u202e title"],  # control and bidi characters: data
    ["add", "空调不制冷 !high @总务科"],
])
def test_the_fast_add_is_the_cli_add(tmp_path, base, args):
    fast_db, typer_db = tmp_path / "fast.db", tmp_path / "typer.db"
    shutil.copyfile(base, fast_db)
    shutil.copyfile(base, typer_db)
    fast = run(FAST, fast_db, *args)
    slow = run(TYPER, typer_db, *args)
    assert fast[3] == "False" and slow[3] == "True"  # the fast one never loaded Typer
    assert fast[0] == slow[0]
    assert without_times(fast[1]) == without_times(slow[1])
    assert fast[2] == slow[2]
    assert stored(fast_db) == stored(typer_db)
    assert integrity(fast_db) == "ok"


def test_a_new_database_is_made_as_the_cli_makes_it(tmp_path):
    fast = run(FAST, tmp_path / "fast" / "o.db", "add", "first job")
    slow = run(TYPER, tmp_path / "typer" / "o.db", "add", "first job")
    assert fast[:3] == slow[:3] == (0, "1\n", [])
    assert stored(tmp_path / "fast" / "o.db") == stored(tmp_path / "typer" / "o.db")


@pytest.mark.parametrize("argv", [
    ["add"], ["add", "--help"], ["add", "a", "b"], ["add", "-x"], ["add", "a", "--json",
                                                                      "--json"],
    ["add", "a", "--requester"], ["add", "a", "--requester", "--json"],
    ["add", "a", "--requester="], ["add", "a", "--requester", "x", "--requester", "y"],
    ["add", "a", "--verbose"], ["--db", "x.db"], ["list"], ["--db", "add"],
])
def test_anything_unusual_is_left_to_the_cli(argv):
    assert add_options(argv) is None


def test_the_options_read(tmp_path):
    assert add_options(["--db", "a.db", "add", "t", "--requester=Li", "--json"]) == (
        {"--db": "a.db"}, {"text": "t", "requester": "Li", "json": True})
