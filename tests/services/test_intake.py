"""IntakeService on a real SQLite file: a message proposed against the database's
departments and the clerk's keywords, saved as a job with its event in one transaction,
and the keywords kept, listed and undone like any change."""

from __future__ import annotations

from datetime import datetime

import pytest

from office_tui.services import OfficeError

SENT = datetime(2026, 12, 3, 10, 0)


def snapshot(services) -> tuple:
    db = services.db
    return (db.execute("SELECT * FROM jobs ORDER BY id").fetchall(),
            db.execute("SELECT * FROM events ORDER BY id").fetchall(),
            db.execute("SELECT * FROM intake_keywords ORDER BY id").fetchall(),
            db.execute("SELECT name FROM departments ORDER BY name").fetchall())


def test_the_issue_example_is_saved_as_a_job_with_its_event(services):
    job, proposal = services.intake.intake("学生处：明早8点派车去第一中学，12个人", SENT)
    assert (job.category, job.department, job.due, job.title, job.status) == (
        "vehicle", "学生处", datetime(2026, 12, 4, 8, 0), "派车去第一中学，12个人", "inbox")
    assert job.created == services.now()  # created now; the dates count from when it was sent
    assert proposal.parsed == {"category": "派车", "department": "学生处", "due": "明早8点"}
    history = services.jobs.history(job.id)
    assert [(e["action"], e["entity"]) for e in history] == [("add", "job")]
    assert services.jobs.get(job.id).title == job.title


def test_without_a_date_the_job_gets_its_categorys_time_limit(services, clock):
    job, proposal = services.intake.intake("二楼卫生间水龙头漏水")
    assert proposal.due is None
    # repair: the end of the same working day (the clock: Fri 2026-11-27 10:00)
    assert (job.category, job.due, job.due_source) == (
        "repair", datetime(2026, 11, 27, 17, 30), "limit")


def test_a_confirmed_proposal_is_triaged(services):
    proposal = services.intake.propose("紧急！二楼卫生间水管爆了")
    job = services.intake.save(proposal, triaged=True)
    assert (job.status, job.expedite, job.category) == ("open", True, "repair")


def test_departments_come_from_the_database(services):
    text = "校史馆漏雨了"
    assert services.intake.propose(text).department is None
    services.jobs.create("布置展厅", department="校史馆")  # a job's department becomes known
    assert services.intake.propose(text).department == "校史馆"


def test_departments_of_contacts_are_known(services):
    assert services.intake.propose("团委要借音响").department is None
    services.contacts.add("刘", department="团委")
    assert services.intake.propose("团委要借音响").department == "团委"


def test_the_clerks_keyword_changes_the_category_and_is_undone_like_any_change(services):
    text = "锅炉房冒白汽"
    assert services.intake.propose(text).category is None
    added = services.intake.add_keyword("冒白汽", "报修")
    assert (added["word"], added["category"], added["source"]) == ("冒白汽", "repair", "clerk")
    assert services.intake.propose(text).category == "repair"
    mine = [k for k in services.intake.keywords() if k["source"] == "clerk"]
    assert mine == [{"word": "冒白汽", "category": "repair", "weight": 6, "source": "clerk"}]
    # a shipped word is replaced by the clerk's
    services.intake.add_keyword("漏水", "supply")
    assert services.intake.propose("水箱漏水").category == "supply"
    assert [k["category"] for k in services.intake.keywords() if k["word"] == "漏水"] == [
        "supply"]
    # undo takes the last change back, through the event log
    services.history.undo()
    assert services.intake.propose("水箱漏水").category == "repair"
    services.intake.remove_keyword("冒白汽")
    assert services.intake.propose(text).category is None
    services.history.undo()
    assert services.intake.propose(text).category == "repair"


def test_adding_a_keyword_again_changes_its_category(services):
    services.intake.add_keyword("Leak", "repair")
    assert services.intake.add_keyword("leak", "other")["category"] == "other"
    actions = services.db.execute(
        "SELECT action FROM events WHERE entity = 'keyword' ORDER BY id").fetchall()
    assert [a for (a,) in actions] == ["add", "edit"]


