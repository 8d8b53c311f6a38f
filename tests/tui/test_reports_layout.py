"""The Reports screen read at 80 and 120 columns in both languages: sparklines with their
days under them, department bars saying what their numbers are, no ambiguous-width "…"
(the one-cell "⋯" cuts), hours as 小时 in Chinese, and nothing wider than the screen."""

from __future__ import annotations

import re

import pytest
from textual.geometry import Region

from office_tui import i18n
from office_tui.core.humanize import weekday_name
from tests.tui.conftest import settle


def lines(widget) -> list[str]:
    """What a widget draws, line by line, at its size."""
    width, height = widget.size
    strips = widget.render_lines(Region(0, 0, width, height))
    return ["".join(segment.text for segment in strip) for strip in strips]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_reports_read_whole_at_80_and_120_columns(services, make_app, lang, size):
    services.load_demo()
    i18n.set_language(lang)
    app = make_app(mode="reports")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        report = app.screen.report
        bars = app.screen.query_one("#reports-bars")
        drawn = lines(bars)
        text = "\n".join(drawn)
        assert bars.size.width <= size[0] - 2
        assert "…" not in text
        assert all(line.rstrip() == line.rstrip()[:bars.size.width] for line in drawn)
        # Every department's figures say what they count.
        for d in report.departments[:3]:
            said = i18n._("{received} received, {closed} closed").format(
                received=d.received, closed=d.closed)
            assert said in text, (said, text)
            assert f"{d.received} / {d.closed}" not in text
        if lang == "zh":
            assert not re.search(r"\d h\b", text), text
            assert "小时" in text
        # Each sparkline has its days under it: the week's weekday names.
        for name in ("received", "closed"):
            axis = "\n".join(lines(app.screen.query_one(f"#axis-{name}")))
            for day in report.period.days:
                assert weekday_name(day) in axis, (name, axis)
