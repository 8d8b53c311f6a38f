"""Pinyin search keys: 会议室布置 is found by `huiyi`, `huiyishibuzhi` and `hysbz`.

A key is computed when a row is written and stored beside it, so a search stays a LIKE
on stored text. For each text it holds, space separated: the text in lower case, its
full pinyin without tones and its initials, both with the spaces taken out (so a query
runs across word boundaries: `hysbz` finds 会议室 布置), e.g.
`会议室布置 huiyishibuzhi hysbz`. A query is compared lower-cased with its spaces taken
out (`query_key`), so it can never span two parts of a key.

Polyphonic characters read as pypinyin reads them by default (with its phrase table:
银行 → yinhang). pypinyin is imported on the first text that holds a Chinese character:
reading and searching never load its dictionaries.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The characters pypinyin converts (its constants.RE_HANS), copied so that telling
# whether a text needs pinyin at all does not load its dictionaries.
_HAN = re.compile(
    "[\u3007\ue815-\ue864\ufa18\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002A6DF\U0002A703-\U0002B73F\U0002B740-\U0002B81D"
    "\U0002B825-\U0002BF6E\U0002C029-\U0002CE93\U0002D016\U0002D11B-\U0002EBD9"
    "\U0002F80A-\U0002FA1F\U00030000-\U0003134A\U00031350-\U00032389]+"
)


@lru_cache(maxsize=16_384)
def _han_run(run: str) -> tuple[str, str]:
    """Full pinyin and initials of a run of Chinese characters."""
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(run)), "".join(lazy_pinyin(run, style=Style.FIRST_LETTER))


@lru_cache(maxsize=65_536)
def _word(word: str) -> tuple[str, str]:
    """Full pinyin and initials of a lower-case word without spaces; other characters
    stay as they are (a4纸 → a4zhi, a4z). Memoised, like _han_run: titles repeat their
    words, and a million generated jobs must load in well under a minute."""
    if _HAN.search(word) is None:
        return word, word
    full: list[str] = []
    initials: list[str] = []
    pos = 0
    for match in _HAN.finditer(word):
        run_full, run_initials = _han_run(match.group())
        full += (word[pos:match.start()], run_full)
        initials += (word[pos:match.start()], run_initials)
        pos = match.end()
    return "".join(full) + word[pos:], "".join(initials) + word[pos:]


def _readings(lower: str) -> tuple[str, str]:
    # ASCII words read as themselves and stay out of the cache (numbers are unique).
    read = [(w, w) if w.isascii() else _word(w) for w in lower.split()]
    return "".join([r[0] for r in read]), "".join([r[1] for r in read])


def full(text: str) -> str:
    """Full pinyin without tones, lower case, spaces removed: 会议室 → huiyishi."""
    return _readings(text.lower())[0]


def initials(text: str) -> str:
    """First letters of the syllables, lower case, spaces removed: 会议室 → hys."""
    return _readings(text.lower())[1]


def _text_key(text: str) -> str:
    lower = text.lower()
    if _HAN.search(lower) is None:
        return lower  # nothing to read: the text itself is its key
    whole, first = _readings(lower)
    return f"{lower} {whole} {first}" if first != whole else f"{lower} {whole}"


_repeated_key = lru_cache(maxsize=4_096)(_text_key)


def search_key(title: str | None, *texts: str | None) -> str:
    """The stored key of a row's searchable texts, space separated (None and blank ones
    are left out). The first is taken to be unique to its row (a title), the others to
    repeat (departments, requesters), so only theirs are memoised."""
    keys = [_text_key(title)] if title and not title.isspace() else []
    keys += [_repeated_key(t) for t in texts if t and not t.isspace()]
    return " ".join(keys)


def query_key(query: str) -> str:
    """A search as compared with stored keys: lower case, no spaces."""
    return "".join(query.lower().split())
