"""The kitchen's sheet as a file: Markdown for printing, CSV or an Excel workbook for a
spreadsheet (cells a spreadsheet would run as formulas are neutralised)."""

from __future__ import annotations

from office_tui.core.canteen import Sheet, meal_label
from office_tui.core.csvsafe import md_cell, to_csv, to_markdown
from office_tui.core.tables import Table
from office_tui.i18n import _


def _rows(sheet: Sheet) -> tuple[list[str], list[list[object]]]:
    header = [_("Department")] + [meal_label(m) for m in sheet.meals]
    rows: list[list[object]] = []
    for dept in sheet.departments:
        row: list[object] = [dept]
        for meal in sheet.meals:
            c = sheet.counts.get((dept, meal))
            if c is None:
                row.append(_("not reported") if sheet.workday else "")
            else:
                if not c.guests and not c.late:
                    row.append(c.count)  # a number (a spreadsheet adds it up)
                    continue
                cell = str(c.count) + (_(" +{n} guests").format(n=c.guests) if c.guests else "")
                row.append(cell + (" " + _("(late)") if c.late else ""))
        rows.append(row)
    rows.append([_("Total")] + [sheet.total(m) for m in sheet.meals])
    rows.append([_("Guests")] + [sheet.guests(m) for m in sheet.meals])
    rows.append([_("To cook")] + [sheet.total(m) + sheet.guests(m) for m in sheet.meals])
    if any(sheet.served.get(m) is not None for m in sheet.meals):
        rows.append([_("Served")] + [sheet.served.get(m, "") for m in sheet.meals])
    return header, rows


def sheet_markdown(sheet: Sheet) -> str:
    header, rows = _rows(sheet)
    out = [_("# Meal counts — {day}").format(day=sheet.day.isoformat()), ""]
    if not sheet.workday:
        out += [_("A day off: no counts are needed."), ""]
    out.append(to_markdown(header, rows).rstrip())
    missing = sheet.missing()
    if missing:
        out += ["", _("Not reported yet: {depts}").format(
            depts=_(", ").join(md_cell(d) for d in missing))]
    return "\n".join(out) + "\n"


def sheet_csv(sheet: Sheet) -> str:
    header, rows = _rows(sheet)
    return to_csv(header, rows)


def sheet_table(sheet: Sheet) -> Table:
    """The sheet as one table (the Excel workbook's sheet)."""
    header, rows = _rows(sheet)
    return Table(_("Meal counts — {day}").format(day=sheet.day.isoformat()), header, rows,
                 sheet=sheet.day.isoformat())
