"""Rows of an Excel workbook (.xlsx) for an import, read with openpyxl (imported only here).

Each cell becomes the text a CSV export of the sheet would hold — 12, 2.5, 2024-03-15,
TRUE — so an import checks a workbook's rows with the same code and the same messages
as a CSV file's. Rows keep the sheet's numbers (the header is row 1). A formula gives
the value Excel saved with it. The workbook is read from bytes already read (the size
checked, never the database); a small compressed file can unpack to a great deal, so
one that would unpack to more than MAX_UNPACKED bytes is refused before it is opened,
and at most MAX_CELLS cells are taken from a sheet.
"""

from __future__ import annotations

import io
import os
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from office_tui.i18n import _
from office_tui.services.errors import OfficeError

MAX_CELLS = 2_000_000
MAX_UNPACKED = 256 * 2**20


def sheet_records(data: bytes, path: str | os.PathLike[str],
                  sheet: str | None = None) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    _check_unpacked(data, path)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any damage in a foreign file is one line
        raise OfficeError(_("{path} is not an Excel workbook (.xlsx) that can be read: "
                            "{reason}").format(path=path, reason=_reason(exc))) from None
    try:
        return _rows(book, path, sheet)
    finally:
        book.close()


def _check_unpacked(data: bytes, path) -> None:
    """A workbook is a zip file: refused before it is opened when it would unpack to more
    than MAX_UNPACKED bytes (each member's size as the zip says it, which is also as
    far as Python's zipfile will unpack it)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise OfficeError(_("{path} is not an Excel workbook (.xlsx) that can be read: "
                            "{reason}").format(path=path, reason=_reason(exc))) from None
    if unpacked > MAX_UNPACKED:
        raise OfficeError(_("{path} unpacks to {size} MiB; a workbook to import is at most "
                            "{max} MiB. Nothing imported.").format(
            path=path, size=unpacked // 2**20, max=MAX_UNPACKED // 2**20))


def _rows(book, path, sheet: str | None) -> list[tuple[int, list[str]]]:
    sheets = book.worksheets
    if sheet is None:
        if not sheets:
            raise OfficeError(_("{path} has no sheet to read.").format(path=path))
        found = sheets[0]
    else:
        matches = [s for s in sheets if s.title == sheet] or \
                  [s for s in sheets if s.title.casefold() == sheet.casefold()]
        if not matches:
            raise OfficeError(_("{path} has no sheet '{name}'; its sheets: {names}.").format(
                path=path, name=sheet, names=", ".join(s.title for s in sheets)))
        found = matches[0]
    if hasattr(found, "reset_dimensions"):
        # The size a file claims is not trusted: rows are read as they are stored.
        found.reset_dimensions()
    rows: list[tuple[int, list[str]]] = []
    cells = 0
    try:
        for row in found.iter_rows():
            values = [(c.column, c.value) for c in row if getattr(c, "value", None) is not None]
            number = next((c.row for c in row if getattr(c, "row", None)), None)
            if number is None:
                continue
            cells += len(values)
            if cells > MAX_CELLS:
                raise OfficeError(_("{path} has more than {n} cells; split it into smaller "
                                    "files. Nothing imported.").format(path=path, n=MAX_CELLS))
            width = max((column for column, _v in values), default=0)
            line = [""] * width
            for column, value in values:
                line[column - 1] = cell_text(value)
            while line and not line[-1].strip():
                line.pop()
            rows.append((number, line))
    except OfficeError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet: one line, nothing imported
        raise OfficeError(_("{path} is not an Excel workbook (.xlsx) that can be read: "
                            "{reason}").format(path=path, reason=_reason(exc))) from None
    return _numbered(rows)


def _numbered(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Every row from 1 to the last, the empty ones too: the numbers are the sheet's."""
    by_number = dict(rows)
    last = max(by_number, default=0)
    return [(n, by_number.get(n, [])) for n in range(1, last + 1)]


def cell_text(value: object) -> str:
    """A cell's value as a CSV export of the sheet would write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        shown = format(value, ".15g")  # Excel keeps 15 significant digits
        return format(Decimal(shown), "f") if "e" in shown else shown
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds" if value.second else "minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__
