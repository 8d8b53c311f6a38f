"""The CLI contract for jobs (commands, exit codes, JSON output), through Typer's
CliRunner and through main().

CliRunner calls `app` directly (usage errors exit 2 there); refusals are also checked
through `main()`, the console script's entry point, where every refusal exits 1.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import typer
from rich.cells import cell_len

from office_tui import cli
from office_tui.cli import app
from office_tui.core.vocab import CATEGORIES
from tests.cli.helpers import js, ok, run, runner

JOB_KEYS = {"id", "title", "category", "department", "importance", "expedite", "due",
            "status", "urgency"}
DATE_KEYS = ("due", "promised_by", "waiting_since", "replied_at", "created", "updated",
             "closed_at")


# -- helpers ----------------------------------------------------------------------------
def add(db: Path, text: str) -> dict[str, Any]:
    return js(db, "add", text)


def show(db: Path, job_id: int) -> dict[str, Any]:
    return js(db, "show", str(job_id))


def entry(monkeypatch, capsys, *argv: str) -> tuple[int, str, str]:
    """Run the console script's main() in-process: (exit code, stdout, stderr)."""
    capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["office-tui", *argv])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    out, err = capsys.readouterr()
    code = exit_info.value.code
    return (0 if code is None else code), out, err


def snapshot(db: Path) -> tuple:
    """Everything a refusal must leave alone: all jobs, the event log, departments."""
    conn = sqlite3.connect(db)
    try:
        return (
            conn.execute("SELECT * FROM jobs ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM events ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM departments ORDER BY name").fetchall(),
        )
    finally:
        conn.close()


def today_at(hour: int, minute: int) -> set[str]:
    """Today's moment as ISO text; both sides of a midnight the test may straddle."""
    days = {date.today(), date.today() - timedelta(days=1)}
    return {datetime(d.year, d.month, d.day, hour, minute).isoformat() for d in days}


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "office.db"


# -- add and list -----------------------------------------------------------------------
def test_issue_example_lists_with_every_field_parsed(db):
    before = today_at(17, 30)
    new_id = ok(db, "add", "修 三楼会议室 灯管 !high due:today @总务科 #报修").strip()
    assert new_id.isdigit()
    jobs = js(db, "list")
    assert len(jobs) == 1
    job = jobs[0]
    assert job["id"] == int(new_id)
    assert job["title"] == "修 三楼会议室 灯管"
    assert job["importance"] == "high"
    assert job["category"] == "repair"
    assert job["department"] == "总务科"
    # due:today is today at the close of work, whatever the time of day now.
    assert job["due"] in before | today_at(17, 30)
    assert job["due"].endswith("T17:30:00")
    assert job["status"] == "open"  # category and importance given: triaged at the door
    assert job["expedite"] is False


def test_add_json_returns_the_saved_job(db):
    job = add(db, "送 十箱 A4 纸 #领用 @财务科 !l due:2030-03-04@9:30")
    assert JOB_KEYS <= job.keys()
    assert (job["title"], job["category"], job["department"], job["importance"]) == (
        "送 十箱 A4 纸", "supply", "财务科", "low")
    assert job["due"] == "2030-03-04T09:30:00"
    assert show(db, job["id"])["title"] == "送 十箱 A4 纸"
    assert [j["id"] for j in js(db, "list")] == [job["id"]]


def test_add_without_due_gets_one_from_the_category_limit(db):
    job = add(db, "打印 会议材料 #print")
    assert job["due"] is not None
    assert datetime.fromisoformat(job["due"]) > datetime.fromisoformat(job["created"])


def test_list_json_has_the_contract_keys_and_iso_dates(db):
    add(db, "fix the door !h #repair")
    job = add(db, "book a car #vehicle due:2030-01-02@8:00")
    ok(db, "promise", str(job["id"]), "--by", "2030-01-03", "--reason", "no driver")
    ok(db, "done", str(job["id"]), "--outcome", "car booked", "--replied")
    rows = js(db, "list", "--all")
    assert len(rows) == 2
    for row in rows:
        assert JOB_KEYS <= row.keys()
        assert isinstance(row["id"], int) and isinstance(row["expedite"], bool)
        assert isinstance(row["urgency"], (int, float))
        for key in DATE_KEYS:
            if row[key] is not None:
                datetime.fromisoformat(row[key])  # raises if not ISO 8601
    closed = next(r for r in rows if r["id"] == job["id"])
    assert closed["promised_by"] == "2030-01-03T17:30:00"
    for key in ("created", "updated", "closed_at", "replied_at"):
        assert closed[key] is not None and "T" in closed[key]


