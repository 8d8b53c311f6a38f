"""Textual's Footer, dimming keys in place.

On every change of the screen's keys Footer.recompose() removes and rebuilds every key
(~28 widgets on the Jobs screen: 10-35 ms of the UI thread right after the frame, which
the next key waits for). When the keys shown stay the same and only which of them are
enabled changed (the cursor moved from a supply job to another job: `i` is dimmed),
KeysFooter sets the keys' disabled state instead; anything else is the stock rebuild.

The keys that do not fit beside the command palette's key (docked right) are hidden,
whole, rather than drawn on under it: Textual cuts a line where any widget's region
starts or ends, and a wide character of the palette's label met by such a cut was drawn
as two blanks ("^p 命令  板" for 命令面板). Every action is in the palette anyway.

Each rebuild also left the old keys alive: FooterKey.data_bind(compact=Footer.compact)
files a watcher (key, callback) on the footer itself, which Textual prunes only when
`compact` changes, i.e. never (Textual issue #6666). Every switch of screen, search or
triage that changed the keys kept ~15 dead keys with their styles: the app's memory grew
all day. After each rebuild the footer drops the watchers of keys that were removed.

Textual's private API used here, and nowhere else in office_tui: the FooterKey class
(textual.widgets._footer), its `_disabled` flag, and the "__watchers" table Reactive
keeps on an object (where it is missing, nothing is pruned). Where either is missing (a later
Textual moved or renamed it), every change is the stock rebuild. tests/tui/
test_keys_footer.py checks the result against a rebuilt footer, and again with FooterKey
missing and with `_disabled` renamed.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Footer

try:
    from textual.widgets._footer import FooterKey
except ImportError:  # moved in a later Textual: the stock rebuild every time
    FooterKey = None


class KeysFooter(Footer):
    async def recompose(self) -> None:
        # Footer.bindings_changed() asks for this after every change of the screen's keys.
        if self.is_attached and self._dim_in_place():
            return
        await super().recompose()
        self.drop_dead_watchers()
        self.fit_keys()

    def drop_dead_watchers(self) -> None:
        """Forget the watchers removed keys filed on this footer (see the module's doc)."""
        watchers = getattr(self, "__watchers", None)
        if not isinstance(watchers, dict):
            return
        for entries in watchers.values():
            if isinstance(entries, list):
                entries[:] = [(node, callback) for node, callback in entries
                              if not (getattr(node, "_closing", False)
                                      or getattr(node, "_closed", False))]

    def on_resize(self) -> None:
        self.fit_keys()

    def fit_keys(self) -> None:
        """Show the keys, in their order, while they fit left of the palette's key."""
        width = self.size.width
        if not width:
            return  # not laid out yet: on_resize comes
        keys = [k for k in self.children if not k.has_class("-command-palette")]
        room = width - sum(self._width(k) for k in self.children
                           if k.has_class("-command-palette"))
        used = 0
        for key in keys:
            used += self._width(key)
            key.display = used <= room

    def _width(self, widget) -> int:
        """The cells `widget` takes in the footer's row, shown or not: a FooterKey from
        its label and its paddings, as FooterKey.render() lays it out (rendering each key
        to measure it would cost the first frame ~5 ms); anything else measured."""
        styles = widget.styles
        outside = styles.gutter.width + styles.margin.width
        if FooterKey is not None and type(widget) is FooterKey:
            key = widget.get_component_styles("footer-key--key").padding
            label = widget.get_component_styles("footer-key--description").padding
            content = cell_len(widget.key_display) + key.left + key.right
            if widget.description:
                content += cell_len(widget.description) + label.left + label.right
            return content + outside
        return widget.get_content_width(self.size, self.app.size) + outside

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

    def _dim_in_place(self) -> bool:
        """Dim and light the keys shown to match the screen's, where that ends as the
        stock rebuild would: the same keys, each a FooterKey with its `_disabled` flag.
        False (nothing changed) otherwise."""
        if FooterKey is None:
            return False
        keys = list(self.children)
        if not all(type(k) is FooterKey and hasattr(k, "_disabled") for k in keys):
            return False
        wanted = self.wanted_keys()
        if wanted is None or [w[:5] for w in wanted] != [
                (k.key, k.key_display, k.description, k.action, k.tooltip) for k in keys]:
            return False
        for key, (*_same, enabled) in zip(keys, wanted):
            if key._disabled == enabled:  # its dimming is out of date
                key._disabled = not enabled
                key.set_class(not enabled, "-disabled")
        return True
