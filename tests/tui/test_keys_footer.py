"""The Jobs screen's footer dims and undims keys in place, and ends as Textual's Footer
would rebuild it: the same keys, labels, tooltips and dimmed keys. Where Textual's private
FooterKey or its `_disabled` flag is missing, it is the stock rebuild every time, with the
same keys."""

from __future__ import annotations

from pathlib import Path

import pytest
import textual.widgets._footer as textual_footer
from textual.binding import Binding
from textual.widgets import Footer

from office_tui.tui.screens import jobs as jobs_screen
from office_tui.tui.widgets import keys_footer
from office_tui.tui.widgets.keys_footer import KeysFooter
from office_tui.tui import app as app_module
from office_tui.tui.app import OfficeApp
from tests.tui.conftest import cursor_id, screen_text, settle, table_ids
from tests.tui.textual_variants import ours_against, renamed

SIZE = (160, 30)


def keys(app) -> list[tuple]:
    return [(k.key, k.key_display, k.description, k.action, k.tooltip,
             getattr(k, "_disabled", None), k.has_class("-disabled"))
            for k in app.screen.query("FooterKey")]


async def same_as_rebuilt(app, pilot) -> None:
    shown = keys(app)
    footer = app.screen.query_one(Footer)
    old = list(app.screen.query("FooterKey"))
    footer.call_later(Footer.recompose, footer)  # Textual's own rebuild
    await settle(pilot)
    assert not set(app.screen.query("FooterKey")) & set(old)  # rebuilt: new widgets
    assert keys(app) == shown


async def walk(app, pilot, supply: int, repair: int, car: int, *, in_place: bool) -> None:
    """Supply job -> repair job (`i` dimmed) -> car job (`b` appears) -> supply job."""
    await settle(pilot)
    assert table_ids(app) == [supply, repair, car]
    before = list(app.screen.query("FooterKey"))
    issue = next(k for k in before if k.action == "issue_stock")
    assert not issue.has_class("-disabled")  # `i` on a supply job
    await pilot.press("down")  # a repair job: `i` dimmed, the same keys
    await settle(pilot)
    assert cursor_id(app) == repair
    now = list(app.screen.query("FooterKey"))
    assert (now == before) is in_place  # the same widgets, or a rebuild
    issue = next(k for k in now if k.action == "issue_stock")
    assert issue.has_class("-disabled")
    await same_as_rebuilt(app, pilot)
    await pilot.press("down")  # the car job: `b` appears, so the footer is rebuilt
    await settle(pilot)
    assert cursor_id(app) == car
    assert "book" in [k.action for k in app.screen.query("FooterKey")]
    await same_as_rebuilt(app, pilot)
    await pilot.press("up", "up")  # back to the supply job: `b` gone, `i` lit
    await settle(pilot)
    assert cursor_id(app) == supply
    actions = {k.action: k for k in app.screen.query("FooterKey")}
    assert "book" not in actions and not actions["issue_stock"].has_class("-disabled")
    await same_as_rebuilt(app, pilot)


def three_jobs(services) -> tuple[int, int, int]:
    supply = services.jobs.add("A4 paper x5 #领用 !high due:+1d").id
    repair = services.jobs.add("修灯 #报修 due:+2d").id
    car = services.jobs.add("送领导去区政府 #用车 due:+3d").id
    return supply, repair, car


async def test_keys_are_dimmed_in_place_and_match_a_rebuilt_footer(services, make_app):
    jobs = three_jobs(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeysFooter)
        await walk(app, pilot, *jobs, in_place=True)
        assert footer is app.screen.query_one(KeysFooter)


@pytest.mark.parametrize("change", ["FooterKey moved", "_disabled renamed"])
async def test_without_the_private_api_the_footer_is_rebuilt_with_the_same_keys(
        services, make_app, monkeypatch, change):
    if change == "FooterKey moved":
        copy = ours_against(monkeypatch, keys_footer,
                            modules={"textual.widgets._footer": None})
        assert copy.FooterKey is None
    else:
        later = renamed(monkeypatch, textual_footer, "_disabled")
        copy = ours_against(monkeypatch, keys_footer, widgets={"Footer": later.Footer},
                            modules={"textual.widgets._footer": later})
        assert copy.FooterKey is later.FooterKey
    monkeypatch.setattr(jobs_screen, "KeysFooter", copy.KeysFooter)
    jobs = three_jobs(services)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert type(app.screen.query_one(Footer)) is copy.KeysFooter
        await walk(app, pilot, *jobs, in_place=False)


class ChinesePalette(OfficeApp):
    """The app with its palette key labelled as in Chinese (the key labels are made when
    the modules are imported, in English in this process)."""

    CSS_PATH = str(Path(app_module.__file__).with_name("office.tcss"))
    BINDINGS = [Binding("ctrl+p", "command_palette", "命令面板", show=False, priority=True,
                        id="palette")]


@pytest.mark.parametrize("mode", ["today", "jobs", "reports"])
async def test_a_wide_palette_label_is_drawn_whole_at_every_width(services, mode):
    three_jobs(services)
    app = ChinesePalette(services, poll_seconds=60.0, mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        for width in range(60, 141, 3):
            await pilot.resize_terminal(width, 24)
            await settle(pilot)
            text = screen_text(app)
            assert "命令面板" in text, (width, text[-400:])
            # No key is drawn under the palette key: each is whole, left of it.
            palette = app.screen.query_one("FooterKey.-command-palette")
            for key in app.screen.query("FooterKey"):
                if key is not palette and key.display:
                    assert key.region.right <= palette.region.x, (width, key.description)
