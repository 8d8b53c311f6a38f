"""CSV and Markdown cells that are safe to open: no formula injection, no broken tables.

A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a
formula; an item called `=HYPERLINK(...)` must arrive as text. Such cells get a leading
apostrophe, the usual neutraliser (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def md_cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = text.replace("\\", "\\\\").replace("|", "\\|")
    return " ".join(text.splitlines())


def to_markdown(header: Sequence[str], rows: Iterable[Sequence[object]],
                right: Sequence[int] = ()) -> str:
    lines = ["| " + " | ".join(md_cell(h) for h in header) + " |",
             "| " + " | ".join("---:" if i in right else "---" for i in range(len(header)))
             + " |"]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
