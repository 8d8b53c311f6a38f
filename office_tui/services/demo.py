"""The demo data set: realistic jobs relative to now, plus generated ones for load tests."""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Any

from office_tui.core.job import to_iso
from office_tui.core.limits import default_due
from office_tui.core.vocab import CATEGORIES
from office_tui.i18n import _, ngettext
from office_tui.services.assets_demo import load_assets_demo
from office_tui.services.canteen_demo import load_canteen_demo
from office_tui.services.rooms_demo import load_rooms_demo
from office_tui.services.day_queue_demo import load_day_queue_demo
from office_tui.services.follow_demo import load_follow_demo
from office_tui.services.errors import OfficeError
from office_tui.services.inventory_demo import load_inventory_demo
from office_tui.services.vehicles_demo import load_vehicle_demo
from office_tui.store import events, write
from office_tui.store import jobs as store

if TYPE_CHECKING:
    from office_tui.services.context import Services

BATCH = 5_000
MAX_GENERATED = 1_000_000  # a typo must not fill the disk


def _read_csv(name: str) -> list[dict[str, str]]:
    text = resources.files("office_tui.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def load_demo(ctx: Services, *, jobs: int = 0, force: bool = False) -> dict[str, int]:
    """Fill the database with the demo set (and `jobs` generated ones); returns counts."""
    if jobs < 0 or jobs > MAX_GENERATED:
        raise OfficeError(_("--jobs must be between 0 and {max}.").format(max=MAX_GENERATED))
    db = ctx.db
    existing = store.count(db, include_closed=True)
    if existing and not force:
        raise OfficeError(
            ngettext("The database already holds {n} job; the demo only fills an empty one "
                     "(use --force to add it anyway).",
                     "The database already holds {n} jobs; the demo only fills an empty one "
                     "(use --force to add it anyway).", existing).format(n=existing)
        )
    now = ctx.now()
    cal = ctx.calendar
    rows = [_demo_row(r, now, ctx) for r in _read_csv("jobs.csv")]
    departments = [r["name"] for r in _read_csv("departments.csv")]
    with write(db):
        for name in departments + [r["department"] for r in rows if r["department"]]:
            store.add_department(db, name)
        store.insert_many(db, rows)
        load_vehicle_demo(db, now)  # the roster: cars, drivers, a week of trips
        load_inventory_demo(ctx)  # ~40 consumables, four months of movements (once)
        load_day_queue_demo(ctx)  # two event kits and an office week's routines (once)
        load_follow_demo(ctx)  # contacts, handlers, a referral, reply templates
        load_assets_demo(ctx)  # ~80 fixed assets, a count last June, two loans (once)
        load_rooms_demo(ctx)  # 4 rooms, a week of meetings, a weekly series; the cars' log
        load_canteen_demo(ctx)  # 3 months of meal counts; 6 meters, 2 years, one leak
        rng = random.Random(jobs)
        for start in range(0, jobs, BATCH):
            batch = [_generated_row(rng, i, now, cal, departments)
                     for i in range(start, min(start + BATCH, jobs))]
            store.insert_many(db, batch)
        events.record(db, ts=to_iso(now), action="demo", entity="database", entity_id=None,
                      before=None, after={"jobs": len(rows), "generated": jobs})
    return {"jobs": len(rows), "generated": jobs}


def _demo_row(r: dict[str, str], now: datetime, ctx: Services) -> dict[str, Any]:
    cal = ctx.calendar
    created = cal.add_working_minutes(now, -float(r["created_hours_ago"]) * 60)
    created = min(created, now)
    due = (cal.add_working_minutes(now, float(r["due_in_hours"]) * 60)
           if r["due_in_hours"] else default_due(r["category"], created, cal))
    closed = r["status"] in ("done", "cancelled")
    closed_at = min(cal.add_working_minutes(created, 120), now) if closed else None
    return {
        "title": r["title"],
        "category": r["category"],
        "department": r["department"] or None,
        "requester": r["requester"] or None,
        "importance": r["importance"],
        "expedite": int(r["expedite"] == "1"),
        "due": to_iso(due),
        "due_source": "given" if r["due_in_hours"] else "limit",
        "promised_by": None,
        "promise_reason": None,
        "status": r["status"],
        "waiting_reason": r["waiting_reason"] or None,
        "waiting_since": to_iso(now - timedelta(hours=1)) if r["status"] == "waiting" else None,
        "outcome": r["outcome"] or None,
        "cancel_reason": _("Requester withdrew the request") if r["status"] == "cancelled" else None,
        "replied_at": to_iso(closed_at) if r["replied"] == "1" else None,
        "reply_note": None,
        "created": to_iso(created),
        "updated": to_iso(closed_at or created),
        "closed_at": to_iso(closed_at),
    }


_SUBJECTS = ["会议室", "办公室", "打印机", "空调", "灯管", "门锁", "饮水机", "投影仪",
             "printer", "projector", "door", "window", "light", "heater", "chair", "desk"]
_VERBS = ["维修", "更换", "检查", "清洁", "fix", "replace", "check", "clean"]


def _generated_row(rng: random.Random, i: int, now: datetime, cal, departments: list[str]) -> dict:
    category = rng.choice(CATEGORIES)
    created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 365))
    roll = rng.random()
    status = ("done" if roll < 0.9 else "cancelled" if roll < 0.92 else
              rng.choice(("inbox", "open", "in_progress", "waiting")))
    closed_at = min(created + timedelta(hours=rng.randint(1, 72)), now) \
        if status in ("done", "cancelled") else None
    return {
        "title": f"{rng.choice(_VERBS)} {rng.choice(_SUBJECTS)} {rng.randint(100, 999)} (#{i + 1})",
        "category": category,
        "department": rng.choice(departments),
        "requester": None,
        "importance": rng.choice(("high", "normal", "normal", "low")),
        "expedite": int(rng.random() < 0.03),
        "due": to_iso(created + timedelta(hours=rng.randint(2, 96))),
        "due_source": "given",
        "promised_by": None,
        "promise_reason": None,
        "status": status,
        "waiting_reason": "vendor" if status == "waiting" else None,
        "waiting_since": to_iso(created) if status == "waiting" else None,
        "outcome": "done" if status == "done" else None,
        "cancel_reason": "withdrawn" if status == "cancelled" else None,
        "replied_at": to_iso(closed_at) if status == "done" else None,
        "reply_note": None,
        "created": to_iso(created),
        "updated": to_iso(closed_at or created),
        "closed_at": to_iso(closed_at),
    }
