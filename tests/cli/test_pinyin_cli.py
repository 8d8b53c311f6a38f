"""`--search` by pinyin on the command line: `list --search hysbz` finds 会议室布置."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from office_tui.cli import app
from tests.cli.test_entry_point import office_tui

runner = CliRunner()


def ok(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 0, (args, result.stdout, result.stderr, result.exception)
    return result.stdout


def jobs_db(db: Path) -> None:
    ok(db, "add", "会议室布置 @行政办公室 #会议")
    ok(db, "add", "fix the projector @总务科")


def test_list_search_by_initials_and_full_pinyin(tmp_path):
    db = tmp_path / "office.db"
    jobs_db(db)
    for query in ("hysbz", "huiyi", "HYS", "会议"):
        found = json.loads(ok(db, "list", "--search", query, "--json"))
        assert [j["title"] for j in found] == ["会议室布置"], query
    shown = ok(db, "list", "--search", "hysbz")
    assert "会议室布置" in shown and "projector" not in shown
    found = json.loads(ok(db, "list", "--search", "zwk", "--json"))  # 总务科
    assert [j["title"] for j in found] == ["fix the projector"]


def test_item_list_and_stock_search_by_pinyin(tmp_path):
    db = tmp_path / "office.db"
    ok(db, "item", "add", "--code", "PEN", "--name", "中性笔", "--unit", "支")
    ok(db, "item", "add", "--code", "TEA", "--name", "绿茶", "--unit", "盒")
    listed = ok(db, "item", "list", "--search", "zxb")
    assert "中性笔" in listed and "绿茶" not in listed
    stock = ok(db, "stock", "--search", "lvcha")
    assert "绿茶" in stock and "中性笔" not in stock


def test_list_search_hysbz_through_the_installed_command(tmp_path):
    db = tmp_path / "office.db"
    assert office_tui(db, "add", "会议室布置 @行政办公室").returncode == 0
    assert office_tui(db, "add", "water for the lobby").returncode == 0
    listed = office_tui(db, "list", "--search", "hysbz")
    assert listed.returncode == 0, listed.stderr
    assert "会议室布置" in listed.stdout and "water" not in listed.stdout
