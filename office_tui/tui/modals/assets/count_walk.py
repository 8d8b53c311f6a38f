"""The half-yearly count as a walk-through, like the stocktake: type or scan a tag (a
barcode scanner types the tag and Enter) and its row is ticked; Escape pauses (the count
stays open and `c` resumes it where it stopped); ctrl+f finishes it, asking first whether
the assets not ticked are missing. Dismisses the jobs the finish made, or None."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Label, Static

from office_tui.core.assets import result_label
from office_tui.core.text import printable
from office_tui.i18n import _
from office_tui.tui.modals.form import Form

STYLES = {"found": "green", "missing": "bold red", "damaged": "yellow"}


class CountWalk(Form):
    BINDINGS = [Binding("ctrl+f", "finish", _("Finish the count"), id="count.finish",
                        priority=True)]

    def __init__(self) -> None:
        super().__init__()
        self.count = None  # the CountWalkView shown
        self.total = self.marked = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="form count-walk"):
            yield Label(_("Asset count"), classes="form-title")
            yield Static("", id="count-progress", markup=False)
            yield Input(placeholder=_("type or scan a tag, Enter"), id="count-tag")
            yield DataTable(id="count-lines", cursor_type="row")
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter: found · Esc: pause · ctrl+f: finish"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        table = self.query_one(DataTable)
        for label, key in ((_("Tag"), "tag"), (_("Name"), "name"), (_("Location"), "loc"),
                           (_("Result"), "result")):
            table.add_column(label, key=key)
        self.query_one(Input).focus()
        self.run_service(lambda svc: svc.assets.walk(), self.shown,
                         action=_("start the count"), group="count-load",
                         failed=self.show_error)

    def shown(self, count) -> None:
        """The next assets to find (a window in walking order) and the tally."""
        self.count = count
        self.total, self.marked = count.total, count.marked
        table = self.query_one(DataTable)
        table.clear()
        for line in count.lines:
            mark = Text(result_label(line.result) if line.result else "·",
                        style=STYLES.get(line.result or "", "dim"))
            where = printable(line.location or "—") + (
                f" → {printable(line.found_at)}" if line.found_at else "")
            table.add_row(Text(printable(line.tag)), Text(printable(line.name)), Text(where),
                          mark, key=line.tag)
        self._progress()

    def _progress(self) -> None:
        self.query_one("#count-progress", Static).update(
            _("Count #{id}: {marked} of {assets} ticked").format(
                id=self.count.id, marked=self.marked, assets=self.total))

    @on(Input.Submitted, "#count-tag")
    def scanned(self, event: Input.Submitted) -> None:
        event.stop()
        tag = event.value.strip()
        event.input.value = ""
        if not tag or self.count is None:
            return
        count_id = self.count.id

        self.show_error(None)
        # One row changes: only it is redrawn (a count of 50,000 assets stays quick).
        def mark(svc):
            line = svc.assets.mark(count_id, tag, "found")
            return line, svc.assets.tally(count_id)

        self.run_service(mark, self.ticked_one, action=_("mark the asset"),
                         group="count-mark", failed=self.show_error)

    def ticked_one(self, marked) -> None:
        line, (self.total, self.marked) = marked
        table = self.query_one(DataTable)
        key = next((shown.tag for shown in self.count.lines
                    if shown.tag.casefold() == line.tag.casefold()), None)
        if key is not None:  # in the window: ticked in place
            table.update_cell(key, "result", Text(result_label(line.result),
                                                  style=STYLES.get(line.result, "")))
            table.move_cursor(row=table.get_row_index(key), animate=False)
        self._progress()

    def action_finish(self) -> None:
        if self.count is None:
            return
        from office_tui.tui.modals.confirm import Confirm

        left = self.total - self.marked
        count_id = self.count.id

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_service(
                    lambda svc: svc.assets.finish_count(count_id, unmarked_missing=True)[1],
                    self.dismiss, action=_("finish the count"), group="count-finish",
                    failed=self.show_error)

        self.app.push_screen(Confirm(
            _("Finish count #{id}?").format(id=count_id),
            _("{n} not ticked will count as missing: a job for each department's head.").format(
                n=left)), answered)

    def action_cancel(self) -> None:
        self.dismiss(None)  # paused: the count stays open
