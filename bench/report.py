"""The issue's targets as ratios to floors measured in the same run, the verdicts, the table.

A metric with a `floor` is judged by `value / floor` (both medians of the same size's runs,
measured interleaved); its cell shows the milliseconds and the ratio. A metric without one
is a floor itself, a figure for orientation, or judged in its own unit (peak RSS, build).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str  # ms, s, MiB
    floor: str | None = None  # the key this one is divided by
    limit: Callable[[str], float | None] = lambda size: None  # of the ratio, if a floor
    target: str = ""


def every(limit: float) -> Callable[[str], float]:
    return lambda size: limit


def at_100k(limit: float) -> Callable[[str], float | None]:
    return lambda size: limit if size == "100k" else None


SCREENS = (("today", "Today"), ("jobs", "Jobs"), ("vehicles", "Roster"),
           ("inventory", "Inventory"), ("reports", "Reports"), ("assets", "Assets"),
           ("canteen", "Canteen & utilities"))

METRICS = [
    # the floors, measured in the same run
    Metric("floor_frame", "FLOOR bare Textual: 1st frame", "ms"),
    Metric("floor_echo", "FLOOR bare Input: key echo", "ms"),
    Metric("floor_cli", "FLOOR python -c 'import sqlite3'", "ms"),
    Metric("tw_add", "FLOOR Taskwarrior: task add", "ms"),
    Metric("tw_next", "Taskwarrior: task next", "ms"),
    Metric("tw_next_allpending", "FLOOR TW next, all jobs pending", "ms"),
    # the TUI: first frames against the bare app, the first start of the day against an
    # ordinary start, keys against the bare Input's echo
    *[Metric(f"tui_{mode}", f"1st frame w/ data: {name}", "ms", "floor_frame", every(1.3),
             "<=1.3x bare") for mode, name in SCREENS],
    Metric("tui_first_of_day", "1st start of day (backup)", "ms", "tui_ordinary", every(1.1),
           "<=1.1x ordinary"),
    Metric("tui_ordinary", "  its ordinary start (Today)", "ms"),
    Metric("key_pagedown", "key: page-down (Jobs)", "ms", "floor_echo", every(2.0),
           "<=2x echo"),
    Metric("key_search", "key: search letter (results)", "ms", "floor_echo", every(2.0),
           "<=2x echo"),
    Metric("key_search_echo", "key: search letter (echo)", "ms", "floor_echo"),
    Metric("key_triage", "key: triage `1` (inbox)", "ms", "floor_echo", every(2.0),
           "<=2x echo"),
    Metric("key_form", "key: a form field (add)", "ms", "floor_echo", every(2.0),
           "<=2x echo"),
    Metric("key_count", "key: a count mark (assets)", "ms", "floor_count_echo", every(2.0),
           "<=2x echo"),
    Metric("floor_count_echo", "  its bare Input echo", "ms"),
    Metric("tui_rss", "TUI peak RSS (any run)", "MiB", None, every(80.0), "<=80 MiB"),
    # the CLI: against the interpreter with sqlite3, and against Taskwarrior
    Metric("ref_stdlib", "  the stdlib any command needs", "ms", "floor_cli"),
    Metric("cli_list", "list --limit 50", "ms", "floor_cli", every(2.5), "<=2.5x floor"),
    Metric("cli_add", "add", "ms", "floor_cli", every(2.5), "<=2.5x floor"),
    Metric("cli_show", "show ID", "ms", "floor_cli"),
    Metric("cli_today", "today", "ms", "floor_cli"),
    Metric("cli_stock", "stock", "ms", "floor_cli"),
    Metric("vs_tw_add", "add vs task add", "ms", "tw_add", at_100k(1.0), "100k <=1.0x"),
    Metric("vs_tw_next_allpending", "list vs task next (all pending)", "ms",
           "tw_next_allpending", at_100k(0.1), "100k <=0.1x"),
    Metric("vs_tw_next", "list vs task next", "ms", "tw_next"),
    Metric("cli_rss", "CLI peak RSS (any command)", "MiB"),
    Metric("tw_rss", "Taskwarrior peak RSS", "MiB"),
    Metric("build", "demo --jobs N: build", "s", None, lambda s: 60.0 if s == "1M" else None,
           "<60 s at 1M"),
]
BY_KEY = {m.key: m for m in METRICS}
# rows that show another metric's figure against a different floor
SAME_AS = {"vs_tw_add": "cli_add", "vs_tw_next_allpending": "cli_list",
           "vs_tw_next": "cli_list"}


def value(values: dict[str, float | None], key: str) -> float | None:
    return values.get(SAME_AS.get(key, key))


def ratio(metric: Metric, values: dict[str, float | None]) -> float | None:
    if metric.floor is None:
        return None
    ours, floor = value(values, metric.key), values.get(metric.floor)
    return ours / floor if ours is not None and floor else None


def verdict(metric: Metric, size: str, values: dict[str, float | None]) -> str | None:
    limit = metric.limit(size)
    judged = ratio(metric, values) if metric.floor else value(values, metric.key)
    if limit is None or judged is None:
        return None
    return "PASS" if judged <= limit else "MISS"


def fmt(v: float | None, unit: str) -> str:
    if v is None:
        return "-"
    if unit == "s":
        return f"{v:.1f}"
    if unit == "MiB":
        return f"{v:.0f}"
    return f"{v:,.0f}" if v >= 100 else f"{v:.1f}"


def cell(metric: Metric, size: str, values: dict[str, float | None]) -> str:
    v = value(values, metric.key)
    text = fmt(v, metric.unit)
    r = ratio(metric, values)
    if r is not None:
        text += f" {r:.2f}x"
    mark = verdict(metric, size, values)
    return text + ({"PASS": " PASS", "MISS": " MISS"}.get(mark, ""))


def _rows(values: dict[str, dict[str, float | None]], sizes: list[str]):
    for m in METRICS:
        if any(value(values.get(s, {}), m.key) is not None for s in sizes):
            yield m, [cell(m, s, values.get(s, {})) for s in sizes]


def table(values: dict[str, dict[str, float | None]], sizes: list[str]) -> str:
    """values[size][metric key] -> the figure in the metric's unit."""
    head = ["metric", "unit", "target"] + sizes
    rows = [head] + [[m.label, m.unit, m.target] + cells for m, cells in _rows(values, sizes)]
    widths = [max(cell_len(r[i]) for r in rows) for i in range(len(head))]
    out = []
    for n, r in enumerate(rows):
        cells = [c.ljust(widths[i]) if i < 3 else c.rjust(widths[i]) for i, c in enumerate(r)]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown(values: dict[str, dict[str, float | None]], sizes: list[str]) -> str:
    """The same table in Markdown (for the README); **MISS** marks a missed target."""
    lines = ["| metric | target | " + " | ".join(sizes) + " |",
             "|---|---|" + "---|" * len(sizes)]
    for m, cells in _rows(values, sizes):
        cells = [c.replace(" MISS", " **MISS**") for c in cells]
        label = m.label.strip().replace("|", "/")
        lines.append(f"| {label} ({m.unit}) | {m.target} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(values: dict[str, dict[str, float | None]], sizes: list[str]) -> list[dict]:
    found = []
    for m in METRICS:
        for s in sizes:
            v = values.get(s, {})
            if verdict(m, s, v) == "MISS":
                judged = ratio(m, v) if m.floor else value(v, m.key)
                limit = m.limit(s)
                found.append({"metric": m.key, "label": m.label.strip(), "size": s,
                              "value": value(v, m.key), "unit": m.unit,
                              "floor": v.get(m.floor) if m.floor else None,
                              "judged": judged, "limit": limit,
                              "by": "ratio" if m.floor else m.unit,
                              "over_factor": judged / limit if limit else None})
    return found