def test_list_without_json_prints_a_table(db):
    add(db, "修 三楼会议室 灯管 !high #报修 @总务科")
    text = ok(db, "list")
    assert "修 三楼会议室 灯管" in text and "总务科" in text and "repair" in text
    assert ok(db, "list", "--search", "nothing-like-this").strip() == "No jobs."


def test_show_urgency_equals_the_sum_of_its_parts(db):
    ids = [add(db, text)["id"] for text in (
        "overdue thing due:2020-01-01 !h !!", "soon due:+2h #repair", "far due:2035-01-01 !l",
    )]
    ok(db, "wait", str(ids[1]), "--reason", "spare part")
    for job_id in ids:
        job = show(db, job_id)
        parts = job["urgency_parts"]
        assert {"importance", "due", "expedite", "age", "waiting"} <= parts.keys()
        assert abs(job["urgency"] - sum(parts.values())) <= 0.011
    overdue = show(db, ids[0])
    assert overdue["urgency_parts"]["expedite"] == 15
    assert overdue["urgency_parts"]["importance"] == 6
    assert overdue["overdue"] is True
    assert show(db, ids[1])["urgency_parts"]["waiting"] == -5
    history = show(db, ids[1])["history"]
    assert [e["action"] for e in history] == ["add", "wait"]
    datetime.fromisoformat(history[0]["ts"])


def test_show_without_json_explains_the_urgency(db):
    job = add(db, "fix lamp !h #repair due:2030-01-02")
    text = ok(db, "show", str(job["id"]))
    assert "fix lamp" in text and "importance 6" in text and "add" in text


def test_equal_dues_order_expedite_high_normal_low(db):
    # Added in the reverse of the expected order, so id order cannot explain the result.
    low = add(db, "low one due:2030-01-02 !low")["id"]
    normal = add(db, "normal one due:2030-01-02")["id"]
    high = add(db, "high one due:2030-01-02 !high")["id"]
    expedite = add(db, "expedite one due:2030-01-02 !!")["id"]
    assert [j["id"] for j in js(db, "list")] == [expedite, high, normal, low]
    table = ok(db, "list")
    positions = [table.index(f"{name} one") for name in ("expedite", "high", "normal", "low")]
    assert positions == sorted(positions)


def test_list_all_limit_search_and_inbox(db):
    inbox = add(db, "复印 100% 文件")["id"]                     # no marks: inbox
    triaged = add(db, "换灯泡 !h #repair @总务科")["id"]           # triaged at the door
    finance = add(db, "fix chair !l #other @财务科")["id"]
    closed = add(db, "old request #print !n")["id"]
    ok(db, "done", str(closed), "--outcome", "printed")

    assert {j["id"] for j in js(db, "list")} == {inbox, triaged, finance}
    assert {j["id"] for j in js(db, "list", "--all")} == {inbox, triaged, finance, closed}

    limited = js(db, "list", "--limit", "2")
    assert [j["id"] for j in limited] == [j["id"] for j in js(db, "list")][:2]
    assert js(db, "list", "--all", "--limit", "1") != [] and len(js(db, "list", "--all", "--limit", "1")) == 1
    assert js(db, "list", "--limit", "0") == []

    assert [j["id"] for j in js(db, "list", "--search", "财务")] == [finance]   # department
    assert [j["id"] for j in js(db, "list", "--search", "灯泡")] == [triaged]   # title
    assert [j["id"] for j in js(db, "list", "--search", "%")] == [inbox]        # literal %
    assert js(db, "list", "--search", "printed") == []
    assert [j["id"] for j in js(db, "list", "--all", "--search", "old")] == [closed]

    assert [j["id"] for j in js(db, "list", "--inbox")] == [inbox]
    ok(db, "triage", str(inbox), "--category", "print")
    assert js(db, "list", "--inbox") == []


