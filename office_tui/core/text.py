"""Showing user text safely: stored exactly, displayed without control characters.

Escape sequences, other C0/C1 control characters (U+009B is a one-byte CSI), the bidi
controls that reorder what a terminal shows (U+202E makes "txt.exe" read "exe.txt") and
lone surrogates (an argument that was not UTF-8) are shown as visible `\\x1b` /
`\\u202e` escapes so they never reach the terminal raw; `json_text` does the same for
JSON, where they become JSON's own `\\u202e`. Markup safety is the display layer's job
(Rich Text / Content objects, never markup strings).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from office_tui.core.errors import OfficeError
from office_tui.i18n import _

# Bidi controls: ALM, LRM, RLM, the embeddings and overrides U+202A-U+202E and the
# isolates U+2066-U+2069.
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029{BIDI}\\ud800-\\udfff]")
# In JSON text the C0 controls are already escaped by json.dumps; the rest are not.
_JSON_UNSAFE = re.compile(f"[\\x7f-\\x9f\\u2028\\u2029{BIDI}\\ud800-\\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str | None, *, one_line: bool = True) -> str:
    if not text:
        return ""
    if one_line:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _UNSAFE.sub(_escape, text)


# Rich's own styling (SGR: ESC [ ... m) is the one escape sequence let through.
_SGR_OR_UNSAFE = re.compile(f"(\x1b\\[[0-9;]*m)|{_UNSAFE.pattern}")


def terminal_safe(text: str) -> str:
    """Everything a console writes, made safe after layout: the net under `printable`
    (which each command applies to user text before layout, where widths are right)."""
    return _SGR_OR_UNSAFE.sub(lambda m: m.group(1) or _escape(m), text)


MESSAGE_MAX = 400  # characters: a refusal is one line a person reads
_LONG_RUN = re.compile(r"\S{101,}")


def message_line(text: str | None) -> str:
    """A message as one safe line: printable, and when longer than MESSAGE_MAX (it
    quotes a pasted value of 200,000 characters, or 5,000 digits), each run of more than
    100 characters without a space is cut in the middle, its start and end kept."""
    line = printable(text)
    if len(line) <= MESSAGE_MAX:
        return line
    return _LONG_RUN.sub(lambda m: m.group()[:60] + ELLIPSIS + m.group()[-20:], line)


def json_text(data: Any, *, indent: int | None = 2) -> str:
    """`data` as JSON for every `--json`: readable Chinese kept as it is, but the control
    and bidi characters escaped as JSON `\\u` escapes (json.dumps leaves U+009B and U+202E
    raw), so a script's output is as safe on a terminal as a person's. The text means
    the same data: a JSON reader gets the exact stored strings back."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
