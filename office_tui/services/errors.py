"""One exception type for everything a person did wrong, with a message to show them."""


class OfficeError(Exception):
    """Refused input or a refused action; nothing was written."""
