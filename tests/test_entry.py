"""The command's entry point: the app opens without building the Typer CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest

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
    print(svc.db_path.name, 'typer' in sys.modules, 'office_tui.cli' in sys.modules)
launch.run_tui = run_tui
sys.argv = ['office-tui', '--db', sys.argv[1]]
entry.main()
"""


def test_opening_the_app_skips_typer_and_the_commands(tmp_path):
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "office.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["office.db", "False", "False"]
    assert (tmp_path / "office.db").exists()  # the database was opened for the app


def test_a_bad_language_is_one_line_and_exit_1(tmp_path):
    probe = PROBE.replace("'--db', sys.argv[1]]", "'--db', sys.argv[1], '--lang', 'xx']")
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "office.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == "Unknown language 'xx': use en or zh."
    assert not (tmp_path / "office.db").exists()  # nothing written
