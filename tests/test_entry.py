"""The command's entry point: the app opens without building the Typer CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from office_tui import startup
from office_tui.arguments import tui_options
from office_tui.services import Services


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
from office_tui import entry
import office_tui.tui.app
def run_app(svc, mode=None, after_first_frame=None):
    import gc
    print(svc.db_path.name, 'typer' in sys.modules, 'office_tui.cli' in sys.modules,
          gc.isenabled(), sys.getswitchinterval())
office_tui.tui.app.run_app = run_app
sys.argv = ['office-tui', '--db', sys.argv[1]]
entry.main()
"""


def test_opening_the_app_skips_typer_and_the_commands(tmp_path):
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "office.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    # No collections while starting (the first screen turns them on), short GIL slices.
    assert result.stdout.split() == ["office.db", "False", "False", "False",
                                     str(startup.SWITCH_INTERVAL)]
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


def test_the_app_through_typer_starts_as_the_fast_path_does(tmp_path):
    """`office-tui --db a --db b` (the last wins) opens the app through Typer: the same
    settings as the fast path, from the same place."""
    probe = PROBE.replace("sys.argv = ['office-tui', '--db', sys.argv[1]]\nentry.main()",
                          "from office_tui import cli\n"
                          "cli.main(['--db', 'other.db', '--db', sys.argv[1]])")
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "office.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["office.db", "True", "True", "False",
                                     str(startup.SWITCH_INTERVAL)]


COMMAND_PROBE = """
import gc, sys
from office_tui import entry, job_table
real = job_table.list_output
def list_output(*args, **kwargs):
    print(gc.isenabled(), gc.get_freeze_count() > 0, 'typer' in sys.modules, file=sys.stderr)
    return real(*args, **kwargs)
job_table.list_output = list_output
sys.argv = ['office-tui', '--db', *sys.argv[1:]]
entry.main()
"""


@pytest.mark.parametrize("argv, typer", [(["list"], "False"), (["list", "--all", "--all"],
                                                                 "True")])
def test_both_ways_to_a_command_run_it_with_the_start_up_objects_frozen(tmp_path, argv,
                                                                       typer):
    """The fast `list` and any command through Typer: collections on, start-up frozen."""
    Services(tmp_path / "o.db").open().close()  # `list` only reads: the file must be there
    result = subprocess.run([sys.executable, "-c", COMMAND_PROBE, str(tmp_path / "o.db"),
                             *argv], capture_output=True, text=True, timeout=60)
    assert result.stderr.split()[:3] == ["True", "True", typer], result.stderr


def test_importing_the_cli_changes_nothing():
    """No language set, no Typer patched, no command module loaded by the import alone."""
    code = ("import sys, typer.core; from office_tui import i18n\n"
            "before = typer.core._\n"
            "import office_tui.cli\n"
            "print(i18n.current_language(), typer.core._ is before, sorted(\n"
            "      m for m in sys.modules if m.startswith('office_tui.commands.')))\n")
    result = subprocess.run([sys.executable, "-c", code, "--lang", "zh", "stock"],
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "LANG": "zh_CN.UTF-8"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["en", "True", "[]"]


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
