"""Showing user text safely: stored exactly, displayed without control characters.

Escape sequences and other control characters are shown as visible `\\x1b`-style
escapes so they never reach the terminal raw; markup safety is the display layer's job
(Rich Text / Content objects, never markup strings).
"""

from __future__ import annotations

import re
import unicodedata

from office_tui.core.errors import OfficeError
from office_tui.i18n import _

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str | None, *, one_line: bool = True) -> str:
    if not text:
        return ""
    if one_line:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def storable(value: str | None) -> str | None:
    """`value` unchanged when SQLite can store it; otherwise OfficeError. What it cannot
    store are lone surrogates: Python decodes terminal input that is not UTF-8 into them."""
    if value:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise OfficeError(_("The text {text} is not valid UTF-8: check the terminal's "
                                "encoding.").format(text=ascii(value))) from None
    return value



# -- display width ----------------------------------------------------------------------
# Columns line up by the cells a terminal gives each character, never by len(): a CJK
# character or an emoji takes two, a combining mark none. The same rule as Rich's
# cell_len (checked by tests/core/test_text_width.py), without importing Rich here.
# Where text is cut, the mark is U+22EF "⋯": one cell on every terminal (East Asian width
# neutral), unlike "…", whose width is ambiguous (two cells on a CJK-configured terminal).
ELLIPSIS = "⋯"


def char_width(char: str) -> int:
    code = ord(char)
    if code < 32 or 0x7F <= code < 0xA0:
        return 0
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if 0x1F000 <= code <= 0x1FAFF or unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def cell_width(text: str) -> int:
    if text.isascii():
        return sum(1 for c in text if " " <= c <= "~")
    return sum(char_width(c) for c in text)


def fit(text: str, width: int, *, marker: str = ELLIPSIS) -> str:
    """`text` in at most `width` cells: cut with `marker` when longer, never through a
    wide character (a space fills the cell a wide character could not take)."""
    if width <= 0:
        return ""
    if cell_width(text) <= width:
        return text
    room = width - cell_width(marker)
    kept, used = [], 0
    for char in text:
        w = char_width(char)
        if used + w > room:
            break
        kept.append(char)
        used += w
    return "".join(kept) + " " * (room - used) + marker if room >= 0 else marker[:width]


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` padded with spaces to `width` cells (left-aligned, or right with right=True)."""
    fill = " " * max(width - cell_width(text), 0)
    return fill + text if right else text + fill
