"""Intake: a pasted request (chat message, phone note, e-mail) proposed as a job, and
saved through JobService (one transaction with its event).

The proposal is read by core/intake.py against the known departments and the clerk's
own keywords (`keyword add 漏水 repair`, kept in the database, undoable like any change).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from office_tui.core.intake import Proposal, propose_with_tokens
from office_tui.core.dates import in_range
from office_tui.core.intake_people import People
from office_tui.core.intake_words import CLERK_WEIGHT, keyword_table, normalise_word
from office_tui.core.job import Job, to_iso
from office_tui.core.limits import default_due
from office_tui.core.text import storable
from office_tui.core.types import Row
from office_tui.core.vocab import CATEGORIES, normalise_category
from office_tui.i18n import _
from office_tui.services.errors import OfficeError
from office_tui.services.output import is_database
from office_tui.store import events, write
from office_tui.store import intake as store

if TYPE_CHECKING:
    from office_tui.services.context import Context
    from office_tui.services.jobs import JobService

MAX_MESSAGE = 4_000  # characters: a request, not a document
MAX_FILE = 1_000_000  # bytes of messages read from one file
MAX_WORD = 40
SENT_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


class IntakeService:
    def __init__(self, ctx: Context, *, jobs: JobService) -> None:
        self.ctx = ctx
        self._jobs = jobs

    # -- proposing ---------------------------------------------------------------------
    def propose(self, message: str, sent: datetime | None = None) -> Proposal:
        """What `message` asks for, read as of `sent` (default: now): each field with the
        span of the words that gave it (Proposal.spans), for the app to highlight.
        Quick-add tokens after the message override it."""
        return self._propose(self._message(message), sent, *self._tables())

    def _tables(self) -> tuple[People, tuple[tuple[str, str], ...]]:
        db = self.ctx.db
        people = People(store.known_departments(db))
        keywords = tuple((k["word"], k["category"]) for k in store.keywords(db))
        return people, keywords

    def _propose(self, message: str, sent: datetime | None, people: People,
                 keywords: tuple[tuple[str, str], ...]) -> Proposal:
        sent = sent or self.ctx.now()
        return propose_with_tokens(message, sent, self.ctx.calendar, people=people,
                                   keywords=keywords)

    def preview(self, proposal: Proposal) -> Job:
        """The job the proposal would make, not saved (its id is None)."""
        now = self.ctx.now()
        category = proposal.category or "other"
        row: Row = {
            "id": None, "title": proposal.title, "category": category,
            "department": proposal.department, "requester": proposal.requester,
            "importance": proposal.importance or "normal",
            "expedite": int(proposal.expedite),
            "due": to_iso(proposal.due or default_due(category, now, self.ctx.calendar)),
            "due_source": "given" if proposal.due else "limit", "promised_by": None,
            "promise_reason": None, "status": "inbox", "waiting_reason": None,
            "waiting_since": None, "outcome": None, "cancel_reason": None,
            "replied_at": None, "reply_note": None, "created": to_iso(now),
            "updated": to_iso(now), "closed_at": None,
        }
        return Job.from_row(row, now, self.ctx.calendar, self.ctx.urgency)

    # -- saving ------------------------------------------------------------------------
    def save(self, proposal: Proposal, *, triaged: bool = False) -> Job:
        """Save the proposal as a job (in the inbox; `triaged`: the clerk confirmed it,
        so it is open), the message as it came kept as its first note: one transaction,
        one undo step."""
        with write(self.ctx.db):
            job = self._create(proposal, triaged)
            self._jobs.note(job.id, proposal.message)
        return job

    def _create(self, proposal: Proposal, triaged: bool) -> Job:
        return self._jobs.create(
            proposal.title,
            category=proposal.category or "other",
            importance=proposal.importance or "normal",
            expedite=proposal.expedite,
            due=proposal.due,
            department=proposal.department,
            requester=proposal.requester,
            status="open" if triaged else "inbox",
        )

    def intake(self, message: str, sent: datetime | None = None) -> tuple[Job, Proposal]:
        proposal = self.propose(message, sent)
        return self.save(proposal), proposal

    def propose_many(self, messages: Sequence[str],
                     sent: datetime | None = None) -> list[Proposal]:
        """Every message proposed, or OfficeError naming the first bad one."""
        people, keywords = self._tables()
        proposals = []
        for number, message in enumerate(messages, start=1):
            try:
                text = self._message(message)
            except OfficeError as exc:
                raise OfficeError(_("Message {n}: {reason}").format(n=number, reason=exc)
                                  ) from None
            proposals.append(self._propose(text, sent, people, keywords))
        return proposals

    def save_many(self, proposals: Sequence[Proposal]) -> list[Job]:
        """All the proposals saved in one transaction: all of them, or none."""
        db = self.ctx.db
        with write(db):
            return [self.save(p) for p in proposals]

    def read_messages(self, path: str | os.PathLike[str]) -> list[str]:
        """The messages of a text file, separated by blank lines (UTF-8, or GB18030 as
        Chinese Windows saves it)."""
        path = Path(path)
        try:
            info = path.stat()
        except OSError as exc:
            raise OfficeError(_("Cannot read {path}: {reason}").format(
                path=path, reason=exc.strerror or exc)) from None
        # Never the database or its -wal/-shm, told by stat without opening it: closing
        # any descriptor on it would drop this process's SQLite locks. Only a plain file
        # (a FIFO would block, /dev/zero never end).
        if is_database(path, Path(self.ctx.db_path).absolute()):
            raise OfficeError(_("{path} is the database, not a file of messages.").format(
                path=path))
        if not stat.S_ISREG(info.st_mode):
            raise OfficeError(_("{path} is not a file.").format(path=path))
        if info.st_size > MAX_FILE:
            raise OfficeError(_("{path} is too large for messages (at most {limit} bytes)."
                                ).format(path=path, limit=MAX_FILE))
        try:
            with path.open("rb") as file:
                data = file.read(MAX_FILE + 1)
        except OSError as exc:
            raise OfficeError(_("Cannot read {path}: {reason}").format(
                path=path, reason=exc.strerror or exc)) from None
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise OfficeError(_("{path} is not UTF-8 or GB18030 text.").format(path=path))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        return [m.strip() for m in re.split(r"\n[ \t\u3000]*\n", text) if m.strip()]

    # -- the clerk's keywords ------------------------------------------------------------
    def keywords(self) -> list[Row]:
        """Every keyword in use: the clerk's, then the shipped ones they do not replace."""
        mine = store.keywords(self.ctx.db)
        table = keyword_table((k["word"], k["category"]) for k in mine)
        return [{"word": k.word, "category": k.category, "weight": k.weight,
                 "source": k.source} for k in sorted(
                     table, key=lambda k: (k.source != "clerk", CATEGORIES.index(k.category),
                                           -k.weight, k.word))]

    def add_keyword(self, word: str, category: str) -> Row:
        """Messages holding `word` ask for `category` (a word already added changes its
        category)."""
        word = self._word(word)
        found = normalise_category(category or "")
        if found is None:
            raise OfficeError(_("Unknown category '{value}'. Use one of: {choices}.").format(
                value=category, choices=", ".join(CATEGORIES)))
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            before = store.keyword(db, word)
            if before is not None and before["category"] == found:
                raise OfficeError(_("'{word}' already means {category}.").format(
                    word=word, category=found))
            if before is None:
                keyword_id = store.insert(db, {"word": word, "category": found, "created": now})
                action = "add"
            else:
                keyword_id = before["id"]
                store.set_category(db, keyword_id, found)
                action = "edit"
            after = store.get(db, keyword_id)
            events.record(db, ts=now, action=action, entity="keyword", entity_id=keyword_id,
                          before=before, after=after)
        return {**after, "weight": CLERK_WEIGHT, "source": "clerk"}

    def remove_keyword(self, word: str) -> Row:
        word = self._word(word)
        now = to_iso(self.ctx.now())
        db = self.ctx.db
        with write(db):
            before = store.keyword(db, word)
            if before is None:
                raise OfficeError(_("'{word}' is not one of your keywords (`keyword list` "
                                    "shows them).").format(word=word))
            store.delete(db, before["id"])
            events.record(db, ts=now, action="delete", entity="keyword",
                          entity_id=before["id"], before=before, after=None)
        return before

    # -- checks --------------------------------------------------------------------------
    @staticmethod
    def _message(message: str | None) -> str:
        if message is None or not message.strip():
            raise OfficeError(_("The message is empty: paste or type the request."))
        storable(message)
        if len(message) > MAX_MESSAGE:
            raise OfficeError(_("The message is too long ({count} characters; at most "
                                "{limit}).").format(count=len(message), limit=MAX_MESSAGE))
        return message

    @staticmethod
    def _word(word: str | None) -> str:
        storable(word)
        word = normalise_word(word or "")
        if not word or word == "*":
            raise OfficeError(_("Give the keyword, e.g. keyword add leak* repair."))
        if len(word) > MAX_WORD or any(not c.isprintable() for c in word):
            raise OfficeError(_("A keyword is a word or a short phrase (at most {limit} "
                                "characters, no control characters).").format(limit=MAX_WORD))
        return word

    @staticmethod
    def parse_sent(text: str) -> datetime:
        """`--sent "YYYY-MM-DD HH:MM"`."""
        value = " ".join((text or "").split())
        for pattern in SENT_FORMATS:
            try:
                moment = datetime.strptime(value, pattern)
            except ValueError:
                continue
            return in_range(moment)  # else one line naming the range
        raise OfficeError(_("Bad sent time '{value}': give it as \"YYYY-MM-DD HH:MM\", e.g. "
                            "\"2026-12-03 10:00\".").format(value=text))
