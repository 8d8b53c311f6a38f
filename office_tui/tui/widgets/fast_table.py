"""Textual's DataTable, repainting a changed page in a few milliseconds.

The stock DataTable keys every cached cell rendering by a counter that any change bumps
(a row added, removed or updated), so after each reload all ~300 visible cells go through
Rich's whole pipeline again (Styled(Padding(Text)) → console.render_lines), and every new
row is measured with Text.__rich_measure__. At a 40-line terminal that is ~25 ms of a
key's repaint. FastTable keeps the DataTable (its keys, cursor, messages and API) and
changes two private steps, for one-line rows of Text cells only (anything else goes the
stock way):

- a cell's padded content is rendered once per (text, width) by the same Rich calls and
  cached by the text's value, not by the table's change counter; the row/column meta and
  the cursor, zebra and CSS styles are then applied to those few segments exactly as
  Styled would (Segment.apply_style with the same pre and post styles);
- a new row's column widths come from the cell length of its lines, which is what
  Text.__rich_measure__'s maximum is.

DataTable's private members used here (and nowhere else in office_tui) are listed in
_PRIVATE_METHODS and _PRIVATE_STATE. Each table checks, when built, that its DataTable
still has them with the parameters this was written against; where one is missing or
changed (a later Textual), every step goes the stock way: the same rows, drawn at the stock
speed. tests/tui/test_fast_table.py checks the result against the stock DataTable line by
line, and again against DataTables with each of those members renamed.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.color import Color
from textual.coordinate import Coordinate
from textual.widgets import DataTable

_CONTENT_CACHE = 1024  # rendered (text, width) contents kept; a screen shows ~300 cells
_PRE_STYLES = 4096  # cell styles kept (rows x columns x zebra/cursor/focus states)
# DataTable keeps 1000 rendered rows and lines, and 10,000 cells, keyed by its change
# counter: after a few reloads nearly all are dead, yet every full garbage collection
# walks their ~50k objects (~15 ms). A few screens' worth is enough.
_ROWS_CACHED = 256

# DataTable's private methods FastTable overrides or calls, with their parameters.
_PRIVATE_METHODS: dict[str, tuple[str, ...]] = {
    "_render_cell": ("self", "row_index", "column_index", "base_style", "width", "cursor",
                     "hover"),
    "_render_line_in_row": ("self", "row_key", "line_no", "base_style", "cursor_location",
                            "hover_location"),
    "_render_line": ("self", "y", "x1", "x2", "base_style"),
    "_update_dimensions": ("self", "new_rows"),
    "_get_styles_to_render_cell": (
        "self", "is_header_cell", "is_row_label_cell", "is_fixed_style_cell", "hover",
        "cursor", "show_cursor", "show_hover_cursor", "has_css_foreground_priority",
        "has_css_background_priority"),
    "_get_row_style": ("self", "row_index", "base_style"),
    "_should_highlight": ("self", "cursor", "target_cell", "type_of_cursor"),
}
# ... and the private state it reads (a DataTable sets these when built).
_PRIVATE_STATE = (
    "_row_locations", "_column_locations", "_data", "_header_row_key",
    "_labelled_row_exists", "_row_label_column_width", "_row_render_cache", "_line_cache",
    "_cell_render_cache", "_show_hover_cursor", "_update_count", "_pseudo_class_state",
)


def _parameters(function) -> tuple[str, ...] | None:
    code = getattr(getattr(function, "__wrapped__", function), "__code__", None)
    if code is None:
        return None
    return code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]


def stock_privates_present(table: DataTable) -> bool:
    """True when `table`'s DataTable has every private member FastTable relies on, with
    the parameters FastTable was written against."""
    for name, parameters in _PRIVATE_METHODS.items():
        if _parameters(getattr(DataTable, name, None)) != parameters:
            return False
    return all(hasattr(table, name) for name in _PRIVATE_STATE)


def text_key(text: Text) -> tuple:
    """What a Text renders from, hashable: equal keys render equal segments."""
    return (text.plain, text.style, text.justify, text.overflow, text.no_wrap, text.end,
            text.tab_size, tuple(text.spans))


class FastTable(DataTable):
    """A DataTable whose one-line Text cells render from a cache that survives reloads.

    With a row cursor, Home and End go to the first and last row (the stock keys scroll
    sideways, and these tables never do: see tui/columns.py)."""

    BINDINGS = [
        Binding("home", "first_row", show=False),
        Binding("end", "last_row", show=False),
    ]

    def action_first_row(self) -> None:
        if self.cursor_type == "row":
            self.action_scroll_top()
        else:
            self.action_scroll_home()

    def action_last_row(self) -> None:
        if self.cursor_type == "row":
            self.action_scroll_bottom()
        else:
            self.action_scroll_end()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # False: a DataTable this was not written for; every step below is the stock one.
        self._fast = stock_privates_present(self)
        if not self._fast:
            return
        self._row_render_cache = LRUCache(_ROWS_CACHED)
        self._line_cache = LRUCache(_ROWS_CACHED)
        self._cell_render_cache = LRUCache(_ROWS_CACHED * 4)  # the header, cells not Text
        self._content_cache: LRUCache[tuple, list[list[Segment]]] = LRUCache(_CONTENT_CACHE)
        # (row style, cell style, row, column) -> the style put under the cell's segments
        self._pre_styles: dict[tuple, Style] = {}
        self._line_style: Style | None = None  # the widget's style while a frame renders
        self._frame: dict = {}  # what every row of one frame shares (see _fast_line_in_row)

    def _plain_cell(self, row_index: int, column_index: int) -> Text | None:
        """The cell's Text when it takes the fast path: a one-line row, a Text cell."""
        if row_index < 0 or column_index < 0:
            return None  # the header and row labels: the stock way
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        row = self.rows.get(row_key) if row_key is not None else None
        if row is None or column_key is None or row.height != 1 or row.auto_height:
            return None
        cell = self._data[row_key].get(column_key)
        if cell is None or (type(cell) is Text and not cell):
            return _EMPTY  # as the stock formatter: None and an empty Text draw as this
        return cell if type(cell) is Text else None

    def _render_cell(self, *args, **kwargs):
        if self._fast:
            return self._fast_cell(*args, **kwargs)
        return super()._render_cell(*args, **kwargs)

    def _fast_cell(self, row_index: int, column_index: int, base_style: Style, width: int,
                   cursor: bool = False, hover: bool = False):
        cell = self._plain_cell(row_index, column_index)
        if cell is None:
            return super()._render_cell(row_index, column_index, base_style, width,
                                        cursor=cursor, hover=hover)
        # The stock method's styles, in its order (DataTable._render_cell).
        fixed = row_index < self.fixed_rows or column_index < self.fixed_columns
        component_style, post_style = self._get_styles_to_render_cell(
            False, False, fixed, hover, cursor, self.show_cursor, self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        styles = (base_style, component_style, row_index, column_index)
        pre_style = self._pre_styles.get(styles)
        if pre_style is None:
            if len(self._pre_styles) > _PRE_STYLES:
                self._pre_styles.clear()
            pre_style = self._pre_styles[styles] = (
                base_style + Style.from_meta({"row": row_index, "column": column_index})
                + component_style)
        key = (text_key(cell), width, self.cell_padding)
        content = self._content_cache.get(key)
        if content is None:
            content = self._content_cache[key] = self._padded_cell(cell, width)
        return [list(Segment.apply_style(line, pre_style, post_style)) for line in content]

    def _padded_cell(self, cell: Text, width: int) -> list[list[Segment]]:
        """The cell's padded line, unstyled by the table: what Padding(cell) renders."""
        pad = self.cell_padding
        inner = width - 2 * pad
        plain = cell.plain
        console = self.app.console
        if (plain and cell.justify in (None, "default") and "\n" not in plain
                and "\t" not in plain and cell.cell_len <= inner
                and self.app.console_options.justify in (None, "default")):
            # It fits on its line as it is: Rich's Text.__rich_console__ renders the
            # line joined (its style becomes a span), Padding and render_lines pad it with
            # null-styled spaces. The same without wrapping, cropping or measuring.
            blank = Style.null()
            line = [Segment(" " * pad, blank)] if pad else []
            line += Text("\n").join([cell]).render(console)
            fill = inner - cell.cell_len + pad
            if fill:
                line.append(Segment(" " * fill, blank))
            return [list(Segment.simplify(line))]
        options = self.app.console_options.update_dimensions(width, 1).update(no_wrap=True)
        lines = console.render_lines(Padding(cell, (0, pad)), options)
        # Neighbours of one style merged: the same styles applied to them give what the
        # line's Strip.simplify() would merge anyway.
        return [list(Segment.simplify(line)) for line in lines]

    def render_lines(self, crop):
        if not self._fast:
            return super().render_lines(crop)
        # DataTable.render_line asks for the widget's style on every line (a walk up the
        # DOM, ~25 us): once per frame is enough.
        self._line_style = self.rich_style
        self._frame = {}
        try:
            return super().render_lines(crop)
        finally:
            self._line_style = None
            self._frame = {}

    def render_line(self, y: int):
        if not self._fast or self._line_style is None or self.fixed_rows:
            return super().render_line(y)
        width, _height = self.size
        scroll_x, scroll_y = self.scroll_offset
        header = self.get_row_height(self._header_row_key) if self.show_header else 0
        if y >= header:
            y += scroll_y
        return self._render_line(y, scroll_x, scroll_x + width, self._line_style)

    def _render_line_in_row(self, *args, **kwargs):
        if self._fast:
            return self._fast_line_in_row(*args, **kwargs)
        return super()._render_line_in_row(*args, **kwargs)

    def _fast_line_in_row(self, row_key, line_no: int, base_style: Style,
                          cursor_location, hover_location):
        """DataTable._render_line_in_row for a one-line row with no label and no fixed
        column, the styles shared by the frame's rows worked out once per frame."""
        if (self._line_style is None or self.fixed_columns or self.fixed_rows
                or (self._labelled_row_exists and self.show_row_labels)
                or row_key not in self._row_locations or self.rows[row_key].height != 1):
            return super()._render_line_in_row(row_key, line_no, base_style,
                                               cursor_location, hover_location)
        cursor_type = self.cursor_type
        cache_key = (row_key, line_no, base_style, cursor_location, hover_location, cursor_type,
                     self.show_cursor, self._show_hover_cursor, self._update_count,
                     self._pseudo_class_state)
        cached = self._row_render_cache.get(cache_key)
        if cached is not None:
            return cached
        row_index = self._row_locations.get(row_key)
        frame = self._frame
        if "columns" not in frame:
            columns = self.ordered_columns
            widths = [column.get_render_width(self) for column in columns]
            frame["columns"] = list(enumerate(widths))
            frame["remaining"] = max(0, self.size.width - sum(widths)
                                     - self._row_label_column_width)
            frame["background"] = self.background_colors[1]
        parity = row_index % 2 if self.zebra_stripes else -1
        styles_key = ("row", parity, base_style)
        row_style = frame.get(styles_key)
        if row_style is None:
            row_style = frame[styles_key] = self._get_row_style(row_index, base_style)
        should_highlight = self._should_highlight
        render_cell = self._fast_cell
        scrollable_row = []
        for column_index, width in frame["columns"]:
            cell_location = Coordinate(row_index, column_index)
            scrollable_row.append(render_cell(
                row_index, column_index, row_style, width,
                cursor=should_highlight(cursor_location, cell_location, cursor_type),
                hover=should_highlight(hover_location, cell_location, cursor_type),
            )[line_no])
        # The stretch to the table's right edge, as DataTable draws it.
        if cursor_type == "row":
            extend_style, _post = self._get_styles_to_render_cell(
                False, False, False,
                should_highlight(hover_location, Coordinate(row_index or 0, 0), cursor_type),
                row_index == cursor_location.row,
                self.show_cursor, self._show_hover_cursor, False, False,
            )
            extend_style = row_style + extend_style
        elif row_style.bgcolor is not None:
            faded_color = Color.from_rich_color(row_style.bgcolor).blend(
                frame["background"], factor=0.25)
            extend_style = Style.from_color(color=row_style.color,
                                            bgcolor=faded_color.rich_color)
        else:
            extend_style = Style.from_color(row_style.color, row_style.bgcolor)
        extend_style += Style.from_meta({"row": row_index, "column": 0, "out_of_bounds": True})
        scrollable_row.append([Segment(" " * frame["remaining"], extend_style)])
        row_pair = ([], scrollable_row)
        self._row_render_cache[cache_key] = row_pair
        return row_pair

    def _update_dimensions(self, *args, **kwargs) -> None:
        if self._fast:
            self._fast_dimensions(*args, **kwargs)
        else:
            super()._update_dimensions(*args, **kwargs)

    def _fast_dimensions(self, new_rows) -> None:
        rest = []
        columns = self.ordered_columns
        widths = [column.content_width for column in columns]
        for row_key in new_rows:
            row_index = self._row_locations.get(row_key)
            if row_index is None:
                continue  # removed before the table was idle
            row = self.rows.get(row_key)
            cells = self._data.get(row_key, {})
            if (row is None or row.label is not None or row.height != 1 or row.auto_height
                    or any(type(cells.get(c.key)) is not Text and cells.get(c.key) is not None
                           for c in columns)):
                rest.append(row_key)
                continue
            for column in columns:
                cell = cells.get(column.key)
                if cell is not None:
                    width = max((cell_len(line) for line in cell.plain.splitlines()),
                                default=0)
                    if width > column.content_width:
                        column.content_width = width
        super()._update_dimensions(rest)  # the rest, then the virtual size, the stock way
        if [column.content_width for column in self.ordered_columns] != widths:
            # Lines drawn before the new rows were measured (a frame can come first) are
            # cached under the same change count: count a change so they are drawn again.
            self._update_count += 1
            self.refresh()


_EMPTY = Text(no_wrap=True, end="")  # DataTable's _EMPTY_TEXT
