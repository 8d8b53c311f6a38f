"""CLI commands beyond jobs, one module per area; each registers itself on `cli.app`.

A command's start imports only its own module (all of them together cost ~18 ms):
MODULES says which module registers each top-level command; help, no command and an
unknown name load them all. tests/cli/test_command_modules.py keeps MODULES complete.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Sequence

from office_tui.arguments import command_name

MODULES = {
    "backup": "backup", "backups": "backup", "restore": "backup", "check": "backup",
    "receive": "inventory", "issue": "inventory", "adjust": "inventory",
    "stock": "inventory", "quotes": "inventory", "purchase-list": "inventory",
    "import-items": "inventory", "consumption": "inventory", "item": "inventory",
    "quote": "inventory", "quota": "inventory",
    "report": "reports",
    "today": "today",
    "book": "vehicles", "bookings": "vehicles", "free": "vehicles", "share": "vehicles",
    "join": "vehicles", "return": "vehicles", "out": "vehicles", "reminders": "vehicles",
    "vehicle": "vehicles", "driver": "vehicles",
    "calendar": "calendar",
    "config": "config",
    "kit": "kits",
    "routine": "routines",
    "intake": "intake", "keyword": "intake",
    "assign": "follow", "note": "follow", "refer": "follow", "back": "follow",
    "merge": "follow", "handover": "follow", "contact": "follow", "template": "follow",
    "room": "rooms",
    "meals": "canteen", "meter": "canteen", "reading": "canteen", "readings": "canteen",
    "utilities": "canteen",
    "asset": "assets", "count": "assets", "dept": "assets", "import-assets": "assets",
    "export": "export", "print": "printing",
    "serve": "serve",
}
def all_modules() -> list[str]:
    return [m.name for m in pkgutil.iter_modules(__path__)]


def load(argv: Sequence[str], registered: Iterable[str]) -> None:
    """Import the command modules `argv` needs (`registered`: the commands already there)."""
    name = command_name(argv)
    if name is not None and name in set(registered):
        return
    module = MODULES.get(name) if name is not None else None
    for found in [module] if module else all_modules():
        importlib.import_module(f"{__name__}.{found}")
