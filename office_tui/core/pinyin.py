"""Pinyin search keys: 会议室布置 is found by `huiyi`, `huiyishibuzhi` and `hysbz`.

A key is computed when a row is written and stored beside it, so a search stays a LIKE
on stored text. For each text it holds, space separated: the text in lower case, its
full pinyin without tones and its initials, both with the spaces taken out (so a query
runs across word boundaries: `hysbz` finds 会议室 布置), e.g.
`会议室布置 huiyishibuzhi hysbz`. A query is compared lower-cased with its spaces taken
out (`query_key`), so it can never span two parts of a key.

Polyphonic characters read as pypinyin reads them by default, with its phrase table
(银行 → yinhang): office_tui/data/pinyin.txt holds its readings, written by
scripts/pinyin_table.py and checked against pypinyin by the tests. Loading that table
(~20 ms, ~10 MiB) instead of importing pypinyin (~140 ms, ~45 MiB) keeps `add` fast; it
is loaded on the first text that holds a Chinese character, so reading and searching
never load it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "data" / "pinyin.txt"

# The characters pypinyin converts (its constants.RE_HANS), copied so that telling
# whether a text needs pinyin at all does not load its dictionaries.
_HAN = re.compile(
    "[\u3007\ue815-\ue864\ufa18\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002A6DF\U0002A703-\U0002B73F\U0002B740-\U0002B81D"
    "\U0002B825-\U0002BF6E\U0002C029-\U0002CE93\U0002D016\U0002D11B-\U0002EBD9"
    "\U0002F80A-\U0002FA1F\U00030000-\U0003134A\U00031350-\U00032389]+"
)


class _Readings:
    """pypinyin's readings: a character's default, the beginnings of the phrases its cut
    knows, and the syllables of the phrases that do not read as their characters do.

    A few titles are looked up in the table's text as it is (well under a millisecond
    each); after INDEX_AFTER runs of characters (a bulk load, a migration) the table is
    indexed into dicts and a set, ~30 ms once.
    """

    INDEX_AFTER = 200

    def __init__(self, text: str) -> None:
        self.text = text
        self.c_end = text.index("\nP\t")  # sections in order: C lines, the P line, R lines
        self.r_start = text.index("\n", self.c_end + 1)
        self.runs = 0
        self.chars: dict[str, str] | None = None
        self.prefixes: set[str] | None = None
        self.phrases: dict[str, list[str]] = {}

    def index(self) -> None:
        text = self.text
        chars: dict[str, str] = {}
        for line in text[:self.c_end].splitlines():
            kind, _, rest = line.partition("\t")
            if kind == "C":
                reading, _, members = rest.partition("\t")
                chars.update(dict.fromkeys(members, reading))
        for line in text[self.r_start:].splitlines():
            kind, _, rest = line.partition("\t")
            if kind == "R":
                phrase, _, syllables = rest.partition("\t")
                self.phrases[phrase] = syllables.split(" ")
        self.prefixes = set(text[self.c_end + 3:self.r_start].split())
        self.chars = chars

    def char(self, char: str) -> str:
        if self.chars is not None:
            return self.chars.get(char, char)
        at = self.text.find(char, 0, self.c_end)
        if at < 0:
            return char  # no reading: it stays itself, as in pypinyin
        start = self.text.rfind("\n", 0, at) + 3  # past "\nC\t"
        return self.text[start:self.text.index("\t", start)]

    def is_prefix(self, word: str) -> bool:
        if self.prefixes is not None:
            return word in self.prefixes
        return self.text.find(f" {word} ", self.c_end, self.r_start + 1) >= 0

    def phrase(self, word: str) -> list[str] | None:
        if self.chars is not None or word in self.phrases:
            return self.phrases.get(word)
        key = f"\nR\t{word}\t"
        at = self.text.find(key, self.r_start)
        if at < 0:
            return None
        start = at + len(key)
        found = self.phrases[word] = self.text[start:self.text.index("\n", start)].split(" ")
        return found

    def cut(self, run: str) -> list[str]:
        """pypinyin's cut (seg.mmseg.Seg.cut, not strict) of a run of Chinese characters:
        a word grows while it is the beginning of some phrase."""
        words: list[str] = []
        while run:
            size = 1  # one character is always a word
            while size < len(run) and self.is_prefix(run[:size + 1]):
                size += 1
            words.append(run[:size])
            run = run[size:]
        return words

    def syllables(self, run: str) -> list[str]:
        self.runs += 1
        if self.runs == self.INDEX_AFTER:
            self.index()
        found: list[str] = []
        for word in self.cut(run):
            own = self.phrase(word) if len(word) > 1 else None
            found += own if own is not None else [self.char(c) for c in word]
        return found


@cache
def _table() -> _Readings:
    return _Readings(TABLE.read_text(encoding="utf-8"))


@lru_cache(maxsize=16_384)
def _han_run(run: str) -> tuple[str, str]:
    """Full pinyin and initials of a run of Chinese characters."""
    syllables = _table().syllables(run)
    return "".join(syllables), "".join(s[:1] for s in syllables)


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
