"""Categories and importances are listed in the interface language and accepted in both
(issue 14: Chinese errors listed `可选：repair, vehicle, …`)."""

from __future__ import annotations

from datetime import datetime

import pytest

from office_tui import i18n
from office_tui.core.calendar import WorkingCalendar
from office_tui.core.quickadd import QuickAddError, parse
from office_tui.core.vocab import (
    CATEGORIES, IMPORTANCES, category_choices, category_label, importance_label,
    normalise_category, normalise_importance,
)


@pytest.fixture
def chinese():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


def test_the_choices_are_in_english(english):
    assert category_choices() == "repair, vehicle, supply, reception, meeting, print, other"


def test_the_choices_are_in_chinese(chinese):
    assert category_choices() == "报修、用车、领用、接待、会议、文印、其他"
    with pytest.raises(QuickAddError) as refused:
        parse("修灯 #灯具", datetime(2026, 11, 27, 10), WorkingCalendar())
    assert "报修、用车" in str(refused.value) and "repair" not in str(refused.value)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_shown_name_is_accepted_back(lang):
    i18n.set_language(lang)
    try:
        for category in CATEGORIES:
            assert normalise_category(category_label(category)) == category
        for importance in IMPORTANCES:
            assert normalise_importance(importance_label(importance)) == importance
    finally:
        i18n.set_language("en")
