"""Reading a clerk's file (an import): only a plain file, never the database, at most so
many bytes; text in UTF-8 (with or without BOM) or GB18030 as Chinese Excel saves CSV;
and its rows, numbered from 1 (the header), from CSV or an Excel workbook."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from office_tui.i18n import _
from office_tui.services.errors import OfficeError


def is_database(info: os.stat_result, db_path: Path) -> bool:
    """Is the file `info` describes the database or one of its -wal/-shm files?"""
    for suffix in ("", "-wal", "-shm"):
        try:
            other = os.stat(f"{db_path}{suffix}")
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            return True
    return False


def read_text_file(path: str | os.PathLike[str], db_path: Path, max_bytes: int, *,
                   too_big: str) -> str:
    """`too_big` says the limit ({path}, {size} and {max} in MiB)."""
    data = read_file(path, db_path, max_bytes, too_big=too_big)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OfficeError(_("{path} is not UTF-8 or GB18030 text.").format(path=path))  # pragma: no cover


def read_file(path: str | os.PathLike[str], db_path: Path, max_bytes: int, *,
              too_big: str) -> bytes:
    """The bytes of a plain file the clerk named, at most `max_bytes`."""
    path = Path(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise OfficeError(_("Cannot read {path}: {reason}").format(
            path=path, reason=exc.strerror or exc)) from None
    # Only a plain file is read: /dev/zero never ends, a FIFO blocks for ever; and never
    # the database (or its -wal/-shm): closing any descriptor on it would drop this
    # process's SQLite locks. Both told by stat, without opening anything.
    if not stat.S_ISREG(info.st_mode) or is_database(info, db_path):
        raise OfficeError(_("{path} is not a file.").format(path=path))
    if info.st_size > max_bytes:
        raise OfficeError(too_big.format(path=path, size=info.st_size // 2**20,
                                         max=max_bytes // 2**20))
    try:
        with path.open("rb") as file:
            data = file.read(max_bytes)
    except OSError as exc:
        raise OfficeError(_("Cannot read {path}: {reason}").format(
            path=path, reason=exc.strerror or exc)) from None
    return data


def records(path: str | os.PathLike[str], db_path: Path, max_bytes: int, *, too_big: str,
            sheet: str | None = None) -> list[tuple[int, list[str]]]:
    """The rows of an import file numbered from 1 (the header): a CSV file, or an Excel
    workbook (.xlsx, its first sheet or `sheet`) read into the same text cells, so one
    set of checks and messages serves both."""
    if Path(path).suffix.lower() == ".xlsx":
        from office_tui.services.xlsx_in import sheet_records

        return sheet_records(read_file(path, db_path, max_bytes, too_big=too_big), path,
                             sheet)
    if sheet is not None:
        raise OfficeError(_("--sheet is for .xlsx files; {path} is read as CSV.").format(
            path=path))
    return csv_records(read_text_file(path, db_path, max_bytes, too_big=too_big))


def csv_records(text: str) -> list[tuple[int, list[str]]]:
    """The rows of a CSV text, numbered from 1 (the header).

    The csv module refuses a field longer than its process-wide limit (128 KiB) with an
    error naming neither row nor column; no field can be longer than the text itself, so
    the limit is lifted to that while reading, and an oversize value meets the import's
    own length check, which names both."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, len(text) + 1))
    reader = csv.reader(io.StringIO(text))
    try:
        return [(n, row) for n, row in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise OfficeError(_("Nothing imported: row {row}: {reason}.").format(
            row=reader.line_num, reason=exc)) from None
    finally:
        csv.field_size_limit(previous)


MAX_IMPORT_ERRORS = 10  # an import's refusal names at most this many problems


def body_rows(records: list[tuple[int, list[str]]], width: int,
              errors: list[str]) -> Iterator[tuple[int, list[str]]]:
    """The numbered rows under an import's header that hold something; a row with more
    cells than the header's `width` is an error (appended, naming it), not a row."""
    for number, cells in records[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > width:
            errors.append(_("row {row}: {n} cells, but the header has {m}").format(
                row=number, n=len(cells), m=width))
            continue
        yield number, cells


def import_failed(errors: list[str]) -> str:
    """The one line an import refused with: its first problems, and how many more."""
    shown = errors[:MAX_IMPORT_ERRORS]
    more = len(errors) - len(shown)
    text = _("Nothing imported: ") + "; ".join(shown)
    if more:
        text += " " + _("(and {n} more)").format(n=more)
    return text + "."
