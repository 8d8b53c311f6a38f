"""The issue's targets, the verdicts and the one table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str  # ms, s, MiB, x
    limit: Callable[[str], float | None] = lambda size: None
    target: str = ""


def _first_frame(size: str) -> float:
    return 350.0 if size == "1M" else 300.0


def _ratio(size: str) -> float | None:
    return {"10k": 0.8, "100k": 0.1}.get(size)


METRICS = [
    Metric("build", "demo --jobs N: build", "s", lambda s: 60.0 if s == "1M" else None,
           "<60 s at 1M"),
    Metric("cli_list", "list --limit 50", "ms", lambda s: 150.0, "<=150"),
    Metric("cli_add", "add", "ms", lambda s: 120.0, "<=120"),
    Metric("cli_show", "show ID", "ms"),
    Metric("cli_today", "today", "ms"),
    Metric("cli_stock", "stock", "ms"),
    Metric("cli_rss", "CLI peak RSS (any command)", "MiB"),
    Metric("tw_next", "Taskwarrior: task next", "ms"),
    Metric("tw_add", "Taskwarrior: task add", "ms"),
    Metric("tw_rss", "Taskwarrior peak RSS", "MiB"),
    Metric("ratio_list", "ours/TW: list vs next", "x", _ratio, "10k <=0.8, 100k <=0.1"),
    Metric("ratio_add", "ours/TW: add vs add", "x"),
    Metric("tw_next_allpending", "TW next, all jobs pending", "ms"),
    Metric("ratio_list_allpending", "ours/TW(all pending): list", "x", _ratio,
           "10k <=0.8, 100k <=0.1"),
    Metric("tui_bare", "bare Textual app: 1st frame", "ms"),
    Metric("tui_first_of_day", "TUI 1st start of day (backup)", "ms"),
    Metric("tui_today", "TUI 1st frame w/ data: Today", "ms", _first_frame, "<=300, 1M <=350"),
    Metric("tui_jobs", "TUI 1st frame w/ data: Jobs", "ms", _first_frame, "<=300, 1M <=350"),
    Metric("tui_vehicles", "TUI 1st frame w/ data: Vehicles", "ms", _first_frame,
           "<=300, 1M <=350"),
    Metric("tui_inventory", "TUI 1st frame w/ data: Inventory", "ms", _first_frame,
           "<=300, 1M <=350"),
    Metric("key_pagedown", "Jobs key: page-down", "ms", lambda s: 50.0, "<=50"),
    Metric("key_search", "Jobs key: search (results)", "ms", lambda s: 50.0, "<=50"),
    Metric("key_search_echo", "Jobs key: search (echo)", "ms"),
    Metric("key_triage", "Jobs key: triage `1`", "ms", lambda s: 50.0, "<=50"),
    Metric("tui_rss", "TUI peak RSS (any run)", "MiB", lambda s: 80.0, "<=80"),
    Metric("tui_rss_jobs", "  of which: Jobs screen, no writes", "MiB"),
    Metric("tui_rss_today", "  of which: Today screen", "MiB"),
]


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "s":
        return f"{value:.1f}"
    if unit == "MiB":
        return f"{value:.0f}"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def verdict(metric: Metric, size: str, value: float | None) -> str | None:
    limit = metric.limit(size)
    if limit is None or value is None:
        return None
    return "PASS" if value <= limit else "MISS"


def table(values: dict[str, dict[str, float | None]], sizes: list[str]) -> str:
    """values[size][metric key] -> the figure in the metric's unit."""
    head = ["metric", "unit", "target"] + sizes
    rows = [head]
    for m in METRICS:
        if not any(values.get(s, {}).get(m.key) is not None for s in sizes):
            continue
        row = [m.label, m.unit, m.target or ""]
        for s in sizes:
            v = values.get(s, {}).get(m.key)
            mark = verdict(m, s, v)
            row.append(fmt(v, m.unit) + ({"PASS": " ok", "MISS": " MISS"}.get(mark, "")))
        rows.append(row)
    widths = [max(cell_len(r[i]) for r in rows) for i in range(len(head))]
    out = []
    for n, r in enumerate(rows):
        cells = [c.ljust(widths[i]) if i < 3 else c.rjust(widths[i]) for i, c in enumerate(r)]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown(values: dict[str, dict[str, float | None]], sizes: list[str]) -> str:
    """The same table as a Markdown table (for the README); MISS marks a missed target."""
    lines = ["| metric | target | " + " | ".join(sizes) + " |",
             "|---|---|" + "---|" * len(sizes)]
    for m in METRICS:
        if not any(values.get(s, {}).get(m.key) is not None for s in sizes):
            continue
        cells = []
        for s in sizes:
            v = values.get(s, {}).get(m.key)
            cells.append(fmt(v, m.unit) + (" **MISS**" if verdict(m, s, v) == "MISS" else ""))
        label = m.label.strip().replace("|", "/")
        lines.append(f"| {label} ({m.unit}) | {m.target or ''} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(values: dict[str, dict[str, float | None]], sizes: list[str]) -> list[dict]:
    found = []
    for m in METRICS:
        for s in sizes:
            v = values.get(s, {}).get(m.key)
            if verdict(m, s, v) == "MISS":
                limit = m.limit(s)
                found.append({"metric": m.key, "label": m.label, "size": s, "value": v,
                              "limit": limit, "unit": m.unit, "over": v - limit,
                              "factor": v / limit if limit else None})
    return found
