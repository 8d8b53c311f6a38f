"""The command's entry point: the app opens without building the Typer CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from office_tui import entry
from office_tui.entry import tui_options


@pytest.mark.parametrize("argv, expected", [
    ([], {}),
    (["--db", "a.db"], {"--db": "a.db"}),
    (["--db=a.db", "--lang", "zh"], {"--db": "a.db", "--lang": "zh"}),
    (["--lang=en"], {"--lang": "en"}),
])
def test_the_app_alone_is_recognised(argv, expected):
    assert tui_options(argv) == expected


@pytest.mark.parametrize("argv", [
    ["list"], ["--db", "a.db", "list"], ["--help"], ["--db"], ["--db", "--lang", "zh"],
    ["--db", "a", "--db", "b"], ["--lang="], ["--verbose"], ["--db", "a.db", "--help"],
])
def test_anything_else_goes_to_the_cli(argv):
    assert tui_options(argv) is None


PROBE = """
import sys
from office_tui import entry, launch
def run_tui(svc, mode=None):
    import gc
    print(svc.db_path.name, 'typer' in sys.modules, 'office_tui.cli' in sys.modules,
          gc.isenabled(), sys.getswitchinterval())
launch.run_tui = run_tui
sys.argv = ['office-tui', '--db', sys.argv[1]]
entry.main()
"""


def test_opening_the_app_skips_typer_and_the_commands(tmp_path):
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "office.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    # No collections while starting (the first screen turns them on), short GIL slices.
    assert result.stdout.split() == ["office.db", "False", "False", "False",
                                     str(entry.SWITCH_INTERVAL)]
    assert (tmp_path / "office.db").exists()  # the database was opened for the app


def test_a_bad_language_is_one_line_and_exit_1(tmp_path):
    probe = PROBE.replace("'--db', sys.argv[1]]", "'--db', sys.argv[1], '--lang', 'xx']")
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "office.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == "Unknown language 'xx': use en or zh."
    assert not (tmp_path / "office.db").exists()  # nothing written


def test_a_command_runs_with_garbage_collection_on(tmp_path):
    probe = ("import gc, sys; from office_tui import cli, entry\n"
             "cli.app.registered_commands.clear()\n"
             "@cli.app.command()\n"
             "def probe():\n"
             "    print(gc.isenabled())\n"
             "sys.argv = ['office-tui', '--db', sys.argv[1], 'probe']\n"
             "entry.main()\n")
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "o.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "True", result.stderr


def test_the_first_screen_turns_collection_back_on():
    import gc

    from office_tui.tui.screens.base import freeze_startup_objects

    gc.disable()
    try:
        freeze_startup_objects()
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
