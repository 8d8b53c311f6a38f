"""The `office-tui` command: a thin Typer shell around the services.

Rich tables for people, `--json` for scripts. Every refusal is one line on stderr and
exit status 1, with nothing written.

Importing this module builds the commands' help texts, so the interface language is
set before it is imported (office_tui/entry.py); `main(argv)` then loads the command
modules argv needs and runs Typer. Importing it changes nothing else.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Optional

import typer
import typer.core

from office_tui import arguments, i18n, job_table, startup
from office_tui.arguments import MAX_SQLITE_INT
from office_tui.core.changes import HistoryEntry
from office_tui.core.humanize import full_moment, relative_due, short_moment
from office_tui.core.job import Job
from office_tui.core.text import fit, json_text, message_line, printable, terminal_safe
from office_tui.core.vocab import (
    count_jobs,
    category_label, importance_label, status_label, urgency_part_label,
)
from office_tui.i18n import _, pgettext
from office_tui.launch import open_services, run_tui
from office_tui.services import OfficeError, Services

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

# Typer's own words in help and errors (its section titles, "default:", "No such
# command"), translated through our catalog once main() hands Typer its gettext.
TYPER_WORDS = (
    i18n.N_("Arguments"), i18n.N_("Options"), i18n.N_("Commands"), i18n.N_("required"),
    i18n.N_("default: {default}"), i18n.N_("env var: {var}"), i18n.N_("(dynamic)"),
    i18n.N_("Missing command."), i18n.N_("No such command {name!r}."), i18n.N_("Aborted!"),
)


class OfficeGroup(typer.core.TyperGroup):
    """The root command: arguments that are not valid UTF-8 are refused before any
    command sees them (they would reach SQLite or the terminal as lone surrogates)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        problem = arguments.utf8_problem(args)
        if problem:
            fail(problem)
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=OfficeGroup,
    help=_("office-tui: requests, triage and the day's work of an office logistics clerk."),
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class TerminalSafe:
    """The current sys.stdout or sys.stderr (tests and the output guard replace them), with
    whatever a console writes made terminal-safe: a control or bidi character that
    reached a table without `printable` is still shown escaped, never raw."""

    def __init__(self, name: str) -> None:
        self._name = name

    def write(self, text: str) -> int:
        return getattr(sys, self._name).write(terminal_safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(getattr(sys, self._name), name)


class LazyConsole:
    """A Rich console made on first use: the commands that print a plain line (`add`
    prints the new id) never import Rich, ~15 ms of their start."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            stream = "stderr" if self._options.get("stderr") else "stdout"
            self._console = Console(file=TerminalSafe(stream), **self._options)
        return getattr(self._console, name)


out = LazyConsole(highlight=False)
err = LazyConsole(stderr=True, highlight=False, soft_wrap=True)


class State:
    db_path: Path | None = None
    services: Services | None = None
    opened: Path | None = None  # a damage note beside it is said after the command
    words: list[str] = []  # the command run (`item list`): one that only reads creates nothing


state = State()


def fail(message: str) -> NoReturn:
    from rich.text import Text

    err.print(Text(message_line(message), style="red"))
    raise typer.Exit(1)


def services() -> Services:
    if state.services is None:
        try:
            state.services = open_services(arguments.database(state.db_path),
                                           Services,  # Services: tests' clock
                                           create=not arguments.only_reads(state.words))
        except OfficeError as exc:
            fail(str(exc))
        state.opened = state.services.db_path
        state.services.set_source("cli")  # the app sets "app" when it opens
    return state.services


def close_services() -> None:
    if state.services is not None:
        state.services.close()
        state.services = None


def job_id_arg(value: int) -> int:
    """IDs beyond SQLite's integer range cannot exist: say so instead of overflowing."""
    if value is not None and not 1 <= value <= MAX_SQLITE_INT:
        fail(_("No job #{id}.").format(id=value))
    return value


def JobId() -> Any:  # noqa: N802 - reads like a type in the signatures below
    return typer.Argument(..., metavar="ID", help=_("The job's number."), callback=job_id_arg)


def job_ids_arg(values: list[int]) -> list[int]:
    for value in values or []:
        job_id_arg(value)
    return values


def JobIds() -> Any:  # noqa: N802
    return typer.Argument(..., metavar="ID...", help=_("The jobs' numbers (one or more)."),
                          callback=job_ids_arg)


def emit_json(data: Any) -> None:
    sys.stdout.write(json_text(data) + "\n")


def table_format(fmt: str | None, output: Path | None, *, default: str | None = None,
                 allowed: Sequence[str] = ("md", "csv", "xlsx")) -> str | None:
    """A saved list's format: --format, else the -o file's name, else `default` (None:
    the table for the terminal); an unknown one, or xlsx without -o, fails in one line."""
    from office_tui.services.exports import choose

    try:
        return choose(fmt, output, allowed=allowed, default=default)
    except OfficeError as exc:
        fail(str(exc))


def tables_out(tables: Sequence[Any], fmt: str, output: Path | None, force: bool) -> None:
    """Markdown or CSV to stdout, or any of them (and .xlsx) to the -o file."""
    from office_tui.services import exports

    if output is None:
        sys.stdout.write(exports.render(tables, fmt))
        return
    path = _run(lambda s: exports.write(tables, fmt, output, database=s.db_path, force=force))
    out.print(_("Written to {path}").format(path=printable(str(path))), markup=False,
              soft_wrap=True)


def print_version(value: bool) -> None:
    """`office-tui --version` (entry.py answers it before Typer when it comes alone)."""
    if value:
        from office_tui.paths import package_version

        sys.stdout.write(f"office-tui {package_version()}\n")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: Optional[Path] = typer.Option(
        None, "--db", envvar="OFFICE_TUI_DB", help=_("Database file (default: the user data dir).")
    ),
    lang: Optional[str] = typer.Option(
        None, "--lang", help=_("Interface language: en or zh (default: the `config language` "
                               "setting, then the locale).")),
    version: bool = typer.Option(False, "--version", is_eager=True, callback=print_version,
                                 help=_("Print the version and exit.")),
) -> None:
    """With no command, open the terminal interface."""
    if lang:
        if i18n.normalise_language(lang) not in i18n.LANGUAGES:
            fail(_("Unknown language '{lang}': use en or zh.").format(lang=lang))
        i18n.set_language(lang)
    close_services()  # a previous in-process invocation (tests) must not leak its connection
    state.db_path = db
    state.opened = None
    ctx.call_on_close(close_services)
    if ctx.invoked_subcommand is None:  # as office_tui/entry.py does without Typer
        run_tui(services())


