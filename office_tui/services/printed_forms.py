"""Printed forms for signatures, as PDF (ReportLab): 派车单 (a trip), 领用单 (an issue of
stock), 盘点表 (an asset count's sheet by location) and 处理单 (a job's handling slip).

Each form is a title, a two-column table of fields (label | value, the value wrapped within
its cell, CJK per character), an optional table of lines and signature lines. Chinese is drawn
with a TrueType CJK font from a Debian package when one is installed (embedded, so any reader
shows it: fonts-wqy-zenhei, else Noto Sans CJK), else with the Adobe CID font STSong-Light,
which is referenced, not embedded (the reader supplies the glyphs). User text is data: control
and bidi characters are written escaped (core.text.printable)."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from office_tui.core import inventory as inv
from office_tui.core.errors import OfficeError
from office_tui.core.text import printable
from office_tui.core.vocab import status_label
from office_tui.i18n import _

if TYPE_CHECKING:
    from office_tui.services.context import Services

KINDS = ("trip", "issue", "count", "job")
# Embedded when present (first found wins); the CID font otherwise.
TTF_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
             "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
CID_FONT = "STSong-Light"
TTF_NAME = "OfficeCJK"

PAGE_W, PAGE_H = 595.3, 841.9  # A4 in points
MARGIN = 50.0
LABEL_W = 110.0
SIZE = 11.0
LEADING = 15.0


@dataclass
class Form:
    title: str
    number: str
    fields: list[tuple[str, str]]
    signatures: list[str]
    # A table of lines, in groups (the count sheet: one group per location).
    columns: list[tuple[str, float]] = field(default_factory=list)  # heading, share of width
    groups: list[tuple[str, list[list[str]]]] = field(default_factory=list)


def font_name() -> str:
    """The font the forms use, registered once: an installed CJK TrueType font, else the
    CID font."""
    from reportlab.pdfbase import pdfmetrics

    registered = pdfmetrics.getRegisteredFontNames()
    if TTF_NAME in registered:
        return TTF_NAME
    for path in TTF_FONTS:
        if Path(path).is_file():
            from reportlab.pdfbase.ttfonts import TTFont

            try:
                pdfmetrics.registerFont(TTFont(TTF_NAME, path, subfontIndex=0))
                return TTF_NAME
            except Exception:  # noqa: BLE001 - an unreadable font: fall back to the CID one
                continue
    if CID_FONT not in registered:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    return CID_FONT


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """`text` in lines no wider than `width`: per character (CJK has no spaces), at the last
    space when a Latin word would be cut."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        line = ""
        for char in paragraph:
            if stringWidth(line + char, font, size) <= width or not line:
                line += char
                continue
            cut = line.rfind(" ")
            if char != " " and cut > 0 and char.isascii() and line[-1].isascii():
                lines.append(line[:cut])
                line = line[cut + 1:] + char
            else:
                lines.append(line.rstrip())
                line = char.lstrip()
        lines.append(line)
    return lines or [""]


def render(form: Form) -> bytes:
    from reportlab.pdfgen import canvas

    font = font_name()
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_W, PAGE_H))
    pdf.setTitle(form.title)
    width = PAGE_W - 2 * MARGIN
    y = PAGE_H - MARGIN

    def new_page() -> float:
        pdf.showPage()
        return PAGE_H - MARGIN

    def room(y: float, need: float) -> float:
        return new_page() if y - need < MARGIN else y

    pdf.setFont(font, 20)
    pdf.drawCentredString(PAGE_W / 2, y - 20, form.title)
    pdf.setFont(font, 10)
    pdf.drawRightString(PAGE_W - MARGIN, y - 38, form.number)
    y -= 50
    pdf.setLineWidth(0.6)
    for label, value in form.fields:
        lines = wrap(value, width - LABEL_W - 12, font, SIZE)
        height = LEADING * len(lines) + 8
        y = room(y, height)
        pdf.rect(MARGIN, y - height, LABEL_W, height)
        pdf.rect(MARGIN + LABEL_W, y - height, width - LABEL_W, height)
        pdf.setFont(font, SIZE)
        pdf.drawString(MARGIN + 6, y - LEADING + 1, label)
        for i, line in enumerate(lines):
            pdf.drawString(MARGIN + LABEL_W + 6, y - LEADING * (i + 1) + 1, line)
        y -= height
    if form.columns:
        y = _table(pdf, form, font, y - 12, width, room)
    y = room(y - 30, 40 * len(form.signatures))
    pdf.setFont(font, SIZE)
    for name in form.signatures:
        y -= 36
        pdf.drawString(MARGIN, y, name + _(":"))
        pdf.line(MARGIN + LABEL_W, y - 2, MARGIN + LABEL_W + 200, y - 2)
        pdf.drawString(MARGIN + LABEL_W + 220, y, _("Date:"))
        pdf.line(MARGIN + LABEL_W + 260, y - 2, PAGE_W - MARGIN, y - 2)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _table(pdf, form: Form, font: str, y: float, width: float, room) -> float:
    xs = [MARGIN]
    for _heading, share in form.columns:
        xs.append(xs[-1] + share * width)

    def row(y: float, cells: list[str], size: float = 10) -> float:
        wrapped = [wrap(c, xs[i + 1] - xs[i] - 8, font, size) for i, c in enumerate(cells)]
        height = 13 * max(len(w) for w in wrapped) + 6
        y = room(y, height)
        pdf.setFont(font, size)
        for i, lines in enumerate(wrapped):
            pdf.rect(xs[i], y - height, xs[i + 1] - xs[i], height)
            for n, line in enumerate(lines):
                pdf.drawString(xs[i] + 4, y - 13 * (n + 1), line)
        return y - height

    for group, lines in form.groups:
        y = room(y - 6, 60)
        pdf.setFont(font, 12)
        pdf.drawString(MARGIN, y - 14, group)
        y = row(y - 20, [h for h, _s in form.columns])
        for cells in lines:
            y = row(y, cells)
    return y


