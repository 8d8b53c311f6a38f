"""Pick a job's category from the list."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from office_tui.core.vocab import CATEGORIES, category_label
from office_tui.i18n import _
from office_tui.tui.modals.form import Form


class CategoryPicker(Form):
    def __init__(self, current: str | None = None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(_("Category"), classes="form-title")
            yield OptionList(
                *[Option(f"{category_label(c)}", id=c) for c in CATEGORIES], id="categories"
            )
            yield Static("", classes="form-error", markup=False)
            yield Label(_("↑↓ and Enter · Esc to cancel"), classes="form-hint")

    def on_mount(self) -> None:
        self.show_error(None)
        options = self.query_one(OptionList)
        if self.current in CATEGORIES:
            options.highlighted = CATEGORIES.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)