# -- intake -----------------------------------------------------------------------------
@app.command(help=_("Fill an empty database with the demo data set."))
def demo(
    jobs: int = typer.Option(0, "--jobs", help=_("Also generate N jobs for load tests.")),
    force: bool = typer.Option(False, "--force", help=_("Add the demo even if jobs exist.")),
) -> None:
    counts = _run(lambda s: s.load_demo(jobs=jobs, force=force))
    out.print(_("Demo loaded: {jobs}, {generated} generated, in {path}").format(
        jobs=count_jobs(counts["jobs"]), generated=counts["generated"],
        path=services().db_path),
        markup=False)


@app.command(help=_("Quick-add a job; prints the new id."))
def add(
    text: str = typer.Argument(..., help=_("Quick-add text, e.g. \"Fix the lamp !high due:today @Facilities #repair\".")),
    requester: Optional[str] = typer.Option(None, "--requester", help=_("Who asked.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print the job as JSON.")),
) -> None:
    job = _run(lambda s: s.jobs.add(text, requester=requester))
    # A job much like an open one of the same department this week: said on stderr,
    # so a script reading the id is not disturbed (`merge KEEP DUP` joins them).
    for found in _run(lambda s: s.follow.similar(job.title, job.department, exclude=job.id))[:3]:
        from rich.text import Text

        err.print(Text(_("similar to open job #{id}: {title} (merge {id} {new} keeps #{id})"
                         ).format(id=found.job.id, title=printable(found.job.title),
                                  new=job.id), style="yellow"))
    if as_json:
        emit_json(job.to_json())
    else:
        sys.stdout.write(f"{job.id}\n")


