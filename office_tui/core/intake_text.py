"""The folded copy of a message the intake rules read: full-width forms made narrow
(：→ :, ３ → 3, ，→ ,), letters lower-cased, one character for one, so a match in the
copy is a span of the original."""

from __future__ import annotations

import unicodedata

_EXTRA = {"’": "'", "‘": "'", "“": '"', "”": '"', "〜": "~", "～": "~"}


def fold(text: str) -> str:
    out = []
    for char in text:
        mapped = _EXTRA.get(char)
        if mapped is None:
            mapped = unicodedata.normalize("NFKC", char) if not char.isascii() else char
            if len(mapped) != 1:
                mapped = char
            lower = mapped.lower()
            mapped = lower if len(lower) == 1 else mapped
        out.append(mapped)
    return "".join(out)


def is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"
