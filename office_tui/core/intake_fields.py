"""A proposal's fields as the clerk sees and corrects them in the app: each shown as text
(in the interface language) and read back from what was typed.

The values shown round-trip: a field left alone reads back as it was proposed, and a
corrected one takes the words the rest of the app accepts (a category or importance in
either language, a due in the quick-add's words: 明天 9:00, fri, 2026-12-04 08:00).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.dates import DateParseError, parse_moment
from office_tui.core.intake import Proposal
from office_tui.core.vocab import (
    CATEGORIES, IMPORTANCES, category_choices, category_label, importance_choices,
    importance_label, normalise_category, normalise_importance,
)
from office_tui.i18n import _

# The fields the clerk can correct, in the order they are shown.
EDITABLE = ("title", "category", "department", "requester", "due", "importance")

DUE_FORMAT = "%Y-%m-%d %H:%M"
_EXPEDITE_WORDS = {"expedite", "urgent", "!!", "加急", "急"}
_SPLIT = re.compile(r"[\s,，、;；/]+")


def expedite_word() -> str:
    return _("expedite")


def shown(proposal: Proposal, name: str) -> str:
    """The field's value as the form shows it ("" when the message did not say)."""
    if name == "title":
        return proposal.title
    if name == "category":
        return category_label(proposal.category) if proposal.category else ""
    if name == "department":
        return proposal.department or ""
    if name == "requester":
        return proposal.requester or ""
    if name == "due":
        return proposal.due.strftime(DUE_FORMAT) if proposal.due else ""
    if name == "importance":
        words = [importance_label(proposal.importance)] if proposal.importance else []
        if proposal.expedite:
            words.append(expedite_word())
        # Translators: between the names of a list; zh: 、
        return _(", ").join(words)
    raise KeyError(name)


def _category(text: str) -> str | None:
    labels = {category_label(c).casefold(): c for c in CATEGORIES}
    return normalise_category(text) or labels.get(text.strip().casefold())


def _importance(text: str) -> str | None:
    labels = {importance_label(i).casefold(): i for i in IMPORTANCES}
    return normalise_importance(text) or labels.get(text.strip().casefold())


def corrected(proposal: Proposal, name: str, text: str, now: datetime,
              calendar: WorkingCalendar) -> Proposal:
    """The proposal with field `name` read from `text`; ValueError says what is wrong in
    one line. An empty field clears it (the job then takes the defaults: category other,
    importance normal, the due from the time limits)."""
    value = " ".join((text or "").split())
    if name == "title":
        if not value:
            raise ValueError(_("A job needs a title."))
        return replace(proposal, title=value)
    if name == "category":
        category = _category(value) if value else None
        if value and category is None:
            raise ValueError(_("Unknown category '{value}': use one of {choices}.").format(
                value=value, choices=category_choices()))
        return replace(proposal, category=category)
    if name in ("department", "requester"):
        return replace(proposal, **{name: value or None})
    if name == "due":
        if not value:
            return replace(proposal, due=None)
        try:
            return replace(proposal, due=parse_moment(value, now, calendar))
        except DateParseError:
            raise ValueError(_("Bad due '{value}': write a moment like tomorrow 9:00, fri, "
                               "+2h or 2026-12-04 08:00.").format(value=value)) from None
    if name == "importance":
        importance, expedite = None, False
        for word in (w for w in _SPLIT.split(value) if w):
            if word.casefold() in _EXPEDITE_WORDS or word.casefold() == expedite_word().casefold():
                expedite = True
            elif (found := _importance(word)) is not None and importance is None:
                importance = found
            else:
                raise ValueError(_("Unknown importance '{value}': use one of {choices}, "
                                   "and {expedite} if it is expedited.").format(
                    value=word, choices=importance_choices(), expedite=expedite_word()))
        return replace(proposal, importance=importance, expedite=expedite)
    raise KeyError(name)
