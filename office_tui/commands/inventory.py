"""Inventory commands: `item add|list|show|edit`, `receive`, `issue`, `adjust`, `stock`,
`quote add`, `quotes`, `purchase-list`, `import-items`, `consumption`, `quota set|list`.

Quantities are exact decimals, optionally with the item's unit (`10`, `2.5`, `3包`);
`adjust` takes a signed quantity written plainly: `office-tui adjust A4 -1 --reason 破损`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table
from rich.text import Text

from office_tui.cli import _run, app, emit_json, err, fail, out, table_format, tables_out
from office_tui.core import inventory as core
from office_tui.core.inventory import Item, StockLine
from office_tui.core.tables import Table as DataTable, number
from office_tui.core.tables import text as cell_text
from office_tui.core.text import printable
from office_tui.i18n import _, ngettext, pgettext

# A quantity like -1 must reach the command as a value, not be read as an unknown option.
SIGNED = {"ignore_unknown_options": True}

item_app = typer.Typer(help=_("Consumable items: add, list, show, edit."),
                       no_args_is_help=True, rich_markup_mode=None)
app.add_typer(item_app, name="item")
quote_app = typer.Typer(help=_("Supplier quotes: add one (see `quotes CODE` for the best)."),
                        no_args_is_help=True, rich_markup_mode=None)
app.add_typer(quote_app, name="quote")
quota_app = typer.Typer(help=_("Department quotas per item and period (warn when exceeded)."),
                        no_args_is_help=True, rich_markup_mode=None)
app.add_typer(quota_app, name="quota")

JSON = typer.Option(False, "--json", help=_("Print JSON."))


def T(value: Any, style: str = "") -> Text:  # noqa: N802 - a cell, reads like a type
    return Text(printable(None if value is None else str(value)), style=style)


def N(value: str, style: str = "") -> Text:  # noqa: N802
    return Text(value, style=style, justify="right")


def _table(*headers: str, right: tuple[int, ...] = ()) -> Table:
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for index, header in enumerate(headers):
        table.add_column(header, justify="right" if index in right else "left",
                         overflow="fold")
    return table


def _qty(milli: int, unit: str) -> str:
    return f"{core.format_milli(milli)} {core.unit_label(unit)}"


# -- items ------------------------------------------------------------------------------
@item_app.command("add", context_settings=SIGNED, help=_("Add a consumable item."))
def item_add(
    code: Optional[str] = typer.Option(None, "--code", help=_("Short code, e.g. A4.")),
    name: Optional[str] = typer.Option(None, "--name", help=_("What it is, e.g. A4 copy paper 70g.")),
    unit: Optional[str] = typer.Option(None, "--unit", help=_("Unit: pcs, pack, box, case, bottle...")),
    reorder_level: Optional[str] = typer.Option(None, "--reorder-level", help=_("Reorder at or below this stock.")),
    reorder_qty: Optional[str] = typer.Option(None, "--reorder-qty", help=_("Usual order quantity.")),
    lead_days: Optional[str] = typer.Option(None, "--lead-days", help=_("Days from order to delivery.")),
    category: Optional[str] = typer.Option(None, "--category", help=_("e.g. paper, toner, cleaning.")),
    location: Optional[str] = typer.Option(None, "--location", help=_("Shelf or cupboard (stocktake order).")),
    supplier: Optional[str] = typer.Option(None, "--supplier", help=_("Preferred supplier.")),
    grade: Optional[str] = typer.Option(None, "--grade", help=_("Quality grade wanted: A, B or C.")),
    packs: Optional[list[str]] = typer.Option(None, "--pack", help=_("A pack and how many units it holds, e.g. case=5 (repeat for more).")),
    fractions: Optional[bool] = typer.Option(None, "--fractions/--whole", help=_("Whether parts of a unit may be counted (default: only for kg, l and m).")),
    as_json: bool = JSON,
) -> None:
    if not code:
        fail(_("Give the item code with --code."))
    if not name:
        fail(_("Give the item name with --name."))
    if not unit:
        fail(_("Give the unit with --unit (e.g. pcs, pack, box)."))
    item = _run(lambda s: s.inventory.add_item(
        code, name, unit, category=category, location=location, reorder_level=reorder_level,
        reorder_qty=reorder_qty, lead_days=lead_days, supplier=supplier, grade=grade,
        packs=packs or (), fractions=fractions))
    if as_json:
        emit_json(item.to_json())
        return
    out.print(_("Added {code} ({name}), counted in {unit}.").format(
        code=printable(item.code), name=printable(item.name), unit=core.unit_label(item.unit)),
        markup=False)


@item_app.command("edit", context_settings=SIGNED, help=_(
     "Change an item's fields (the unit stays)."))
def item_edit(
    code: str = typer.Argument(..., help=_("The item's code.")),
    name: Optional[str] = typer.Option(None, "--name", help=_("New name.")),
    reorder_level: Optional[str] = typer.Option(None, "--reorder-level", help=_("Reorder at or below this stock.")),
    reorder_qty: Optional[str] = typer.Option(None, "--reorder-qty", help=_("Usual order quantity.")),
    lead_days: Optional[str] = typer.Option(None, "--lead-days", help=_("Days from order to delivery.")),
    category: Optional[str] = typer.Option(None, "--category", help=_("Category.")),
    location: Optional[str] = typer.Option(None, "--location", help=_("Shelf or cupboard.")),
    supplier: Optional[str] = typer.Option(None, "--supplier", help=_("Preferred supplier.")),
    grade: Optional[str] = typer.Option(None, "--grade", help=_("Quality grade wanted: A, B or C.")),
    active: Optional[bool] = typer.Option(None, "--active/--inactive", help=_("Retire an item (kept in the ledger).")),
    packs: Optional[list[str]] = typer.Option(None, "--pack", help=_("A pack and how many units it holds, e.g. case=5; case=0 removes it (repeat for more).")),
    fractions: Optional[bool] = typer.Option(None, "--fractions/--whole", help=_("Whether parts of a unit may be counted.")),
    as_json: bool = JSON,
) -> None:
    item = _run(lambda s: s.inventory.edit_item(
        code, name=name, category=category, location=location, reorder_level=reorder_level,
        reorder_qty=reorder_qty, lead_days=lead_days, supplier=supplier, grade=grade,
        active=active, packs=packs or (), fractions=fractions))
    if as_json:
        emit_json(item.to_json())
        return
    out.print(_("Updated {code}.").format(code=printable(item.code)), markup=False)


@item_app.command("list", help=_("Every item with its settings and stock."))
def item_list(
    search: Optional[str] = typer.Option(None, "--search", help=_("Match code, name, category or location.")),
    all_: bool = typer.Option(False, "--all", help=_("Include inactive items.")),
    as_json: bool = JSON,
) -> None:
    items = _run(lambda s: s.inventory.items(search=search, include_inactive=all_))
    if as_json:
        emit_json([i.to_json() for i in items])
        return
    if not items:
        out.print(_("No items."), markup=False)
        return
    table = _table(_("Code"), _("Name"), _("Unit"), _("Category"), _("Location"),
                   _("Reorder at"), _("Order qty"), _("Lead days"), _("Supplier"), _("Grade"),
                   _("Stock"), right=(5, 6, 7, 10))
    for item in items:
        table.add_row(T(item.code), T(item.name), T(core.unit_label(item.unit)),
                      T(item.category), T(item.location),
                      N(core.format_milli(item.reorder_level_milli)),
                      N(core.format_milli(item.reorder_qty_milli)), N(str(item.lead_days)),
                      T(item.supplier), T(item.grade or ""),
                      N(core.format_milli(item.stock_milli)),
                      style="" if item.active else "dim")
    out.print(table)


@item_app.command("show", help=_(
     "One item: stock, forecast, weekly use and its movements, newest first."))
def item_show(
    code: str = typer.Argument(..., help=_("The item's code.")),
    limit: int = typer.Option(50, "--limit", help=_("Show at most N movements.")),
    as_json: bool = JSON,
) -> None:
    line: StockLine = _run(lambda s: s.inventory.line(code))
    moves = _run(lambda s: s.inventory.history(code, limit=max(limit, 0)))
    weekly = _run(lambda s: s.inventory.weekly_use(code))
    if as_json:
        data = {**line.item.to_json(), **line.to_json(),
                "weekly_use": [float(core.format_decimal(w)) for w in weekly],
                "movements": [m.to_json() for m in moves]}
        emit_json(data)
        return
    item, fc = line.item, line.forecast
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for key, value in (
        (_("Item"), f"{item.code} — {item.name}"),
        (_("Stock"), _qty(item.stock_milli, item.unit)),
        (_("Reorder point"), _qty(fc.reorder_point_milli, item.unit)),
        (_("Daily use"), fc.daily_use_text()),
        (_("Days left"), fc.days_left_text() or "—"),
        (_("Packs"), core.packs_text(item) or "—"),
        (_("Counted in"), (_("parts allowed") if item.fractions else _("whole units"))),
        (_("Weekly use"), " ".join(core.format_decimal(w) for w in weekly)),
    ):
        grid.add_row(T(key), T(value))
    out.print(grid)
    out.print()
    out.print(_history_table(moves, item))


def _history_table(moves, item: Item) -> Table:
    table = _table(_("When"), _("What"), _("Qty"), _("Balance"), _("Detail"), right=(2, 3))
    for move in moves:
        table.add_row(T(move.ts.strftime("%Y-%m-%d %H:%M")), T(core.kind_label(move.kind)),
                      N(f"{core.format_milli(move.quantity_milli):>}"),
                      N(core.format_milli(move.balance_milli or 0)), T(movement_detail(move)))
    return table


def movement_detail(move) -> str:
    parts: list[str] = []
    if move.kind == "issue":
        parts.append(move.department or "")
        if move.person:
            parts.append(move.person)
        if move.job_id:
            parts.append(_("job #{id}").format(id=move.job_id))
    elif move.kind == "receive":
        parts += [p for p in (move.supplier, move.delivery_note) if p]
        if move.unit_price is not None:
            parts.append(_("@ {price}").format(price=core.format_money(move.unit_price)))
    elif move.kind == "adjust":
        parts.append(move.reason or "")
    elif move.kind == "stocktake":
        parts.append(_("counted {n}").format(n=core.format_milli(move.counted_milli or 0)))
    return " · ".join(p for p in parts if p)


# -- the ledger -------------------------------------------------------------------------
def _moved(movement, item: Item, as_json: bool, warnings: tuple[str, ...] = ()) -> None:
    if as_json:
        emit_json({**movement.to_json(), "code": item.code, "unit": item.unit,
                   "stock": core.json_number(movement.balance_milli),
                   "warnings": list(warnings)})
    else:
        out.print(_("{what} {qty} of {code} ({name}); stock now {stock}.").format(
            what=core.kind_label(movement.kind).capitalize(),
            qty=_qty(abs(movement.quantity_milli), item.unit), code=printable(item.code),
            name=printable(item.name), stock=_qty(movement.balance_milli, item.unit)),
            markup=False)
    for warning in warnings:
        err.print(Text(printable(_("Warning: ") + warning), style="yellow"))


@app.command(context_settings=SIGNED, help=_("Receive a delivery into stock."))
def receive(
    code: str = typer.Argument(..., help=_("The item's code.")),
    qty: str = typer.Argument(..., metavar="QTY", help=_("Quantity received, e.g. 10 or 10 packs.")),
    price: Optional[str] = typer.Option(None, "--price", help=_("Unit price.")),
    supplier: Optional[str] = typer.Option(None, "--supplier", help=_("Who delivered (default: the preferred supplier).")),
    note: Optional[str] = typer.Option(None, "--note", help=_("Delivery note number.")),
    as_json: bool = JSON,
) -> None:
    move = _run(lambda s: s.inventory.receive(code, qty, price=price, supplier=supplier,
                                              note=note))
    _moved(move, _run(lambda s: s.inventory.item(code)), as_json)


@app.command(context_settings=SIGNED, help=_(
     "Issue stock to a department; refused beyond the stock on hand."))
def issue(
    code: str = typer.Argument(..., help=_("The item's code.")),
    qty: str = typer.Argument(..., metavar="QTY", help=_("Quantity issued.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("Department it goes to (default: the job's).")),
    person: Optional[str] = typer.Option(None, "--person", help=_("Who collected it.")),
    job: Optional[int] = typer.Option(None, "--job", help=_("Link to a job (a supply request).")),
    close: bool = typer.Option(False, "--close", help=_(
        "Close the --job with what was issued as its outcome (one transaction).")),
    as_json: bool = JSON,
) -> None:
    if job is not None and not 1 <= job <= 2**63 - 1:
        fail(_("No job #{id}.").format(id=job))
    if dept is None and job is None:
        fail(_("Say which department the stock is issued to (--dept)."))
    result = _run(lambda s: s.inventory.issue(code, qty, department=dept, person=person,
                                              job_id=job, close_job=close))
    _moved(result.movement, result.item, as_json, result.warnings)


@app.command(context_settings=SIGNED, help=_("Correct the stock up or down, with a reason."))
def adjust(
    code: str = typer.Argument(..., help=_("The item's code.")),
    qty: str = typer.Argument(..., metavar="QTY", help=_("Signed change, e.g. -1 or 2.")),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("Why, e.g. damaged (required).")),
    as_json: bool = JSON,
) -> None:
    move = _run(lambda s: s.inventory.adjust(code, qty, reason=reason))
    item = _run(lambda s: s.inventory.item(code))
    if as_json:
        _moved(move, item, True)
        return
    out.print(_("Adjusted {code} by {qty}; stock now {stock}.").format(
        code=printable(item.code), qty=core.format_milli(move.quantity_milli),
        stock=_qty(move.balance_milli, item.unit)), markup=False)


STOCK_LIMIT = 50


def _stock_limit(limit: Optional[str], all_: bool, as_json: bool) -> Optional[int]:
    """The number of rows the stock table shows (None: every one); a bad value fails."""
    if limit is None:
        return None if all_ or as_json else STOCK_LIMIT
    if all_:
        fail(_("Give either --limit or --all, not both."))
    if as_json:
        fail(_("--json prints every item: leave out --limit."))
    text = limit.strip()
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        fail(_("Bad --limit '{value}': give a whole number of at least 1, or --all.").format(
            value=limit))
    return min(int(text), 2**63 - 1)


@app.command(help=_("Stock of the items most in need (at or under the reorder point, then "
                    "fewest days left), with reorder point, days left and trend."))
def stock(
    low: bool = typer.Option(False, "--low", help=_("Only items at or under their reorder point.")),
    search: Optional[str] = typer.Option(None, "--search", help=_("Match code, name, category or location.")),
    limit: Optional[str] = typer.Option(None, "--limit", metavar="N", help=_("Show the N items most in need (default 50).")),
    all_: bool = typer.Option(False, "--all", help=_("Show every item, most in need first.")),
    fmt: Optional[str] = typer.Option(None, "--format", help=_("md, csv or xlsx (Excel, with -o) (default: a table; with -o, from the file name).")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("Write every item (or --limit N) to this file (.md, .csv or .xlsx).")),
    force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print JSON: every item, by code.")),
) -> None:
    # A file holds every item unless --limit says otherwise.
    shown = (None if output is not None and limit is None and not as_json
             else _stock_limit(limit, all_, as_json))
    if as_json:
        lines = _run(lambda s: s.inventory.stock(low=low, search=search))
        emit_json([line.to_json() for line in lines])
        return
    fmt = table_format(fmt, output)
    lines, total = _run(lambda s: s.inventory.stock_by_need(low=low, search=search,
                                                            limit=shown))
    if fmt is not None:
        tables_out([_stock_table(lines)], fmt, output, force)
        return
    if not lines:
        out.print(_("No items are low.") if low else _("No items."), markup=False)
        return
    table = _table(_("Code"), _("Name"), _("Stock"), _("Unit"), _("Reorder pt"),
                   _("Days left"), _("Trend"), right=(2, 4, 5, 6))
    for line in lines:
        item, fc = line.item, line.forecast
        style = ("bold red" if item.stock_milli == 0 else "yellow") if fc.low else ""
        table.add_row(T(item.code, style), T(item.name), N(core.format_milli(item.stock_milli),
                                                            style),
                      T(core.unit_label(item.unit)), N(core.format_milli(fc.reorder_point_milli)),
                      N(fc.days_left_text()), N(line.trend))
    out.print(table)
    if total > len(lines):
        out.print(_("… and {n} more, use --all").format(n=total - len(lines)), markup=False)


def _stock_table(lines) -> DataTable:
    return DataTable(_("Stock"), [_("Code"), _("Name"), _("Stock"), _("Unit"), _("Reorder pt"),
                              _("Days left"), _("Trend"), _("Low")], [
        [printable(line.item.code), printable(line.item.name),
         number(core.format_milli(line.item.stock_milli)), core.unit_label(line.item.unit),
         number(core.format_milli(line.forecast.reorder_point_milli)),
         number(line.forecast.days_left_text()), line.trend,
         _("yes") if line.forecast.low else ""]
        for line in lines])


# -- quotes and buying ------------------------------------------------------------------
@quote_app.command("add", context_settings=SIGNED, help=_("Record a supplier's quote for an item."))
def quote_add(
    code: str = typer.Argument(..., help=_("The item's code.")),
    supplier: Optional[str] = typer.Option(None, "--supplier", help=_("Who quoted.")),
    price: Optional[str] = typer.Option(None, "--price", help=_("Unit price.")),
    grade: Optional[str] = typer.Option(None, "--grade", help=_("Quality grade: A (premium), B (first class), C (standard).")),
    service: Optional[str] = typer.Option(None, "--service", help=_("Service note, e.g. next-day delivery.")),
    date: Optional[str] = typer.Option(None, "--date", help=_("Quote date: 2026-11-20, yesterday (default today).")),
    as_json: bool = JSON,
) -> None:
    quote = _run(lambda s: s.inventory.add_quote(code, supplier=supplier, price=price,
                                                 grade=grade, service=service, quoted=date))
    if as_json:
        emit_json(quote.to_json())
        return
    out.print(_("Quote #{id}: {supplier} at {price}.").format(
        id=quote.id, supplier=printable(quote.supplier), price=core.format_money(quote.price)),
        markup=False)


@app.command(help=_("An item's quotes, best first (grade wanted, then price, grade, date)."))
def quotes(
    code: str = typer.Argument(..., help=_("The item's code.")),
    as_json: bool = JSON,
) -> None:
    item, ranked, best = _run(lambda s: s.inventory.quotes(code))
    if as_json:
        emit_json([{**q.to_json(), "best": best is not None and q.id == best.id,
                    "meets_grade": core.meets_grade(q.grade, item.grade)} for q in ranked])
        return
    if not ranked:
        out.print(_("No quotes for {code}.").format(code=printable(item.code)), markup=False)
        return
    wanted = core.grade_label(item.grade) if item.grade else _("any")
    out.print(_("{code} ({name}) — grade wanted: {grade}").format(
        code=printable(item.code), name=printable(item.name), grade=wanted), markup=False)
    table = _table("", _("Supplier"), _("Price"), _("Grade"), _("Date"),
                   pgettext("quote", "Service"),
                   right=(2,))
    for quote in ranked:
        meets = core.meets_grade(quote.grade, item.grade)
        mark = _("best") if best is not None and quote.id == best.id else (
            "" if meets else _("below grade"))
        table.add_row(T(mark, "bold green" if mark == _("best") else "dim"), T(quote.supplier),
                      N(core.format_money(quote.price)), T(quote.grade or "-"),
                      T(quote.quoted.isoformat()), T(quote.service),
                      style="" if meets else "dim")
    out.print(table)


def _write_output(target: Path, data: bytes, force: bool) -> None:
    from office_tui.services.output import write_file

    path = _run(lambda s: write_file(target, data, database=s.db_path, force=force))
    out.print(_("Written to {path}").format(path=path), markup=False, soft_wrap=True)


@app.command("purchase-list", help=_(
     "Items at or under their reorder point, with a suggested quantity and the best quote."))
def purchase_list(
    fmt: Optional[str] = typer.Option(None, "--format", help=_("md, csv or xlsx (Excel, with -o) (default: a table; with -o, from the file name).")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("Write to this file instead of printing (.md, .csv, .json or .xlsx).")),
    force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists.")),
    as_json: bool = JSON,
) -> None:
    fmt = "json" if as_json else table_format(fmt, output,
                                                allowed=("md", "csv", "json", "xlsx"))
    lines = _run(lambda s: s.inventory.purchase_list())
    if fmt == "json":
        data = [line.to_json() for line in lines]
        if output is None:
            emit_json(data)
            return
        import json

        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        _write_output(output, text.encode("utf-8"), force)
        return
    table = _purchase_table(lines)
    if fmt is not None:
        tables_out([table], fmt, output, force)
        return
    if not table.rows:
        out.print(_("Nothing to buy: every item is above its reorder point."), markup=False)
        return
    shown = _table(*table.headers, right=(2, 3, 4, 7, 9))
    for row in table.rows:
        shown.add_row(*[N(cell_text(c)) if i in (2, 3, 4, 7, 9) else Text(cell_text(c))
                        for i, c in enumerate(row)])
    out.print(shown)
    out.print(Text(printable(core.purchase_summary(lines))))


def _purchase_table(lines) -> DataTable:
    header = [_("Code"), _("Name"), _("Stock"), _("Reorder pt"), _("Suggested"), _("Unit"),
              _("Supplier"), _("Price"), _("Grade"), _("Cost")]
    rows: list[list[Any]] = []
    for line in lines:
        item, best = line.item, line.best
        rows.append([
            printable(item.code), printable(item.name),
            number(core.format_milli(item.stock_milli)),
            number(core.format_milli(line.forecast.reorder_point_milli)),
            number(core.format_milli(line.suggested_milli)), core.unit_label(item.unit),
            printable(best.supplier if best else (item.supplier or "")),
            number(core.format_money(best.price)) if best else None,
            best.grade or "" if best else "",
            number(core.format_money(line.cost)) if line.cost is not None else None,
        ])
    return DataTable(_("Purchase list"), header, rows)


@app.command("import-items", help=_(
     "Import items from CSV or Excel (.xlsx): every row is checked first; one bad row, "
     "nothing imported."))
def import_items(
    path: Path = typer.Argument(..., metavar="FILE", help=_("CSV or .xlsx with a header: code,name,unit and optional category,location,reorder_level,reorder_qty,lead_days,supplier,grade.")),
    sheet: Optional[str] = typer.Option(None, "--sheet", help=_("The .xlsx file's sheet to read (default: the first).")),
    as_json: bool = JSON,
) -> None:
    items = _run(lambda s: s.inventory.import_items_file(path, sheet=sheet))
    if as_json:
        emit_json([i.to_json() for i in items])
        return
    out.print(ngettext("Imported {n} item.", "Imported {n} items.", len(items)).format(
        n=len(items)), markup=False)


# -- consumption and quotas -------------------------------------------------------------
@app.command(help=_("What each department used of each item in a period, and its quotas."))
def consumption(
    start: Optional[str] = typer.Option(None, "--from", help=_("First day: 2026-11-01, +0d, mon (default: the 1st of this month).")),
    end: Optional[str] = typer.Option(None, "--to", help=_("Last day: 2026-11-30, yesterday (default: today).")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("Only this department.")),
    fmt: Optional[str] = typer.Option(None, "--format", help=_("md, csv or xlsx (Excel, with -o) (default: a table; with -o, from the file name).")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("Write to this file instead of printing (.md, .csv or .xlsx).")),
    force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists.")),
    as_json: bool = JSON,
) -> None:
    fmt = None if as_json else table_format(fmt, output)
    report = _run(lambda s: s.inventory.consumption(start=start, end=end, department=dept))
    if as_json:
        emit_json(report.to_json())
        return
    if fmt is not None:
        tables_out(_consumption_tables(report), fmt, output, force)
        return
    out.print(_("Consumption {start} to {end}").format(
        start=report.start.isoformat(), end=report.end.isoformat()), markup=False)
    if not report.rows:
        out.print(_("Nothing was issued."), markup=False)
    else:
        table = _table(_("Department"), _("Code"), _("Name"), _("Used"), _("Unit"),
                       _("Issues"), right=(3, 5))
        for row in report.rows:
            table.add_row(T(row.department), T(row.code), T(row.name),
                          N(core.format_milli(row.quantity_milli)),
                          T(core.unit_label(row.unit)), N(str(row.issues)))
        out.print(table)
    if report.quotas:
        out.print()
        out.print(_quota_table(report.quotas))


def _consumption_tables(report) -> list[DataTable]:
    """The use (its title says the period) and, where there are any, the quotas."""
    title = _("Consumption {start} to {end}").format(start=report.start.isoformat(),
                                                     end=report.end.isoformat())
    tables = [DataTable(title, [_("Department"), _("Code"), _("Name"), _("Used"), _("Unit"),
                            _("Issues")],
                    [[printable(r.department), printable(r.code), printable(r.name),
                      number(core.format_milli(r.quantity_milli)), core.unit_label(r.unit),
                      r.issues] for r in report.rows], sheet=_("Consumption"))]
    if report.quotas:
        tables.append(DataTable(_("Quotas"), [
            _("Department"), _("Code"), _("Period"), _("From"), _("Used"), _("Quota"),
            _("Over")], [
            [printable(q.department), printable(q.code), core.period_label(q.period),
             q.start, number(core.format_milli(q.used_milli)),
             number(core.format_milli(q.quota_milli)), _("yes") if q.over else ""]
            for q in report.quotas]))
    return tables


def _quota_table(statuses) -> Table:
    table = _table(_("Department"), _("Code"), _("Period"), _("Used"), _("Quota"), "",
                   right=(3, 4))
    for status in statuses:
        table.add_row(T(status.department), T(status.code),
                      T(f"{core.period_label(status.period)} {status.start.isoformat()}"),
                      N(core.format_milli(status.used_milli)),
                      N(core.format_milli(status.quota_milli)),
                      T(_("over") if status.over else "", "bold red"),
                      style="red" if status.over else "")
    return table


@quota_app.command("set", context_settings=SIGNED, help=_(
     "Set a department's quota of an item per month, quarter or year."))
def quota_set(
    code: str = typer.Argument(..., help=_("The item's code.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("The department.")),
    qty: Optional[str] = typer.Option(None, "--qty", help=_("Quota per period (0 removes it).")),
    period: str = typer.Option("month", "--period", help=_("month, quarter or year.")),
    as_json: bool = JSON,
) -> None:
    if qty is None:
        fail(_("Give the quota with --qty (0 removes it)."))
    status = _run(lambda s: s.inventory.set_quota(code, department=dept, quantity=qty,
                                                  period=period))
    if as_json:
        emit_json(status.to_json() if status else None)
        return
    if status is None:
        out.print(_("Quota removed."), markup=False)
        return
    out.print(_("{dept}: {quota} {unit} of {code} per {period} ({used} used so far).").format(
        dept=printable(status.department), quota=core.format_milli(status.quota_milli),
        unit=core.unit_label(status.unit), code=printable(status.code),
        period=core.period_label(status.period), used=core.format_milli(status.used_milli)),
        markup=False)


@quota_app.command("list", help=_("Every quota with what was used in its current period."))
def quota_list(
    dept: Optional[str] = typer.Option(None, "--dept", help=_("Only this department.")),
    as_json: bool = JSON,
) -> None:
    statuses = _run(lambda s: s.inventory.quotas(department=dept))
    if as_json:
        emit_json([q.to_json() for q in statuses])
        return
    if not statuses:
        out.print(_("No quotas."), markup=False)
        return
    out.print(_quota_table(statuses))
