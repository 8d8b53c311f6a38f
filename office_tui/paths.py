"""Where the data lives, found lazily (nothing is created at import time)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from office_tui.core.filepaths import expand_home

APP_NAME = "office-tui"
DB_ENV = "OFFICE_TUI_DB"


def default_db_path() -> Path:
    env = os.environ.get(DB_ENV)
    if env:
        return expand_home(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "office.db"
