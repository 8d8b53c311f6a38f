"""A search walks the urgency streams with the match added (services/jobs.py
_search_rows) and stops once the page is full: it must give exactly what ranking every
match gives (store.jobs.page, the obvious computation), on a real SQLite file."""

from __future__ import annotations

import random
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from office_tui.core.job import to_iso
from office_tui.services import Services
from office_tui.store import jobs as store
from office_tui.store import write
from tests.conftest import NOW, FakeClock

# Terms that hit many rows, few, one, none; Chinese, pinyin (full and initials), an id,
# LIKE's wildcards taken literally, upper case, a space inside.
TERMS = ["p", "proj", "PROJ", "lamp", "会议室", "huiyi", "hys", "hysbz", "#12", "12", "no-such",
         "%", "_", "a b", "科"]
VIEWS = [dict(), dict(inbox_only=True), dict(include_closed=True)]


def obvious(svc: Services, search: str, **view) -> list[int]:
    """Every match scored with urgency() and sorted by SQLite (the old path); closed
    matches after them as the listing without a search puts the archive: latest closed
    first, ties by the higher id (those without a closing time last)."""
    rows = store.page(svc.db, svc.jobs._ranker(svc.now()), search=search, limit=1_000_000,
                      **view)
    closed = sorted((row for row, u in rows if u is None), reverse=True, key=lambda row: (
        row["closed_at"] is not None, row["closed_at"] or "", row["id"]))
    return [row["id"] for row, u in rows if u is not None] + [row["id"] for row in closed]


def test_search_pages_equal_ranking_every_match(services, clock):
    services.load_demo(jobs=1500)
    rng = random.Random(3)
    open_ids = [j.id for j in services.jobs.list(limit=5000)]
    for job_id in rng.sample(open_ids, 60):  # every bucket: waiting, promised, expedited
        job = services.jobs.get(job_id)
        action = rng.choice(["wait", "promise", "expedite", "start", "done"])
        if action == "wait" and job.status != "waiting":
            services.jobs.wait(job_id, "vendor")
        elif action == "promise":
            services.jobs.promise(job_id, rng.choice(["+2d", "tomorrow@9:00"]), "late")
        elif action == "expedite":
            services.jobs.triage(job_id, expedite=True)
        elif action == "done":
            services.jobs.done(job_id, "fixed")
        elif job.status != "in_progress":
            services.jobs.start(job_id)
    clock.advance(hours=7)
    assert services.jobs.count(search="p") > 45  # a common term: past the first page
    for term in TERMS:
        for view in VIEWS:
            expected = obvious(services, term, **view)
            for offset, limit in [(0, 60), (0, 1), (45, 30), (max(len(expected) - 3, 0), 50)]:
                got = [j.id for j in services.jobs.list(search=term, limit=limit,
                                                         offset=offset, **view)]
                assert got == expected[offset:offset + limit], (term, view, offset, limit)
            total = services.jobs.count(search=term, **view)
            assert total == len(expected), (term, view)
            for cap in (0, 1, 5, 1000):
                assert services.jobs.count(search=term, at_most=cap, **view) == min(total, cap)


def test_chinese_pinyin_and_ascii_searches_find_their_jobs(services):
    room = services.jobs.add("会议室布置 @行政办公室")
    lamp = services.jobs.add("Fix the LAMP !high")
    paper = services.jobs.add("领 A4纸 @财务科")
    closed = services.jobs.add("会议室 chairs")
    services.jobs.done(closed.id, "moved")

    def found(term: str, **view) -> list[int]:
        return [j.id for j in services.jobs.list(search=term, **view)]

    assert found("会议室") == [room.id]
    assert found("hysbz") == found("huiyishi") == found("HYS") == [room.id]
    assert found("lamp") == found("the lamp") == [lamp.id]
    assert found("a4z") == found("cwk") == [paper.id]
    assert found(f"#{lamp.id}") == [lamp.id]
    assert found("会议室", include_closed=True) == [room.id, closed.id]
    assert services.jobs.count(search="hys") == 1
    assert services.jobs.count(search="hys", include_closed=True) == 2


def test_the_match_is_tested_in_the_index(services):
    """jobs_rank holds the searched texts: counting matches reads that index alone, and
    a bucket's walk tests the match there before reading a row from the table."""
    db = services.db
    where, params = store._where("lamp", False, True)
    plan = db.execute("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM jobs INDEXED BY jobs_rank"
                      f"{where} AND {store.OPEN_SQL}", params).fetchall()
    assert any("COVERING INDEX jobs_rank" in str(step) for step in plan), plan
    matches, params = store._matches("lamp")
    plan = db.execute(
        f"EXPLAIN QUERY PLAN SELECT * FROM jobs WHERE {store.OPEN_SQL} AND importance = 'high' "
        "AND expedite = 0 AND status = 'open' AND COALESCE(promised_by, due) IS NOT NULL "
        f"AND {matches} ORDER BY COALESCE(promised_by, due), id LIMIT 4", params).fetchall()
    assert any("INDEX jobs_rank" in str(step) for step in plan), plan


# -- any titles, any terms ------------------------------------------------------------------

CHARS = st.sampled_from(list("abcpj 会议室布置科%_Ab"))
JOB = st.fixed_dictionaries({
    "title": st.text(CHARS, min_size=1, max_size=8).filter(lambda t: t.strip()),
    "department": st.one_of(st.none(), st.sampled_from(["总务科", "IT", "ab"])),
    "importance": st.sampled_from(["high", "normal", "low"]),
    "expedite": st.integers(0, 1),
    "status": st.sampled_from(["inbox", "open", "in_progress", "waiting", "done", "cancelled"]),
    "due_hours": st.one_of(st.none(), st.integers(-30, 60)),
    "age_hours": st.integers(0, 80),
})


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(jobs=st.lists(JOB, min_size=1, max_size=40), terms=st.lists(
    st.text(CHARS, min_size=1, max_size=3), min_size=1, max_size=4),
    limit=st.integers(1, 12), offset=st.integers(0, 15))
def test_any_titles_and_terms_rank_as_scoring_every_match(tmp_path_factory, jobs, terms,
                                                          limit, offset):
    svc = Services(tmp_path_factory.mktemp("search") / "office.db", clock=FakeClock()).open()
    try:
        rows = []
        for j in jobs:
            closed = j["status"] in ("done", "cancelled")
            due = None if j["due_hours"] is None else NOW + timedelta(hours=j["due_hours"])
            rows.append({
                "title": j["title"], "department": j["department"], "category": "other",
                "importance": j["importance"], "expedite": j["expedite"],
                "due": to_iso(due) if due else None, "status": j["status"],
                "created": to_iso(NOW - timedelta(hours=j["age_hours"])),
                "updated": to_iso(NOW),
                "closed_at": (to_iso(NOW - timedelta(hours=j["age_hours"]))
                              if closed and j["age_hours"] % 5 else None),
            })
        with write(svc.db):
            store.insert_many(svc.db, rows)
        # Terms cut from the titles too, so that most of them match something.
        terms = terms + [j["title"][:2] for j in jobs[:3]]
        for term in terms:
            if not term.strip():
                continue
            for view in VIEWS:
                expected = obvious(svc, term, **view)
                got = [j.id for j in svc.jobs.list(search=term, limit=limit, offset=offset,
                                                   **view)]
                assert got == expected[offset:offset + limit], (term, view)
                assert svc.jobs.count(search=term, at_most=limit, **view) == min(
                    len(expected), limit)
    finally:
        svc.close()
