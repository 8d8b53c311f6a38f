"""A few labelled inputs that save through the services: the form behind receive, issue,
adjust and add a quote (stock_forms.py builds each from a FormSpec).

It validates what it can purely (the quantity, inline), then saves in a thread worker; a
refusal from the services ("only 6 in stock") shows inline and the form stays open with
what was typed; success dismisses with the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from office_tui.core import inventory as core
from office_tui.core.inventory import QuantityError
from office_tui.i18n import _
from office_tui.services import Services
from office_tui.tui.modals.form import Form


@dataclass
class FieldSpec:
    key: str
    label: str
    placeholder: str = ""
    value: str = ""
    required: bool = False
    quantity: str | None = None  # "positive", "signed": checked inline before saving


@dataclass
class FormSpec:
    title: str
    fields: list[FieldSpec]
    save: Callable[[Services, dict[str, str]], Any]
    action: str  # what saving does, for a failure's line: _("receive the delivery")
    subtitle: str = ""
    hint: str = field(default_factory=lambda: _("Enter: next field, then save · Esc: cancel"))


class LedgerForm(Form):
    """A few labelled inputs; Enter moves on, Enter on the last saves."""

    def __init__(self, spec: FormSpec) -> None:
        super().__init__()
        self.spec = spec
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form inv-form"):
            yield Label(self.spec.title, markup=False, classes="form-title")
            if self.spec.subtitle:
                yield Static(self.spec.subtitle, markup=False, classes="inv-subtitle")
            for spec in self.spec.fields:
                yield Label(spec.label, markup=False, classes="inv-label")
                yield Input(value=spec.value, placeholder=spec.placeholder,
                            id=f"field-{spec.key}", compact=True, classes="inv-input")
            yield Static("", classes="form-error", markup=False)
            yield Label(self.spec.hint, markup=False, classes="form-hint", id="form-hint")

    def on_descendant_focus(self, event) -> None:
        """The hint says where Enter goes from the field with the focus."""
        specs = self.spec.fields
        key = (getattr(event.widget, "id", "") or "").removeprefix("field-")
        index = next((i for i, s in enumerate(specs) if s.key == key), None)
        if index is None:
            return
        hint = (_("{field}: Enter for {next} · Esc: cancel").format(
                    field=specs[index].label, next=specs[index + 1].label)
                if index + 1 < len(specs) else
                _("{field}: Enter to save · Esc: cancel").format(field=specs[index].label))
        self.query_one("#form-hint", Label).update(hint)

    def on_mount(self) -> None:
        self.show_error(None)
        inputs = list(self.query(Input))
        first_empty = next((i for i in inputs if not i.value), inputs[-1])
        self.set_focus(first_empty)
        if any(s.key == "code" for s in self.spec.fields):
            self._load_codes()

    def values(self) -> dict[str, str]:
        return {s.key: self.query_one(f"#field-{s.key}", Input).value for s in self.spec.fields}

    def _load_codes(self) -> None:
        self.run_service(lambda svc: [i.code for i in svc.inventory.items()],
                         self.codes_loaded, action=_("load the item codes"),
                         group="inv-form-codes", exclusive=True, failed=self.show_error)

    def codes_loaded(self, codes: list[str]) -> None:
        self.query_one("#field-code", Input).suggester = SuggestFromList(
            codes, case_sensitive=False)

    def _check(self, spec: FieldSpec, value: str) -> str | None:
        if spec.required and not value.strip():
            return _("{field} is required.").format(field=spec.label)
        if spec.quantity and value.strip():
            try:
                core.parse_quantity(value, allow_negative=spec.quantity == "signed")
            except QuantityError as exc:
                return str(exc)
        return None

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        specs = self.spec.fields
        key = (event.input.id or "").removeprefix("field-")
        index = next(i for i, s in enumerate(specs) if s.key == key)
        error = self._check(specs[index], event.value)
        self.show_error(error)
        if error:
            return
        if index + 1 < len(specs):
            # Focus now, not after a refresh: what is typed right after Enter belongs
            # to the next field.
            self.set_focus(self.query_one(f"#field-{specs[index + 1].key}", Input))
            return
        for spec in specs:  # the last field: check everything, then save
            error = self._check(spec, self.values()[spec.key])
            if error:
                self.show_error(error)
                self.set_focus(self.query_one(f"#field-{spec.key}", Input))
                return
        if not self.saving:
            self.saving = True
            self._save(self.values())

    def _save(self, values: dict[str, str]) -> None:
        self.run_service(lambda svc: self.spec.save(svc, values), self.dismiss,
                         action=self.spec.action, group="inv-form-save", exclusive=True,
                         failed=self.refused)

    def refused(self, message: str) -> None:
        """A refusal ("only 6 in stock") or a failure: said inline, the form stays open
        with what was typed."""
        self.saving = False
        self.show_error(message)
