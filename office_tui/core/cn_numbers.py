"""Small numbers written the Chinese way (三, 十二, 两, 二十五) or with digits, as messages
give hours, minutes, days and quantities."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
# A character class for regular expressions: the characters a small number is written in.
CHARS = "零〇一二两俩三四五六七八九十百"


def number(text: str) -> int | None:
    """The value of `text` (digits, or Chinese up to 999; 半 is not a number here), or
    None when it is not a number."""
    text = text.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    total, current = 0, None
    for char in text:
        if char in "零〇" and current is None and total:  # 一百零五: a place left empty
            continue
        if char in DIGITS:
            if current is not None:  # 二五 is not a number, 二十五 is
                return None
            current = DIGITS[char]
        elif char == "十":
            total += (1 if current is None else current) * 10
            current = None
        elif char == "百":
            if current is None:
                return None
            total += current * 100
            current = None
        else:
            return None
    return total + (current or 0)
