"""The footer is rebuilt when its keys change, not on every bindings update."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from office_tui.tui.widgets.footer import Footer


class KeysScreen(Screen):
    BINDINGS = [Binding("a", "add", "Add"), Binding("x", "done", "Done")]
    can_close = True

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield Footer()

    def check_action(self, action: str, parameters) -> bool | None:
        return None if action == "done" and not self.can_close else True


class KeysApp(App):
    def on_mount(self) -> None:
        self.push_screen(KeysScreen())


def shown(app: App) -> dict[str, bool]:
    return {key.description: not key.has_class("-disabled")
            for key in app.screen.query(FooterKey)
            if key.description in ("Add", "Done")}


async def test_updates_that_change_nothing_do_not_rebuild_the_keys():
    app = KeysApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        first = footer.rebuilds
        assert first >= 1 and shown(app) == {"Add": True, "Done": True}
        for _ in range(5):
            app.screen.refresh_bindings()
            await pilot.pause()
        assert footer.rebuilds == first


async def test_a_key_that_changes_state_is_shown_changed():
    app = KeysApp()
    async with app.run_test() as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        before = footer.rebuilds
        app.screen.can_close = False
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert footer.rebuilds == before + 1
        assert shown(app) == {"Add": True, "Done": False}
