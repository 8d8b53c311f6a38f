"""The demo's meeting rooms and the cars' log: 4 rooms (one with a setup buffer), a week of
bookings around today and a weekly series on Monday mornings (statutory holidays skipped),
none clashing; each car a year of services and its insurance and inspection renewals.
Loaded once, inside the demo's transaction (not undoable)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from office_tui.core.job import to_iso
from office_tui.core.rooms import Room, room_key
from office_tui.store import rooms as store
from office_tui.store import vehicle_log as log_store
from office_tui.store import vehicles as vehicle_store

if TYPE_CHECKING:
    from office_tui.services.context import Services

ROOMS = (  # name, seats, location, equipment, buffer before, after
    ("小会议室", 8, "2F-205", "投影,白板", 0, 0),
    ("第一会议室", 30, "3F-301", "投影,话筒,白板", 30, 15),
    ("视频会议室", 16, "3F-306", "投影,视频会议,话筒", 15, 15),
    ("大会议室", 120, "5F", "投影,话筒,音响,视频会议", 60, 30),
)
WEEK = (  # day offset, start, end, room, title, department, people, needs
    (-2, "09:00", "10:30", "第一会议室", "人事工作例会", "人事科", 14, ""),
    (-1, "14:00", "15:30", "视频会议室", "市局视频调度会", "办公室", 10, "视频会议"),
    (0, "09:00", "11:00", "第一会议室", "财务预算评审", "财务科", 18, "投影"),
    (0, "14:30", "16:00", "小会议室", "供应商面谈", "总务科", 5, ""),
    (0, "15:00", "17:00", "大会议室", "教职工安全培训", "教务处", 90, "话筒,音响"),
    (1, "10:00", "11:30", "视频会议室", "信息化项目对接", "信息中心", 8, "视频会议"),
    (2, "09:30", "11:00", "小会议室", "招聘面试", "人事科", 4, ""),
    (3, "14:00", "17:00", "第一会议室", "年终总结准备会", "办公室", 20, "投影,话筒"),
    (4, "08:30", "12:00", "大会议室", "年终总结大会", "办公室", 110, "话筒,音响"),
)
SERVICE_EVERY_KM = 5000
SERVICE_EVERY_MONTHS = 6


def _hold(room: Room, start: datetime, end: datetime) -> tuple[str, str]:
    a, b = room.hold(start, end)
    return to_iso(a), to_iso(b)


def load_rooms_demo(ctx: Services) -> dict[str, int]:
    db = ctx.db
    if store.rooms(db):
        return {"rooms": 0, "room_bookings": 0}
    now = ctx.now()
    stamp, today = to_iso(now), now.date()
    rooms: dict[str, Room] = {}
    for name, seats, location, equipment, before, after in ROOMS:
        row = {"name": name, "name_key": room_key(name), "seats": seats, "location": location,
               "equipment": equipment, "status": "open", "buffer_before": before,
               "buffer_after": after, "created": stamp, "updated": stamp}
        row["id"] = store.insert_room(db, row)
        rooms[name] = Room.from_row(row)
    rows = []

    def booking(room: Room, start: datetime, end: datetime, title: str, dept: str | None,
                people: int, needs: str, series: int | None = None) -> dict:
        held_from, held_to = _hold(room, start, end)
        return {"room_id": room.id, "start_at": to_iso(start), "end_at": to_iso(end),
                "held_from": held_from, "held_to": held_to, "title": title,
                "department": dept, "people": people, "needs": needs or None,
                "job_id": None, "series_id": series, "status": "booked",
                "created": stamp, "updated": stamp}

    for offset, start, end, name, title, dept, people, needs in WEEK:
        day = today + timedelta(days=offset)
        rows.append(booking(rooms[name], datetime.combine(day, time.fromisoformat(start)),
                            datetime.combine(day, time.fromisoformat(end)), title, dept,
                            people, needs))
    store.insert_bookings(db, rows)
    # A weekly series: the Monday office meeting from four weeks back to eight ahead.
    room = rooms["视频会议室"]
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=4)
    series = []
    for week in range(13):
        day = monday + timedelta(weeks=week)
        if day in ctx.calendar.holidays and day not in ctx.calendar.workdays:
            continue
        series.append(booking(room, datetime.combine(day, time(8, 0)),
                              datetime.combine(day, time(8, 45)), "办公室周例会", "办公室", 9,
                              ""))
    store.insert_bookings(db, series)
    ids = [r["id"] for r in store.held_between(
        db, to_iso(datetime.combine(monday, time(0))),
        to_iso(datetime.combine(monday + timedelta(weeks=13), time(0))), room_id=room.id)
        if r["title"] == "办公室周例会"]
    store.set_series(db, ids, ids[0])
    cars = _car_log(ctx, today, stamp)
    return {"rooms": len(rooms), "room_bookings": len(rows) + len(series), "car_log": cars}


def _car_log(ctx: Services, today: date, stamp: str) -> int:
    """A year of services (every 6 months or 5,000 km) and the renewals, per car, ending
    where the car's next service and renewal days already stand."""
    db = ctx.db
    entries = []
    for car in vehicle_store.vehicles(db):
        km = car["odometer"] or 0
        for months_back, km_back, cost, work in ((10, 9000, 68000, "更换机油、机滤"),
                                                 (4, 3500, 126050, "换机油、三滤，检查刹车片")):
            day = today - timedelta(days=months_back * 30)
            entries.append({"vehicle_id": car["id"], "kind": "service", "day": day.isoformat(),
                            "km": max(km - km_back, 0), "work": work, "cost_cents": cost,
                            "garage": "城东4S店", "created": stamp})
        for kind, due_field, cost in (("insurance", "insurance_due", 486000),
                                      ("inspection", "inspection_due", 30000)):
            until = date.fromisoformat(car[due_field]) if car[due_field] else None
            if until is None:
                continue
            renewed = until - timedelta(days=365)
            if renewed <= today:
                entries.append({"vehicle_id": car["id"], "kind": kind,
                                "day": renewed.isoformat(), "cost_cents": cost,
                                "until": until.isoformat(), "created": stamp})
        after = dict(car, service_every_km=SERVICE_EVERY_KM,
                     service_every_months=SERVICE_EVERY_MONTHS)
        vehicle_store.replace_vehicle(db, after)
    log_store.insert_entries(db, sorted(entries, key=lambda e: e["day"]))
    return len(entries)
