"""The command line as the start-up reads it, before (or instead of) Typer.

One reading of argv for every start path: the root options (`--db`, `--lang`) and the
command they precede, the database path and the interface language they choose, the
fast paths' own options (the app alone; a plain `list`), and the arguments that are not
valid UTF-8. Typer parses the same argv again for everything else; nothing here
decides a refusal Typer would make differently: whatever is not plainly one of the
fast paths is left to it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT_OPTIONS = ("--db", "--lang")
LIST_FLAGS = {"--all": "include_closed", "--inbox": "inbox", "--json": "as_json"}
LIST_VALUES = {"--limit": "limit", "--search": "search"}
# SQLite integers are signed 64-bit: larger ids and limits cannot exist in the database.
MAX_SQLITE_INT = 2**63 - 1


@dataclass
class Root:
    """argv split at the command: the root options before it and the words from it on."""

    options: dict[str, str] = field(default_factory=dict)
    rest: list[str] = field(default_factory=list)
    # False when the root options are not plainly given: a repeat, a missing value, an
    # unknown option before the command (Typer says what is wrong).
    plain: bool = True

    @property
    def command(self) -> str | None:
        """The command's name; None for no command or an option (`--help`) in its place."""
        if not self.rest or self.rest[0].startswith("-"):
            return None
        return self.rest[0]

    @property
    def opens_app(self) -> bool:
        """Nothing after the root options: the terminal interface."""
        return not self.rest


def root(argv: Sequence[str]) -> Root:
    found = Root()
    args = list(argv)
    while args:
        name, eq, value = args[0].partition("=")
        if name not in ROOT_OPTIONS:
            break
        args.pop(0)
        if not eq:
            if not args:
                found.plain = False  # `--db` last: Typer says the value is missing
                break
            value = args.pop(0)
            if value.startswith("-"):
                found.plain = False
        if name in found.options or not value:
            found.plain = False
        found.options.setdefault(name, value)
    found.rest = args
    return found


def root_option(argv: Sequence[str], name: str) -> str | None:
    """The value of a root option (`--lang zh`, `--lang=zh`) given before the command."""
    return root(argv).options.get(name)


def command_name(argv: Sequence[str]) -> str | None:
    """The command `argv` runs, past the root options; None if it asks for help."""
    return root(argv).command


def tui_options(argv: Sequence[str]) -> dict[str, str] | None:
    """The root options when `argv` asks for the app and nothing else, else None."""
    found = root(argv)
    return found.options if found.plain and found.opens_app else None


def plain_command(argv: Sequence[str], name: str) -> Root | None:
    """The parsed root when `argv` runs command `name` with plain root options."""
    found = root(argv)
    return found if found.plain and found.command == name else None


def list_options(argv: Sequence[str]) -> tuple[dict[str, str], dict[str, Any]] | None:
    """(root options, list options) when `argv` is a plain `list`, else None: another
    word, a repeat, a missing or malformed value are left to the CLI, which says why."""
    found = plain_command(argv, "list")
    if found is None:
        return None
    options: dict[str, Any] = {}
    args = found.rest[1:]
    while args:
        name, eq, value = args.pop(0).partition("=")
        key = LIST_FLAGS.get(name) or LIST_VALUES.get(name)
        if key is None or key in options:
            return None
        if name in LIST_FLAGS:
            if eq:
                return None
            options[key] = True
            continue
        if not eq:
            if not args or args[0].startswith("-"):
                return None
            value = args.pop(0)
        if not value:
            return None
        options[key] = value
    if "limit" in options:
        try:
            options["limit"] = int(options["limit"])
        except ValueError:
            return None
    return found.options, options


def add_options(argv: Sequence[str]) -> tuple[dict[str, str], dict[str, Any]] | None:
    """(root options, add options) when `argv` is a plain `add TEXT [--requester R]
    [--json]`, else None: help, a repeat, a second text, a text that starts like an
    option or a missing value are left to the CLI, which says why."""
    found = plain_command(argv, "add")
    if found is None:
        return None
    options: dict[str, Any] = {}
    args = found.rest[1:]
    while args:
        word = args.pop(0)
        name, eq, value = word.partition("=")
        if word == "--json" and "json" not in options:
            options["json"] = True
        elif name == "--requester" and "requester" not in options:
            if not eq:
                if not args or args[0].startswith("-"):
                    return None
                value = args.pop(0)
            if not value:
                return None
            options["requester"] = value
        elif word.startswith("-") or "text" in options:
            return None
        else:
            options["text"] = word
    return (found.options, options) if "text" in options else None


def database(value: str | os.PathLike[str] | None,
             environ: Mapping[str, str] | None = None) -> Path:
    """The database file: `--db`, else OFFICE_TUI_DB, else the user data dir."""
    from office_tui.core.filepaths import expand_home
    from office_tui.paths import DB_ENV, default_db_path

    environ = os.environ if environ is None else environ
    chosen = value or environ.get(DB_ENV)
    return expand_home(chosen) if chosen else default_db_path()


def language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The interface language for this run: --lang, OFFICE_TUI_LANG, the database's
    `language` setting (read only if nothing before it decided), the locale."""
    from office_tui import i18n
    from office_tui.store import settings

    environ = os.environ if environ is None else environ
    options = root(argv).options

    def stored() -> str | None:
        return settings.peek(database(options.get("--db"), environ), "language")

    return i18n.choose_language(options.get("--lang"), stored, environ)


def not_utf8(argv: Sequence[str]) -> str | None:
    """The first argument that is not valid UTF-8 (Python hands its bytes over as lone
    surrogates), or None."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return arg
    return None


def utf8_problem(argv: Sequence[str]) -> str | None:
    """The one line that refuses an argument that is not valid UTF-8, or None."""
    bad = not_utf8(argv)
    if bad is None:
        return None
    from office_tui.core.text import printable
    from office_tui.i18n import _

    return _("The argument '{text}' is not valid UTF-8: check the terminal's "
             "encoding.").format(text=printable(bad))


# Commands that only read the database: on a path where there is none they say so
# instead of creating one (words after the command: `item list`, `config language`).
READ_COMMANDS = frozenset({
    "list", "show", "today", "stock", "quotes", "purchase-list", "consumption", "report",
    "bookings", "free", "share", "reminders", "backups", "backup", "handover",
})
READ_SUBCOMMANDS = frozenset({"list", "show"})


def only_reads(words: Sequence[str]) -> bool:
    """Whether the command `words` (what follows the root options: ["item", "list"])
    only reads."""
    if not words:
        return False
    if words[0] in READ_COMMANDS:
        return True
    if words[0] == "config":  # `config language` shows; `config language zh` sets
        return len(words) < 3
    if words[0] == "intake":  # a proposal only, nothing saved
        return "--dry-run" in words
    return len(words) > 1 and words[1] in READ_SUBCOMMANDS
