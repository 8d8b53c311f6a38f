"""Hostile arguments and a hostile stdout: one line on stderr, exit 1, nothing written.

Extreme dates, invalid UTF-8 in arguments, an oversize CSV field, a full, closed or
broken stdout (issue 13, items 6 and 7). Each runs the console script's function
in-process (office_tui.entry.main) or, where a real file descriptor matters, the
installed command.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from office_tui import entry
from tests.cli.helpers import ok, run
from tests.cli.test_entry_point import OFFICE_TUI

RANGE = ("1970-01-01", "2200-12-31")
BAD_UTF8 = b"x\xffy".decode("utf-8", "surrogateescape")  # as Python hands it over


def main(monkeypatch, capsys, db: Path, *argv: str) -> tuple[int, str, str]:
    """The console script's main() in-process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["office-tui", "--db", str(db), *argv])
    with pytest.raises(SystemExit) as exit_info:
        entry.main()
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (0 if code is None else code), out, err


def contents(db: Path) -> dict[str, list]:
    """Every row of every table: what a refusal must leave exactly as it was."""
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    finally:
        conn.close()


def one_line(code: int, out: str, err: str) -> str:
    assert code == 1, (out, err)
    assert out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err.strip()


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    path = tmp_path / "office.db"
    ok(path, "vehicle", "add", "--plate", "京A·10001", "--name", "Passat", "--seats", "4")
    ok(path, "item", "add", "--code", "A4", "--name", "A4 paper", "--unit", "ream")
    ok(path, "kit", "new", "meeting")
    ok(path, "kit", "item-add", "meeting", "-2d", "print the agenda #print")
    ok(path, "add", "fix the lamp #repair")
    return path


# -- item 6: a routine from an impossible day is refused before anything is saved -----------
@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1969-12-31", "2201-01-01"])
def test_a_routine_outside_the_date_range_is_refused_and_not_saved(db, monkeypatch, capsys,
                                                                     day):
    before = contents(db)
    message = one_line(*main(monkeypatch, capsys, db, "routine", "add", "Safety round",
                             "--every", "daily", "--from", day))
    assert day in message and all(edge in message for edge in RANGE)
    assert contents(db) == before
    assert "No routines." in ok(db, "routine", "list")


def test_a_routine_at_the_edges_of_the_range_is_saved(db):
    for day in RANGE:
        ok(db, "routine", "add", "Safety round", "--every", "daily", "--from", day)
    assert ok(db, "routine", "list").count("Safety round") == 2


# -- item 7: every command with a date, at the ends of the calendar ---------------------------
EXTREMES = [
    ["report", "--from", "{day}", "--to", "{day}"],
    ["consumption", "--from", "{day}", "--to", "{day}"],
    ["book", "--vehicle", "京A·10001", "--from", "{day} 22:00", "--to", "{day} 23:00",
     "--dest", "City Hall"],
    ["bookings", "--date", "{day}"],
    ["share", "--from", "{day} 22:00", "--to", "{day} 23:00", "--dest", "City Hall"],
    ["free", "--from", "{day} 22:00", "--to", "{day} 23:00"],
    ["kit", "event", "meeting", "Board meeting due:{day}"],
    ["add", "fix the door due:{day}"],
    ["triage", "1", "--due", "{day}"],
    ["promise", "1", "--by", "{day}", "--reason", "parts"],
    ["quote", "add", "A4", "--supplier", "Shop", "--price", "20", "--date", "{day}"],
    ["vehicle", "add", "--plate", "京B·1", "--name", "Van", "--seats", "4",
     "--insurance", "{day}"],
    ["driver", "add", "--name", "Wang", "--licence-expiry", "{day}"],
    ["calendar", "set", "{day}", "workday"],
]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("argv", EXTREMES, ids=lambda a: " ".join(a[:2]))
def test_dates_outside_the_range_are_one_line_and_change_nothing(db, monkeypatch, capsys,
                                                                  argv, day):
    before = contents(db)
    message = one_line(*main(monkeypatch, capsys, db, *(a.format(day=day) for a in argv)))
    assert all(edge in message for edge in RANGE), message
    assert contents(db) == before


