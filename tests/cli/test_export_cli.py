"""`office-tui export [TABLE…]` (sqlite-utils, read-only), `--version` and shell completion
(issue 20)."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.cli.helpers import ok, refused, run
from tests.cli.test_entry_point import OFFICE_TUI, office_tui
from tests.integrity import table_counts as counts

FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    path = tmp_path / "office.db"
    ok(path, "add", "修 三楼会议室 灯管 !high due:today @总务科 #报修")
    ok(path, "add", f"{FORMULA} #other")
    ok(path, "item", "add", "--code", "A4", "--name", "A4 复印纸", "--unit", "包")
    return path


def test_no_table_lists_the_tables_with_their_row_counts(db):
    listed = {line.split()[0]: int(line.split()[1]) for line in ok(db, "export").splitlines()}
    assert listed == counts(db) and listed["jobs"] == 2 and listed["items"] == 1
    assert json.loads(ok(db, "export", "--format", "json")) == counts(db)


def test_a_table_as_csv_and_json_to_stdout(db):
    rows = list(csv.DictReader(io.StringIO(ok(db, "export", "jobs", "--format", "csv"))))
    assert [r["title"] for r in rows] == ["修 三楼会议室 灯管", "'" + FORMULA]  # neutralised
    assert rows[0]["due"] == "2026-11-27T17:30:00"
    data = json.loads(ok(db, "export", "jobs", "--format", "json"))
    assert [j["title"] for j in data] == ["修 三楼会议室 灯管", FORMULA]
    assert data[0]["id"] == 1 and data[0]["expedite"] == 0  # as stored
    both = json.loads(ok(db, "export", "jobs", "ITEMS", "--format", "json"))
    assert set(both) == {"jobs", "items"} and both["items"][0]["code"] == "A4"


def test_several_tables_to_a_workbook_a_sheet_each(db, tmp_path):
    target = tmp_path / "all.xlsx"
    ok(db, "export", "jobs", "items", "events", "-o", str(target))
    book = load_workbook(target)
    assert book.sheetnames == ["jobs", "items", "events"]
    jobs = book["jobs"]
    header = [c.value for c in jobs[1]]
    first = dict(zip(header, [c.value for c in jobs[2]]))
    assert first["id"] == 1 and first["due"] == datetime(2026, 11, 27, 17, 30)
    assert jobs.freeze_panes == "A2"
    titles = [c for c in jobs["B"] if c.value == FORMULA]
    assert titles and titles[0].data_type == "s"
    assert not [c for s in book.worksheets for r in s.iter_rows() for c in r
                if c.data_type == "f"]


def test_refusals_are_one_line(db, tmp_path):
    assert "No table 'nope'" in refused(db, "export", "jobs", "nope")
    assert "give -o FILE.xlsx" in refused(db, "export", "jobs", "--format", "xlsx")
    assert "Unknown format 'xml'" in refused(db, "export", "jobs", "--format", "xml")
    assert "office-tui database" in refused(db, "export", "jobs", "-o", str(db))
    missing = tmp_path / "none.db"
    assert "No database at" in refused(missing, "export")
    assert not missing.exists()  # read-only: nothing created
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database")
    assert "cannot be read as a database" in refused(foreign, "export")


def test_export_reads_only_and_holds_no_write_lock(db, tmp_path):
    before = counts(db)
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")  # another process writing meanwhile
        assert "jobs" in ok(db, "export")
        ok(db, "export", "jobs", "-o", str(tmp_path / "jobs.csv"))
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    assert counts(db) == before


def test_the_installed_command_exports_without_touching_the_app_path(db, tmp_path):
    result = office_tui(db, "export", "jobs", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2


# -- --version and completion -----------------------------------------------------------
def test_version_prints_the_package_metadata_version(tmp_path):
    expected = f"office-tui {version('office-tui')}\n"
    result = office_tui(tmp_path / "none.db", "--version")
    assert (result.returncode, result.stdout) == (0, expected)
    assert not (tmp_path / "none.db").exists()
    assert run(tmp_path / "none.db", "--version").stdout == expected  # through Typer too


def test_version_stays_cheap_no_typer_rich_or_importlib_metadata():
    probe = ("import sys\nsys.argv = ['office-tui', '--version']\n"
             "from office_tui.entry import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "heavy = ('typer', 'click', 'rich', 'textual', 'importlib.metadata', 'sqlite3')\n"
             "print(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"
    assert result.stdout.startswith("office-tui ")


def test_shell_completion_is_answered_by_the_installed_command(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "OFFICE_TUI_DB"}
    env.update(_OFFICE_TUI_COMPLETE="complete_bash", COMP_WORDS="office-tui expo",
               COMP_CWORD="1", OFFICE_TUI_DB=str(tmp_path / "o.db"))
    result = subprocess.run([OFFICE_TUI], capture_output=True, text=True, env=env,
                            timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["export"]  # not the app opened on the terminal
    env.update(COMP_WORDS="office-tui report --fo", COMP_CWORD="2")
    result = subprocess.run([OFFICE_TUI], capture_output=True, text=True, env=env,
                            timeout=60, stdin=subprocess.DEVNULL)
    assert result.stdout.split() == ["--format", "--force"]
    del env["_OFFICE_TUI_COMPLETE"]
    shown = subprocess.run([OFFICE_TUI, "--show-completion", "bash"], capture_output=True,
                           text=True, env=env, timeout=60)
    assert "complete -o default -F _office_tui_completion office-tui" in shown.stdout
