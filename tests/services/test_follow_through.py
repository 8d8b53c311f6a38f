"""Issue: follow every job through — handler, notes, referral with follow-up, contacts,
reply templates, handover, duplicates and merge, bulk verbs — on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from office_tui.services import OfficeError


def test_handler_from_quick_add_and_assign_undoable(services):
    job = services.jobs.add("修空调 >王师傅 #报修")
    assert services.jobs.get(job.id).handler == "王师傅"
    assert services.jobs.add("要 >5 个人 #会议").handler is None  # ">5" stays in the title
    services.jobs.assign(job.id, "李师傅")
    assert services.jobs.get(job.id).handler == "李师傅"
    [entry] = [e for e in services.jobs.changes(job.id) if e.action == "assign"]
    assert [(c.field, c.old, c.new) for c in entry.changes] == [("handler", "王师傅", "李师傅")]
    services.history.undo()
    assert services.jobs.get(job.id).handler == "王师傅"
    with pytest.raises(OfficeError, match="already with"):
        services.jobs.assign(job.id, "王师傅")


def test_notes_newest_first_and_undone_alone(services, clock):
    job = services.jobs.add("修灯 #repair")
    services.jobs.note(job.id, "已联系电工")
    clock.advance(hours=1)
    services.jobs.note(job.id, "电工下午来")
    assert [n["text"] for n in services.jobs.notes(job.id)] == ["电工下午来", "已联系电工"]
    services.history.undo()
    assert [n["text"] for n in services.jobs.notes(job.id)] == ["已联系电工"]
    with pytest.raises(OfficeError):
        services.jobs.note(job.id, "  ")
    with pytest.raises(OfficeError, match="No job #999"):
        services.jobs.note(999, "x")


def test_refer_waits_shows_on_its_follow_up_day_and_back_reopens(services, clock):
    job = services.jobs.add("报销单据审核 #other")
    referred = services.jobs.refer(job.id, "财务科", person="李会计", follow_up="周二",
                                   note="已交财务")
    assert (referred.status, referred.referred_to, referred.follow_up) == (
        "waiting", "财务科", date(2026, 12, 1))
    assert services.jobs.notes(job.id)[0]["text"] == "已交财务"
    assert services.jobs.follow_ups() == []  # Fri 11-27: not yet
    assert [j.id for j in services.jobs.follow_ups(date(2026, 12, 1))] == [job.id]
    due_before = services.jobs.get(job.id).due
    clock.advance(days=4)  # Tue
    assert [j.id for j in services.jobs.follow_ups()] == [job.id]
    back = services.jobs.back(job.id)
    assert (back.status, back.follow_up) == ("open", None)
    assert back.due > due_before  # the clock paused while it was away
    with pytest.raises(OfficeError, match="not referred"):
        services.jobs.back(job.id)
    with pytest.raises(OfficeError):
        services.jobs.refer(job.id, "财务科", follow_up="2026-01-01")


def test_contacts_pinyin_search_unique_names_and_drivers_in_one_list(services):
    services.contacts.add("王师傅", department="总务科", phone="13800000001", role="电工")
    services.vehicles.add_driver("张师傅", phone="139")
    names = [c.name for c in services.contacts.list()]
    assert names == sorted(names) and {"王师傅", "张师傅"} <= set(names)
    assert [c.name for c in services.contacts.list(search="wsf")] == ["王师傅"]
    assert [d.name for d in services.vehicles.drivers()] == ["张师傅"]
    services.contacts.edit("王师傅", role="司机")
    assert {d.name for d in services.vehicles.drivers()} == {"张师傅", "王师傅"}
    with pytest.raises(OfficeError, match="already exists"):
        services.contacts.add("王师傅")
    job = services.jobs.add("修灯 >王师傅 ~张师傅")
    assert services.contacts.phones([job.handler, job.requester]) == {
        "王师傅": "13800000001", "张师傅": "139"}
    services.contacts.remove("王师傅")
    assert services.contacts.find("王师傅") is None
    services.history.undo()
    assert services.contacts.find("王师傅").phone == "13800000001"


def test_templates_fill_known_placeholders_and_keep_other_braces(services):
    with pytest.raises(OfficeError, match=r"\{who\}"):
        services.follow.add_template("x", "您好{who}")
    services.follow.add_template("修好了", "{requester}您好：{title}已处理（{outcome}）。{x y}")
    job = services.jobs.add("修灯 ~张老师 #repair")
    services.jobs.done(job.id, "换了灯管")
    done, text = services.follow.reply(job.id, "修好了")
    assert text == "张老师您好：修灯已处理（换了灯管）。{x y}"
    assert (done.reply_text, done.replied_at is not None) == (text, True)
    assert services.jobs.get(job.id).to_json()["reply_text"] == text


def test_a_similar_open_job_of_the_department_is_found_and_merge_leaves_one(services):
    first = services.jobs.add("三楼会议室空调不制冷 @财务科 ~王老师 #repair")
    services.jobs.note(first.id, "first note")
    services.jobs.add("打印材料 @财务科")
    dup = services.jobs.add("3楼会议室空调不制冷 @财务科 ~李老师 #repair")
    services.jobs.note(dup.id, "dup note")
    found = services.follow.similar(dup.title, "财务科", exclude=dup.id)
    assert [s.job.id for s in found] == [first.id]
    assert services.follow.similar(dup.title, "学生处") == []
    kept = services.follow.merge(first.id, dup.id)
    assert kept.requester == "王老师"
    assert services.jobs.get(dup.id).cancel_reason == f"merged into #{first.id}"
    assert {n["text"] for n in services.jobs.notes(first.id)} == {"first note", "dup note"}
    services.history.undo()  # one step
    assert services.jobs.get(dup.id).status == "inbox"
    assert [n["text"] for n in services.jobs.notes(dup.id)] == ["dup note"]


def test_each_is_one_transaction_and_one_undo_step(services):
    ids = [services.jobs.add(f"job {i}").id for i in range(3)]
    services.jobs.each(ids, lambda i: services.jobs.triage(i, importance="high"))
    assert {services.jobs.get(i).importance for i in ids} == {"high"}
    services.history.undo()
    assert {services.jobs.get(i).importance for i in ids} == {"normal"}
    with pytest.raises(OfficeError, match="No job #99"):
        services.jobs.each(ids + [99], lambda i: services.jobs.triage(i, importance="low"))
    assert {services.jobs.get(i).importance for i in ids} == {"normal"}


def test_list_filters_combine_with_search(services):
    a = services.jobs.add("修灯 @总务科 #repair >王师傅")
    services.jobs.add("修门 @财务科 #repair")
    services.jobs.add("打印 @总务科 #print")
    ids = lambda **f: [j.id for j in services.jobs.list(filters=f)]  # noqa: E731
    assert ids(department="总务科", category="报修") == [a.id]
    assert ids(handler="王师傅") == [a.id]
    assert [j.id for j in services.jobs.list(search="灯", filters={"department": "总务科"})] \
        == [a.id]
    services.jobs.done(a.id, "ok")
    assert [j.id for j in services.jobs.list(filters={"status": "done"})] == [a.id]
    with pytest.raises(OfficeError, match="Unknown status"):
        services.jobs.list(filters={"status": "sleeping"})


def test_handover_lists_open_jobs_with_handlers_and_phones(services):
    services.contacts.add("王师傅", phone="13800000001")
    services.jobs.add("修空调 >王师傅 !high #repair")
    services.jobs.add("a | pipe")
    sheet = services.follow.handover(days=2)
    assert "修空调" in sheet and "王师傅" in sheet and "13800000001" in sheet
    assert "a \\| pipe" in sheet


def test_the_weekly_report_counts_the_follow_through(services, clock):
    a = services.jobs.add("修空调 >王师傅 #repair")
    services.jobs.add("修门 >王师傅 #repair")
    services.jobs.add("修窗 >李师傅 #repair")
    b = services.jobs.add("报销单据 #other")
    services.jobs.refer(b.id, "财务科", follow_up="周一")
    services.jobs.done(a.id, "ok", replied=True)
    clock.advance(days=4)  # Tue: Monday's follow-up is overdue
    report = services.reports.build("week")
    data = report.to_json()
    assert (data["referrals_outstanding"], data["follow_ups_overdue"]) == (1, 1)
    assert data["open_by_handler"] == [{"handler": "李师傅", "open": 1},
                                       {"handler": "王师傅", "open": 1}]
    text = services.reports.render(services.reports.build("week", "2026-11-23", "2026-11-29"))
    assert "Replies sent | 1" in text.replace("  ", " ") or "| Replies sent" in text
    assert "Open jobs by handler" in text and "王师傅" in text
