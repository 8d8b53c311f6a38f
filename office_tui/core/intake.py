"""A pasted message read as a job: "财务科王老师：三楼会议室空调不制冷，明天上午开会前修好"
proposes category repair, department 财务科, requester 王老师, due tomorrow 12:00 and the
title "三楼会议室空调不制冷，开会前修好".

Pure rules and the shipped tables (no network, no model): dates in
core/intake_dates.py, department and requester in core/intake_people.py, category and
urgency words in core/intake_words.py. Each field keeps the spans of the words that gave
it, for the app to highlight. The title is the message without the parts taken (the
header or signature, the date words, the urgency words, a greeting and thanks), tidied:
no doubled or dangling punctuation, no clause left with nothing but 请/要/please in it.
Every other word stays, so no part of the message is lost: a word is either in the title
or in a span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.intake_dates import find_due
from office_tui.core.intake_people import People, find_people
from office_tui.core.intake_text import fold, is_cjk
from office_tui.core.intake_words import (
    DANGLING, EMPTY_CLAUSE, GREETING, THANKS, choose_category, find_cues, find_urgency,
    keyword_table,
)

# The fields a proposal fills, in the order the app shows them.
FIELDS = ("category", "department", "requester", "due", "importance", "expedite")


@dataclass(frozen=True)
class Span:
    """Words of the message that gave a field. `field` is one of FIELDS, or "date" (a
    date word that is not the due) or "filler" (a greeting, thanks: left out)."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Proposal:
    message: str
    sent: datetime
    title: str
    category: str | None = None
    department: str | None = None
    requester: str | None = None
    due: datetime | None = None
    importance: str | None = None
    expedite: bool = False
    spans: tuple[Span, ...] = field(default=())

    @property
    def parsed(self) -> dict[str, str]:
        """Which words gave each field found: {field: the matched text}."""
        found: dict[str, list[str]] = {}
        for span in self.spans:
            if span.field in FIELDS and span.text not in found.get(span.field, []):
                found.setdefault(span.field, []).append(span.text)
        return {name: " ".join(found[name]) for name in FIELDS if name in found}

    def spans_of(self, name: str) -> list[Span]:
        return [s for s in self.spans if s.field == name]


def propose(
    message: str,
    sent: datetime,
    calendar: WorkingCalendar,
    *,
    departments: Sequence[str] = (),
    keywords: Iterable[tuple[str, str]] = (),
    people: People | None = None,
) -> Proposal:
    """Read `message`, sent at `sent`; `departments` are the known ones, `keywords` the
    clerk's own (word, category) pairs. Never raises: what is not understood stays in the
    title."""
    low = fold(message)
    people = people or People(departments)
    spans: list[Span] = []

    def add(name: str, start: int, end: int) -> None:
        if end > start:
            spans.append(Span(name, start, end, message[start:end]))

    greeting = GREETING.match(low)
    begin = greeting.end() if greeting and greeting.end() < len(low.rstrip()) else 0
    if begin:
        add("filler", 0, begin)
    who = find_people(message, people, start=begin)
    taken = list(who.taken)
    if who.department_span:
        add("department", *who.department_span)
    if who.requester_span:
        add("requester", *who.requester_span)
    for a, b in who.taken:  # the header's colon, the signature's dash
        add("filler", a, b)

    urgency = [(kind, a, b) for kind, a, b in find_urgency(low) if not _inside(a, b, taken)]
    due = find_due(message, sent, calendar, folded=low, skip=tuple(taken))
    for a, b in due.used:
        add("due", a, b)
    for a, b in due.other:
        add("date", a, b)

    cues = find_cues(low, keyword_table(tuple(keywords)), skip=taken)
    category, chosen = choose_category(cues)
    for cue in chosen:
        add("category", cue.start, cue.end)

    kinds = {kind for kind, _, _ in urgency}
    importance = "high" if "high" in kinds else ("low" if "low" in kinds else None)
    for kind, a, b in urgency:
        if kind == "expedite":
            add("expedite", a, b)
        elif kind == importance:
            add("importance", a, b)
        else:
            add("filler", a, b)  # the weaker word of two: taken out all the same

    end = min((a for a, b in taken if b >= len(message.rstrip())), default=len(message))
    thanks = THANKS.search(low, begin, end)
    if thanks and thanks.start() > begin:
        add("filler", thanks.start(), thanks.end())

    # A department named in the text itself (财务科打印机卡纸) stays in the title.
    removed = [(s.start, s.end) for s in spans if s.field != "category" and not (
        s.field in ("department", "requester") and not _inside(s.start, s.end, taken))]
    title = _title(message, removed)
    if not title:  # everything was a field: keep the words, without the header
        title = _title(message, [(s.start, s.end) for s in spans
                                 if s.field in ("filler", "department", "requester")])
    if not title:
        title = " ".join(message.split())
    return Proposal(
        message=message, sent=sent, title=title, category=category,
        department=who.department, requester=who.requester, due=due.due,
        importance=importance, expedite="expedite" in kinds,
        spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))),
    )


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(x < b and a < y for x, y in spans)


