"""When a message wants its job done: the date and time phrases of chat messages and
e-mails, in Chinese and English, read relative to the moment the message was sent.

A phrase is built from pieces found side by side: a day (明天, 下周三, 12月10日,
tomorrow, on Friday), a part of the day (上午, 下班前, afternoon) and a clock time
(三点半, 两点一刻, 15:30, 9am), with a leading 在/by/before and a trailing 前/之前/左右/的
taken with it. Standing alone are spans (两小时内, 半小时后, within 2 hours), deadlines
(月底前, 本周内, end of the month) and haste (马上 = within the hour, 尽快/asap = by
today's close of work).

Meaning, as a due: a day alone is its close of work; a part of the day without a clock is
its end (上午 → 12:00, 下午 → close of work; 早上/一早 → the start of work; 晚上 → 20:00);
a clock time is taken as stated (an event takes its stated time). A bare weekday is the
next one after today; 本周/this is this week's, 下周/next is next week's. An hour 1-6
without 上午/am is in the afternoon. A clock without a day takes the day (and part of the
day) of the phrase before it ("明早来调研，九点到" is tomorrow 09:00), or else its next
occurrence. Past days (昨天, 上周五) are not dues. Of several phrases, the earliest still
ahead is the due: "下周一开会，周五前把材料印好" is due Friday.
"""

from __future__ import annotations

import calendar as _months
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.cn_numbers import CHARS, number
from office_tui.core.dates import FIRST_DAY, LAST_DAY
from office_tui.core.intake_text import fold

# -- the pieces ---------------------------------------------------------------------------
_N = rf"(?:\d{{1,2}}|[{CHARS}]{{1,3}})"  # a small number, digits or Chinese
_CN_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
                "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_EN_WEEKDAYS = {"monday": 0, "tuesday": 1, "tues": 1, "wednesday": 2, "thursday": 3,
                "thurs": 3, "friday": 4, "saturday": 5, "sunday": 6}
_EN_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
              "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
             r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_RELATIVE = {"今天": 0, "今日": 0, "今儿": 0, "明天": 1, "明日": 1, "明儿": 1, "后天": 2,
             "大后天": 3, "today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1,
             "the day after tomorrow": 2}
_DAY_PARTS = {"今早": (0, "早上"), "今晨": (0, "早上"), "明早": (1, "早上"), "明晨": (1, "早上"),
              "今晚": (0, "晚上"), "今夜": (0, "晚上"), "明晚": (1, "晚上"), "明夜": (1, "晚上")}
# Parts of the day: which half a bare hour falls in, and the end of the part as a due.
_AM = {"早上", "早晨", "清早", "一早", "一大早", "上午", "凌晨", "早", "first thing", "morning",
       "this morning", "in the morning"}
_PM = {"下午", "午后", "傍晚", "晚上", "夜里", "晚", "afternoon", "this afternoon",
       "in the afternoon", "evening", "this evening", "in the evening", "tonight"}
_NOON = {"中午", "noon", "midday", "lunchtime", "lunch time"}
_START_OF_WORK = {"早上", "早晨", "清早", "一早", "一大早", "早", "first thing"}
_END_OF_WORK = {"下午", "午后", "全天", "一整天", "整天", "白天", "下班前", "下班之前", "下班以前",
                "afternoon", "this afternoon", "in the afternoon", "all day", "end of day",
                "end of the day", "close of business", "eod", "cob"}
_PART_ENDS = {"上午": time(12), "morning": time(12), "this morning": time(12),
              "in the morning": time(12), "傍晚": time(18), "晚上": time(20), "夜里": time(20),
              "晚": time(20), "evening": time(20), "this evening": time(20),
              "in the evening": time(20), "tonight": time(20), "凌晨": time(6)}
_WORDS_AS_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                     "six": 6, "half a": 0.5, "half an": 0.5, "半": 0.5, "一个半": 1.5}

