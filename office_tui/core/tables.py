"""A table of output: what an export writes as CSV, Markdown or an Excel sheet.

A report or a list builds its sections once as `Table`s whose cells keep their types
(int, float, Decimal, date, datetime, str, None); each format renders them: CSV and
Markdown as text (dates in ISO form, Decimals without exponent), .xlsx as numbers and
dates (services/xlsx_out.py).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from office_tui.core.csvsafe import md_cell, safe_cell
from office_tui.core.csvsafe import to_markdown as markdown_table

Cell = object  # int | float | Decimal | date | datetime | str | None


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    sheet: str | None = None  # a shorter sheet name than the title, where it is long


def text(value: Cell) -> str:
    """A cell as CSV and Markdown show it."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def number(value: str | None) -> Decimal | str | None:
    """A number already formatted for people ("23.50", "10") as a Decimal that prints
    the same; anything else (a dash, an empty cell) as it is."""
    if value is None or value == "":
        return None
    try:
        found = Decimal(value)
    except (InvalidOperation, ValueError):
        return value
    return found if found.is_finite() else value


def to_csv(tables: Sequence[Table]) -> str:
    """One table: its header and rows. Several: a block each, its title first and a
    blank line after. Text a spreadsheet would run as a formula is neutralised (a
    number, even a negative one, stays a number)."""
    titled = len(tables) > 1
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for table in tables:
        if titled:
            writer.writerow([safe_cell(table.title)])
        writer.writerow([safe_cell(h) for h in table.headers])
        for row in table.rows:
            writer.writerow([safe_cell(v) if isinstance(v, str) else text(v) for v in row])
        if titled:
            writer.writerow([])
    return buffer.getvalue()


def to_markdown(tables: Sequence[Table]) -> str:
    """One table: a Markdown table. Several: each under its title as a heading. Number
    columns are aligned right."""
    blocks = []
    for table in tables:
        right = [i for i in range(len(table.headers)) if _numeric(table, i)]
        lines = [f"## {md_cell(table.title)}", ""] if len(tables) > 1 else []
        lines.append(_md_table(table, right))
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def _md_table(table: Table, right: Sequence[int]) -> str:
    return markdown_table(table.headers, ([text(v) for v in row] for row in table.rows),
                          right=right)


def _numeric(table: Table, column: int) -> bool:
    values = [row[column] for row in table.rows if column < len(row) and row[column] is not None]
    return bool(values) and all(isinstance(v, (int, float, Decimal))
                                and not isinstance(v, bool) for v in values)


_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
SHEET_NAME_MAX = 31


def sheet_names(names: Sequence[str]) -> list[str]:
    """Names Excel accepts, one per table: at most 31 characters, none of []:*?/\\, not
    empty, no apostrophe at either end, and no two alike (Excel compares them without
    case)."""
    found: list[str] = []
    taken: set[str] = set()
    for index, name in enumerate(names, start=1):
        base = " ".join(name.translate(_SHEET_FORBIDDEN).split()).strip("'") or str(index)
        candidate, n = base[:SHEET_NAME_MAX], 1
        while candidate.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            candidate = base[:SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(candidate.casefold())
        found.append(candidate)
    return found
