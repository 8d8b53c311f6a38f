"""Table columns for the width there is: the title takes the room, the other columns show
while the title keeps TITLE_MIN cells, dropping out in a set order as the width falls.

Every column gets an explicit width (its widest value, up to its cap) and every cell is
cut to it with the one-cell "⋯" (cells.fit_text), so no value, however long, widens the
table: nothing scrolls sideways. The order in which columns drop is documented in the
README (Working at 80×24).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.text import Text

from office_tui.core.text import cell_width
from office_tui.tui.cells import fit_text

TITLE_MIN = 30  # cells the title keeps before a droppable column shows (80×24: >= 24)
PADDING = 1  # DataTable's cell_padding: a cell takes its width and one cell each side


# Plain classes, not dataclasses: building a dataclass costs ~1 ms at import (it compiles
# its methods), and this module is on the path to the first frame.
class Column:
    __slots__ = ("key", "label", "width", "cap", "drop", "title")

    def __init__(self, key: str, label: str, *, width: int = 0, cap: int = 16, drop: int = 0,
                 title: bool = False) -> None:
        self.key, self.label = key, label
        self.width = width  # the least it takes (the widest label of a vocabulary)
        self.cap = cap  # the widest its values make it; longer values are cut
        self.drop = drop  # 0: always shown; 1 drops first, then 2, ...
        self.title = title  # the column that takes the room left


class Plan:
    """The columns shown, in order, each (key, label, width in cells)."""

    __slots__ = ("columns",)

    def __init__(self, columns: tuple[tuple[str, str, int], ...]) -> None:
        self.columns = columns

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and other.columns == self.columns

    def __hash__(self) -> int:
        return hash(self.columns)

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