_PIECES = re.compile(
    "|".join([
        # spans of time from now (before the day-of-month rule: 3日内 is three days)
        rf"(?P<off>(?P<off_n>一个半|半|\d{{1,3}}|[{CHARS}]{{1,3}})个?"
        r"(?P<off_u>小时|钟头|分钟|个工作日|工作日|天|日|周|星期|礼拜)"
        r"(?P<off_x>之内|以内|内|以后|之后|后))",
        r"(?P<eoff>(?<![a-z])(?:within|in)\s+(?P<eoff_n>\d{1,3}|half an?|an?|one|two|three|"
        r"four|five|six)\s+(?P<eoff_u>hours?|hrs?|minutes?|mins?|working days?|"
        r"business days?|days?|weeks?)(?![a-z]))",
        # haste
        r"(?P<now>马上|立刻|立即|立马|赶紧|赶快|即刻|火速|(?<![a-z])(?:right away|"
        r"immediately|right now|straight away)(?![a-z]))",
        r"(?P<asap>尽快|尽早|越快越好|(?<![a-z])(?:asap|a\.s\.a\.p\.?|as soon as possible)"
        r"(?![a-z]))",
        # deadlines
        r"(?P<month_end>(?:本月|这个?月|下个?月)?(?:月底|月末)|(?<![a-z])(?:the\s+)?end\s+of\s+"
        r"(?:the\s+|this\s+)?month(?![a-z])|(?<![a-z])month[- ]end(?![a-z]))",
        r"(?P<week_end>(?:本|这个?|下个?)(?:周|星期|礼拜)(?:之内|以内|内)|(?<![a-z])(?:the\s+)?"
        r"end\s+of\s+(?:the\s+|this\s+)?week(?![a-z])|(?<![a-z])this\s+week(?![a-z]))",
        r"(?P<year_end>(?:今年)?(?:年底|年末)(?!了)|(?<![a-z])(?:the\s+)?end\s+of\s+"
        r"(?:the\s+|this\s+)?year(?![a-z]))",
        # past days: read, then dropped (昨天上午 is not today's morning)
        r"(?P<past>昨天|昨日|前天|昨晚|上+个?(?:周|星期|礼拜)[一二三四五六日天]?|"
        r"(?<![a-z])(?:yesterday|last\s+(?:week|monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday))(?![a-z]))",
        # days
        r"(?P<daypart>今早|今晨|明早|明晨|今晚|今夜|明晚|明夜)",
        r"(?P<rel>大后天|后天|今天|今日|今儿|明天|明日|明儿)",
        r"(?P<week>(?<![上每一])(?P<week_pre>下下个?|下个?|本|这个?|)(?:周|星期|礼拜)"
        r"(?P<week_day>[一二三四五六日天1-7]))",
        r"(?P<iso>(?<!\d)(?P<iso_y>\d{4})[-/.](?P<iso_m>\d{1,2})[-/.](?P<iso_d>\d{1,2})(?!\d))",
        r"(?P<md>(?:(?P<md_y>\d{4})年)?(?P<md_m>\d{1,2}|十[一二]?|[一二三四五六七八九])月"
        r"(?P<md_d>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])(?:日|号)?)",
        rf"(?P<dom>(?<![\d月期拜周号.])(?P<dom_d>\d{{1,2}}|[一二三]?十[一二三四五六七八九]?|"
        rf"[一二三四五六七八九])(?:号|日)(?=前|之前|以前|上午|下午|晚上|早上|中午|全天|当天|之内|"
        rf"以内|\d|[{CHARS}]{{1,3}}[点时]|[\s,.;:!?。、的去到来开要]|$))",
        r"(?P<en_rel>(?<![a-z])(?:the day after tomorrow|today|tonight|tomorrow|tmrw|tmr)"
        r"(?![a-z]))",
        r"(?P<en_week>(?<![a-z])(?:(?P<en_week_pre>this coming|this|next)\s+)?(?P<en_week_day>monday|"
        r"tuesday|tues|wednesday|thursday|thurs|friday|saturday|sunday)(?:'s)?(?![a-z]))",
        rf"(?P<en_md>(?<![a-z])(?P<en_md_m>{_MONTH_RE})\.?\s+(?P<en_md_d>\d{{1,2}})"
        r"(?:st|nd|rd|th)?(?![\d:a-z]))",
        rf"(?P<en_dm>(?<![\d:])(?P<en_dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<en_dm_m>{_MONTH_RE})(?![a-z]))",
        # parts of the day
        r"(?P<part>下班之前|下班以前|下班前|一大早|早上|早晨|清早|一早|上午|中午|下午|午后|傍晚|晚上|"
        r"夜里|凌晨|全天|一整天|整天|白天|(?<![a-z])(?<!good )(?:first thing|this morning|"
        r"this afternoon|this evening|in the morning|in the afternoon|in the evening|"
        r"end of (?:the )?day|close of business|all day|lunch ?time|morning|afternoon|"
        r"evening|noon|midday|eod|cob)(?![a-z]))",
        rf"(?P<part1>[早晚](?=\d|[{CHARS}]{{1,3}}[点时]))",
        # clock times
        r"(?P<en_clock>(?<![a-z\d:])(?:at\s+)?(?P<ec_h>\d{1,2})(?::(?P<ec_m>\d{2}))?\s*"
        r"(?P<ec_ap>a\.?m\.?|p\.?m\.?)(?![a-z]))",
        r"(?P<hhmm>(?<![\d:.])(?:(?<![a-z])at\s+)?(?P<hh>\d{1,2}):(?P<mm>\d{2})(?![\d:]))",
        rf"(?P<cn_clock>(?<![\d{CHARS}])(?P<cc_h>{_N})(?:点钟|点|时)(?:(?P<cc_half>半)|"
        rf"(?P<cc_q>一刻|三刻|1刻|3刻)|(?P<cc_m>\d{{1,2}}|[{CHARS}]{{1,3}})分?)?)",
        r"(?P<at_hour>(?<![a-z])at\s+(?P<at_h>\d{1,2})(?=\s*(?:$|[,.;!?]|today|tomorrow|"
        r"on\s|this\s|next\s)))",
    ])
)
_CLOCKS = ("en_clock", "hhmm", "cn_clock", "at_hour")
_DAYS = ("daypart", "rel", "week", "iso", "md", "dom", "en_rel", "en_week", "en_md", "en_dm")
_PARTS = ("part", "part1")
_ALONE = ("off", "eoff", "now", "asap", "month_end", "week_end", "year_end")
_RANGE = re.compile(r"\s*(?:到|至|~|-|–|—|to)\s*$")
_PREFIX_CN = re.compile(r"(?:在|于|最晚|最迟)$")
_PREFIX_EN = re.compile(r"(?<![a-z])(?:no later than|by|before|on|at|for|until|till|due)\s+$")
_SUFFIX = re.compile(r"(?:之前|以前|前|之内|以内|内|左右|当天)?(?:的(?=[\u4e00-\u9fff]))?")
_IDIOM_BEFORE = set("快早多少慢好大小高低轻晚差再有这那")  # 快一点 is "a bit faster"


