"""The verbs a clerk uses. The TUI, the CLI and the tests all call these."""

from office_tui.services.context import Services
from office_tui.services.errors import OfficeError

__all__ = ["OfficeError", "Services"]
