"""Counts are printed with their plural forms through ngettext (issue 14: "1 passengers"),
in English; the Chinese catalog has one form."""

from __future__ import annotations

import pytest

from office_tui import i18n
from office_tui.core.vocab import count_jobs, count_passengers, count_seats, count_seats_free


@pytest.mark.parametrize(("count", "one", "two"), [
    (count_passengers, "1 passenger", "2 passengers"),
    (count_seats, "1 seat", "2 seats"),
    (count_seats_free, "1 seat free", "2 seats free"),
    (count_jobs, "1 job", "2 jobs"),
])
def test_english_has_two_forms(count, one, two):
    assert (count(1), count(2), count(0)) == (one, two, two.replace("2", "0"))


def test_chinese_has_one():
    i18n.set_language("zh")
    try:
        assert (count_passengers(1), count_passengers(3)) == ("1 名乘客", "3 名乘客")
        assert count_seats_free(1) == "空余 1 座"
    finally:
        i18n.set_language("en")
