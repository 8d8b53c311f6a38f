"""The words of the domain: categories, importance levels, statuses and their aliases."""

from __future__ import annotations

from office_tui.i18n import _, ngettext, pgettext

CATEGORIES = ("repair", "vehicle", "supply", "reception", "meeting", "print", "other")
IMPORTANCES = ("high", "normal", "low")
STATUSES = ("inbox", "open", "in_progress", "waiting", "done", "cancelled")
OPEN_STATUSES = ("inbox", "open", "in_progress", "waiting")
CLOSED_STATUSES = ("done", "cancelled")

# Every category both ways: the English name and the Chinese office word for it.
CATEGORY_ALIASES: dict[str, str] = {
    **{c: c for c in CATEGORIES},
    "报修": "repair", "维修": "repair",
    "用车": "vehicle", "车辆": "vehicle",
    "领用": "supply", "物资": "supply",
    "接待": "reception",
    "会议": "meeting",
    "文印": "print", "打印": "print",
    "其他": "other",
}

IMPORTANCE_ALIASES: dict[str, str] = {
    "high": "high", "h": "high", "高": "high",
    "normal": "normal", "n": "normal", "中": "normal",
    "low": "low", "l": "low", "低": "low",
}


def normalise_category(value: str) -> str | None:
    return CATEGORY_ALIASES.get(value.strip().lower())


def normalise_importance(value: str) -> str | None:
    return IMPORTANCE_ALIASES.get(value.strip().lower())


def category_label(category: str) -> str:
    labels = {
        "repair": _("repair"),
        "vehicle": _("vehicle"),
        "supply": _("supply"),
        "reception": _("reception"),
        "meeting": _("meeting"),
        "print": _("print"),
        "other": _("other"),
    }
    return labels.get(category, category)


# -- counted nouns (plural forms through ngettext; the Chinese catalog has one form) ------
def count_jobs(n: int) -> str:
    return ngettext("{n} job", "{n} jobs", n).format(n=n)


def count_passengers(n: int) -> str:
    return ngettext("{n} passenger", "{n} passengers", n).format(n=n)


def count_seats(n: int) -> str:
    return ngettext("{n} seat", "{n} seats", n).format(n=n)


def count_seats_free(n: int) -> str:
    return ngettext("{n} seat free", "{n} seats free", n).format(n=n)


def category_choices() -> str:
    """The categories as a refusal lists them, in the interface language (each is also
    accepted as typed: normalise_category knows both languages' names)."""
    # Translators: between the names of a list; zh: 、
    return _(", ").join(category_label(c) for c in CATEGORIES)


def importance_choices() -> str:
    # Translators: between the names of a list; zh: 、
    return _(", ").join(importance_label(i) for i in IMPORTANCES)


def importance_label(importance: str) -> str:
    labels = {"high": _("high"), "normal": _("normal"), "low": _("low")}
    return labels.get(importance, importance)


def status_label(status: str) -> str:
    labels = {
        "inbox": _("inbox"),
        "open": _("open"),
        "in_progress": _("in progress"),
        "waiting": _("waiting"),
        "done": _("done"),
        "cancelled": _("cancelled"),
    }
    return labels.get(status, status)


def urgency_part_label(name: str) -> str:
    labels = {
        "importance": _("importance"),
        "due": _("due"),
        "expedite": _("expedite"),
        "age": _("age"),
        "waiting": _("waiting"),
    }
    return labels.get(name, name)


# -- the Today screen's sections ----------------------------------------------------------
def section_label(name: str) -> str:
    labels = {
        "overdue": _("Overdue"),
        "at_risk": _("At risk"),
        "due_today": _("Due today"),
        "promised_today": _("Promised today"),
        "follow_ups": _("Follow-ups due"),
        "trips": _("Today's trips"),
        "rooms": _("Today's meeting rooms"),
        "routines": _("Routines due"),
        "awaiting_reply": _("Awaiting reply"),
        "low_stock": _("Low stock"),
        "reminders": _("Vehicle and driver reminders"),
        "loans": _("Assets not back from loan"),
        "meters": _("Meters to look at"),
    }
    return labels.get(name, name)


# -- vehicles and bookings ----------------------------------------------------------------
def vehicle_status_label(status: str) -> str:
    labels = {"active": _("active"), "maintenance": _("in maintenance"),
              "retired": _("retired")}
    return labels.get(status, status)


