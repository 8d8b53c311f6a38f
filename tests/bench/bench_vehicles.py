"""Roster benchmark: the day timeline with 30 vehicles and 200 bookings.
Run `python -m tests.bench.bench_vehicles` (or `make bench`).

Not a test (pytest does not collect tests/bench): it measures and prints numbers. The limit
from the issue is that the timeline of such a day draws in under 300 ms. Three things are
timed, each several times (median and worst):

  load    the day's data from SQLite through the services (cars, bookings, reminders)
  rows    laying the 30 rows out as timeline cells (pure drawing code)
  draw    the real app under Textual's headless driver at 120x40: `]` then `[` pressed,
          timed from the key to the new day on screen (worker load, table rebuild and a
          full repaint of the screen)

Options: --vehicles N (30), --bookings N (200), --repeat N (7), --width W (120).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, time as clock_time, timedelta
from pathlib import Path

from office_tui.core.vehicles import BookingRequest
from office_tui.services import Services
from office_tui.tui.widgets.timeline import day_row

LIMIT_MS = 300.0
DAY = date(2026, 11, 30)  # a Monday
NOW = datetime(2026, 11, 30, 10, 0)


def fill(svc: Services, vehicles: int, bookings: int) -> int:
    """`vehicles` cars (every 15th in maintenance) and `bookings` trips that day, through
    the real booking service: the trips go round the active cars, each car's n-th trip in
    its own 105-minute slot from 07:00, so none clash."""
    rng = random.Random(7)
    destinations = ["市政府", "火车站", "机场 T3", "区教育局", "人民医院", "City Hall",
                    "第一中学", "Bank of China"]
    active = []
    for i in range(vehicles):
        plate = f"京A·{i:05d}"
        in_maintenance = i % 15 == 14
        svc.vehicles.add_vehicle(plate, f"car {i}", (4, 6, 8, 18)[i % 4],
                                 status="maintenance" if in_maintenance else "active")
        if not in_maintenance:
            active.append(plate)
    origin = datetime.combine(DAY, clock_time(7))
    for k in range(bookings):
        slot = k // len(active)
        start = origin + timedelta(minutes=105 * slot + rng.choice((0, 15)))
        end = start + timedelta(minutes=rng.choice((30, 45, 60, 75, 90)))
        svc.vehicles.book(BookingRequest(active[k % len(active)], start, end,
                                         rng.choice(destinations)))
    return bookings


def stats(runs: list[float]) -> str:
    return f"median {statistics.median(runs) * 1000:7.2f} ms   worst {max(runs) * 1000:7.2f} ms"


async def draw_times(svc: Services, repeat: int, width: int
                     ) -> tuple[list[float], list[float], list[float]]:
    """End to end (the `]` action to the repainted screen), and its parts: the table
    rebuild in the message handler, and the layout and paint of the whole screen."""
    from office_tui.tui.app import OfficeApp
    from office_tui.tui.screens.vehicles import Loaded, VehiclesScreen

    app = OfficeApp(svc, poll_seconds=3600)
    total, rebuild, paint = [], [], []
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.press("f4")
        await _until(pilot, lambda: isinstance(app.screen, VehiclesScreen)
                     and app.screen.loaded_once)
        screen = app.screen
        for i in range(repeat * 2):
            going_to = DAY if i % 2 == 0 else DAY - timedelta(days=1)
            screen.day = going_to - timedelta(days=1) if i % 2 == 0 else DAY
            started = time.perf_counter()
            screen.action_next()  # what `]` runs
            await _until(pilot, lambda: screen.shown_generation == screen._generation)
            paint_now(screen)
            if going_to == DAY:
                total.append(time.perf_counter() - started)
                assert len(screen.bookings) >= 200 and screen.day == DAY
        plan = svc.vehicles.day_plan(DAY)
        for _ in range(repeat):
            screen._generation += 1
            message = Loaded(screen._generation, "day", DAY, plan.vehicles, plan.bookings,
                             plan.reminders, plan.settings, NOW)
            t = time.perf_counter()
            screen.show(message)
            rebuild.append(time.perf_counter() - t)
            t = time.perf_counter()
            lines = paint_now(screen)
            paint.append(time.perf_counter() - t)
            assert lines >= 30, lines  # the timeline really was drawn
    return total, rebuild, paint


def paint_now(screen) -> int:
    """Lay the screen out and render every line of it to the (headless) terminal now,
    rather than on the next refresh tick; returns how many timeline lines were drawn."""
    from office_tui.tui.widgets.timeline import Timeline

    timeline = screen.query_one(Timeline)
    drawn = 0
    original = timeline.render_line

    def counting(y: int):
        nonlocal drawn
        drawn += 1
        return original(y)

    timeline.render_line = counting
    try:
        timeline._styles_cache.clear()
        screen._refresh_layout(screen.size)
        update = screen._compositor.render_update(full=True,
                                                  screen_stack=screen.app._background_screens)
        screen.app._display(screen, update)
    finally:
        del timeline.render_line
    return drawn


async def _until(pilot, predicate, limit: float = 30.0) -> None:
    """Let the app run until `predicate()` holds (the roster drawn), at most `limit` s."""
    deadline = time.perf_counter() + limit
    while not predicate():
        if time.perf_counter() > deadline:
            raise RuntimeError("the roster did not draw in time")
        await pilot.pause(0.0005)  # a short wait, not a spin that starves the worker


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vehicles", type=int, default=30)
    parser.add_argument("--bookings", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--width", type=int, default=120)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="office-tui-bench-") as tmp:
        svc = Services(Path(tmp) / "bench.db", clock=lambda: NOW).open()
        try:
            started = time.perf_counter()
            made = fill(svc, args.vehicles, args.bookings)
            print(f"roster: {args.vehicles} vehicles, {made} bookings on {DAY} "
                  f"(booked through the rules in {time.perf_counter() - started:.2f} s)")

            loads, rows = [], []
            for _ in range(args.repeat):
                t = time.perf_counter()
                plan = svc.vehicles.day_plan(DAY)
                loads.append(time.perf_counter() - t)
                by_vehicle: dict[int, list] = {}
                for b in plan.bookings:
                    by_vehicle.setdefault(b.vehicle_id, []).append(b)
                t = time.perf_counter()
                for v in plan.vehicles:
                    day_row(v, by_vehicle.get(v.id, []), DAY, plan.settings, NOW)
                rows.append(time.perf_counter() - t)
            print(f"load  (services, SQLite)      {stats(loads)}")
            print(f"rows  (timeline cells)        {stats(rows)}")
            draws, rebuild, paint = asyncio.run(draw_times(svc, args.repeat, args.width))
            print(f"table (rebuild in handler)    {stats(rebuild)}")
            print(f"paint (layout + all lines)    {stats(paint)}")
            print(f"draw  (`]` to repainted day)  {stats(draws)}   at {args.width}x40")
            worst = max(draws) * 1000
            verdict = "OK" if worst < LIMIT_MS else "OVER"
            print(f"limit {LIMIT_MS:.0f} ms for the draw: {verdict} (worst {worst:.1f} ms)")
            return 0 if worst < LIMIT_MS else 1
        finally:
            svc.close()


if __name__ == "__main__":
    sys.exit(main())
