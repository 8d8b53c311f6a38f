"""The quick-add grammar: free text with tokens anywhere.

`!high` `!h` `!高` importance, `!!` `!急` expedite, `due:VALUE`, `@department`,
`@@place` location, `~requester`, `>handler` (who does it: 责任人), `asset:TAG` (the fixed asset it is about), `#category`. Everything
else is the title, with its own spacing kept exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.dates import DateParseError, DateRangeError, parse_due
from office_tui.core.vocab import category_choices, normalise_category, normalise_importance
from office_tui.i18n import _


class QuickAddError(ValueError):
    """The text cannot be turned into a job; the message names the bad token."""


@dataclass(frozen=True)
class ParsedJob:
    title: str
    importance: str | None = None
    expedite: bool = False
    due: datetime | None = None
    department: str | None = None
    category: str | None = None
    requester: str | None = None
    location: str | None = None
    handler: str | None = None
    asset: str | None = None  # a fixed asset's tag: the job is about it (a repair)


_EXPEDITE = {"!!", "!急"}
_PIECES = re.compile(r"(\s+)")


def parse(text: str, now: datetime, calendar: WorkingCalendar) -> ParsedJob:
    pieces = _PIECES.split(text)  # words at even indexes, separators at odd ones
    fields: dict[str, object] = {}
    keep = [True] * len(pieces)
    for index in range(0, len(pieces), 2):
        word = pieces[index]
        if word and _take_token(word, fields, now, calendar):
            keep[index] = False
    title = _join_kept(pieces, keep).strip()
    if not title:
        raise QuickAddError(_("The title is empty: write what is needed."))
    return ParsedJob(title=title, **fields)  # type: ignore[arg-type]


def _take_token(word: str, fields: dict, now: datetime, calendar: WorkingCalendar) -> bool:
    """Record a recognised token in `fields`; False leaves the word in the title."""
    if word in _EXPEDITE:
        fields["expedite"] = True
        return True
    if word.startswith("!") and len(word) > 1:
        importance = normalise_importance(word[1:])
        if importance:
            fields["importance"] = importance
            return True
        return False
    if word.lower().startswith("due:"):
        value = word[4:]
        try:
            fields["due"] = parse_due(value, now, calendar)
        except DateRangeError as exc:
            raise QuickAddError(_("'{token}': {reason}").format(token=word, reason=exc)) from None
        except DateParseError as exc:
            raise QuickAddError(
                _("Bad date in '{token}': {reason}. Try today, tomorrow@14:00, fri, "
                  "2026-12-01, +3d.").format(token=word, reason=exc)
            ) from None
        return True
    if word.lower().startswith("asset:") and len(word) > 6:
        fields["asset"] = word[6:]
        return True
    if word.startswith("@@") and len(word) > 2:
        fields["location"] = word[2:]
        return True
    if word.startswith("@") and len(word) > 1 and word != "@@":
        fields["department"] = word[1:]
        return True
    if word.startswith("~") and len(word) > 1 and not word[1].isdigit() and word[1] != "~":
        # "~50 copies" (about fifty) stays in the title, as "#302" does
        fields["requester"] = word[1:]
        return True
    if word.startswith(">") and len(word) > 1 and not word[1].isdigit() \
            and word[1] not in "=>":
        # ">5 people" and ">=" stay in the title
        fields["handler"] = word[1:]
        return True
    if word.startswith("#") and len(word) > 1:
        tag = word[1:]
        if tag.isdigit():  # "room #302" is part of the title
            return False
        category = normalise_category(tag)
        if category is None:
            raise QuickAddError(
                _("Unknown category in '{token}'. Use one of: {choices}.").format(
                    token=word, choices=category_choices()
                )
            )
        fields["category"] = category
        return True
    return False


def _join_kept(pieces: list[str], keep: list[bool]) -> str:
    """Join the kept words, dropping one separator beside each removed token."""
    out: list[str] = []
    pending_sep: str | None = None
    for index, piece in enumerate(pieces):
        if index % 2 == 1:
            pending_sep = piece if pending_sep is None else pending_sep
            continue
        if not keep[index] or piece == "":
            continue
        if out and pending_sep is not None:
            out.append(pending_sep)
        out.append(piece)
        pending_sep = None
    return "".join(out)