@dataclass
class _Piece:
    kind: str
    start: int
    end: int
    match: re.Match


@dataclass
class _Group:
    start: int
    end: int
    pieces: list[_Piece] = field(default_factory=list)


@dataclass(frozen=True)
class DueFound:
    """The due a message asks for, the spans that gave it, and the other date words
    (read and left out of the title, but not the due)."""

    due: datetime | None = None
    used: tuple[tuple[int, int], ...] = ()
    other: tuple[tuple[int, int], ...] = ()


@dataclass
class _Candidate:
    moment: datetime
    spans: list[tuple[int, int]]
    day: date | None = None
    part: str | None = None
    clock: bool = False
    explicit_day: bool = False


def find_due(text: str, sent: datetime, calendar: WorkingCalendar,
             folded: str | None = None, skip: tuple[tuple[int, int], ...] = ()) -> DueFound:
    """The due of `text` sent at `sent`; `skip` are spans already taken by other fields."""
    low = folded if folded is not None else fold(text)
    pieces = [p for p in _pieces(low) if not any(a < p.end and p.start < b for a, b in skip)]
    candidates: list[_Candidate] = []
    previous: _Candidate | None = None
    for group in _groups(pieces, low):
        if any(p.kind == "past" for p in group.pieces):
            continue
        span = _widen(group, low)
        try:
            if group.pieces[0].kind in _ALONE:
                found = _alone(group.pieces[0], sent, calendar)
                if found is not None:
                    candidates.append(_Candidate(found, [span]))
                continue
            found = _resolve(group, span, previous, sent, calendar)
        except (ValueError, OverflowError):
            found = None
        if found is None:
            continue
        candidate, supersedes = found
        if supersedes is not None and supersedes in candidates:
            candidates.remove(supersedes)
            candidate.spans = supersedes.spans + candidate.spans
        candidates.append(candidate)
        previous = candidate
    candidates = [c for c in candidates if FIRST_DAY <= c.moment.date() <= LAST_DAY]
    if not candidates:
        return DueFound()
    ahead = [c for c in candidates if c.moment >= sent]
    chosen = min(ahead, key=lambda c: c.moment) if ahead else max(candidates,
                                                                    key=lambda c: c.moment)
    others = tuple(s for c in candidates if c is not chosen for s in c.spans)
    return DueFound(chosen.moment, tuple(chosen.spans), others)


