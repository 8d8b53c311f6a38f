"""Canteen meal counts (报餐), pure: which meals exist and their cut-offs, whether an entry
is late, the kitchen's sheet, the suggestion for a department's count, and the month's
reported-vs-served figures. No I/O; `now` comes in.

A cut-off is a time on the meal's day (`10:00`) or the day before (`-1d@17:00`): an entry
for that meal after it is late, refused unless the clerk says why (`--late --reason`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from statistics import mean
from typing import Any

from office_tui.i18n import _

MEALS = ("breakfast", "lunch", "dinner")
DEFAULT_CUTOFFS = {"breakfast": "-1d@17:00", "lunch": "10:00", "dinner": "15:00"}
MAX_COUNT = 5000
SUGGEST_WEEKS = 4
_CUTOFF = re.compile(r"^(?:-(\d)d@)?(\d{1,2}):(\d{2})$")
_ALIASES = {"breakfast": "breakfast", "早餐": "breakfast", "早饭": "breakfast", "b": "breakfast",
            "lunch": "lunch", "午餐": "lunch", "午饭": "lunch", "中餐": "lunch", "l": "lunch",
            "dinner": "dinner", "晚餐": "dinner", "晚饭": "dinner", "supper": "dinner",
            "d": "dinner"}


class MealRuleError(ValueError):
    """Input the meal rules cannot take; the message is for a person."""


def meal_label(meal: str) -> str:
    return {"breakfast": _("breakfast"), "lunch": _("lunch"), "dinner": _("dinner")}.get(
        meal, meal)


def normalise_meal(text: str, meals: Sequence[str] = MEALS) -> str:
    value = unicodedata.normalize("NFKC", text or "").strip().casefold()
    found = _ALIASES.get(value)
    if found is None or found not in meals:
        raise MealRuleError(_("Unknown meal '{meal}'. Use one of: {meals}.").format(
            meal=text, meals=", ".join(meals)))
    return found


@dataclass(frozen=True)
class Cutoff:
    days_before: int
    at: time

    @classmethod
    def parse(cls, text: str) -> Cutoff:
        value = unicodedata.normalize("NFKC", text or "").strip()
        found = _CUTOFF.match(value)
        if found:
            hh, mm = int(found.group(2)), int(found.group(3))
            if hh < 24 and mm < 60:
                return cls(int(found.group(1) or 0), time(hh, mm))
        raise MealRuleError(_("Bad cut-off '{text}': write 10:00 (that day) or -1d@17:00 "
                              "(the day before).").format(text=text))

    @property
    def text(self) -> str:
        clock = self.at.strftime("%H:%M")
        return f"-{self.days_before}d@{clock}" if self.days_before else clock

    def moment(self, day: date) -> datetime:
        return datetime.combine(day - timedelta(days=self.days_before), self.at)


@dataclass(frozen=True)
class MealSettings:
    meals: tuple[str, ...] = MEALS
    cutoffs: dict[str, Cutoff] = field(default_factory=lambda: {
        m: Cutoff.parse(t) for m, t in DEFAULT_CUTOFFS.items()})
    prices: dict[str, Decimal] = field(default_factory=dict)  # per person, per meal
    departments: tuple[str, ...] = ()  # who reports; empty: whoever reported lately

    def cutoff(self, meal: str) -> Cutoff:
        return self.cutoffs.get(meal) or Cutoff.parse(DEFAULT_CUTOFFS.get(meal, "10:00"))

    def is_late(self, day: date, meal: str, now: datetime) -> bool:
        return now > self.cutoff(meal).moment(day)


@dataclass(frozen=True)
class MealCount:
    day: date
    department: str
    meal: str
    count: int
    guests: int = 0
    late: bool = False
    late_reason: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> MealCount:
        return cls(date.fromisoformat(row["day"]), row["department"], row["meal"],
                   row["count"], row["guests"] or 0, bool(row["late"]), row.get("late_reason"))

    @property
    def people(self) -> int:
        return self.count + self.guests

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "dept": self.department, "meal": self.meal,
                "count": self.count, "guests": self.guests, "late": self.late,
                "late_reason": self.late_reason}


@dataclass
class Sheet:
    """The kitchen's sheet of a day: per meal, per department; totals; who is missing."""

    day: date
    meals: tuple[str, ...]
    departments: list[str]
    counts: dict[tuple[str, str], MealCount]  # (department, meal) -> count
    served: dict[str, int]
    workday: bool = True

    def total(self, meal: str) -> int:
        return sum(c.count for (d, m), c in self.counts.items() if m == meal)

    def guests(self, meal: str) -> int:
        return sum(c.guests for (d, m), c in self.counts.items() if m == meal)

    def missing(self, meal: str | None = None) -> list[str]:
        """Departments without a count for the meal (any meal, when None)."""
        if not self.workday:
            return []
        meals = [meal] if meal else list(self.meals)
        return [d for d in self.departments
                if any((d, m) not in self.counts for m in meals)]

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(), "workday": self.workday,
            "meals": {m: {"departments": {d: {"count": c.count, "guests": c.guests,
                                              "late": c.late}
                                          for (d, mm), c in sorted(self.counts.items())
                                          if mm == m},
                          "total": self.total(m), "guests": self.guests(m),
                          "served": self.served.get(m),
                          "missing": self.missing(m)}
                      for m in self.meals},
            "missing": self.missing(),
        }


