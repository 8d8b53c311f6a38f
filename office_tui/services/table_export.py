"""`office-tui export`: any table of the database as CSV, JSON or an Excel sheet.

Read through store/table_export.py (sqlite-utils on a read-only connection), so an
export never waits for, nor holds up, the clerk's app. CSV and JSON keep the values as
stored; a workbook shows the ISO days and moments the store keeps as text as dates.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from office_tui.core.errors import OfficeError
from office_tui.core.tables import Table, to_csv
from office_tui.i18n import _

EXPORT_FORMATS = ("csv", "json", "xlsx")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?")


def counts(db_path: Path) -> list[tuple[str, int]]:
    from office_tui.store import table_export as store

    db = store.open_read_only(db_path)
    try:
        return store.table_counts(db)
    finally:
        db.close()


def tables(db_path: Path, names: Sequence[str], *, typed: bool = False) -> list[Table]:
    """The named tables, whole; typed: ISO text as dates (for a workbook). An unknown
    name is refused before anything is read."""
    from office_tui.store import table_export as store

    db = store.open_read_only(db_path)
    try:
        found = []
        for name in names:
            table = store.find_table(db, name)
            if table is None:
                raise OfficeError(_("No table '{name}' in {path}; `office-tui export` lists "
                                    "them.").format(name=name, path=db_path))
            found.append(table)
        result = []
        for table in dict.fromkeys(found):
            columns = [c for c, _type in store.columns(db, table)]
            cells = _typed if typed else _plain
            result.append(Table(table, columns, [[cells(row[c]) for c in columns]
                                                 for row in store.rows(db, table)]))
        return result
    finally:
        db.close()


def render(found: list[Table], fmt: str) -> str:
    """CSV (a block per table when there are several) or JSON (one table: an array of
    objects; several: an object of arrays by table name)."""
    if fmt == "csv":
        return to_csv([Table(t.title, t.headers, [[v.hex() if isinstance(v, bytes) else v
                                                    for v in row] for row in t.rows])
                       for t in found])
    data: Any = {t.title: [_json_row(t, r) for r in t.rows] for t in found}
    if len(found) == 1:
        data = data[found[0].title]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _json_row(table: Table, row: list[Any]) -> dict[str, Any]:
    return {c: ({"$base64": True, "encoded": base64.b64encode(v).decode("ascii")}
                if isinstance(v, bytes) else v) for c, v in zip(table.headers, row)}


def _plain(value: Any) -> Any:
    return value


def _typed(value: Any) -> Any:
    if isinstance(value, str) and len(value) <= 26:
        try:
            if _DAY.fullmatch(value):
                return date.fromisoformat(value)
            if _MOMENT.fullmatch(value):
                return datetime.fromisoformat(value)
        except ValueError:  # 2026-13-45 stays the text it is
            return value
    return value