def booking_status_label(status: str) -> str:
    labels = {"booked": _("booked"), "out": _("out"), "returned": _("returned"),
              "cancelled": _("cancelled")}
    return labels.get(status, status)


# -- the working calendar's days ----------------------------------------------------------
def day_kind_label(kind: str) -> str:
    return {"workday": _("workday"), "holiday": _("holiday")}.get(kind, kind)


def day_source_label(source: str) -> str:
    return {"local": _("local"), "statutory": _("statutory")}.get(source, source)


# -- the event log, as undo and redo name what they reverted --------------------------------
def action_label(action: str) -> str:
    labels = {
        "add": _("add"), "triage": _("triage"), "start": _("start"), "wait": _("wait"),
        "promise": _("promise"), "done": _("done"), "reply": _("reply"),
        "cancel": _("cancel"), "book": _("booking"), "join": _("shared trip"),
        "receive": _("receive"), "issue": _("issue"), "adjust": _("adjustment"),
        "stocktake": _("stocktake"), "edit": _("edit"), "undo": _("undo"),
        "redo": _("redo"), "assign": _("assign"), "note": _("note"), "refer": _("referral"),
        "back": _("back from referral"), "merge": _("merge"), "transfer": _("transfer"),
        "dispose": _("disposal"), "lend": _("loan"), "return": _("return"),
        "delete": _("deletion"), "move": _("move"), "service": _("service"),
        "renew": _("renewal"), "meals": _("meal count"), "served": _("served"),
        "read": _("reading"), "link": _("link"),
    }
    return labels.get(action, action)


def field_label(field: str) -> str:
    """A job's field as a person calls it (a job's history: `due: … → …`)."""
    labels = {
        "title": _("Title"), "category": _("Category"), "department": _("Department"),
        "requester": _("Requester"), "location": pgettext("job", "Location"),
        "importance": _("Importance"), "expedite": _("Expedite"), "status": _("Status"),
        "due": _("Due"), "promised_by": _("Promised by"),
        "promise_reason": _("Reason for the promise"), "waiting_reason": _("Waiting for"),
        "outcome": _("Outcome"), "cancel_reason": _("Reason for cancelling"),
        "replied_at": _("Replied"), "reply_note": _("Reply note"),
        "handler": _("Handler"), "referred_to": _("Referred to"),
        "referred_person": _("Referred to (person)"), "follow_up": _("Follow-up"),
        "reply_text": _("Reply sent"), "asset_id": _("Asset (id)"),
    }
    return labels.get(field, field)


def source_label(source: str | None) -> str:
    """Where a change was made: in the app or from the CLI ("" when not recorded)."""
    labels = {"app": _("in the app"), "cli": _("from the CLI")}
    return labels.get(source or "", source or "")


def job_event_label(action: str) -> str:
    """An event in a job's history, as what happened to it ("added", "closed")."""
    labels = {
        "add": _("added"), "triage": _("triaged"), "start": _("started"),
        "wait": _("waiting"), "promise": _("promised"), "done": _("closed"),
        "reply": _("replied"), "cancel": _("cancelled"), "undo": _("undone"),
        "redo": _("redone"), "edit": _("edited"), "assign": _("assigned"),
        "refer": _("referred"), "back": _("back from referral"), "merge": _("merged"),
        "note": _("noted"),
    }
    return labels.get(action, action)


def booking_event_label(action: str) -> str:
    """An event in a booking's history, as what happened to it."""
    labels = {"book": _("booked"), "join": _("joined"), "out": _("went out"),
              "return": _("returned"), "cancel": _("cancelled"), "move": _("moved"),
              "undo": _("undone"), "redo": _("redone")}
    return labels.get(action, action)


def entity_label(entity: str) -> str:
    labels = {
        # The car itself (车辆), not the category of a car request (用车).
        "job": _("job"), "booking": _("booking"), "vehicle": pgettext("entity", "vehicle"),
        "driver": _("driver"), "item": _("item"), "quote": _("quote"),
        "routine": _("routine"), "movement": _("stock movement"), "rider": _("rider"),
        "keyword": _("keyword"), "contact": _("contact"), "note": _("note"),
        "template": _("reply template"), "asset": _("asset"),
        "dept_head": _("department head"), "room": _("room"),
        "room_booking": _("room booking"), "vehicle_log": _("car log entry"),
        "meal_count": _("meal count"), "meals_served": _("meals served"),
        "meter": _("meter"), "meter_reading": _("meter reading"),
        "meter_job": _("meter's repair job"),
    }
    return labels.get(entity, entity)