# -- finding and grouping the pieces -------------------------------------------------------
def _pieces(low: str) -> list[_Piece]:
    found = []
    for match in _PIECES.finditer(low):
        kind = match.lastgroup
        if kind is None:
            continue
        if kind == "cn_clock" and not _is_clock(match, low):
            continue
        found.append(_Piece(kind, match.start(), match.end(), match))
    return found


def _is_clock(match: re.Match, low: str) -> bool:
    hour_text = match.group("cc_h")
    if hour_text == "一" and not match.group("cc_half") and not match.group("cc_m") and (
            (match.start() > 0 and low[match.start() - 1] in _IDIOM_BEFORE)
            or low[match.end():match.end() + 1] in ("点", "儿")):
        return False
    hour = number(hour_text)
    return hour is not None and hour <= 24


def _groups(pieces: list[_Piece], low: str) -> list[_Group]:
    """Pieces side by side (nothing but spaces between, or a range word between two clock
    times) make one phrase; the alone kinds are phrases of their own."""
    groups: list[_Group] = []
    for piece in pieces:
        last = groups[-1] if groups else None
        joinable = (last is not None and piece.kind not in _ALONE
                    and last.pieces[-1].kind not in _ALONE)
        if joinable:
            gap = low[last.end:piece.start]
            if gap.strip() == "" or (piece.kind in _CLOCKS and last.pieces[-1].kind in _CLOCKS
                                     and _RANGE.match(gap)):
                if piece.kind in _CLOCKS and any(p.kind in _CLOCKS for p in last.pieces):
                    last.end = piece.end  # the end of a range: read, the start is the time
                    continue
                last.pieces.append(piece)
                last.end = piece.end
                continue
        groups.append(_Group(piece.start, piece.end, [piece]))
    return groups


def _widen(group: _Group, low: str) -> tuple[int, int]:
    """The group's span with its leading 在/by and trailing 前/之前/的."""
    start, end = group.start, group.end
    before = low[:start]
    prefix = _PREFIX_CN.search(before) or _PREFIX_EN.search(before)
    if prefix:
        start = prefix.start()
    suffix = _SUFFIX.match(low, end)
    if suffix:
        end = suffix.end()
    return start, end


