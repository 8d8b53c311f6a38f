"""Canteen meal counts (报餐): counts per day, department and meal with the cut-off rule,
the kitchen's sheet, what was served, the month's figures and each department's
suggestion. Each change is one write transaction with its event (undoable).
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from office_tui.core.canteen import (
    MAX_COUNT, MEALS, Cutoff, MealCount, MealRuleError, MealSettings,
    Sheet, day_rates, meal_label, month_by_department, normalise_meal, overall_rate,
    suggestion,
)
from office_tui.core.dates import day_from
from office_tui.core.inventory import QuantityError, parse_price
from office_tui.core.job import to_iso
from office_tui.core.text import storable
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.store import canteen as store
from office_tui.store import events, write
from office_tui.store import jobs as jobs_store
from office_tui.store import settings as settings_store

if TYPE_CHECKING:
    from office_tui.services.context import Context

MEALS_KEY = "meals.list"
CUTOFF_KEY = "meals.cutoff."
PRICE_KEY = "meals.price."
DEPTS_KEY = "meals.departments"


def month_bounds(text: str | None, today: date) -> tuple[date, date]:
    """`2026-11` (default this month): its first day and the first day after it."""
    if text:
        try:
            year, month = (int(x) for x in text.strip().split("-"))
            first = date(year, month, 1)
        except ValueError:
            raise OfficeError(_("'{text}' is not a month: write it like 2026-11.").format(
                text=text)) from None
        if not 1970 <= year <= 2200:
            raise OfficeError(_("'{text}' is not a month: write it like 2026-11.").format(
                text=text))
    else:
        first = today.replace(day=1)
    after = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, after


class CanteenService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # -- settings -------------------------------------------------------------------
    def settings(self) -> MealSettings:
        db = self.ctx.db
        stored = settings_store.get(db, MEALS_KEY)
        meals = tuple(m for m in (stored or "").split(",") if m in MEALS) or MEALS
        cutoffs = {}
        for meal in MEALS:
            text = settings_store.get(db, CUTOFF_KEY + meal)
            try:
                cutoffs[meal] = Cutoff.parse(text) if text else MealSettings().cutoff(meal)
            except MealRuleError:
                cutoffs[meal] = MealSettings().cutoff(meal)
        prices = {}
        for meal in MEALS:
            text = settings_store.get(db, PRICE_KEY + meal)
            if text:
                prices[meal] = Decimal(text)
        depts = tuple(d for d in (settings_store.get(db, DEPTS_KEY) or "").split(",") if d)
        return MealSettings(meals, cutoffs, prices, depts)

    def configure(self, *, meals: str | None = None, cutoffs: list[str] = (),
                  prices: list[str] = (), departments: str | None = None) -> MealSettings:
        """`meals` breakfast,lunch; `cutoffs` ["lunch=10:00", "breakfast=-1d@17:00"];
        `prices` ["lunch=12"]; `departments` 财务科,办公室 (who reports)."""
        puts: dict[str, str] = {}
        if meals is not None:
            chosen = []
            for part in meals.replace("，", ",").split(","):
                if part.strip():
                    chosen.append(self._meal(part, MEALS))
            if not chosen:
                raise OfficeError(_("Name at least one meal: breakfast, lunch or dinner."))
            puts[MEALS_KEY] = ",".join(m for m in MEALS if m in chosen)
        for text in cutoffs:
            meal, cutoff = self._pair(text, "--cutoff", "lunch=10:00")
            try:
                puts[CUTOFF_KEY + meal] = Cutoff.parse(cutoff).text
            except MealRuleError as exc:
                raise OfficeError(str(exc)) from None
        for text in prices:
            meal, price = self._pair(text, "--price", "lunch=12")
            try:
                puts[PRICE_KEY + meal] = str(parse_price(price, allow_zero=True))
            except QuantityError as exc:
                raise OfficeError(str(exc)) from None
        if departments is not None:
            names = [d.strip() for d in departments.replace("，", ",").replace("、", ",")
                     .split(",") if d.strip()]
            for name in names:
                storable(name)
            puts[DEPTS_KEY] = ",".join(names)
        if not puts:
            raise OfficeError(_("Say what to set: --meals, --cutoff, --price or --depts."))
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            before = {k: settings_store.get(db, k) for k in puts}
            for key, value in puts.items():
                settings_store.put(db, key, value)
            events.record(db, ts=now, action="configure", entity="settings", entity_id=None,
                          before=before, after=puts)
        return self.settings()

    def _pair(self, text: str, option: str, example: str) -> tuple[str, str]:
        meal, sep, value = (text or "").partition("=")
        if not sep or not value.strip():
            raise OfficeError(_("{option} takes MEAL=VALUE, e.g. {example}.").format(
                option=option, example=example))
        return self._meal(meal, MEALS), value.strip()

    @staticmethod
    def _meal(text: str, meals) -> str:
        try:
            return normalise_meal(text, meals)
        except MealRuleError as exc:
            raise OfficeError(str(exc)) from None

    def departments(self, day: date | None = None) -> list[str]:
        """Who reports: the setting, or whoever reported in the four weeks before."""
        chosen = self.settings().departments
        if chosen:
            return list(chosen)
        day = day or self.ctx.now().date()
        return store.departments_since(self.ctx.db, (day - timedelta(days=28)).isoformat())

    # -- entering ---------------------------------------------------------------------
    def set_count(self, day: str | date | None, department: str, meal: str, count: int, *,
                  guests: int = 0, late: bool = False, reason: str | None = None
                  ) -> MealCount:
        """A department's count for a meal (replacing an earlier one). After the meal's
        cut-off it is refused unless `late` with a reason, and is kept marked late."""
        department = " ".join((department or "").split())
        if not department:
            raise OfficeError(_("Give the department (--dept)."))
        storable(department)
        storable(reason)
        settings = self.settings()
        meal = self._meal(meal, settings.meals)
        for value, what in ((count, "--count"), (guests, "--guests")):
            if not isinstance(value, int) or isinstance(value, bool) or \
                    not 0 <= value <= MAX_COUNT:
                raise OfficeError(_("{what} must be a whole number from 0 to {n}.").format(
                    what=what, n=MAX_COUNT))
        when = self._day(day)
        now = self.ctx.now()
        is_late = settings.is_late(when, meal, now)
        if is_late and not late:
            cutoff = settings.cutoff(meal).moment(when)
            raise OfficeError(_("The cut-off for {meal} on {day} was {cutoff}: add --late "
                                "--reason R to enter it anyway (it is marked late).").format(
                meal=meal_label(meal), day=when.isoformat(),
                cutoff=cutoff.strftime("%m-%d %H:%M")))
        if late and is_late and not (reason or "").strip():
            raise OfficeError(_("A late count needs the reason (--reason)."))
        stamp = to_iso(now)
        db = self.ctx.db
        with write(db):
            before = store.find_count(db, when.isoformat(), department, meal)
            row = {"day": when.isoformat(), "department": department, "meal": meal,
                   "count": count, "guests": guests, "late": 1 if is_late else 0,
                   "late_reason": (reason or "").strip() or None if is_late else None,
                   "updated": stamp}
            if before is None:
                row["created"] = stamp
                row["id"] = store.insert_count(db, row)
            else:
                row = dict(before, **row)
                store.replace_count(db, row)
            jobs_store.add_department(db, department)
            events.record(db, ts=stamp, action="meals", entity="meal_count",
                          entity_id=row["id"], before=before,
                          after=store.get_count(db, row["id"]))
        return MealCount.from_row(store.get_count(db, row["id"]))

    def set_served(self, day: str | date | None, meal: str, count: int) -> int:
        settings = self.settings()
        meal = self._meal(meal, settings.meals)
        if not isinstance(count, int) or not 0 <= count <= MAX_COUNT * 10:
            raise OfficeError(_("{what} must be a whole number from 0 to {n}.").format(
                what="--count", n=MAX_COUNT * 10))
        when = self._day(day)
        db = self.ctx.db
        now = to_iso(self.ctx.now())
        with write(db):
            before = store.set_served(db, when.isoformat(), meal, count)
            after = store.served_row(db, when.isoformat(), meal)
            events.record(db, ts=now, action="served", entity="meals_served",
                          entity_id=after["id"], before=before, after=after)
        return count

    # -- reading ----------------------------------------------------------------------
    def sheet(self, day: str | date | None = None) -> Sheet:
        when = self._day(day)
        settings = self.settings()
        rows = store.counts_between(self.ctx.db, when.isoformat(),
                                    (when + timedelta(days=1)).isoformat())
        counts = {(r["department"], r["meal"]): MealCount.from_row(r) for r in rows
                  if r["meal"] in settings.meals}
        depts = self.departments(when)
        depts += sorted({d for d, _m in counts} - set(depts))
        served = {r["meal"]: r["count"] for r in store.served_between(
            self.ctx.db, when.isoformat(), (when + timedelta(days=1)).isoformat())}
        return Sheet(when, settings.meals, depts, counts, served,
                     self.ctx.calendar.is_workday(when))

    def suggestions(self, day: str | date | None = None) -> dict[tuple[str, str], int]:
        """Per (department, meal): the average of the same weekday over the last 4 weeks."""
        when = self._day(day)
        rows = store.counts_between(self.ctx.db, (when - timedelta(weeks=4)).isoformat(),
                                    when.isoformat())
        history = [MealCount.from_row(r) for r in rows]
        found = {}
        for dept in {c.department for c in history}:
            for meal in self.settings().meals:
                value = suggestion(history, dept, meal, when)
                if value is not None:
                    found[(dept, meal)] = value
        return found

    def week(self, day: str | date | None = None) -> dict[str, list[int]]:
        """Per meal, the total reported each day of the 7 days up to `day` (a sparkline)."""
        when = self._day(day)
        start = when - timedelta(days=6)
        rows = store.counts_between(self.ctx.db, start.isoformat(),
                                    (when + timedelta(days=1)).isoformat())
        totals = {m: [0] * 7 for m in self.settings().meals}
        for r in rows:
            if r["meal"] in totals:
                totals[r["meal"]][(date.fromisoformat(r["day"]) - start).days] += r["count"]
        return totals

    def month(self, month: str | None = None) -> dict[str, Any]:
        first, after = month_bounds(month, self.ctx.now().date())
        settings = self.settings()
        counts = [MealCount.from_row(r) for r in store.counts_between(
            self.ctx.db, first.isoformat(), after.isoformat())]
        served = {(date.fromisoformat(r["day"]), r["meal"]): r["count"]
                  for r in store.served_between(self.ctx.db, first.isoformat(),
                                                after.isoformat())}
        depts = month_by_department(counts, settings.prices)
        rates = day_rates(counts, served)
        return {"month": first.strftime("%Y-%m"), "departments": depts, "days": rates,
                "rate": overall_rate(rates),
                "cost": sum((d.cost for d in depts), Decimal(0))}

    def _day(self, value: str | date | None) -> date:
        if isinstance(value, date):
            return value
        if value is None or not str(value).strip():
            return self.ctx.now().date()
        return day_from(str(value), self.ctx.now().date(), "--date")

    def write_sheet(self, path: str, fmt: str, day: str | None = None, *,
                    force: bool = False) -> Path:
        from office_tui.services import output

        if fmt == "xlsx":
            from office_tui.core.canteen_sheet import sheet_table
            from office_tui.services.xlsx_out import workbook

            data = workbook([sheet_table(self.sheet(day))])
        else:
            data = self.render_sheet(self.sheet(day), fmt).encode("utf-8")
        return output.write_file(Path(os.path.expanduser(path)), data,
                                 database=self.ctx.db_path, force=force)

    @staticmethod
    def render_sheet(sheet: Sheet, fmt: str) -> str:
        from office_tui.core.canteen_sheet import sheet_csv, sheet_markdown

        return sheet_csv(sheet) if fmt == "csv" else sheet_markdown(sheet)


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"

