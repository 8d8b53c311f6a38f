"""Types shared by the store and the services."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]
"""A table row by column name: what the store reads and writes, and the services pass it."""
