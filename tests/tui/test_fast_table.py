"""FastTable draws exactly what Textual's own DataTable draws.

Two tables side by side get the same columns and rows (plain, styled, spanned, right-
justified, CJK, markup-like, escaped, empty and missing cells, a column too narrow for its
text); every line each one renders must be the same Strip (text, styles and the row/column
meta a click reads), focused or not, with the cursor anywhere, scrolled, zebra-striped or
not, and after cells are updated, rows removed and added, and the table cleared and
refilled. Column widths and the scrollable size must agree too.

FastTable takes its fast path with the Textual it is pinned to; with any of DataTable's
private members it uses renamed or changed (as a later Textual could ship them), it is the
stock DataTable and draws the same lines.
"""

from __future__ import annotations

import random
import re

import pytest
import textual.widgets._data_table as textual_data_table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import DataTable

from office_tui.core.text import printable
from office_tui.tui.widgets import fast_table
from office_tui.tui.widgets.fast_table import FastTable
from tests.tui.textual_variants import ours_against, renamed

WORDS = ["fix", "lamp", "会议室布置", "[bold]x[/]", "[/]", printable("\x1b[31mred"), "送领导",
         "a  b", "trailing ", " lead", "ü", "Ａ全角", "12.5", "", "x" * 30]
STYLES = ["", "dim", "bold red", "yellow", "cyan", "bold magenta", "reverse bold", "italic"]


def cell(rng: random.Random) -> Text | None:
    kind = rng.randrange(9)
    word = rng.choice(WORDS)
    if kind == 0:
        return None
    if kind == 1:
        return Text(word, style=rng.choice(STYLES), justify="right")
    if kind == 2:  # spans over part of the text
        text = Text(f"  #{rng.randrange(1000)} ", style="dim")
        text.append(word, style=rng.choice(STYLES))
        return text
    if kind == 3:
        return Text(word + " " + rng.choice(WORDS), style=rng.choice(STYLES))
    if kind == 4:
        return Text("", style=rng.choice(STYLES))
    return Text(word, style=rng.choice(STYLES))


def rows(seed: int, count: int, columns: int) -> list[list[Text | None]]:
    rng = random.Random(seed)
    return [[cell(rng) for _ in range(columns)] for _ in range(count)]


class Pair(App):
    CSS = "DataTable { height: 14; width: 110; }"

    def __init__(self, zebra: bool, fast: type[DataTable] = FastTable) -> None:
        super().__init__()
        self.zebra = zebra
        self.fast = fast

    def compose(self) -> ComposeResult:
        yield DataTable(id="stock", cursor_type="row", zebra_stripes=self.zebra)
        yield self.fast(id="fast", cursor_type="row", zebra_stripes=self.zebra)

    def tables(self) -> tuple[DataTable, DataTable]:
        return self.query_one("#stock"), self.query_one("#fast")


def fill(table: DataTable, data: list[list[Text | None]], start: int = 0) -> None:
    for i, cells in enumerate(data, start):
        table.add_row(*cells, key=f"r{i}")


async def same(app: Pair, pilot) -> None:
    """Both tables render the same lines: neither focused, then each one focused."""
    await pilot.pause()
    stock, fast = app.tables()
    assert [(c.key.value, c.content_width, c.width) for c in stock.ordered_columns] == [
        (c.key.value, c.content_width, c.width) for c in fast.ordered_columns]
    assert stock.virtual_size == fast.virtual_size
    assert (stock.cursor_coordinate, stock.scroll_offset) == (
        fast.cursor_coordinate, fast.scroll_offset)
    region = Region(0, 0, stock.size.width, stock.size.height)
    app.set_focus(None)
    await pilot.pause()
    assert stock.render_lines(region) == fast.render_lines(region)
    drawn = []
    for table in (stock, fast):
        table.focus()
        await pilot.pause()
        assert table.has_focus
        drawn.append(table.render_lines(region))
    assert drawn[0] == drawn[1]