# -- triage and work --------------------------------------------------------------------
def test_triage_sets_each_field_and_leaves_the_inbox(db):
    job = add(db, "会议室 准备 茶水")
    assert job["status"] == "inbox"
    out = ok(db, "triage", str(job["id"]), "--importance", "high", "--category", "会议",
             "--due", "2030-05-06@14:00", "--expedite")
    assert f"#{job['id']}" in out
    after = show(db, job["id"])
    assert (after["importance"], after["category"], after["due"], after["expedite"],
            after["status"]) == ("high", "meeting", "2030-05-06T14:00:00", True, "open")
    ok(db, "triage", str(job["id"]), "--no-expedite", "--importance", "l")
    after = show(db, job["id"])
    assert (after["expedite"], after["importance"]) == (False, "low")


def test_work_verbs_change_the_row(db):
    job_id = str(add(db, "repair projector #repair !n")["id"])

    ok(db, "start", job_id)
    assert show(db, int(job_id))["status"] == "in_progress"

    ok(db, "wait", job_id, "--reason", "vendor sends a lamp")
    row = show(db, int(job_id))
    assert (row["status"], row["waiting_reason"]) == ("waiting", "vendor sends a lamp")
    assert row["waiting_since"] is not None

    ok(db, "promise", job_id, "--by", "2030-02-01@10:00", "--reason", "lamp arrives late")
    row = show(db, int(job_id))
    assert (row["promised_by"], row["promise_reason"]) == ("2030-02-01T10:00:00",
                                                          "lamp arrives late")

    ok(db, "reply", job_id, "--note", "已安排师傅今天下午维修")
    row = show(db, int(job_id))
    assert row["replied_at"] is not None and row["reply_note"] == "已安排师傅今天下午维修"

    ok(db, "done", job_id, "--outcome", "lamp replaced")
    row = show(db, int(job_id))
    assert (row["status"], row["outcome"]) == ("done", "lamp replaced")
    assert row["closed_at"] is not None
    assert js(db, "list") == []


def test_done_replied_marks_the_requester_told(db):
    job_id = str(add(db, "ten boxes of paper #supply !n")["id"])
    assert show(db, int(job_id))["replied_at"] is None
    ok(db, "done", job_id, "--outcome", "delivered", "--replied")
    assert show(db, int(job_id))["replied_at"] is not None


def test_reply_is_allowed_after_done(db):
    job_id = str(add(db, "visitors at 3 #reception !n")["id"])
    ok(db, "done", job_id, "--outcome", "received")
    ok(db, "reply", job_id)
    row = show(db, int(job_id))
    assert row["status"] == "done" and row["replied_at"] is not None


def test_cancel_closes_with_the_reason(db):
    job_id = str(add(db, "car to the airport #vehicle !n")["id"])
    ok(db, "cancel", job_id, "--reason", "trip called off")
    row = show(db, int(job_id))
    assert (row["status"], row["cancel_reason"]) == ("cancelled", "trip called off")
    assert js(db, "list") == []


def test_undo_reverts_the_last_change_and_then_the_add(db):
    job_id = add(db, "fix the tap #repair !n")["id"]
    ok(db, "start", str(job_id))
    out = ok(db, "undo")
    assert "start" in out
    assert show(db, job_id)["status"] == "open"
    assert [e["action"] for e in show(db, job_id)["history"]] == ["add", "start", "undo"]
    ok(db, "undo")  # the add itself
    assert js(db, "list", "--all") == []


# -- demo -------------------------------------------------------------------------------
def test_demo_fills_sixty_jobs_and_refuses_a_second_time(db, monkeypatch, capsys):
    out = ok(db, "demo")
    assert "60" in out
    jobs = js(db, "list", "--all", "--limit", "1000")
    assert len(jobs) == 60
    assert {j["category"] for j in jobs} == set(CATEGORIES)
    assert any(j["overdue"] for j in jobs)
    assert any(j["expedite"] for j in jobs)
    assert any(j["status"] == "waiting" for j in jobs)
    assert any(j["title"].isascii() for j in jobs) and any(not j["title"].isascii() for j in jobs)

    before = snapshot(db)
    result = run(db, "demo")
    assert result.exit_code == 1 and "--force" in result.stderr
    code, out, err = entry(monkeypatch, capsys, "--db", str(db), "demo")
    assert code == 1 and "--force" in err and out == ""
    assert snapshot(db) == before

    ok(db, "demo", "--force")
    assert len(js(db, "list", "--all", "--limit", "1000")) == 120


