"""`office-tui intake` and `office-tui keyword`, on a fixed clock (Fri 2026-11-27 10:00)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from office_tui.cli import app
from tests.cli.helpers import js, ok, runner

EXAMPLE = "学生处：明早8点派车去第一中学，12个人"


@pytest.fixture
def db(tmp_path, cli_on_clock) -> Path:
    return tmp_path / "office.db"


def refused(db: Path, *args: str, input: str | None = None) -> str:
    result = runner.invoke(app, ["--db", str(db), *args], input=input)
    assert result.exit_code == 1, (args, result.stdout)
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def written(db: Path) -> tuple:
    if not db.exists():  # never opened: nothing in it
        return ([], [], [])
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT * FROM {table}").fetchall()
                     for table in ("jobs", "events", "intake_keywords"))
    finally:
        conn.close()


def test_the_issue_example_dry_run(db):
    data = js(db, "intake", "--dry-run", "--sent", "2026-12-03 10:00", EXAMPLE)
    assert (data["category"], data["department"], data["due"]) == (
        "vehicle", "学生处", "2026-12-04T08:00:00")
    assert data["parsed"] == {"category": "派车", "department": "学生处", "due": "明早8点"}
    assert data["id"] is None and data["history"] == []
    assert data["title"] == "派车去第一中学，12个人"
    assert data["message"] == EXAMPLE and data["sent"] == "2026-12-03T10:00:00"
    # the same keys as `show --json`, plus what intake adds
    ok(db, "add", "x")
    shown = js(db, "show", "1")
    assert set(data) == set(shown) | {"parsed", "sent", "message"}
    assert written(db)[0] == [written(db)[0][0]]  # the dry run saved nothing


def test_a_saved_message_prints_its_id_and_show_has_it(db):
    out = ok(db, "intake", "--sent", "2026-11-27 09:00", "财务科王老师：三楼会议室空调不制冷，明天上午开会前修好")
    job_id = out.strip()
    assert job_id == "1"
    shown = js(db, "show", job_id)
    assert (shown["category"], shown["department"], shown["requester"], shown["due"],
            shown["status"]) == ("repair", "财务科", "王老师", "2026-11-28T12:00:00", "inbox")
    assert shown["title"] == "三楼会议室空调不制冷，开会前修好"
    assert [h["action"] for h in shown["history"]] == ["add"]


def test_json_of_a_saved_job_has_its_history_and_parsed_words(db):
    data = js(db, "intake", "紧急！二楼卫生间水管爆了")
    assert (data["id"], data["expedite"], data["category"]) == (1, True, "repair")
    assert data["parsed"] == {"category": "爆了", "expedite": "紧急"}
    assert [h["action"] for h in data["history"]] == ["add"]


def test_the_dry_run_shows_each_field_and_the_words_that_gave_it(db):
    out = ok(db, "intake", "--dry-run", "--sent", "2026-11-27 09:00",
             "人事科王丽：门锁坏了，下班前修好")
    assert "Proposal (nothing saved):" in out
    lines = {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}
    assert "repair" in lines["Category"] and "← 门锁 坏了 修好" in lines["Category"]
    assert "人事科" in lines["Department"] and "王丽" in lines["Requester"]
    assert "17:30" in lines["Due"] and "← 下班前" in lines["Due"]
    assert written(db)[0] == []


def test_the_message_on_standard_input(db):
    result = runner.invoke(app, ["--db", str(db), "intake", "--json", "--dry-run"],
                           input="明早8点派车去第一中学\n")
    assert result.exit_code == 0, result.stderr
    assert '"due": "2026-11-28T08:00:00"' in result.stdout
    result = runner.invoke(app, ["--db", str(db), "intake", "-"], input="三楼灯不亮")
    assert (result.exit_code, result.stdout) == (0, "1\n")


def test_a_file_of_messages_is_saved_together_with_a_summary(db, tmp_path):
    messages = tmp_path / "messages.txt"
    messages.write_text("三楼灯不亮\n\n明天上午派车去机场，\n3个人\n\n  \n\n领两盒白板笔\r\n",
                        encoding="utf-8")
    out = ok(db, "intake", "--file", str(messages))
    assert "3 jobs saved from 3 messages (repair 1, vehicle 1, supply 1)." in out
    assert "#2" in out and "派车去机场" in out
    data = js(db, "list")
    assert sorted(j["category"] for j in data) == ["repair", "supply", "vehicle"]
    assert "3个人" in [j for j in data if j["category"] == "vehicle"][0]["title"]
    out = ok(db, "intake", "--file", str(messages), "--dry-run")
    assert "3 messages read, nothing saved" in out
    assert len(js(db, "list")) == 3


@pytest.mark.parametrize("args, named", [
    (("intake", ""), "empty"),
    (("intake", "   "), "empty"),
    (("intake", "--sent", "2026-13-01 10:00", "三楼灯不亮"), "YYYY-MM-DD HH:MM"),
    (("intake", "--sent", "9999-01-01 10:00", "三楼灯不亮"), "1970-01-01 to 2200-12-31"),
    (("intake", "x" * 4001), "too long"),
    (("intake", "--file", "nowhere.txt"), "Cannot read"),
    (("intake", "--file", "/dev/null"), "not a file"),
])
def test_bad_input_is_one_line_and_writes_nothing(db, args, named):
    before = written(db)
    assert named in refused(db, *args)
    assert written(db) == before


def test_a_file_saved_by_chinese_windows_is_read(db, tmp_path):
    messages = tmp_path / "gbk.txt"
    messages.write_bytes("三楼灯不亮\r\n\r\n明天派车去机场\r\n".encode("gb18030"))
    assert "2 jobs saved" in ok(db, "intake", "--file", str(messages))
    assert sorted(j["title"] for j in js(db, "list")) == ["三楼灯不亮", "派车去机场"]


def test_a_bad_file_is_one_line_and_writes_nothing(db, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    assert "not UTF-8 or GB18030" in refused(db, "intake", "--file", str(bad))
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n  \n", encoding="utf-8")
    assert "No messages" in refused(db, "intake", "--file", str(empty))
    both = tmp_path / "ok.txt"
    both.write_text("三楼灯不亮", encoding="utf-8")
    assert "not both" in refused(db, "intake", "--file", str(both), "三楼灯不亮")
    assert written(db)[0] == []


def test_keyword_add_list_remove(db):
    assert "冒白汽" in ok(db, "keyword", "add", "冒白汽", "报修")
    assert js(db, "intake", "--dry-run", "锅炉房冒白汽")["category"] == "repair"
    mine = js(db, "keyword", "list", "--mine")
    assert mine == [{"word": "冒白汽", "category": "repair", "weight": 6, "source": "clerk"}]
    everything = js(db, "keyword", "list")
    assert len(everything) > 200 and everything[0]["source"] == "clerk"
    out = ok(db, "keyword", "list")
    assert "冒白汽" in out and "yours" in out and "shipped" in out
    assert "removed" in ok(db, "keyword", "remove", "冒白汽")
    assert js(db, "intake", "--dry-run", "锅炉房冒白汽")["category"] == "other"
    assert js(db, "keyword", "list", "--mine") == []


def test_keyword_refusals(db):
    assert "Unknown category" in refused(db, "keyword", "add", "漏水", "plumbing")
    assert "not one of your keywords" in refused(db, "keyword", "remove", "漏水")
    assert written(db)[2] == []


def test_the_database_is_never_read_as_messages(db, tmp_path):
    """Opening and closing the database file (or its -wal) in the process that holds its
    SQLite connections would drop that process's locks: it is told by stat, never read."""
    ok(db, "intake", "三楼灯不亮")
    before = written(db)
    for target in (db, Path(f"{db}-wal"), tmp_path / "." / db.name):
        if target.exists():
            assert "the database" in refused(db, "intake", "--file", str(target))
    assert written(db) == before
