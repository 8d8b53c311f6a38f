"""Utility meters and their readings (水电), pure: kinds and units, the consumption of each
period between readings, the month's figures, and the anomalies a clerk should look at.
No I/O.

A period runs from one reading to the next; its consumption is the difference times the
meter's multiplier (a CT ratio). After a reset (a replaced meter) the new meter counts from
zero, so that period's consumption is its first reading. A period is flagged when its daily
consumption is more than `spike` times the median of the previous three periods', or when
the month's consumption is more than `yoy` above the same month a year before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from statistics import median
from typing import Any

from office_tui.i18n import _

KINDS = {"electricity": "kWh", "water": "m³", "gas": "m³", "heat": "GJ"}
SPIKE = Decimal("1.5")
YOY = Decimal("0.30")


def kind_label(kind: str) -> str:
    return {"electricity": _("electricity"), "water": _("water"), "gas": _("gas"),
            "heat": _("heat")}.get(kind, kind)


@dataclass(frozen=True)
class Meter:
    id: int
    name: str
    kind: str
    unit: str
    price: Decimal
    department: str | None = None
    multiplier: Decimal = Decimal(1)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Meter:
        return cls(row["id"], row["name"], row["kind"], row["unit"], Decimal(row["price"]),
                   row.get("department"), Decimal(row.get("multiplier") or "1"))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "unit": self.unit,
                "price": str(self.price), "dept": self.department,
                "multiplier": str(self.multiplier)}


@dataclass(frozen=True)
class Reading:
    id: int
    meter_id: int
    day: date
    value: Decimal
    reset: bool = False
    reason: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Reading:
        return cls(row["id"], row["meter_id"], date.fromisoformat(row["day"]),
                   Decimal(row["value"]), bool(row["reset"]), row.get("reason"))


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # the reading that closes it
    use: Decimal  # consumption, in the meter's unit (multiplier applied)
    cost: Decimal
    reset: bool = False
    flag: str | None = None  # why it looks wrong, for a person

    @property
    def days(self) -> int:
        return max((self.end - self.start).days, 1)

    @property
    def per_day(self) -> Decimal:
        return (self.use / self.days).quantize(Decimal("0.01"))

    def to_json(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "days": self.days,
                "use": str(self.use), "per_day": str(self.per_day), "cost": str(self.cost),
                "reset": self.reset, "flag": self.flag}


def _q(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"))


def periods(meter: Meter, readings: Sequence[Reading], *, spike: Decimal = SPIKE,
            yoy: Decimal = YOY) -> list[Period]:
    """Each period between consecutive readings (oldest first), flagged where it looks
    wrong."""
    ordered = sorted(readings, key=lambda r: (r.day, r.id))
    found: list[Period] = []
    for before, after in zip(ordered, ordered[1:]):
        raw = after.value if after.reset else after.value - before.value
        use = _q(raw * meter.multiplier)
        found.append(Period(before.day, after.day, use, _q(use * meter.price), after.reset))
    flagged = []
    # the last unreset period closed in each (year, month) so far: the year-before check is
    # a look-up, not a pass over every earlier period (daily readings: ~1,500 periods)
    closed_in: dict[tuple[int, int], Period] = {}
    for i, p in enumerate(found):
        flag = None
        previous = [q.per_day for q in found[max(i - 3, 0):i] if not q.reset]
        if len(previous) == 3 and not p.reset:
            middle = median(previous)
            if middle > 0 and p.per_day > spike * middle:
                flag = _("{meter}: {per_day} {unit} a day, the median of the three periods "
                         "before {median} {unit}, +{pct}%").format(
                    meter=meter.name, per_day=p.per_day, unit=meter.unit,
                    median=_q(Decimal(middle)), pct=round((p.per_day / middle - 1) * 100))
        if flag is None and not p.reset:
            last = closed_in.get((p.end.year - 1, p.end.month))
            if last is not None and last.use > 0 and p.use > (1 + yoy) * last.use:
                flag = _("{meter}: {use} {unit} in {month}, {before} {unit} a year before, "
                         "+{pct}%").format(
                    meter=meter.name, use=p.use, unit=meter.unit,
                    month=p.end.strftime("%Y-%m"), before=last.use,
                    pct=round((p.use / last.use - 1) * 100))
        flagged.append(Period(p.start, p.end, p.use, p.cost, p.reset, flag))
        if not p.reset:
            closed_in[(p.end.year, p.end.month)] = p
    return flagged


def month_of(found: Sequence[Period], year: int, month: int) -> Decimal | None:
    """A month's consumption: the periods whose closing reading falls in it (monthly
    readings: one); None when no reading closes a period that month."""
    inside = [p.use for p in found if p.end.year == year and p.end.month == month]
    return sum(inside, Decimal(0)) if inside else None


def change(now: Decimal | None, before: Decimal | None) -> Decimal | None:
    """Percent change, or None when either side is missing or zero."""
    if now is None or not before:
        return None
    return ((now / before - 1) * 100).quantize(Decimal("0.1"))