# -- reading ----------------------------------------------------------------------------
@app.command("list", help=_("Open jobs, most urgent first."))
def list_jobs(
    all_: bool = typer.Option(False, "--all", help=_("Include done and cancelled jobs.")),
    limit: int = typer.Option(50, "--limit", help=_("Show at most N jobs.")),
    search: Optional[str] = typer.Option(None, "--search", help=_("Match title, department, requester or location.")),
    inbox: bool = typer.Option(False, "--inbox", help=_("Only untriaged jobs.")),
    closed: bool = typer.Option(False, "--closed", help=_("Only done and cancelled jobs, the most recently closed first.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("Only this department's jobs.")),
    category: Optional[str] = typer.Option(None, "--category", help=_("Only this category.")),
    status: Optional[str] = typer.Option(None, "--status", help=_("Only this status: inbox, open, in_progress, waiting, done, cancelled.")),
    handler: Optional[str] = typer.Option(None, "--handler", help=_("Only the jobs this handler does.")),
    as_json: bool = typer.Option(False, "--json", help=_("Print a JSON array.")),
) -> None:
    if closed and (all_ or inbox):
        fail(_("--closed lists closed jobs only: leave out --all and --inbox."))
    filters = {"department": dept, "category": category, "status": status,
               "handler": handler}
    filters = {k: v for k, v in filters.items() if v is not None} or None
    text = _run(lambda s: job_table.list_output(
        s, include_closed=all_, limit=limit, search=search, inbox=inbox, as_json=as_json,
        color=job_table.wants_color(sys.stdout), closed=closed, filters=filters))
    sys.stdout.write(text)


@app.command(help=_("One job, with its urgency parts and history."))
def show(
    job_id: int = JobId(),
    as_json: bool = typer.Option(False, "--json", help=_("Print the job as JSON.")),
) -> None:
    job = _run(lambda s: s.jobs.get(job_id))
    history = _run(lambda s: s.jobs.changes(job_id))
    notes = _run(lambda s: s.jobs.notes(job_id))
    if as_json:
        data = job.to_json()
        data["notes"] = [{"at": n["at"], "text": n["text"]} for n in notes]
        data["history"] = [e.to_json() for e in history]
        emit_json(data)
        return
    phones = _run(lambda s: s.contacts.phones([job.requester, job.handler]))
    _print_job(job, history, notes, phones)


@app.command(help=_("Change a job's title, department, requester or location."))
def edit(
    job_id: int = JobId(),
    title: Optional[str] = typer.Option(None, "--title", help=_("The new title.")),
    dept: Optional[str] = typer.Option(None, "--dept", help=_("The department (\"\" clears it).")),
    requester: Optional[str] = typer.Option(None, "--requester", help=_("Who asked (\"\" clears it).")),
    location: Optional[str] = typer.Option(None, "--location", help=_("The room or place, e.g. \"3F meeting room\" (\"\" clears it).")),
) -> None:
    _done(_run(lambda s: s.jobs.edit(job_id, title=title, department=dept,
                                     requester=requester, location=location)))


# -- triage and work --------------------------------------------------------------------
@app.command(help=_("Set importance, category, due or expedite; moves the job out of the inbox."))
def triage(
    job_ids: list[int] = JobIds(),
    importance: Optional[str] = typer.Option(None, "--importance", help=_("high, normal or low.")),
    category: Optional[str] = typer.Option(None, "--category", help=_("repair, vehicle, supply, reception, meeting, print, other.")),
    due: Optional[str] = typer.Option(None, "--due", help=_("Due, in the quick-add grammar.")),
    expedite: Optional[bool] = typer.Option(None, "--expedite/--no-expedite", help=_("Expedite: jump the queue.")),
) -> None:
    for job in _run(lambda s: s.jobs.each(job_ids, lambda i: s.jobs.triage(
            i, importance=importance, category=category, due=due, expedite=expedite))):
        _done(job)


@app.command(help=_("Mark a job in progress."))
def start(job_id: int = JobId()) -> None:
    _done(_run(lambda s: s.jobs.start(job_id)))


@app.command(help=_("Put a job on hold (the time-limit clock pauses)."))
def wait(
    job_id: int = JobId(),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("What it waits for.")),
) -> None:
    _done(_run(lambda s: s.jobs.wait(job_id, reason or "")))


@app.command(help=_("Promise a new time when the limit will be missed."))
def promise(
    job_id: int = JobId(),
    by: Optional[str] = typer.Option(None, "--by", help=_("New promised time (quick-add grammar).")),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("Why the limit will be missed.")),
) -> None:
    if not by:
        fail(_("Give the promised time with --by."))
    _done(_run(lambda s: s.jobs.promise(job_id, by, reason or "")))


