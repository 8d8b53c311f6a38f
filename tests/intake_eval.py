"""Measured intake accuracy: every message of tests/data/intake_corpus.tsv proposed as a
job and compared field by field with what a clerk would file.

`make intake-eval` prints the accuracy of each field and every miss;
tests/core/test_intake_corpus.py holds each field to TARGET. The known departments are
the demo set's (office_tui/data/departments.csv), the calendar Mon-Fri 08:30-17:30.
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.intake import Proposal, propose
from office_tui.core.intake_people import People

CORPUS = Path(__file__).parent / "data" / "intake_corpus.tsv"
FIELDS = ("category", "department", "requester", "due", "importance", "expedite", "title")
TARGET = 0.95


@dataclass(frozen=True)
class Miss:
    line: int
    field: str
    message: str
    expected: str
    got: str


@dataclass(frozen=True)
class Result:
    total: int
    correct: dict[str, int]
    misses: list[Miss]

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.total if self.total else 0.0


def known_departments() -> list[str]:
    text = resources.files("office_tui.data").joinpath("departments.csv").read_text("utf-8")
    return [row["name"] for row in csv.DictReader(text.splitlines())]


def rows() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def got(proposal: Proposal, name: str) -> str:
    if name == "category":
        return proposal.category or "other"
    if name == "due":
        return proposal.due.strftime("%Y-%m-%d %H:%M") if proposal.due else ""
    if name == "importance":
        return proposal.importance or "normal"
    if name == "expedite":
        return "1" if proposal.expedite else "0"
    return getattr(proposal, name) or ""


def same(name: str, expected: str, found: str) -> bool:
    if name == "title":  # spacing and a closing full stop are not a different title
        return _plain(expected) == _plain(found)
    return expected == found


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip("。.!！~～ ")


def evaluate() -> Result:
    calendar = WorkingCalendar()
    people = People(known_departments())
    correct = dict.fromkeys(FIELDS, 0)
    misses: list[Miss] = []
    corpus = rows()
    for number, row in enumerate(corpus, start=2):  # line 1 is the header
        sent = datetime.strptime(row["sent"], "%Y-%m-%d %H:%M")
        proposal = propose(row["message"], sent, calendar, people=people)
        for name in FIELDS:
            found = got(proposal, name)
            if same(name, row[name], found):
                correct[name] += 1
            else:
                misses.append(Miss(number, name, row["message"], row[name], found))
    return Result(len(corpus), correct, misses)


def main() -> int:
    result = evaluate()
    print(f"intake corpus: {result.total} messages ({CORPUS.name})")
    for name in FIELDS:
        mark = "" if result.accuracy(name) >= TARGET else f"   below {TARGET:.0%}"
        print(f"  {name:<11} {result.accuracy(name):7.1%}  "
              f"({result.correct[name]}/{result.total}){mark}")
    if result.misses:
        print(f"\nmisses ({len(result.misses)}):")
        for miss in result.misses:
            print(f"  line {miss.line} {miss.field}: expected {miss.expected!r}, "
                  f"got {miss.got!r}\n      {miss.message}")
    return 0 if all(result.accuracy(n) >= TARGET for n in FIELDS) else 1


if __name__ == "__main__":
    sys.exit(main())
