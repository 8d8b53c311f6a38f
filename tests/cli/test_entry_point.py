"""The installed `office-tui` command, run as a real process (console script -> main())."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest


def _command() -> str:
    beside = Path(sys.executable).parent / "office-tui"  # the venv running these tests
    if beside.exists():
        return str(beside)
    found = shutil.which("office-tui")
    if found is None:
        pytest.fail("the office-tui console script is not installed (pip install -e '.[dev]')")
    return found


OFFICE_TUI = _command()


def office_tui(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("OFFICE_TUI_DB", "FORCE_COLOR", "CLICOLOR_FORCE", "TTY_COMPATIBLE")}
    env.update(OFFICE_TUI_LANG="en", COLUMNS="120", PYTHONIOENCODING="utf-8")
    return subprocess.run([OFFICE_TUI, "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=60, check=False)


def test_add_then_list_json_through_the_installed_command(tmp_path):
    db = tmp_path / "office.db"
    added = office_tui(db, "add", "修 三楼会议室 灯管 !high due:today @总务科 #报修")
    assert added.returncode == 0, added.stderr
    job_id = int(added.stdout.strip())

    listed = office_tui(db, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    jobs = json.loads(listed.stdout)
    assert [j["id"] for j in jobs] == [job_id]
    job = jobs[0]
    assert (job["title"], job["importance"], job["category"], job["department"]) == (
        "修 三楼会议室 灯管", "high", "repair", "总务科")
    days = {date.today(), date.today() - timedelta(days=1)}
    assert job["due"] in {f"{d.isoformat()}T17:30:00" for d in days}

    done = office_tui(db, "done", str(job_id), "--outcome", "换了新灯管", "--replied")
    assert done.returncode == 0, done.stderr
    assert json.loads(office_tui(db, "list", "--json").stdout) == []
    shown = json.loads(office_tui(db, "show", str(job_id), "--json").stdout)
    assert (shown["status"], shown["outcome"]) == ("done", "换了新灯管")


@pytest.mark.parametrize(("argv", "word"), [
    (["add", "fix lamp due:blah"], "blah"),
    (["show", "abc"], "ID"),                   # a usage error: 1 here, not click's 2
    (["frobnicate"], "frobnicate"),
    (["done", "1"], "outcome"),
    (["show", "99999999999999999999"], "No job"),
])
def test_refusals_exit_1_one_line_no_traceback(tmp_path, argv, word):
    db = tmp_path / "office.db"
    assert office_tui(db, "add", "fix lamp #repair !h").returncode == 0
    before = json.loads(office_tui(db, "list", "--all", "--json").stdout)
    result = office_tui(db, *argv)
    assert result.returncode == 1
    assert word in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""
    assert json.loads(office_tui(db, "list", "--all", "--json").stdout) == before


def test_newer_database_is_refused_untouched(tmp_path):
    import sqlite3

    db = tmp_path / "future.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    content = db.read_bytes()
    result = office_tui(db, "list")
    assert result.returncode == 1 and "newer" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == content


def test_the_table_a_pipe_gets_shows_markup_and_escapes_literally(tmp_path):
    db = tmp_path / "office.db"
    for title in ("[bold]x[/]", "\x1b[31mred", "修灯💡"):
        assert office_tui(db, "add", title).returncode == 0
    table = office_tui(db, "list")
    assert table.returncode == 0
    assert "[bold]x[/]" in table.stdout and "修灯💡" in table.stdout
    assert "\\x1b[31mred" in table.stdout
    assert "\x1b" not in table.stdout
