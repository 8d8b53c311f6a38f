"""The job verbs on a real SQLite file: what they change, what they refuse, what they log."""

from __future__ import annotations

import time as perf
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from office_tui.core.job import to_iso
from office_tui.core.urgency import sort_key
from office_tui.core.vocab import CATEGORIES, STATUSES
from office_tui.services import OfficeError, Services
from office_tui.store import events as event_store
from office_tui.store import jobs as store
from tests.conftest import NOW, FakeClock

def at(month: int, day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2026, month, day, hh, mm)


def row(services, job_id: int) -> dict | None:
    return store.get(services.db, job_id)


def event_rows(services) -> list[tuple]:
    return services.db.execute(
        "SELECT id, ts, action, entity, entity_id, before, after, undoes FROM events ORDER BY id"
    ).fetchall()


def snapshot(services) -> tuple:
    """Everything a verb could write: all jobs, all events, all departments."""
    db = services.db
    return (
        db.execute("SELECT * FROM jobs ORDER BY id").fetchall(),
        db.execute("SELECT COUNT(*) FROM events").fetchone()[0],
        event_rows(services),
        db.execute("SELECT name FROM departments ORDER BY name").fetchall(),
    )


def jobs_table(services) -> list[tuple]:
    return services.db.execute("SELECT * FROM jobs ORDER BY id").fetchall()


# -- add / create -------------------------------------------------------------------------


def test_quick_add_saves_every_field(services):
    job = services.jobs.add("修 三楼会议室 灯管 !high due:today @总务科 #报修", requester="王老师")
    saved = services.jobs.get(job.id)
    assert (saved.title, saved.importance, saved.category, saved.department, saved.requester) == (
        "修 三楼会议室 灯管", "high", "repair", "总务科", "王老师")
    assert saved.due == at(11, 27, 17, 30)
    assert saved.due_source == "given"
    assert saved.status == "open"  # both category and importance given: triaged at the door
    assert saved.created == saved.updated == NOW
    assert saved.expedite is False
    assert "总务科" in services.jobs.departments()


def test_quick_add_without_category_and_importance_lands_in_the_inbox(services):
    job = services.jobs.add("fix the door")
    assert (job.status, job.category, job.importance, job.expedite) == (
        "inbox", "other", "normal", False)
    assert job.due_source == "limit"
    assert services.jobs.add("lamp #repair").status == "inbox"
    assert services.jobs.add("lamp !high").status == "inbox"


def test_quick_add_expedite(services):
    job = services.jobs.add("送领导去机场 !急 #用车")
    assert job.expedite is True
    assert job.category == "vehicle"


@pytest.mark.parametrize(
    ("text", "named"),
    [("fix it due:someday", "due:someday"), ("fix it #nonsense", "#nonsense"),
     ("!high #repair", "title")],
)
def test_quick_add_refusals_name_the_problem_and_write_nothing(services, text, named):
    services.jobs.add("existing job @财务科")
    before = snapshot(services)
    with pytest.raises(OfficeError) as info:
        services.jobs.add(text)
    assert named in str(info.value)
    assert snapshot(services) == before


def test_create_accepts_chinese_aliases(services):
    job = services.jobs.create("接待 检查组", category="接待", importance="高")
    assert (job.category, job.importance) == ("reception", "high")


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [({"category": "garden"}, "garden"), ({"importance": "urgent"}, "urgent"),
     ({"category": ""}, "category"), ({"importance": ""}, "importance")],
)
def test_create_refuses_unknown_words(services, kwargs, named):
    before = snapshot(services)
    with pytest.raises(OfficeError) as info:
        services.jobs.create("x", **kwargs)
    assert named in str(info.value)
    assert snapshot(services) == before


@pytest.mark.parametrize("title", ["", "   ", "\t\n"])
def test_create_refuses_an_empty_title(services, title):
    before = snapshot(services)
    with pytest.raises(OfficeError, match="title"):
        services.jobs.create(title)
    assert snapshot(services) == before


# -- default dues (限时办结) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "due"),
    [
        ("repair", at(11, 27, 17, 30)),  # end of the same working day
        ("print", at(11, 27, 14, 0)),  # 4 working hours
        ("supply", at(11, 30, 10, 0)),  # 1 working day, over the weekend
        ("reception", at(11, 30, 10, 0)),
        ("meeting", at(11, 30, 10, 0)),
        ("vehicle", at(11, 30, 10, 0)),
        ("other", at(12, 2, 10, 0)),
    ],
)
def test_default_due_by_category(services, category, due):
    job = services.jobs.create("x", category=category)
    assert job.due == due
    assert job.due_source == "limit"


def test_default_dues_count_working_time_from_after_hours(services, clock):
    clock.now = at(11, 27, 18, 0)  # Friday evening
    assert services.jobs.create("x", category="repair").due == at(11, 30, 17, 30)
    assert services.jobs.create("x", category="print").due == at(11, 30, 12, 30)
    clock.now = at(11, 27, 15, 0)
    assert services.jobs.create("x", category="print").due == at(11, 30, 10, 0)