def test_demo_jobs_generates_extra_jobs(db):
    ok(db, "demo", "--jobs", "500")
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT COUNT(*) FROM jobs").fetchone()[0] == 560
    finally:
        conn.close()
    assert len(js(db, "list", "--limit", "20")) == 20


# -- bad input: message on stderr, exit 1, nothing written ------------------------------
# Each case: argv after "--db PATH" ({id} open job, {done}/{cancelled} closed ones), and a
# word the message must contain.
REFUSALS = [
    (["add", "fix lamp due:blah"], "blah"),
    (["add", "fix lamp due:2030-02-30"], "2030-02-30"),
    (["add", "fix lamp #nonsense"], "nonsense"),
    (["add", "  "], "title"),
    (["add", "!high"], "title"),
    (["add", "!high due:tomorrow #repair @总务科"], "title"),
    (["triage", "{id}", "--due", "someday"], "someday"),
    (["triage", "{id}", "--category", "gardening"], "gardening"),
    (["triage", "{id}", "--importance", "urgent"], "urgent"),
    (["done", "{id}"], "outcome"),
    (["done", "{id}", "--outcome", "   "], "outcome"),
    (["promise", "{id}", "--reason", "late"], "--by"),
    (["promise", "{id}", "--by", "nope", "--reason", "late"], "nope"),
    (["promise", "{id}", "--by", "2030-01-01"], "reason"),
    (["promise", "{id}", "--by", "2020-01-01", "--reason", "late"], "past"),
    (["wait", "{id}"], "waiting"),
    (["cancel", "{id}"], "reason"),
    (["list", "--limit", "-1"], "limit"),
    (["demo", "--jobs", "-3", "--force"], "jobs"),
    *[([verb, "424242", *extra], "424242") for verb, extra in (
        ("show", []), ("triage", ["--importance", "high"]), ("start", []),
        ("wait", ["--reason", "part"]), ("promise", ["--by", "2030-01-01", "--reason", "r"]),
        ("done", ["--outcome", "x"]), ("reply", []), ("cancel", ["--reason", "r"]),
    )],
    *[([verb, "{done}", *extra], "closed") for verb, extra in (
        ("triage", ["--importance", "low"]), ("start", []), ("wait", ["--reason", "part"]),
        ("promise", ["--by", "2030-01-01", "--reason", "r"]), ("done", ["--outcome", "again"]),
        ("cancel", ["--reason", "r"]),
    )],
    *[([verb, "{cancelled}", *extra], "closed") for verb, extra in (
        ("triage", ["--importance", "low"]), ("start", []), ("reply", []),
        ("done", ["--outcome", "x"]), ("cancel", ["--reason", "again"]),
    )],
    (["show", "99999999999999999999"], "99999999999999999999"),
    (["start", "0"], "#0"),
    # Usage errors: exit 2 under CliRunner, but 1 through main() (checked below).
    (["show", "abc"], "ID"),
    (["start", "1.5"], "ID"),
    (["show"], "ID"),
    (["frobnicate"], "frobnicate"),
    (["list", "--frobnicate"], "--frobnicate"),
]


@pytest.fixture
def seeded(db) -> dict[str, str]:
    ids = {"id": str(add(db, "open job !n #repair @总务科")["id"])}
    ids["done"] = str(add(db, "finished job !n #repair")["id"])
    ok(db, "done", ids["done"], "--outcome", "fixed")
    ids["cancelled"] = str(add(db, "withdrawn job !n #print")["id"])
    ok(db, "cancel", ids["cancelled"], "--reason", "withdrawn")
    return ids


@pytest.mark.parametrize(("argv", "word"), REFUSALS, ids=lambda v: " ".join(v)
                         if isinstance(v, list) else None)
