"""Short, translated phrases for moments: "in 2h", "overdue 1d"."""

from __future__ import annotations

from datetime import datetime

from office_tui.i18n import _


def _span(minutes: float) -> str:
    minutes = abs(minutes)
    if minutes < 60:
        return _("{n}m").format(n=int(minutes))
    hours = minutes / 60
    if hours < 24:
        return _("{n}h").format(n=int(hours))
    return _("{n}d").format(n=int(hours // 24))


def relative_due(due: datetime | None, now: datetime) -> str:
    if due is None:
        return "—"
    minutes = (due - now).total_seconds() / 60
    if minutes < 0:
        return _("overdue {span}").format(span=_span(minutes))
    return _("in {span}").format(span=_span(minutes))


def short_moment(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "—"
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if moment.year == now.year:
        return moment.strftime("%m-%d %H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")
