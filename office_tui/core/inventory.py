"""Consumables: exact quantities, units, quality grades, the forecast and the best quote.

Pure functions only (no SQLite, no I/O, `now` is a parameter). Quantities are exact: they
are parsed into `Decimal` and stored as integer milli-units (1 pack = 1000), so sums are
integer sums and never floats. Forecast arithmetic stays in integers or `Fraction`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from office_tui.i18n import _, ngettext

MILLI = 1000
QUANTITY_PLACES = 3          # milli-units
PRICE_PLACES = 4             # prices are exact decimals with up to 4 places
MAX_QUANTITY = Decimal(10) ** 12   # far beyond any cupboard, far below SQLite's limit
MAX_PRICE = Decimal(10) ** 9
MAX_LEAD_DAYS = 365
USE_WINDOW_DAYS = 30         # the forecast's average daily use looks back this far
TREND_WEEKS = 12             # the weekly sparkline
KINDS = ("receive", "issue", "adjust", "stocktake")
PERIODS = ("month", "quarter", "year")

# -- units ------------------------------------------------------------------------------
# Canonical unit -> every spelling a clerk might type (English and the Chinese measure word).
UNIT_ALIASES: dict[str, tuple[str, ...]] = {
    "pcs": ("pcs", "pc", "piece", "pieces", "each", "个", "件", "只"),
    "pack": ("pack", "packs", "ream", "reams", "包"),
    "box": ("box", "boxes", "盒"),
    "case": ("case", "cases", "carton", "cartons", "箱"),
    "bottle": ("bottle", "bottles", "瓶"),
    "barrel": ("barrel", "barrels", "bucket", "桶"),
    "roll": ("roll", "rolls", "卷"),
    "set": ("set", "sets", "套"),
    "pair": ("pair", "pairs", "双", "副"),
    "stick": ("stick", "sticks", "pen", "pens", "支", "枝"),
    "sheet": ("sheet", "sheets", "张"),
    "bag": ("bag", "bags", "袋"),
    "book": ("book", "books", "pad", "pads", "本"),
    "block": ("block", "blocks", "bar", "bars", "块"),
    "bundle": ("bundle", "bundles", "捆"),
    "kg": ("kg", "kilogram", "kilograms", "公斤", "千克"),
    "l": ("l", "litre", "litres", "liter", "liters", "升"),
    "m": ("m", "metre", "metres", "meter", "meters", "米"),
}
UNITS = tuple(UNIT_ALIASES)
# Units that measure rather than count: a new item in one of them takes fractions (2.5 kg);
# an item counted in whole things (a pack of paper) refuses them unless allowed.
MEASURES = ("kg", "l", "m")
_UNIT_LOOKUP = {alias: unit for unit, aliases in UNIT_ALIASES.items() for alias in aliases}


def normalise_unit(value: str | None) -> str | None:
    if not value:
        return None
    return _UNIT_LOOKUP.get(unicodedata.normalize("NFKC", value).strip().lower())


def unit_label(unit: str) -> str:
    labels = {
        "pcs": _("pcs"), "pack": _("pack"), "box": _("box"), "case": _("case"),
        "bottle": _("bottle"), "barrel": _("barrel"), "roll": _("roll"), "set": _("set"),
        "pair": _("pair"), "stick": _("stick"), "sheet": _("sheet"), "bag": _("bag"),
        "book": _("book"), "block": _("block"), "bundle": _("bundle"), "kg": _("kg"),
        "l": _("l"), "m": _("m"),
    }
    return labels.get(unit, unit)


def units_help() -> str:
    """'pcs (个), pack (包), ...': each unit with its Chinese measure word."""
    shown = []
    for unit in UNITS:
        chinese = next((a for a in UNIT_ALIASES[unit] if not a.isascii()), None)
        shown.append(f"{unit} ({chinese})" if chinese else unit)
    return ", ".join(shown)


# -- quality grades (GB product grades: 优等品 / 一等品 / 合格品) ----------------------------
GRADES = ("A", "B", "C")
GRADE_ALIASES: dict[str, str] = {
    "a": "A", "premium": "A", "优等品": "A", "优": "A",
    "b": "B", "first": "B", "first-class": "B", "一等品": "B", "一等": "B",
    "c": "C", "standard": "C", "qualified": "C", "合格品": "C", "合格": "C",
}


def normalise_grade(value: str | None) -> str | None:
    if value is None:
        return None
    return GRADE_ALIASES.get(unicodedata.normalize("NFKC", value).strip().lower())


def grade_label(grade: str | None) -> str:
    labels = {"A": _("A premium"), "B": _("B first-class"), "C": _("C standard")}
    return labels.get(grade or "", _("ungraded"))


def grade_rank(grade: str | None) -> int:
    """0 is the best grade; an ungraded quote ranks below every grade."""
    return GRADES.index(grade) if grade in GRADES else len(GRADES)


def meets_grade(grade: str | None, wanted: str | None) -> bool:
    """A quote serves the item if its grade is the one wanted or better."""
    return wanted is None or grade_rank(grade) <= grade_rank(wanted)


# -- quantities -------------------------------------------------------------------------
class QuantityError(ValueError):
    """A quantity, price or unit a person typed that cannot be used; the message says why."""


_NUMBER = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(.*?)\s*$")


def _number(text: str, what: str) -> tuple[Decimal, str]:
    """Split '10', '2.5 包', '-1' into (Decimal, unit text). Refuses what is not a number."""
    raw = text if isinstance(text, str) else str(text)
    cleaned = unicodedata.normalize("NFKC", raw)  # full-width digits from a Chinese IME
    match = _NUMBER.match(cleaned)
    if not match:
        raise QuantityError(_("'{value}' is not a {what}: write a number such as 10 or 2.5.")
                            .format(value=raw.strip(), what=what))
    try:
        return Decimal(match.group(1)), match.group(2)
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        raise QuantityError(_("'{value}' is not a {what}.").format(value=raw, what=what)) \
            from None


def parse_quantity(
    text: str | Decimal | int,
    *,
    unit: str | None = None,
    allow_negative: bool = False,
    allow_zero: bool = False,
) -> Decimal:
    """An exact quantity, optionally followed by a unit that must be the item's own.

    Refuses non-numbers, zero (unless `allow_zero`), negatives (unless `allow_negative`),
    more than three decimal places, and a unit that is unknown or not the item's.
    """
    if isinstance(text, (Decimal, int)) and not isinstance(text, bool):
        value, unit_text = Decimal(text), ""
        if not value.is_finite():
            raise QuantityError(_("'{value}' is not a quantity: write a number such as 10 or "
                                  "2.5.").format(value=text))
    else:
        value, unit_text = _number(str(text), _("quantity"))
    if unit_text:
        typed = normalise_unit(unit_text)
        if typed is None:
            raise QuantityError(_("Unknown unit '{unit}'. Known units: {units}.").format(
                unit=unit_text, units=units_help()))
        if unit is not None and typed != unit:
            raise QuantityError(_("This item is counted in {unit}, not {typed}.").format(
                unit=unit_label(unit), typed=unit_label(typed)))
    if value == 0 and not allow_zero:
        raise QuantityError(_("The quantity must be more than zero (got {value}).").format(
            value=format_decimal(value)))
    if value < 0 and not allow_negative:
        if allow_zero:
            raise QuantityError(_("The quantity {value} is negative: it must be zero or more.")
                                .format(value=format_decimal(value)))
        raise QuantityError(_("The quantity {value} is negative: it must be more than zero "
                              "(to correct the stock down, use adjust).").format(
            value=format_decimal(value)))
    if abs(value) >= MAX_QUANTITY:
        raise QuantityError(_("The quantity {value} is too large.").format(
            value=format_decimal(value)))
    if value != value.quantize(Decimal(1).scaleb(-QUANTITY_PLACES)):
        raise QuantityError(_("The quantity {value} has more than {places} decimal places.")
                            .format(value=format_decimal(value), places=QUANTITY_PLACES))
    return value


def item_quantity(text: str | Decimal | int, item: Item, *, allow_negative: bool = False,
                  allow_zero: bool = False) -> Decimal:
    """A quantity of `item` in its own unit. A unit may be typed: the item's own (3包), or
    one of its packs, converted (3箱 with 1 箱 = 5 包 is 15). An item counted in whole
    units refuses a fraction, after conversion, unless it allows them."""
    if isinstance(text, (Decimal, int)) and not isinstance(text, bool):
        value, unit_text = Decimal(text), ""
    else:
        value, unit_text = _number(str(text), _("quantity"))
    if unit_text:
        typed = normalise_unit(unit_text)
        if typed is None:
            raise QuantityError(_("Unknown unit '{unit}'. Known units: {units}.").format(
                unit=unit_text, units=units_help()))
        if typed != item.unit:
            per = item.pack(typed)
            if per is None:
                raise QuantityError(_("This item is counted in {unit}, not {typed}: to count "
                                      "in {typed}, set how many {unit} one holds with item "
                                      "edit {code} --pack {typed}=N.").format(
                    unit=unit_label(item.unit), typed=unit_label(typed), code=item.code))
            value = value * from_milli(per)
    value = parse_quantity(value, allow_negative=allow_negative, allow_zero=allow_zero)
    if not item.fractions and value != value.to_integral_value():
        raise QuantityError(_("{code} is counted in whole {unit}: {value} is not a whole "
                              "number (item edit {code} --fractions allows parts).").format(
            code=item.code, unit=unit_label(item.unit), value=format_decimal(value)))
    return value


def parse_pack(text: str, unit: str) -> tuple[str, int]:
    """`箱=5` / `case=5` for an item counted in `unit`: (the pack's unit, how many
    milli-units of `unit` it holds; 0 removes the pack)."""
    name, sep, amount = unicodedata.normalize("NFKC", text or "").partition("=")
    pack = normalise_unit(name)
    if not sep or pack is None:
        raise QuantityError(_("'{text}' is not a pack: write it like case=5 (one case holds "
                              "5 of the item's unit).").format(text=text))
    if pack == unit:
        raise QuantityError(_("A pack must be another unit than the item's own ({unit})."
                              ).format(unit=unit_label(unit)))
    return pack, to_milli(parse_quantity(amount, allow_zero=True))


def packs_text(item: Item) -> str:
    """`1 case = 5 pack, 1 box = 10 pack` (each in the interface language)."""
    return ", ".join(_("1 {pack} = {n} {unit}").format(
        pack=unit_label(pack), n=format_milli(per), unit=unit_label(item.unit))
        for pack, per in item.packs)


def parse_count(text: str | Decimal | int, *, unit: str | None = None) -> Decimal:
    """A counted quantity (stocktake) or a level: zero allowed, never negative."""
    return parse_quantity(text, unit=unit, allow_zero=True)


def parse_price(text: str | Decimal | int, *, allow_zero: bool = False) -> Decimal:
    if isinstance(text, (Decimal, int)) and not isinstance(text, bool):
        value, rest = Decimal(text), ""
    else:
        value, rest = _number(str(text).replace("¥", "").replace("元", ""), _("price"))
    if rest:
        raise QuantityError(_("'{value}' is not a price: write a number such as 23.5.").format(
            value=str(text).strip()))
    if not value.is_finite():
        raise QuantityError(_("'{value}' is not a price: write a number such as 23.5.").format(
            value=text))
    if value < 0 or (value == 0 and not allow_zero):
        raise QuantityError(_("The price must be more than zero (got {value}).").format(
            value=format_decimal(value)))
    if value >= MAX_PRICE:
        raise QuantityError(_("The price {value} is too large.").format(
            value=format_decimal(value)))
    if value != value.quantize(Decimal(1).scaleb(-PRICE_PLACES)):
        raise QuantityError(_("The price {value} has more than {places} decimal places.")
                            .format(value=format_decimal(value), places=PRICE_PLACES))
    return value


def parse_lead_days(text: str | int | None) -> int:
    if text is None or text == "":
        return 0
    raw = str(text).strip()
    if not re.fullmatch(r"\d+", unicodedata.normalize("NFKC", raw)):
        raise QuantityError(_("Lead time '{value}' is not a whole number of days.").format(
            value=raw))
    digits = unicodedata.normalize("NFKC", raw).lstrip("0") or "0"
    # (int() refuses more than 4300 digits: the length says enough first)
    if len(digits) > len(str(MAX_LEAD_DAYS)) or int(digits) > MAX_LEAD_DAYS:
        raise QuantityError(_("Lead time {days} days is more than a year.").format(days=digits))
    return int(digits)


def to_milli(value: Decimal) -> int:
    return int((value * MILLI).to_integral_value())


def from_milli(milli: int) -> Decimal:
    return Decimal(milli) / MILLI if milli else Decimal(0)


def format_decimal(value: Decimal) -> str:
    """'6', '2.5', '-1' — no exponent, no trailing zeros."""
    if value == 0:
        return "0"
    text = format(value.normalize(), "f")
    return text


def format_milli(milli: int) -> str:
    return format_decimal(from_milli(milli))


def json_number(milli: int) -> int | float:
    """A milli-unit quantity as a JSON number: an int when whole, else the exact decimal
    (three places at most, so the shortest float repr prints it exactly)."""
    if milli % MILLI == 0:
        return milli // MILLI
    return float(format_milli(milli))


def format_money(price: Decimal | None) -> str:
    """'23.50', '0.125' — two places unless the price has more."""
    if price is None:
        return ""
    cents = price.quantize(Decimal("0.01"))
    return format(cents, "f") if cents == price else format_decimal(price)


# -- records ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Item:
    id: int
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
    active: bool
    stock_milli: int
    # (unit, milli-units of `unit` it holds), by unit: 1 case = 5 pack is ("case", 5000)
    packs: tuple[tuple[str, int], ...] = ()
    fractions: bool = True  # False: counted in whole units (a pack of paper)

    def pack(self, unit: str) -> int | None:
        return dict(self.packs).get(unit)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Item:
        packs = row.get("packs")
        return cls(
            packs=tuple(sorted(json.loads(packs).items())) if packs else (),
            fractions=bool(row.get("fractions", 1)),
            id=row["id"], code=row["code"], name=row["name"], unit=row["unit"],
            category=row.get("category"), location=row.get("location"),
            reorder_level_milli=row["reorder_level_milli"],
            reorder_qty_milli=row["reorder_qty_milli"], lead_days=row["lead_days"],
            supplier=row.get("supplier"), grade=row.get("grade"),
            active=bool(row["active"]), stock_milli=row["stock_milli"],
        )

    @property
    def stock(self) -> Decimal:
        return from_milli(self.stock_milli)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code, "name": self.name, "unit": self.unit,
            "category": self.category, "location": self.location,
            "reorder_level": json_number(self.reorder_level_milli),
            "reorder_qty": json_number(self.reorder_qty_milli),
            "lead_days": self.lead_days, "supplier": self.supplier, "grade": self.grade,
            "active": self.active, "stock": json_number(self.stock_milli),
            "packs": {pack: json_number(per) for pack, per in self.packs},
            "fractions": self.fractions,
        }


@dataclass(frozen=True)
class Movement:
    id: int
    item_id: int
    kind: str
    ts: datetime
    quantity_milli: int          # signed change of stock
    counted_milli: int | None    # stocktake: the count
    unit_price: Decimal | None
    supplier: str | None
    delivery_note: str | None
    department: str | None
    person: str | None
    job_id: int | None
    reason: str | None
    balance_milli: int | None = None  # stock after this movement (in history views)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Movement:
        return cls(
            id=row["id"], item_id=row["item_id"], kind=row["kind"],
            ts=datetime.fromisoformat(row["ts"]), quantity_milli=row["quantity_milli"],
            counted_milli=row.get("counted_milli"),
            unit_price=Decimal(row["unit_price"]) if row.get("unit_price") else None,
            supplier=row.get("supplier"), delivery_note=row.get("delivery_note"),
            department=row.get("department"), person=row.get("person"),
            job_id=row.get("job_id"), reason=row.get("reason"),
            balance_milli=row.get("balance_milli"),
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "ts": self.ts.isoformat(timespec="seconds"),
            "quantity": json_number(self.quantity_milli),
        }
        optional = {
            "counted": None if self.counted_milli is None else json_number(self.counted_milli),
            "unit_price": None if self.unit_price is None else format_decimal(self.unit_price),
            "supplier": self.supplier, "delivery_note": self.delivery_note,
            "department": self.department, "person": self.person, "job_id": self.job_id,
            "reason": self.reason,
            "balance": None if self.balance_milli is None else json_number(self.balance_milli),
        }
        data.update({k: v for k, v in optional.items() if v is not None})
        return data


def kind_label(kind: str) -> str:
    labels = {"receive": _("received"), "issue": _("issued"), "adjust": _("adjusted"),
              "stocktake": _("stocktake")}
    return labels.get(kind, kind)


# -- forecast ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Forecast:
    used_milli: int               # issued over the last USE_WINDOW_DAYS days
    reorder_point_milli: int
    days_left: Fraction | None    # None: nothing used, the stock lasts indefinitely
    low: bool                     # at or under the reorder point

    @property
    def daily_use(self) -> Fraction:
        return Fraction(self.used_milli, USE_WINDOW_DAYS * MILLI)

    def daily_use_text(self) -> str:
        return format_decimal(_round_down(self.daily_use, 3))

    def days_left_text(self) -> str:
        return days_left_text(self.days_left)

    def days_left_json(self) -> float | None:
        if self.days_left is None:
            return None
        return float(format_decimal(_round_down(self.days_left, 1)))


DAYS_LEFT_WHOLE_FROM = 10


def days_left_text(days: Fraction | None) -> str:
    """Days of stock left as every screen and command shows them: one decimal below 10
    days (4.6, 0.5, 9.9), whole days from 10 (10, 60), always rounded down (a cupboard
    is never said to last longer than it does); "" when nothing is used."""
    if days is None:
        return ""
    if days >= DAYS_LEFT_WHOLE_FROM:
        return str(days.numerator // days.denominator)
    return f"{_round_down(days, 1):.1f}"


def _round_down(value: Fraction, places: int) -> Decimal:
    scaled = Decimal(value.numerator * 10**places // value.denominator)
    return (scaled.scaleb(-places)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_FLOOR)


def _ceil_div(a: int, b: int) -> int:
    return -((-a) // b)


def forecast(*, stock_milli: int, used_milli: int, lead_days: int,
             reorder_level_milli: int) -> Forecast:
    """Average daily use = what was issued in the last 30 days / 30; days left = stock /
    daily use; reorder point = max(lead time x daily use, reorder level), rounded up to a
    milli-unit (rounding up orders a little early, never late)."""
    by_lead = _ceil_div(lead_days * used_milli, USE_WINDOW_DAYS)
    point = max(by_lead, reorder_level_milli)
    days_left = (Fraction(stock_milli * USE_WINDOW_DAYS, used_milli)
                 if used_milli > 0 else None)
    return Forecast(used_milli=used_milli, reorder_point_milli=point, days_left=days_left,
                    low=stock_milli <= point)


def suggested_order_milli(*, stock_milli: int, reorder_point_milli: int, used_milli: int,
                          reorder_qty_milli: int) -> int:
    """Bring the stock back above the reorder point with 30 days of use on top, at least the
    reorder quantity, in whole units (at least one)."""
    wanted = max(reorder_qty_milli, reorder_point_milli + used_milli - stock_milli, MILLI)
    return _ceil_div(wanted, MILLI) * MILLI


def use_window_start(now: datetime) -> datetime:
    return now - timedelta(days=USE_WINDOW_DAYS)


def trend_text(recent_milli: int, before_milli: int) -> str:
    """Use in the last 4 weeks against the 4 before: '+25%', '-10%', '0%', 'new', ''."""
    if recent_milli == 0 and before_milli == 0:
        return ""
    if before_milli == 0:
        return _("new")
    change = Fraction(recent_milli - before_milli, before_milli) * 100
    rounded = int(change) if change >= 0 else -int(-change)
    return f"{rounded:+d}%" if rounded else "0%"


def week_starts(now: datetime, weeks: int = TREND_WEEKS) -> list[date]:
    """Mondays of the last `weeks` weeks, oldest first; the last is this week's."""
    this_monday = now.date() - timedelta(days=now.weekday())
    return [this_monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def weekly_buckets(issues: list[tuple[datetime, int]], now: datetime,
                   weeks: int = TREND_WEEKS) -> list[int]:
    """Milli-units issued per week (Monday to Sunday), oldest first."""
    starts = week_starts(now, weeks)
    totals = [0] * weeks
    for moment, milli in issues:
        day = moment.date()
        if day < starts[0] or moment > now:
            continue
        totals[min((day - starts[0]).days // 7, weeks - 1)] += milli
    return totals


# -- quotes -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Quote:
    id: int
    item_id: int
    supplier: str
    price: Decimal
    grade: str | None
    service: str | None
    quoted: date

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Quote:
        return cls(id=row["id"], item_id=row["item_id"], supplier=row["supplier"],
                   price=Decimal(row["price"]), grade=row.get("grade"),
                   service=row.get("service"), quoted=date.fromisoformat(row["quoted"]))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "supplier": self.supplier, "price": format_decimal(self.price),
                "grade": self.grade, "service": self.service,
                "quoted": self.quoted.isoformat()}


def _quote_key(quote: Quote) -> tuple:
    # Lowest price; equal price -> better grade; equal both -> newer quote (then later entry).
    return (quote.price, grade_rank(quote.grade), -quote.quoted.toordinal(), -quote.id)


def rank_quotes(quotes: list[Quote], wanted: str | None) -> list[Quote]:
    """Best first: the quotes at the wanted grade or better by the best-quote rule, then
    the ones below the wanted grade (same order)."""
    meeting = sorted((q for q in quotes if meets_grade(q.grade, wanted)), key=_quote_key)
    below = sorted((q for q in quotes if not meets_grade(q.grade, wanted)), key=_quote_key)
    return meeting + below


def best_quote(quotes: list[Quote], wanted: str | None) -> Quote | None:
    """同质比价, 同价比优: for the grade the item wants (or better), the lowest price;
    equal price -> the better grade; equal both -> the newer quote."""
    ranked = rank_quotes(quotes, wanted)
    return ranked[0] if ranked and meets_grade(ranked[0].grade, wanted) else None


# -- periods (quotas, consumption) ------------------------------------------------------
def period_bounds(period: str, day: date) -> tuple[date, date]:
    """First and last day of the calendar month / quarter / year holding `day`."""
    if period == "month":
        start = day.replace(day=1)
        end_month = start.month % 12 + 1
        end = start.replace(year=start.year + (start.month == 12), month=end_month) \
            - timedelta(days=1)
    elif period == "quarter":
        first_month = 3 * ((day.month - 1) // 3) + 1
        start = date(day.year, first_month, 1)
        nxt = date(day.year + (first_month == 10), (first_month + 2) % 12 + 1, 1)
        end = nxt - timedelta(days=1)
    elif period == "year":
        start, end = date(day.year, 1, 1), date(day.year, 12, 31)
    else:
        raise ValueError(period)
    return start, end


def period_label(period: str) -> str:
    labels = {"month": _("month"), "quarter": _("quarter"), "year": _("year")}
    return labels.get(period, period)


def normalise_period(value: str | None) -> str | None:
    aliases = {"month": "month", "monthly": "month", "月": "month", "每月": "month",
               "quarter": "quarter", "quarterly": "quarter", "季": "quarter", "季度": "quarter",
               "year": "year", "yearly": "year", "annual": "year", "年": "year", "每年": "year"}
    return aliases.get((value or "").strip().lower())


# -- text checks ------------------------------------------------------------------------
_CODE = re.compile(r"^[^\s]{1,32}$")


def check_code(code: str | None) -> str:
    if code is None or not code.strip():
        raise QuantityError(_("The item code is empty."))
    code = code.strip()
    if not _CODE.match(code):
        raise QuantityError(_("The item code '{code}' must be 1 to 32 characters without "
                              "spaces.").format(code=code))
    return code


# -- what the services hand out ---------------------------------------------------------
@dataclass(frozen=True)
class StockLine:
    """An item with its forecast and trend: one row of the stock table."""

    item: Item
    forecast: Forecast
    recent_milli: int = 0     # issued in the last 28 days
    previous_milli: int = 0   # issued in the 28 days before

    @property
    def trend(self) -> str:
        return trend_text(self.recent_milli, self.previous_milli)

    def to_json(self) -> dict[str, Any]:
        item, fc = self.item, self.forecast
        return {
            "code": item.code, "name": item.name, "stock": json_number(item.stock_milli),
            "unit": item.unit, "category": item.category, "location": item.location,
            "reorder_level": json_number(item.reorder_level_milli),
            "reorder_point": json_number(fc.reorder_point_milli),
            "daily_use": float(fc.daily_use_text()), "days_left": fc.days_left_json(),
            "low": fc.low, "trend": self.trend,
        }


@dataclass(frozen=True)
class PurchaseLine:
    item: Item
    forecast: Forecast
    suggested_milli: int
    best: Quote | None

    @property
    def cost(self) -> Decimal | None:
        return None if self.best is None else self.best.price * from_milli(self.suggested_milli)

    def to_json(self) -> dict[str, Any]:
        item = self.item
        return {
            "code": item.code, "name": item.name, "unit": item.unit,
            "stock": json_number(item.stock_milli),
            "reorder_point": json_number(self.forecast.reorder_point_milli),
            "days_left": self.forecast.days_left_json(),
            "suggested": json_number(self.suggested_milli),
            "supplier": self.best.supplier if self.best else item.supplier,
            "price": format_decimal(self.best.price) if self.best else None,
            "grade": self.best.grade if self.best else None,
            "cost": format_money(self.cost) if self.cost is not None else None,
        }


def purchase_summary(lines: list[PurchaseLine], *, named: int = 5) -> str:
    """The purchase list in one line, saying what its estimate covers: "6 items to order ·
    1 priced, estimated 3949.00 at the best quotes · no quote for 5: A4, B5, …"."""
    priced = [line for line in lines if line.cost is not None]
    unpriced = [line.item.code for line in lines if line.cost is None]
    parts = [ngettext("{n} item to order", "{n} items to order", len(lines)).format(
        n=len(lines))]
    if priced:
        total = sum((line.cost for line in priced), Decimal(0))
        parts.append(ngettext("{n} priced, estimated {total} at the best quote",
                              "{n} priced, estimated {total} at the best quotes",
                              len(priced)).format(n=len(priced), total=format_money(total)))
    if unpriced:
        shown = ", ".join(unpriced[:named]) + (", …" if len(unpriced) > named else "")
        parts.append(ngettext("no quote for {n}: {codes}", "no quote for {n}: {codes}",
                              len(unpriced)).format(n=len(unpriced), codes=shown))
    return " · ".join(parts)


@dataclass(frozen=True)
class StocktakeLine:
    item: Item
    book_milli: int
    counted_milli: int

    @property
    def difference_milli(self) -> int:
        return self.counted_milli - self.book_milli

    def to_json(self) -> dict[str, Any]:
        return {"code": self.item.code, "name": self.item.name, "unit": self.item.unit,
                "book": json_number(self.book_milli), "counted": json_number(self.counted_milli),
                "difference": json_number(self.difference_milli)}


@dataclass(frozen=True)
class QuotaStatus:
    department: str
    code: str
    name: str
    unit: str
    period: str
    quota_milli: int
    used_milli: int
    start: date
    end: date

    @property
    def over(self) -> bool:
        return self.used_milli > self.quota_milli

    def to_json(self) -> dict[str, Any]:
        return {"department": self.department, "code": self.code, "name": self.name,
                "unit": self.unit, "period": self.period, "from": self.start.isoformat(),
                "to": self.end.isoformat(), "quota": json_number(self.quota_milli),
                "used": json_number(self.used_milli), "over": self.over}


@dataclass(frozen=True)
class ConsumptionRow:
    department: str
    code: str
    name: str
    unit: str
    quantity_milli: int
    issues: int

    def to_json(self) -> dict[str, Any]:
        return {"department": self.department, "code": self.code, "name": self.name,
                "unit": self.unit, "quantity": json_number(self.quantity_milli),
                "issues": self.issues}


@dataclass(frozen=True)
class Consumption:
    start: date
    end: date
    rows: list[ConsumptionRow]
    quotas: list[QuotaStatus]

    def to_json(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(),
                "rows": [r.to_json() for r in self.rows],
                "quotas": [q.to_json() for q in self.quotas]}


@dataclass(frozen=True)
class IssueResult:
    movement: Movement
    item: Item
    warnings: tuple[str, ...] = ()


def issue_outcome(movement: Movement, item: Item) -> str:
    """A supply job's outcome when an issue closes it: what went to whom."""
    return _("Issued {qty} {unit} of {name} ({code}) to {dept}").format(
        qty=format_milli(-movement.quantity_milli), unit=unit_label(item.unit),
        name=item.name, code=item.code, dept=movement.department)