def test_a_given_due_beats_the_default(services):
    job = services.jobs.add("x #repair due:tomorrow@14:00")
    assert job.due == at(11, 28, 14, 0)
    assert job.due_source == "given"


# -- triage -------------------------------------------------------------------------------


def test_triage_moves_an_inbox_job_to_open(services):
    job = services.jobs.add("door")
    triaged = services.jobs.triage(job.id, importance="high", category="repair",
                                   due="tomorrow@14:00", expedite=True)
    assert (triaged.status, triaged.importance, triaged.category, triaged.expedite) == (
        "open", "high", "repair", True)
    assert triaged.due == at(11, 28, 14, 0)
    assert triaged.due_source == "given"
    assert services.jobs.get(job.id).importance == "high"
    assert services.jobs.triage(job.id, expedite=False).expedite is False


@pytest.mark.parametrize(
    ("importance", "expected"),
    [("高", "high"), ("中", "normal"), ("低", "low"), ("h", "high"), ("LOW", "low")])
def test_triage_importance_aliases(services, importance, expected):
    job = services.jobs.add("x")
    assert services.jobs.triage(job.id, importance=importance).importance == expected


@pytest.mark.parametrize(
    ("category", "expected"),
    [("报修", "repair"), ("用车", "vehicle"), ("领用", "supply"), ("接待", "reception"),
     ("会议", "meeting"), ("文印", "print"), ("其他", "other")])
def test_triage_category_aliases(services, category, expected):
    job = services.jobs.add("x")
    assert services.jobs.triage(job.id, category=category).category == expected


def test_triage_keeps_a_started_job_started(services):
    job = services.jobs.add("x")
    services.jobs.start(job.id)
    assert services.jobs.triage(job.id, importance="low").status == "in_progress"


def test_a_category_change_recomputes_a_limit_due_from_the_creation_time(services, clock):
    job = services.jobs.add("x")
    assert job.due == at(12, 2, 10, 0)  # other: 3 working days
    clock.advance(hours=2)
    assert services.jobs.triage(job.id, category="repair").due == at(11, 27, 17, 30)
    assert services.jobs.triage(job.id, category="print").due == at(11, 27, 14, 0)
    assert services.jobs.triage(job.id, category="supply").due == at(11, 30, 10, 0)
    assert services.jobs.get(job.id).due_source == "limit"


def test_a_category_change_keeps_a_given_due(services):
    job = services.jobs.add("x due:2026-12-10")
    assert services.jobs.triage(job.id, category="repair").due == at(12, 10, 17, 30)


def test_a_category_change_with_a_due_takes_the_due(services):
    job = services.jobs.add("x")
    changed = services.jobs.triage(job.id, category="repair", due="mon@11:00")
    assert changed.due == at(11, 30, 11, 0)
    assert changed.due_source == "given"


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [({"importance": "urgent"}, "urgent"), ({"category": "garden"}, "garden"),
     ({"due": "someday"}, "someday"), ({"due": ""}, "date"), ({"importance": ""}, "importance")],
)
def test_triage_refusals_write_nothing(services, kwargs, named):
    job = services.jobs.add("x")
    before = snapshot(services)
    with pytest.raises(OfficeError) as info:
        services.jobs.triage(job.id, **kwargs)
    assert named in str(info.value)
    assert snapshot(services) == before


# -- start, wait, promise, done, reply, cancel --------------------------------------------


def test_start(services):
    job = services.jobs.add("x")
    started = services.jobs.start(job.id)
    assert started.status == "in_progress"
    before = snapshot(services)
    with pytest.raises(OfficeError, match="already in progress"):
        services.jobs.start(job.id)
    assert snapshot(services) == before


def test_wait_needs_a_reason(services):
    job = services.jobs.add("x")
    for reason in (None, "", "   "):
        before = snapshot(services)
        with pytest.raises(OfficeError, match="waiting for"):
            services.jobs.wait(job.id, reason)  # type: ignore[arg-type]
        assert snapshot(services) == before
    waiting = services.jobs.wait(job.id, "灯管到货")
    assert (waiting.status, waiting.waiting_reason, waiting.waiting_since) == (
        "waiting", "灯管到货", NOW)
    assert waiting.urgency.parts[-1].value == -5
    before = snapshot(services)
    with pytest.raises(OfficeError, match="already waiting"):
        services.jobs.wait(job.id, "again")
    assert snapshot(services) == before


def test_promise_needs_a_future_date_and_a_reason(services):
    job = services.jobs.add("x #print")
    for by, reason, message in [
        ("someday", "parts late", "someday"),
        ("", "parts late", "date"),
        ("2026-11-27@09:00", "parts late", "past"),  # 09:00 today is before now (10:00)
        ("+0h", "parts late", "past"),
        ("tomorrow", "", "reason"),
        ("tomorrow", None, "reason"),
    ]:
        before = snapshot(services)
        with pytest.raises(OfficeError, match=message):
            services.jobs.promise(job.id, by, reason)  # type: ignore[arg-type]
        assert snapshot(services) == before
    promised = services.jobs.promise(job.id, "mon@15:00", "vendor delivers Monday")
    assert promised.promised_by == at(11, 30, 15, 0)
    assert promised.promise_reason == "vendor delivers Monday"
    assert promised.due == at(11, 27, 14, 0)  # the original limit is kept
    assert promised.effective_due == at(11, 30, 15, 0)
    assert promised.hours_left == pytest.approx(7.5 + 6.5)


