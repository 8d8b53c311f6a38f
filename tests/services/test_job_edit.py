"""Editing a job (issue 14): title, department, requester and location; one transaction
with its event, undoable, refused with one line; the location searched like the rest."""

from __future__ import annotations

import pytest

from office_tui.services import OfficeError
from office_tui.store import jobs as store


def snapshot(services) -> tuple:
    db = services.db
    return (db.execute("SELECT * FROM jobs ORDER BY id").fetchall(),
            db.execute("SELECT COUNT(*) FROM events").fetchone()[0])


def test_edit_changes_the_four_fields_in_one_event(services):
    job = services.jobs.add("修空调 @总务科")
    before = snapshot(services)
    edited = services.jobs.edit(job.id, title="修 3F 空调", department="办公室",
                                requester="张老师", location="3F 会议室")
    assert (edited.title, edited.department, edited.requester, edited.location) == (
        "修 3F 空调", "办公室", "张老师", "3F 会议室")
    assert snapshot(services)[1] == before[1] + 1
    [event] = [e for e in services.jobs.history(job.id) if e["action"] == "edit"]
    assert event["before"]["title"] == "修空调" and event["after"]["location"] == "3F 会议室"
    assert "办公室" in services.jobs.departments()


def test_edit_is_undone_whole(services):
    job = services.jobs.add("修空调 @总务科")
    services.jobs.edit(job.id, title="修 3F 空调", location="3F 会议室")
    services.history.undo()
    back = services.jobs.get(job.id)
    assert (back.title, back.location) == ("修空调", None)
    assert services.jobs.list(search="3F") == []  # the key went back with the row


@pytest.mark.parametrize(("kwargs", "message"), [
    ({}, "Nothing to change on job #1"),
    ({"title": "  "}, "The title is empty"),
    ({"title": "修空调"}, "already reads so"),
    ({"title": "x\udc80y"}, "not valid UTF-8"),
])
def test_edit_refusals_change_nothing(services, kwargs, message):
    services.jobs.add("修空调")
    before = snapshot(services)
    with pytest.raises(OfficeError, match=message):
        services.jobs.edit(1, **kwargs)
    assert snapshot(services) == before


def test_edit_of_an_unknown_job_is_refused(services):
    with pytest.raises(OfficeError, match="No job #9"):
        services.jobs.edit(9, title="x")


def test_an_empty_text_clears_department_requester_and_location(services):
    job = services.jobs.add("修空调 @总务科 ~张老师 @@3F会议室")
    edited = services.jobs.edit(job.id, department="", requester=" ", location="")
    assert (edited.department, edited.requester, edited.location) == (None, None, None)


def test_a_closed_job_can_be_corrected(services):
    job = services.jobs.add("修空调")
    services.jobs.done(job.id, "换了电容")
    edited = services.jobs.edit(job.id, requester="张老师")
    assert edited.status == "done" and edited.requester == "张老师"


def test_quick_add_takes_requester_and_location_tokens(services):
    job = services.jobs.add("修空调 ~张老师 @@3F会议室 #报修")
    assert (job.title, job.requester, job.location) == ("修空调", "张老师", "3F会议室")


def test_two_different_requesters_are_refused(services):
    with pytest.raises(OfficeError, match="Two requesters"):
        services.jobs.add("修空调 ~张老师", requester="李老师")
    assert services.jobs.count(include_closed=True) == 0
    assert services.jobs.add("修空调 ~张老师", requester="张老师").requester == "张老师"


def test_location_is_searched_by_text_and_pinyin_open_and_closed(services):
    job = services.jobs.add("修空调")
    services.jobs.edit(job.id, location="3F 会议室")
    other = services.jobs.add("换灯管")
    for term in ("3F 会议", "huiyishi", "hys"):
        assert [j.id for j in services.jobs.list(search=term)] == [job.id], term
        assert services.jobs.count(search=term) == 1
    services.jobs.done(job.id, "修好了")
    assert [j.id for j in services.jobs.closed(search="hys")] == [job.id]
    assert [j.id for j in services.jobs.list(search="hys", include_closed=True)] == [job.id]
    assert other.id not in [j.id for j in services.jobs.closed()]


def test_the_location_search_is_tested_in_the_index(services):
    """jobs_rank holds the location too: a count of a search reads the index alone."""
    where, params = store._where("会议室", False, False)
    plan = services.db.execute(
        "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM jobs INDEXED BY jobs_rank"
        f"{where} AND {store.OPEN_SQL}", params).fetchall()
    assert any("COVERING INDEX jobs_rank" in str(step) for step in plan), plan


def test_requester_is_searched(services):
    job = services.jobs.add("修空调 ~张老师")
    assert [j.id for j in services.jobs.list(search="zls")] == [job.id]


def test_the_closed_view_reads_its_page_in_index_order(services):
    """No sort of the archive: the page is read in closing order from jobs_closed_at (the
    search tested on each row as it comes), the undated from jobs_closed_undated."""
    db = services.db
    for search in (None, "会议室"):
        where, params = store._matches(search) if search else ("1", [])
        for index, dated in (("jobs_closed_at", "closed_at IS NOT NULL"),
                             ("jobs_closed_undated", "closed_at IS NULL")):
            plan = " ".join(str(step) for step in db.execute(
                f"EXPLAIN QUERY PLAN SELECT * FROM jobs INDEXED BY {index} WHERE {dated} "
                f"AND {store.CLOSED_SQL} AND {where} ORDER BY closed_at DESC, id DESC LIMIT 5",
                params).fetchall())
            assert index in plan and "TEMP B-TREE" not in plan, plan
