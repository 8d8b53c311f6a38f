"""The interface language: how it is chosen, and what each language shows.

Chosen by `--lang`, then OFFICE_TUI_LANG, then the `language` setting, then the locale.
With Chinese chosen, the CLI's tables and help and the TUI's footer speak Chinese; with an
English locale no Chinese shows but the data.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from office_tui import arguments, cli, i18n
from office_tui.cli import app

cli.prepare()  # every command module, as `office-tui --help` loads them
from office_tui.core.calendar import WorkingCalendar
from office_tui.core.humanize import long_day, relative_due, short_moment
from office_tui.core.quickadd import parse
from office_tui.services import Services
from office_tui.arguments import language as startup_language
from office_tui.store import settings

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 27, 10, 0)
CJK_RUN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
runner = CliRunner()


@pytest.fixture
def zh():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


# -- choosing ---------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [
    ("zh", "zh"), ("zh_CN.UTF-8", "zh"), ("zh-Hans", "zh"), ("ZH_tw", "zh"),
    ("en", "en"), ("en_GB.UTF-8", "en"), ("C", "en"), ("POSIX", "en"), ("C.UTF-8", "en"),
    ("fr_FR.UTF-8", None), ("", None), (None, None),
])
def test_normalise_language(value, expected):
    assert i18n.normalise_language(value) == expected


def test_order_lang_then_env_then_setting_then_locale():
    zh_locale = {"LANG": "zh_CN.UTF-8"}
    assert i18n.choose_language(None, None, zh_locale) == "zh"
    assert i18n.choose_language(None, None, {"LANG": "en_US.UTF-8"}) == "en"
    assert i18n.choose_language(None, None, {}) == "en"
    # LC_ALL wins over LANG, as in POSIX.
    assert i18n.choose_language(None, None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN"}) == "en"
    assert i18n.choose_language(None, None, {"LC_ALL": "zh_CN.UTF-8", "LANG": "en"}) == "zh"
    assert i18n.choose_language(None, "en", zh_locale) == "en"           # setting > locale
    assert i18n.choose_language(None, "zh", {"LANG": "C"}) == "zh"
    assert i18n.choose_language(None, "zh", {"OFFICE_TUI_LANG": "en"}) == "en"  # env > setting
    assert i18n.choose_language("zh", "en", {"OFFICE_TUI_LANG": "en"}) == "zh"  # --lang first
    assert i18n.choose_language("fr", "klingon", zh_locale) == "zh"      # unknown: passed over


def test_the_setting_is_read_only_when_needed():
    asked = []

    def setting():
        asked.append(1)
        return "zh"

    assert i18n.choose_language("en", setting, {}) == "en"
    assert asked == []
    assert i18n.choose_language(None, setting, {}) == "zh"
    assert asked == [1]


@pytest.mark.parametrize(("argv", "expected"), [
    (["--lang", "zh", "list"], "zh"), (["--lang=zh", "list"], "zh"),
    (["--db", "x.db", "--lang", "zh"], "zh"), (["list", "--lang", "zh"], None),
    (["add", "--lang zh"], None), (["--db", "--lang", "list"], None), ([], None),
    (["--lang"], None),
])
def test_root_option_reads_only_options_before_the_command(argv, expected):
    assert arguments.root_option(argv, "--lang") == expected


def test_startup_reads_the_setting_from_the_database_given(services, db_path):
    env = {"LANG": "en_US.UTF-8"}
    assert startup_language(["--db", str(db_path)], env) == "en"
    services.preferences.set_language("zh")
    assert startup_language(["--db", str(db_path), "list"], env) == "zh"
    assert startup_language([], {**env, "OFFICE_TUI_DB": str(db_path)}) == "zh"
    assert startup_language(["--lang", "en", "--db", str(db_path)], env) == "en"


def test_startup_never_creates_a_database(tmp_path):
    missing = tmp_path / "nope" / "office.db"
    assert startup_language(["--db", str(missing)], {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert settings.peek(missing, "language") is None
    assert not missing.parent.exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert settings.peek(junk, "language") is None
    assert junk.read_bytes() == b"not a database at all" * 100


def test_config_language_sets_shows_and_forgets(db_path):
    result = runner.invoke(app, ["--db", str(db_path), "config", "language", "zh"])
    assert result.exit_code == 0, result.stderr
    assert "Simplified Chinese" in result.stdout
    assert settings.peek(db_path, "language") == "zh"
    shown = runner.invoke(app, ["--db", str(db_path), "config", "language"])
    assert "Language setting: Simplified Chinese" in shown.stdout
    assert runner.invoke(app, ["--db", str(db_path), "config", "language", "auto"]
                         ).exit_code == 0
    assert settings.peek(db_path, "language") is None


def test_config_language_refuses_an_unknown_one_and_writes_nothing(db_path, services):
    services.preferences.set_language("en")
    result = runner.invoke(app, ["--db", str(db_path), "config", "language", "fr"])
    assert result.exit_code == 1
    assert "Unknown language 'fr': use en, zh or auto." in result.stderr
    assert settings.peek(db_path, "language") == "en"


def test_lang_option_refuses_an_unknown_language(db_path):
    result = runner.invoke(app, ["--db", str(db_path), "--lang", "fr", "list"])
    assert result.exit_code == 1
    assert "Unknown language 'fr'" in result.stderr


# -- dates and numbers ------------------------------------------------------------------
def test_moments_in_english():
    assert relative_due(datetime(2026, 11, 27, 12, 0), NOW) == "in 2h"
    assert relative_due(datetime(2026, 11, 26, 9, 0), NOW) == "overdue 1d"
    assert relative_due(datetime(2026, 11, 27, 9, 30), NOW) == "overdue 30m"
    assert relative_due(None, NOW) == "-"
    assert short_moment(datetime(2026, 11, 27, 14, 0), NOW) == "14:00"
    assert short_moment(datetime(2026, 11, 30, 14, 0), NOW) == "Mon 11-30 14:00"
    assert short_moment(datetime(2027, 1, 4, 9, 5), NOW) == "2027-01-04 09:05"
    assert long_day(NOW.date()) == "Fri 2026-11-27"


def test_moments_the_chinese_way(zh):
    assert relative_due(datetime(2026, 11, 27, 12, 0), NOW) == "2小时后"
    assert relative_due(datetime(2026, 11, 26, 9, 0), NOW) == "逾期1天"
    assert relative_due(datetime(2026, 11, 27, 9, 30), NOW) == "逾期30分钟"
    assert short_moment(datetime(2026, 11, 27, 14, 0), NOW) == "14:00"
    assert short_moment(datetime(2026, 11, 27, 14, 0), datetime(2026, 11, 26, 9)) == \
        "11月27日 周五 14:00"
    assert short_moment(datetime(2027, 1, 4, 9, 5), NOW) == "2027年1月4日 09:05"
    assert long_day(NOW.date()) == "2026年11月27日 周五"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_quick_add_takes_both_languages_date_words_in_either_interface(lang):
    i18n.set_language(lang)
    cal = WorkingCalendar()
    assert parse("a due:tomorrow@14:00", NOW, cal).due == datetime(2026, 11, 28, 14, 0)
    assert parse("a due:明天@14:00", NOW, cal).due == datetime(2026, 11, 28, 14, 0)
    assert parse("a due:周一 #报修", NOW, cal).due == parse("a due:mon #repair", NOW, cal).due
    assert parse("a due:下周一", NOW, cal).due.date() == datetime(2026, 11, 30).date()
    i18n.set_language("en")


def test_reports_speak_chinese(services, clock, zh):
    services.jobs.add("修灯 !high due:2026-11-25 @总务科 #报修")
    text = services.reports.render(services.reports.build("week"), "md")
    assert text.startswith("# 周报 2026-W48")
    assert "数据截至 2026年11月27日 10:00。" in text
    assert "## 概况" in text and "| 限时办结率 |" in text.replace("  ", "")
    assert "## 逾期" in text
    assert "- #1 修灯（总务科） — 期限 11月25日 17:30，超时 10.5 工作小时" in text


# -- CLI in Chinese (in-process: --lang switches the rest of the run) --------------------
def test_cli_list_in_chinese(services, db_path, monkeypatch):
    services.jobs.add("三楼会议室灯管不亮 !high due:today @总务科 #报修")
    services.jobs.add("Print the budget report due:+2h @Finance #print")
    result = runner.invoke(app, ["--db", str(db_path), "--lang", "zh", "list"])
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header == ["编号", "紧迫", "重要", "期限", "类别", "部门", "状态", "标题"]
    assert "报修" in result.stdout and "文印" in result.stdout and "未分拣" not in header
    assert re.search(r"\d+(分钟|小时|天)后|逾期\d+", result.stdout)  # the CLI's own clock


# -- the real command, the way a clerk starts it ---------------------------------------
def _run(args, lang_env, tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("OFFICE_TUI_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env.update(lang_env, COLUMNS="100", OFFICE_TUI_DB=str(tmp_path / "office.db"))
    return subprocess.run([str(Path(sys.executable).parent / "office-tui"), *args], env=env,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_zh_locale_gives_a_chinese_list_and_help(tmp_path):
    zh = {"LANG": "zh_CN.UTF-8"}
    assert _run(["add", "修灯 !high due:today @总务科 #报修"], zh, tmp_path).returncode == 0
    listed = _run(["list"], zh, tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split()[:8] == ["编号", "紧迫", "重要", "期限", "类别", "部门",
                                         "状态", "标题"]
    helped = _run(["list", "--help"], zh, tmp_path)
    assert "未办任务，最紧迫的在前。" in helped.stdout
    assert "选项" in helped.stdout and "包括已办结和已取消的任务。" in helped.stdout
    top = _run(["--help"], zh, tmp_path)
    assert "快速添加任务；输出新编号。" in top.stdout and "命令" in top.stdout
    # --lang wins over the locale, and the stored setting over the locale.
    assert "Open jobs, most urgent first." in _run(["--lang", "en", "list", "--help"], zh,
                                                   tmp_path).stdout
    assert _run(["config", "language", "en"], zh, tmp_path).returncode == 0
    assert "Open jobs, most urgent first." in _run(["list", "--help"], zh, tmp_path).stdout


def _data_text() -> str:
    """Every string of the demo data set (CSV files and the demo loaders' literals)."""
    parts = [f.read_text(encoding="utf-8") for f in resources.files("office_tui.data").iterdir()
             if f.name.endswith(".csv")]
    services_dir = ROOT / "office_tui" / "services"
    parts += [p.read_text(encoding="utf-8") for p in services_dir.glob("*demo*.py")]
    return "\n".join(parts)


def _non_data_chinese(text: str, data: str) -> list[str]:
    return sorted({run for run in CJK_RUN.findall(text.replace("⋯", "")) if run not in data})


def test_an_english_locale_shows_no_chinese_but_the_data(tmp_path):
    en = {"LANG": "en_US.UTF-8"}
    assert _run(["demo"], en, tmp_path).returncode == 0
    data = _data_text()
    shown = []
    for args in (["--help"], ["list", "--all", "--limit", "200"], ["show", "3"], ["today"],
                 ["bookings", "--date", "2026-11-27"], ["stock"], ["report", "--week"],
                 ["vehicle", "list"], ["routine", "list"], ["kit", "list"],
                 ["calendar", "list"], ["config", "language"], ["add", "--help"],
                 ["book", "--help"], ["kit", "event", "--help"], ["item", "add", "--help"],
                 ["room", "list"], ["room", "bookings", "--week", "2026-11-27"],
                 ["room", "book", "--help"], ["vehicle", "costs"],
                 ["vehicle", "services", "京A·C1234"], ["meals", "sheet"],
                 ["meals", "month"], ["meter", "list"], ["utilities", "month"],
                 ["utilities", "flags"], ["readings", "主楼水表"]):
        result = _run(args, en, tmp_path)
        assert result.returncode == 0, (args, result.stderr)
        shown.append(result.stdout)
    assert _non_data_chinese("\n".join(shown), data) == []


def _screens(lang_env: dict[str, str]) -> list[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("OFFICE_TUI_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env.update(lang_env, TEXTUAL_ANIMATIONS="none")
    done = subprocess.run([sys.executable, "-m", "tests.screenshots", "--print", "all"],
                          env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\f")


def test_tui_footer_and_screens_in_chinese_under_a_zh_locale():
    today, jobs, vehicles, rooms, inventory, canteen = _screens({"LANG": "zh_CN.UTF-8"})
    footer = [line for line in jobs.splitlines() if "命令面板" in line]
    assert footer, jobs
    for label in ("新增", "搜索", "特事特办", "期限", "等待"):
        assert label in footer[0], footer[0]
    assert "编号" in jobs and "标题" in jobs and "紧迫" in jobs
    assert "今天 2026年11月27日 周五" in today
    assert "车辆" in vehicles and "周五" in vehicles
    assert "4 间会议室" in rooms and "场会议" in rooms
    assert "报餐" in canteen and "午餐" in canteen and "合计" in canteen
    assert "库存" in inventory and "补货点" in inventory


def test_tui_shows_no_chinese_but_the_data_under_an_english_locale():
    screens = _screens({"LANG": "en_US.UTF-8"})
    assert "palette" in screens[1] and "Search" in screens[1]
    assert _non_data_chinese("\n".join(screens), _data_text()) == []
