"""Demo kits and routines: two event kits (a large meeting, a visitors' reception) and
the routines of an ordinary office week, made through the services' own verbs (so with
their events). Called by load_demo inside its transaction, with the composition root."""

from __future__ import annotations

import csv
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from office_tui.services.context import Services


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("office_tui.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def load_day_queue_demo(svc: Services) -> dict[str, int]:
    """Kits and routines, once: a second demo load (--force) leaves existing ones alone."""
    existing = {k["name"] for k in svc.kits.list()}
    created: set[str] = set()
    for row in _read("kits.csv"):
        if row["kit"] in existing:
            continue
        if row["kit"] not in created:
            svc.kits.create(row["kit"])
            created.add(row["kit"])
        svc.kits.add_item(row["kit"], row["offset"], row["item"])
    routines = 0
    if not svc.routines.list():
        today = svc.now().date().isoformat()
        for row in _read("routines.csv"):
            svc.routines.add(row["title"], every=row["every"], at=row["at"], start=today)
            routines += 1
    return {"kits": len(created), "routines": routines}

