"""office-tui: a keyboard-first terminal app for an office logistics clerk."""

__version__ = "0.1.1"