async def check(zebra: bool, seed: int, fast_table: type[DataTable] = FastTable, *,
                fast_path: bool = True, quick: bool = False) -> None:
    app = Pair(zebra, fast_table)
    async with app.run_test(size=(120, 40)) as pilot:
        stock, fast = app.tables()
        assert fast._fast is fast_path
        for table in (stock, fast):
            table.add_column("ID", key="id")
            table.add_column("Narrow", key="narrow", width=6)  # text cropped to fit
            for key in ("a", "b", "c", "d", "e"):
                table.add_column(key.upper(), key=key)
        data = rows(seed, 30, 7)
        for table in (stock, fast):
            fill(table, data)
        await same(app, pilot)
        for table in (stock, fast):
            table.move_cursor(row=5, animate=False)
        await same(app, pilot)
        for table in (stock, fast):  # scrolled: rows past the first screen
            table.move_cursor(row=27, animate=False)
        await same(app, pilot)
        if quick:
            return
        changed = rows(seed + 1, 3, 7)
        for table in (stock, fast):  # in place: cells, a row gone, rows appended
            table.update_cell("r3", "a", changed[0][2], update_width=True)
            table.update_cell("r28", "b", Text("会议室布置 " * 3, style="bold"), update_width=True)
            table.update_cell("r27", "c", changed[1][1])
            table.remove_row("r26")
            fill(table, changed, start=100)
        await same(app, pilot)
        for table in (stock, fast):
            table.move_cursor(row=0, animate=False)
            table.clear()
            fill(table, rows(seed + 2, 12, 7))
            table.move_cursor(row=11, animate=False)
        await same(app, pilot)


async def test_fast_table_draws_what_datatable_draws_with_zebra_stripes():
    for seed in (1, 2, 3):
        await check(True, seed)


async def test_fast_table_draws_what_datatable_draws_without_stripes():
    for seed in (4, 5):
        await check(False, seed)


# Every private member of DataTable that FastTable reads, calls or overrides.
PRIVATE = [*fast_table._PRIVATE_METHODS, *fast_table._PRIVATE_STATE]


def private_names() -> tuple[set[str], set[str]]:
    """The private names fast_table.py uses: (DataTable's, FastTable's own)."""
    source = open(fast_table.__file__, encoding="utf-8").read()
    used = set(re.findall(r"(?:self|super\(\))\.(_[a-z]\w*)", source))
    stock = DataTable()
    theirs = {name for name in used if hasattr(stock, name)}
    return theirs, used - theirs


def test_the_private_members_checked_are_all_the_ones_used():
    theirs, _ours = private_names()
    assert theirs == set(PRIVATE)


def test_fast_tables_own_private_names_shadow_nothing_of_datatable():
    # Each is set or defined by FastTable itself, not one of DataTable's it overrides.
    source = open(fast_table.__file__, encoding="utf-8").read()
    _theirs, ours = private_names()
    assert ours >= {"_fast", "_frame", "_line_style", "_fast_cell", "_padded_cell"}
    for name in ours:
        assert re.search(rf"(self\.{name}\b[^=\n]*=[^=]|def {name}\()", source), name


@pytest.mark.parametrize("name", PRIVATE)
async def test_with_a_private_member_renamed_it_draws_as_the_stock_datatable(
        monkeypatch, name):
    later = renamed(monkeypatch, textual_data_table, name)
    copy = ours_against(monkeypatch, fast_table, widgets={"DataTable": later.DataTable})
    assert copy.DataTable is later.DataTable
    await check(len(name) % 2 == 0, len(name), copy.FastTable, fast_path=False,
                quick=True)


async def test_with_a_private_method_changed_it_draws_as_the_stock_datatable(monkeypatch):
    stock = DataTable._render_line_in_row

    def changed(self, row_key, line_no, base_style, cursor_location, hover_location,
                selection=None):
        return stock(self, row_key, line_no, base_style, cursor_location, hover_location)

    monkeypatch.setattr(DataTable, "_render_line_in_row", changed)
    await check(True, 7, fast_path=False)
