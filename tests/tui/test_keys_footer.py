"""The Jobs screen's footer dims and undims keys in place, and ends as Textual's Footer
would rebuild it: the same keys, labels, tooltips and dimmed keys."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from office_tui.tui.widgets.keys_footer import KeysFooter
from tests.tui.conftest import cursor_id, settle, table_ids

SIZE = (160, 30)


def keys(app) -> list[tuple]:
    return [(k.key, k.key_display, k.description, k.action, k.tooltip, k._disabled,
             k.has_class("-disabled")) for k in app.screen.query(FooterKey)]


async def same_as_rebuilt(app, pilot) -> None:
    shown = keys(app)
    footer = app.screen.query_one(KeysFooter)
    old = list(app.screen.query(FooterKey))
    footer.call_later(footer.recompose)  # Textual's own rebuild, as Footer does it
    await settle(pilot)
    assert not set(app.screen.query(FooterKey)) & set(old)  # rebuilt: new widgets
    assert keys(app) == shown


async def test_keys_are_dimmed_in_place_and_match_a_rebuilt_footer(services, make_app):
    supply = services.jobs.add("A4 paper x5 #领用 !high due:+1d").id
    repair = services.jobs.add("修灯 #报修 due:+2d").id
    car = services.jobs.add("送领导去区政府 #用车 due:+3d").id
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert table_ids(app) == [supply, repair, car]
        footer = app.screen.query_one(KeysFooter)
        before = list(app.screen.query(FooterKey))
        issue = next(k for k in before if k.action == "issue_stock")
        assert not issue._disabled  # `i` on a supply job
        await pilot.press("down")  # a repair job: `i` dimmed, the same keys
        await settle(pilot)
        assert cursor_id(app) == repair
        assert list(app.screen.query(FooterKey)) == before  # the same widgets: in place
        assert issue._disabled and issue.has_class("-disabled")
        await same_as_rebuilt(app, pilot)
        await pilot.press("down")  # the car job: `b` appears, so the footer is rebuilt
        await settle(pilot)
        assert cursor_id(app) == car
        assert "book" in [k.action for k in app.screen.query(FooterKey)]
        await same_as_rebuilt(app, pilot)
        await pilot.press("up", "up")  # back to the supply job: `b` gone, `i` lit
        await settle(pilot)
        assert cursor_id(app) == supply
        actions = {k.action: k for k in app.screen.query(FooterKey)}
        assert "book" not in actions and not actions["issue_stock"]._disabled
        await same_as_rebuilt(app, pilot)
        assert footer is app.screen.query_one(KeysFooter)