# -- meaning --------------------------------------------------------------------------------
def _alone(piece: _Piece, sent: datetime, cal: WorkingCalendar) -> datetime | None:
    m, kind = piece.match, piece.kind
    if kind == "now":
        return sent + timedelta(hours=1)
    if kind == "asap":
        return cal.end_of_workday(sent)
    if kind in ("off", "eoff"):
        amount_text = m.group("off_n") if kind == "off" else m.group("eoff_n")
        unit = m.group("off_u") if kind == "off" else m.group("eoff_u")
        amount = _WORDS_AS_NUMBERS.get(amount_text)
        if amount is None:
            amount = number(amount_text)
        if not amount:
            return None
        if kind == "off" and m.group("off_x") in ("后", "以后", "之后") and unit not in (
                "小时", "钟头", "分钟"):
            return None  # 三天后 is when something starts, not a due
        return _offset(amount, unit, sent, cal)
    if kind == "month_end":
        text = m.group()
        month = sent.month + (1 if text.startswith("下") else 0)
        year = sent.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        last = date(year, month, _months.monthrange(year, month)[1])
        return datetime.combine(_workday_on_or_before(last, cal), cal.end)
    if kind == "year_end":
        return datetime.combine(_workday_on_or_before(date(sent.year, 12, 31), cal), cal.end)
    if kind == "week_end":
        weeks = 1 if m.group().startswith("下") else 0
        monday = sent.date() - timedelta(days=sent.weekday()) + timedelta(weeks=weeks)
        last = _workday_on_or_before(monday + timedelta(days=6), cal)
        if last < monday:  # a week without a working day: its Sunday
            last = monday + timedelta(days=6)
        return datetime.combine(last, cal.end)
    return None


def _offset(amount: float, unit: str, sent: datetime, cal: WorkingCalendar) -> datetime:
    unit = unit.rstrip("s")
    if unit in ("小时", "钟头", "hour", "hr"):
        return sent + timedelta(hours=amount)
    if unit in ("分钟", "minute", "min"):
        return sent + timedelta(minutes=amount)
    if amount != int(amount):  # 半天: half a working day
        return sent + timedelta(hours=amount * 9)
    if unit in ("个工作日", "工作日", "working day", "business day"):
        first = cal.workdays_before(sent.date() + timedelta(days=1))
        return datetime.combine(cal.nth_workday(first + int(amount) - 1), cal.end)
    days = int(amount) * (7 if unit in ("周", "星期", "礼拜", "week") else 1)
    return datetime.combine(sent.date() + timedelta(days=days), cal.end)


def _workday_on_or_before(day: date, cal: WorkingCalendar) -> date:
    for back in range(31):
        if cal.is_workday(day - timedelta(days=back)):
            return day - timedelta(days=back)
    return day


def _resolve(group: _Group, span: tuple[int, int], previous: _Candidate | None,
             sent: datetime, cal: WorkingCalendar) -> tuple[_Candidate, _Candidate | None] | None:
    day: date | None = None
    part: str | None = None
    clock: tuple[int, int, str | None] | None = None
    for piece in group.pieces:
        if piece.kind in _DAYS:
            found = _day(piece, sent)
            if found is None:
                return None
            day, day_part = found
            part = day_part or part
        elif piece.kind in _PARTS:
            part = piece.match.group()
        elif piece.kind in _CLOCKS:
            clock = _clock(piece)
            if clock is None:
                return None
    explicit = day is not None
    supersedes = None
    if day is None and previous is not None:
        if clock is not None and part is None:
            day, part = previous.day, previous.part
            if not previous.clock:
                supersedes = previous
        elif previous.explicit_day:
            day = previous.day
    if clock is not None:
        hour, minute, half = clock
        at = time(_hour(hour, part, half), minute)
    else:
        at = _part_end(part, cal)
    if day is None:
        if part in ("下班前", "下班之前", "下班以前", "end of day", "end of the day",
                    "close of business", "eod", "cob"):
            moment = cal.end_of_workday(sent)
        else:
            moment = datetime.combine(sent.date(), at)
            if moment < sent:  # its next occurrence
                moment += timedelta(days=1)
        day = moment.date()
    else:
        moment = datetime.combine(day, at)
    inherited = not explicit and previous is not None and day == previous.day
    candidate = _Candidate(moment, [span], day=day, part=part, clock=clock is not None,
                           explicit_day=explicit or (inherited and previous.explicit_day))
    return candidate, supersedes


