"""Kept as an import path only: the app's one confirm modal is tui/modals/confirm.py."""

from office_tui.tui.modals.confirm import Confirm

__all__ = ["Confirm"]
