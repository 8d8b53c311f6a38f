"""`undo` and `redo` from the command line: add then undo leaves no trace in `list`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from office_tui.cli import app

runner = CliRunner()


def run(db, *args):
    return runner.invoke(app, ["--db", str(db), *args])


def test_add_then_undo_leaves_no_trace_and_redo_brings_it_back(tmp_path):
    db = tmp_path / "office.db"
    assert run(db, "add", "修 三楼会议室 灯管 !high #报修").exit_code == 0
    undone = run(db, "undo")
    assert undone.exit_code == 0
    assert "Undone: add of job #1" in undone.stdout
    assert json.loads(run(db, "list", "--all", "--json").stdout) == []
    redone = run(db, "redo")
    assert redone.exit_code == 0 and "Redone: add of job #1" in redone.stdout
    [job] = json.loads(run(db, "list", "--json").stdout)
    assert job["title"] == "修 三楼会议室 灯管"


def test_nothing_to_undo_or_redo_is_a_clear_refusal(tmp_path):
    db = tmp_path / "office.db"
    for verb, message in (("undo", "Nothing to undo"), ("redo", "Nothing to redo")):
        result = run(db, verb)
        assert result.exit_code == 1 and message in result.stderr