@pytest.mark.parametrize("word, category, named", [
    ("", "repair", "keyword"), ("   ", "repair", "keyword"), ("漏水", "plumbing", "plumbing"),
    ("x" * 41, "repair", "40"), ("ab\x1bc", "repair", "control"),
])
def test_bad_keywords_are_refused_and_nothing_is_written(services, word, category, named):
    before = snapshot(services)
    with pytest.raises(OfficeError, match=named):
        services.intake.add_keyword(word, category)
    assert snapshot(services) == before


def test_the_same_keyword_twice_and_an_unknown_one_are_refused(services):
    services.intake.add_keyword("冒白汽", "repair")
    before = snapshot(services)
    with pytest.raises(OfficeError, match="already"):
        services.intake.add_keyword("冒白汽", "repair")
    with pytest.raises(OfficeError, match="not one of your keywords"):
        services.intake.remove_keyword("冒黑烟")
    assert snapshot(services) == before


@pytest.mark.parametrize("message, named", [
    ("", "empty"), ("  \n ", "empty"), ("x" * 4001, "too long"), ("坏了\udcff", "UTF-8"),
])
def test_bad_messages_are_refused_and_nothing_is_written(services, message, named):
    before = snapshot(services)
    with pytest.raises(OfficeError, match=named):
        services.intake.intake(message)
    assert snapshot(services) == before


def test_many_messages_are_saved_together_or_not_at_all(services):
    before = snapshot(services)
    with pytest.raises(OfficeError, match="Message 2: The message is empty"):
        services.intake.propose_many(["三楼灯不亮", " ", "明天派车"])
    assert snapshot(services) == before
    proposals = services.intake.propose_many(["三楼灯不亮", "明天派车去机场"], SENT)
    jobs = services.intake.save_many(proposals)
    assert [j.category for j in jobs] == ["repair", "vehicle"]
    txns = services.db.execute("SELECT DISTINCT txn FROM events").fetchall()
    assert len(txns) == 1  # one transaction: one undo takes both back
    services.history.undo()
    assert services.db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0] == 0


def test_a_failure_while_saving_many_leaves_nothing(services, monkeypatch):
    proposals = services.intake.propose_many(["三楼灯不亮", "明天派车去机场"], SENT)
    before = snapshot(services)
    calls = []
    original = services.jobs.create

    def create(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise OfficeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(services.jobs, "create", create)
    with pytest.raises(OfficeError, match="disk full"):
        services.intake.save_many(proposals)
    assert snapshot(services) == before


def test_the_preview_is_the_job_the_proposal_would_make(services):
    proposal = services.intake.propose("财务科王老师：三楼会议室空调不制冷，明天上午开会前修好", SENT)
    preview = services.intake.preview(proposal)
    saved = services.intake.save(proposal)
    assert preview.id is None
    for name in ("title", "category", "department", "requester", "importance", "expedite",
                 "due", "status", "urgency"):
        assert getattr(preview, name) == getattr(saved, name), name


@pytest.mark.parametrize("text, expected", [
    ("2026-12-03 10:00", datetime(2026, 12, 3, 10, 0)),
    ("2026-12-03T10:00", datetime(2026, 12, 3, 10, 0)),
    (" 2026-12-03   10:00:30 ", datetime(2026, 12, 3, 10, 0, 30)),
])
def test_sent_times(services, text, expected):
    assert services.intake.parse_sent(text) == expected


@pytest.mark.parametrize("text, named", [
    ("2026-12-03", "YYYY-MM-DD HH:MM"), ("tomorrow", "YYYY-MM-DD HH:MM"),
    ("2026-02-30 10:00", "YYYY-MM-DD HH:MM"), ("2201-01-01 10:00", "1970-01-01 to 2200-12-31"),
    ("1969-12-31 23:59", "1970-01-01 to 2200-12-31"),
])
def test_bad_sent_times(services, text, named):
    with pytest.raises(OfficeError, match=named):
        services.intake.parse_sent(text)
