"""Each command loads only its own module: MODULES must name every command's module."""

from __future__ import annotations

import subprocess
import sys

import pytest

from office_tui import cli, commands
from office_tui.arguments import command_name
from office_tui.commands import MODULES


def registered() -> dict[str, str]:
    """Every top-level command and group on the CLI, with the module that registers it."""
    for module in commands.all_modules():  # (tests import them all anyway)
        __import__(f"office_tui.commands.{module}")
    found = {}
    for command in cli.app.registered_commands:
        name = command.name or command.callback.__name__.lower().replace("_", "-")
        found[name] = command.callback.__module__
    for group in cli.app.registered_groups:
        first = group.typer_instance.registered_commands[0].callback
        found[group.name] = first.__module__
    return found


def test_every_command_outside_cli_py_is_in_modules():
    expected = {name: module.rsplit(".", 1)[1] for name, module in registered().items()
                if module != "office_tui.cli"}
    assert MODULES == expected


@pytest.mark.parametrize("argv, name", [
    (["list"], "list"), (["--db", "x.db", "stock", "--all"], "stock"),
    (["--db=x.db", "--lang", "zh", "vehicle", "list"], "vehicle"),
    (["--help"], None), ([], None), (["--db", "x.db"], None), (["--db", "x", "-h"], None),
])
def test_the_command_is_found_past_the_root_options(argv, name):
    assert command_name(argv) == name


PROBE = """
import sys
argv = ['--db', sys.argv[1], *sys.argv[2:]]
from office_tui import cli
cli.prepare(argv)  # what main(argv) does before Typer runs
print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('office_tui.commands.')))
"""


@pytest.mark.parametrize("argv, loaded", [
    (["list"], []),
    (["stock"], ["inventory"]),
    (["vehicle", "list"], ["vehicles"]),
    (["--help"], sorted(set(MODULES.values()))),
])
def test_starting_a_command_imports_only_its_module(tmp_path, argv, loaded):
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "o.db"), *argv],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr(loaded)
