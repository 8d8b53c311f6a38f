"""One check for text SQLite can store, used by every service that writes user text."""

from __future__ import annotations

import sqlite3

import pytest

from office_tui.core.errors import OfficeError
from office_tui.core.text import storable


@pytest.mark.parametrize("value", [None, "", "修灯 lamp", "e\u0301", "😀", "\x1b[31m"])
def test_text_sqlite_can_store_comes_back_unchanged(value):
    assert storable(value) is value
    if value:
        db = sqlite3.connect(":memory:")
        assert db.execute("SELECT ?", (value,)).fetchone()[0] == value


@pytest.mark.parametrize("value", ["lamp \udcff broken", "\udcfe", "\ud800x"])
def test_lone_surrogates_are_refused_with_the_text_escaped(value):
    with pytest.raises(UnicodeEncodeError):
        sqlite3.connect(":memory:").execute("SELECT ?", (value,))  # what it protects from
    with pytest.raises(OfficeError) as refused:
        storable(value)
    message = str(refused.value)
    assert "not valid UTF-8" in message and ascii(value) in message
