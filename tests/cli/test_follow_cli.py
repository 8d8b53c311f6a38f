"""The follow-through commands as the issue's "Done when" runs them, on a fixed clock
(Fri 2026-11-27 10:00): handler, note, refer and today, templates and reply, handover,
duplicates and merge, several ids in one undo step, list filters, contacts."""

from __future__ import annotations

from pathlib import Path

import pytest

from office_tui.cli import app
from tests.cli.helpers import js, ok, run, runner


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    return tmp_path / "office.db"


def refused(db: Path, *args: str) -> str:
    result = run(db, *args)
    assert result.exit_code == 1, (args, result.stdout)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def test_handler_note_and_referral_with_its_follow_up_on_today(db, cli_on_clock):
    job_id = ok(db, "add", "修空调 >王师傅 #报修").strip()
    shown = js(db, "show", job_id)
    assert shown["handler"] == "王师傅"
    ok(db, "note", job_id, "已联系厂家")
    ok(db, "refer", job_id, "--to", "财务科", "--person", "李会计", "--follow-up", "周二")
    shown = js(db, "show", job_id)
    assert [n["text"] for n in shown["notes"]] == ["已联系厂家"]
    assert (shown["referred_to"], shown["follow_up"], shown["status"]) == (
        "财务科", "2026-12-01", "waiting")
    assert js(db, "today")["follow_ups"] == []
    cli_on_clock.advance(days=4)  # Tuesday
    today = js(db, "today")
    assert [j["id"] for j in today["follow_ups"]] == [int(job_id)]
    assert [j["id"] for j in today["sections"]["follow_ups"]] == [int(job_id)]
    ok(db, "back", job_id)
    assert js(db, "show", job_id)["status"] == "open"
    assert "王师傅" in ok(db, "show", job_id)


def test_template_and_reply_store_the_filled_text(db):
    ok(db, "template", "add", "办结", "{requester}您好：{title}已办好（{outcome}）。")
    assert "Unknown placeholder {who}" in refused(db, "template", "add", "x", "{who}")
    job_id = ok(db, "add", "修灯 ~张老师 #repair").strip()
    ok(db, "done", job_id, "--outcome", "换灯管")
    printed = ok(db, "reply", job_id, "--template", "办结")
    assert printed == "张老师您好：修灯已办好（换灯管）。\n"
    assert js(db, "show", job_id)["reply_text"] == printed.strip()
    assert [t["name"] for t in js(db, "template", "list")] == ["办结"]


def test_handover_prints_the_open_jobs_and_their_handlers(db, tmp_path):
    ok(db, "contact", "add", "--name", "王师傅", "--phone", "13800000001")
    ok(db, "add", "修空调 >王师傅 #报修")
    sheet = ok(db, "handover")
    assert "修空调" in sheet and "王师傅" in sheet and "13800000001" in sheet
    target = tmp_path / "handover.md"
    ok(db, "handover", "-o", str(target))
    assert "修空调" in target.read_text()
    assert "exists" in refused(db, "handover", "-o", str(target))
    assert "database" in refused(db, "handover", "-o", str(db), "--force")


def test_adding_the_same_request_twice_warns_and_merge_leaves_one_open_job(db):
    first = ok(db, "add", "三楼会议室空调不制冷 @财务科 #报修").strip()
    result = run(db, "add", "3楼会议室空调不制冷 @财务科 #报修")
    assert result.exit_code == 0
    second = result.stdout.strip()
    assert f"similar to open job #{first}" in result.stderr
    ok(db, "merge", first, second)
    open_ids = [j["id"] for j in js(db, "list")]
    assert open_ids == [int(first)]
    assert js(db, "show", second)["cancel_reason"] == f"merged into #{first}"


def test_triage_of_three_ids_is_one_undo_step(db):
    ids = [ok(db, "add", f"job {n}").strip() for n in range(3, 6)]
    ok(db, "triage", *ids, "--importance", "high")
    assert {js(db, "show", i)["importance"] for i in ids} == {"high"}
    ok(db, "undo")
    assert {js(db, "show", i)["importance"] for i in ids} == {"normal"}
    assert "No job #99" in refused(db, "triage", *ids, "99", "--importance", "low")
    assert {js(db, "show", i)["importance"] for i in ids} == {"normal"}
    ok(db, "done", ids[0], ids[1], "--outcome", "ok")
    ok(db, "cancel", ids[2], "--reason", "no longer needed")
    assert js(db, "list") == []


def test_assign_several_and_list_filters(db):
    a = ok(db, "add", "修灯 @总务科 #repair").strip()
    b = ok(db, "add", "修门 @总务科 #repair").strip()
    ok(db, "add", "打印 @财务科 #print")
    ok(db, "assign", a, b, "--to", "王师傅")
    assert [j["id"] for j in js(db, "list", "--handler", "王师傅")] == sorted(
        [int(a), int(b)], key=lambda i: i)
    assert {j["id"] for j in js(db, "list", "--dept", "总务科", "--category", "报修")} == {
        int(a), int(b)}
    assert [j["id"] for j in js(db, "list", "--dept", "总务科", "--search", "门")] == [int(b)]
    ok(db, "done", a, "--outcome", "ok")
    assert [j["id"] for j in js(db, "list", "--status", "done")] == [int(a)]
    assert "Unknown status" in refused(db, "list", "--status", "asleep")


def test_contacts_add_list_search_edit_rm(db):
    added = js(db, "contact", "add", "--name", "王师傅", "--dept", "总务科", "--phone", "138",
               "--role", "电工")
    assert (added["name"], added["dept"], added["role"]) == ("王师傅", "总务科", "电工")
    ok(db, "driver", "add", "--name", "张师傅")
    assert {c["name"] for c in js(db, "contact", "list")} == {"王师傅", "张师傅"}
    assert [c["name"] for c in js(db, "contact", "list", "--search", "wsf")] == ["王师傅"]
    ok(db, "contact", "edit", "王师傅", "--phone", "139")
    assert js(db, "contact", "list", "--search", "王")[0]["phone"] == "139"
    assert "already exists" in refused(db, "contact", "add", "--name", "王师傅")
    ok(db, "contact", "rm", "王师傅")
    assert [c["name"] for c in js(db, "contact", "list")] == ["张师傅"]
    assert "No contact" in refused(db, "contact", "rm", "王师傅")