def test_done_needs_an_outcome(services):
    job = services.jobs.add("x")
    for outcome in (None, "", "  \n"):
        before = snapshot(services)
        with pytest.raises(OfficeError, match="outcome"):
            services.jobs.done(job.id, outcome)
        assert snapshot(services) == before
    assert services.jobs.get(job.id).status == "inbox"
    done = services.jobs.done(job.id, "换了新灯管")
    assert (done.status, done.outcome, done.closed_at, done.replied_at) == (
        "done", "换了新灯管", NOW, None)
    assert done.is_closed


def test_done_replied_records_the_answer(services, clock):
    job = services.jobs.add("x")
    clock.advance(hours=1)
    done = services.jobs.done(job.id, "fixed", replied=True)
    assert done.replied_at == at(11, 27, 11, 0)
    assert done.closed_at == at(11, 27, 11, 0)


def test_reply_on_open_and_done_jobs(services, clock):
    job = services.jobs.add("x")
    replied = services.jobs.reply(job.id, "已安排师傅今天下午维修")
    assert (replied.replied_at, replied.reply_note) == (NOW, "已安排师傅今天下午维修")
    assert replied.status == "inbox"
    services.jobs.done(job.id, "fixed")
    clock.advance(hours=1)
    again = services.jobs.reply(job.id)
    assert again.replied_at == at(11, 27, 11, 0)
    assert again.reply_note == "已安排师傅今天下午维修"  # no note keeps the old one
    assert again.status == "done"


def test_cancel_needs_a_reason(services):
    job = services.jobs.add("x")
    for reason in (None, "", " "):
        before = snapshot(services)
        with pytest.raises(OfficeError, match="reason"):
            services.jobs.cancel(job.id, reason)  # type: ignore[arg-type]
        assert snapshot(services) == before
    cancelled = services.jobs.cancel(job.id, "申请人撤回")
    assert (cancelled.status, cancelled.cancel_reason, cancelled.closed_at) == (
        "cancelled", "申请人撤回", NOW)


# -- refusals on unknown and closed jobs --------------------------------------------------

VERBS = {
    "triage": lambda s, i: s.jobs.triage(i, importance="high"),
    "start": lambda s, i: s.jobs.start(i),
    "wait": lambda s, i: s.jobs.wait(i, "parts"),
    "promise": lambda s, i: s.jobs.promise(i, "tomorrow", "late parts"),
    "done": lambda s, i: s.jobs.done(i, "fixed"),
    "reply": lambda s, i: s.jobs.reply(i, "told"),
    "cancel": lambda s, i: s.jobs.cancel(i, "withdrawn"),
}


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_actions_on_an_unknown_id_are_refused(services, verb):
    services.jobs.add("x")
    before = snapshot(services)
    with pytest.raises(OfficeError, match="No job #999"):
        VERBS[verb](services, 999)
    assert snapshot(services) == before


@pytest.mark.parametrize("job_id", [0, -1, 2**63, 10**30, -(10**30)])
def test_out_of_range_ids_are_unknown_jobs_not_crashes(services, job_id):
    services.jobs.add("x")
    before = snapshot(services)
    for verb in VERBS.values():
        with pytest.raises(OfficeError, match="No job"):
            verb(services, job_id)
    with pytest.raises(OfficeError, match="No job"):
        services.jobs.get(job_id)
    assert snapshot(services) == before


def test_get_and_history_of_an_unknown_id_are_refused(services):
    with pytest.raises(OfficeError, match="No job #5"):
        services.jobs.get(5)
    with pytest.raises(OfficeError, match="No job #5"):
        services.jobs.history(5)


@pytest.mark.parametrize("verb", sorted(set(VERBS) - {"reply"}))
def test_actions_on_a_done_job_are_refused(services, verb):
    job = services.jobs.add("x")
    services.jobs.done(job.id, "fixed")
    before = snapshot(services)
    with pytest.raises(OfficeError) as info:
        VERBS[verb](services, job.id)
    assert f"#{job.id}" in str(info.value) and "closed" in str(info.value)
    assert snapshot(services) == before


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_actions_on_a_cancelled_job_are_refused(services, verb):
    job = services.jobs.add("x")
    services.jobs.cancel(job.id, "withdrawn")
    before = snapshot(services)
    with pytest.raises(OfficeError) as info:
        VERBS[verb](services, job.id)
    assert f"#{job.id}" in str(info.value) and "closed" in str(info.value)
    assert snapshot(services) == before


# -- the event log ------------------------------------------------------------------------


