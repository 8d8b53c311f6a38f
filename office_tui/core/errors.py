"""The one exception type for everything a person should be told about.

Defined in core so every layer can raise it (the store's StoreError is a kind of it);
the services re-export it as office_tui.services.OfficeError.
"""


class OfficeError(Exception):
    """Refused input, a refused action or an unusable file; nothing was written."""
