"""f on the Jobs screen: the jobs of one department, category, status or handler (as
`list --dept --category --status --handler`), combinable with the search. Empty fields
filter nothing; Enter applies, Escape leaves the filters as they were. Dismisses the
filters given ({} clears them) or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static

from office_tui.core.vocab import (
    CATEGORIES, STATUSES, category_choices, category_label, normalise_category, status_label,
)
from office_tui.i18n import _
from office_tui.tui.modals.form import Form

FIELDS = ("department", "category", "status", "handler")


def _labels() -> dict[str, str]:
    return {"department": _("Department"), "category": _("Category"), "status": _("Status"),
            "handler": _("Handler")}


def read_status(text: str) -> str | None:
    wanted = text.strip().casefold().replace(" ", "_")
    labels = {status_label(s).casefold(): s for s in STATUSES}
    return wanted if wanted in STATUSES else labels.get(wanted)


class FilterForm(Form):
    def __init__(self, current: dict[str, str]) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        labels = _labels()
        shown = {"category": category_label, "status": status_label}
        with Vertical(classes="form"):
            yield Label(_("Show only"), classes="form-title")
            for name in FIELDS:
                value = self.current.get(name, "")
                if value and name in shown:
                    value = shown[name](value)
                with Horizontal(classes="intake-row"):
                    yield Label(labels[name], classes="intake-label")
                    yield Input(value, id=f"filter-{name}", compact=True)
            yield Static("", classes="form-error", markup=False)
            yield Label(_("Enter: apply · empty fields: all · Esc: cancel"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        found: dict[str, str] = {}
        for name in FIELDS:
            field = self.query_one(f"#filter-{name}", Input)
            text = " ".join(field.value.split())
            if not text:
                continue
            if name == "category":
                value = normalise_category(text) or {
                    category_label(c).casefold(): c for c in CATEGORIES}.get(text.casefold())
                if value is None:
                    self.show_error(_("Unknown category '{value}': use one of {choices}.").format(
                        value=text, choices=category_choices()))
                    self.set_focus(field)
                    return
                text = value
            elif name == "status":
                value = read_status(text)
                if value is None:
                    self.show_error(_("Unknown status '{value}'. Use one of: {choices}.").format(
                        value=text, choices=", ".join(status_label(s) for s in STATUSES)))
                    self.set_focus(field)
                    return
                text = value
            found[name] = text
        self.dismiss(found)
