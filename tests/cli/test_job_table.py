"""`office-tui list` without Typer or Rich: the same table, options and refusals."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from office_tui import job_table
from office_tui.core.humanize import relative_due
from office_tui.core.text import fit, printable
from office_tui.core.vocab import category_label, importance_label, status_label
from office_tui.arguments import list_options
from office_tui.i18n import _
from office_tui.services import Services
from tests.cli.helpers import run

NOW = datetime(2026, 11, 27, 10, 0)


def rich_table(jobs, now, width: int) -> str:
    """The table as Rich drew it before the fast path (the oracle)."""
    headers = (_("ID"), _("Urg"), _("Imp"), _("Due"), _("Category"), _("Department"),
               _("Status"), _("Title"))
    rows = [[Text(str(j.id)), Text(f"{j.urgency.total:.1f}"),
             Text(importance_label(j.importance) + (" !!" if j.expedite else "")),
             Text(relative_due(j.effective_due, now)), Text(category_label(j.category)),
             Text(printable(j.department)), Text(status_label(j.status)),
             Text(printable(j.title))] for j in jobs]
    natural = [max([cell_len(h)] + [r[i].cell_len for r in rows])
               for i, h in enumerate(headers[:-1])]
    widths = [n if job_table.CAPS[i] is None else min(n, job_table.CAPS[i])
              for i, n in enumerate(natural)]
    gaps = 2 * (len(headers) - 1)
    excess = sum(widths) - (width - gaps - job_table.MIN_TITLE)
    for index, least in job_table.GIVE_WAY:
        if excess <= 0:
            break
        give = max(min(widths[index] - least, excess), 0)
        widths[index] -= give
        excess -= give
    widths = [*widths, max(width - gaps - sum(widths), 4)]
    table = Table(box=None, header_style="bold", padding=(0, 1), pad_edge=False)
    for index, header in enumerate(headers):
        table.add_column(fit(header, widths[index]), justify="right" if index < 2 else "left",
                         no_wrap=True, overflow="crop", width=widths[index])
    for row in rows:
        table.add_row(*(Text(fit(c.plain, w)) for c, w in zip(row, widths)))
    console = Console(width=width, file=open(os.devnull, "w"), color_system=None)
    with console.capture() as captured:
        console.print(table)
    return captured.get()


TITLES = ["replace lamp", "会议室布置 for the 年终 meeting", "[bold]x[/] \x1b[31mred",
          "a" * 90, "修 空调 and a very long english tail that will be cut", "😀 emoji"]


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_the_table_is_the_one_rich_drew(services, clock, width):
    for i, title in enumerate(TITLES):
        services.jobs.add(f"{title} !high due:{'2026-11-20' if i % 2 else 'tomorrow'} "
                          f"@{'总务科行政办公室' if i % 3 else 'IT'} #repair")
    jobs = services.jobs.list(limit=50)
    ours = job_table.render(jobs, NOW, width)
    assert ours == rich_table(jobs, NOW, width)
    assert len(ours.splitlines()) == len(TITLES) + 1


def test_colour_only_on_a_terminal(services):
    services.jobs.add("late one due:2026-11-20")
    jobs = services.jobs.list()
    plain = job_table.render(jobs, NOW, 80)
    coloured = job_table.render(jobs, NOW, 80, color=True)
    assert "\x1b" not in plain
    assert job_table.BOLD in coloured and job_table.RED in coloured
    assert coloured.replace(job_table.BOLD, "").replace(job_table.RED, "").replace(
        job_table.RESET, "") == plain


@pytest.mark.parametrize("argv, expected", [
    (["list"], ({}, {})),
    (["--db", "a.db", "list", "--all", "--limit", "5"],
     ({"--db": "a.db"}, {"include_closed": True, "limit": 5})),
    (["--lang=zh", "list", "--search=修", "--inbox", "--json"],
     ({"--lang": "zh"}, {"search": "修", "inbox": True, "as_json": True})),
])
def test_plain_lists_take_the_fast_path(argv, expected):
    assert list_options(argv) == expected


@pytest.mark.parametrize("argv", [
    ["list", "--help"], ["list", "--limit"], ["list", "--limit", "abc"], ["list", "x"],
    ["list", "--all", "--all"], ["list", "--all=1"], ["--verbose", "list"], ["show", "1"],
    ["list", "--db", "a.db"], ["list", "--search", "--all"], [],
])
def test_anything_else_is_the_cli_s(argv):
    assert list_options(argv) is None


def fast(db, *args: str, env=None) -> subprocess.CompletedProcess:
    code = ("import sys; from office_tui import entry; "
            "sys.argv = ['office-tui', *sys.argv[1:]]; entry.main()")
    environ = {**os.environ, "COLUMNS": "100", "OFFICE_TUI_LANG": "en", **(env or {})}
    return subprocess.run([sys.executable, "-c", code, "--db", str(db), *args],
                          capture_output=True, text=True, timeout=60, env=environ)


@pytest.mark.parametrize("args", [
    ["list"], ["list", "--limit", "2"], ["list", "--all", "--json"], ["list", "--inbox"],
    ["list", "--search", "lamp"], ["list", "--search", "nothing-like-it"],
    ["list", "--limit", "0"],
])
def test_the_fast_path_prints_what_the_cli_prints(services, db_path, args):
    services.load_demo()
    services.close()
    ours = fast(db_path, *args)
    assert ours.returncode == 0, ours.stderr
    cli = run(db_path, *args, env={"COLUMNS": "100"})
    assert cli.exit_code == 0
    if "--json" in args:  # the clock moved between the two runs: compare the jobs
        import json

        assert [j["id"] for j in json.loads(ours.stdout)] == \
            [j["id"] for j in json.loads(cli.stdout)]
    else:
        assert ours.stdout == cli.stdout


def test_the_fast_path_refuses_as_the_cli_does(tmp_path):
    bad = tmp_path / "not-a-db"
    bad.write_text("hello")
    result = fast(bad, "list")
    assert result.returncode == 1
    assert "is not an SQLite database" in result.stderr and result.stdout == ""
    assert bad.read_text() == "hello"  # untouched


def test_the_fast_path_imports_neither_typer_nor_rich(tmp_path):
    code = ("import sys, atexit; from office_tui import entry\n"
            "atexit.register(lambda: print(sorted(m for m in ('typer', 'rich', 'textual') "
            "if m in sys.modules), file=sys.stderr))\n"
            "sys.argv = ['office-tui', '--db', sys.argv[1], 'list']\n"
            "entry.main()\n")
    Services(tmp_path / "o.db").open().close()  # `list` only reads: the file must be there
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "o.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stderr.strip() == "[]"
    assert result.stdout.strip() == "No jobs."
