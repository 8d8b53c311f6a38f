"""Textual's Footer, dimming keys in place.

On every change of the screen's keys Footer.recompose() removes and rebuilds every key
(~28 widgets on the Jobs screen: 10-35 ms of the UI thread right after the frame, which
the next key waits for). When the keys shown stay the same and only which of them are
enabled changed (the cursor moved from a supply job to another job: `i` is dimmed),
KeysFooter sets the keys' disabled state instead; anything else is the stock rebuild.
tests/tui/test_keys_footer.py checks it against a rebuilt footer.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._update_keys)

    def wanted_keys(self) -> list[tuple] | None:
        """(key, display, description, action, tooltip, enabled) of each key Footer's
        compose() would make, in its order; None where it would group keys."""
        active = self.screen.active_bindings
        first: dict[str, tuple] = {}
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show:
                continue
            if binding.group is not None:
                return None
            first.setdefault(binding.action, (binding, enabled, tooltip or None))
        wanted = [(b.key, self.app.get_key_display(b), b.description, b.action, tip, enabled)
                  for b, enabled, tip in first.values()]
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, b, enabled, _tip = found
                wanted.append((b.key, self.app.get_key_display(b), b.description, b.action,
                               b.tooltip or b.description or None, enabled))
        return wanted

    async def _update_keys(self) -> None:
        wanted = self.wanted_keys()
        keys = list(self.children)
        if wanted is not None and all(type(k) is FooterKey for k in keys) and [
                w[:5] for w in wanted] == [
                (k.key, k.key_display, k.description, k.action, k.tooltip) for k in keys]:
            for key, (*_same, enabled) in zip(keys, wanted):
                if key._disabled == enabled:  # its dimming is out of date
                    key._disabled = not enabled
                    key.set_class(not enabled, "-disabled")
            return
        await self.recompose()