def test_refusals_exit_1_with_a_message_and_write_nothing(db, seeded, monkeypatch, capsys,
                                                          argv, word):
    argv = [a.format(**seeded) for a in argv]
    before = snapshot(db)

    code, out, err = entry(monkeypatch, capsys, "--db", str(db), *argv)
    assert code == 1
    assert word.lower() in err.lower()
    assert err.strip() and "\n" not in err.strip()  # one line
    assert "Traceback" not in err and out == ""
    assert snapshot(db) == before

    result = run(db, *argv)  # the same through CliRunner (usage errors exit 2 there)
    assert result.exit_code in (1, 2)
    assert result.stdout == "" and result.stderr.strip()
    assert not isinstance(result.exception, Exception) or isinstance(result.exception,
                                                                    SystemExit)
    assert snapshot(db) == before


def test_unknown_importance_and_category_name_the_choices(db, seeded):
    result = run(db, "triage", seeded["id"], "--importance", "urgent")
    assert result.exit_code == 1 and "high, normal, low" in result.stderr
    result = run(db, "triage", seeded["id"], "--category", "gardening")
    assert result.exit_code == 1 and "repair" in result.stderr and "print" in result.stderr


def test_a_bad_date_in_add_saves_nothing_even_with_other_valid_tokens(db, seeded):
    before = snapshot(db)
    result = run(db, "add", "修灯 !high #repair @总务科 due:明天@25:99")
    assert result.exit_code == 1 and "due:明天@25:99" in result.stderr
    assert snapshot(db) == before


