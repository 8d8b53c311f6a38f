"""The `office-tui` command: the app, and `list`, without building the CLI.

Building the Typer CLI imports Typer, Rich and the commands (~45 ms). The clerk opens
the app far more often than they type a command, and `list` is the command typed most,
so `office-tui [--db F] [--lang L]` goes straight to the app and
`office-tui [--db F] [--lang L] list [--all] [--inbox] [--json] [--limit N] [--search S]`
straight to the list (office_tui/job_table.py); anything else, help and mistakes
included, to office_tui/cli.py.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT_OPTIONS = ("--db", "--lang")
LIST_FLAGS = {"--all": "include_closed", "--inbox": "inbox", "--json": "as_json"}
LIST_VALUES = {"--limit": "limit", "--search": "search"}
SWITCH_INTERVAL = 0.0005  # seconds


def _options(args: list[str], flags: dict[str, str], values: dict[str, str],
             stop: str | None = None) -> dict[str, Any] | None:
    """Options from the front of `args` (consumed up to `stop`), or None for anything
    the fast paths leave to the CLI: another word, a repeat, a missing value."""
    found: dict[str, Any] = {}
    while args and args[0] != stop:
        name, eq, value = args.pop(0).partition("=")
        key = flags.get(name) or values.get(name)
        if key is None or key in found:
            return None
        if name in flags:
            if eq:
                return None
            found[key] = True
            continue
        if not eq:
            if not args or args[0].startswith("-"):
                return None  # the CLI says the value is missing
            value = args.pop(0)
        if not value:
            return None
        found[key] = value
    return found


def tui_options(argv: Sequence[str]) -> dict[str, str] | None:
    """The root options when `argv` asks for the app and nothing else, else None."""
    return _options(list(argv), {}, {o: o for o in ROOT_OPTIONS})


def list_options(argv: Sequence[str]) -> tuple[dict[str, str], dict[str, Any]] | None:
    """(root options, list options) when `argv` is a plain `list`, else None."""
    args = list(argv)
    root = _options(args, {}, {o: o for o in ROOT_OPTIONS}, stop="list")
    if root is None or not args:
        return None
    args.pop(0)
    found = _options(args, LIST_FLAGS, LIST_VALUES)
    if found is None:
        return None
    if "limit" in found:
        try:
            found["limit"] = int(found["limit"])
        except ValueError:
            return None  # the CLI says what a limit must be
    return root, found


def main(mode: str | None = None) -> None:
    # No garbage collection while starting: the ~100k objects made by the imports are
    # kept for the life of the process, and the collector would walk them again and again
    # (tens of ms on this machine). The CLI turns it back on before running its command;
    # the app freezes what start-up made and turns it on once its first screen is drawn
    # (office_tui/tui/screens/base.py).
    gc.disable()
    argv = sys.argv[1:]
    app = tui_options(argv)
    listing = list_options(argv) if app is None else None
    if app is None and listing is None:
        from office_tui.cli import main as cli_main

        cli_main()
        return
    root = app if app is not None else listing[0]
    from office_tui import i18n
    from office_tui.startup import startup_language

    i18n.set_language(startup_language(argv))
    lang = root.get("--lang")
    if lang and i18n.normalise_language(lang) not in i18n.LANGUAGES:
        fail(i18n._("Unknown language '{lang}': use en or zh.").format(lang=lang))
    from office_tui.launch import open_services
    from office_tui.services import OfficeError

    db = root.get("--db")
    try:
        svc = open_services(Path(db) if db else None)
    except OfficeError as exc:
        fail(str(exc))
    try:
        if listing is not None:
            run_list(svc, listing[1])
        else:
            # The app's workers make many short SQLite calls, each of which gives up the
            # GIL and then waits for it: while the UI thread is busy (the first frame),
            # every wait lasted up to Python's default switch interval of 5 ms.
            sys.setswitchinterval(SWITCH_INTERVAL)
            from office_tui.launch import run_tui

            run_tui(svc, mode=mode)
    finally:
        svc.close()
    sys.exit(0)


def run_list(svc, options: dict[str, Any]) -> None:
    import sqlite3

    from office_tui import job_table
    from office_tui.services import OfficeError

    try:
        text = job_table.list_output(svc, color=job_table.wants_color(sys.stdout), **options)
    except OfficeError as exc:
        fail(str(exc))
    except sqlite3.Error as exc:  # as the CLI says it (office_tui/cli.py _run)
        from office_tui.store.connection import translate

        fail(str(translate(exc, svc.db_path)))
    sys.stdout.write(text)
    from office_tui.launch import damage_warning, warn

    found = damage_warning(svc.db_path)
    if found:
        warn(found)


def fail(message: str) -> None:
    from office_tui.launch import warn

    warn(message)
    sys.exit(1)
