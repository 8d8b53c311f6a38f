"""CJK layout: columns line up by display width (a CJK character or an emoji takes two
cells), text is cut with a one-cell "⋯" that never splits a wide character, and aligned
columns hold no ambiguous-width glyph ("…", "—")."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from rich.console import Console
from textual.widgets import DataTable
from typer.testing import CliRunner

from office_tui import cli, i18n
from office_tui.cli import app
from office_tui.core.report import _table
from office_tui.core.text import ELLIPSIS, cell_width, char_width, fit, pad
from tests.tui.conftest import settle

runner = CliRunner()
MIXED = [
    "会议室布置：投影、话筒、名签和茶水（周五下午两点前完成）",
    "Fix the lamp in room 302 before the board meeting on Friday afternoon",
    "🚗 接送专家 to the station 😀 then back 到学校",
    "打印 A4 试卷800份",
    "Qz 短",
]
DEPARTMENTS = ["后勤服务中心", "Finance", "财务科", "FrontDesk办公室", "信息中心"]


def test_cell_width_agrees_with_rich():
    for text in MIXED + DEPARTMENTS + ["（）【】", "ｱｲｳ", "e\u0301", "한국어", "⋯", "\u200b",
                                       "京A·12345", "Ａ４纸"]:
        assert cell_width(text) == cell_len(text), text


@pytest.mark.parametrize("width", range(0, 12))
def test_fit_never_splits_a_wide_character(width):
    for text in MIXED:
        cut = fit(text, width)
        assert cell_width(cut) <= width
        if cell_width(text) > width and width:
            assert cut.endswith(ELLIPSIS) and cell_width(cut) == width
            kept = cut[:-1].rstrip(" ")
            assert text.startswith(kept)  # whole characters only
        elif width:
            assert cut == text
    assert fit("会议室", 4) == "会 ⋯"  # the wide 议 cannot take one cell: a space does
    assert char_width(ELLIPSIS) == 1


def test_pad_by_display_width():
    assert pad("财务", 6) == "财务  " and pad("ab", 6, right=True) == "    ab"
    assert cell_width(pad("😀x", 5)) == 5


def test_markdown_tables_line_up_as_plain_text():
    lines = _table(["Department", "Received"], [["后勤服务中心", "12"], ["Finance", "3"],
                                                ["🚗车队", "100"]], right={1})
    assert len(lines) == 5
    # Every row's pipes sit at the same display columns.
    columns = {tuple(cell_len(line[:i]) for i, c in enumerate(line) if c == "|")
               for line in lines}
    assert len(columns) == 1, lines


def _title_columns(lines: list[str], titles: list[str]) -> list[int]:
    """The display column where each title (its start) begins, one per line found."""
    found = []
    for line in lines:
        for title in titles:
            head = title[:3]
            if head in line:
                found.append(cell_len(line[:line.index(head)]))
                break
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cli_list_title_column_starts_at_the_same_display_column(services, db_path,
                                                                  monkeypatch, lang):
    for i, title in enumerate(MIXED):
        services.jobs.add(f"{title} @{DEPARTMENTS[i]} #{'repair' if i % 2 else '报修'}")
    monkeypatch.setattr(cli, "out", Console(highlight=False, force_terminal=False, width=80))
    result = runner.invoke(app, ["--db", str(db_path), "--lang", lang, "list"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    header = "标题" if lang == "zh" else "Title"
    assert all(cell_len(line) <= 80 for line in lines), lines
    starts = _title_columns(lines[1:], MIXED)
    assert len(starts) == len(MIXED)
    assert set(starts) == {cell_len(lines[0][:lines[0].index(header)])}, lines
    assert "…" not in result.stdout and "—" not in result.stdout
    assert ELLIPSIS in result.stdout  # the long ones were cut, with the one-cell mark
    # Department column: every row's department starts at one column too.
    dept_starts = _title_columns(lines[1:], DEPARTMENTS)
    assert len(set(dept_starts)) == 1, lines
    i18n.set_language("en")


async def test_tui_jobs_table_columns_line_up_with_mixed_widths(services, make_app):
    for i, title in enumerate(MIXED):
        services.jobs.add(f"{title} @{DEPARTMENTS[i]} #{'repair' if i % 2 else '报修'}")
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        lines = ["".join(seg.text for seg in table.render_line(y))
                 for y in range(len(MIXED) + 1)]
    starts = _title_columns(lines[1:], MIXED)
    assert len(starts) == len(MIXED)
    assert set(starts) == {cell_len(lines[0][:lines[0].index("Title")])}, lines
    dept = _title_columns(lines[1:], DEPARTMENTS)
    assert len(set(dept)) == 1, lines
    assert all(cell_len(line) == cell_len(lines[0]) for line in lines), lines


def test_today_titles_are_cut_by_width_without_splitting(services, clock):
    from rich.text import Text

    from office_tui.tui.cells import fit_text

    for text in MIXED:
        for width in range(1, 20):
            cut = fit_text(Text(text, style="bold"), width)
            assert cut.cell_len <= width
            if cell_len(text) > width:
                assert cut.plain.endswith(ELLIPSIS) and cut.cell_len == width
                assert text.startswith(cut.plain[:-1].rstrip(" "))
                assert cut.spans or cut.style  # the style is kept


def test_no_ambiguous_width_glyph_in_the_list_columns(services, db_path, monkeypatch):
    services.jobs.add("no due at all")
    monkeypatch.setattr(cli, "out", Console(highlight=False, force_terminal=False, width=80))
    result = runner.invoke(app, ["--db", str(db_path), "list"])
    assert not re.search("[…—–·×]", result.stdout)
