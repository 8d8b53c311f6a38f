"""`office-tui export [TABLE…]`: any table of the database as CSV, JSON or Excel.

No table: the tables and their row counts. The database is opened read-only by SQLite
alone (never by this process's pool, which would create or migrate it).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from office_tui import arguments, cli
from office_tui.cli import app, fail
from office_tui.core.text import printable
from office_tui.i18n import _


@app.command("export", help=_("Any table of the database as CSV, JSON or Excel (read-only); "
                              "with no table, the tables and their row counts."))
def export(
    names: Optional[list[str]] = typer.Argument(None, metavar="[TABLE...]", help=_("The tables (default: list them).")),
    fmt: Optional[str] = typer.Option(None, "--format", help=_("csv, json or xlsx (Excel, with -o; a sheet per table) (default: from the -o file name, else csv).")),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("Write to this file instead of printing.")),
    force: bool = typer.Option(False, "--force", help=_("Replace the -o file if it exists.")),
) -> None:
    from office_tui.core.errors import OfficeError
    from office_tui.services import exports, table_export

    db_path = arguments.database(cli.state.db_path)
    try:
        chosen = exports.choose(fmt, output, allowed=table_export.EXPORT_FORMATS,
                                default="csv")
        if output is not None and chosen not in table_export.EXPORT_FORMATS:
            chosen = "csv"  # -o data.txt: CSV, as without -o
        if not names:
            found = table_export.counts(db_path)
            if chosen == "json":
                cli.emit_json({name: n for name, n in found})
            else:
                width = max((len(name) for name, _n in found), default=0)
                for name, n in found:
                    cli.out.print(f"{printable(name):<{width}}  {n:>8}", markup=False)
            return
        found = table_export.tables(db_path, names, typed=chosen == "xlsx")
        if output is None:
            sys.stdout.write(table_export.render(found, chosen))
            return
        if chosen == "xlsx":
            data = exports.file_bytes(found, "xlsx")
        else:
            text = table_export.render(found, chosen)
            data = text.encode("utf-8-sig" if chosen == "csv" else "utf-8")
        from office_tui.services.output import write_file

        path = write_file(output, data, database=db_path, force=force)
    except OfficeError as exc:
        fail(str(exc))
    cli.out.print(_("Written to {path}").format(path=printable(str(path))), markup=False,
                  soft_wrap=True)
