"""The roster's part of the demo: 5 cars (one due for service, one in maintenance), 4
drivers (one licence running out) and a week of bookings around today, none clashing."""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta
from importlib import resources
from typing import Any

from office_tui.store.database import Database

from office_tui.core.job import to_iso
from office_tui.core.vehicles import name_key, normalise_destination, plate_key
from office_tui.store import events
from office_tui.store import jobs as jobs_store
from office_tui.store import vehicles as store

KM_PER_TRIP = 35
FUEL_PER_TRIP = 6.5
FUEL_PRICE = 7.8


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("office_tui.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _in_days(today: date, value: str) -> str | None:
    return (today + timedelta(days=int(value))).isoformat() if value else None


def load_vehicle_demo(db: Database, now: datetime) -> dict[str, int]:
    """Insert the demo roster inside the caller's transaction; skipped if cars exist."""
    if store.vehicle_count(db):
        return {"vehicles": 0, "drivers": 0, "bookings": 0}
    today, stamp = now.date(), to_iso(now)
    plates: dict[str, dict[str, Any]] = {}
    for r in _read("vehicles.csv"):
        row = {
            "plate": r["plate"], "plate_key": plate_key(r["plate"]), "name": r["name"],
            "seats": int(r["seats"]), "status": r["status"], "odometer": int(r["odometer"]),
            "next_service_date": _in_days(today, r["service_in_days"]),
            "next_service_km": int(r["service_km"]) if r["service_km"] else None,
            "insurance_due": _in_days(today, r["insurance_in_days"]),
            "inspection_due": _in_days(today, r["inspection_in_days"]),
            "created": stamp, "updated": stamp,
        }
        row["id"] = store.insert_vehicle(db, row)
        plates[r["plate"]] = row
    drivers: dict[str, int] = {}
    for r in _read("drivers.csv"):
        drivers[r["name"]] = store.insert_driver(db, {
            "name": r["name"], "name_key": name_key(r["name"]), "phone": r["phone"] or None,
            "licence_expiry": _in_days(today, r["licence_in_days"]), "active": 1,
            "created": stamp, "updated": stamp,
        })
    rows = []
    for r in _read("bookings.csv"):
        day = today + timedelta(days=int(r["day_offset"]))
        start = datetime.combine(day, time.fromisoformat(r["start"]))
        end = datetime.combine(day, time.fromisoformat(r["end"]))
        status = "returned" if end <= now else "out" if start <= now else "booked"
        rows.append({
            "vehicle_id": plates[r["plate"]]["id"],
            "driver_id": drivers[r["driver"]] if r["driver"] else None,
            "start_at": to_iso(start), "end_at": to_iso(end),
            "destination": r["destination"],
            "destination_key": normalise_destination(r["destination"]),
            "department": r["department"] or None, "requester": r["requester"] or None,
            "passengers": int(r["passengers"]), "purpose": r["purpose"] or None,
            "job_id": None, "status": status,
            "out_at": to_iso(start) if status != "booked" else None,
            "returned_at": to_iso(end) if status == "returned" else None,
            "return_odometer": None,
            "fuel_litres": FUEL_PER_TRIP if status == "returned" else None,
            "cost": round(FUEL_PER_TRIP * FUEL_PRICE, 2) if status == "returned" else None,
            "cancel_reason": None, "created": stamp, "updated": stamp,
        })
    # Readings on return climb to each car's present odometer.
    for car in plates.values():
        done = sorted((b for b in rows if b["vehicle_id"] == car["id"]
                       and b["status"] == "returned"), key=lambda b: b["end_at"])
        for later, booking in enumerate(reversed(done)):
            booking["return_odometer"] = car["odometer"] - KM_PER_TRIP * later
    rows.sort(key=lambda b: (b["start_at"], b["vehicle_id"]))
    store.insert_bookings(db, rows)
    for row in rows:
        if row["department"]:
            jobs_store.add_department(db, row["department"])
    counts = {"vehicles": len(plates), "drivers": len(drivers), "bookings": len(rows)}
    events.record(db, ts=stamp, action="demo", entity="vehicles", entity_id=None,
                  before=None, after=counts)
    return counts
