"""The CLI against arbitrary argument lists: never a traceback, never a damaged file.

Each example is a command of the real CLI (found by walking the Typer app, so a new
command is fuzzed the day it is added) with a random choice of its real options, each
given a hostile or a realistic value: dates at and past the ends of the calendar,
numbers past SQLite's integers, control and bidi characters, arguments that were not
UTF-8, huge and empty strings, and the ids, codes and plates the demo data holds. It
runs in-process through Typer on a fresh copy of a demo database and must:

- exit 0, 1 (a refusal) or 2 (a usage error), with no exception and no traceback;
- show no raw control or bidi character in human-readable output (JSON escapes them);
- leave a database that passes `PRAGMA integrity_check`.

FUZZ_EXAMPLES=N runs more examples (default: a bounded run of well under a minute).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from office_tui import cli, i18n
from office_tui.services import Services
from office_tui.commands import serve as serve_command

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "400"))
runner = CliRunner()

# What a terminal must never receive raw from a human-readable output: C0 controls but
# newline and tab, DEL and C1 (U+009B is a CSI), line/paragraph separators, bidi
# controls, lone surrogates. Written out here, not taken from the code under test.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f"
                    "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

HOSTILE = [
    # dates and times at and past the ends of what can be computed
    "9999-12-31", "0001-01-01", "1969-12-31", "1970-01-01", "2200-12-31", "2201-01-01",
    "9999-12-31 22:00", "0001-01-01 00:00", "2026-02-30", "2026-13-01", "24:00", "23:59",
    "99:99", "+99999d", "+99999w", "+99999h", "-99999d", "due:9999-12-31", "due:0001-01-01",
    "x due:+99999d", "明天@25:99", "-2d@17:00", "+9999d", "monthly:99999999999999999999",
    "weekly:", "after:0d", "9999d",
    # numbers
    "0", "-1", "1", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
    "1e309", "-1e309", "nan", "inf", "-0", "0.0001", "1" * 5000, "１２", "٣", "²", "1_000",
    "0x10", "3.14159265358979323846264338327950288",
    # control, bidi, encoding
    "\x1b[31mred\x1b[0m", "\x9b31m", "\x07bell", "a\rb", "tab\there", "line\nbreak",
    "\u202eevil.txt", "\u2066isolate\u2069", "\u200f", "x\udcffy", "\udc80",
    "\u2028", "\x7f", "\ufeffbom",
    # sizes and shapes
    "", " ", "-", "--", "x" * 100_000, "长" * 20_000, "[bold]x[/]", "{0}", "{name}", "%s",
    "../../etc/passwd", "/", ".", "NUL", "con", "/dev/zero", "/dev/full", "~0", "~nobody/x.db", "'; DROP TABLE jobs; --", "#302", "@", "!!",
]
REALISTIC = [
    "1", "2", "17", "52", "A4", "A3", "TONER-HP", "京A·C1234", "京A·D5678", "大型会议", "来宾接待",
    "王师傅", "财务科", "总务科", "daily", "weekdays", "weekly:mon,thu", "monthly:last", "3d",
    "high", "normal", "low", "repair", "supply", "vehicle", "print", "today", "tomorrow",
    "2026-11-30", "2026-11-30 09:00", "2026-11-30 11:00", "09:00", "17:30", "ream", "box",
    "pc", "City Hall", "市政府", "zh", "en", "csv", "md", "month", "quarter", "workday",
    "holiday", "all", "latest", "active", "maintenance", "retired", "10", "2.5",
    "修 三楼会议室 灯管 !high due:today @总务科 #报修",
]
# Long-running by design, not broken: `demo --force --jobs N` generates N jobs.
SKIP = {("demo", "--force")}


class NoServer:
    """`serve` with good arguments would serve until stopped: its checks and its start-up
    run, then the server returns at once (tests/e2e/test_browser_serve.py runs a real one)."""

    def __init__(self, *_args) -> None:
        pass

    def serve(self) -> None:
        pass


@dataclass(frozen=True)
class Command:
    path: tuple[str, ...]
    arguments: tuple[Any, ...]  # click.Argument
    options: tuple[Any, ...]  # click.Option


def commands() -> list[Command]:
    """Every leaf command of the CLI, with its arguments and options."""
    cli.prepare()
    found: list[Command] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in sorted(subcommands.items()):
                walk(sub, (*path, name))
            return
        params = [p for p in command.params if p.name != "help"]
        # (Typer vendors its own click: the kinds are told by name, not by class)
        found.append(Command(path, tuple(p for p in params if p.param_type_name == "argument"),
                             tuple(p for p in params if p.param_type_name == "option")))

    walk(typer.main.get_command(cli.app), ())
    return found


COMMANDS = commands()
NUMBERS = ["0", "-1", "1", "2", "3", "17", "52", "60", "61", "9223372036854775807",
           "9223372036854775808", "-9223372036854775808", "1" * 5000, "99999", "1e309",
           "nan", "-0", "2.5", "٣"]
value = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(REALISTIC),
                  st.text(st.characters(blacklist_categories=("Cs",),
                                        blacklist_characters="\x00"), max_size=12))
number = st.one_of(st.sampled_from(NUMBERS), st.sampled_from(NUMBERS), value)


def value_for(param: Any) -> st.SearchStrategy[str]:
    """Numbers mostly for a number (else nearly all die as usage errors), anything for
    the rest."""
    return number if param.type.name in ("integer", "float") else value


@st.composite
def invocations(draw) -> list[str]:
    command = draw(st.sampled_from(COMMANDS))
    args = list(command.path)
    for argument in command.arguments:
        if draw(st.integers(0, 19)) != 19:  # now and then one is left out
            args.append(draw(value_for(argument)))
    # The required options nearly always (or most examples stop at "Missing option").
    required = [o for o in command.options if o.required and draw(st.integers(0, 19)) != 19]
    optional = [o for o in command.options if not o.required]
    options = required + (draw(st.lists(st.sampled_from(optional), unique=True, max_size=6))
                          if optional else [])
    for option in options:
        names = [*option.opts, *option.secondary_opts]
        name = draw(st.sampled_from(names))
        if (command.path[0], name) in SKIP:
            continue
        if option.is_flag:
            args.append(name)
        elif draw(st.booleans()) and name.startswith("--"):
            args.append(f"{name}={draw(value_for(option))}")
        else:
            args += [name, draw(value_for(option))]
    if draw(st.integers(0, 19)) == 19:  # and now and then the order is shuffled
        args = draw(st.permutations(args))
    if draw(st.integers(0, 19)) == 19:
        args = [draw(st.sampled_from(["--lang", "--lang=zh", "--lang=x\udcffy"])), *args]
        if args[0] == "--lang":
            args.insert(1, draw(st.sampled_from(["zh", "en", "fr", "", "\u202e"])))
    if not args or args[0].startswith("-") and not command.path:
        args.insert(0, "list")  # never the bare root: that opens the app
    return args


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """The demo database, made once; each example gets a fresh copy."""
    from tests.conftest import FakeClock

    path = tmp_path_factory.mktemp("fuzz") / "template.db"
    svc = Services(path, clock=FakeClock()).open()
    try:
        svc.load_demo()
    finally:
        svc.close()
    return path


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(args=invocations())
def test_no_argument_list_breaks_the_cli(template, tmp_path_factory, cli_on_clock,
                                         monkeypatch, args):
    work = tmp_path_factory.mktemp("example")
    monkeypatch.chdir(work)  # paths given as values land here, never in the repository
    monkeypatch.setattr(serve_command, "make_server", NoServer)
    db = work / "office.db"
    shutil.copyfile(template, db)  # no connection to it is open in this process yet

    try:
        result = runner.invoke(cli.app, ["--db", str(db), *args])
    finally:
        cli.close_services()  # before the file is read again
        i18n.set_language("en")  # `--lang zh` stays set in this process (a real run ends)

    shown = f"{args!r}\nexit {result.exit_code}\nstdout {result.stdout[:2000]!r}\n" \
            f"stderr {result.stderr[:2000]!r}"
    assert result.exit_code in (0, 1, 2), shown
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        shown, result.exception)
    assert "Traceback" not in result.stdout + result.stderr, shown
    if "--json" in args and result.exit_code == 0 and result.stdout.lstrip()[:1] in "[{":
        json.loads(result.stdout)  # still JSON, with every unsafe character escaped
    assert not UNSAFE.search(result.stdout.replace("\n", "").replace("\t", "")), shown
    assert not UNSAFE.search(result.stderr.replace("\n", "").replace("\t", "")), shown
    assert integrity(db) == "ok", shown


def test_the_fuzzer_knows_every_command():
    """It fuzzes what the CLI has: the commands of every area, found, not listed."""
    paths = {" ".join(c.path) for c in COMMANDS}
    assert {"add", "list", "report", "book", "kit event", "routine add", "item add",
            "import-items", "calendar set", "quote add", "restore"} <= paths
    assert len(paths) >= 60
