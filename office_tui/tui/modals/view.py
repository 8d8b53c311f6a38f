"""The base of every read-only view (a job's details, a booking, an item's history):
Escape or `q` closes it. Views that load run their work through `run_service()`."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.screen import ModalScreen

from office_tui.i18n import _
from office_tui.tui.work import ServiceWork


class View(ServiceWork, ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", _("Close"), id="view.close"),
        Binding("q", "close", _("Close"), show=False),
    ]

    def action_close(self) -> None:
        self.dismiss(None)

    def close_with(self, message: str) -> None:
        """A view that could not load: say why (a toast) and close."""
        self.show_failure(message)
        self.dismiss(None)


def fact_grid(rows: list[tuple[str, str]]) -> Table:
    """Label / value lines, the labels bold; the values are shown as given (callers pass
    user text through printable())."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for key, value in rows:
        grid.add_row(Text(key), Text(value))
    return grid
