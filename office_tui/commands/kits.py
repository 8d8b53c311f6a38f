"""`kit ...`: event kits for receptions and meetings (会议 / 接待)."""

from __future__ import annotations

from typing import Any, Optional

import typer
from rich.table import Table
from rich.text import Text

from office_tui import cli
from office_tui.cli import JobId, _run, app, emit_json, fail
from office_tui.core.humanize import short_moment
from office_tui.core.text import printable
from office_tui.core.vocab import category_label, importance_label, status_label
from office_tui.i18n import _, ngettext, pgettext

sub = typer.Typer(help=_("Event kits: linked jobs placed back from a reception or meeting."),
                  no_args_is_help=True, rich_markup_mode=None)
app.add_typer(sub, name="kit")


def _print_kit(kit: dict[str, Any]) -> None:
    cli.out.print(Text(_("Kit {name}").format(name=printable(kit["name"])), style="bold"))
    if not kit["items"]:
        cli.out.print(_("  (no items yet: kit item-add)"), markup=False)
        return
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    # An entry of the kit (事项), not goods (物品): the same English word.
    for header in (pgettext("kit", "Item"), _("Offset"), _("Category"), _("Imp"), _("Title")):
        table.add_column(header, no_wrap=True)
    for item in kit["items"]:
        table.add_row(Text(str(item["id"])), Text(item["offset"]),
                      Text(category_label(item["category"])),
                      Text(importance_label(item["importance"])),
                      Text(printable(item["title"])))
    cli.out.print(table)


def _print_jobs(jobs) -> None:
    now = cli.services().now()
    for job in jobs:
        cli.out.print(Text(f"#{job.id}  {short_moment(job.due, now):>11}  "
                           f"{status_label(job.status)}  {printable(job.title)}"))


@sub.command("list", help=_("Every kit with its items."))
def list_kits(as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array."))) -> None:
    kits = _run(lambda s: s.kits.list())
    if as_json:
        emit_json(kits)
        return
    if not kits:
        cli.out.print(_("No kits."), markup=False)
    for kit in kits:
        _print_kit(kit)


@sub.command("show", help=_("One kit and its items."))
def show(
    kit: str = typer.Argument(..., help=_("Kit name or number.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print JSON.")),
) -> None:
    found = _run(lambda s: s.kits.get(kit))
    if as_json:
        emit_json(found)
    else:
        _print_kit(found)


@sub.command("new", help=_("Create an empty kit; add items with `kit item-add`."))
def new(name: str = typer.Argument(..., help=_("The kit's name, e.g. large meeting."))) -> None:
    kit = _run(lambda s: s.kits.create(name))
    cli.out.print(_("Kit {name} created (#{id}).").format(name=printable(kit["name"]),
                                                         id=kit["id"]), markup=False)


@sub.command("delete", help=_("Delete a kit (jobs it already made stay)."))
def delete(kit: str = typer.Argument(..., help=_("Kit name or number."))) -> None:
    found = _run(lambda s: s.kits.delete(kit))
    cli.out.print(_("Kit {name} deleted.").format(name=printable(found["name"])), markup=False)


@sub.command("item-add", context_settings={"ignore_unknown_options": True}, help=_(
     "Add a linked job to a kit."))
def item_add(
    kit: str = typer.Argument(..., help=_("Kit name or number.")),
    offset: str = typer.Argument(..., help=_("When, from the event: -1d@17:00, -1d, -2h, -30m, @07:30, +1d@09:00.")),
    text: str = typer.Argument(..., help=_("The job, quick-add style: \"Name cards #print !high\".")),
) -> None:
    _print_kit(_run(lambda s: s.kits.add_item(kit, offset, text)))


@sub.command("item-rm", help=_("Remove an item from a kit."))
def item_rm(
    kit: str = typer.Argument(..., help=_("Kit name or number.")),
    item: int = typer.Argument(..., help=_("The item's number (kit show).")),
) -> None:
    _print_kit(_run(lambda s: s.kits.remove_item(kit, item)))


@sub.command("apply", help=_("Give a reception or meeting job a kit: its linked jobs are created."))
def apply(
    kit: str = typer.Argument(..., help=_("Kit name or number.")),
    job_id: int = JobId(),
    as_json: bool = typer.Option(False, "--json", help=_("Print the linked jobs as JSON.")),
) -> None:
    jobs = _run(lambda s: s.kits.apply(kit, job_id))
    if as_json:
        emit_json([j.to_json() for j in jobs])
        return
    cli.out.print(ngettext("{n} linked job for #{id}:", "{n} linked jobs for #{id}:",
                           len(jobs)).format(n=len(jobs), id=job_id), markup=False)
    _print_jobs(jobs)


@sub.command("event", help=_(
     "Add a reception or meeting with its kit in one go; prints the event's id."))
def event(
    kit: str = typer.Argument(..., help=_("Kit name or number.")),
    text: str = typer.Argument(..., help=_("The event, quick-add: \"Receive the inspection team due:thu@9:30 @Office #reception\".")),
    room: Optional[str] = typer.Option(None, "--room", help=_("Book this meeting room for the event (with --for).")),
    length: Optional[str] = typer.Option(None, "--for", help=_("How long the event holds the room: 2h, 90m.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the event and its linked jobs as JSON.")),
) -> None:
    found, jobs = _run(lambda s: s.kits.event(kit, text, room=room, length=length))
    if as_json:
        emit_json({"event": found.to_json(), "linked": [j.to_json() for j in jobs]})
        return
    cli.out.print(str(found.id), markup=False)
    _print_jobs(jobs)


@sub.command("linked", help=_("The jobs a kit linked to an event."))
def linked(
    job_id: int = JobId(),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    jobs = _run(lambda s: s.kits.linked(job_id))
    if as_json:
        emit_json([j.to_json() for j in jobs])
    else:
        _print_jobs(jobs)


@sub.command("move", help=_(
     "Move an event; its open linked jobs move with it (so does `triage --due`)."))
def move(
    job_id: int = JobId(),
    to: Optional[str] = typer.Option(None, "--to", help=_("The new time, quick-add grammar: fri@14:00.")),
) -> None:
    if not to:
        fail(_("Give the new time with --to."))
    found, jobs = _run(lambda s: s.kits.move(job_id, to))
    cli.out.print(ngettext("#{id} moved; {n} linked job moved with it.",
                           "#{id} moved; {n} linked jobs moved with it.", len(jobs)).format(
        id=found.id, n=len(jobs)), markup=False)
    _print_jobs(jobs)


@sub.command("cancel", help=_(
     "Cancel an event and its open linked jobs (or keep them with --keep-linked)."))
def cancel(
    job_id: int = JobId(),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("Why it is cancelled.")),
    keep_linked: bool = typer.Option(False, "--keep-linked", help=_("Leave the linked jobs open.")),
) -> None:
    found, jobs = _run(lambda s: s.kits.cancel(job_id, reason or "", linked=not keep_linked))
    cli.out.print(ngettext("#{id} cancelled, with {n} linked job.",
                           "#{id} cancelled, with {n} linked jobs.", len(jobs)).format(
        id=found.id, n=len(jobs)), markup=False)
