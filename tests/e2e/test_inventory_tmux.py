"""End to end: the installed office-tui in tmux — F5, issue, a refused issue, stocktake."""

from __future__ import annotations

import pytest

from office_tui.services import Services
from tests.e2e.terminal import Tmux, env_for, office_tui_command, quit_app

pytestmark = pytest.mark.e2e


def test_issue_refuse_and_stocktake_in_a_real_terminal(tmp_path):
    db = tmp_path / "office.db"
    setup = Services(db).open()
    try:
        setup.inventory.add_item("A4", "A4 复印纸", "包", reorder_level="5", location="A-01")
        setup.inventory.add_item("PEN", "中性笔", "支", reorder_level="10", location="C-01")
        setup.inventory.receive("A4", "10")
        setup.inventory.receive("PEN", "20")
    finally:
        setup.close()
    env = env_for(db)
    term = Tmux(office_tui_command(), env)
    try:
        term.wait_for(lambda s: "on time this week" in s, "the Today screen (the app opens on it)")
        term.keys("F5")
        term.wait_for(lambda s: "2 shown of 2 items" in s and "A4 复印纸" in s,
                      "the Inventory table")
        term.keys("i")
        term.wait_for(lambda s: "Quantity: Enter for Department" in s, "the issue form")
        term.type("4")
        term.keys("Enter")
        # A just-focused field: wait for the form to say so before typing into it.
        term.wait_for(lambda s: "Department: Enter for Person" in s, "the department field")
        term.type("财务科")
        term.keys("Enter")
        term.wait_for(lambda s: "Enter to save" in s, "the last field")
        term.keys("Enter")
        term.wait_for(lambda s: "Issue stock" not in s and "Issued 4 pack" in s, "the issue saved")
        term.keys("i")
        term.wait_for(lambda s: "Quantity: Enter for Department" in s, "the issue form again")
        term.type("7")
        term.keys("Enter")
        term.wait_for(lambda s: "Department: Enter for Person" in s, "the department field")
        term.type("财务科")
        term.keys("Enter")
        term.wait_for(lambda s: "Enter to save" in s, "the last field")
        term.keys("Enter")
        term.wait_for(lambda s: "only 6 in stock" in s, "the refusal with the stock")
        term.keys("Escape")
        term.wait_for(lambda s: "Issue stock" not in s, "the form closed")
        term.keys("t")
        term.wait_for(lambda s: "Item 1 of 2" in s, "the stocktake")
        term.type("5")
        term.keys("Enter")
        term.wait_for(lambda s: "Item 2 of 2" in s, "the second item")
        term.type("20")
        term.keys("Enter")
        term.wait_for(lambda s: "1 differ from the book" in s, "the summary of differences")
        term.keys("Enter")
        term.wait_for(lambda s: "Stocktake written" in s, "the stocktake written")
        quit_app(term)
    finally:
        term.kill()

    services = Services(db).open()
    try:
        inv = services.inventory
        assert inv.item("A4").stock == 5 and inv.item("PEN").stock == 20
        assert [m.kind for m in inv.history("A4")] == ["stocktake", "issue", "receive"]
        assert inv.history("A4")[1].department == "财务科"
        assert inv.ledger_sum("A4") == 5
    finally:
        services.close()