# -- the forms ------------------------------------------------------------------------------
def _t(value: object) -> str:
    return printable(str(value), one_line=False) if value not in (None, "") else "—"


def _when(value) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "—"


def trip(s: Services, booking_id: int) -> Form:
    b = s.vehicles.booking(booking_id)
    car = f"{b.vehicle} {b.vehicle_name}".strip()
    riders = "; ".join(printable(str(r.get("department") or r.get("name") or ""))
                       for r in b.riders if r)
    passengers = str(b.passengers) + (f" ({riders})" if riders.strip("; ") else "")
    return Form(
        title=_("Trip slip"), number=_("No. {id}").format(id=b.id),
        fields=[(_("Car"), _t(car)), (_("Driver"), _t(b.driver)),
                (_("Time out"), _when(b.out_at or b.start)),
                (_("Time back"), _when(b.returned_at or b.end)),
                (_("Destination"), _t(b.destination)), (_("Passengers"), passengers),
                (_("Department"), _t(b.department)), (_("Requester"), _t(b.requester)),
                (_("Purpose"), _t(b.purpose))],
        signatures=[_("Requester"), _("Driver"), _("Approved by")])


def issue(s: Services, movement_id: int) -> Form:
    from office_tui.store import inventory as store

    row = store.get_movement(s.db, movement_id)
    if row is None or row["kind"] != "issue":
        raise OfficeError(_("No stock issue #{id}.").format(id=movement_id))
    move = inv.Movement.from_row(row)
    item = inv.Item.from_row(store.get_item_by_id(s.db, move.item_id))
    return Form(
        title=_("Issue slip"), number=_("No. {id}").format(id=move.id),
        fields=[(_("Item"), _t(f"{item.code} {item.name}")),
                (_("Quantity"), inv.format_milli(-move.quantity_milli)),
                (_("Unit"), _t(inv.unit_label(item.unit))), (_("Department"), _t(move.department)),
                (_("Received by"), _t(move.person)), (_("Date"), _when(move.ts)),
                (_("Note"), _t(move.reason))],
        signatures=[_("Received by"), _("Issued by")])


def count(s: Services, count_id: int) -> Form:
    status = s.assets.count_status(count_id)
    by_place: dict[str, list[list[str]]] = {}
    for line in status.lines:
        by_place.setdefault(_t(line.location), []).append(
            [_t(line.tag), _t(line.name), _t(line.keeper), "", ""])
    return Form(
        title=_("Asset count sheet"), number=_("Count #{id}").format(id=status.id),
        fields=[(_("Scope"), _t(status.scope or _("all assets"))),
                (_("Started"), _t(status.started)),
                (_("Assets"), str(len(status.lines)))],
        columns=[(_("Tag"), 0.2), (_("Name"), 0.32), (_("Keeper"), 0.16),
                 (_("Found ✓"), 0.1), (_("Remark"), 0.22)],
        groups=sorted(by_place.items()),
        signatures=[_("Counted by"), _("Checked by")])


def job(s: Services, job_id: int) -> Form:
    j = s.jobs.get(job_id)
    notes = [f"{_t(n['at'])[:16].replace('T', ' ')} {_t(n['text'])}"
             for n in reversed(s.jobs.notes(job_id))]
    return Form(
        title=_("Job handling slip"), number=_("No. {id}").format(id=j.id),
        fields=[(_("Request"), _t(j.title)), (_("Requester"), _t(j.requester)),
                (_("Department"), _t(j.department)), (_("Location"), _t(j.location)),
                (_("Received"), _when(j.created)), (_("Handled by"), _t(j.handler)),
                (_("Handling"), "\n".join(notes) or "—"),
                (_("Status"), status_label(j.status)), (_("Outcome"), _t(j.outcome)),
                (_("Closed"), _when(j.closed_at))],
        signatures=[_("Requester"), _("Handled by")])


BUILDERS = {"trip": trip, "issue": issue, "count": count, "job": job}


def default_name(kind: str, ident: int) -> str:
    """A file name for the form, e.g. 派车单-12.pdf in Chinese."""
    titles = {"trip": _("Trip slip"), "issue": _("Issue slip"),
              "count": _("Asset count sheet"), "job": _("Job handling slip")}
    return f"{titles[kind]}-{ident}.pdf".replace(" ", "-")


def write(s: Services, kind: str, ident: int, path: str, *, force: bool = False) -> Path:
    """The form for `ident`, written as every output file is (never onto the database,
    never through a symlink, no overwrite without `force`)."""
    from office_tui.core.filepaths import expand_home
    from office_tui.services import output

    form = BUILDERS[kind](s, ident)
    target = expand_home(path)
    if target.suffix.lower() != ".pdf":
        raise OfficeError(_("Forms are written as PDF: name the file e.g. {name}.").format(
            name=default_name(kind, ident)))
    return output.write_file(target, render(form), database=s.db_path, force=force)