# -- the title ------------------------------------------------------------------------------
_CUT = "\x00"
_PUNCT = ",.;:!?，。；：！？、"
_ENDS = ".!?。！？"
_RUN = re.compile(rf"[{re.escape(_PUNCT)}](?:[\s{_CUT}]*[{re.escape(_PUNCT)}])+")
_CLAUSE = re.compile(r"([^,;，；。！？!?]+|[.](?!\s|$)|[^,;，；。！？!?])*?"
                     r"(?:[,;，；。！？!?]+|[.](?=\s|$)|$)")


def _title(message: str, removed: list[tuple[int, int]]) -> str:
    gone = [False] * len(message)
    for a, b in removed:
        for i in range(max(a, 0), min(b, len(message))):
            gone[i] = True
    text = "".join(_CUT if g else c for c, g in zip(message, gone))
    text = re.sub(rf"\s*{_CUT}[\s{_CUT}]*", _gap, text)
    text = re.sub(r"[\s\x00]+", " ", text.replace(_CUT, " "))
    text = _RUN.sub(_one_mark, text)
    text = re.sub(rf"\s+(?=[{re.escape(_PUNCT)})）])", "", text)
    text = _drop_empty_clauses(text)
    text = text.strip(" \t\n" + _PUNCT.replace("?", "").replace("？", "") + "—-–")
    while True:
        cut = DANGLING.search(fold(text))
        if not cut:
            break
        text = text[:cut.start()].rstrip(" " + _PUNCT + "—-–")
    if text[:1].isascii() and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def _gap(match: re.Match) -> str:
    """What a cut leaves: a space between words that had one (or two Latin words), else
    nothing."""
    before = match.string[match.start() - 1] if match.start() else ""
    after = match.string[match.end()] if match.end() < len(match.string) else ""
    if not before or not after:
        return ""
    if is_cjk(before) or is_cjk(after) or before in _PUNCT or after in _PUNCT:
        return ""
    return " "


def _one_mark(match: re.Match) -> str:
    marks = [c for c in match.group() if c in _PUNCT]
    ends = [c for c in marks if c in _ENDS]
    return ends[0] if ends else marks[0]


def _drop_empty_clauses(text: str) -> str:
    clauses = [m.group() for m in _CLAUSE.finditer(text) if m.group()]
    kept: list[str] = []
    for clause in clauses:
        words = clause.strip().rstrip(_PUNCT).strip()
        if EMPTY_CLAUSE.match(fold(words)) and (words or kept):
            if not words and kept:  # a lone mark: keep the stronger of the two
                continue
            if kept and clause.rstrip()[-1:] in _ENDS and kept[-1].rstrip()[-1:] not in _ENDS:
                kept[-1] = kept[-1].rstrip().rstrip(_PUNCT) + clause.rstrip()[-1]
            continue
        kept.append(clause)
    return "".join(kept)
