"""Fixed assets (固定资产): `asset add|list|show|edit|transfer|dispose|lend|return|labels`,
`dept head`, and the half-yearly count `count start|mark|status|finish|report`."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from office_tui import cli
from office_tui.cli import _run, app, emit_json, fail, table_format, tables_out
from office_tui.core.assets import Asset, result_label, status_label
from office_tui.core.text import printable
from office_tui.i18n import _

asset_app = typer.Typer(help=_("Fixed assets: register, transfers, loans, disposal, labels."),
                        no_args_is_help=True, rich_markup_mode=None)
count_app = typer.Typer(help=_("The half-yearly count of the fixed assets."),
                        no_args_is_help=True, rich_markup_mode=None)
dept_app = typer.Typer(help=_("Departments: their heads."), no_args_is_help=True,
                       rich_markup_mode=None)
app.add_typer(asset_app, name="asset")
app.add_typer(count_app, name="count")
app.add_typer(dept_app, name="dept")


def _said(asset: Asset, what: str) -> None:
    cli.out.print(Text(f"{printable(asset.tag)} {printable(asset.name)}: {what}"))


@asset_app.command("add", help=_("Register an asset; the tag is proposed when not given."))
def asset_add(
    name: Optional[str] = typer.Option(None, "--name", help=_("What it is.")),
    value: Optional[str] = typer.Option(None, "--value", help=_("Its value, e.g. 4599.")),
    purchased: Optional[str] = typer.Option(None, "--purchased", help=_("Purchase day, e.g. 2024-03-15.")),
    tag: Optional[str] = typer.Option(None, "--tag", help=_("The label's tag (default: the next free one).")),
    category: Optional[str] = typer.Option(None, "--category", help=_("e.g. electronics, furniture.")),
    life: Optional[str] = typer.Option(None, "--life", help=_("Useful life in years.")),
    keeper: Optional[str] = typer.Option(None, "--keeper", help=_("Who keeps it.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("The keeping department.")),
    location: Optional[str] = typer.Option(None, "--location", help=_("The room.")),
    serial: Optional[str] = typer.Option(None, "--serial", help=_("Serial number.")),
    model: Optional[str] = typer.Option(None, "--model", help=_("Model.")),
    force: bool = typer.Option(False, "--force", help=_("Keep it though it is below the fixed-asset rule.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the asset as JSON.")),
) -> None:
    added = _run(lambda s: s.assets.add(
        name=name, value=value, purchased=purchased, tag=tag, category=category, life=life,
        keeper=keeper, department=dept, location=location, serial=serial, model=model,
        force=force))
    for warning in added.warnings:
        cli.err.print(Text(warning, style="yellow"))
    if as_json:
        emit_json(added.asset.to_json())
        return
    sys.stdout.write(f"{added.asset.tag}\n")


@asset_app.command("list", help=_("The register by department (filters combine)."))
def asset_list(
    dept: Optional[str] = typer.Option(None, "--dept", help=_("Only this department.")),
    keeper: Optional[str] = typer.Option(None, "--keeper", help=_("Only this keeper.")),
    location: Optional[str] = typer.Option(None, "--location", help=_("Only this room.")),
    status: Optional[str] = typer.Option(None, "--status", help=_("in_use, idle, lent, in_repair, disposed.")),
    search: Optional[str] = typer.Option(None, "--search", help=_("Tag, name, keeper, serial, or their pinyin.")),
    fmt: Optional[str] = typer.Option(None, "--format", help=_("md, csv or xlsx (Excel, with -o) (default: a table; with -o, from the file name).")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("Write to this file instead of printing (.md, .csv or .xlsx).")),
    force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    fmt = None if as_json else table_format(fmt, output)
    found = _run(lambda s: s.assets.list(department=dept, keeper=keeper, location=location,
                                         status=status, search=search))
    if as_json:
        emit_json([a.to_json() for a in found])
        return
    if fmt is not None:
        from office_tui.core.tables import Table as Sheet

        tables_out([Sheet(_("Fixed assets"), [
            _("Tag"), _("Name"), _("Category"), _("Department"), _("Keeper"), _("Location"),
            _("Status"), _("Value"), _("Purchased"), _("Serial"), _("Model")], [
            [a.tag, a.name, a.category, a.department, a.keeper, a.location,
             status_label(a.status), a.value.quantize(Decimal("0.01")), a.purchased,
             a.serial, a.model]
            for a in found])], fmt, output, force)
        return
    table = Table(box=None, header_style="bold")
    for label in (_("Tag"), _("Name"), _("Department"), _("Keeper"), _("Location"),
                  _("Status"), _("Value")):
        table.add_column(label)
    for a in found:
        table.add_row(*(Text(printable(v or "")) for v in (
            a.tag, a.name, a.department, a.keeper, a.location, status_label(a.status),
            f"{a.value:.2f}")))
    cli.out.print(table)


@asset_app.command("show", help=_("One asset with its whole history and repair jobs."))
def asset_show(
    tag: str = typer.Argument(..., metavar="TAG", help=_("The asset's tag.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the asset as JSON.")),
) -> None:
    asset, history, jobs = _run(lambda s: s.assets.history(tag))
    if as_json:
        data = asset.to_json()
        data["history"] = [{"ts": e["ts"], "action": e["action"]} for e in history]
        data["repairs"] = [{"id": j.id, "title": j.title, "status": j.status,
                            "outcome": j.outcome} for j in jobs]
        emit_json(data)
        return
    for key, value in asset.to_json().items():
        if value not in (None, ""):
            cli.out.print(Text(f"{key}: {printable(str(value), one_line=False)}"))
    for e in history:
        cli.out.print(Text(f"{e['ts'].replace('T', ' ')}  {e['action']}"))
    for j in jobs:
        cli.out.print(Text(f"#{j.id} {printable(j.title)} · {j.status}"
                           + (f" · {printable(j.outcome)}" if j.outcome else "")))


@asset_app.command("edit", help=_("Correct an asset's fields."))
def asset_edit(
    tag: str = typer.Argument(..., metavar="TAG", help=_("The asset's tag.")),
    name: Optional[str] = typer.Option(None, "--name", help=_("What it is.")),
    value: Optional[str] = typer.Option(None, "--value", help=_("Its value, e.g. 4599.")),
    purchased: Optional[str] = typer.Option(None, "--purchased", help=_("Purchase day, e.g. 2024-03-15.")),
    category: Optional[str] = typer.Option(None, "--category", help=_("e.g. electronics, furniture.")),
    life: Optional[str] = typer.Option(None, "--life", help=_("Useful life in years.")),
    serial: Optional[str] = typer.Option(None, "--serial", help=_("Serial number.")),
    model: Optional[str] = typer.Option(None, "--model", help=_("Model.")),
    notes: Optional[str] = typer.Option(None, "--notes", help=_("Notes.")),
) -> None:
    asset = _run(lambda s: s.assets.edit(tag, name=name, value=value, purchased=purchased,
                                         category=category, life_years=life, serial=serial,
                                         model=model, notes=notes))
    _said(asset, _("changed"))


@asset_app.command("transfer", help=_("Move an asset to another department, keeper or room."))
def asset_transfer(
    tag: str = typer.Argument(..., metavar="TAG", help=_("The asset's tag.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("The keeping department.")),
    keeper: Optional[str] = typer.Option(None, "--keeper", help=_("Who keeps it.")),
    location: Optional[str] = typer.Option(None, "--location", help=_("The room.")),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("Why (required).")),
) -> None:
    asset = _run(lambda s: s.assets.transfer(tag, department=dept, keeper=keeper,
                                             location=location, reason=reason))
    _said(asset, _("transferred"))


@asset_app.command("dispose", help=_("Dispose of an asset: kept in the register, left out of counts."))
def asset_dispose(tag: str = typer.Argument(..., metavar="TAG", help=_("The asset's tag.")),
                  reason: Optional[str] = typer.Option(None, "--reason", help=_("Why (required)."))) -> None:
    _said(_run(lambda s: s.assets.dispose(tag, reason=reason)), status_label("disposed"))


@asset_app.command("lend", help=_("Lend an asset until a day."))
def asset_lend(tag: str = typer.Argument(..., metavar="TAG", help=_("The asset's tag.")),
               to: Optional[str] = typer.Option(None, "--to", help=_("Who borrows it.")),
               due: Optional[str] = typer.Option(None, "--due", help=_("When it comes back.")),
               ) -> None:
    _said(_run(lambda s: s.assets.lend(tag, to=to, due=due)), status_label("lent"))


@asset_app.command("return", help=_("A lent asset is back."))
def asset_return(tag: str = typer.Argument(..., metavar="TAG", help=_("The asset's tag."))) -> None:
    _said(_run(lambda s: s.assets.give_back(tag)), status_label("in_use"))


@asset_app.command("labels", help=_("A sheet of labels with QR codes (A4, 3 × 8), as SVG."))
def asset_labels(
    tags: Optional[list[str]] = typer.Argument(None, metavar="[TAG...]", help=_("The assets' tags.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("A department's assets.")),
    every: bool = typer.Option(False, "--all", help=_("Every asset not disposed of.")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("The .svg file.")),
    force: bool = typer.Option(False, "--force", help=_("Replace the file if it exists.")),
) -> None:
    if output is None:
        fail(_("Name the file with -o labels.svg."))
    path, n = _run(lambda s: s.assets.labels(str(output), tags=list(tags or []),
                                             department=dept, every=every, force=force))
    cli.out.print(_("{n} labels written to {path}").format(n=n, path=printable(str(path))),
                  markup=False, soft_wrap=True)


@app.command("import-assets", help=_("Import assets from a CSV file (UTF-8 or GB18030) or an Excel workbook (.xlsx); every row checked first."))
def import_assets(
    path: Path = typer.Argument(..., metavar="FILE", help=_("The CSV or .xlsx file.")),
    sheet: Optional[str] = typer.Option(None, "--sheet", help=_("The .xlsx file's sheet to read (default: the first).")),
    force: bool = typer.Option(False, "--force", help=_("Keep rows below the fixed-asset rule.")),
) -> None:
    made = _run(lambda s: s.assets.import_file(str(path), force=force, sheet=sheet))
    cli.out.print(_("{n} assets imported.").format(n=len(made)), markup=False)


@dept_app.command("head", help=_("Record a department's head (missing assets go to them)."))
def dept_head(dept: str = typer.Argument(..., metavar="DEPT", help=_("The department.")),
              name: Optional[str] = typer.Option(None, "--name", help=_("The head's name."))) -> None:
    head = _run(lambda s: s.assets.set_head(dept, name))
    cli.out.print(Text(f"{printable(head['department'])}: {printable(head['name'])}"))


# -- the count -----------------------------------------------------------------------------
def _status_out(status, as_json: bool) -> None:
    if as_json:
        emit_json(status.to_json())
        return
    tally = status.tally()
    cli.out.print(_("Count #{id}: {marked} of {assets} marked · found {found} · missing "
                    "{missing} · damaged {damaged} · moved {moved}").format(id=status.id, **tally),
                  markup=False)
    for line in status.lines:
        mark = result_label(line.result) if line.result else "·"
        cli.out.print(Text(f"  {mark:<8} {printable(line.tag)} {printable(line.name)} "
                           f"({printable(line.location or '—')})"
                           + (f" → {printable(line.found_at)}" if line.found_at else "")))


@count_app.command("start", help=_("Open a count of every asset in scope, in location order."))
def count_start(dept: Optional[str] = typer.Option(None, "--dept", help=_("Count one department.")),
                location: Optional[str] = typer.Option(None, "--location", help=_("Count one room.")),
                as_json: bool = typer.Option(False, "--json", help=_("Print JSON."))) -> None:
    _status_out(_run(lambda s: s.assets.start_count(department=dept, location=location)),
                as_json)


@count_app.command("mark", help=_("Mark a counted asset found, missing or damaged."))
def count_mark(count_id: int = typer.Argument(..., metavar="COUNT", help=_("The count's number.")),
               tag: str = typer.Argument(..., metavar="TAG", help=_("The asset's tag.")),
               result: str = typer.Argument(..., metavar="found|missing|damaged", help=_("What the count found.")),
               at: Optional[str] = typer.Option(None, "--at", help=_("Where it was found, when not in its room.")),
               note: Optional[str] = typer.Option(None, "--note", help=_("A note."))) -> None:
    line = _run(lambda s: s.assets.mark(count_id, tag, result, at=at, note=note))
    cli.out.print(Text(f"{printable(line.tag)}: {result_label(line.result)}"))


@count_app.command("status", help=_("Where a count stands."))
def count_status(count_id: int = typer.Argument(..., metavar="COUNT", help=_("The count's number.")),
                 as_json: bool = typer.Option(False, "--json", help=_("Print JSON."))) -> None:
    _status_out(_run(lambda s: s.assets.count_status(count_id)), as_json)


@count_app.command("finish", help=_("Finish a count: jobs for the missing and damaged, found ones moved."))
def count_finish(count_id: int = typer.Argument(..., metavar="COUNT", help=_("The count's number."))) -> None:
    status, jobs = _run(lambda s: s.assets.finish_count(count_id))
    cli.out.print(_("Count #{id} finished; {n} jobs made.").format(id=status.id, n=len(jobs)),
                  markup=False)
    for job in jobs:
        cli.out.print(Text(f"  #{job.id} {printable(job.title)}"))


@count_app.command("report", help=_("A count's report per department: Markdown, CSV or Excel."))
def count_report(count_id: int = typer.Argument(..., metavar="COUNT", help=_("The count's number.")),
                 fmt: Optional[str] = typer.Option(None, "--format", help=_("md, csv or xlsx (Excel, with -o) (default: from the -o file name, else md).")),
                 output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("Write to this file instead of printing.")),
                 force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists."))) -> None:
    fmt = table_format(fmt, output, default="md")
    if fmt != "md":
        tables_out(_run(lambda s: s.assets.count_tables(count_id)), fmt, output, force)
        return
    text = _run(lambda s: s.assets.count_report(count_id))
    if output is None:
        sys.stdout.write(text)
        return
    from office_tui.services import output as files

    path = _run(lambda s: files.write_file(output, text.encode("utf-8"), database=s.db_path,
                                           force=force))
    cli.out.print(_("Report written to {path}").format(path=printable(str(path))),
                  markup=False, soft_wrap=True)

