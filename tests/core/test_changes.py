"""A job's history as what changed (core/changes.py): field: old → new, in both languages."""

from __future__ import annotations

from datetime import datetime

from office_tui import i18n
from office_tui.core.changes import FieldChange, diff, entries

NOW = datetime(2026, 11, 27, 10, 0)
BEFORE = {"id": 1, "title": "修空调", "category": "other", "importance": "normal",
          "expedite": 0, "status": "inbox", "due": "2026-11-27T17:30:00", "location": None,
          "updated": "2026-11-27T09:00:00", "due_source": "limit", "closed_at": None}


def test_only_the_fields_that_differ_in_a_fixed_order():
    after = {**BEFORE, "importance": "high", "due": "2026-11-30T17:30:00", "status": "open",
             "updated": "2026-11-27T10:00:00", "due_source": "given", "expedite": 1}
    assert [c.field for c in diff(BEFORE, after)] == ["importance", "expedite", "status",
                                                       "due"]


def test_a_field_of_a_later_version_is_listed_too():
    assert diff({**BEFORE, "handler": None}, {**BEFORE, "handler": "王师傅"}) == (
        FieldChange("handler", None, "王师傅"),)


def test_an_add_lists_the_new_jobs_filled_fields():
    changes = diff(None, BEFORE)
    assert [c.field for c in changes] == ["title", "category", "importance", "due", "status"]
    assert changes[0].text(NOW) == "Title: 修空调"


def test_texts_in_english_and_chinese():
    due = FieldChange("due", "2026-11-27T17:30:00", "2026-11-30T17:30:00")
    importance = FieldChange("importance", "normal", "high")
    location = FieldChange("location", None, "3F 会议室")
    assert due.text(NOW) == "Due: 17:30 → Mon 11-30 17:30"
    assert importance.text(NOW) == "Importance: normal → high"
    assert location.text(NOW) == "Location: - → 3F 会议室"
    i18n.set_language("zh")
    try:
        assert due.text(NOW) == "期限：17:30 → 11月30日 周一 17:30"
        assert importance.text(NOW) == "重要程度：中 → 高"
        assert location.text(NOW) == "地点：- → 3F 会议室"
    finally:
        i18n.set_language("en")


def test_entries_keep_the_source_and_what_an_undo_reverted():
    events = [{"id": 5, "ts": "2026-11-27T10:00:00", "action": "undo", "before": BEFORE,
               "after": {**BEFORE, "title": "修 3F 空调"}, "undoes": 4, "source": "app"}]
    [entry] = entries(events)
    assert (entry.source, entry.undoes, entry.source_text) == ("app", 4, "in the app")
    assert entry.lines(NOW) == ["Title: 修空调 → 修 3F 空调"]
    assert entry.to_json()["changes"] == [{"field": "title", "old": "修空调",
                                           "new": "修 3F 空调"}]
