"""The README's screenshots: the main screens in English and Chinese, as SVG.

    python -m tests.screenshots docs/screenshots        # what `make screenshots` runs
    python -m tests.screenshots --lang zh --print jobs   # one screen's text, for tests

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
SCREENS = ("today", "jobs", "vehicles", "rooms", "inventory", "canteen")
LANGUAGES = ("en", "zh")


def _settled(pilot):
    async def settle() -> None:
        for _ in range(6):
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return settle()


async def _capture(db_path: Path, mode: str, size: tuple[int, int]) -> str:
    from office_tui.services import Services
    from office_tui.tui.app import OfficeApp

    services = Services(db_path, clock=lambda: NOW).open()
    try:
        # "rooms" is the Roster's Rooms tab: the vehicles mode, then `v`.
        app = OfficeApp(services, poll_seconds=3600.0,
                        mode="vehicles" if mode == "rooms" else mode)
        async with app.run_test(size=size) as pilot:
            await _settled(pilot)
            if mode == "rooms":
                await pilot.press("v")
                await _settled(pilot)
            return app.export_screenshot(title=f"office-tui · {mode}")
    finally:
        services.close()


def screen_text(svg: str) -> str:
    """The text of an exported screen (what tests read)."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def capture(lang: str | None, modes: tuple[str, ...], size: tuple[int, int] = SIZE
            ) -> dict[str, str]:
    """SVGs of `modes` in `lang` (None: chosen as at start-up), in THIS process."""
    from office_tui import i18n
    from office_tui.arguments import language as startup_language

    i18n.set_language(lang or startup_language(sys.argv[1:]))
    from office_tui.services import Services

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "demo.db"
        services = Services(db_path, clock=lambda: NOW).open()
        services.load_demo()
        services.close()
        return {mode: asyncio.run(_capture(db_path, mode, size)) for mode in modes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", nargs="?", default="docs/screenshots")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--print", dest="show", choices=SCREENS + ("all",),
                        help="print the screens' text (form feed between) instead of saving")
    args = parser.parse_args()
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    if args.show:
        modes = SCREENS if args.show == "all" else (args.show,)
        shots = capture(args.lang, modes)
        sys.stdout.write("\f".join(screen_text(shots[m]) for m in modes))
        return
    if args.lang is None:  # one process per language
        for lang in LANGUAGES:
            subprocess.run([sys.executable, "-m", "tests.screenshots", args.outdir,
                            "--lang", lang], check=True)
        return
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    for mode, svg in capture(args.lang, SCREENS).items():
        target = out / f"{mode}-{args.lang}.svg"
        target.write_text(svg, encoding="utf-8")
        print(target)


if __name__ == "__main__":
    main()
