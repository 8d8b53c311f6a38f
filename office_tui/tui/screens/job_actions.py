"""The keys of a job line, shared by the screens that list jobs (Today and Jobs).

Triage (importance, expedite, category, due), start, wait, promise, done, cancel (with
the offer to cancel an event's linked jobs), requester told, undo / redo, why, detail,
book a car, issue stock, and the quick-add box. A screen built on JobActions lists its
jobs its own way: it provides `current_job()`, `next_after(job)` and
`reload(focus_id=...)`, composes `#quickadd` and `#quickadd-error`, and takes its keys
from the bindings here in the order its footer shows them. After an action the cursor
moves to the job the clerk would look at next, so a list is worked down without the mouse.

The forms are imported when their key is first pressed: a screen's first frame never
waits for them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual import on
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from office_tui.core import quickadd
from office_tui.core.dates import DateParseError, parse_due
from office_tui.core.job import Job
from office_tui.core.text import printable
from office_tui.core.vocab import category_label, importance_label
from office_tui.i18n import _, ngettext
from office_tui.services import OfficeError, Services
from office_tui.tui.screens.base import AreaScreen
from office_tui.tui.widgets.paste_input import PasteInput

ADD_KEY = Binding("a", "add", _("Add"), id="jobs.add")
ROW_KEYS = [
    Binding("1", "importance('high')", _("High"), id="jobs.high"),
    Binding("2", "importance('normal')", _("Normal"), id="jobs.normal"),
    Binding("3", "importance('low')", _("Low"), id="jobs.low"),
    Binding("e", "expedite", _("Expedite"), id="jobs.expedite"),
    Binding("c", "category", _("Category"), id="jobs.category"),
    Binding("d", "due", _("Due"), id="jobs.due"),
    Binding("s", "start", _("Start"), id="jobs.start"),
    Binding("w", "wait", _("Wait"), id="jobs.wait"),
    Binding("p", "promise", _("Promise"), id="jobs.promise"),
    Binding("x", "done", _("Done"), id="jobs.done"),
    Binding("k", "cancel_job", _("Cancel job"), id="jobs.cancel"),
    Binding("r", "reply", _("Replied"), id="jobs.reply"),
    Binding("u", "undo", _("Undo"), id="jobs.undo"),
    Binding("ctrl+r", "redo", _("Redo"), id="jobs.redo"),
    Binding("question_mark", "why", _("Why?"), id="jobs.why"),
    Binding("b", "book", _("Book"), id="jobs.book"),
    Binding("enter", "detail", _("Detail"), id="jobs.detail"),
    Binding("i", "issue_stock", _("Issue stock"), id="jobs.issue_stock"),
    Binding("E", "edit_job", _("Edit"), id="jobs.edit"),
    Binding("A", "message", _("From a message"), id="jobs.message"),
    Binding("h", "handler", _("Handler"), id="jobs.handler"),
    Binding("n", "note", _("Note"), id="jobs.note"),
    Binding("space", "mark", _("Mark"), id="jobs.mark"),
    Binding("m", "merge", _("Merge"), id="jobs.merge"),
    # Off the footer (full at 80 columns); listed in the README's keys.
    Binding("ctrl+o", "print_form", _("Save form"), id="jobs.print_form", show=False),
]
LEAVE_KEY = Binding("escape", "leave_input", _("Back"), show=False)

ROW_ACTIONS = {
    "edit_job", "cancel_job", "importance", "expedite", "category", "due", "start", "wait",
    "promise", "done",
    "reply", "why", "detail", "handler", "note", "mark", "print_form",
}
ACT_GROUP = "jobs-act"  # our own writes: the live refresh waits for them (poll)


def _detail(svc: Services, job_id: int) -> tuple:
    """What the details view shows: the job, its history, now, its notes and the phones
    of its requester and handler."""
    job = svc.jobs.get(job_id)
    return (job, svc.jobs.changes(job_id), svc.now(), svc.jobs.notes(job_id),
            svc.contacts.phones([job.requester, job.handler]))


class JobActions(AreaScreen):
    """What every screen listing jobs does with them; see the module's docstring."""

    FOLLOWS_CLOCK = True  # relative dues and urgency, redrawn as the clock moves

    def __init__(self) -> None:
        super().__init__()
        self._notice: str = ""  # said once the reload after our write is on screen
        self._keys_shown: tuple | None = None

    # -- what the screen provides ------------------------------------------------------
    def current_job(self) -> Job | None:
        raise NotImplementedError

    def next_after(self, job: Job) -> int | None:
        raise NotImplementedError

    def action_print_form(self) -> None:
        """ctrl+o: the job's handling slip (处理单) as a PDF."""
        job = self.current_job()
        if job is not None:
            from office_tui.tui.print_form import save_form

            save_form(self, "job", job.id)

    def reload(self, focus_id: int | None = None, *, top: bool = False) -> None:
        raise NotImplementedError

    # -- keys -----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ROW_ACTIONS and self.current_job() is None:
            return None  # shown disabled: there is no job under the cursor
        if action == "book":  # `b` is there only on a vehicle job (a car) or a meeting (a room)
            job = self.current_job()
            return job is not None and job.category in ("vehicle", "meeting")
        if action == "issue_stock":
            job = self.current_job()
            return True if job is not None and job.category == "supply" else None
        if action == "merge":  # `m` only while a new job is shown as a likely repeat
            return True if self.similar is not None else None
        return True

    @on(DataTable.RowHighlighted)
    def row_keys(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_keys()

    def refresh_keys(self) -> None:
        """Redraw the footer when the keys it shows change: a job under the cursor or
        not (its keys show disabled), `b` on a vehicle job, `i` on a supply job. Textual
        rebuilds every key of the footer on each refresh, which costs more than the
        table's repaint, so a load or a cursor move that keeps them leaves it alone."""
        job = self.current_job()
        category = job.category if job is not None else None
        state = (job is not None, category in ("vehicle", "meeting"), category == "supply",
                 self.row_kind())
        if state != self._keys_shown:
            self._keys_shown = state
            self.refresh_bindings()

    def row_kind(self) -> str | None:
        """The kind of a non-job row under the cursor (Today's lines), for keys shown only
        on one kind."""
        return None

    def say_notice(self) -> None:
        """The toast of the action just done, once its reload is drawn: shown with the key,
        it would take the frame the table needs (Textual draws at most every 1/60 s)."""
        if self._notice:
            self.call_after_refresh(self.notify, self._notice, markup=False, timeout=3)
            self._notice = ""

    # -- running an action -------------------------------------------------------------
    def _act(self, label: str, call: Callable[[Services], Any], focus_id: int | None,
             action: str | None = None) -> None:
        """Run `call` (a write); then say `label`, reload and put the cursor on `focus_id`
        (the job written, when None). `action` names it if it fails."""
        self.run_service(call, partial(self._acted, label, focus_id),
                         action=action or _("save the change"), group=ACT_GROUP)

    def _acted(self, label: str, focus_id: int | None, result: Any) -> None:
        # Imported here: the history module and its stores (~7 ms) are not needed until
        # a change is made, and the first frame waited for them.
        from office_tui.services.history import Reverted

        if isinstance(result, Job):
            label = label.replace("{id}", str(result.id))  # "Added #61": the new job's
            if focus_id is None:
                focus_id = result.id
        if isinstance(result, Reverted):  # undo/redo: say what, land on that job
            label = result.message
            if result.entity == "job" and focus_id is None:
                focus_id = result.entity_id
        if label:
            self._notice = label  # said by say_notice() with the reload's table
        if isinstance(result, Job) and self.similar is not None and self.similar[1] == result.id:
            self.show_similar()
        # Our own write moved data_version too; the reload below covers it, so the next
        # poll must not rebuild the table a second time.
        try:
            self._seen_version = self.services.data_version()
        except OfficeError:
            pass
        self.reload(focus_id=focus_id)

    def poll(self) -> None:
        # While our own write is under way, its reload takes the new data_version:
        # polling now would only rebuild the table a second time.
        if any(w.group == ACT_GROUP and not w.is_finished for w in self.app.workers):
            return
        super().poll()

    def _on_row(self, label: str, call: Callable[[Services, Job], Any]) -> None:
        """`call` on the job under the cursor; with rows marked (space), on every marked
        job instead, in one transaction (one undo step), and the marks are cleared."""
        job = self.current_job()
        if job is None:
            return
        if self.marked:
            ids = sorted(self.marked)
            self.marked.clear()
            self._act(ngettext("{n} marked job changed", "{n} marked jobs changed",
                               len(ids)).format(n=len(ids)),
                      lambda svc: svc.jobs.each(ids, lambda i: call(svc, svc.jobs.get(i))),
                      job.id, _("change the marked jobs"))
            return
        self._act(label.format(id=job.id), lambda svc: call(svc, job), self.next_after(job),
                  _("change job #{id}").format(id=job.id))

    # -- triage and the job's life ------------------------------------------------------
    def action_importance(self, level: str) -> None:
        self._on_row(_("#{id} importance: ") + importance_label(level),
                     lambda svc, job: svc.jobs.triage(job.id, importance=level))

    def action_expedite(self) -> None:
        job = self.current_job()
        if job is None:
            return
        label = _("#{id} expedite off") if job.expedite else _("#{id} expedite on")
        wanted = not job.expedite  # marked jobs all take the state the cursor's job flips to
        self._on_row(label, lambda svc, j: svc.jobs.triage(j.id, expedite=wanted))

    def action_start(self) -> None:
        job = self.current_job()
        if job is not None and job.asset_id is not None and not self.marked:
            self._ask_asset(job, True, lambda svc, j: svc.jobs.start(j.id), _("#{id} started"))
            return
        self._on_row(_("#{id} started"), lambda svc, job: svc.jobs.start(job.id))

    def _ask_asset(self, job: Job, repairing: bool, call, label: str) -> None:
        """A repair of a fixed asset: asked whether the asset is in repair (on start) or
        back in use (on done) too, never forced; both in one transaction."""
        from office_tui.tui.modals.confirm import Confirm

        def answered(yes: bool | None) -> None:
            def both(svc, j):
                result = call(svc, j)
                if yes:
                    svc.assets.set_repair(j.asset_id, repairing)
                return result

            self._on_row(label, lambda svc, j: svc.jobs.each([j.id], lambda _i: both(svc, j))[0])

        question = (_("Mark the asset in repair too?") if repairing
                    else _("Put the asset back in use too?"))
        self.app.push_screen(Confirm(question, job=(job.id, job.title)), answered)

    def action_reply(self) -> None:
        """`r`: with reply templates, pick one: the filled text is shown, kept on the job
        and copied to the clipboard for pasting; without any, mark the requester told."""
        job = self.current_job()
        if job is None:
            return
        self.run_service(lambda svc: svc.follow.templates(),
                         partial(self._reply_with, job), action=_("load the reply templates"),
                         group="jobs-templates")

    def _reply_with(self, job: Job, templates: list) -> None:
        if not templates:
            self._on_row(_("#{id} requester told"), lambda svc, j: svc.jobs.reply(j.id))
            return
        from office_tui.tui.modals.jobs.reply_picker import ReplyPicker

        def chosen(name: str | None) -> None:
            if name:
                self.run_service(lambda svc: svc.follow.reply(job.id, name),
                                 self._replied, action=_("change job #{id}").format(id=job.id),
                                 group=ACT_GROUP)

        self.app.push_screen(ReplyPicker(job, templates), chosen)

    def _replied(self, result: tuple) -> None:
        job, text = result
        self.app.copy_to_clipboard(text)
        self._acted(_("#{id}: reply kept and copied to the clipboard").format(id=job.id),
                    job.id, job)

    def action_undo(self) -> None:
        self._act("", lambda svc: svc.history.undo(), None, _("undo"))

    def action_redo(self) -> None:
        self._act("", lambda svc: svc.history.redo(), None, _("redo"))

    def action_category(self) -> None:
        job = self.current_job()
        if job is None:
            return
        from office_tui.tui.modals.jobs.category import CategoryPicker

        def chosen(category: str | None) -> None:
            if category:
                self._on_row(_("#{id} category: ") + category_label(category),
                             lambda svc, j: svc.jobs.triage(j.id, category=category))

        self.app.push_screen(CategoryPicker(job.category, self.subject(job)), chosen)

    def _validate_due(self, value: str) -> str | None:
        try:
            parse_due(value, self.services.now(), self.services.calendar)
        except DateParseError as exc:
            return _("Bad date '{value}': {reason}.").format(value=value, reason=exc)
        return None

    def action_due(self) -> None:
        job = self.current_job()
        if job is None:
            return
        from office_tui.tui.modals.text_prompt import TextPrompt

        def chosen(value: str | None) -> None:
            if value:
                self._on_row(_("#{id} due set"), lambda svc, j: svc.jobs.triage(j.id, due=value))

        self.app.push_screen(
            TextPrompt(_("Due for #{id}").format(id=job.id),
                       placeholder=_("today, tomorrow@14:00, fri, +3d"),
                       validate=self._validate_due, job=self.subject(job)),
            chosen,
        )

    def action_wait(self) -> None:
        job = self.current_job()
        if job is None:
            return
        from office_tui.tui.modals.text_prompt import TextPrompt

        def chosen(reason: str | None) -> None:
            if reason:
                self._on_row(_("#{id} waiting"), lambda svc, j: svc.jobs.wait(j.id, reason))

        self.app.push_screen(
            TextPrompt(_("What is #{id} waiting for?").format(id=job.id),
                       placeholder=_("a part, the vendor, a reply"),
                       validate=lambda v: None if v.strip() else _(
                           "Say what the job is waiting for."), job=job),
            chosen,
        )

    def action_promise(self) -> None:
        job = self.current_job()
        if job is None:
            return
        from office_tui.tui.modals.jobs.promise import PromiseAnswer, PromiseForm

        def chosen(answer: PromiseAnswer | None) -> None:
            if answer:
                self._on_row(_("#{id} promised"),
                             lambda svc, j: svc.jobs.promise(j.id, answer.by, answer.reason))

        self.app.push_screen(PromiseForm(job, self._validate_due), chosen)

    def action_edit_job(self) -> None:
        """E: the job's title, department, requester and location, in a form prefilled
        with them; the cursor stays on the job (one event, undone by u)."""
        job = self.current_job()
        if job is None:
            return
        from office_tui.tui.modals.jobs.edit_job import EditJobForm

        def chosen(changed: dict[str, str] | None) -> None:
            if changed:
                self._act(_("#{id} edited").format(id=job.id),
                          lambda svc: svc.jobs.edit(job.id, **changed), job.id,
                          _("change job #{id}").format(id=job.id))

        self.app.push_screen(EditJobForm(job), chosen)

    def action_done(self) -> None:
        job = self.current_job()
        if job is None:
            return
        from office_tui.tui.modals.jobs.close_job import DoneAnswer, DoneForm

        def chosen(answer: DoneAnswer | None) -> None:
            if answer and job.asset_id is not None and not self.marked:
                self._ask_asset(job, False, lambda svc, j: svc.jobs.done(
                    j.id, answer.outcome, replied=answer.replied), _("#{id} done"))
            elif answer:
                self._on_row(_("#{id} done"), lambda svc, j: svc.jobs.done(
                    j.id, answer.outcome, replied=answer.replied))

        self.app.push_screen(DoneForm(self.subject(job)), chosen)

    # -- cancelling, with the offer to cancel an event's linked jobs ----------------------
    def action_cancel_job(self) -> None:
        job = self.current_job()
        if job is None or job.is_closed:
            return
        focus = self.next_after(job)
        from office_tui.tui.modals.text_prompt import TextPrompt

        def chosen(reason: str | None) -> None:
            if reason and reason.strip() and self.marked:
                self._on_row("", lambda svc, j: svc.jobs.cancel(j.id, reason))
            elif reason and reason.strip():
                self.run_service(lambda svc: len(svc.kits.open_linked(job.id)),
                                 partial(self._offer_linked, job, reason, focus),
                                 action=_("cancel job #{id}").format(id=job.id),
                                 group="jobs-linked")

        self.app.push_screen(
            TextPrompt(_("Why is #{id} cancelled?").format(id=job.id),
                       placeholder=_("e.g. event called off, requester withdrew"),
                       validate=lambda v: None if v.strip() else _(
                           "Give the reason for cancelling."), job=self.subject(job)),
            chosen)

    def _offer_linked(self, job: Job, reason: str, focus: int | None, linked: int) -> None:
        job_id = job.id
        label = _("#{id} cancelled").format(id=job_id)
        action = _("cancel job #{id}").format(id=job_id)
        if not linked:
            self._act(label, lambda svc: svc.jobs.cancel(job_id, reason), focus, action)
            return
        from office_tui.tui.cells import fit_text
        from office_tui.tui.modals.confirm import Confirm
        from office_tui.tui.widgets.job_subject import FORM_WIDTH, job_line

        def answered(both: bool) -> None:  # no (n, Escape): the linked jobs stay open
            self._act(label, lambda svc: svc.kits.cancel(job_id, reason, linked=both), focus,
                      action)

        self.app.push_screen(Confirm(
            _("#{id} has {n} open linked jobs from its kit. Cancel them too?").format(
                id=job_id, n=linked), fit_text(job_line(job.id, job.title), FORM_WIDTH).plain,
            hint=_("y: cancel them too · n or Esc: cancel #{id} only").format(id=job_id)),
            answered)

    # -- looking, and the other areas ----------------------------------------------------
    def action_why(self) -> None:
        job = self.current_job()
        if job is not None:
            from office_tui.tui.modals.jobs.urgency import UrgencyView

            self.app.push_screen(UrgencyView(job))

    def action_detail(self) -> None:
        job = self.current_job()
        if job is None:
            return
        job_id = job.id
        self.run_service(lambda svc: _detail(svc, job_id),
                         self._show_detail, action=_("load job #{id}").format(id=job_id),
                         group="jobs-detail")

    def _show_detail(self, loaded: tuple) -> None:
        from office_tui.tui.modals.jobs.job_detail import JobDetail

        self.app.push_screen(JobDetail(*loaded))

    @on(DataTable.RowSelected)
    def row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_detail()

    def action_issue_stock(self) -> None:
        """`i` on a supply job: issue stock to its department, then offer to close it."""
        job = self.current_job()
        if job is None or job.category != "supply":
            return
        from office_tui.tui.modals.inventory.stock_forms import issue_for_job

        issue_for_job(self.app, job, lambda outcome: self._act(
            _("#{id} done").format(id=job.id), lambda svc: svc.jobs.done(job.id, outcome),
            self.next_after(job), _("change job #{id}").format(id=job.id)))

    def action_book(self) -> None:
        """`b` on a vehicle job: the booking form prefilled from it; saving links the
        booking to the job and starts the job."""
        job = self.current_job()
        if job is not None and job.category == "meeting":
            self._book_room(job)
            return
        if job is None or job.category != "vehicle":
            return
        from office_tui.tui.modals.vehicles.booking_form import (
            BookingForm, BookingSaved, draft_for_job, saved_message,
        )

        def saved(result: BookingSaved | None) -> None:
            if result is not None:
                self.notify(saved_message(result), markup=False, timeout=4)
                for warning in result.warnings:
                    self.notify(warning, markup=False, severity="warning", timeout=8)
                self.reload(focus_id=job.id)

        self.app.push_screen(BookingForm(draft_for_job(job, self.services.now())), saved)

    def _book_room(self, job: Job) -> None:
        """`b` on a meeting job: the room form prefilled from it; the booking is linked to
        the job, so it moves when the job's time moves and is freed if it is cancelled."""
        from office_tui.tui.modals.vehicles.room_form import (
            RoomForm, draft_for_meeting, room_saved_message,
        )

        def saved(booking) -> None:
            if booking is not None:
                self.notify(room_saved_message(booking), markup=False, timeout=4)
                self.reload(focus_id=job.id)

        self.app.push_screen(RoomForm(draft_for_meeting(job, self.services.now())), saved)

    # -- follow-through: handler, notes, marks, merge -----------------------------------
    @property
    def marked(self) -> set[int]:
        """The jobs marked with space: the row verbs apply to all of them."""
        if not hasattr(self, "_marked"):
            self._marked: set[int] = set()
        return self._marked

    @property
    def similar(self) -> tuple[int, int] | None:
        """(the open job, the new one) when a job just added looks like a repeat."""
        return getattr(self, "_similar", None)

    def subject(self, job: Job) -> Job:
        """The job a dialog names: with marks, it says how many it applies to."""
        if not self.marked:
            return job
        from dataclasses import replace

        ids = " ".join(f"#{i}" for i in sorted(self.marked)[:6])
        return replace(job, id=min(self.marked), title=ngettext(
            "{n} marked job: {ids}", "{n} marked jobs: {ids}", len(self.marked)).format(
            n=len(self.marked), ids=ids))

    def mark_parts(self) -> list[str]:
        return [ngettext("{n} marked", "{n} marked", len(self.marked)).format(
            n=len(self.marked))] if self.marked else []

    def action_mark(self) -> None:
        """space: mark or unmark the job; the cursor moves on to the next."""
        job = self.current_job()
        if job is None:
            return
        self.marked.symmetric_difference_update({job.id})
        self.reload(focus_id=self.next_after(job) or job.id)

    def action_handler(self) -> None:
        job = self.current_job()
        if job is None:
            return
        from office_tui.tui.modals.jobs.handler_picker import HandlerPicker

        def chosen(name: str | None) -> None:
            if name is not None:
                who = (name or _("the clerk")).replace("{", "{{").replace("}", "}}")
                self._on_row(_("#{id} handler: ") + who,
                             lambda svc, j: svc.jobs.assign(j.id, name))

        self.app.push_screen(HandlerPicker(self.subject(job)), chosen)

    def action_note(self) -> None:
        job = self.current_job()
        if job is None:
            return
        from office_tui.tui.modals.text_prompt import TextPrompt

        def chosen(text: str | None) -> None:
            if text and text.strip():
                self._act(_("Note added to #{id}.").format(id=job.id),
                          lambda svc: svc.jobs.note(job.id, text), job.id,
                          _("change job #{id}").format(id=job.id))

        self.app.push_screen(TextPrompt(
            _("A progress note on #{id}").format(id=job.id),
            placeholder=_("e.g. called the vendor, parts come Friday"),
            validate=lambda v: None if v.strip() else _("Write the note."), job=job), chosen)

    def action_merge(self) -> None:
        """m: the job just added repeats an open one: merge it into that one."""
        if self.similar is None:
            return
        keep, new = self.similar
        self._similar = None
        self.query_one("#quickadd-error", Static).display = False
        self._act(_("#{new} merged into #{keep}").format(new=new, keep=keep),
                  lambda svc: svc.follow.merge(keep, new), keep, _("merge the jobs"))

    def _added(self, text: str, svc: Services) -> Job:
        """Quick-add, then look for an open job it may repeat (said after the reload)."""
        job = svc.jobs.add(text)
        found = svc.follow.similar(job.title, job.department, exclude=job.id)
        self._similar = (found[0].job.id, job.id) if found else None
        self._similar_title = found[0].job.title if found else ""
        return job

    def show_similar(self) -> None:
        line = self.query_one("#quickadd-error", Static)
        if self.similar is None:
            return
        keep, new = self.similar
        line.update(_("#{new} looks like open job #{keep} {title}: m merges it into #{keep}"
                      ).format(new=new, keep=keep, title=printable(self._similar_title)))
        line.display = True
        self.refresh_bindings()

    # -- quick add ----------------------------------------------------------------------
    def hide_quick_add(self) -> None:
        for widget_id in ("#quickadd", "#quickadd-error"):
            self.query_one(widget_id).display = False

    def action_add(self) -> None:
        self._similar = None  # a new quick-add: the last one's repeat is no longer shown
        self.query_one("#quickadd-error").display = False
        self.open_box("#quickadd")

    def open_box(self, selector: str) -> None:
        box = self.query_one(selector, Input)
        box.display = True
        # Focus now, not after a refresh: keys typed right after `a` must land in the
        # box, never on the table as triage commands.
        self.set_focus(box)

    def action_leave_input(self) -> None:
        focused = self.focused
        if isinstance(focused, Input) and focused.id == "quickadd":
            focused.value = ""
            self.hide_quick_add()
        self.query_one(DataTable).focus()

    def action_message(self) -> None:
        """`A`: a job from a pasted message (what the quick-add box holds, if anything)."""
        box = self.query_one("#quickadd", Input)
        text, box.value = box.value, ""
        self.hide_quick_add()
        self._propose(text)

    @on(PasteInput.MessagePasted, "#quickadd")
    def message_pasted(self, event: PasteInput.MessagePasted) -> None:
        event.stop()
        self.hide_quick_add()
        self._propose(event.text)

    def _propose(self, text: str) -> None:
        from office_tui.tui.modals.jobs.message_intake import MessageIntake

        def answered(answer: Any) -> None:
            if isinstance(answer, tuple):  # Escape: the text as plain quick-add
                self.query_one("#quickadd", Input).value = answer[1]
                self.open_box("#quickadd")
                return
            self.query_one(DataTable).focus()
            if answer is not None:
                self._act(_("Added #{id}"),
                          lambda svc: svc.intake.save(answer, triaged=True), None,
                          _("add the job"))

        self.app.push_screen(MessageIntake(text), answered)

    @on(Input.Submitted, "#quickadd")
    def quick_add(self, event: Input.Submitted) -> None:
        text = event.value
        error = self.query_one("#quickadd-error", Static)
        try:  # pure parse first: an inline error, and nothing is written
            quickadd.parse(text, self.services.now(), self.services.calendar)
        except quickadd.QuickAddError as exc:
            error.update(printable(str(exc)))  # it quotes the token typed
            error.display = True
            return
        error.display = False
        event.input.value = ""
        event.input.display = False
        self.query_one(DataTable).focus()
        self._act(_("Added #{id}"), partial(self._added, text), None, _("add the job"))
