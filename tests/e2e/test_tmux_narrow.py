"""End to end at 80×24 (and the footer at 120 columns), in English and Chinese: the
installed `office-tui` on the demo data in a real terminal (tmux). Jobs and Today show at
least 24 cells of every title on the screen, a 500-character title included, nothing
scrolls sideways (no horizontal scrollbar), and the Chinese palette key reads 命令面板
whole. The e2e conftest ends each test with PRAGMA integrity_check on the database."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from office_tui.core.text import char_width, printable
from office_tui.services import Services
from tests.e2e.terminal import Tmux, env_for, office_tui_command, quit_app

pytestmark = pytest.mark.e2e

LONG = "超长标题" * 20 + " Very long title" * 25  # about 560 cells
# A horizontal scrollbar: a line of nothing but scrollbar glyphs and blanks.
SCROLLBAR = re.compile(r"^[\s▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▔━╸╺]+$")


def head(text: str, cells: int) -> str:
    used, kept = 0, []
    for char in text:
        if used + char_width(char) > cells:
            break
        kept.append(char)
        used += char_width(char)
    return "".join(kept)


@pytest.fixture
def demo_db(tmp_path):
    db = tmp_path / "office.db"
    setup = Services(db).open()
    setup.load_demo()
    long = setup.jobs.add(LONG + " !high !! #repair due:today@23:59")
    titles = {job.id: job.title for job in setup.jobs.list(limit=1000)}
    setup.close()
    return db, long.id, titles


def start(db, lang: str, size: tuple[int, int]) -> Tmux:
    return Tmux(office_tui_command(), {**env_for(db), "OFFICE_TUI_LANG": lang}, size=size)


def check_titles(screen: str, titles: dict[int, str], pattern: str) -> int:
    """Every job line on the screen shows 24 cells of its title; how many were seen."""
    seen = 0
    for line in screen.splitlines():
        assert cell_len(line) <= 80, line
        assert not SCROLLBAR.match(line) or not line.strip(), f"scrollbar: {line!r}"
        found = re.match(pattern, line)
        if found and int(found.group(1)) in titles:
            title = printable(titles[int(found.group(1))])
            assert head(title, 24) in line, (line, title)
            seen += 1
    return seen


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_jobs_and_today_at_80_by_24(demo_db, lang):
    db, long_id, titles = demo_db
    term = start(db, lang, (80, 24))
    try:
        today_word = "今天" if lang == "zh" else "Today"
        screen = term.wait_for(lambda s: today_word in s and f"#{long_id} " in s,
                               "the Today screen")
        assert check_titles(screen, titles, r"^\s+#(\d+) ") >= 10
        assert head(LONG, 24) in screen
        term.keys("F3")
        jobs_word = "任务" if lang == "zh" else "Jobs"
        screen = term.wait_for(lambda s: s.lstrip().startswith(jobs_word)
                               and head(LONG, 24) in s, "the Jobs screen")
        assert check_titles(screen, titles, r"^\s*(\d+)\s") >= 15
        # Down the list: every title still shows its 24 cells, nothing sideways.
        term.keys("PageDown")
        screen = term.wait_for(lambda s: head(LONG, 24) not in s, "the next page")
        assert check_titles(screen, titles, r"^\s*(\d+)\s") >= 15
        quit_app(term)
    finally:
        term.kill()


@pytest.mark.parametrize("mode_key", [None, "F3", "F6"])
def test_the_chinese_palette_key_reads_whole(demo_db, mode_key):
    """At 80 to 124 columns: where the keys fall under the palette key depends on the
    width, and a cut through 面 drew "命令  板"."""
    db, _long_id, _titles = demo_db
    term = start(db, "zh", (80, 24))
    try:
        term.wait_for(lambda s: "今天" in s, "the Today screen")
        if mode_key:
            term.keys(mode_key)
            term.wait_for(lambda s: ("任务" if mode_key == "F3" else "报") in s.splitlines()[0],
                          "the screen")
        for columns in range(80, 125, 4):
            term.resize(columns, 24 if columns < 100 else 40)
            term.wait_for(lambda s: cell_len(s.splitlines()[-1].rstrip()) > columns - 3
                          and "命令面板" in s.splitlines()[-1],
                          f"the footer at {columns} columns, 命令面板 whole", timeout=5)
        quit_app(term)
    finally:
        term.kill()
