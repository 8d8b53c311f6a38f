"""Paths a person typed, read as a shell reads them."""

from __future__ import annotations

import os
from pathlib import Path


def expand_home(path: str | os.PathLike[str]) -> Path:
    """`~` and `~user/...` expanded; `~nobody/...` for a user that does not exist is left as
    written (a folder of that name under the current one), as a shell leaves it, where
    Path.expanduser raises RuntimeError."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path).absolute()  # absolute: no later expanduser can trip on it