def test_add_writes_one_event_with_the_new_row(services):
    job = services.jobs.add("x @财务科")
    (event,) = event_store.for_entity(services.db, "job", job.id)
    assert (event["action"], event["ts"], event["before"]) == ("add", to_iso(NOW), None)
    assert event["after"] == row(services, job.id)


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_every_change_writes_exactly_one_event_with_before_and_after(services, clock, verb):
    job = services.jobs.add("x #print")
    clock.advance(minutes=30)
    before_row = row(services, job.id)
    before_events = event_rows(services)
    VERBS[verb](services, job.id)
    after_events = event_rows(services)
    assert after_events[:-1] == before_events
    assert len(after_events) == len(before_events) + 1
    event = event_store.for_entity(services.db, "job", job.id)[-1]
    assert event["action"] == verb
    assert event["ts"] == to_iso(clock.now)
    assert event["before"] == before_row
    assert event["after"] == row(services, job.id)
    assert event["after"] != before_row
    assert event["after"]["updated"] == to_iso(clock.now)


def test_history_lists_a_jobs_events_in_order(services):
    job = services.jobs.add("x")
    services.jobs.add("other job")
    services.jobs.triage(job.id, importance="high")
    services.jobs.start(job.id)
    services.jobs.done(job.id, "ok")
    assert [e["action"] for e in services.jobs.history(job.id)] == [
        "add", "triage", "start", "done"]


