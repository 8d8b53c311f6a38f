"""Following jobs through: `assign`, `note`, `refer`, `back`, `merge`, `handover`;
`contact add|list|edit|import|rm` (通讯录); `template add|list|rm` (reply templates)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from office_tui import cli
from office_tui.cli import JobIds, _done, _run, app, emit_json, fail
from office_tui.core.text import printable
from office_tui.i18n import _, ngettext


@app.command(help=_("Give jobs to a handler: a contact or any name; \"\" gives them "
                    "back to the clerk."))
def assign(
    job_ids: list[int] = JobIds(),
    to: Optional[str] = typer.Option(None, "--to", help=_("Who does it, e.g. Master Wang.")),
) -> None:
    if to is None:
        fail(_("Say who does it with --to (\"\" for the clerk)."))
    for job in _run(lambda s: s.jobs.each(job_ids, lambda i: s.jobs.assign(i, to))):
        _done(job)


@app.command(help=_("Add a dated progress note to a job."))
def note(
    job_id: int = cli.JobId(),
    text: str = typer.Argument(..., metavar="TEXT", help=_("What happened, e.g. \"called the vendor\".")),
) -> None:
    saved = _run(lambda s: s.jobs.note(job_id, text))
    cli.out.print(_("Note added to #{id}.").format(id=saved["job_id"]), markup=False)


@app.command(help=_("Pass a job to another department and keep chasing it: it waits until "
                    "`back`, and shows on Today from the follow-up day."))
def refer(
    job_id: int = cli.JobId(),
    to: Optional[str] = typer.Option(None, "--to", help=_("The department, e.g. Finance.")),
    person: Optional[str] = typer.Option(None, "--person", help=_("Who there has it.")),
    follow_up: Optional[str] = typer.Option(None, "--follow-up", help=_("The day to chase it: fri, 2026-12-04, +3d.")),
    text: Optional[str] = typer.Option(None, "--note", help=_("A note on the referral.")),
) -> None:
    _done(_run(lambda s: s.jobs.refer(job_id, to, follow_up=follow_up, person=person,
                                      note=text)))


@app.command(help=_("A referred job is back: open again, its time-limit clock running."))
def back(
    job_id: int = cli.JobId(),
    text: Optional[str] = typer.Option(None, "--note", help=_("What came back.")),
) -> None:
    _done(_run(lambda s: s.jobs.back(job_id, text)))


@app.command(help=_("DUP repeats KEEP: cancel DUP (\"merged into #KEEP\"), moving its "
                    "requester and notes to KEEP; one undo step."))
def merge(
    keep: int = typer.Argument(..., metavar="KEEP", callback=cli.job_id_arg, help=_("The job to keep.")),
    dup: int = typer.Argument(..., metavar="DUP", callback=cli.job_id_arg, help=_("The duplicate.")),
) -> None:
    _done(_run(lambda s: s.follow.merge(keep, dup)))


@app.command(help=_("A handover sheet for a stand-in, in Markdown: open jobs with "
                    "their handlers, trips, low stock, reminders, phones."))
def handover(
    days: int = typer.Option(3, "--days", help=_("Trips of the next N days.")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("Write to this file instead of printing.")),
    force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists.")),
) -> None:
    if output is not None:
        path = _run(lambda s: s.follow.write_handover(output, days, force=force))
        cli.out.print(_("Handover written to {path}").format(path=printable(str(path))),
                      markup=False, soft_wrap=True)
        return
    sys.stdout.write(_run(lambda s: s.follow.handover(days)))


# -- contacts --------------------------------------------------------------------------
contact_app = typer.Typer(help=_("The contacts: requesters, handlers, drivers."),
                          no_args_is_help=True, rich_markup_mode=None)
app.add_typer(contact_app, name="contact")


@contact_app.command("add", help=_("Add a contact."))
def contact_add(
    name: Optional[str] = typer.Option(None, "--name", help=_("The name, e.g. Master Wang.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("The department.")),
    phone: Optional[str] = typer.Option(None, "--phone", help=_("The phone number.")),
    role: Optional[str] = typer.Option(None, "--role", help=_("What they do: electrician, vendor; driver makes them a driver.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the contact as JSON.")),
) -> None:
    contact = _run(lambda s: s.contacts.add(name, department=dept, phone=phone, role=role))
    if as_json:
        emit_json(contact.to_json())
        return
    cli.out.print(_("Added {name}.").format(name=printable(contact.name)), markup=False)


@contact_app.command("list", help=_("The contacts, by name (search: name, department, phone, role, pinyin)."))
def contact_list(
    search: Optional[str] = typer.Option(None, "--search", help=_("e.g. wang, wsf, finance.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    found = _run(lambda s: s.contacts.list(search=search))
    if as_json:
        emit_json([c.to_json() for c in found])
        return
    table = Table(box=None, header_style="bold")
    for label in (_("Name"), _("Department"), _("Phone"), _("Role")):
        table.add_column(label)
    for c in found:
        table.add_row(*(Text(printable(v or "")) for v in (c.name, c.department, c.phone,
                                                            c.role)))
    cli.out.print(table)


@contact_app.command("edit", help=_("Change a contact (\"\" clears a field)."))
def contact_edit(
    name: str = typer.Argument(..., metavar="NAME", help=_("The contact's name.")),
    new_name: Optional[str] = typer.Option(None, "--name", help=_("A new name.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("The department.")),
    phone: Optional[str] = typer.Option(None, "--phone", help=_("The phone number.")),
    role: Optional[str] = typer.Option(None, "--role", help=_("What they do.")),
) -> None:
    contact = _run(lambda s: s.contacts.edit(name, new_name=new_name, department=dept,
                                             phone=phone, role=role))
    cli.out.print(_("Changed {name}.").format(name=printable(contact.name)), markup=False)


@contact_app.command("import", help=_(
    "Import contacts from CSV or Excel (.xlsx): every row is checked first; one bad row, "
    "nothing imported."))
def contact_import(
    path: Path = typer.Argument(..., metavar="FILE", help=_("CSV or .xlsx with a header: name and optional department,phone,role (or {chinese}).").format(chinese="姓名,部门,电话,职务")),
    sheet: Optional[str] = typer.Option(None, "--sheet", help=_("The .xlsx file's sheet to read (default: the first).")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the contacts as JSON.")),
) -> None:
    contacts = _run(lambda s: s.contacts.import_file(path, sheet=sheet))
    if as_json:
        emit_json([c.to_json() for c in contacts])
        return
    cli.out.print(ngettext("Imported {n} contact.", "Imported {n} contacts.",
                           len(contacts)).format(n=len(contacts)), markup=False)


@contact_app.command("rm", help=_("Remove a contact."))
def contact_rm(name: str = typer.Argument(..., metavar="NAME", help=_("The contact's name."))) -> None:
    contact = _run(lambda s: s.contacts.remove(name))
    cli.out.print(_("Removed {name}.").format(name=printable(contact.name)), markup=False)


# -- reply templates --------------------------------------------------------------------
template_app = typer.Typer(help=_("Reply templates with {requester} {title} {outcome} "
                                  "{due} {closed} {handler} {dept}."),
                           no_args_is_help=True, rich_markup_mode=None)
app.add_typer(template_app, name="template")


@template_app.command("add", help=_("Add a reply template."))
def template_add(
    name: str = typer.Argument(..., metavar="NAME", help=_("The template's name.")),
    text: str = typer.Argument(..., metavar="TEXT", help=_("Its text, e.g. \"Dear {requester}, {title} is done.\"")),
) -> None:
    template = _run(lambda s: s.follow.add_template(name, text))
    cli.out.print(_("Template {name} added.").format(name=printable(template.name)),
                  markup=False)


@template_app.command("list", help=_("The reply templates."))
def template_list(as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array."))) -> None:
    found = _run(lambda s: s.follow.templates())
    if as_json:
        emit_json([t.to_json() for t in found])
        return
    for t in found:
        cli.out.print(Text(f"{printable(t.name)}: {printable(t.text)}"))


@template_app.command("rm", help=_("Remove a reply template."))
def template_rm(name: str = typer.Argument(..., metavar="NAME", help=_("The template's name."))) -> None:
    template = _run(lambda s: s.follow.remove_template(name))
    cli.out.print(_("Template {name} removed.").format(name=printable(template.name)),
                  markup=False)
