"""The floor: a bare Textual app with one Static, timed like the real screens."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("bench-ready")


if __name__ == "__main__":
    Bare().run()
