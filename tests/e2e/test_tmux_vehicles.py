"""End to end: the roster in the installed `office-tui` under tmux. F4 shows today's trips;
a clashing booking is refused live in the form, the free car is taken with ctrl+f, saved,
and read back from the database, which ends with PRAGMA integrity_check."""

from __future__ import annotations

import time
from datetime import date, datetime, time as clock_time

import pytest

from office_tui.core.vehicles import BookingRequest
from office_tui.services import Services
from tests.integrity import integrity
from tests.e2e.terminal import Tmux, env_for, office_tui_command, quit_app

pytestmark = pytest.mark.e2e


def test_book_around_a_clash_in_a_real_terminal(tmp_path):
    db = tmp_path / "office.db"
    # The app runs on the real clock, so the roster is set up on the real today.
    today = date.today()
    services = Services(db).open()
    try:
        services.vehicles.add_vehicle("京A·10001", "Passat", 4)
        services.vehicles.add_vehicle("京A·10002", "Buick GL8", 6)
        services.vehicles.book(BookingRequest(
            "京A·10001", datetime.combine(today, clock_time(9)),
            datetime.combine(today, clock_time(11)), "市政府"))
    finally:
        services.close()
    # shift+tab is an escape sequence (ESC [ Z): on a loaded machine its bytes can reach
    # the app more than Textual's 100 ms apart, and the ESC alone is then Escape, which
    # closes the form (seen in CI). A second to complete a sequence, as a slow terminal
    # line would be given (ESCDELAY, as curses reads it).
    env = {**env_for(db), "ESCDELAY": "1000"}
    term = Tmux(office_tui_command(), env)
    try:
        term.wait_for(lambda s: "palette" in s, "the app (whichever screen it opens on)")
        term.keys("F4")
        term.wait_for(lambda s: "Roster ·" in s and "京A·10002" in s, "the roster")
        term.keys("n")
        term.wait_for(lambda s: "Book a car" in s and "Where to?" in s, "the booking form")
        term.type("火车站")
        term.wait_for(lambda s: "Destination  火车站" in s, "the destination typed")
        # The form's times start on whole hours of the real clock; typed times are not
        # whole hours, so the screen shows them only once they have been typed.
        back_and_type(term, "11:45", "to 11:45", lambda s: "火车站11:45" in s, "the end typed")
        # Typed into "to" by mistake, "11:4510:30" scrolls and shows as "510:30": the
        # mistake is seen as "to 11:45" gone.
        back_and_type(term, "10:30", "from 10:30", lambda s: "to 11:45" not in s,
                      "the start typed")
        term.wait_for(lambda s: "already booked" in s and "#1" in s and "ctrl+f" in s,
                      "the clash, named, with a free car")
        term.keys("C-f")
        term.wait_for(lambda s: "✓" in s and "is free 10:30–11:45" in s, "the free car")
        term.keys("Enter")
        term.wait_for(lambda s: "Book a car" not in s and "2 trips" in s, "the new trip")
        quit_app(term)
    finally:
        term.kill()

    services = Services(db).open()
    try:
        trips = services.vehicles.bookings(today)
        assert [(b.id, b.vehicle, b.destination) for b in trips] == [
            (1, "京A·10001", "市政府"), (2, "京A·10002", "火车站")]
        made = trips[1]
        assert (made.start, made.end) == (datetime.combine(today, clock_time(10, 30)),
                                          datetime.combine(today, clock_time(11, 45)))
        assert [e["action"] for e in services.vehicles.history(2)] == ["book"]
    finally:
        services.close()
    # and the file the app and this test wrote is whole: PRAGMA integrity_check
    assert integrity(db) == "ok"


def back_and_type(term: Tmux, text: str, right: str, wrong, what: str) -> None:
    """shift+tab to the field before, then `text`. shift+tab is an escape sequence
    (ESC [ Z); on a loaded machine the app can take it apart and keep the focus where
    it was, so the text lands in the field before: then it is taken back and sent again.
    (Tab, one byte, never splits.) The form must still be open: an ESC taken alone would
    have closed it (see ESCDELAY above)."""
    for _ in range(3):
        term.keys("BTab")
        term.type(text)
        screen = term.wait_for(lambda s: right in s or wrong(s) or "Book a car" not in s, what)
        assert "Book a car" in screen, "shift+tab's ESC was taken alone: the form closed"
        if right in screen:
            return
        # Let the rest of the text arrive before taking all of it back.
        time.sleep(0.5)
        term.keys(*["BSpace"] * len(text))
        term.wait_for(lambda s: not wrong(s), "the misplaced text taken back")
    raise AssertionError(f"{what}: shift+tab never moved the focus")