def test_the_change_and_its_event_are_one_transaction(services, monkeypatch):
    job = services.jobs.add("x")
    before = snapshot(services)

    def broken_record(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(event_store, "record", broken_record)
    with pytest.raises(RuntimeError):
        services.jobs.triage(job.id, importance="high")
    with pytest.raises(RuntimeError):
        services.jobs.add("new one @新部门")
    with pytest.raises(RuntimeError):
        services.jobs.undo()
    assert snapshot(services) == before
    assert not services.db.conn.in_transaction


# -- undo ---------------------------------------------------------------------------------


def test_nothing_to_undo_on_a_fresh_database(services):
    with pytest.raises(OfficeError, match="Nothing to undo"):
        services.jobs.undo()
    assert snapshot(services)[1] == 0


def test_undo_reverts_the_last_change_by_appending_its_inverse(services, clock):
    job = services.jobs.add("x")
    table = jobs_table(services)
    clock.advance(minutes=5)
    services.jobs.triage(job.id, importance="high", category="repair")
    triage_event = event_rows(services)[-1]
    result = services.jobs.undo()
    assert result == {"undone": "triage", "job_id": job.id, "event_id": triage_event[0]}
    assert jobs_table(services) == table
    last = event_rows(services)[-1]
    assert (last[2], last[4], last[7]) == ("undo", job.id, triage_event[0])
    assert len(event_rows(services)) == 3  # add, triage, undo: nothing is erased


def test_undo_of_an_add_removes_the_job(services):
    job = services.jobs.add("x")
    assert services.jobs.undo()["undone"] == "add"
    assert jobs_table(services) == []
    with pytest.raises(OfficeError, match="No job"):
        services.jobs.get(job.id)
    with pytest.raises(OfficeError, match="Nothing to undo"):
        services.jobs.undo()


def test_undo_walks_back_any_depth(services, clock):
    states = [jobs_table(services)]
    a = services.jobs.add("lamp #repair")
    states.append(jobs_table(services))
    steps = [
        lambda: services.jobs.triage(a.id, importance="high"),
        lambda: services.jobs.start(a.id),
        lambda: services.jobs.wait(a.id, "parts"),
        lambda: services.jobs.add("paper #领用"),
        lambda: services.jobs.start(a.id),
        lambda: services.jobs.promise(a.id, "mon", "late delivery"),
        lambda: services.jobs.reply(a.id, "told"),
        lambda: services.jobs.done(a.id, "fixed", replied=True),
        lambda: services.jobs.reply(a.id, "told again"),
        lambda: services.jobs.cancel(a.id + 1, "not needed"),
    ]
    for step in steps:
        clock.advance(minutes=17)
        step()
        states.append(jobs_table(services))
    for expected in reversed(states[:-1]):
        services.jobs.undo()
        assert jobs_table(services) == expected
    with pytest.raises(OfficeError, match="Nothing to undo"):
        services.jobs.undo()


def test_a_new_change_after_undo_is_undone_first(services):
    job = services.jobs.add("x")
    services.jobs.triage(job.id, importance="high")
    services.jobs.undo()  # importance back to normal
    services.jobs.triage(job.id, importance="low")
    services.jobs.undo()
    assert services.jobs.get(job.id).importance == "normal"
    services.jobs.undo()
    assert jobs_table(services) == []


def test_undo_of_done_reopens_the_job(services):
    job = services.jobs.add("x")
    services.jobs.start(job.id)
    services.jobs.done(job.id, "fixed", replied=True)
    services.jobs.undo()
    reopened = services.jobs.get(job.id)
    assert (reopened.status, reopened.outcome, reopened.closed_at, reopened.replied_at) == (
        "in_progress", None, None, None)
    assert [j.id for j in services.jobs.list()] == [job.id]


def test_an_undone_add_does_not_lend_its_id_to_the_next_job(services):
    first = services.jobs.add("first")
    services.jobs.undo()
    second = services.jobs.add("second")
    assert second.id != first.id
    assert [e["action"] for e in services.jobs.history(second.id)] == ["add"]


# -- waiting pauses the clock -------------------------------------------------------------


def test_waiting_two_working_hours_moves_the_due_two_working_hours(services, clock):
    job = services.jobs.add("agenda #print")
    assert job.due == at(11, 27, 14, 0)
    services.jobs.wait(job.id, "toner")
    clock.advance(hours=2)
    resumed = services.jobs.start(job.id)
    assert resumed.due == at(11, 27, 16, 0)
    assert resumed.waiting_since is None
    assert resumed.status == "in_progress"


def test_waiting_over_a_weekend_counts_only_working_time(services, clock):
    job = services.jobs.add("agenda #print")
    clock.now = at(11, 27, 16, 0)
    services.jobs.wait(job.id, "toner")
    clock.now = at(11, 30, 10, 0)  # Monday: 1.5 h on Friday + 1.5 h on Monday
    resumed = services.jobs.triage(job.id, importance="high")  # still waiting: no move yet
    assert resumed.due == at(11, 27, 14, 0)
    resumed = services.jobs.start(job.id)
    assert resumed.due == at(11, 27, 17, 0)  # 14:00 Fri + 3 working hours


def test_closing_a_waiting_job_stops_the_wait(services, clock):
    job = services.jobs.add("x #print")
    services.jobs.wait(job.id, "parts")
    clock.advance(hours=1)
    done = services.jobs.done(job.id, "fixed anyway")
    assert done.waiting_since is None
    assert done.due == at(11, 27, 15, 0)


# -- derived state ------------------------------------------------------------------------


def test_overdue_and_at_risk(services, clock):
    job = services.jobs.add("agenda #print")  # due 14:00, 4 working hours
    assert not job.at_risk and not job.overdue
    clock.now = at(11, 27, 13, 30)  # 0.5 h of 4 left: 12.5 %
    job = services.jobs.get(job.id)
    assert job.limit_left == pytest.approx(0.125)
    assert job.at_risk and not job.overdue
    clock.now = at(11, 27, 14, 30)
    job = services.jobs.get(job.id)
    assert job.overdue and not job.at_risk
    assert job.hours_left == pytest.approx(-0.5)
    assert job.due_today(clock.now)


def test_json_urgency_is_the_sum_of_its_parts(services, clock):
    job = services.jobs.add("x !high !! #repair due:today@9:00")
    clock.advance(hours=3)
    data = services.jobs.get(job.id).to_json()
    assert data["urgency"] == pytest.approx(sum(data["urgency_parts"].values()), abs=0.005)
    assert data["urgency_parts"]["importance"] == 6
    assert data["urgency_parts"]["expedite"] == 15
    assert data["due"] == "2026-11-27T09:00:00"
    assert data["overdue"] is True


# -- list ---------------------------------------------------------------------------------


def test_list_orders_by_urgency_then_due_then_id(services):
    same_due = at(11, 30, 12, 0)
    low = services.jobs.create("low", importance="low", due=same_due)
    normal_b = services.jobs.create("normal b", due=same_due)
    expedite = services.jobs.create("expedite", expedite=True, due=same_due)
    high = services.jobs.create("high", importance="high", due=same_due)
    normal_a = services.jobs.create("normal a", due=same_due)
    # Beyond the 40 h horizon every due scores the same: ties go to the earlier due.
    far_late = services.jobs.create("far late", due=at(12, 31, 17, 0))
    far_early = services.jobs.create("far early", due=at(12, 30, 17, 0))
    listed = services.jobs.list()
    assert [j.title for j in listed] == [
        "expedite", "high", "normal b", "normal a", "low", "far early", "far late"]
    assert normal_b.id < normal_a.id
    assert far_late.id < far_early.id
    assert {low.id, expedite.id, high.id} <= {j.id for j in listed}
    totals = [j.urgency.total for j in listed]
    assert totals == sorted(totals, reverse=True)


def test_list_order_is_the_core_sort_key_on_demo_data(services, clock):
    services.load_demo(jobs=300)
    services.jobs.promise(1, "2026-12-20", "later")
    clock.advance(hours=3)
    listed = services.jobs.list(limit=1000, include_closed=True)
    assert len(listed) == 360
    # Open jobs by the core sort key; then the closed ones, most recently closed first.
    open_jobs = [j for j in listed if not j.is_closed]
    closed = [j for j in listed if j.is_closed]
    expected = sorted(open_jobs, key=lambda j: sort_key(j.urgency.total, j.effective_due, j.id))
    assert [j.id for j in listed[:len(open_jobs)]] == [j.id for j in expected]
    assert closed and listed[len(open_jobs):] == closed
    closed_times = [j.closed_at for j in closed]
    assert closed_times == sorted(closed_times, reverse=True)


def test_listing_closed_jobs_does_not_rank_them(services, clock, monkeypatch):
    """--all must not call the Python urgency function once per archived job."""
    from office_tui.services import jobs as jobs_service

    services.load_demo(jobs=1000)
    calls = []
    real = jobs_service.compute

    def counting(**kwargs):
        calls.append(1)
        return real(**kwargs)

    monkeypatch.setattr(jobs_service, "compute", counting)
    open_count = services.jobs.count()
    services.jobs.list(include_closed=True, limit=5)
    assert len(calls) <= open_count


def test_a_promise_takes_part_in_the_ordering(services):
    near = services.jobs.create("near", due=at(11, 27, 12, 0))
    far = services.jobs.create("far", due=at(12, 3, 17, 0))
    assert [j.id for j in services.jobs.list()] == [near.id, far.id]
    services.jobs.promise(near.id, "2026-12-20", "vendor")
    assert [j.id for j in services.jobs.list()] == [far.id, near.id]


def test_list_hides_closed_jobs_unless_asked(services):
    a = services.jobs.add("a")
    b = services.jobs.add("b")
    c = services.jobs.add("c")
    services.jobs.done(a.id, "ok")
    services.jobs.cancel(b.id, "no")
    assert [j.id for j in services.jobs.list()] == [c.id]
    assert {j.id for j in services.jobs.list(include_closed=True)} == {a.id, b.id, c.id}
    assert services.jobs.count() == 1
    assert services.jobs.count(include_closed=True) == 3


def test_inbox_only(services):
    inbox = services.jobs.add("new")
    triaged = services.jobs.add("triaged")
    services.jobs.triage(triaged.id, importance="low")
    started = services.jobs.add("started")
    services.jobs.start(started.id)
    assert [j.id for j in services.jobs.list(inbox_only=True)] == [inbox.id]
    assert services.jobs.count(inbox_only=True) == 1
    assert len(services.jobs.list()) == 3


def test_search_by_title_department_and_requester(services):
    lamp = services.jobs.add("三楼 灯管 @总务科", requester="王老师")
    paper = services.jobs.add("A4 Paper @财务科", requester="Liu")
    printer = services.jobs.add("printer jam @办公室", requester="张主任")

    def found(text, **kwargs):
        return {j.id for j in services.jobs.list(search=text, **kwargs)}

    assert found("灯管") == {lamp.id}
    assert found("总务") == {lamp.id}
    assert found("王老师") == {lamp.id}
    assert found("paper") == {paper.id}  # ASCII case does not matter
    assert found("LIU") == {paper.id}
    assert found("p") == {paper.id, printer.id}
    assert found("nothing like it") == set()
    assert found("") == {lamp.id, paper.id, printer.id}
    assert services.jobs.count(search="p") == 2
    services.jobs.done(paper.id, "delivered")
    assert found("paper") == set()
    assert found("paper", include_closed=True) == {paper.id}


def test_search_treats_like_wildcards_literally(services):
    percent = services.jobs.add("discount 50% paper")
    under = services.jobs.add("file_name check")
    services.jobs.add("plain words")
    assert [j.id for j in services.jobs.list(search="%")] == [percent.id]
    assert [j.id for j in services.jobs.list(search="_")] == [under.id]
    assert [j.id for j in services.jobs.list(search="\\")] == []


def test_paging_gives_disjoint_pages_that_cover_the_list(services, clock):
    for i in range(23):
        clock.advance(minutes=7)
        services.jobs.create(f"job {i}", importance=("high", "normal", "low")[i % 3],
                             category=CATEGORIES[i % len(CATEGORIES)])
    everything = [j.id for j in services.jobs.list(limit=100)]
    pages = [[j.id for j in services.jobs.list(limit=10, offset=o)] for o in (0, 10, 20, 30)]
    assert [len(p) for p in pages] == [10, 10, 3, 0]
    assert pages[0] + pages[1] + pages[2] == everything
    assert len(set(everything)) == 23


def test_a_huge_limit_or_offset_is_fine(services):
    job = services.jobs.add("x")
    assert [j.id for j in services.jobs.list(limit=10**30)] == [job.id]
    assert services.jobs.list(offset=10**30) == []


def test_search_by_id(services):
    first = services.jobs.add("alpha")
    services.jobs.add("beta")
    assert [j.id for j in services.jobs.list(search=f"#{first.id}")] == [first.id]
    assert [j.id for j in services.jobs.list(search=str(first.id))] == [first.id]


def test_negative_paging_is_refused(services):
    with pytest.raises(OfficeError):
        services.jobs.list(limit=-1)
    with pytest.raises(OfficeError):
        services.jobs.list(offset=-1)


# -- user text is stored exactly ----------------------------------------------------------

TRICKY = [
    "[bold]灯管[/bold] 不亮",
    "close [/] tag",
    "\x1b[31mred alert\x1b[0m",
    "三楼会议室 🔧💡 灯管",
    "[link=http://x]x[/link] $(rm -rf) '; DROP TABLE jobs; --",
    "ｆｕｌｌ　ｗｉｄｔｈ",
]


@pytest.mark.parametrize("title", TRICKY)
def test_tricky_titles_are_stored_exactly(services, title):
    job = services.jobs.create(title, department="[red]科[/]", requester="\x1b[1mX")
    assert services.jobs.get(job.id).title == title
    assert row(services, job.id)["title"] == title
    assert row(services, job.id)["department"] == "[red]科[/]"
    assert row(services, job.id)["requester"] == "\x1b[1mX"
    assert services.jobs.get(job.id).to_json()["title"] == title
    assert [j.id for j in services.jobs.list(search=title)] == [job.id]


@pytest.mark.parametrize("title", [t for t in TRICKY if "\u3000" not in t])
def test_tricky_titles_survive_quick_add(services, title):
    job = services.jobs.add(f"{title} #repair !low")
    assert row(services, job.id)["title"] == title


@pytest.mark.parametrize(
    "call",
    [
        lambda s, i: s.jobs.add("lamp \udcff broken"),
        lambda s, i: s.jobs.add("lamp @\udcff"),
        lambda s, i: s.jobs.create("lamp", requester="\ud800"),
        lambda s, i: s.jobs.wait(i, "parts \udcff"),
        lambda s, i: s.jobs.promise(i, "mon", "\udcff"),
        lambda s, i: s.jobs.done(i, "fixed \udcfe"),
        lambda s, i: s.jobs.reply(i, "\udcff"),
        lambda s, i: s.jobs.cancel(i, "\udcff"),
        lambda s, i: s.jobs.list(search="\udcff"),
        lambda s, i: s.jobs.count(search="\udcff"),
    ],
)
def test_undecodable_terminal_input_is_refused_with_a_message(services, call):
    # Bytes that were not UTF-8 reach Python as lone surrogates; SQLite cannot store them.
    job = services.jobs.add("existing")
    before = snapshot(services)
    with pytest.raises(OfficeError, match="UTF-8"):
        call(services, job.id)
    assert snapshot(services) == before


def test_outcome_and_reasons_are_stored_exactly(services):
    job = services.jobs.add("x")
    services.jobs.wait(job.id, "[/] waiting \x1b[2J")
    services.jobs.start(job.id)
    done = services.jobs.done(job.id, "[bold]done[/] ✅")
    assert done.outcome == "[bold]done[/] ✅"
    assert row(services, job.id)["waiting_reason"] == "[/] waiting \x1b[2J"


# -- demo data ----------------------------------------------------------------------------


def test_demo_loads_sixty_realistic_jobs(services):
    assert services.load_demo() == {"jobs": 60, "generated": 0}
    everything = services.jobs.list(include_closed=True, limit=1000)
    assert len(everything) == 60
    assert {j.category for j in everything} == set(CATEGORIES)
    assert {j.status for j in everything} <= set(STATUSES)
    assert {"inbox", "open", "in_progress", "waiting", "done"} <= {j.status for j in everything}
    assert any(j.overdue for j in everything)
    assert any(j.expedite for j in everything)
    assert any(any("\u4e00" <= c <= "\u9fff" for c in j.title) for j in everything)
    assert any(j.title.isascii() for j in everything)
    assert all(j.created <= NOW for j in everything)
    assert all(j.outcome for j in everything if j.status == "done")
    assert all(j.cancel_reason for j in everything if j.status == "cancelled")
    assert all(j.waiting_reason for j in everything if j.status == "waiting")
    assert len(services.jobs.departments()) >= 5


def test_demo_refuses_a_database_that_is_not_empty(services):
    services.jobs.add("my real job")
    before = snapshot(services)
    with pytest.raises(OfficeError, match="--force"):
        services.load_demo()
    assert snapshot(services) == before
    assert services.load_demo(force=True)["jobs"] == 60
    assert services.jobs.count(include_closed=True) == 61


def test_demo_twice_is_refused(services):
    services.load_demo()
    before = snapshot(services)
    with pytest.raises(OfficeError):
        services.load_demo(jobs=10)
    assert snapshot(services) == before


def test_demo_generates_many_rows_fast(services):
    started = perf.perf_counter()
    assert services.load_demo(jobs=2000) == {"jobs": 60, "generated": 2000}
    assert perf.perf_counter() - started < 5
    assert services.jobs.count(include_closed=True) == 2060
    ids = [r[0] for r in services.db.execute("SELECT id FROM jobs ORDER BY id")]
    assert ids == list(range(1, 2061))
    page = services.jobs.list(limit=20)
    assert len(page) == 20


def test_demo_refuses_a_negative_count(services):
    with pytest.raises(OfficeError):
        services.load_demo(jobs=-1)
    assert services.jobs.count(include_closed=True) == 0


def test_demo_is_not_undone_as_a_job_change(services):
    services.load_demo()
    with pytest.raises(OfficeError, match="Nothing to undo"):
        services.jobs.undo()
    assert services.jobs.count(include_closed=True) == 60


def test_services_report_a_bad_file_as_office_error(tmp_path, clock):
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    with pytest.raises(OfficeError, match="not an SQLite database"):
        Services(path, clock=clock).open()
    assert path.read_text() == "not a database"


# -- properties: any sequence of verbs can be walked back ---------------------------------

STEP = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(
        ["lamp #repair !high", "paper #领用", "car !! #用车 due:mon@9:00", "x due:bad", "#302"])),
    st.tuples(st.sampled_from(sorted(VERBS)), st.integers(1, 4)),
    st.tuples(st.just("tick"), st.integers(1, 600)),
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, max_size=12))
def test_any_sequence_of_verbs_can_be_undone_step_by_step(tmp_path_factory, steps):
    clock = FakeClock()
    svc = Services(tmp_path_factory.mktemp("seq") / "office.db", clock=clock).open()
    try:
        states = [jobs_table(svc)]
        for name, arg in steps:
            if name == "tick":
                clock.advance(minutes=arg)
                continue
            before = snapshot(svc)
            try:
                if name == "add":
                    svc.jobs.add(arg)
                else:
                    VERBS[name](svc, arg)
            except OfficeError:
                assert snapshot(svc) == before  # a refusal writes nothing
                continue
            after = snapshot(svc)
            assert after[1] == before[1] + 1  # one change, one event
            states.append(jobs_table(svc))
        for expected in reversed(states[:-1]):
            svc.jobs.undo()
            assert jobs_table(svc) == expected
        with pytest.raises(OfficeError, match="Nothing to undo"):
            svc.jobs.undo()
    finally:
        svc.close()


