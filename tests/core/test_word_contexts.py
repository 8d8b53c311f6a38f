"""One English word, several meanings: each gets its own Chinese (issue 14: "Item" read
物品 where 事项 was meant, "Kit" 套餐, "Received" 收件, "triage" 分拣)."""

from __future__ import annotations

import pytest

from office_tui import i18n
from office_tui.core.vocab import action_label, category_label, entity_label
from office_tui.i18n import _, pgettext


@pytest.fixture
def chinese():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


def test_each_meaning_has_its_word(chinese):
    assert (_("Item"), pgettext("kit", "Item")) == ("物品", "事项")
    assert pgettext("requests", "Received") == "受理"
    assert pgettext("job", "Location") == "地点" and _("Location") == "存放位置"
    assert (category_label("vehicle"), entity_label("vehicle")) == ("用车", "车辆")
    assert action_label("triage") == "分派"


def test_no_kit_is_a_set_meal_and_nothing_is_sorted_like_parcels():
    from babel.messages.pofile import read_po

    from tests.test_catalog import PO

    with PO.open("rb") as f:
        texts = [m.string if isinstance(m.string, str) else " ".join(m.string)
                 for m in read_po(f) if m.id]
    assert [t for t in texts if "套餐" in t or "分拣" in t] == []


def test_english_is_unchanged():
    assert (pgettext("kit", "Item"), pgettext("requests", "Received"),
            entity_label("vehicle")) == ("Item", "Received", "vehicle")
