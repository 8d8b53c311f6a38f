"""Textual's DataTable, drawn again when measuring new rows widens a column.

A DataTable measures the rows added since it was last idle; a frame the screen draws before
then (it can come first on a busy machine) is cached under the table's change count, which
measuring does not move in Textual 8.2: the columns stayed at their headers' widths, the
cells cut, until something else changed the table. FastTable does the same on its fast
path. Private API: DataTable's _update_dimensions (overridden, arguments passed through)
and _update_count; where a later Textual renames either, this is the stock DataTable.
"""

from __future__ import annotations

from textual.widgets import DataTable


class MeasuredTable(DataTable):
    """A stock DataTable whose new rows, once measured, are drawn at their widths."""

    def _update_dimensions(self, *args, **kwargs) -> None:
        widths = [column.content_width for column in self.ordered_columns]
        super()._update_dimensions(*args, **kwargs)
        if [column.content_width for column in self.ordered_columns] != widths \
                and hasattr(self, "_update_count"):
            self._update_count += 1  # what the cached lines are keyed by
            self.refresh()