def suggestion(history: Iterable[MealCount], department: str, meal: str, day: date,
               weeks: int = SUGGEST_WEEKS) -> int | None:
    """The average count of the same weekday over the last `weeks` weeks (rounded), or
    None when there is none."""
    wanted = {day - timedelta(weeks=k) for k in range(1, weeks + 1)}
    found = [c.count for c in history
             if c.department == department and c.meal == meal and c.day in wanted]
    return round(mean(found)) if found else None


@dataclass(frozen=True)
class DayRate:
    day: date
    meal: str
    reported: int  # counts and guests
    served: int | None

    @property
    def unreported(self) -> int | None:
        return None if self.served is None else max(self.served - self.reported, 0)

    @property
    def rate(self) -> float | None:
        """Share of the served who had not been reported (未报餐就餐)."""
        if not self.served:
            return None
        return (self.unreported or 0) / self.served


@dataclass(frozen=True)
class DeptMonth:
    department: str
    counts: dict[str, int]  # per meal
    guests: int
    cost: Decimal


def month_by_department(counts: Sequence[MealCount], prices: dict[str, Decimal]
                        ) -> list[DeptMonth]:
    by: dict[str, dict[str, Any]] = {}
    for c in counts:
        row = by.setdefault(c.department, {"counts": {}, "guests": 0, "cost": Decimal(0)})
        row["counts"][c.meal] = row["counts"].get(c.meal, 0) + c.count
        row["guests"] += c.guests
        row["cost"] += prices.get(c.meal, Decimal(0)) * c.people
    return [DeptMonth(d, v["counts"], v["guests"], v["cost"].quantize(Decimal("0.01")))
            for d, v in sorted(by.items(), key=lambda kv: (-sum(kv[1]["counts"].values()),
                                                            kv[0]))]


def day_rates(counts: Sequence[MealCount], served: dict[tuple[date, str], int]
              ) -> list[DayRate]:
    reported: dict[tuple[date, str], int] = {}
    for c in counts:
        reported[(c.day, c.meal)] = reported.get((c.day, c.meal), 0) + c.people
    keys = sorted(set(reported) | set(served))
    return [DayRate(d, m, reported.get((d, m), 0), served.get((d, m))) for d, m in keys]


def overall_rate(rates: Sequence[DayRate]) -> float | None:
    served = sum(r.served for r in rates if r.served)
    if not served:
        return None
    return sum(r.unreported or 0 for r in rates if r.served) / served


def is_meal_job(title: str) -> bool:
    """The meal-count routine's job (食堂报餐统计, "meal count"): enter opens the Meals tab."""
    folded = (title or "").casefold()
    return "报餐" in folded or "meal count" in folded
