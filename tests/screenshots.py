"""Screens of the app on the demo data, as SVG: the README's pictures and the snapshot tests.

    python -m tests.screenshots docs/screenshots        # what `make screenshots` runs
    python -m tests.screenshots --lang zh --print jobs   # one screen's text, for tests
    python -m tests.screenshots OUT --lang zh --views all --size 80x24 --size 120x40
                                                         # every view, for tests/tui/test_snapshots.py

Each language runs in its own process: key labels and help texts are built when the
modules are imported, in the language chosen then (as when the app starts). The demo
data set is loaded into a temporary database at a fixed moment (Fri 2026-11-27 10:00),
and the app is run headless at a fixed size, so the pictures change only when the
screens do.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

NOW = datetime(2026, 11, 27, 10, 0)
SIZE = (120, 34)
# A view is a mode, or a mode and the key that switches it to its other tab.
VIEWS = {
    "today": ("today", ()),
    "jobs": ("jobs", ()),
    "vehicles": ("vehicles", ()),       # the Roster's Cars tab
    "rooms": ("vehicles", ("v",)),      # the Roster's Rooms tab
    "inventory": ("inventory", ()),
    "reports": ("reports", ()),
    "assets": ("assets", ()),
    "canteen": ("canteen", ()),         # meals
    "utilities": ("canteen", ("v",)),   # meters
}
# The README's pictures (`make screenshots`).
SCREENS = ("today", "jobs", "vehicles", "rooms", "inventory", "canteen")
LANGUAGES = ("en", "zh")


def _settled(pilot):
    async def settle() -> None:
        for _ in range(6):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return settle()


async def _capture(db_path: Path, view: str, size: tuple[int, int]) -> str:
    from office_tui.services import Services
    from office_tui.tui.app import OfficeApp

    mode, keys = VIEWS[view]
    services = Services(db_path, clock=lambda: NOW).open()
    try:
        app = OfficeApp(services, poll_seconds=3600.0, mode=mode)
        async with app.run_test(size=size) as pilot:
            await _settled(pilot)
            for key in keys:
                await pilot.press(key)
                await _settled(pilot)
            return app.export_screenshot(title=f"office-tui · {view}")
    finally:
        services.close()


def screen_text(svg: str) -> str:
    """The text of an exported screen (what tests read)."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def capture(lang: str | None, views: tuple[str, ...], size: tuple[int, int] = SIZE
            ) -> dict[str, str]:
    """SVGs of `views` in `lang` (None: chosen as at start-up), in THIS process."""
    shots = capture_sizes(lang, views, (size,))
    return {view: shots[view, size] for view in views}


def capture_sizes(lang: str | None, views: tuple[str, ...], sizes: tuple[tuple[int, int], ...]
                  ) -> dict[tuple[str, tuple[int, int]], str]:
    """SVGs of `views` at each of `sizes`, keyed by (view, size), in THIS process: the
    demo data is loaded once, each picture is a fresh app on it."""
    from office_tui import i18n
    from office_tui.arguments import language as startup_language

    i18n.set_language(lang or startup_language(sys.argv[1:]))
    from office_tui.services import Services

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "demo.db"
        services = Services(db_path, clock=lambda: NOW).open()
        services.load_demo()
        services.close()
        return {(view, size): asyncio.run(_capture(db_path, view, size))
                for size in sizes for view in views}


def size_name(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", default="docs/screenshots")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--print", dest="show", choices=(*VIEWS, "all"),
                        help="print the screens' text (form feed between) instead of saving")
    parser.add_argument("--views", choices=("readme", "all"), default="readme",
                        help="the README's pictures (default) or every view")
    parser.add_argument("--size", type=_size, action="append",
                        help="WIDTHxHEIGHT, repeatable: files are then named VIEW-LANG-WxH.svg")
    args = parser.parse_args()
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    views = tuple(VIEWS) if args.views == "all" else SCREENS
    if args.show:
        views = SCREENS if args.show == "all" else (args.show,)
        shots = capture(args.lang, views)
        sys.stdout.write("\f".join(screen_text(shots[v]) for v in views))
        return
    if args.lang is None:  # one process per language
        extra = ["--views", args.views]
        for size in args.size or ():
            extra += ["--size", size_name(size)]
        for lang in LANGUAGES:
            subprocess.run([sys.executable, "-m", "tests.screenshots", args.outdir,
                            "--lang", lang, *extra], check=True)
        return
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    if not args.size:
        named = {f"{view}-{args.lang}": svg
                 for view, svg in capture(args.lang, views).items()}
    else:
        named = {f"{view}-{args.lang}-{size_name(size)}": svg
                 for (view, size), svg in capture_sizes(args.lang, views,
                                                        tuple(args.size)).items()}
    for name, svg in named.items():
        target = out / f"{name}.svg"
        target.write_text(svg, encoding="utf-8")
        print(target)


if __name__ == "__main__":
    main()