def test_a_second_process_sees_changes_and_data_version_moves(db_path, clock):
    tui = Services(db_path, clock=clock).open()
    cli = Services(db_path, clock=clock).open()
    try:
        seen = tui.data_version()
        assert tui.data_version() == seen  # nothing changed
        job = cli.jobs.add("added from the CLI")
        assert tui.data_version() != seen
        assert [j.id for j in tui.jobs.list()] == [job.id]
    finally:
        tui.close()
        cli.close()


def test_data_survives_closing_and_reopening(db_path, clock):
    first = Services(db_path, clock=clock).open()
    job = first.jobs.add("persist me [bold]!")
    first.close()
    again = Services(db_path, clock=clock).open()
    try:
        assert again.jobs.get(job.id).title == "persist me [bold]!"
        assert again.jobs.undo()["undone"] == "add"
    finally:
        again.close()


def test_empty_triage_accepts_an_inbox_job_but_is_refused_otherwise(services):
    job = services.jobs.add("accept me as I am")
    assert services.jobs.triage(job.id).status == "open"
    events_before = services.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    with pytest.raises(OfficeError, match="Nothing to change"):
        services.jobs.triage(job.id)
    assert services.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == events_before


def test_demo_refuses_an_absurd_number_of_generated_jobs(services):
    with pytest.raises(OfficeError, match="between 0 and"):
        services.load_demo(jobs=10**12)
    assert services.jobs.count(include_closed=True) == 0


