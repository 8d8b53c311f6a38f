"""Moments and spans for people, in the interface language.

Every shape comes from the catalog, so Chinese reads the Chinese way: "in 2h" is
"2小时后", "overdue 1d" is "逾期1天", "Fri 11-27 14:00" is "11月27日 周五 14:00".
Used by the CLI, the TUI and the reports alike.
"""

from __future__ import annotations

from datetime import date, datetime

from office_tui.i18n import _

NONE = "-"  # no date: ASCII, so an aligned column stays aligned on every terminal


def weekday_name(day: date) -> str:
    names = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
    return names[day.weekday()]


def clock(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def month_day(day: date) -> str:
    """11-27 / 11月27日."""
    # Translators: month and day of a date without the year; zh: {month}月{day}日
    return _("{month:02d}-{day:02d}").format(month=day.month, day=day.day)


def long_day(day: date) -> str:
    """Fri 2026-11-27 / 2026年11月27日 周五: a heading's date."""
    # Translators: a full date with its weekday; zh: {year}年{month}月{day}日 {weekday}
    return _("{weekday} {year}-{month:02d}-{day:02d}").format(
        weekday=weekday_name(day), year=day.year, month=day.month, day=day.day)


def day_moment(moment: datetime) -> str:
    """11-27 14:00 / 11月27日 14:00: a moment in a report line, without the weekday."""
    # Translators: month, day and time; zh: {month}月{day}日 {time}
    return _("{month:02d}-{day:02d} {time}").format(
        month=moment.month, day=moment.day, time=clock(moment))


def full_moment(moment: datetime) -> str:
    """2026-11-27 14:00 / 2026年11月27日 14:00."""
    # Translators: a full date and time; zh: {year}年{month}月{day}日 {time}
    return _("{year}-{month:02d}-{day:02d} {time}").format(
        year=moment.year, month=moment.month, day=moment.day, time=clock(moment))


def _span(minutes: float) -> str:
    minutes = abs(minutes)
    if minutes < 60:
        # Translators: a span in minutes, short; zh: {n}分钟
        return _("{n}m").format(n=int(minutes))
    hours = minutes / 60
    if hours < 24:
        # Translators: a span in hours, short; zh: {n}小时
        return _("{n}h").format(n=int(hours))
    # Translators: a span in days, short; zh: {n}天
    return _("{n}d").format(n=int(hours // 24))


def relative_due(due: datetime | None, now: datetime) -> str:
    """"in 2h" / "2小时后", "overdue 1d" / "逾期1天"."""
    if due is None:
        return NONE
    minutes = (due - now).total_seconds() / 60
    if minutes < 0:
        # Translators: a due already passed; zh: 逾期{span}
        return _("overdue {span}").format(span=_span(minutes))
    # Translators: a due still ahead; zh: {span}后
    return _("in {span}").format(span=_span(minutes))


def short_moment(moment: datetime | None, now: datetime) -> str:
    """14:00 today; Fri 11-27 14:00 this year (11月27日 周五 14:00); the year otherwise."""
    if moment is None:
        return NONE
    if moment.date() == now.date():
        return clock(moment)
    if moment.year == now.year:
        # Translators: a moment this year; zh: {month}月{day}日 {weekday} {time}
        return _("{weekday} {month:02d}-{day:02d} {time}").format(
            weekday=weekday_name(moment), month=moment.month, day=moment.day,
            time=clock(moment))
    return full_moment(moment)
