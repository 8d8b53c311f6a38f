"""Snapshot tests: every view of the app, in English and Chinese, at 80×24 and 120×40, on
the demo data at Fri 2026-11-27 10:00, compared with the SVGs in __snapshots__/ (syrupy,
with pytest-textual-snapshot's SVG extension), so a change of layout shows in review.

After an intended change of a screen:

    .venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update

rewrites the SVGs (review them in the diff, or open them in a browser). On a mismatch the
plugin writes snapshot_report.html, each failing view drawn as stored and as now.

The pictures are drawn by tests/screenshots.py (as the README's are), one process per
language, both side by side: key labels and help texts are built in the language chosen
when the modules are imported, and this process imported them in English.
"""

from __future__ import annotations

import difflib
import html
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
import pytest_textual_snapshot as plugin
from rich.cells import cell_len
from pytest_textual_snapshot import SVGImageExtension

from tests.screenshots import LANGUAGES, VIEWS, size_name

ROOT = Path(__file__).resolve().parents[2]
SIZES = ((80, 24), (120, 40))


def _environment() -> dict[str, str]:
    """The caller's environment without what changes a picture: Textual's settings (theme,
    colour system, animations), colour switches and the language variables."""
    drop = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "OFFICE_TUI_LANG", "OFFICE_TUI_DB",
            "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
    env = {key: value for key, value in os.environ.items()
           if key not in drop and not key.startswith("TEXTUAL")}
    env["TEXTUAL_ANIMATIONS"] = "none"
    return env


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    """Every view in both languages at both sizes, as VIEW-LANG-WxH.svg files."""
    out = tmp_path_factory.mktemp("snapshots")
    sizes = [arg for size in SIZES for arg in ("--size", size_name(size))]
    runs = [subprocess.Popen([sys.executable, "-m", "tests.screenshots", str(out),
                              "--lang", lang, "--views", "all", *sizes],
                             cwd=ROOT, env=_environment(), text=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            for lang in LANGUAGES]
    for run in runs:
        _, errors = run.communicate(timeout=300)
        assert run.returncode == 0, errors
    return out


_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                   r'clip-path="url\(#terminal-(?:\d+-)?line-(\d+)\)">(.*?)</text>')
_CELL = 12.2  # the width of a cell in Rich's SVG export (0.61 of its 20px font)


def screen_lines(svg: str) -> list[str]:
    """The terminal's lines in an exported SVG, as text, each run of text at its cell."""
    lines: dict[int, str] = {}
    for x, number, text in _TEXT.findall(svg):
        line = lines.get(int(number), "")
        line += " " * max(round(float(x) / _CELL) - cell_len(line), 0)
        lines[int(number)] = line + html.unescape(text).replace("\xa0", " ")
    return [lines.get(n, "").rstrip() for n in range(max(lines, default=-1) + 1)]


def _difference(stored: str | None, actual: str) -> str:
    if stored is None:
        return "no stored snapshot: run with --snapshot-update, then review the SVG"
    diff = list(difflib.unified_diff(screen_lines(stored), screen_lines(actual),
                                     "stored", "now", lineterm="", n=1))
    text = "\n".join(diff) if diff else "the text is the same: colours or styles differ"
    return f"{text}\n(both drawn side by side in snapshot_report.html)"


def _report(request, snapshot, actual: str, size: tuple[int, int]) -> None:
    """Hand the comparison to the plugin's HTML report, as its snap_compare fixture does
    (snapshot_report.html is drawn from these records when the session ends)."""
    result = snapshot.executions.get(snapshot.num_executions - 1)
    if result is None:  # the comparison itself raised
        return
    path, line, name = request.node.reportinfo()
    app = plugin.PseudoApp(plugin.PseudoConsole(legacy_windows=False, size=size))
    record = (result.success, str(snapshot), actual, app, path, line, name,
              request.node.function.__doc__ or "", "", result.final_data is not None)
    plugin.node_to_report_path(request.node).write_bytes(pickle.dumps(record))


@pytest.mark.parametrize("size", SIZES, ids=size_name)
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_view_matches_its_snapshot(lang, view, size, rendered, snapshot, request):
    """The view as drawn now and as stored in __snapshots__/."""
    actual = (rendered / f"{view}-{lang}-{size_name(size)}.svg").read_text(encoding="utf-8")
    svg = snapshot.use_extension(SVGImageExtension)
    passed = svg == actual  # with --snapshot-update: stored, and True
    _report(request, svg, actual, size)
    if not passed:
        stored = svg.executions[svg.num_executions - 1].recalled_data
        pytest.fail(f"{view} ({lang}, {size_name(size)}) is not drawn as its snapshot:\n"
                    + _difference(stored, actual), pytrace=False)
