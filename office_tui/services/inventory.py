"""Inventory verbs: items, receive, issue, adjust, stocktake, quotes, quotas, reports.

Every verb validates first and writes in one transaction that also appends its events;
a refusal raises OfficeError with a message that names the problem, and writes nothing.
The stock check of an issue or a downward adjustment happens inside the write lock, so
two clerks (or the TUI and the CLI) can never take the same last pack twice.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from office_tui.core import inventory as core
from office_tui.core.inventory import (
    Consumption, ConsumptionRow, Forecast, IssueResult, Item, Movement, PurchaseLine,
    QuantityError, Quote, QuotaStatus, StockLine, StocktakeLine,
)
from office_tui.core.dates import day_from
from office_tui.core.job import to_iso
from office_tui.core.text import storable
from office_tui.core.types import Row
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.services.text_files import body_rows, csv_records, import_failed, records
from office_tui.store import events, write
from office_tui.store import inventory as store
from office_tui.store.jobs import add_department

if TYPE_CHECKING:
    from collections.abc import Callable

    from office_tui.services.context import Context
    from office_tui.services.jobs import JobService


IMPORT_REQUIRED = ("code", "name", "unit")
IMPORT_OPTIONAL = ("category", "location", "reorder_level", "reorder_qty", "lead_days",
                   "supplier", "grade")
MAX_IMPORT_BYTES = 16 * 2**20  # an item list of 16 MiB holds some hundred thousand items
MAX_TEXT = 500


@dataclass(frozen=True)
class _ItemFields:
    code: str
    name: str
    unit: str
    category: str | None
    location: str | None
    reorder_level_milli: int
    reorder_qty_milli: int
    lead_days: int
    supplier: str | None
    grade: str | None


def _text(value: str | None, *, field: str | None = None) -> str | None:
    """Optional user text, stored exactly; refused when SQLite cannot store it."""
    if value is None or not str(value).strip():
        return None
    value = storable(str(value)) or ""
    if len(value) > MAX_TEXT:
        raise OfficeError(_("{field} is longer than {n} characters.").format(
            field=field or _("The text"), n=MAX_TEXT))
    return value


class _FieldError(QuantityError):
    """A refused field of an item, with the column it came from."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


@contextlib.contextmanager
def _column(column: str) -> Iterator[None]:
    try:
        yield
    except _FieldError:
        raise
    except (QuantityError, OfficeError) as exc:
        raise _FieldError(column, str(exc)) from None


def _quantity(call, *args, **kwargs):
    try:
        return call(*args, **kwargs)
    except QuantityError as exc:
        raise OfficeError(str(exc)) from None


