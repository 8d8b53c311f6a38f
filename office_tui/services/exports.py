"""Tables written as the clerk asks: Markdown or CSV text, or an Excel workbook (a file).

Every list and report that can be saved builds its `Table`s once (core/tables.py) and
comes here to choose the format (`--format`, else the -o file's name) and to write it
as services/output.py writes every file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from office_tui.core.tables import Table, to_csv, to_markdown
from office_tui.i18n import _
from office_tui.services.errors import OfficeError

TABLE_FORMATS = ("md", "csv", "xlsx")


def xlsx_needs_a_file() -> OfficeError:
    return OfficeError(_("An Excel workbook is a file, not text for the terminal: give "
                         "-o FILE.xlsx."))


def choose(fmt: str | None, output: str | os.PathLike[str] | None, *,
           allowed: Sequence[str] = TABLE_FORMATS, default: str | None = "md") -> str | None:
    """The format: `fmt`, else the -o file's name, else `default`. An unknown one, or
    a workbook for the terminal, is refused in one line."""
    from office_tui.services.output import format_from_name

    if fmt is None and output is not None:
        fmt = format_from_name(output, default or "md")
    elif fmt is None:
        return default
    fmt = fmt.strip().lower()
    if fmt not in allowed:
        raise OfficeError(_("Unknown format '{fmt}': {formats}.").format(
            fmt=fmt, formats=", ".join(allowed)))
    if fmt == "xlsx" and output is None:
        raise xlsx_needs_a_file()
    return fmt


def render(tables: Sequence[Table], fmt: str) -> str:
    """Markdown or CSV text (a workbook is never text: see `write`)."""
    if fmt == "xlsx":
        raise xlsx_needs_a_file()
    return to_csv(tables) if fmt == "csv" else to_markdown(tables)


def file_bytes(tables: Sequence[Table], fmt: str) -> bytes:
    if fmt == "xlsx":
        from office_tui.services import xlsx_out

        return xlsx_out.workbook(tables)
    # A BOM in a CSV file: spreadsheet programs then read the Chinese right.
    return render(tables, fmt).encode("utf-8-sig" if fmt == "csv" else "utf-8")


def write(tables: Sequence[Table], fmt: str, target: str | os.PathLike[str], *,
          database: Path, force: bool = False) -> Path:
    from office_tui.services import output

    return output.write_file(Path(os.path.expanduser(target)), file_bytes(tables, fmt),
                             database=database, force=force)
