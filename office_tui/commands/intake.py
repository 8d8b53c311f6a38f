"""`intake "MESSAGE"`: a pasted request proposed (and saved) as a job; `keyword add|list|
remove`: the clerk's own words for what a message asks for."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from rich.table import Table
from rich.text import Text

from office_tui import cli
from office_tui.cli import _run, app, emit_json, fail
from office_tui.core.humanize import relative_due, short_moment
from office_tui.core.job import Job
from office_tui.core.text import printable
from office_tui.core.vocab import category_label, importance_label
from office_tui.i18n import _, ngettext

if TYPE_CHECKING:  # the parser's tables load when a message is read, not for --help
    from office_tui.core.intake import Proposal

STDIN_LIMIT = 100_000  # characters read from a pipe


@app.command("intake", help=_(
    "Read a request as it arrived (chat message, phone note, e-mail) and propose a job: "
    "category, department, requester, due, importance; saves it and prints its id unless "
    "--dry-run."))
def intake(
    message: Optional[str] = typer.Argument(
        None, metavar="[MESSAGE]", help=_("The message; read from standard input when left "
                                          "out or given as -.")),
    sent: Optional[str] = typer.Option(
        None, "--sent", help=_("When the message was sent, \"YYYY-MM-DD HH:MM\" (default: "
                               "now): its 'tomorrow' and 'Friday' count from then.")),
    dry_run: bool = typer.Option(False, "--dry-run", help=_("Show the proposal; save nothing.")),
    as_json: bool = typer.Option(False, "--json", help=_(
        "Print the job as `show --json` does, with `parsed`: the words that gave each field.")),
    file: Optional[Path] = typer.Option(None, "--file", help=_(
        "Read many messages from a UTF-8 file, separated by blank lines; prints a summary.")),
) -> None:
    when = _run(lambda s: s.intake.parse_sent(sent)) if sent is not None else None
    if file is not None:
        if message is not None:
            fail(_("Give either a message or --file, not both."))
        _many(_run(lambda s: s.intake.read_messages(file)), when, dry_run=dry_run,
              as_json=as_json)
        return
    text = _read_stdin() if message in (None, "-") else message
    if dry_run:
        proposal = _run(lambda s: s.intake.propose(text, when))
        job = _run(lambda s: s.intake.preview(proposal))
        if as_json:
            emit_json(_job_json(job, proposal, history=[]))
        else:
            _print_proposal(job, proposal)
        return
    job, proposal = _run(lambda s: s.intake.intake(text, when))
    if as_json:
        history = _run(lambda s: s.jobs.history(job.id))
        emit_json(_job_json(job, proposal, history, _run(lambda s: s.jobs.notes(job.id))))
    else:
        sys.stdout.write(f"{job.id}\n")


def _many(messages: list[str], when: datetime | None, *, dry_run: bool, as_json: bool) -> None:
    if not messages:
        fail(_("No messages in the file: write them separated by blank lines."))
    proposals = _run(lambda s: s.intake.propose_many(messages, when))
    if dry_run:
        jobs = [_run(lambda s, p=p: s.intake.preview(p)) for p in proposals]
    else:
        jobs = _run(lambda s: s.intake.save_many(proposals))
    if as_json:
        emit_json([_job_json(j, p, history=[]) for j, p in zip(jobs, proposals)])
        return
    now = cli.services().now()
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header in (_("ID"), _("Category"), _("Department"), _("Due"), _("Title")):
        table.add_column(header, no_wrap=True)
    for job, proposal in zip(jobs, proposals):
        table.add_row(Text(f"#{job.id}" if job.id is not None else "-"),
                      Text(category_label(job.category)), Text(printable(job.department)),
                      Text(short_moment(job.due, now) + (" !!" if job.expedite else "")),
                      Text(printable(job.title)))
    cli.out.print(table)
    counts: dict[str, int] = {}
    for job in jobs:
        counts[job.category] = counts.get(job.category, 0) + 1
    parts = ", ".join(f"{category_label(c)} {n}" for c, n in counts.items())
    if dry_run:
        line = ngettext("{n} message read, nothing saved ({parts}).",
                        "{n} messages read, nothing saved ({parts}).", len(jobs))
    else:
        line = ngettext("{n} job saved from {n} message ({parts}).",
                        "{n} jobs saved from {n} messages ({parts}).", len(jobs))
    cli.out.print(line.format(n=len(jobs), parts=parts), markup=False)


def _read_stdin() -> str:
    if sys.stdin is None or sys.stdin.isatty():
        fail(_("Give the message, or pipe it in: office-tui intake \"MESSAGE\"."))
    try:
        return sys.stdin.read(STDIN_LIMIT)  # more than any message: refused as too long
    except (UnicodeDecodeError, OSError, ValueError):
        fail(_("The message on standard input cannot be read as UTF-8 text."))


def _job_json(job: Job, proposal: Proposal, history: list[dict],
              notes: list[dict] = ()) -> dict[str, Any]:
    data = job.to_json()
    # as `show --json` (a saved job keeps the message as its first note)
    data["notes"] = [{"at": n["at"], "text": n["text"]} for n in notes]
    data["history"] = [{"ts": e["ts"], "action": e["action"]} for e in history]
    data["parsed"] = proposal.parsed
    data["sent"] = proposal.sent.isoformat(timespec="seconds")
    data["message"] = proposal.message
    return data


def _print_proposal(job: Job, proposal: Proposal) -> None:
    now = cli.services().now()
    parsed = proposal.parsed
    cli.out.print(Text(_("Proposal (nothing saved):"), style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_column(style="dim")
    due = f"{short_moment(job.due, now)} ({relative_due(job.due, now)})"
    if not proposal.due:
        due += " " + _("(the category's time limit)")
    rows = [
        (_("Title"), printable(job.title), ""),
        (_("Category"), category_label(job.category), parsed.get("category", "")),
        (_("Department"), printable(job.department), parsed.get("department", "")),
        (_("Requester"), printable(job.requester), parsed.get("requester", "")),
        (_("Due"), due, parsed.get("due", "")),
        (_("Importance"), importance_label(job.importance), parsed.get("importance", "")),
        (_("Expedite"), _("yes") if job.expedite else _("no"), parsed.get("expedite", "")),
    ]
    for key, value, words in rows:
        grid.add_row(Text(key), Text(value), Text(f"← {printable(words)}" if words else ""))
    cli.out.print(grid)


# -- keywords --------------------------------------------------------------------------------
sub = typer.Typer(help=_("Your own intake words: which category a message holding them asks for."),
                  no_args_is_help=True, rich_markup_mode=None)
app.add_typer(sub, name="keyword")


@sub.command("add", help=_("Messages holding WORD ask for CATEGORY (e.g. keyword add leak* repair)."))
def keyword_add(
    word: str = typer.Argument(..., help=_("A word or short phrase; English words match whole "
                                           "words, a trailing * any ending.")),
    category: str = typer.Argument(..., help=_("repair, vehicle, supply, reception, meeting, "
                                               "print, other, or their Chinese names.")),
) -> None:
    found = _run(lambda s: s.intake.add_keyword(word, category))
    cli.out.print(_("Keyword '{word}' → {category}.").format(
        word=printable(found["word"]), category=category_label(found["category"])), markup=False)


@sub.command("remove", help=_("Forget one of your keywords."))
def keyword_remove(word: str = typer.Argument(..., help=_("The keyword."))) -> None:
    found = _run(lambda s: s.intake.remove_keyword(word))
    cli.out.print(_("Keyword '{word}' removed.").format(word=printable(found["word"])),
                  markup=False)


@sub.command("list", help=_("The keywords in use: yours first, then the shipped ones."))
def keyword_list(
    mine: bool = typer.Option(False, "--mine", help=_("Only the keywords you added.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    words = _run(lambda s: s.intake.keywords())
    if mine:
        words = [w for w in words if w["source"] == "clerk"]
    if as_json:
        emit_json(words)
        return
    if not words:
        cli.out.print(_("No keywords of your own yet: keyword add WORD CATEGORY."), markup=False)
        return
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for header in (_("Word"), _("Category"), _("Weight"), _("Source")):
        table.add_column(header, no_wrap=True)
    for w in words:
        table.add_row(Text(printable(w["word"])), Text(category_label(w["category"])),
                      Text(str(w["weight"])),
                      Text(_("yours") if w["source"] == "clerk" else _("shipped")))
    cli.out.print(table)