@pytest.mark.parametrize("argv", [
    ["add", "fix the door due:+99999d"], ["add", "fix the door due:+99999w"],
    ["triage", "1", "--due", "+99999d"], ["calendar", "list", "--year", "9999"],
])
def test_offsets_beyond_the_range_are_one_line(db, monkeypatch, capsys, argv):
    before = contents(db)
    message = one_line(*main(monkeypatch, capsys, db, *argv))
    assert all(edge in message for edge in RANGE), message
    assert contents(db) == before


def test_the_first_and_last_day_of_the_range_work(db, monkeypatch, capsys):
    for day in RANGE:
        code, out, err = main(monkeypatch, capsys, db, "report", "--from", day, "--to", day)
        assert code == 0 and err == "", err
        code, out, err = main(monkeypatch, capsys, db, "add", f"fix it due:{day}")
        assert code == 0 and err in ("", f"similar to open job #{int(out) - 1}: fix it (merge "
                                         f"{int(out) - 1} {int(out)} keeps #{int(out) - 1})\n"), err


# -- invalid UTF-8 in any argument -----------------------------------------------------------
@pytest.mark.parametrize("argv", [
    ["item", "add", "--code", BAD_UTF8, "--name", "paper", "--unit", "ream"],
    ["item", "list", "--search", BAD_UTF8],
    ["stock", "--search", BAD_UTF8],
    ["item", "show", BAD_UTF8],
    ["quotes", BAD_UTF8],
    ["list", "--search", BAD_UTF8],
    ["add", BAD_UTF8],
    ["kit", "new", BAD_UTF8],
    ["vehicle", "add", "--plate", BAD_UTF8, "--name", "x", "--seats", "4"],
    ["--lang", BAD_UTF8, "list"],
    [BAD_UTF8],
], ids=lambda a: " ".join(a[:2]).replace(BAD_UTF8, "x?y"))
def test_an_argument_that_is_not_utf8_is_one_line(db, monkeypatch, capsys, argv):
    before = contents(db)
    message = one_line(*main(monkeypatch, capsys, db, *argv))
    assert "UTF-8" in message and "x\\udcffy" in message
    assert contents(db) == before
    result = run(db, *argv)  # the same refusal when Typer is called directly
    assert result.exit_code == 1 and "UTF-8" in result.stderr
    assert not isinstance(result.exception, Exception) or isinstance(result.exception,
                                                                    SystemExit)


