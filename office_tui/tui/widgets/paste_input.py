"""The quick-add box: an Input that takes a pasted message whole.

Textual's Input keeps only the first line of a paste, and a chat message or an e-mail is
several lines. A paste into the empty box that is not quick-add syntax (no `#`, `!`, `@`,
`~`, `>` or `due:` word), or of several lines, is a message: the box posts MessagePasted and
the screen proposes a job from it. Any other paste goes in as one line (its lines joined
by a space), so nothing pasted is lost.
"""

from __future__ import annotations

import re

from textual import events
from textual.message import Message
from textual.widgets import Input

# A word quick-add reads as a token (core/quickadd.py): what makes a paste quick-add text.
_TOKEN = re.compile(r"(?:^|\s)(?:[#!@~>]\S|due:\S)", re.IGNORECASE)


def is_message(text: str) -> bool:
    """A paste read as a message rather than quick-add text."""
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 or (bool(lines) and _TOKEN.search(text) is None)


class PasteInput(Input):
    """`read_messages=False`: every paste goes in as one line (the message field itself)."""

    def __init__(self, *args, read_messages: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.read_messages = read_messages

    class MessagePasted(Message):
        def __init__(self, box: PasteInput, text: str) -> None:
            super().__init__()
            self.box = box
            self.text = text

        @property
        def control(self) -> PasteInput:
            return self.box

    def on_paste(self, event: events.Paste) -> None:
        # Runs before Input's own paste handler, which prevent_default() skips.
        event.stop()
        event.prevent_default()
        text = event.text or ""
        if not text.strip():
            return
        if self.read_messages and not self.value.strip() and is_message(text):
            self.post_message(self.MessagePasted(self, text.strip()))
            return
        self.insert_text_at_cursor(" ".join(text.split()))
