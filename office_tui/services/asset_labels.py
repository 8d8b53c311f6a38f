"""A sheet of fixed-asset labels (固定资产标签), as SVG or PDF: A4 label paper, 3 × 8 labels
of 70 × 37 mm, each with the tag, the name, the keeper, the department and a QR code of the
tag (segno). In the SVG, Chinese text is drawn with a CJK font the viewer has (Noto Sans CJK
SC, else WenQuanYi Zen Hei, else SimSun): referenced, not embedded. The PDF (ReportLab) uses
the Adobe CID font STSong-Light, which PDF readers carry."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from office_tui.core.assets import Asset
from office_tui.core.text import printable
from office_tui.i18n import _

PAGE_W, PAGE_H = 210.0, 297.0  # mm
COLUMNS, ROWS = 3, 8
LABEL_W, LABEL_H = 70.0, 37.0
TOP = (PAGE_H - ROWS * LABEL_H) / 2
QR_SIZE = 27.0
FONTS = "'Noto Sans CJK SC', 'WenQuanYi Zen Hei', 'SimSun', sans-serif"


def qr_svg(tag: str) -> str:
    """The tag's QR code as an inline <svg> (no size: the sheet places and sizes it)."""
    import segno

    return segno.make(tag, error="m").svg_inline(scale=1, border=0, omitsize=True)


def _text(value: str | None, limit: int = 16) -> str:
    text = printable(value or "")
    return escape(text if len(text) <= limit else text[:limit - 1] + "…")


def sheet(assets: list[Asset]) -> str:
    """Every label of `assets`, page after page (one <svg> per page, stacked)."""
    pages = [assets[i:i + COLUMNS * ROWS] for i in range(0, len(assets), COLUMNS * ROWS)]
    height = PAGE_H * max(len(pages), 1)
    heading = escape(_("Fixed asset"))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{PAGE_W}mm" height="{height}mm" '
           f'viewBox="0 0 {PAGE_W} {height}" font-family="{FONTS}">']
    for page_no, page in enumerate(pages):
        for n, asset in enumerate(page):
            x = (n % COLUMNS) * LABEL_W
            y = page_no * PAGE_H + TOP + (n // COLUMNS) * LABEL_H
            qr = re.sub(r"^<svg ", f'<svg x="{x + 3:.1f}" y="{y + 5:.1f}" '
                        f'width="{QR_SIZE}" height="{QR_SIZE}" ', qr_svg(asset.tag))
            tx = x + QR_SIZE + 6
            lines = [(_text(asset.tag, 20), 4.2, "bold"), (_text(asset.name), 3.6, "normal"),
                     (_text(_("Keeper: {name}").format(name=asset.keeper or "—")), 3.0,
                      "normal"),
                     (_text(asset.department or "—"), 3.0, "normal")]
            out.append(f'<g class="label" data-tag="{escape(asset.tag)}">')
            out.append(f'<rect x="{x + 1:.1f}" y="{y + 1:.1f}" width="{LABEL_W - 2}" '
                       f'height="{LABEL_H - 2}" rx="2" fill="none" stroke="#999" '
                       'stroke-width="0.2"/>')
            out.append(f'<text x="{tx:.1f}" y="{y + 4:.1f}" font-size="2.6">'
                       f'{heading}</text>')
            for i, (text, size, weight) in enumerate(lines):
                out.append(f'<text x="{tx:.1f}" y="{y + 10 + i * 6:.1f}" font-size="{size}" '
                           f'font-weight="{weight}">{text}</text>')
            out.append(qr)
            out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def sheet_pdf(assets: list[Asset]) -> bytes:
    """The same sheet as a PDF (ReportLab). Chinese is drawn with the Adobe CID font
    STSong-Light, which PDF readers carry: referenced, not embedded, so nothing is
    downloaded or installed for it. The QR code is drawn module by module."""
    import io

    import segno
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(PAGE_W * mm, PAGE_H * mm), pageCompression=0)
    heading = _("Fixed asset")
    for start in range(0, len(assets), COLUMNS * ROWS):
        for n, asset in enumerate(assets[start:start + COLUMNS * ROWS]):
            x = (n % COLUMNS) * LABEL_W
            top = TOP + (n // COLUMNS) * LABEL_H  # from the top of the page, in mm
            pdf.setLineWidth(0.2)
            pdf.setStrokeGray(0.6)
            pdf.roundRect((x + 1) * mm, (PAGE_H - top - LABEL_H + 1) * mm, (LABEL_W - 2) * mm,
                          (LABEL_H - 2) * mm, 2 * mm, stroke=1, fill=0)
            matrix = segno.make(asset.tag, error="m").matrix
            cell = QR_SIZE / len(matrix)
            for r, row in enumerate(matrix):
                for c, dark in enumerate(row):
                    if dark:
                        pdf.rect((x + 3 + c * cell) * mm,
                                 (PAGE_H - top - 5 - (r + 1) * cell) * mm,
                                 cell * mm, cell * mm, stroke=0, fill=1)
            tx = x + QR_SIZE + 6
            lines = [(heading, 2.6), (printable(asset.tag), 4.2), (printable(asset.name), 3.6),
                     (_("Keeper: {name}").format(name=printable(asset.keeper or "—")), 3.0),
                     (printable(asset.department or "—"), 3.0)]
            for i, (text, size) in enumerate(lines):
                pdf.setFont("STSong-Light", size * 2.83)  # mm of height to points
                baseline = top + (4 if i == 0 else 10 + (i - 1) * 6)
                pdf.drawString(tx * mm, (PAGE_H - baseline) * mm, text[:18])
        pdf.showPage()
    pdf.save()
    return out.getvalue()