def _day(piece: _Piece, sent: datetime) -> tuple[date, str | None] | None:
    m, kind, today = piece.match, piece.kind, sent.date()
    if kind == "daypart":
        ahead, part = _DAY_PARTS[m.group()]
        return today + timedelta(days=ahead), part
    if kind in ("rel", "en_rel"):
        text = re.sub(r"\s+", " ", m.group())
        return today + timedelta(days=_RELATIVE[text]), ("tonight" if text == "tonight" else None)
    if kind in ("week", "en_week"):
        if kind == "week":
            weekday, prefix = _CN_WEEKDAYS[m.group("week_day")], m.group("week_pre")
        else:
            weekday, prefix = _EN_WEEKDAYS[m.group("en_week_day")], m.group("en_week_pre") or ""
        monday = today - timedelta(days=today.weekday())
        if prefix.startswith("下下"):
            return monday + timedelta(days=14 + weekday), None
        if prefix.startswith("下") or prefix == "next":
            return monday + timedelta(days=7 + weekday), None
        if prefix in ("本", "这", "这个", "this"):
            return monday + timedelta(days=weekday), None
        ahead = (weekday - today.weekday() - 1) % 7 + 1  # strictly after today
        return today + timedelta(days=ahead), None
    if kind == "iso":
        return date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))), None
    if kind in ("md", "en_md", "en_dm"):
        if kind == "md":
            year_text, month, day = m.group("md_y"), number(m.group("md_m")), number(m.group("md_d"))
        else:
            year_text = None
            month = _EN_MONTHS[m.group(f"{kind}_m")[:3]]
            day = int(m.group(f"{kind}_d"))
        if month is None or day is None:
            return None
        if year_text:
            return date(int(year_text), month, day), None
        found = date(today.year, month, day)
        return (found if found >= today else date(today.year + 1, month, day)), None
    if kind == "dom":
        day = number(m.group("dom_d"))
        if not day:
            return None
        year, month = today.year, today.month
        if day < today.day:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return date(year, month, day), None
    return None


def _clock(piece: _Piece) -> tuple[int, int, str | None] | None:
    m, kind = piece.match, piece.kind
    if kind == "en_clock":
        hour, minute = int(m.group("ec_h")), int(m.group("ec_m") or 0)
        half = "pm" if m.group("ec_ap").startswith("p") else "am"
        if not 1 <= hour <= 12:
            return None
    elif kind == "hhmm":
        hour, minute, half = int(m.group("hh")), int(m.group("mm")), None
    elif kind == "at_hour":
        hour, minute, half = int(m.group("at_h")), 0, None
    else:
        hour = number(m.group("cc_h"))
        if m.group("cc_half"):
            minute = 30
        elif m.group("cc_q"):
            minute = 15 if m.group("cc_q") in ("一刻", "1刻") else 45
        elif m.group("cc_m"):
            minute = number(m.group("cc_m"))
        else:
            minute = 0
        half = None
        if hour is None or minute is None:
            return None
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute, half


def _hour(hour: int, part: str | None, half: str | None) -> int:
    if half == "pm":
        return hour + 12 if hour < 12 else hour
    if half == "am":
        return 0 if hour == 12 else hour
    if part in _PM:
        return hour + 12 if hour < 12 else hour
    if part in _NOON:
        return hour + 12 if hour < 11 else hour
    if part in _AM:
        return hour
    return hour + 12 if 1 <= hour <= 6 else hour  # office hours: 三点 is 15:00


def _part_end(part: str | None, cal: WorkingCalendar) -> time:
    if part is None or part in _END_OF_WORK:
        return cal.end
    if part in _START_OF_WORK:
        return cal.start
    if part in _NOON:
        return time(12)
    return _PART_ENDS.get(part, cal.end)
