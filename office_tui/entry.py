"""The `office-tui` command: with no command it opens the app without building the CLI.

Building the Typer CLI imports Typer and every command's module (~40 ms); the clerk
opens the app far more often than they type a command, so `office-tui [--db F] [--lang L]`
goes straight to the app and anything else to office_tui/cli.py.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT_OPTIONS = ("--db", "--lang")
SWITCH_INTERVAL = 0.0005  # seconds


def tui_options(argv: Sequence[str]) -> dict[str, str] | None:
    """The root options when `argv` asks for the app and nothing else, else None."""
    found: dict[str, str] = {}
    args = list(argv)
    while args:
        token = args.pop(0)
        name, eq, value = token.partition("=")
        if name not in ROOT_OPTIONS or name in found:
            return None  # a command, --help, a typo: the CLI answers it
        if not eq:
            if not args or args[0].startswith("-"):
                return None  # the CLI says the value is missing
            value = args.pop(0)
        if not value:
            return None
        found[name] = value
    return found


def main(mode: str | None = None) -> None:
    # No garbage collection while starting: the ~100k objects made by the imports are
    # kept for the life of the process, and the collector would walk them again and again
    # (tens of ms on this machine). The CLI turns it back on before running its command;
    # the app freezes what start-up made and turns it on once its first screen is drawn
    # (office_tui/tui/screens/base.py).
    gc.disable()
    options = tui_options(sys.argv[1:])
    if options is None:
        from office_tui.cli import main as cli_main

        cli_main()
        return
    # The app's workers make many short SQLite calls, each of which gives up the GIL and
    # then waits for it: while the UI thread is busy (the first frame), every wait lasted up
    # to Python's default switch interval of 5 ms, dozens of them per load.
    sys.setswitchinterval(SWITCH_INTERVAL)
    from office_tui import i18n
    from office_tui.startup import startup_language

    i18n.set_language(startup_language(sys.argv[1:]))
    lang = options.get("--lang")
    if lang and i18n.normalise_language(lang) not in i18n.LANGUAGES:
        fail(i18n._("Unknown language '{lang}': use en or zh.").format(lang=lang))
    from office_tui.launch import open_services, run_tui
    from office_tui.services import OfficeError

    db = options.get("--db")
    try:
        svc = open_services(Path(db) if db else None)
    except OfficeError as exc:
        fail(str(exc))
    try:
        run_tui(svc, mode=mode)
    finally:
        svc.close()
    sys.exit(0)


def fail(message: str) -> None:
    from office_tui.launch import warn

    warn(message)
    sys.exit(1)
