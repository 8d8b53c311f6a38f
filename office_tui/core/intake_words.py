"""The words that say what a message asks for (its category) and how urgent it is.

The category words live in office_tui/data/intake_keywords.csv, with a weight each; the
clerk's own words (stored in the database) are added to them and weigh the most. A few
cues are patterns rather than words (送…去 is a trip, 开…会 a meeting, a quantity in
boxes a supply). Every cue found adds its weight to its category; the category with the
most wins, an earlier cue breaking a tie (a message leads with its problem).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from office_tui.core.cn_numbers import CHARS
from office_tui.core.vocab import CATEGORIES

CLERK_WEIGHT = 6  # a word the clerk added outweighs any shipped one


@dataclass(frozen=True)
class Keyword:
    word: str
    category: str
    weight: int
    source: str = "shipped"  # or "clerk"


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    category: str
    weight: int


def normalise_word(word: str) -> str:
    from office_tui.core.intake_text import fold

    return " ".join(fold(word).split())


@lru_cache(maxsize=1)
def shipped_keywords() -> tuple[Keyword, ...]:
    text = resources.files("office_tui.data").joinpath("intake_keywords.csv").read_text(
        encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return tuple(Keyword(normalise_word(r["word"]), r["category"], int(r["weight"]))
                 for r in rows)


def keyword_table(clerk: Iterable[tuple[str, str]] = ()) -> tuple[Keyword, ...]:
    """The shipped words with the clerk's (word, category) pairs; a clerk's word replaces
    a shipped one of the same spelling."""
    mine = {normalise_word(w): c for w, c in clerk}
    table = [k for k in shipped_keywords() if k.word not in mine]
    table += [Keyword(w, c, CLERK_WEIGHT, "clerk") for w, c in mine.items()]
    return tuple(table)


# -- the patterns --------------------------------------------------------------------------
_Q = rf"(?<![第\d{CHARS}])(?:\d+|[{CHARS}千几]+)\s*"
_PATTERNS: tuple[tuple[re.Pattern, str, int], ...] = (
    # 送领导去市政府, 送客人回酒店: a trip (送到三楼 is a delivery)
    (re.compile(r"送(?!过去|过来|到)[^\s,.;!?。、]{1,8}?(?:去|回)(?!来)"), "vehicle", 5),
    # 接专家到火车站 (接待 is reception)
    (re.compile(r"接(?!待|一下|着)[^\s,.;!?。、]{1,6}?(?:到|去|回)(?!来)"), "vehicle", 4),
    # 印200份: printing
    (re.compile(rf"印\s*(?:\d+|[{CHARS}千]+)\s*份"), "print", 5),
    # 有专家来, 有客人过来: visitors
    (re.compile(r"有(?:专家|客人|领导|外宾|嘉宾|客户|家长|来宾|访客|代表|同志|检查组)[^\s,.;!?。、]{0,6}?"
                r"(?:来|过来)(?!修|拿|取|送|装|换)"), "reception", 4),
    # 接专家, 接市里来的客人: a pick-up; 高铁南站: a station
    (re.compile(r"接(?!待|一下|着|受|收|手|到通知)[^\s,.;!?。、]{0,8}?(?:专家|客人|领导|外宾|嘉宾|"
                r"校长|书记|同志|代表|家长|学生|老师)"), "vehicle", 4),
    (re.compile(r"(?:火车|高铁|动车|汽车|客运)[东南西北]?站"), "vehicle", 4),
    # 车安排好了吗, 车派了吗
    (re.compile(r"车(?:子)?(?:安排|派|订|定)"), "vehicle", 4),
    # 借用小会议室, 订一下会议室, 预约报告厅: a room for a meeting
    (re.compile(r"(?:借用|借|订|预订|预定|预约|腾)[^\s,.;!?。、]{0,8}?(?:会议室|报告厅|多功能厅|礼堂|会场)"),
     "meeting", 5),
    # 3 more chairs
    (re.compile(r"(?<![a-z])(?:\d+|a few|some|two|three|four|five)\s+more(?![a-z])"), "supply", 3),
    # 开会, 开个会, 开安全工作会, 召开…会议
    (re.compile(r"开(?!不|了|关|门|机|车|空调|灯|窗|会议室)[^\s,.;!?。、]{0,8}?会(?!议室|计|儿)"),
     "meeting", 4),
    # quantities: boxes, packs and bottles are supplies; pieces count less
    (re.compile(_Q + r"(?:盒|箱|包|支|桶|卷|瓶|袋|捆|提|令|罐|沓)"), "supply", 3),
    (re.compile(_Q + r"节(?!课)"), "supply", 3),
    (re.compile(_Q + r"(?:个|只|双|副|块|条|把|张|本|套|台|件|份)"
                r"(?!人|小时|钟头|月|工作日|班|星期|礼拜|工作|时|半)"), "supply", 1),
    (re.compile(r"(?<![a-z])(?:need|needs|want|wants)\s+\d+(?![\d:a-z])"), "supply", 3),
)


@lru_cache(maxsize=8)
def _matcher(table: tuple[Keyword, ...]) -> tuple[re.Pattern, dict[str, Keyword]]:
    """One expression for the table, longest words first (so the longest wins)."""
    by_word = {k.word: k for k in table}
    parts = []
    for word in sorted(by_word, key=len, reverse=True):
        if word.endswith("*"):
            parts.append(rf"(?<![a-z]){re.escape(word[:-1])}[a-z']*")
        elif word.isascii():
            parts.append(rf"(?<![a-z]){re.escape(word)}(?![a-z])")
        else:
            parts.append(re.escape(word))
    if not parts:
        return re.compile(r"(?!)"), by_word
    return re.compile("|".join(parts)), by_word


def _word_of(text: str, by_word: dict[str, Keyword]) -> Keyword | None:
    found = by_word.get(text)
    if found is not None:
        return found
    for word, keyword in by_word.items():  # a prefix word (leak*)
        if word.endswith("*") and text.startswith(word[:-1]):
            return keyword
    return None


def find_cues(low: str, table: tuple[Keyword, ...],
              skip: Sequence[tuple[int, int]] = ()) -> list[Cue]:
    """The category cues in the folded text `low`, outside the `skip` spans."""
    taken = [False] * len(low)
    for a, b in skip:
        for i in range(a, b):
            taken[i] = True
    cues: list[Cue] = []

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int) -> None:
        for i in range(a, b):
            taken[i] = True

    pattern, by_word = _matcher(table)
    clerk = [m for m in pattern.finditer(low)
             if (k := _word_of(m.group(), by_word)) is not None and k.source == "clerk"]
    for m in clerk:  # the clerk's words first: they decide what a phrase is
        keyword = _word_of(m.group(), by_word)
        if keyword is not None and free(m.start(), m.end()):
            cues.append(Cue(m.start(), m.end(), keyword.category, keyword.weight))
            take(m.start(), m.end())
    for regex, category, weight in _PATTERNS:
        for m in regex.finditer(low):
            if free(m.start(), m.end()):
                cues.append(Cue(m.start(), m.end(), category, weight))
                take(m.start(), m.end())
    for m in pattern.finditer(low):
        keyword = _word_of(m.group(), by_word)
        if keyword is not None and free(m.start(), m.end()):
            cues.append(Cue(m.start(), m.end(), keyword.category, keyword.weight))
            take(m.start(), m.end())
    return sorted(cues, key=lambda c: c.start)


def choose_category(cues: Sequence[Cue]) -> tuple[str | None, list[Cue]]:
    """The category with the most weight (an earlier cue breaking ties) and its cues;
    None when nothing was found."""
    totals: dict[str, int] = {}
    first: dict[str, int] = {}
    for cue in cues:
        if cue.weight <= 0:
            continue
        totals[cue.category] = totals.get(cue.category, 0) + cue.weight
        first.setdefault(cue.category, cue.start)
    if not totals:
        return None, []
    best = max(totals, key=lambda c: (totals[c], -first[c], -CATEGORIES.index(c)))
    return best, [c for c in cues if c.category == best and c.weight > 0]


# -- urgency -------------------------------------------------------------------------------
_LOW = (r"不用着急|不是很急|不太急|不算急|不着急|不用急|不紧急|不急|不重要|不赶时间|慢慢来|"
        r"有空的时候|有空的话|有空时|有空|有时间的时候|有时间的话|有时间|方便的时候|方便时|得空|"
        r"(?<![a-z])(?:no rush|no hurry|not urgent|not in a hurry|whenever you can|"
        r"when you can|when you have time|when you get a chance|low priority)(?![a-z])")
_EXPEDITE = (r"十万火急|特事特办|紧急|加急|特急|急件|急需|急用|很急|挺急|非常急|比较急|着急|马上|立刻|立即|"
             r"立马|赶紧|赶快|即刻|火速|(?<![不着很挺太紧加特应])急(?![诊救躁性])|"
             r"(?<![a-z])(?:urgent|urgently|asap|a\.s\.a\.p\.?|emergency|right away|immediately|"
             r"right now)(?![a-z])")
_HIGH = (r"尽快|尽早|越快越好|务必|必须|一定要|一定得|要紧|重要|优先|抓紧|"
         r"(?<![a-z])(?:as soon as possible|high priority|important|priority|must)(?![a-z])")
_URGENCY = re.compile(f"(?P<low>{_LOW})|(?P<expedite>{_EXPEDITE})|(?P<high>{_HIGH})")


def find_urgency(low: str) -> list[tuple[str, int, int]]:
    """(low | expedite | high, start, end) for each urgency word; a negation comes first
    in the expression, so 不急 is never read as 急."""
    return [(m.lastgroup or "", m.start(), m.end()) for m in _URGENCY.finditer(low)]


# -- words that carry nothing once the rest is taken ------------------------------------------
GREETING = re.compile(
    r"^\s*(?:@\S+\s+)*(?:(?:[^\s,.!?;:。]{0,6}?(?:您好|你好)|(?:各位|大家|老师|领导|同事|同志)们?好|"
    r"后勤(?:的)?(?:同志|同事|老师|师傅)们?|(?<![a-z])(?:hi|hello|hey|dear\s+\w+|"
    r"good (?:morning|afternoon|evening))(?![a-z]))\s*[,.!~:;。]+\s*|@\S+\s+)+")
THANKS = re.compile(
    r"[\s,.;:!~。、]{0,8}(?:(?:谢谢|多谢|感谢|辛苦)(?:了|你|您|啦)*|麻烦了|拜托了|"
    r"(?<![a-z])(?:thanks(?: a lot)?|thank you(?: very much)?|thx|cheers)(?![a-z]))"
    r"[\s,.!~。]*$")
# A clause (between commas) made of nothing but these is dropped from the title.
EMPTY_CLAUSE = re.compile(
    r"^(?:请|麻烦|帮忙|帮我)?(?:要|要用|需要|用|弄好|搞定|到位|完成|完成就行|准备好|到|出发|集合)?"
    r"(?:就行|即可|就好)?(?:谢谢|好吗|可以吗|行吗|吧|啊|哦|呀|啦|了)*$"
    r"|^(?:please|thanks|thank you|needed|required|if possible|leaving|departing|arriving|"
    r"starting)$")
DANGLING = re.compile(r"(?:请|麻烦|帮忙|(?<![a-z])(?:please|pls|plz))\s*$")