def _write_v99(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("kind", ["text", "binary", "v99"])
def test_a_foreign_or_newer_file_is_refused_untouched(tmp_path, monkeypatch, capsys, kind):
    path = tmp_path / f"{kind}.db"
    if kind == "text":
        path.write_text("meeting notes, not a database\n", encoding="utf-8")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    content = _write_v99(path) if kind == "v99" else path.read_bytes()
    mtime = path.stat().st_mtime_ns

    for argv in (["list"], ["add", "fix lamp"], ["demo"]):
        code, out, err = entry(monkeypatch, capsys, "--db", str(path), *argv)
        assert code == 1 and out == "" and "Traceback" not in err
        assert str(path) in err
        if kind == "v99":
            assert "newer" in err
        else:
            assert "not an SQLite database" in err
        result = run(path, *argv)
        assert result.exit_code == 1 and result.stdout == "" and result.stderr.strip()

    assert path.read_bytes() == content and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no -wal, no -shm


def test_a_directory_as_db_is_refused(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "folder"
    folder.mkdir()
    code, out, err = entry(monkeypatch, capsys, "--db", str(folder), "add", "fix lamp")
    assert code == 1 and out == "" and "directory" in err and "Traceback" not in err
    assert list(folder.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


@pytest.mark.parametrize("where", ["file-as-parent", "missing-root"])
def test_an_impossible_db_path_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys,
                                                          where):
    if where == "file-as-parent":
        plain = tmp_path / "plain.txt"
        plain.write_text("x", encoding="utf-8")
        target = plain / "office.db"
    else:
        target = Path("/proc/no-such-dir-for-office-tui/office.db")
    code, out, err = entry(monkeypatch, capsys, "--db", str(target), "list")
    assert code == 1 and out == "" and "Traceback" not in err
    assert str(target) in err and len(err.strip().splitlines()) == 1


# -- user text is stored exactly and shown literally -------------------------------------
TRICKY_TITLES = ["[bold]x[/]", "[/]", "\x1b[31mred", "修灯💡", "[link=http://x]y[/link] 50%"]


def test_user_text_is_stored_exactly_and_printed_literally(db):
    ids = {}
    for title in TRICKY_TITLES:
        job = add(db, title)
        assert job["title"] == title
        ids[title] = job["id"]
    for title, job_id in ids.items():
        assert show(db, job_id)["title"] == title
    assert {j["title"] for j in js(db, "list")} == set(TRICKY_TITLES)

    table = ok(db, "list")
    assert "[bold]x[/]" in table
    assert "[/]" in table
    assert "修灯💡" in table
    assert "[link=http://x]y[/link]" in table
    assert "\\x1b[31mred" in table  # shown as a visible escape ...
    assert "\x1b" not in table       # ... never as a raw ESC byte

    for title, job_id in ids.items():
        text = ok(db, "show", str(job_id))
        assert "\x1b" not in text
    assert "[bold]x[/]" in ok(db, "show", str(ids["[bold]x[/]"]))
    assert "\x1b" not in ok(db, "start", str(ids["\x1b[31mred"]))


def test_markup_in_other_fields_is_literal_too(db):
    job = add(db, "fix [red]it[/red] @[b]dept[/b] #repair !h")
    assert job["department"] == "[b]dept[/b]"
    ok(db, "reply", str(job["id"]), "--note", "[i]told[/i]")
    assert show(db, job["id"])["reply_note"] == "[i]told[/i]"
    table = ok(db, "list")
    assert "fix [red]it[/red]" in table and "[b]dept[/b]" in table


def test_an_escape_in_a_bad_date_is_not_echoed_raw(db):
    result = run(db, "add", "x due:\x1b[2Jboom")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "boom" in result.stderr


# -- help, env, file mode -----------------------------------------------------------------
def _commands() -> dict[str, Any]:
    return typer.main.get_command(app).commands


def test_every_command_has_help_text():
    commands = _commands()
    expected = {"demo", "add", "list", "show", "triage", "start", "wait", "promise", "done",
                "reply", "cancel", "undo", "backup"}
    assert expected <= set(commands)
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0
    for name, command in commands.items():
        description = (command.help or "").strip()
        assert description, f"{name} has no description"
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        # Help text is wrapped to the terminal: compare with whitespace folded.
        assert " ".join(description.split()) in " ".join(result.stdout.split()), name
        assert name in top.stdout
        for param in command.params:
            if param.name != "help":
                assert (getattr(param, "help", None) or "").strip(), f"{name} {param.name}"


def test_office_tui_db_env_selects_the_database(tmp_path):
    chosen = tmp_path / "from-env.db"
    other = tmp_path / "from-flag.db"
    result = runner.invoke(app, ["add", "fix the lamp #repair !h"],
                           env={"OFFICE_TUI_DB": str(chosen)})
    assert result.exit_code == 0, result.stderr
    assert chosen.exists()
    listed = runner.invoke(app, ["list", "--json"], env={"OFFICE_TUI_DB": str(chosen)})
    assert [j["title"] for j in json.loads(listed.stdout)] == ["fix the lamp"]
    # --db wins over the environment.
    assert js(other, "list") == []
    result = runner.invoke(app, ["--db", str(other), "add", "flag job"],
                           env={"OFFICE_TUI_DB": str(chosen)})
    assert result.exit_code == 0
    assert [j["title"] for j in js(chosen, "list")] == ["fix the lamp"]
    assert [j["title"] for j in js(other, "list")] == ["flag job"]


def test_database_file_is_created_mode_0600(tmp_path):
    path = tmp_path / "nested" / "office.db"
    old = os.umask(0)  # even a permissive umask must not widen it
    try:
        ok(path, "add", "fix lamp")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for sidecar in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if sidecar.exists():
            assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600


def test_backup_writes_a_private_copy_and_refuses_to_overwrite(db, tmp_path):
    add(db, "fix lamp #repair !h")
    target = tmp_path / "copy.db"
    ok(db, "backup", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [j["title"] for j in js(target, "list")] == ["fix lamp"]
    content = target.read_bytes()
    result = run(db, "backup", str(target))
    assert result.exit_code == 1 and "is an SQLite database; it is never written over" in result.stderr
    assert target.read_bytes() == content


@pytest.mark.parametrize("width", [80, 100])
def test_table_never_truncates_id_urgency_or_importance(db, monkeypatch, width):
    from rich.console import Console

    ok(db, "demo", "--jobs", "3000")  # four-digit ids, urgencies above 30, long departments
    monkeypatch.setattr(cli, "out", Console(highlight=False, force_terminal=False, width=width))
    jobs = js(db, "list", "--limit", "40")
    lines = ok(db, "list", "--limit", "40").splitlines()
    assert len(lines) == 1 + len(jobs)
    for job, line in zip(jobs, lines[1:]):
        assert cell_len(line.rstrip()) <= width
        cells = line.split()
        assert cells[0] == str(job["id"])
        assert cells[1] == f"{job['urgency']:.1f}"
        assert cells[2] == job["importance"]
        assert ("!!" in cells[3]) == job["expedite"]
