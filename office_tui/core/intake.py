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
from dataclasses import dataclass, field, replace
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
    named = [s for s in (who.department_span, who.requester_span) if s]
    for a, b in who.taken:  # the rest of a header or signature: its colon, its dash
        for piece in _without((a, b), named):
            add("filler", *piece)

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
        removed = [(s.start, s.end) for s in spans
                   if s.field in ("filler", "department", "requester")]
        title = _title(message, removed)
    if not title:
        removed, title = [], " ".join(message.split())
    # Words the tidying dropped (a clause of nothing but 要 or please) are said as filler.
    for a, b in _dropped(message, removed, title):
        add("filler", a, b)
    return Proposal(
        message=message, sent=sent, title=title, category=category,
        department=who.department, requester=who.requester, due=due.due,
        importance=importance, expedite="expedite" in kinds,
        spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))),
    )


def propose_with_tokens(
    message: str,
    sent: datetime,
    calendar: WorkingCalendar,
    **tables: object,
) -> Proposal:
    """`propose`, with quick-add tokens typed after the message (`!high`, `#repair`,
    `@财务科`, `due:tomorrow@9:00`) overriding what the message gave."""
    cut, overrides, token_spans = trailing_tokens(message, sent, calendar)
    if not message[:cut].strip():  # nothing but tokens: a message after all
        cut, overrides = len(message), {}
    proposal = propose(message[:cut], sent, calendar, **tables)  # type: ignore[arg-type]
    if not overrides:
        return proposal
    # The words a token overrides are still read: said as a date that is not the due, or
    # as filler, so the title and the spans still account for every word.
    kept = [s if s.field not in overrides or s.field == "expedite" else
            replace(s, field="date" if s.field == "due" else "filler") for s in proposal.spans]
    spans = kept + [Span(name, a, b, message[a:b]) for name, a, b in token_spans]
    return replace(proposal, message=message, **overrides,
                   spans=tuple(sorted(spans, key=lambda s: (s.start, s.end))))


_TOKEN_FIELDS = {"category": "category", "department": "department", "due": "due",
                 "importance": "importance", "requester": "requester"}


def trailing_tokens(message: str, sent: datetime, calendar: WorkingCalendar,
                    ) -> tuple[int, dict[str, object], list[tuple[str, int, int]]]:
    """Where the quick-add tokens at the end of `message` begin, what they set and their
    spans. A word is a token when quick-add reads it as one (a bad one, #302 or an
    unknown #word, is text)."""
    from office_tui.core import quickadd

    overrides: dict[str, object] = {}
    spans: list[tuple[str, int, int]] = []
    cut = len(message.rstrip())
    for word in reversed(list(re.finditer(r"\S+", message[:cut]))):
        try:
            parsed = quickadd.parse(f"x {word.group()}", sent, calendar)
        except quickadd.QuickAddError:
            break
        if parsed.title != "x":
            break
        found = {name: getattr(parsed, attr, None) for name, attr in _TOKEN_FIELDS.items()}
        found = {name: value for name, value in found.items() if value is not None}
        if parsed.expedite:
            found["expedite"] = True
        if not found:
            break
        for name, value in found.items():
            overrides.setdefault(name, value)  # the last token of a kind wins
            spans.append((name, word.start(), word.end()))
        cut = word.start()
    return cut, overrides, spans


def _without(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`span` less the `holes` inside it."""
    pieces, at = [], span[0]
    for a, b in sorted(holes):
        if a >= span[1] or b <= span[0]:
            continue
        if a > at:
            pieces.append((at, a))
        at = max(at, b)
    if at < span[1]:
        pieces.append((at, span[1]))
    return pieces


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(x < b and a < y for x, y in spans)


# -- the title ------------------------------------------------------------------------------
_CUT = "\x00"
_PUNCT = ",.;:!?，。；：！？、"
_ENDS = ".!?。！？"
_RUN = re.compile(rf"[{re.escape(_PUNCT)}](?:[\s{_CUT}]*[{re.escape(_PUNCT)}])+")
_DELIMITER = re.compile(r"([,;，；。！？!?]+|\.+(?=\s|$))")


def _title(message: str, removed: list[tuple[int, int]]) -> str:
    gone = [False] * len(message)
    for a, b in removed:
        for i in range(max(a, 0), min(b, len(message))):
            gone[i] = True
    text = "".join(_CUT if g else c for c, g in zip(message, gone))
    text = re.sub(r"\s+", " ", text)
    text = re.sub(rf" ?{_CUT}[ {_CUT}]*", _gap, text)
    text = _RUN.sub(_one_mark, text)
    text = re.sub(rf" +(?=[{re.escape(_PUNCT)})）])", "", text)
    text = _drop_empty_clauses(text)
    text = text.strip(" " + _PUNCT.replace("?", "").replace("？", "") + "—-–")
    while True:
        cut = DANGLING.search(fold(text))
        if not cut:
            break
        text = text[:cut.start()].rstrip(" " + _PUNCT + "—-–")
    if text[:1].isascii() and text[:1].islower():
        text = text[0].upper() + text[1:]
    return text


def _gap(match: re.Match) -> str:
    """What a cut leaves: a space between two Latin words, else nothing."""
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
    """Drop clauses made of nothing but 请/要/please; a dropped clause's sentence end
    goes to the clause before it ("…annual report? Needed." keeps its "?")."""
    parts = _DELIMITER.split(text)
    kept: list[list[str]] = []
    for i in range(0, len(parts), 2):
        clause, mark = parts[i], (parts[i + 1] if i + 1 < len(parts) else "")
        words = clause.strip()
        if words and EMPTY_CLAUSE.match(fold(words)):
            if kept and mark[-1:] in _ENDS and kept[-1][1][-1:] not in _ENDS:
                kept[-1][1] = mark
            continue
        kept.append([clause, mark])
    return "".join(clause + mark for clause, mark in kept)


def _dropped(message: str, removed: list[tuple[int, int]], title: str) -> list[tuple[int, int]]:
    """The runs of letters and digits left for the title that it does not hold."""
    gone = [False] * len(message)
    for a, b in removed:
        for i in range(max(a, 0), min(b, len(message))):
            gone[i] = True
    wanted = [c.casefold() for c in title if c.isalnum()]
    at, runs, start = 0, [], None
    for index, char in enumerate(message):
        if gone[index] or not char.isalnum():
            continue
        if at < len(wanted) and char.casefold() == wanted[at]:
            at += 1
            if start is not None:
                runs.append((start, index))
                start = None
        elif start is None:
            start = index
    if start is not None:
        runs.append((start, len(message)))
    return [(a, _end_of_run(message, gone, a, b)) for a, b in runs]


def _end_of_run(message: str, gone: list[bool], start: int, stop: int) -> int:
    end = start
    for index in range(start, stop):
        if not gone[index] and message[index].isalnum():
            end = index + 1
    return end
