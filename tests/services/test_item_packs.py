"""Packs and whole units per item (issue 14): 1 箱 = 5 包 set on the item, so `3箱` is
received as 15 包; an item counted in whole units refuses a fraction unless allowed."""

from __future__ import annotations

import pytest

from office_tui.services import OfficeError


@pytest.fixture
def paper(services):
    inv = services.inventory
    inv.add_item("A4", "A4 复印纸", "包")
    return inv


def written(services) -> tuple:
    db = services.db
    return (db.execute("SELECT COUNT(*) FROM movements").fetchone()[0],
            db.execute("SELECT COUNT(*) FROM events").fetchone()[0])


def test_a_count_unit_is_whole_and_a_measure_takes_parts(services, paper):
    assert paper.item("A4").fractions is False
    assert services.inventory.add_item("OIL", "机油", "升").fractions is True
    assert services.inventory.add_item("TAPE", "胶带", "卷", fractions=True).fractions is True


def test_a_pack_converts_a_receipt_into_the_items_unit(services, paper):
    paper.edit_item("A4", packs=["箱=5"])
    assert paper.item("A4").packs == (("case", 5000),)
    moved = paper.receive("A4", "3箱")
    assert moved.quantity_milli == 15_000
    assert paper.item("A4").stock == 15
    paper.issue("A4", "2包", department="财务科")
    paper.issue("A4", "1 case", department="财务科")
    assert paper.item("A4").stock == 8
    paper.stocktake([("A4", "1箱")])
    assert paper.item("A4").stock == 5


@pytest.mark.parametrize(("quantity", "message"), [
    ("2.5", "A4 is counted in whole pack: 2.5 is not a whole number"),
    ("0.5箱", "2.5 is not a whole number"),
    ("3盒", "This item is counted in pack, not box"),
])
def test_refusals_write_nothing(services, paper, quantity, message):
    paper.edit_item("A4", packs=["case=5"])
    before = written(services)
    with pytest.raises(OfficeError, match=message):
        paper.receive("A4", quantity)
    assert written(services) == before


def test_fractions_can_be_allowed_and_a_pack_removed_undoably(services, paper):
    paper.edit_item("A4", packs=["箱=5", "盒=10"], fractions=True)
    assert paper.receive("A4", "0.5箱").quantity_milli == 2_500
    paper.edit_item("A4", packs=["箱=0"])
    assert paper.item("A4").packs == (("box", 10000),)
    services.history.undo()
    assert paper.item("A4").packs == (("box", 10000), ("case", 5000))


@pytest.mark.parametrize(("pack", "message"), [
    ("箱", "is not a pack"), ("furlong=5", "is not a pack"), ("包=5", "another unit"),
    ("箱=-1", "negative"), ("箱=x", "not a quantity"),
])
def test_bad_packs_are_refused(services, paper, pack, message):
    before = written(services)
    with pytest.raises(OfficeError, match=message):
        paper.edit_item("A4", packs=[pack])
    assert written(services) == before