class InventoryService:
    def __init__(self, ctx: Context, *, jobs: Callable[[], JobService]) -> None:
        self.ctx = ctx
        self._jobs = jobs  # an issue for a job reads (and may close) it; loaded only then

    # -- items ------------------------------------------------------------------------
    def item(self, code: str) -> Item:
        row = store.get_item(self.ctx.db, (code or "").strip())
        if row is None:
            raise OfficeError(_("Unknown item '{code}'. `office-tui item list` shows the "
                                "codes.").format(code=code))
        return Item.from_row(row)

    def items(self, *, search: str | None = None, include_inactive: bool = False) -> list[Item]:
        return [Item.from_row(r) for r in store.list_items(
            self.ctx.db, search=search or None, active_only=not include_inactive)]

    def _fields(self, *, code: str, name: str, unit: str, category: str | None = None,
                location: str | None = None, reorder_level: Any = None,
                reorder_qty: Any = None, lead_days: Any = None, supplier: str | None = None,
                grade: str | None = None) -> _ItemFields:
        """Validate one item's fields; a refusal is a _FieldError naming the column."""
        with _column("code"):
            code = core.check_code(code)
        with _column("name"):
            if not name or not str(name).strip():
                raise QuantityError(_("The item name is empty."))
            name = _text(str(name), field=_("The name"))
        with _column("unit"):
            canonical = core.normalise_unit(unit)
            if canonical is None:
                raise QuantityError(_("Unknown unit '{unit}'. Known units: {units}.").format(
                    unit=unit or "", units=core.units_help()))
        wanted = None
        with _column("grade"):
            if grade is not None and str(grade).strip():
                wanted = core.normalise_grade(grade)
                if wanted is None:
                    raise QuantityError(_("Unknown grade '{grade}'. Use A (premium), B (first "
                                          "class) or C (standard).").format(grade=grade))

        def level(column: str, value: Any) -> int:
            with _column(column):
                if value is None or str(value).strip() == "":
                    return 0
                return core.to_milli(core.parse_count(value, unit=canonical))

        texts = {}
        for column, value in (("category", category), ("location", location),
                              ("supplier", supplier)):
            with _column(column):
                texts[column] = _text(value, field=column)
        with _column("lead_days"):
            days = core.parse_lead_days(lead_days)
        return _ItemFields(
            code=code, name=name, unit=canonical, category=texts["category"],
            location=texts["location"], reorder_level_milli=level("reorder_level", reorder_level),
            reorder_qty_milli=level("reorder_qty", reorder_qty), lead_days=days,
            supplier=texts["supplier"], grade=wanted,
        )

    def add_item(self, code: str, name: str, unit: str, *, category: str | None = None,
                 location: str | None = None, reorder_level: Any = None,
                 reorder_qty: Any = None, lead_days: Any = None, supplier: str | None = None,
                 grade: str | None = None, packs: Sequence[str] = (),
                 fractions: bool | None = None) -> Item:
        """`packs`: `case=5` (one case holds 5 of `unit`); `fractions`: whether parts of a
        unit may be counted (default: only for measures, kg, l and m)."""
        fields = _quantity(self._fields, code=code, name=name, unit=unit, category=category,
                           location=location, reorder_level=reorder_level,
                           reorder_qty=reorder_qty, lead_days=lead_days, supplier=supplier,
                           grade=grade)
        row = self._row(fields, self.ctx.now())
        row["packs"] = self._packs({}, packs, fields.unit)
        row["fractions"] = int(fields.unit in core.MEASURES if fractions is None else fractions)
        db, now = self.ctx.db, self.ctx.now()
        with write(db):
            if store.get_item(db, fields.code) is not None:
                raise OfficeError(_("An item with code '{code}' already exists.").format(
                    code=fields.code))
            item_id = store.insert_item(db, row)
            after = store.get_item_by_id(db, item_id)
            events.record(db, ts=to_iso(now), action="add", entity="item", entity_id=item_id,
                          before=None, after=after)
        return Item.from_row(after)

    @staticmethod
    def _row(fields: _ItemFields, now: datetime) -> Row:
        return {
            "code": fields.code, "name": fields.name, "unit": fields.unit,
            "category": fields.category, "location": fields.location,
            "reorder_level_milli": fields.reorder_level_milli,
            "reorder_qty_milli": fields.reorder_qty_milli, "lead_days": fields.lead_days,
            "supplier": fields.supplier, "grade": fields.grade, "active": 1,
            "stock_milli": 0, "created": to_iso(now), "updated": to_iso(now),
        }

    def edit_item(self, code: str, *, name: str | None = None, category: str | None = None,
                  location: str | None = None, reorder_level: Any = None,
                  reorder_qty: Any = None, lead_days: Any = None, supplier: str | None = None,
                  grade: str | None = None, active: bool | None = None,
                  packs: Sequence[str] = (), fractions: bool | None = None) -> Item:
        """Change the given fields (None leaves a field as it is). The unit is fixed once
        there are movements in it. `packs` adds or changes packs (`case=5`; `case=0`
        removes one); `fractions` allows or refuses parts of a unit from now on."""
        db, now = self.ctx.db, self.ctx.now()
        with write(db):
            before = store.get_item(db, (code or "").strip())
            if before is None:
                raise OfficeError(_("Unknown item '{code}'. `office-tui item list` shows the "
                                    "codes.").format(code=code))
            fields = _quantity(
                self._fields, code=before["code"],
                name=before["name"] if name is None else name, unit=before["unit"],
                category=before["category"] if category is None else category,
                location=before["location"] if location is None else location,
                reorder_level=(core.from_milli(before["reorder_level_milli"])
                               if reorder_level is None else reorder_level),
                reorder_qty=(core.from_milli(before["reorder_qty_milli"])
                             if reorder_qty is None else reorder_qty),
                lead_days=before["lead_days"] if lead_days is None else lead_days,
                supplier=before["supplier"] if supplier is None else supplier,
                grade=before["grade"] if grade is None else grade,
            )
            changes = self._row(fields, now)
            del changes["stock_milli"], changes["created"]
            changes["active"] = before["active"] if active is None else int(active)
            changes["packs"] = self._packs(json.loads(before["packs"] or "{}"), packs,
                                           before["unit"])
            changes["fractions"] = before["fractions"] if fractions is None else int(fractions)
            store.update_item(db, before["id"], changes)
            after = store.get_item_by_id(db, before["id"])
            events.record(db, ts=to_iso(now), action="edit", entity="item",
                          entity_id=before["id"], before=before, after=after)
        return Item.from_row(after)

    @staticmethod
    def _packs(current: dict[str, int], given: Sequence[str], unit: str) -> str | None:
        """The packs column: `current` with each of `given` (`case=5`) set or removed."""
        packs = dict(current)
        for text in given:
            pack, per = _quantity(core.parse_pack, text, unit)
            if per:
                packs[pack] = per
            else:
                packs.pop(pack, None)
        return json.dumps(dict(sorted(packs.items()))) if packs else None

    # -- the ledger -------------------------------------------------------------------
    def receive(self, code: str, quantity: Any, *, price: Any = None,
                supplier: str | None = None, note: str | None = None) -> Movement:
        item = self.item(code)
        qty = _quantity(core.item_quantity, quantity, item)
        unit_price = None
        if price is not None and str(price).strip() != "":
            unit_price = _quantity(core.parse_price, price, allow_zero=True)
        row = {
            "item_id": item.id, "kind": "receive", "quantity_milli": core.to_milli(qty),
            "unit_price": core.format_decimal(unit_price) if unit_price is not None else None,
            "supplier": _text(supplier, field=_("The supplier")) or item.supplier,
            "delivery_note": _text(note, field=_("The delivery note")),
        }
        return self._append(item, row)

    def issue(self, code: str, quantity: Any, *, department: str | None,
              person: str | None = None, job_id: int | None = None,
              close_job: bool = False) -> IssueResult:
        """Issue stock; with `close_job`, the linked supply job is closed with what was
        issued as its outcome, in the same transaction (one undo reverts both)."""
        if close_job and job_id is None:
            raise OfficeError(_("Closing the job needs its number (--job)."))
        item = self.item(code)
        qty = _quantity(core.item_quantity, quantity, item)
        if job_id is not None:
            job = self._jobs().get(job_id)  # "No job #N." when there is none
            if not department:
                department = job.department
        department = _text(department, field=_("The department"))
        if department is None:
            raise OfficeError(_("Say which department the stock is issued to (--dept)."))
        milli = core.to_milli(qty)
        row = {
            "item_id": item.id, "kind": "issue", "quantity_milli": -milli,
            "department": department, "person": _text(person, field=_("The person")),
            "job_id": job_id,
        }
        with write(self.ctx.db):
            movement = self._append(item, row, need_milli=milli, verb="issue")
            if close_job and job_id is not None:
                self._jobs().done(job_id, core.issue_outcome(movement, item))
        return IssueResult(movement, self.item(item.code),
                           tuple(self._quota_warnings(item, department)))

    def adjust(self, code: str, quantity: Any, *, reason: str | None) -> Movement:
        item = self.item(code)
        qty = _quantity(core.item_quantity, quantity, item, allow_negative=True)
        reason = _text(reason, field=_("The reason"))
        if reason is None:
            raise OfficeError(_("Give the reason for the adjustment (--reason), e.g. damaged."))
        milli = core.to_milli(qty)
        row = {"item_id": item.id, "kind": "adjust", "quantity_milli": milli, "reason": reason}
        return self._append(item, row, need_milli=-milli if milli < 0 else 0, verb="adjust")

    def _append(self, item: Item, row: Row, *, need_milli: int = 0,
                verb: str = "") -> Movement:
        db, now = self.ctx.db, self.ctx.now()
        row = {**row, "ts": to_iso(now)}
        with write(db):
            current = store.get_item_by_id(db, item.id)
            if current is None:  # pragma: no cover - items are never deleted
                raise OfficeError(_("Unknown item '{code}'.").format(code=item.code))
            stock = current["stock_milli"]
            if need_milli > stock:
                raise OfficeError(self._short_message(item, verb, need_milli, stock))
            movement_id = store.insert_movement(db, row)
            saved = store.get_movement(db, movement_id)
            if saved.get("department"):
                add_department(db, saved["department"])
            events.record(db, ts=to_iso(now), action=row["kind"], entity="movement",
                          entity_id=movement_id, before=None, after=saved)
        return Movement.from_row({**saved, "balance_milli": stock + row["quantity_milli"]})

    @staticmethod
    def _short_message(item: Item, verb: str, need_milli: int, stock_milli: int) -> str:
        values = {"qty": core.format_milli(need_milli), "unit": core.unit_label(item.unit),
                  "code": item.code, "name": item.name, "stock": core.format_milli(stock_milli)}
        if verb == "adjust":
            return _("Cannot take {qty} {unit} off {code} ({name}): only {stock} in stock; "
                     "nothing written.").format(**values)
        return _("Cannot issue {qty} {unit} of {code} ({name}): only {stock} in stock; "
                 "nothing written.").format(**values)

    def history(self, code: str, *, limit: int = 200) -> list[Movement]:
        item = self.item(code)
        return [Movement.from_row(r) for r in store.history(self.ctx.db, item.id, limit=limit)]

    def ledger_sum(self, code: str) -> Decimal:
        return core.from_milli(store.ledger_sum(self.ctx.db, self.item(code).id))

    def weekly_use(self, code: str, *, weeks: int = core.TREND_WEEKS) -> list[Decimal]:
        """What was issued each week (Monday-Sunday), oldest first, this week last."""
        item, now = self.item(code), self.ctx.now()
        first = datetime.combine(core.week_starts(now, weeks)[0], datetime.min.time())
        issues = [(datetime.fromisoformat(ts), milli) for ts, milli in
                  store.issues_between(self.ctx.db, item.id, to_iso(first), to_iso(now))]
        return [core.from_milli(m) for m in core.weekly_buckets(issues, now, weeks)]

    # -- stocktake --------------------------------------------------------------------
    def stocktake_sheet(self) -> list[Item]:
        """Active items in the order a clerk walks the shelves: by location, then code."""
        return [Item.from_row(r) for r in store.list_items(self.ctx.db, order="location")]

    def stocktake(self, counts: Sequence[tuple[str, Any]]) -> list[StocktakeLine]:
        """Write every count in one transaction: each sets the item's stock to the count
        (the ledger row holds the count and the difference). Returns every line; the
        differences are the lines whose difference is not zero."""
        if not counts:
            raise OfficeError(_("Nothing was counted; nothing written."))
        parsed: list[tuple[Item, int]] = []
        seen: set[int] = set()
        for code, text in counts:
            item = self.item(code)
            if item.id in seen:
                raise OfficeError(_("{code} is counted twice; nothing written.").format(
                    code=item.code))
            seen.add(item.id)
            try:
                counted = core.item_quantity(text, item, allow_zero=True)
            except QuantityError as exc:
                raise OfficeError(_("{code}: {reason} Nothing written.").format(
                    code=item.code, reason=exc)) from None
            parsed.append((item, core.to_milli(counted)))
        db, now = self.ctx.db, self.ctx.now()
        lines: list[StocktakeLine] = []
        with write(db):
            for item, counted in parsed:
                book = store.get_item_by_id(db, item.id)["stock_milli"]
                row = {"item_id": item.id, "kind": "stocktake", "ts": to_iso(now),
                       "quantity_milli": counted - book, "counted_milli": counted}
                movement_id = store.insert_movement(db, row)
                events.record(db, ts=to_iso(now), action="stocktake", entity="movement",
                              entity_id=movement_id, before=None,
                              after=store.get_movement(db, movement_id))
                lines.append(StocktakeLine(item, book, counted))
        return lines

    # -- stock and forecast -----------------------------------------------------------
    def _usage(self, item_ids: Sequence[int] | None) -> dict[int, tuple[int, int, int]]:
        now = self.ctx.now()
        return store.usage(
            self.ctx.db,
            window_start=to_iso(core.use_window_start(now)),
            recent_start=to_iso(now - timedelta(days=28)),
            previous_start=to_iso(now - timedelta(days=56)),
            until=to_iso(now), item_ids=item_ids,
        )

    @staticmethod
    def _line(item: Item, used: tuple[int, int, int]) -> StockLine:
        fc = core.forecast(stock_milli=item.stock_milli, used_milli=used[0],
                           lead_days=item.lead_days,
                           reorder_level_milli=item.reorder_level_milli)
        return StockLine(item, fc, used[1], used[2])

    def stock(self, *, low: bool = False, search: str | None = None, limit: int = -1,
              offset: int = 0) -> list[StockLine]:
        """Active items by code with stock, reorder point, days left and trend.

        A whole listing (no limit) takes the usage of every item in one aggregate; a page
        takes only the usage of its own items."""
        if limit is not None and limit >= 0 and low:
            raise ValueError("low=True lists every low item; it takes no limit")
        if low:  # filtered in SQL: only the low items get a forecast built
            return self.stock_by_need(low=True, search=search, by_code=True)[0]
        rows = store.list_items(self.ctx.db, search=search or None, limit=limit, offset=offset)
        items = [Item.from_row(r) for r in rows]
        paged = limit is not None and limit >= 0
        usage = self._usage([i.id for i in items] if paged else None)
        return [self._line(i, usage.get(i.id, (0, 0, 0))) for i in items]

    def stock_by_need(self, *, low: bool = False, search: str | None = None,
                      limit: int | None = None, by_code: bool = False
                      ) -> tuple[list[StockLine], int]:
        """Active items most in need first — at or under the reorder point first, then
        fewest days left (no use last), then by code — at most `limit` of them (None: all),
        and how many match in all. The order comes from one aggregate in SQL, and only the
        lines handed out get their trend, so the first 50 of 5,000 items cost about as much
        as the first 50 of 100. `by_code`: in the order of `stock` instead."""
        now = self.ctx.now()
        found, total = store.stock_by_need(
            self.ctx.db, window_start=to_iso(core.use_window_start(now)), until=to_iso(now),
            window_days=core.USE_WINDOW_DAYS, search=search or None, low_only=low,
            by_code=by_code, limit=-1 if limit is None else limit)
        ids = [row["id"] for row, _used in found]
        usage = self._usage(ids if len(ids) <= 500 else None)  # the trends
        lines = []
        for row, used in found:
            recent, previous = usage.get(row["id"], (0, 0, 0))[1:]
            lines.append(self._line(Item.from_row(row), (used, recent, previous)))
        return lines, total

    def count(self, *, search: str | None = None) -> int:
        return store.count_items(self.ctx.db, search=search or None)

    def line(self, code: str) -> StockLine:
        item = self.item(code)
        return self._line(item, self._usage([item.id]).get(item.id, (0, 0, 0)))

    def forecast(self, code: str) -> Forecast:
        return self.line(code).forecast

    # -- quotes and the purchase list -------------------------------------------------
    def add_quote(self, code: str, *, supplier: str | None, price: Any,
                  grade: str | None = None, service: str | None = None,
                  quoted: str | date | None = None) -> Quote:
        item = self.item(code)
        supplier = _text(supplier, field=_("The supplier"))
        if supplier is None:
            raise OfficeError(_("Name the supplier of the quote (--supplier)."))
        if price is None or str(price).strip() == "":
            raise OfficeError(_("Give the quoted unit price (--price)."))
        value = _quantity(core.parse_price, price)
        graded = None
        if grade is not None and str(grade).strip():
            graded = core.normalise_grade(grade)
            if graded is None:
                raise OfficeError(_("Unknown grade '{grade}'. Use A (premium), B (first class) or "
                                    "C (standard).").format(grade=grade))
        now = self.ctx.now()
        when = self._date(quoted, _("quote date")) if quoted else now.date()
        if when > now.date():
            raise OfficeError(_("The quote date {day} is in the future.").format(
                day=when.isoformat()))
        db = self.ctx.db
        with write(db):
            quote_id = store.insert_quote(db, {
                "item_id": item.id, "supplier": supplier, "price": core.format_decimal(value),
                "grade": graded, "service": _text(service, field=_("The service note")),
                "quoted": when.isoformat(), "created": to_iso(now),
            })
            saved = store.get_quote(db, quote_id)
            events.record(db, ts=to_iso(now), action="add", entity="quote", entity_id=quote_id,
                          before=None, after=saved)
        return Quote.from_row(saved)

    def quotes(self, code: str) -> tuple[Item, list[Quote], Quote | None]:
        """The item, its quotes best first, and the best one for its grade (or None)."""
        item = self.item(code)
        quotes = [Quote.from_row(r) for r in store.quotes_for(self.ctx.db, [item.id])
                  .get(item.id, [])]
        return item, core.rank_quotes(quotes, item.grade), core.best_quote(quotes, item.grade)

    def purchase_list(self) -> list[PurchaseLine]:
        """Every active item at or under its reorder point, with a suggested quantity and
        the best quote for the grade it wants."""
        low = self.stock(low=True)
        quotes = store.quotes_for(self.ctx.db, [line.item.id for line in low])
        lines = []
        for line in low:
            item, fc = line.item, line.forecast
            offers = [Quote.from_row(r) for r in quotes.get(item.id, [])]
            suggested = core.suggested_order_milli(
                stock_milli=item.stock_milli, reorder_point_milli=fc.reorder_point_milli,
                used_milli=fc.used_milli, reorder_qty_milli=item.reorder_qty_milli)
            lines.append(PurchaseLine(item, fc, suggested, core.best_quote(offers, item.grade)))
        return lines

    # -- quotas and consumption -------------------------------------------------------
    def set_quota(self, code: str, *, department: str | None, quantity: Any,
                  period: str = "month") -> QuotaStatus | None:
        """Set (or with quantity 0, remove) a department's quota of an item per period."""
        item = self.item(code)
        department = _text(department, field=_("The department"))
        if department is None:
            raise OfficeError(_("Say which department the quota is for (--dept)."))
        chosen = core.normalise_period(period)
        if chosen is None:
            raise OfficeError(_("Unknown period '{period}'. Use month, quarter or year.")
                              .format(period=period))
        qty = core.to_milli(_quantity(core.parse_count, quantity, unit=item.unit))
        db, now = self.ctx.db, self.ctx.now()
        with write(db):
            before = store.get_quota(db, item.id, department, chosen)
            if qty == 0:
                store.delete_quota(db, item.id, department, chosen)
            else:
                store.set_quota(db, item.id, department, chosen, qty)
            add_department(db, department)
            after = store.get_quota(db, item.id, department, chosen)
            events.record(db, ts=to_iso(now), action="quota", entity="quota",
                          entity_id=item.id, before=before, after=after)
        if qty == 0:
            return None
        return self._quota_status(store.quotas(db, item_id=item.id, department=department),
                                  now.date(), chosen)[0]

    def quotas(self, *, as_of: date | None = None, department: str | None = None
               ) -> list[QuotaStatus]:
        day = as_of or self.ctx.now().date()
        return self._quota_status(store.quotas(self.ctx.db, department=department), day)

    def _quota_status(self, rows: list[Row], day: date,
                      period: str | None = None) -> list[QuotaStatus]:
        found = []
        for row in rows:
            if period is not None and row["period"] != period:
                continue
            start, end = core.period_bounds(row["period"], day)
            used = store.issued_to(self.ctx.db, row["item_id"], row["department"],
                                   f"{start.isoformat()}T00:00:00",
                                   f"{end.isoformat()}T23:59:59")
            found.append(QuotaStatus(row["department"], row["code"], row["name"], row["unit"],
                                     row["period"], row["quantity_milli"], used, start, end))
        return found

    def _quota_warnings(self, item: Item, department: str) -> list[str]:
        rows = store.quotas(self.ctx.db, item_id=item.id, department=department)
        warnings = []
        for status in self._quota_status(rows, self.ctx.now().date()):
            if status.over:
                warnings.append(_(
                    "{dept} has used {used} {unit} of {code} this {period}, over its quota "
                    "of {quota}.").format(
                    dept=department, used=core.format_milli(status.used_milli),
                    unit=core.unit_label(item.unit), code=item.code,
                    period=core.period_label(status.period),
                    quota=core.format_milli(status.quota_milli)))
        return warnings

    def consumption(self, *, start: str | date | None = None, end: str | date | None = None,
                    department: str | None = None) -> Consumption:
        """What each department used of each item from `start` to `end` (both included;
        default: this month so far), and the quotas in the period holding `end`."""
        today = self.ctx.now().date()
        last = self._date(end, "--to") if end else today
        first = self._date(start, "--from") if start else last.replace(day=1)
        if first > last:
            raise OfficeError(_("The period starts ({start}) after it ends ({end}).").format(
                start=first.isoformat(), end=last.isoformat()))
        department = _text(department, field=_("The department"))
        rows = store.consumption(self.ctx.db, since=f"{first.isoformat()}T00:00:00",
                                 until=f"{last.isoformat()}T23:59:59", department=department)
        return Consumption(
            first, last,
            [ConsumptionRow(r["department"], r["code"], r["name"], r["unit"],
                            r["quantity_milli"], r["issues"]) for r in rows],
            self.quotas(as_of=last, department=department),
        )

    def _date(self, value: str | date, what: str) -> date:
        if isinstance(value, date):
            return value
        return day_from(str(value), self.ctx.now().date(), what)

    # -- import -----------------------------------------------------------------------
    def import_items_file(self, path: str | Path, *, sheet: str | None = None) -> list[Item]:
        """A CSV file, or an Excel workbook (.xlsx: its first sheet, or `sheet`)."""
        return self.import_records(records(
            path, self.ctx.db_path, MAX_IMPORT_BYTES, sheet=sheet,
            too_big=_("{path} is {size} MiB; an item list is at most {max} MiB.")))

    def import_items(self, text: str) -> list[Item]:
        return self.import_records(csv_records(text))

    def import_records(self, records: list[tuple[int, list[str]]]) -> list[Item]:
        """All rows are checked first; one bad row and nothing is imported. Errors name
        the row (the header is row 1) and the column."""
        if not records or not any(cell.strip() for cell in records[0][1]):
            raise OfficeError(_("The file is empty: the first row must be a header with "
                                "code,name,unit. Nothing imported."))
        header = [cell.strip().lower() for cell in records[0][1]]
        errors: list[str] = []
        known = IMPORT_REQUIRED + IMPORT_OPTIONAL
        for index, name in enumerate(header, start=1):
            if name not in known:
                errors.append(_("row 1, column {n} '{name}': not a known column (use {known})")
                              .format(n=index, name=name, known=",".join(known)))
            elif header.count(name) > 1 and header.index(name) != index - 1:
                errors.append(_("row 1, column {n} '{name}': appears twice").format(
                    n=index, name=name))
        for name in IMPORT_REQUIRED:
            if name not in header:
                errors.append(_("row 1: the column '{name}' is missing").format(name=name))
        if errors:
            raise OfficeError(import_failed(errors))
        fields: list[_ItemFields] = []
        first_row: dict[str, int] = {}
        for number, cells in body_rows(records, len(header), errors):
            values = dict(zip(header, [c.strip() for c in cells] +
                              [""] * (len(header) - len(cells))))
            problem = self._import_row(values, number)
            if isinstance(problem, str):
                errors.append(problem)
                continue
            key = problem.code.lower()
            if key in first_row:
                errors.append(_("row {row}, column code: '{code}' is already on row {other}")
                              .format(row=number, code=problem.code, other=first_row[key]))
                continue
            first_row[key] = number
            fields.append(problem)
        if not fields and not errors:
            raise OfficeError(_("The file has a header but no items. Nothing imported."))
        db, now = self.ctx.db, self.ctx.now()
        with write(db):
            taken = store.existing_codes(db, [f.code for f in fields])
            for f in fields:
                if f.code.lower() in taken:
                    errors.append(_("row {row}, column code: an item '{code}' already exists")
                                  .format(row=first_row[f.code.lower()], code=f.code))
            if errors:
                raise OfficeError(import_failed(errors))
            store.insert_items(db, [self._row(f, now) for f in fields])
            rows = [store.get_item(db, f.code) for f in fields]
            for row in rows:
                events.record(db, ts=to_iso(now), action="import", entity="item",
                              entity_id=row["id"], before=None, after=row)
        return [Item.from_row(r) for r in rows]

    def _import_row(self, values: dict[str, str], number: int) -> _ItemFields | str:
        try:
            return self._fields(**{k: (v or None) for k, v in values.items()})
        except _FieldError as exc:
            return _("row {row}, column {column}: {reason}").format(
                row=number, column=exc.column, reason=str(exc).rstrip("."))

    # -- jobs -------------------------------------------------------------------------
    def for_job(self, job_id: int) -> list[Movement]:
        return [Movement.from_row(r) for r in store.movements_for_job(self.ctx.db, job_id)]


