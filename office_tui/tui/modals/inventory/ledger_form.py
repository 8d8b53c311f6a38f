"""A few labelled inputs that save through the services: the form behind receive, issue,
adjust and add a quote (stock_forms.py builds each from a FormSpec).

It validates what it can purely (the quantity in the item's unit or one of its packs,
inline under its field, with the focus moved there), then saves in a thread worker; a
refusal from the services ("only 6 in stock") shows inline and the form stays open with
what was typed; success dismisses with the result. The item field takes a code, or a name
or its pinyin (硒鼓, xg): Enter puts the best match's code in the field.
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
from office_tui.core.inventory import Item, QuantityError
from office_tui.core.pinyin import query_key, search_key
from office_tui.core.text import printable
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
        self.items: list[tuple[Item, str]] = []  # (item, its pinyin search key), once loaded

    def compose(self) -> ComposeResult:
        with Vertical(classes="form inv-form"):
            yield Label(self.spec.title, markup=False, classes="form-title")
            if self.spec.subtitle:
                yield Static(self.spec.subtitle, markup=False, classes="inv-subtitle")
            for spec in self.spec.fields:
                yield Label(spec.label, markup=False, classes="inv-label")
                yield Input(value=spec.value, placeholder=spec.placeholder,
                            id=f"field-{spec.key}", compact=True, classes="inv-input")
                if spec.key == "code":
                    yield Static("", id="code-matches", markup=False, classes="inv-matches")
                yield Static("", id=f"error-{spec.key}", markup=False, classes="field-error")
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
        for error in self.query(".field-error, .inv-matches"):
            error.display = False
        inputs = list(self.query(Input))
        first_empty = next((i for i in inputs if not i.value), inputs[-1])
        self.set_focus(first_empty)
        if any(s.key == "code" for s in self.spec.fields):
            self._load_codes()

    def values(self) -> dict[str, str]:
        return {s.key: self.query_one(f"#field-{s.key}", Input).value for s in self.spec.fields}

    def _load_codes(self) -> None:
        self.run_service(lambda svc: [(i, search_key(i.code, i.name))
                                      for i in svc.inventory.items()],
                         self.codes_loaded, action=_("load the item codes"),
                         group="inv-form-codes", exclusive=True, failed=self.show_error)

    def codes_loaded(self, items: list[tuple[Item, str]]) -> None:
        self.items = items
        self.query_one("#field-code", Input).suggester = SuggestFromList(
            [item.code for item, _key in items], case_sensitive=False)

    def known_item(self, code: str) -> Item | None:
        code = code.strip().casefold()
        return next((item for item, _key in self.items if item.code.casefold() == code), None)

    def matches(self, text: str, limit: int = 3) -> list[Item]:
        """Items whose code, name or pinyin holds what was typed; codes starting with it
        first."""
        query = query_key(text)
        if not query:
            return []
        found = [item for item, key in self.items if query in key]
        found.sort(key=lambda item: not item.code.casefold().startswith(query))
        return found[:limit]

    @on(Input.Changed, "#field-code")
    def code_changed(self, event: Input.Changed) -> None:
        hint = self.query_one("#code-matches", Static)
        found = [] if self.known_item(event.value) else self.matches(event.value)
        hint.update("  ".join(f"{printable(i.code)} {printable(i.name)} "
                              f"({core.unit_label(i.unit)})" for i in found))
        hint.display = bool(found)

    def _check(self, spec: FieldSpec, value: str) -> str | None:
        if spec.required and not value.strip():
            return _("{field} is required.").format(field=spec.label)
        if spec.quantity and value.strip():
            code = self.values().get("code", "")
            item = self.known_item(code) if code else None
            try:
                if item is not None:  # its unit, its packs (3箱 = 15包), whole units
                    core.item_quantity(value, item, allow_negative=spec.quantity == "signed")
                else:
                    core.parse_quantity(value, allow_negative=spec.quantity == "signed")
            except QuantityError as exc:
                return str(exc)
        return None

    def _complete_code(self, field: Input) -> None:
        """Enter on the item field: a name or pinyin becomes the best match's code."""
        if self.items and not self.known_item(field.value):
            found = self.matches(field.value, limit=1)
            if found:
                field.value = found[0].code

    def show_field_error(self, key: str, message: str | None) -> None:
        """The error under its field (and the form's own line cleared)."""
        self.show_error(None)
        for spec in self.spec.fields:
            error = self.query_one(f"#error-{spec.key}", Static)
            shown = message if spec.key == key else None
            error.update(shown or "")
            error.display = bool(shown)

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        specs = self.spec.fields
        key = (event.input.id or "").removeprefix("field-")
        index = next(i for i, s in enumerate(specs) if s.key == key)
        if key == "code":
            self._complete_code(event.input)
        error = self._check(specs[index], event.input.value)
        self.show_field_error(key, error)
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
                self.show_field_error(spec.key, error)
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
