"""Due-date words of the quick-add grammar, in English and Chinese.

A date without a time means the close of work that day. `eod` is the close of the
current working day (the next one once it has passed); `+2h` counts wall-clock hours.

The same words serve every date a person gives: `parse_moment` reads a moment
(`明天 15:00`, `tomorrow 9:00`, `2026-11-30 09:00`, `fri@14:00`, `+2h`) for the CLI's
--from/--to/--due/--by and the forms; `parse_date` reads a day (`明天`, `fri`,
`2026-11-30`, `+3d`, `yesterday`) for --date, a report's --from/--to, a service date.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.errors import OfficeError
from office_tui.i18n import _

# The days the app computes with. Python's dates end at year 9999 and a due, a report
# period or a kit's offsets reach a little past what is typed, so every date a person
# gives is checked against this range where it is parsed (here), with one message.
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(2200, 12, 31)


class DateParseError(ValueError):
    """A due value that cannot be understood."""


class DateRangeError(DateParseError, OfficeError):
    """A real date outside FIRST_DAY..LAST_DAY: refused with the range named.

    Also an OfficeError, so it reaches a person as it is, through any layer."""


def out_of_range(day: str) -> DateRangeError:
    return DateRangeError(_("{day} is outside the dates the app works with: "
                            "{first} to {last}.").format(
        day=day, first=FIRST_DAY.isoformat(), last=LAST_DAY.isoformat()))


def in_range(value: date) -> date:
    """`value` (a date or datetime) when its day lies in the range; else DateRangeError."""
    day = value.date() if isinstance(value, datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise out_of_range(day.isoformat())
    return value


def day_in_range(year: int, month: int, day: int) -> date:
    """The date, checked against the range before it is built: a year 0 or 99999 is a
    range error, not a ValueError from datetime; a day no year has (02-30) is ValueError."""
    date(2000 + year % 400, month, day)  # the same leap years as `year`
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise out_of_range(f"{year:04d}-{month:02d}-{day:02d}")
    return in_range(date(year, month, day))


def iso_day(text: str) -> date:
    """`YYYY-MM-DD` (as date.fromisoformat reads it) within the range; ValueError if it is
    not a date, DateRangeError if it is one outside the range."""
    value = str(text).strip()
    if match := _ISO_DATE.match(value):
        return day_in_range(*(int(g) for g in match.groups()))
    return in_range(date.fromisoformat(value))


_WEEKDAYS = {
    "mon": 0, "monday": 0, "周一": 0, "星期一": 0,
    "tue": 1, "tuesday": 1, "周二": 1, "星期二": 1,
    "wed": 2, "wednesday": 2, "周三": 2, "星期三": 2,
    "thu": 3, "thursday": 3, "周四": 3, "星期四": 3,
    "fri": 4, "friday": 4, "周五": 4, "星期五": 4,
    "sat": 5, "saturday": 5, "周六": 5, "星期六": 5,
    "sun": 6, "sunday": 6, "周日": 6, "周天": 6, "星期日": 6, "星期天": 6,
}
_RELATIVE_DAYS = {
    "today": 0, "今天": 0, "今日": 0,
    "tomorrow": 1, "tmr": 1, "明天": 1, "明日": 1,
    "后天": 2,
    "yesterday": -1, "昨天": -1, "昨日": -1, "前天": -2,
}
_TIME = re.compile(r"^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_OFFSET = re.compile(r"^\+(\d{1,5})([dhmw])$")


def parse_due(value: str, now: datetime, calendar: WorkingCalendar) -> datetime:
    """Turn a due value (`tomorrow@14:00`, `明天@9:30`, `+3d`, ...) into a moment."""
    text = value.strip().lower()
    if not text:
        raise DateParseError(_("empty date"))
    try:
        return in_range(_parse(text, now, calendar))
    except DateParseError:
        raise
    except OverflowError:  # an offset past year 9999
        raise out_of_range(value.strip()) from None
    except ValueError as exc:
        raise DateParseError(str(exc)) from None


def _parse(text: str, now: datetime, calendar: WorkingCalendar) -> datetime:
    if text.count("@") > 1:
        raise DateParseError(_("too many '@'"))
    if "@" in text:
        day_text, time_text = text.split("@")
        clock = _parse_time(time_text)
        if clock is None:
            raise DateParseError(_("bad time"))
        return datetime.combine(_parse_day(day_text, now), clock)
    if text == "eod":
        return calendar.end_of_workday(now)
    if match := _OFFSET.match(text):
        amount, unit = int(match.group(1)), match.group(2)
        if unit == "h":
            return now + timedelta(hours=amount)
        if unit == "m":
            return now + timedelta(minutes=amount)
        days = amount * 7 if unit == "w" else amount
        return datetime.combine(now.date() + timedelta(days=days), calendar.end)
    clock = _parse_time(text)
    if clock is not None:  # a bare time is its next occurrence: 9:00 typed at 10:00 is tomorrow
        moment = datetime.combine(now.date(), clock)
        return moment if moment > now else moment + timedelta(days=1)
    return datetime.combine(_parse_day(text, now), calendar.end)


def _parse_time(text: str) -> time | None:
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute, second = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateParseError(_("bad time"))
    return time(hour, minute, second)


def _parse_day(text: str, now: datetime) -> date:
    text = text.strip()
    today = now.date()
    if text in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[text])
    if text in _WEEKDAYS:
        ahead = (_WEEKDAYS[text] - today.weekday() - 1) % 7 + 1  # strictly after today
        return today + timedelta(days=ahead)
    if text.startswith("下") and text[1:] in _WEEKDAYS:
        monday_next_week = today + timedelta(days=7 - today.weekday())
        return monday_next_week + timedelta(days=_WEEKDAYS[text[1:]])
    if match := _ISO_DATE.match(text):
        return day_in_range(*(int(g) for g in match.groups()))
    raise DateParseError(_("unknown date"))


# "2026-11-30T09:00" (ISO), "明天 15:00", "tomorrow  9:00", "明天15:00": a day and a time.
_ISO_T = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})t(\d)")
_GLUED = re.compile(r"^([^\d\s@+:]+)(\d{1,2}:\d{2}(?::\d{2})?)$")


def _normalise(value: str) -> str:
    """Full-width digits and colons from a Chinese IME made plain, case and runs of
    spaces folded."""
    text = unicodedata.normalize("NFKC", value or "").strip().lower()
    return " ".join(text.split())


def parse_moment(value: str, now: datetime, calendar: WorkingCalendar) -> datetime:
    """A moment in the quick-add's words, with the day and the time apart or together:
    `明天 15:00`, `明天@15:00`, `tomorrow 9:00`, `2026-11-30 09:00`, `2026-11-30T09:00`,
    `周五 9:30`, `+2h`, `14:00`, `eod`; a day alone is the close of work that day."""
    text = _ISO_T.sub(r"\1@\2", _normalise(value))
    if "@" not in text:
        day, _sep, clock = text.rpartition(" ")
        if day and _TIME.match(clock):
            text = f"{day}@{clock}"
        elif match := _GLUED.match(text):
            text = f"{match.group(1)}@{match.group(2)}"
    text = text.replace(" @", "@").replace("@ ", "@")
    if " " in text:
        raise DateParseError(_("unknown date"))
    return parse_due(text, now, calendar)


def parse_date(value: str, today: date) -> date:
    """A day in the quick-add's words: `today`, `明天`, `yesterday`, `fri`, `下周一`,
    `2026-11-30`, `+3d`, `+1w`."""
    text = _normalise(value)
    if not text:
        raise DateParseError(_("empty date"))
    if match := _OFFSET.match(text):
        amount, unit = int(match.group(1)), match.group(2)
        if unit in "dw":
            try:
                return in_range(today + timedelta(days=amount * 7 if unit == "w" else amount))
            except OverflowError:
                raise out_of_range(value.strip()) from None
        raise DateParseError(_("a day, without a time"))
    try:
        return in_range(_parse_day(text, datetime.combine(today, time())))
    except DateParseError:
        raise
    except ValueError as exc:  # a day no month has: 2026-02-30
        raise DateParseError(str(exc)) from None


def day_from(value: str, today: date, what: str | None = None) -> date:
    """parse_date, or OfficeError with one line naming `what` (an option, a field)."""
    try:
        return parse_date(value, today)
    except DateParseError as exc:
        if isinstance(exc, OfficeError):  # already a message for a person (a range)
            raise
        message = _("Bad date '{value}': write a day like 2026-11-30, tomorrow, fri or "
                    "+3d.").format(value=value)
        raise OfficeError(_("{what}: {message}").format(what=what, message=message)
                          if what else message) from None
