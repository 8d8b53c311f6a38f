"""The interface language, chosen before any help text or key label is built.

Typer builds every command's help when office_tui.cli is imported, and the TUI's key
labels are class attributes: so the language is settled from the command line, the
environment and the database's `language` setting first (see office_tui/i18n.py).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from office_tui import i18n
from office_tui.paths import DB_ENV, default_db_path
from office_tui.store import settings


def startup_language(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ

    def stored() -> str | None:
        db = i18n.root_option(argv, "--db") or environ.get(DB_ENV)
        return settings.peek(Path(db).expanduser() if db else default_db_path(), "language")

    return i18n.choose_language(i18n.root_option(argv, "--lang"), stored, environ)
