"""The `office-tui` command: the app, `list` and `add`, without building the CLI.

Building the Typer CLI imports Typer, Rich and the commands (~45 ms). The clerk opens
the app far more often than they type a command, and `list` is the command typed most,
so `office-tui [--db F] [--lang L]` goes straight to the app,
`office-tui [--db F] [--lang L] list [--all] [--inbox] [--json] [--limit N] [--search S]`
straight to the list (office_tui/job_table.py) and `add TEXT [--requester R] [--json]`
(the one write typed all day) straight to the service; anything else, help and mistakes
included, to office_tui/cli.py. office_tui/arguments.py reads argv for all of them.
"""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

from office_tui import arguments, startup


def main(mode: str | None = None) -> None:
    startup.starting()
    argv = sys.argv[1:]
    if arguments.root(argv).rest == ["--version"]:  # before any language, Typer or Rich
        from office_tui.paths import package_version

        sys.stdout.write(f"office-tui {package_version()}\n")
        sys.exit(0)
    from office_tui import i18n

    # Before any help text or key label is built: they are made at import time.
    i18n.set_language(arguments.language(argv))
    problem = arguments.utf8_problem(argv)
    if problem:
        fail(problem)
    # A shell asking for completions (`--install-completion`) runs the command with no
    # arguments: that goes to Typer, never to the app.
    completing = "_OFFICE_TUI_COMPLETE" in os.environ
    app = None if completing else arguments.tui_options(argv)
    if app is not None:
        run_app(app, mode)
    from office_tui import output

    try:
        with output.guarded():
            listing = None if completing else arguments.list_options(argv)
            if listing is not None:
                run_fast(run_list, *listing, create=False)
            adding = None if completing else arguments.add_options(argv)
            if adding is not None:
                run_fast(run_add, *adding, create=True)
            from office_tui.cli import main as cli_main

            cli_main(argv)
    except output.OutputError as exc:
        output.finish(exc)


def _open(root: dict[str, str], *, create: bool = True):
    from office_tui import i18n
    from office_tui.launch import open_services
    from office_tui.services import OfficeError

    lang = root.get("--lang")
    if lang and i18n.normalise_language(lang) not in i18n.LANGUAGES:
        fail(i18n._("Unknown language '{lang}': use en or zh.").format(lang=lang))
    try:
        return open_services(arguments.database(root.get("--db")), create=create)
    except OfficeError as exc:
        fail(str(exc))


def run_app(root: dict[str, str], mode: str | None) -> NoReturn:
    svc = _open(root)
    try:
        from office_tui.launch import run_tui

        run_tui(svc, mode=mode)
    finally:
        svc.close()
    sys.exit(0)


def run_fast(run, root: dict[str, str], options: dict[str, Any], *,
             create: bool) -> NoReturn:
    """`run(services, options)` for a command taken without Typer: only a command that
    writes (`create`) makes a database."""
    svc = _open(root, create=create)
    svc.set_source("cli")  # as the CLI's services() does: an event says who wrote
    startup.settle()
    try:
        run(svc, options)
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


def run_add(svc, options: dict[str, Any]) -> None:
    """What the CLI's `add` does (office_tui/cli.py): the new id (or the job as JSON) on
    stdout, up to three similar open jobs on stderr."""
    import sqlite3

    from office_tui.core.text import json_text, printable
    from office_tui.i18n import _
    from office_tui.services import OfficeError

    try:
        job = svc.jobs.add(options["text"], requester=options.get("requester"))
        similar = svc.follow.similar(job.title, job.department, exclude=job.id)[:3]
    except OfficeError as exc:
        fail(str(exc))
    except sqlite3.Error as exc:
        from office_tui.store.connection import translate

        fail(str(translate(exc, svc.db_path)))
    if similar:
        from office_tui.job_table import wants_color

        yellow = wants_color(sys.stderr)
        for found in similar:
            line = _("similar to open job #{id}: {title} (merge {id} {new} keeps #{id})").format(
                id=found.job.id, title=printable(found.job.title), new=job.id)
            sys.stderr.write(f"\x1b[33m{line}\x1b[0m\n" if yellow else line + "\n")
    sys.stdout.write(json_text(job.to_json()) + "\n" if options.get("json") else f"{job.id}\n")
    from office_tui.launch import damage_warning, warn

    found = damage_warning(svc.db_path)
    if found:
        warn(found)


def fail(message: str) -> NoReturn:
    from office_tui.launch import warn

    warn(message)
    sys.exit(1)