def test_ranked_listing_equals_scoring_every_row(services, clock):
    """The indexed bucket ranking gives the same pages as a full scan with urgency()."""
    import random

    from office_tui.store import jobs as store_jobs

    services.load_demo(jobs=3000)
    rng = random.Random(7)
    open_ids = [j.id for j in services.jobs.list(limit=10_000)]
    for job_id in rng.sample(open_ids, 40):
        action = rng.choice(["wait", "promise", "expedite", "start"])
        if action == "wait" and services.jobs.get(job_id).status != "waiting":
            services.jobs.wait(job_id, "vendor")
        elif action == "promise":
            services.jobs.promise(job_id, rng.choice(["+2d", "+1w", "tomorrow@9:00"]), "late")
        elif action == "expedite":
            services.jobs.triage(job_id, expedite=True)
        elif services.jobs.get(job_id).status != "in_progress":
            services.jobs.start(job_id)
    clock.advance(hours=5)
    now = clock()
    full = store_jobs.page(services.db, services.jobs._ranker(now), limit=100_000)
    expected = [row["id"] for row, _u in full]
    for offset, limit in [(0, 50), (0, 1), (37, 80), (len(expected) - 5, 50)]:
        got = [j.id for j in services.jobs.list(limit=limit, offset=offset)]
        assert got == expected[offset:offset + limit]
    inbox_full = store_jobs.page(services.db, services.jobs._ranker(now), inbox_only=True,
                                 limit=100_000)
    assert [j.id for j in services.jobs.list(inbox_only=True, limit=30)] == [
        row["id"] for row, _u in inbox_full][:30]
    everything = services.jobs.list(include_closed=True, limit=100_000)
    assert [j.id for j in everything][:len(expected)] == expected
    assert len(everything) == services.jobs.count(include_closed=True)


def test_a_change_that_keeps_the_text_keeps_the_search_key(services, monkeypatch):
    """Triage must not recompute (or load the tables for) the pinyin key."""
    from office_tui.store import jobs as store_jobs

    job = services.jobs.add("会议室布置")
    calls = []
    real = store_jobs.row_key
    monkeypatch.setattr(store_jobs, "row_key", lambda row: calls.append(1) or real(row))
    services.jobs.triage(job.id, importance="high")
    services.jobs.start(job.id)
    assert calls == []
    assert [j.id for j in services.jobs.list(search="hysbz")] == [job.id]