@app.command(help=_("Close a job with its outcome."))
def done(
    job_ids: list[int] = JobIds(),
    outcome: Optional[str] = typer.Option(None, "--outcome", help=_("What was done (required).")),
    replied: bool = typer.Option(False, "--replied", help=_("The requester has been told.")),
) -> None:
    for job in _run(lambda s: s.jobs.each(
            job_ids, lambda i: s.jobs.done(i, outcome, replied=replied))):
        _done(job)


@app.command(help=_("Mark the requester as told."))
def reply(
    job_id: int = JobId(),
    note: Optional[str] = typer.Option(None, "--note", help=_("What the requester was told.")),
    template: Optional[str] = typer.Option(None, "--template", help=_("Fill this reply template, keep it on the job and print it for pasting.")),
) -> None:
    if template is not None:
        if note:
            fail(_("Give --note or --template, not both."))
        _job, text = _run(lambda s: s.follow.reply(job_id, template))
        sys.stdout.write(terminal_safe(text) + "\n")
        return
    _done(_run(lambda s: s.jobs.reply(job_id, note)))


@app.command(help=_("Cancel a job with a reason."))
def cancel(
    job_ids: list[int] = JobIds(),
    reason: Optional[str] = typer.Option(None, "--reason", help=_("Why it is cancelled.")),
) -> None:
    for job in _run(lambda s: s.jobs.each(job_ids, lambda i: s.jobs.cancel(i, reason or ""))):
        _done(job)


@app.command(help=_(
     "Revert the last change of any kind (appends its inverse; repeat to go further)."))
def undo() -> None:
    result = _run(lambda s: s.history.undo())
    out.print(result.message, markup=False)


@app.command(help=_("Re-apply the last undone change (until a new change is made)."))
def redo() -> None:
    result = _run(lambda s: s.history.redo())
    out.print(result.message, markup=False)


# -- helpers ----------------------------------------------------------------------------
def _run(call):
    svc = services()
    try:
        return call(svc)
    except OfficeError as exc:
        fail(str(exc))
    except sqlite3.Error as exc:
        # e.g. "database is locked" after the busy timeout, a disk error, a damaged page
        # met outside a write: one line, as the store says it.
        from office_tui.store.connection import translate

        fail(str(translate(exc, svc.db_path)))


def _done(job: Job) -> None:
    out.print(_("#{id} {status}: {title}").format(
        id=job.id, status=status_label(job.status), title=printable(job.title)), markup=False)