# -- an oversize CSV field -----------------------------------------------------------------
def test_an_oversize_csv_field_names_row_and_column(db, monkeypatch, capsys, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text("code,name,unit\nPEN,pen,box\nBIG," + "x" * 200_000 + ",box\n",
                    encoding="utf-8")
    before = contents(db)
    message = one_line(*main(monkeypatch, capsys, db, "import-items", str(path)))
    assert "row 3, column name" in message and len(message) < 300
    assert contents(db) == before


# -- a stdout that cannot take the output ----------------------------------------------------
@pytest.mark.parametrize("argv", [["list", "--json"], ["list"], ["today"], ["show", "1"],
                                  ["stock"]])
def test_a_full_stdout_is_one_line_and_exit_1(db, argv):
    shell = f'"$0" --db "$1" {" ".join(argv)} >/dev/full'
    env_run = subprocess.run(["sh", "-c", shell, OFFICE_TUI, str(db)], capture_output=True,
                             text=True, timeout=60, env={"OFFICE_TUI_LANG": "en",
                                                         "PATH": "/usr/bin:/bin"})
    assert env_run.returncode == 1, env_run.stderr
    assert "Traceback" not in env_run.stderr
    assert len(env_run.stderr.strip().splitlines()) == 1, env_run.stderr
    assert "No space left on device" in env_run.stderr


@pytest.mark.parametrize("argv", [["list", "--json"], ["add", "fix the tap"], ["today"]])
def test_a_closed_stdout_is_one_line_exit_1_and_writes_nothing(db, argv):
    before = contents(db)
    shell = f'"$0" --db "$1" {" ".join(repr(a) for a in argv)} >&-'
    closed = subprocess.run(["sh", "-c", shell, OFFICE_TUI, str(db)], capture_output=True,
                            text=True, timeout=60, env={"OFFICE_TUI_LANG": "en",
                                                        "PATH": "/usr/bin:/bin"})
    assert closed.returncode == 1, closed.stderr
    assert "Traceback" not in closed.stderr
    assert len(closed.stderr.strip().splitlines()) == 1, closed.stderr
    assert contents(db) == before  # refused before anything was done


@pytest.mark.parametrize("argv", [["list", "--json"], ["list"], ["today"], ["stock", "--all"]])
def test_a_reader_that_went_away_is_no_traceback(db, argv):
    for n in range(30):
        ok(db, "add", f"job {n} " + "x" * 100, stderr_ok=True)  # "similar to open job"
    proc = subprocess.Popen([OFFICE_TUI, "--db", str(db), *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={"OFFICE_TUI_LANG": "en",
                                                         "PATH": "/usr/bin:/bin"})
    proc.stdout.close()  # like `| head -0`: the reader is gone before the first write
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err and b"Exception ignored" not in err, err
    assert proc.returncode == 1



def test_a_routine_saved_before_the_range_check_still_lists(db):
    """Such a routine was saved by the bug of item 6; listing it used to fail every time."""
    ok(db, "routine", "add", "Safety round", "--every", "daily", "--from", "2027-01-04")
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE routines SET starts = '9999-12-31'")
    conn.close()
    assert "Safety round" in ok(db, "routine", "list")


# -- huge values: refused in a line a person can read ----------------------------------------
HUGE = "x" * 200_000
DIGITS = "1" * 5000


@pytest.mark.parametrize("argv", [
    ["item", "add", "--code", "PEN", "--name", "pen", "--unit", "box", "--lead-days", DIGITS],
    ["item", "add", "--code", HUGE, "--name", "pen", "--unit", "box"],
    ["quotes", HUGE],
    ["show", DIGITS],
    ["routine", "add", "Safety round", "--every", "monthly:" + DIGITS],
    ["add", HUGE + " due:" + HUGE],
], ids=["lead-days", "item-code", "quotes", "show-id", "monthly", "due"])
def test_a_huge_value_is_refused_in_one_short_line(db, monkeypatch, capsys, argv):
    before = contents(db)
    message = one_line(*main(monkeypatch, capsys, db, *argv))
    assert len(message) < 500, message[:600]
    assert contents(db) == before


# -- `~user` for a user that does not exist (found by tests/cli/test_fuzz_cli.py) ------------
NO_USER = "~no-such-user-9f3"


@pytest.mark.parametrize("argv", [
    ["restore", f"{NO_USER}/office.db"], ["backup", f"{NO_USER}/copy.db"],
    ["restore", "~0"],
], ids=" ".join)
def test_a_home_of_no_user_is_a_path_like_any_other(db, monkeypatch, capsys, tmp_path, argv):
    """Path.expanduser raises RuntimeError for `~nobody`; the shell leaves it as written,
    and so does the app: a folder named `~nobody` that does not exist here."""
    monkeypatch.chdir(tmp_path)
    before = contents(db)
    message = one_line(*main(monkeypatch, capsys, db, *argv))
    assert argv[1].split("/")[0] in message
    assert contents(db) == before


@pytest.mark.parametrize("source", ["/dev/zero", "fifo", "big", "the database"])
def test_import_items_refuses_what_is_not_a_plain_csv_file(db, monkeypatch, capsys, tmp_path,
                                                          source):
    """/dev/zero used to be read until memory ran out, a FIFO blocked for ever, 64 MiB
    were parsed for a minute, and the database itself was opened and closed beside
    SQLite (which drops the process's locks on it)."""
    import os

    if source == "fifo":
        source = str(tmp_path / "items.fifo")
        os.mkfifo(source)
    elif source == "big":
        source = str(tmp_path / "items.csv")
        with open(source, "wb") as f:
            f.write(b"code,name,unit\n")
            f.truncate(64 * 1024 * 1024)  # 64 MiB: far beyond any item list
    elif source == "the database":
        source = str(db)
    before = contents(db)
    message = one_line(*main(monkeypatch, capsys, db, "import-items", source))
    assert source in message
    assert contents(db) == before
