"""The shipped reading table reads exactly as pypinyin does (it is made from it)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from office_tui.core import pinyin


def pypinyin_reads(text: str) -> tuple[str, str]:
    return "".join(lazy_pinyin(text)), "".join(lazy_pinyin(text, style=Style.FIRST_LETTER))


def ours(text: str, *, indexed: bool) -> tuple[str, str]:
    table = pinyin._Readings(pinyin.TABLE.read_text(encoding="utf-8"))
    if indexed:
        table.index()
    syllables = table.syllables(text)
    return "".join(syllables), "".join(s[:1] for s in syllables)


@pytest.fixture(scope="module")
def indexed():
    table = pinyin._Readings(pinyin.TABLE.read_text(encoding="utf-8"))
    table.index()
    return table


def read(table, text: str) -> tuple[str, str]:
    syllables = table.syllables(text)
    return "".join(syllables), "".join(s[:1] for s in syllables)


def test_every_character_reads_as_in_pypinyin(indexed):
    wrong = [c for c in map(chr, PINYIN_DICT) if read(indexed, c) != pypinyin_reads(c)]
    assert wrong == []


def test_every_phrase_reads_as_in_pypinyin(indexed):
    phrases = [p for p in PHRASES_DICT if " " not in p]
    wrong = [p for p in phrases if read(indexed, p) != pypinyin_reads(p)]
    assert len(phrases) > 40_000 and wrong == []


# Characters of phrases, so that random texts cross phrase boundaries often.
PHRASE_CHARS = sorted({c for p in list(PHRASES_DICT)[:3000] for c in p} | set("银行重庆长安会计"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=PHRASE_CHARS, min_size=1, max_size=12))
def test_any_run_is_cut_and_read_as_in_pypinyin(indexed, run):
    assert read(indexed, run) == pypinyin_reads(run)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=PHRASE_CHARS + ["\u9fa5", "\U00020000", "\u3007"], min_size=1,
               max_size=10))
def test_looking_up_in_the_text_gives_what_the_index_gives(run):
    assert ours(run, indexed=False) == ours(run, indexed=True)


def test_known_polyphones():
    assert pinyin.search_key("银行 重庆 会计") == (
        "银行 重庆 会计 yinhangchongqingkuaiji yhcqkj")
