"""Fixed assets (固定资产): what an asset is, its statuses, tags, the threshold rule and its
straight-line value today. Pure: the store keeps the rows, services/assets.py the verbs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from office_tui.i18n import _

STATUSES = ("in_use", "idle", "lent", "in_repair", "disposed")
CATEGORIES = ("电子设备", "办公家具", "车辆", "空调", "投影设备", "摄影器材", "其他")
# The rule: an asset is worth 2,000 yuan or more and lasts more than a year (settings).
THRESHOLD_VALUE = Decimal(2000)
THRESHOLD_LIFE = 1
COUNT_RESULTS = ("found", "missing", "damaged")
_TAG = re.compile(r"^[A-Za-z]{1,6}-(\d{4})-(\d{4,6})$")
TAG_PREFIX = "GZ"


def status_label(status: str) -> str:
    labels = {"in_use": _("in use"), "idle": _("idle"), "lent": _("lent"),
              "in_repair": _("in repair"), "disposed": _("disposed")}
    return labels.get(status, status)


def result_label(result: str) -> str:
    labels = {"found": _("found"), "missing": _("missing"), "damaged": _("damaged")}
    return labels.get(result, result)


_STATUS_WORDS = {"在用": "in_use", "闲置": "idle", "借出": "lent", "维修中": "in_repair",
                 "已报废": "disposed", "报废": "disposed", "in use": "in_use",
                 "in repair": "in_repair"}
_RESULT_WORDS = {"在": "found", "找到": "found", "盘盈": "found", "缺失": "missing",
                 "盘亏": "missing", "丢失": "missing", "损坏": "damaged"}


def normalise_status(text: str) -> str | None:
    value = " ".join((text or "").split()).casefold()
    if value.replace(" ", "_") in STATUSES:
        return value.replace(" ", "_")
    labels = {status_label(s).casefold(): s for s in STATUSES}
    return _STATUS_WORDS.get(value) or labels.get(value)


def normalise_result(text: str) -> str | None:
    value = (text or "").strip().casefold()
    if value in COUNT_RESULTS:
        return value
    labels = {result_label(r).casefold(): r for r in COUNT_RESULTS}
    return _RESULT_WORDS.get(value) or labels.get(value)


def next_tag(year: int, tags: list[str], prefix: str = TAG_PREFIX) -> str:
    """GZ-2026-0001, then the next number after the highest of that year."""
    used = [int(m.group(2)) for t in tags if (m := _TAG.match(t)) and int(m.group(1)) == year]
    return f"{prefix}-{year}-{max(used, default=0) + 1:04d}"


def below_threshold(value: Decimal, life_years: int | None, *,
                    min_value: Decimal = THRESHOLD_VALUE, min_life: int = THRESHOLD_LIFE) -> bool:
    """Not a fixed asset by the rule: under the value, or lasting a year or less."""
    return value < min_value or (life_years is not None and life_years <= min_life)


def value_today(value: Decimal, purchased: date, life_years: int | None, today: date) -> Decimal:
    """Straight-line: the value less an equal share for each whole month used, never
    below zero (no residual value)."""
    if not life_years:
        return value
    months = (today.year - purchased.year) * 12 + today.month - purchased.month
    left = max(life_years * 12 - max(months, 0), 0)
    return (value * left / (life_years * 12)).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Asset:
    id: int
    tag: str
    name: str
    category: str | None
    model: str | None
    serial: str | None
    value: Decimal
    purchased: date
    life_years: int | None
    keeper: str | None
    department: str | None
    location: str | None
    status: str
    notes: str | None
    lent_to: str | None
    lent_due: date | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Asset:
        return cls(
            id=row["id"], tag=row["tag"], name=row["name"], category=row.get("category"),
            model=row.get("model"), serial=row.get("serial"), value=Decimal(row["value"]),
            purchased=date.fromisoformat(row["purchased"]), life_years=row.get("life_years"),
            keeper=row.get("keeper"), department=row.get("department"),
            location=row.get("location"), status=row["status"], notes=row.get("notes"),
            lent_to=row.get("lent_to"),
            lent_due=date.fromisoformat(row["lent_due"]) if row.get("lent_due") else None)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "tag": self.tag, "name": self.name, "category": self.category,
                "model": self.model, "serial": self.serial, "value": f"{self.value:.2f}",
                "purchased": self.purchased.isoformat(), "life_years": self.life_years,
                "keeper": self.keeper, "dept": self.department, "location": self.location,
                "status": self.status, "notes": self.notes, "lent_to": self.lent_to,
                "lent_due": self.lent_due.isoformat() if self.lent_due else None}
