"""A pasted message in the quick-add box (or `A`): the proposal field by field, Enter saves
the triaged job, Tab corrects a field, Escape keeps the text for plain quick-add."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual import events
from textual.widgets import Input, Static

from office_tui.tui.modals.jobs.message_intake import MessageIntake
from tests.tui.conftest import settle

MESSAGE = "学生处：明早8点派车去第一中学，12个人"


def newest(services):
    return max(services.jobs.list(), key=lambda j: j.id)


async def paste(app, pilot, text: str) -> None:
    box = app.screen.query_one("#quickadd", Input)
    box.post_message(events.Paste(text))
    await settle(pilot)


def field(app, name: str) -> Input:
    return app.screen.query_one(f"#intake-{name}", Input)


@pytest.mark.parametrize("mode", ["jobs", "today"])
async def test_a_pasted_message_is_proposed_and_enter_saves_it_triaged(services, make_app,
                                                                       clock, mode):
    services.jobs.add("修灯 @学生处 #repair")  # 学生处 is a known department
    app = make_app(mode=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await paste(app, pilot, MESSAGE)
        assert isinstance(app.screen, MessageIntake)
        assert field(app, "department").value == "学生处"
        assert field(app, "due").value == "2026-11-28 08:00"  # sent Fri 11-27 10:00
        spans = app.screen.query_one("#intake-spans", Static).render()
        assert "学生处" in str(spans)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, MessageIntake)
    job = newest(services)
    assert (job.category, job.department, job.status) == ("vehicle", "学生处", "open")
    assert job.due == datetime(2026, 11, 28, 8, 0)
    assert "第一中学" in job.title


async def test_tab_corrects_a_field_before_saving(services, make_app):
    app = make_app(mode="jobs")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, MessageIntake)
        await pilot.press(*"二楼卫生间水管爆了")
        await settle(pilot)
        assert field(app, "category").value == "repair"
        assert field(app, "department").value == ""
        await pilot.press("tab", "tab", "tab")  # title, category, department
        assert app.focused is field(app, "department")
        await pilot.press(*"总务科", "tab", "tab", "tab")  # requester, due, importance
        assert app.focused is field(app, "importance")
        field(app, "importance").value = ""
        await pilot.press(*"high")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, MessageIntake)
    job = newest(services)
    assert (job.category, job.importance, job.department) == ("repair", "high", "总务科")


async def test_a_bad_correction_is_refused_inline_and_nothing_is_saved(services, make_app):
    app = make_app(mode="jobs")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("A", *"三楼会议室空调不制冷")
        await settle(pilot)
        due = field(app, "due")
        due.value = "someday"
        due.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MessageIntake)
        assert "Bad due 'someday'" in str(app.screen.query_one(".form-error").render())
        assert app.focused is due
    assert services.jobs.list() == []


async def test_escape_keeps_the_text_for_plain_quick_add(services, make_app):
    app = make_app(mode="jobs")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await paste(app, pilot, "紧急！二楼卫生间\n水管爆了")  # two lines: a message
        assert isinstance(app.screen, MessageIntake)
        await pilot.press("escape")
        await settle(pilot)
        box = app.screen.query_one("#quickadd", Input)
        assert box.display and box.value == "紧急！二楼卫生间 水管爆了"
        await pilot.press("end", *" #repair", "enter")
        await settle(pilot)
    job = newest(services)
    assert (job.title, job.category, job.status) == ("紧急！二楼卫生间 水管爆了", "repair", "inbox")


async def test_tokens_typed_after_the_message_override_the_proposal(services, make_app):
    app = make_app(mode="jobs")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await paste(app, pilot, "财务科王老师：三楼会议室空调不制冷")
        assert field(app, "department").value == "财务科"
        await pilot.press("end", *" @总务科 !low")
        await settle(pilot)
        assert field(app, "department").value == "总务科"
        await pilot.press("enter")
        await settle(pilot)
    job = newest(services)
    assert (job.department, job.importance, job.requester) == ("总务科", "low", "王老师")


async def test_a_quick_add_paste_stays_in_the_box_on_one_line(services, make_app):
    app = make_app(mode="jobs")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await paste(app, pilot, "修灯 #repair !high")
        assert not isinstance(app.screen, MessageIntake)
        assert app.screen.query_one("#quickadd", Input).value == "修灯 #repair !high"
