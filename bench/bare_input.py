"""The key floor: a bare Textual app echoing keys into an Input, timed like the real keys."""

from textual.app import App, ComposeResult
from textual.widgets import Input, Static


class BareInput(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bench-ready")
        yield Input()


if __name__ == "__main__":
    BareInput().run()