def _print_job(job: Job, history: list[HistoryEntry], notes: list[dict] = (),
               phones: dict[str, str] | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    now = services().now()
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    rows = [
        (_("Job"), f"#{job.id}"),
        (_("Title"), printable(job.title)),
        (_("Status"), status_label(job.status)),
        (_("Category"), category_label(job.category)),
        (_("Importance"), importance_label(job.importance) + (" !!" if job.expedite else "")),
        (_("Department"), printable(job.department)),
        (_("Requester"), _with_phone(job.requester, phones)),
        (pgettext("job", "Location"), printable(job.location)),
        (_("Handler"), _with_phone(job.handler, phones) if job.handler else _("the clerk")),
        (_("Due"), f"{short_moment(job.due, now)} ({relative_due(job.due, now)})"),
    ]
    if job.referred_to:
        rows.append((_("Referred to"), printable(" · ".join(
            x for x in (job.referred_to, job.referred_person) if x))))
    if job.follow_up:
        rows.append((_("Follow-up"), job.follow_up.isoformat()))
    if job.promised_by:
        rows.append((_("Promised by"), f"{short_moment(job.promised_by, now)} — "
                     f"{printable(job.promise_reason)}"))
    if job.waiting_reason and job.status == "waiting":
        rows.append((_("Waiting for"), printable(job.waiting_reason)))
    if job.outcome:
        rows.append((_("Outcome"), printable(job.outcome)))
    if job.cancel_reason:
        rows.append((_("Cancelled"), printable(job.cancel_reason)))
    rows.append((_("Replied"), short_moment(job.replied_at, now) if job.replied_at else _("not yet")))
    if job.reply_text:
        rows.append((_("Reply sent"), printable(job.reply_text)))
    parts = " + ".join(f"{urgency_part_label(p.name)} {p.value:g}"
                       for p in job.urgency.parts if p.value)
    rows.append((_("Urgency"), f"{job.urgency.total:g} = {parts or '0'}"))
    for key, value in rows:
        grid.add_row(Text(key), Text(value))
    out.print(grid)
    out.print()
    if notes:
        out.print(Text(_("Notes"), style="bold"))
        for note in notes:  # newest first
            out.print(Text(f"{note['at'].replace('T', ' ')[:16]}  {printable(note['text'])}"))
        out.print()
    for entry in history:
        head = f"{full_moment(entry.at)}  {entry.action_text}"
        if entry.source:
            head += f" · {entry.source_text}"
        out.print(Text(head))
        for line in entry.lines(now):
            out.print(Text("    " + line))


def _with_phone(name: str | None, phones: dict[str, str] | None) -> str:
    phone = (phones or {}).get(name or "")
    return printable(name) + (f" ({printable(phone)})" if phone else "")


def prepare(argv: Sequence[str] = ()) -> None:
    """Before Typer runs: the command modules argv needs (the other areas' commands
    register themselves on `app`; only the module of the command being run is imported,
    all of them for help, no command or an unknown name), and Typer's own words in the
    interface language."""
    from office_tui import commands

    commands.load(argv, (c.name or c.callback.__name__.lower().replace("_", "-")
                         for c in app.registered_commands if c.callback))
    if hasattr(typer.core, "_"):  # typer below 0.29 looks its words up through `_`
        typer.core._ = i18n._  # type: ignore[attr-defined]


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: usage errors also exit 1 with a one-line message."""
    argv = sys.argv[1:] if argv is None else list(argv)
    startup.starting()
    prepare(argv)
    state.words = list(arguments.root(argv).rest)
    if not arguments.root(argv).opens_app:
        startup.settle()  # the app settles once its first screen is drawn
    code = 0
    try:
        result = app(args=argv, standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.Abort:
        code = 1
    except typer.TyperException as exc:
        from rich.text import Text

        err.print(Text(message_line(exc.format_message()), style="red"))
        code = 1
    finally:
        close_services()
        state.words = []  # known for this run only (in-process runs come one after another)
    if code == 0 and state.opened is not None:
        from office_tui.launch import damage_warning, warn

        found = damage_warning(state.opened)
        if found:
            warn(found)
    sys.exit(code)


if __name__ == "__main__":  # python -m office_tui.cli: as the installed command
    from office_tui.entry import main as entry_main

    entry_main()
