"""The Reports screen's charts, drawn for the width they get: labelled bars, and the days
under a sparkline.

Names are cut with the one-cell "⋯" (core/text.fit), never Rich's "…", whose width is
ambiguous (two cells on a terminal set up for Chinese); the bar shrinks before a name or
a figure is cut, so a chart never runs past the screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from rich.text import Text
from textual.widget import Widget

from office_tui.core.humanize import weekday_name
from office_tui.core.kpi import bar
from office_tui.core.text import cell_width, fit, pad

BAR_MAX = 24
BAR_MIN = 6
NAME_MAX = 24
GAP = 2


@dataclass
class BarRow:
    name: str
    value: float
    figure: str  # what the value is, in words ("14 received, 1 closed")


@dataclass
class BarSection:
    heading: str
    style: str
    rows: list[BarRow] = field(default_factory=list)


def draw_bars(sections: Sequence[BarSection], width: int) -> Text:
    """Each section: a blank line, its heading, a line per row (name, bar, figure)."""
    rows = [row for section in sections for row in section.rows]
    figure_w = max((cell_width(r.figure) for r in rows), default=0)
    name_w = min(max((cell_width(r.name) for r in rows), default=0), NAME_MAX)
    bar_w = max(BAR_MIN, min(BAR_MAX, width - name_w - figure_w - 2 * GAP))
    name_w = max(1, min(name_w, width - bar_w - figure_w - 2 * GAP))
    out = Text(no_wrap=True, overflow="crop")
    for section in sections:
        if out:
            out.append("\n")
        out.append("\n")
        out.append(fit(section.heading, width), style="bold underline")
        top = max((r.value for r in section.rows), default=0)
        for row in section.rows:
            out.append("\n" + pad(fit(row.name, name_w), name_w) + " " * GAP)
            out.append(pad(bar(row.value, top, bar_w), bar_w), style=section.style)
            out.append(" " * GAP + pad(fit(row.figure, max(width - name_w - bar_w - 2 * GAP,
                                                            1)), figure_w, right=True))
    return out


class BarChart(Widget):
    DEFAULT_CSS = """
    BarChart {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.sections: list[BarSection] = []

    def show(self, sections: list[BarSection]) -> None:
        self.sections = sections
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return sum(2 + len(s.rows) for s in self.sections)

    def render(self) -> Text:
        return draw_bars(self.sections, self.content_size.width or 78)


def day_labels(days: Sequence[date]) -> list[str]:
    """A week's days by weekday name; longer periods by the day of the month."""
    if len(days) <= 7:
        return [weekday_name(day) for day in days]
    return [str(day.day) for day in days]


def draw_axis(days: Sequence[date], width: int) -> str:
    """The labels of `days` under a sparkline of `width` cells: each where Textual's
    Sparkline starts drawing that day, left out where it would run into the one before."""
    line = [" "] * width
    free = 0
    for i, label in enumerate(day_labels(days)):
        x = math.ceil(i * width / len(days))
        if x < free or x + cell_width(label) > width:
            continue
        line[x] = label
        for filled in range(x + 1, x + cell_width(label)):
            line[filled] = ""
        free = x + cell_width(label) + 1
    return "".join(line)


class DayAxis(Widget):
    DEFAULT_CSS = """
    DayAxis {
        height: 1;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.days: list[date] = []

    def show(self, days: Sequence[date]) -> None:
        self.days = list(days)
        self.refresh()

    def render(self) -> Text:
        if not self.days or not self.content_size.width:
            return Text("")
        return Text(draw_axis(self.days, self.content_size.width), no_wrap=True)
