"""Where a file a person saves from the app goes by default (a report, a purchase list).

Never the current folder: the app is started from anywhere (a source checkout, a home
folder with the database beside it) and a saved report must land where the clerk looks for
documents. The user's documents folder when there is one, else the app's own data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from office_tui.paths import APP_NAME


def default_save_folder() -> Path:
    """The documents folder (platformdirs: ~/Documents, or XDG's) if it exists and can be
    written, else the data folder (~/.local/share/office-tui), made if missing."""
    import platformdirs  # only when a save dialog opens

    documents = Path(platformdirs.user_documents_dir())
    if documents.is_dir() and os.access(documents, os.W_OK | os.X_OK):
        return documents
    data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    data.mkdir(parents=True, exist_ok=True, mode=0o700)
    return data
