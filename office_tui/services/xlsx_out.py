"""Excel workbooks (.xlsx) from tables, with openpyxl (imported only when one is written).

One sheet per table: the header row bold and frozen, numbers as numbers, dates as dates,
columns as wide as their text (a Chinese character counts two). Every text cell is
written as a string, never as a formula: openpyxl takes a text starting with "=" for
one, so `=HYPERLINK(...)` typed as a job's title would become a live link in the
clerk's spreadsheet. Characters XML cannot hold are written escaped (\\x07).
"""

from __future__ import annotations

import io
import math
import os
import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from office_tui.core.tables import Cell, Table, sheet_names, text
from office_tui.core.text import cell_width

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_TEXT = 32767  # Excel's longest cell text
EXACT_INT = 2**53  # larger whole numbers would lose digits as Excel's doubles: text
MIN_WIDTH, MAX_WIDTH = 6, 60
DATE_FORMAT, MOMENT_FORMAT, CENTS_FORMAT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm", "0.00"


def workbook(tables: Sequence[Table]) -> bytes:
    """The .xlsx file's bytes."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    names = sheet_names([t.sheet or t.title for t in tables] or ["1"])
    for table, name in zip(tables or [Table("1", [])], names):
        sheet = book.create_sheet(title=name)
        widths = [cell_width(h) for h in table.headers]
        for row in table.rows:
            for index, value in enumerate(row):
                shown = _width(value)
                if index < len(widths):
                    widths[index] = max(widths[index], shown)
                else:
                    widths.append(shown)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = \
                min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.freeze_panes = "A2"
        header = []
        for title in table.headers:
            cell = _cell(WriteOnlyCell(sheet), title)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            sheet.append([_cell(WriteOnlyCell(sheet), value) for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write(tables: Sequence[Table], target: str | os.PathLike[str], *, database: Path,
          force: bool = False) -> Path:
    """The workbook written as every output file is (services/output.py)."""
    from office_tui.services import output

    return output.write_file(target, workbook(tables), database=database, force=force)


def _cell(cell, value: Cell):
    if value is None:
        return cell
    if isinstance(value, bool):
        cell.value = value
    elif isinstance(value, int) and abs(value) < EXACT_INT:
        cell.value = value
    elif isinstance(value, float) and math.isfinite(value):
        cell.value = value
    elif isinstance(value, Decimal) and value.is_finite():
        cell.value = value
        if value.as_tuple().exponent == -2:
            cell.number_format = CENTS_FORMAT
    elif isinstance(value, datetime):
        cell.value = value.replace(tzinfo=None)
        cell.number_format = MOMENT_FORMAT
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        _text(cell, value.hex() if isinstance(value, bytes) else text(value))
    return cell


def _text(cell, value: str) -> None:
    value = _ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", value)
    cell.value = value[:MAX_TEXT]
    cell.data_type = "s"  # never a formula, whatever the text starts with


def _width(value: Cell) -> int:
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    shown = text(value)
    return cell_width(shown[:200])
