"""Textual's Footer, rebuilt only when what it shows has changed.

Textual's Footer rebuilds itself, one widget per key (26 on the Jobs screen), on every
bindings update of its screen: seven times while a screen starts, and after any
refresh_bindings(). This one rebuilds once per batch of updates, and only when the keys,
their labels or their enabled state differ from what is shown.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None
        self._pending = False
        self.rebuilds = 0  # how many times the keys were laid out (for tests)

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        shown = self._keys()
        if shown != self._shown:
            self._shown = shown
            self.rebuilds += 1
            await self.recompose()

    def _keys(self) -> tuple:
        return tuple((binding.key, binding.description, enabled, tooltip)
                     for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
                     if binding.show)
