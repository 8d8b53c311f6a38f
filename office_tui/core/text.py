"""Showing user text safely: stored exactly, displayed without control characters.

Escape sequences and other control characters are shown as visible `\\x1b`-style
escapes so they never reach the terminal raw; markup safety is the display layer's job
(Rich Text / Content objects, never markup strings).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str | None, *, one_line: bool = True) -> str:
    if not text:
        return ""
    if one_line:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)

