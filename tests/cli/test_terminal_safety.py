"""Control and bidi characters in user text never reach the terminal raw (issue 13, item 9).

A title holding U+202E (right-to-left override) makes a terminal show the rest of the
line reversed; U+009B is a one-byte CSI. Every human-readable output shows them as
visible `\\u202e` / `\\x9b` escapes, `--json` as JSON `\\u202e` escapes, and the stored
text stays exactly what was typed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from office_tui import entry
from office_tui.core.text import json_text, printable
from office_tui.services import Services
from tests.cli.helpers import ok, run
from tests.conftest import FakeClock

# Each bidi control the issue names, the C1 CSI, and an ESC sequence.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
NASTY = f"txt{BIDI}\x9b31m\x1b[2Jexe"
RAW = re.compile("[\u202a-\u202e\u2066-\u2069\x80-\x9f\x1b]")
VISIBLE = re.compile(r"\\u202[a-e]|\\u206[6-9]|\\x9b|\\x1b")


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    path = tmp_path / "office.db"
    svc = Services(path, clock=FakeClock()).open()
    try:
        svc.jobs.create(NASTY, department=f"dept{BIDI}", requester=f"who{BIDI}",
                        category="supply")
        svc.jobs.add(f"today {NASTY} due:today")
    finally:
        svc.close()
    ok(path, "item", "add", "--code", "PEN", "--name", NASTY, "--unit", "box",
       "--supplier", NASTY)
    ok(path, "quote", "add", "PEN", "--supplier", NASTY, "--price", "2")
    ok(path, "vehicle", "add", "--plate", "京A·1", "--name", NASTY, "--seats", "4")
    ok(path, "kit", "new", NASTY)
    ok(path, "routine", "add", NASTY, "--every", "daily")
    return path


def main(monkeypatch, capsys, db: Path, *argv: str) -> tuple[int, str, str]:
    """The console script in-process, as a person runs it."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["office-tui", "--db", str(db), *argv])
    with pytest.raises(SystemExit) as exit_info:
        entry.main()
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err


def shown_safely(text: str) -> None:
    assert not RAW.search(text), [c for c in RAW.findall(text)]
    assert VISIBLE.search(re.sub(r"\s+", "", text)), text  # (Rich may wrap a cell)


@pytest.mark.parametrize("argv", [
    ["list"],  # the fast path (office_tui/entry.py, job_table)
    ["list", "--all", "--all"],  # the same command through Typer
    ["show", "1"], ["today"], ["stock"], ["item", "list"], ["item", "show", "PEN"],
    ["vehicle", "list"], ["kit", "list"], ["routine", "list"], ["quotes", "PEN"],
    ["add", f"more {NASTY}"], ["start", "1"],
], ids=" ".join)
def test_human_output_escapes_control_and_bidi(db, monkeypatch, capsys, argv):
    code, out, err = main(monkeypatch, capsys, db, *argv)
    assert code in (0, 1), err
    if argv[0] == "add":  # prints only the new id; the title is shown by `show`
        code, out, err = main(monkeypatch, capsys, db, "show", out.strip())
    shown_safely(out)


@pytest.mark.parametrize("argv", [
    ["item", "show", NASTY], ["kit", "show", NASTY + "x"], ["add", f"x #{BIDI}"],
    ["triage", "1", "--due", f"{BIDI}tomorrow"], ["vehicle", "status", NASTY, "active"],
], ids=lambda a: a[0] + " " + a[1][:5].encode("unicode_escape").decode())
def test_error_messages_escape_control_and_bidi(db, monkeypatch, capsys, argv):
    code, out, err = main(monkeypatch, capsys, db, *argv)
    assert code == 1 and out == ""
    shown_safely(err)
    result = run(db, *argv)  # and through Typer's own runner
    assert result.exit_code == 1
    shown_safely(result.stderr)


@pytest.mark.parametrize("argv, pick", [
    (["list", "--json"], lambda d: d[-1]["title"]),
    (["list", "--all", "--all", "--json"], lambda d: d[-1]["title"]),
    (["show", "1", "--json"], lambda d: d["title"]),
    (["today", "--json"], None),
    (["item", "list", "--json"], lambda d: d[0]["name"]),
    (["stock", "--json"], lambda d: d[0]["name"]),
    (["vehicle", "list", "--json"], lambda d: d[0]["name"]),
    (["kit", "list", "--json"], lambda d: d[0]["name"]),
    (["routine", "list", "--json"], lambda d: d[0]["title"]),
], ids=lambda a: " ".join(a) if isinstance(a, list) else "")
def test_json_escapes_them_and_keeps_the_text_exact(db, monkeypatch, capsys, argv, pick):
    code, out, err = main(monkeypatch, capsys, db, *argv)
    assert code == 0, err
    assert not RAW.search(out), [c for c in RAW.findall(out)]
    assert "\\u202e" in out and "\\u009b" in out
    data = json.loads(out)
    if pick is not None:
        assert pick(data).endswith(NASTY)  # exactly what was stored


def test_stored_text_is_exact(db):
    svc = Services(db, clock=FakeClock()).open()
    try:
        assert svc.jobs.get(1).title == NASTY
        assert svc.jobs.get(1).department == f"dept{BIDI}"
    finally:
        svc.close()


def test_the_escapes_read_as_what_they_stand_for():
    assert printable("a\u202eb\x9bc\u2069") == "a\\u202eb\\x9bc\\u2069"
    assert printable("\ud8ff") == "\\ud8ff"  # a lone surrogate (an argument not UTF-8)
    assert json.loads(json_text({"t": NASTY})) == {"t": NASTY}
    assert json_text("\u202e\x9b\x7f") == '"\\u202e\\u009b\\u007f"'


def test_a_path_with_controls_is_shown_escaped(db, tmp_path, monkeypatch, capsys):
    """Found by tests/cli/test_fuzz_cli.py: `backup` printed the path it was given raw.
    Whatever a command prints through the CLI's console is made safe after layout."""
    target = tmp_path / f"copy{BIDI}\x1f.db"
    code, out, err = main(monkeypatch, capsys, db, "backup", str(target))
    assert code == 0, err
    shown_safely(out)
    assert "\\x1f" in out and target.exists()
