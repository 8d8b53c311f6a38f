"""The app is open all day: the footer's keys rebuilt on every change of the screen's
keys (a search opened and closed, the Roster's tab, a screen switch) must not stay alive.

Before the fix each rebuild left its old FooterKey widgets reachable through a watcher
Textual files on the footer (data_bind of `compact`): 44 more live widgets per search
opened and closed (10 rounds: 79 -> 519), 33 more per round of switches (294 -> 459).
"""

from __future__ import annotations

import gc

from textual.widget import Widget

from tests.tui.conftest import settle


def live(kind: type) -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if isinstance(obj, kind))


async def search_round(pilot) -> None:
    for key in ("slash", "a", "backspace", "escape"):
        await pilot.press(key)
    await settle(pilot, 1)


async def test_search_opened_and_closed_keeps_no_dead_widgets(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(3):  # warm-up: every key's first rebuild
            await search_round(pilot)
        before = live(Widget)
        for _ in range(10):
            await search_round(pilot)
        assert live(Widget) - before <= 5


async def test_switching_screens_and_tabs_keeps_no_dead_widgets(make_app):
    app = make_app()
    cycle = ("f2", "f3", "f4", "v", "f5", "f6", "f4", "v", "f3")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(2):
            for key in cycle:
                await pilot.press(key)
                await settle(pilot, 1)
        before = live(Widget)
        for _ in range(5):
            for key in cycle:
                await pilot.press(key)
                await settle(pilot, 1)
        assert live(Widget) - before <= 5
