"""One exception type for everything a person did wrong, with a message to show them."""

from office_tui.core.errors import OfficeError

__all__ = ["OfficeError"]
