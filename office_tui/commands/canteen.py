"""Canteen and utilities on the command line: `meals set|sheet|served|month|missing|config`,
`meter add|list`, `reading add`, `readings`, `utilities month|flags|repair|config`.

Counts and readings print one line; `--json` prints the record. The sheet goes to stdout
as Markdown (or CSV), or to a file with `-o` (never onto the database, never through a
link, an existing file only with `--force`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from office_tui import cli
from office_tui.cli import _run, app, emit_json, fail
from office_tui.core.canteen import meal_label
from office_tui.core.meters import kind_label
from office_tui.core.text import printable
from office_tui.i18n import _

meals_app = typer.Typer(help=_("Canteen meal counts: enter, the kitchen's sheet, the month."),
                        no_args_is_help=True, rich_markup_mode=None)
meter_app = typer.Typer(help=_("Utility meters: add and list."), no_args_is_help=True,
                        rich_markup_mode=None)
reading_app = typer.Typer(help=_("Meter readings: add one."), no_args_is_help=True,
                          rich_markup_mode=None)
utilities_app = typer.Typer(help=_("Water, power, gas and heat: the month, flags, settings."),
                            no_args_is_help=True, rich_markup_mode=None)
app.add_typer(meals_app, name="meals")
app.add_typer(meter_app, name="meter")
app.add_typer(reading_app, name="reading")
app.add_typer(utilities_app, name="utilities")


def _say(message: str) -> None:
    cli.out.print(Text(printable(message)))


def _table(headers: list[str], right: set[int] = frozenset()) -> Table:
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for i, header in enumerate(headers):
        table.add_column(header, justify="right" if i in right else "left", overflow="fold")
    return table


# -- meals -------------------------------------------------------------------------------
@meals_app.command("set", help=_("A department's count for a meal (replaces an earlier one); "
                                 "after the cut-off only with --late and a reason."))
def meals_set(
    date_: Optional[str] = typer.Option(None, "--date", help=_("The day (default today).")),
    dept: str = typer.Option(..., "--dept", help=_("The department.")),
    meal: str = typer.Option(..., "--meal", help=_("breakfast, lunch or dinner.")),
    count: int = typer.Option(..., "--count", help=_("How many of the department eat.")),
    guests: int = typer.Option(0, "--guests", help=_("Guests on top.")),
    late: bool = typer.Option(False, "--late", help=_("Enter it after the cut-off (marked late).")),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("Why it is late.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the count as JSON.")),
) -> None:
    found = _run(lambda s: s.canteen.set_count(date_, dept, meal, count, guests=guests,
                                               late=late, reason=reason))
    if as_json:
        emit_json(found.to_json())
        return
    text = _("{dept} {meal} {day}: {count}").format(dept=found.department,
                                                    meal=meal_label(found.meal),
                                                    day=found.day.isoformat(), count=found.count)
    if found.guests:
        text += " " + _("+{n} guests").format(n=found.guests)
    if found.late:
        text += " " + _("(late)")
    _say(text)


@meals_app.command("sheet", help=_("The kitchen's sheet of a day: per meal and department, "
                                   "totals, guests, who has not reported."))
def meals_sheet(
    date_: Optional[str] = typer.Option(None, "--date", help=_("The day (default today).")),
    fmt: Optional[str] = typer.Option(None, "--format", help=_("md, csv or xlsx (Excel, with -o) (default: from the -o file name, else md).")),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help=_("Write to this file instead of printing.")),
    force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the sheet as JSON.")),
) -> None:
    if fmt is not None and fmt not in ("md", "csv", "xlsx"):
        fail(_("--format is md, csv or xlsx."))
    if as_json:
        emit_json(_run(lambda s: s.canteen.sheet(date_)).to_json())
        return
    if fmt == "xlsx" and output is None:
        from office_tui.services.exports import xlsx_needs_a_file

        fail(str(xlsx_needs_a_file()))
    if output is not None:
        from office_tui.services.output import format_from_name

        chosen = fmt or format_from_name(output)
        if chosen not in ("md", "csv", "xlsx"):
            chosen = "md"
        path = _run(lambda s: s.canteen.write_sheet(str(output), chosen, date_, force=force))
        _say(_("Written: {path}").format(path=path))
        return
    sheet = _run(lambda s: s.canteen.sheet(date_))
    from office_tui.services.canteen import CanteenService

    sys.stdout.write(CanteenService.render_sheet(sheet, fmt or "md"))


@meals_app.command("served", help=_("What the kitchen actually served for a meal."))
def meals_served(
    date_: Optional[str] = typer.Option(None, "--date", help=_("The day (default today).")),
    meal: str = typer.Option(..., "--meal", help=_("breakfast, lunch or dinner.")),
    count: int = typer.Option(..., "--count", help=_("How many were served.")),
) -> None:
    _run(lambda s: s.canteen.set_served(date_, meal, count))
    _say(_("Served: {count}.").format(count=count))


@meals_app.command("missing", help=_("Departments that have not reported for a day."))
def meals_missing(
    date_: Optional[str] = typer.Option(None, "--date", help=_("The day (default today).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print as JSON.")),
) -> None:
    sheet = _run(lambda s: s.canteen.sheet(date_))
    by_meal = {m: sheet.missing(m) for m in sheet.meals}
    if as_json:
        emit_json({"date": sheet.day.isoformat(), "workday": sheet.workday,
                   "missing": by_meal})
        return
    if not sheet.workday:
        _say(_("{day} is a day off: no counts are needed.").format(day=sheet.day.isoformat()))
        return
    if not any(by_meal.values()):
        _say(_("Every department has reported for {day}.").format(day=sheet.day.isoformat()))
        return
    for meal, depts in by_meal.items():
        if depts:
            _say(f"{meal_label(meal)}: " + _(", ").join(depts))


@meals_app.command("month", help=_("The month per department: counts, guests, cost; reported "
                                   "against served per day, and the unreported-eater rate."))
def meals_month(
    month: Optional[str] = typer.Option(None, "--month", help=_("The month: 2026-11 (default this month).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print as JSON.")),
) -> None:
    from office_tui.services.canteen import rate_text

    data = _run(lambda s: s.canteen.month(month))
    meals = _run(lambda s: s.canteen.settings().meals)
    if as_json:
        emit_json({
            "month": data["month"],
            "departments": [{"dept": d.department, "counts": d.counts, "guests": d.guests,
                             "cost": str(d.cost)} for d in data["departments"]],
            "days": [{"date": r.day.isoformat(), "meal": r.meal, "reported": r.reported,
                      "served": r.served, "unreported": r.unreported,
                      "rate": None if r.rate is None else round(r.rate, 4)}
                     for r in data["days"]],
            "unreported_rate": None if data["rate"] is None else round(data["rate"], 4),
            "cost": str(data["cost"])})
        return
    _say(_("Meals {month}").format(month=data["month"]))
    table = _table([_("Department")] + [meal_label(m) for m in meals] + [_("Guests"), _("Cost")],
                   right=set(range(1, len(meals) + 3)))
    for d in data["departments"]:
        table.add_row(Text(printable(d.department)),
                      *[str(d.counts.get(m, 0)) for m in meals], str(d.guests), f"{d.cost:.2f}")
    cli.out.print(table)
    _say(_("Cost {cost} · eaten without reporting: {rate} of those served").format(
        cost=f"{data['cost']:.2f}", rate=rate_text(data["rate"])))


@meals_app.command("config", help=_("The meals, their cut-offs and prices, who reports."))
def meals_config(
    meals: Optional[str] = typer.Option(None, "--meals", help=_("Which meals: breakfast,lunch,dinner.")),
    cutoff: Optional[list[str]] = typer.Option(None, "--cutoff", help=_("MEAL=10:00 (that day) or MEAL=-1d@17:00 (the day before); repeat.")),
    price: Optional[list[str]] = typer.Option(None, "--price", help=_("MEAL=12 (per person); repeat.")),
    depts: Optional[str] = typer.Option(None, "--depts", help=_("The departments that report, comma separated.")),
) -> None:
    if meals is None and not cutoff and not price and depts is None:
        settings = _run(lambda s: s.canteen.settings())
    else:
        settings = _run(lambda s: s.canteen.configure(meals=meals, cutoffs=cutoff or [],
                                                      prices=price or [], departments=depts))
    for meal in settings.meals:
        line = f"{meal_label(meal)}: " + _("cut-off {cutoff}").format(
            cutoff=settings.cutoff(meal).text)
        if meal in settings.prices:
            line += " · " + _("price {price}").format(price=settings.prices[meal])
        _say(line)
    if settings.departments:
        _say(_("Reporting: {depts}").format(depts=_(", ").join(settings.departments)))


# -- meters and readings -----------------------------------------------------------------
@meter_app.command("add", help=_("Add a utility meter."))
def meter_add(
    name: str = typer.Option(..., "--name", help=_("The meter's name, e.g. main building power.")),
    kind: str = typer.Option(..., "--kind", help=_("electricity, water, gas or heat.")),
    price: str = typer.Option(..., "--price", help=_("The price of one unit, e.g. 0.85.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("The building or department it serves.")),
    multiplier: Optional[str] = typer.Option(None, "--multiplier", help=_("Readings times this give the use (a CT ratio, e.g. 40).")),
    unit: Optional[str] = typer.Option(None, "--unit", help=_("The unit, for another kind.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the meter as JSON.")),
) -> None:
    meter = _run(lambda s: s.utilities.add(name, kind, price, department=dept,
                                           multiplier=multiplier, unit=unit))
    if as_json:
        emit_json(meter.to_json())
        return
    _say(_("Added meter {name} ({kind}, {unit}).").format(name=meter.name,
                                                         kind=kind_label(meter.kind),
                                                         unit=meter.unit))


@meter_app.command("list", help=_("Every meter with its last reading."))
def meter_list(as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array."))) -> None:
    def call(s):  # the last reading only: one row of the index, however many years
        return [(m, s.utilities.last_reading(m)) for m in s.utilities.meters()]

    found = _run(call)
    if as_json:
        emit_json([dict(m.to_json(), last_reading=(
            {"date": r.day.isoformat(), "value": str(r.value)} if r else None))
            for m, r in found])
        return
    if not found:
        _say(_("No meters. Add one with: office-tui meter add --name N --kind water --price 4.5"))
        return
    table = _table([_("Meter"), _("Kind"), _("Price"), _("Dept"), _("Last reading")])
    for m, last in found:
        table.add_row(Text(printable(m.name)), kind_label(m.kind), f"{m.price}/{m.unit}",
                      Text(printable(m.department or "")),
                      f"{last.value} ({last.day.isoformat()})" if last else "—")
    cli.out.print(table)


@reading_app.command("add", help=_("Add a meter reading; lower than the last is refused unless "
                                   "--reset."))
def reading_add(
    meter: str = typer.Argument(..., help=_("The meter's name.")),
    value: str = typer.Option(..., "--value", help=_("The reading, e.g. 12345.6.")),
    date_: Optional[str] = typer.Option(None, "--date", help=_("The day read (default today).")),
    reset: bool = typer.Option(False, "--reset", help=_("The meter was replaced or went round: it counts from zero.")),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("Why, with --reset.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the reading as JSON.")),
) -> None:
    found = _run(lambda s: s.utilities.add_reading(meter, value, day=date_, reset=reset,
                                                   reason=reason))
    if as_json:
        emit_json({"id": found.id, "date": found.day.isoformat(), "value": str(found.value),
                   "reset": found.reset})
        return
    _say(_("Read {value} on {day}.").format(value=found.value, day=found.day.isoformat()))


@app.command("readings", help=_("A meter's periods: use, per day, cost, and flags."))
def readings(
    meter: str = typer.Argument(..., help=_("The meter's name.")),
    from_: Optional[str] = typer.Option(None, "--from", help=_("The first day.")),
    to: Optional[str] = typer.Option(None, "--to", help=_("The last day (default today).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print as JSON.")),
) -> None:
    found, periods = _run(lambda s: s.utilities.periods(meter, start=from_, end=to))
    if as_json:
        emit_json({"meter": found.to_json(), "periods": [p.to_json() for p in periods]})
        return
    if not periods:
        _say(_("No periods yet: a period needs two readings."))
        return
    table = _table([_("From"), _("To"), _("Use"), _("Per day"), _("Cost"), _("Flag")],
                   right={2, 3, 4})
    for p in periods:
        table.add_row(p.start.isoformat(), p.end.isoformat(), f"{p.use} {found.unit}",
                      str(p.per_day), f"{p.cost:.2f}",
                      Text(printable(p.flag or (_("reset") if p.reset else "")),
                           style="yellow" if p.flag else ""))
    cli.out.print(table)


@utilities_app.command("month", help=_("The month per meter and department: use, cost, against "
                                       "the month before and a year before."))
def utilities_month(
    month: Optional[str] = typer.Option(None, "--month", help=_("The month: 2026-11 (default this month).")),
    fmt: Optional[str] = typer.Option(None, "--format", help=_("md, csv or xlsx (Excel, with -o) (default: a table; with -o, from the file name).")),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help=_("Write to this file instead of printing (.md, .csv or .xlsx).")),
    force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print as JSON.")),
) -> None:
    fmt = None if as_json else cli.table_format(fmt, output)
    data = _run(lambda s: s.utilities.month(month))
    if as_json:
        emit_json({"month": data["month"], "meters": [m.to_json() for m in data["meters"]],
                   "departments": {d: {k: str(v) for k, v in kinds.items()}
                                   for d, kinds in data["departments"].items()}})
        return
    if fmt is not None:
        cli.tables_out(_utilities_tables(data), fmt, output, force)
        return
    from office_tui.core.meters import change

    _say(_("Utilities {month}").format(month=data["month"]))
    table = _table([_("Meter"), _("Use"), _("Cost"), _("vs month before"), _("vs a year before")],
                   right={1, 2, 3, 4})

    def pct(value) -> str:
        return "—" if value is None else f"{value:+}%"

    for m in data["meters"]:
        table.add_row(Text(printable(m.meter.name)),
                      "—" if m.use is None else f"{m.use} {m.meter.unit}",
                      "—" if m.cost is None else f"{m.cost:.2f}",
                      pct(change(m.use, m.previous)), pct(change(m.use, m.last_year)))
    cli.out.print(table)
    for dept, kinds in data["departments"].items():
        name = dept or _("(no department)")
        _say(name + ": " + _(", ").join(
            f"{kind_label(k)} {v:.2f}" for k, v in kinds.items()))
    for m in data["meters"]:
        for flag in m.flags:
            _say("⚠ " + flag)


def _utilities_tables(data) -> list:
    from office_tui.core.meters import change
    from office_tui.core.tables import Table

    meters = Table(_("Utilities {month}").format(month=data["month"]), [
        _("Meter"), _("Department"), _("Kind"), _("Use"), _("Unit"), _("Cost"),
        _("vs month before"), _("vs a year before"), _("Flags")], [
        [printable(m.meter.name), printable(m.meter.department or ""),
         kind_label(m.meter.kind), m.use, m.meter.unit, m.cost,
         change(m.use, m.previous), change(m.use, m.last_year),
         printable("; ".join(m.flags))] for m in data["meters"]], sheet=_("Meters"))
    kinds = sorted({k for by_kind in data["departments"].values() for k in by_kind})
    departments = Table(_("Cost by department"), [_("Department")]
                        + [kind_label(k) for k in kinds] + [_("Total")], [
        [printable(dept or _("(no department)"))] + [by_kind.get(k) for k in kinds]
        + [sum(by_kind.values())] for dept, by_kind in data["departments"].items()])
    return [meters, departments]


@utilities_app.command("flags", help=_("Meter periods that look wrong, closed in the last 45 days."))
def utilities_flags(as_json: bool = typer.Option(False, "--json", help=_("Print as JSON."))) -> None:
    flags = _run(lambda s: s.utilities.flags())
    if as_json:
        emit_json([f.to_json() for f in flags])
        return
    if not flags:
        _say(_("No meter looks wrong."))
    for f in flags:
        _say(f"{f.period.end.isoformat()} ⚠ {f.text}")


@utilities_app.command("repair", help=_("Make a repair job for a meter's flag, linked to the meter."))
def utilities_repair(meter: str = typer.Argument(..., help=_("The meter's name."))) -> None:
    job = _run(lambda s: s.utilities.repair_job(meter))
    sys.stdout.write(f"{job.id}\n")


@utilities_app.command("config", help=_("When a period is flagged."))
def utilities_config(
    spike: Optional[str] = typer.Option(None, "--spike", help=_("Daily use over this times the median of the three periods before (default 1.5).")),
    yoy: Optional[str] = typer.Option(None, "--yoy", help=_("The month over the same month last year by this percent (default 30).")),
) -> None:
    if spike is None and yoy is None:
        limits = _run(lambda s: s.utilities.limits())
    else:
        limits = _run(lambda s: s.utilities.configure(spike=spike, yoy=yoy))
    _say(_("Flagged over {spike}× the median, or year on year over +{yoy}%.").format(
        spike=limits[0], yoy=round(limits[1] * 100)))
