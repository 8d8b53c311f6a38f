"""A screen's header line of figures ("Overdue 10 · Due today 16 · …") that wraps whole
parts onto a second or third line when the screen is narrow, never cutting a figure off
the edge; a part wider than the screen alone is cut with "⋯"."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from office_tui.core.text import cell_width, fit

SEPARATOR = " · "


def wrap_parts(parts: Sequence[str], width: int) -> list[str]:
    """`parts` joined by " · " in lines of at most `width` cells, breaking only between
    parts (the separator ends the line it follows)."""
    lines: list[str] = []
    line = ""
    for part in parts:
        part = fit(part, width)
        if not line:
            line = part
        elif cell_width(line + SEPARATOR + part) <= width:
            line += SEPARATOR + part
        else:
            lines.append(line + SEPARATOR.rstrip())
            line = part
    if line or not lines:
        lines.append(line)
    return lines


class PartsHeader(Static):
    DEFAULT_CSS = """
    PartsHeader {
        height: auto;
        max-height: 4;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__("", id=id, markup=False)
        self.parts: list[str] = []
        self._drawn = ""

    def set_parts(self, parts: Sequence[str]) -> None:
        self.parts = list(parts)
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        # Before the first layout the header spans the screen less its padding (1 + 1).
        width = self.content_size.width or max(self.app.size.width - 2, 1)
        text = "\n".join(wrap_parts(self.parts, width))
        if text != self._drawn:
            self._drawn = text
            self.update(Text(text))
