"""The column plan: the shown columns never take more than the width there is, the title
keeps its minimum whenever dropping columns can give it, and columns drop in their
order; every cell is cut to its column."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text

from office_tui.tui.columns import PADDING, TITLE_MIN, Column, plan

COLUMNS = [Column("id", "ID", cap=7), Column("urg", "Urg", cap=6, drop=1),
           Column("due", "Due", width=11, cap=12), Column("dept", "Department", cap=12, drop=3),
           Column("status", "Status", width=11, drop=2), Column("title", "Title", title=True)]
texts = st.text(alphabet=st.sampled_from("ab会议室 1⋯"), max_size=40)
rows = st.lists(st.fixed_dictionaries({key: texts.map(Text) for key in
                                       ("id", "urg", "due", "dept", "status", "title")}),
                max_size=6)


@settings(max_examples=200, deadline=None)
@given(rows=rows, available=st.integers(min_value=30, max_value=200))
def test_the_plan_fits_and_drops_in_order(rows, available):
    planned = plan(COLUMNS, rows, available)
    widths = planned.widths()
    shown = planned.keys
    assert {"id", "due", "title"} <= set(shown)
    # The title takes exactly the room left: the table is never wider than the screen.
    assert sum(width + 2 * PADDING for width in widths.values()) == available
    # Columns go in their order, and only while the title is short of its minimum.
    order = [c.key for c in sorted(COLUMNS, key=lambda c: c.drop) if c.drop]
    dropped = [key for key in order if key not in shown]
    assert dropped == order[:len(dropped)]
    if len(dropped) < len(order):  # some droppable column kept: the title had its room
        assert widths["title"] >= TITLE_MIN
    for row in rows:
        for cell, (_key, _label, width) in zip(planned.cells(row), planned.columns):
            assert cell.cell_len <= width
