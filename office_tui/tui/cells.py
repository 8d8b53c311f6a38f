"""Rich Text cut to a display width, styles kept (see core/text.py `fit`)."""

from __future__ import annotations

from rich.text import Text

from office_tui.core.text import ELLIPSIS, char_width, cell_width


def fit_text(text: Text, width: int) -> Text:
    """`text` in at most `width` cells, cut with "⋯" and never through a wide character."""
    if text.cell_len <= width:
        return text
    if width <= 0:
        return Text("", end=text.end)
    room = width - cell_width(ELLIPSIS)
    used = count = 0
    for char in text.plain:
        w = char_width(char)
        if used + w > room:
            break
        used += w
        count += 1
    cut = text[:count]
    cut.append(" " * (room - used) + ELLIPSIS)
    return cut
