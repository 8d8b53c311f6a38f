"""The follow-through keys on the Jobs and Today screens, pressed as a clerk would:
h (handler), n (note), r (reply template), space (marks) with a bulk verb, m (merge a
repeat just added), f (filters)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList

from office_tui.tui.modals.jobs.filters import FilterForm
from office_tui.tui.modals.jobs.handler_picker import HandlerPicker
from office_tui.tui.modals.jobs.reply_picker import ReplyPicker
from tests.tui.conftest import cursor_id, screen_text, settle, table_ids

SIZE = (100, 30)


async def to_job(app, pilot, job_id: int) -> None:
    from textual.widgets import DataTable

    ids = [j.id for j in app.screen.jobs]
    app.screen.query_one(DataTable).move_cursor(row=ids.index(job_id))
    await settle(pilot)


@pytest.mark.parametrize("mode", ["jobs", "today"])
async def test_h_picks_a_contact_by_pinyin(services, make_app, mode):
    services.contacts.add("王师傅", department="总务科", phone="13800000001", role="电工")
    services.contacts.add("李会计", department="财务科")
    job = services.jobs.add("修空调 #repair due:today@16:00")
    app = make_app(mode=mode)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.current_job().id == job.id
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HandlerPicker)
        await pilot.press(*"wsf")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, HandlerPicker)
    assert services.jobs.get(job.id).handler == "王师傅"


async def test_h_with_an_empty_box_gives_the_job_back_to_the_clerk(services, make_app):
    job = services.jobs.add("修灯 >王师傅")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")
        await settle(pilot)
    assert services.jobs.get(job.id).handler is None


async def test_n_adds_a_note_shown_in_the_details(services, make_app):
    services.contacts.add("王师傅", phone="13800000001")
    job = services.jobs.add("修空调 >王师傅 #repair")
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"已联系厂家", "enter")
        await settle(pilot)
        assert [n["text"] for n in services.jobs.notes(job.id)] == ["已联系厂家"]
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
    assert "已联系厂家" in text and "王师傅 (13800000001)" in text


async def test_r_fills_a_template_keeps_it_and_copies_it(services, make_app):
    services.follow.add_template("办结", "{requester}您好：{title}已办好。")
    job = services.jobs.add("修灯 ~张老师 #repair")
    app = make_app()
    copied = []
    async with app.run_test(size=SIZE) as pilot:
        app.copy_to_clipboard = copied.append
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReplyPicker)
        assert "张老师您好：修灯已办好。" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ReplyPicker)
    assert copied == ["张老师您好：修灯已办好。"]
    replied = services.jobs.get(job.id)
    assert replied.reply_text == "张老师您好：修灯已办好。" and replied.replied_at is not None


async def test_r_without_templates_marks_the_requester_told(services, make_app):
    job = services.jobs.add("修灯 ~张老师 #repair")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
    assert services.jobs.get(job.id).replied_at is not None


@pytest.mark.parametrize("mode", ["jobs", "today"])
async def test_space_marks_and_1_triages_every_marked_job_in_one_undo_step(
        services, make_app, mode):
    ids = [services.jobs.add(f"job {n} due:today@1{n}:00").id for n in range(4)]
    app = make_app(mode=mode)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_job(app, pilot, ids[0]) if mode == "jobs" else None
        first = cursor_id(app) if mode == "jobs" else app.screen.current_job().id
        await pilot.press("space")
        await settle(pilot)
        second = app.screen.current_job().id
        await pilot.press("space")
        await settle(pilot)
        assert "2 marked" in screen_text(app)
        await pilot.press("1")
        await settle(pilot)
        assert "marked" not in screen_text(app).split("\n")[1]
        assert {services.jobs.get(i).importance for i in (first, second)} == {"high"}
        rest = [i for i in ids if i not in (first, second)]
        assert {services.jobs.get(i).importance for i in rest} == {"normal"}
        await pilot.press("u")
        await settle(pilot)
    assert {services.jobs.get(i).importance for i in ids} == {"normal"}


async def test_m_merges_a_job_just_added_into_the_open_one_it_repeats(services, make_app):
    first = services.jobs.add("三楼会议室空调不制冷 @财务科 #repair")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.check_action("merge", ()) is None
        await pilot.press("a", *"3楼会议室空调不制冷 @财务科 #repair", "enter")
        await settle(pilot)
        assert f"looks like open job #{first.id}" in screen_text(app)
        await pilot.press("m")
        await settle(pilot)
        assert table_ids(app) == [first.id]
    [dup] = [j for j in services.jobs.list(include_closed=True) if j.id != first.id]
    assert dup.status == "cancelled" and dup.cancel_reason == f"merged into #{first.id}"


async def test_f_filters_the_jobs_and_the_header_says_so(services, make_app):
    a = services.jobs.add("修灯 @总务科 #repair")
    services.jobs.add("打印 @财务科 #print")
    services.jobs.add("修门 @财务科 #repair")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterForm)
        await pilot.press(*"总务科", "tab", *"报修", "enter")
        await settle(pilot)
        assert table_ids(app) == [a.id]
        assert "filtered: 总务科 repair" in screen_text(app)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press(*"nonsense")  # appended to the department: no such jobs
        app.screen.query_one("#filter-category", Input).value = "plumbing"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FilterForm)  # refused inline
        await pilot.press("escape")
        await settle(pilot)
        assert table_ids(app) == [a.id]
