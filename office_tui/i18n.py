"""Gettext wiring: every string a person sees goes through `_()`.

The language is chosen once at start-up (`--lang`, then OFFICE_TUI_LANG, then the
locale); catalogs live in office_tui/locale/<lang>/LC_MESSAGES/office_tui.mo.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

DOMAIN = "office_tui"
LOCALE_DIR = Path(__file__).parent / "locale"

_translation: gettext.NullTranslations = gettext.NullTranslations()


def detect_language(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    for var in ("OFFICE_TUI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_language(lang: str | None = None) -> str:
    """Install the catalog for `lang` (or the detected one); English needs none."""
    global _translation
    chosen = detect_language(lang)
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[chosen], fallback=True
    )
    return chosen


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)
