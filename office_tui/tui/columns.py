"""Table columns for the width there is: the title takes the room, the other columns show
while the title keeps TITLE_MIN cells, dropping out in a set order as the width falls.

Every column gets an explicit width (its widest value, up to its cap) and every cell is
cut to it with the one-cell "⋯" (cells.fit_text), so no value, however long, widens the
table: nothing scrolls sideways. The order in which columns drop is documented in the
README (Working at 80×24).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rich.text import Text

from office_tui.core.text import cell_width
from office_tui.tui.cells import fit_text

TITLE_MIN = 30  # cells the title keeps before a droppable column shows (80×24: >= 24)
PADDING = 1  # DataTable's cell_padding: a cell takes its width and one cell each side


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int = 0  # the least it takes (the widest label of a vocabulary)
    cap: int = 16  # the widest its values make it; longer values are cut
    drop: int = 0  # 0: always shown; 1 drops first, then 2, ...
    title: bool = False  # the column that takes the room left


@dataclass(frozen=True)
class Plan:
    """The columns shown, in order, each (key, label, width in cells)."""

    columns: tuple[tuple[str, str, int], ...]

    @property
    def keys(self) -> list[str]:
        return [key for key, _label, _width in self.columns]

    def widths(self) -> dict[str, int]:
        return {key: width for key, _label, width in self.columns}

    def cells(self, row: Mapping[str, Text]) -> list[Text]:
        """The row's cells for the shown columns, each cut to its column."""
        return [fit_text(row.get(key) or Text(""), width) for key, _l, width in self.columns]


def plan(columns: Sequence[Column], rows: Iterable[Mapping[str, Text]], available: int,
         *, title_min: int = TITLE_MIN) -> Plan:
    """The columns that fit in `available` cells for these rows (see the module): those
    that leave the title `title_min` cells."""
    widths = {c.key: max(cell_width(c.label), c.width) for c in columns if not c.title}
    caps = {c.key: max(c.cap, widths[c.key]) for c in columns if not c.title}
    for row in rows:
        for key, width in widths.items():
            cell = row.get(key)
            if cell is not None and cell.cell_len > width:
                widths[key] = min(cell.cell_len, caps[key])
    shown = list(columns)

    def room() -> int:
        used = sum(widths[c.key] + 2 * PADDING for c in shown if not c.title)
        return available - used - 2 * PADDING

    for column in sorted((c for c in columns if c.drop), key=lambda c: c.drop):
        if room() >= title_min:
            break
        shown.remove(column)
    title = max(room(), 1)
    return Plan(tuple((c.key, c.label, title if c.title else widths[c.key]) for c in shown))


def available_width(table) -> int:
    """The cells a table's rows can take: its width (the screen's before the first
    layout) less the vertical scrollbar, kept free whether or not it shows."""
    width = table.size.width or table.app.size.width
    return width - table.styles.scrollbar_size_vertical
