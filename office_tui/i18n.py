"""Gettext wiring: every string a person sees goes through `_()`.

The interface language is chosen once, at start-up, before any help text or key label is
built: `--lang en|zh`, then the environment variable OFFICE_TUI_LANG, then the `language`
setting kept in the database (`office-tui config language zh`), then the locale
(LC_ALL, LC_MESSAGES, LANG starting with `zh`). English is the source language and needs
no catalog; Chinese comes from office_tui/locale/zh/LC_MESSAGES/office_tui.mo, compiled
from office_tui.po by `make i18n` (Babel).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable, Mapping
from pathlib import Path

DOMAIN = "office_tui"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "zh")
ENV_LANG = "OFFICE_TUI_LANG"
LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def normalise_language(value: str | None) -> str | None:
    """`zh`, `zh_CN.UTF-8`, `zh-Hans` → zh; `en`, `en_GB`, `C`, `POSIX` → en; else None."""
    if not value:
        return None
    value = value.strip().lower()
    if value.startswith("zh"):
        return "zh"
    if value.startswith("en") or value.split(".")[0] in ("c", "posix"):
        return "en"
    return None


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for: the first of LC_ALL, LC_MESSAGES, LANG set."""
    environ = os.environ if environ is None else environ
    for var in LOCALE_VARS:
        value = environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def choose_language(
    explicit: str | None = None,
    setting: Callable[[], str | None] | str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """--lang, then OFFICE_TUI_LANG, then the setting, then the locale.

    `setting` may be a callable so the database is only read when nothing before it
    decided. A value that is not a known language is passed over.
    """
    environ = os.environ if environ is None else environ
    for value in (explicit, environ.get(ENV_LANG)):
        found = normalise_language(value)
        if found:
            return found
    stored = setting() if callable(setting) else setting
    found = normalise_language(stored)
    if found:
        return found
    return locale_language(environ)


def set_language(lang: str | None = None) -> str:
    """Install the catalog for `lang` (or the one chosen from the environment)."""
    global _translation, _language
    chosen = normalise_language(lang) or choose_language()
    _translation = gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[chosen], fallback=True
    ) if chosen != "en" else gettext.NullTranslations()
    _language = chosen
    return chosen


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a string for extraction where it is translated later, at use."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` as meant in `context`, where one English word has several meanings
    (an Item of the day's list, 事项, is not an item of stock, 物品)."""
    return _translation.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translation.npgettext(context, singular, plural, n)
