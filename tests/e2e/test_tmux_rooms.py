"""End to end: the Roster's Rooms tab in the real `office-tui` under tmux at 80×24. F4, v:
the rooms as rows with the day's meeting; n books the room under the cursor at its hour,
and the meeting shows on the roster and in the database. The e2e conftest
ends with PRAGMA integrity_check."""

from __future__ import annotations

from datetime import date, datetime, time as clock_time

import pytest

from office_tui.services import Services
from tests.integrity import integrity
from tests.e2e.terminal import Tmux, env_for, office_tui_command, quit_app

pytestmark = pytest.mark.e2e


def test_book_a_room_on_the_rooms_tab_at_80x24(tmp_path):
    db = tmp_path / "office.db"
    today = date.today()  # the app runs on the real clock
    services = Services(db).open()
    try:
        services.rooms.add("小会议室", 8, equipment="投影")
        services.rooms.add("第一会议室", 30, equipment="投影,话筒", buffer="30m")
        services.rooms.book("第一会议室", datetime.combine(today, clock_time(9)),
                            datetime.combine(today, clock_time(11)), "周例会")
    finally:
        services.close()
    term = Tmux(office_tui_command(), {**env_for(db), "OFFICE_TUI_LANG": "en"}, size=(80, 24))
    try:
        term.wait_for(lambda s: "palette" in s, "the app")
        term.keys("F4")
        term.wait_for(lambda s: "Roster ·" in s, "the roster")
        term.keys("v")
        term.wait_for(lambda s: "2 rooms" in s and "第一会议室" in s and "小会议室" in s,
                      "the Rooms tab")
        term.keys("n")
        term.wait_for(lambda s: "Book a room" in s, "the room form")
        term.type("评审会")
        term.wait_for(lambda s: "评审会" in s and "✓" in s, "the title typed, the room free")
        term.keys("Enter")
        term.wait_for(lambda s: "Book a room" not in s and "2 meetings" in s and "评审会" in s,
                      "the new meeting on the roster")
        quit_app(term)
    finally:
        term.kill()
    services = Services(db).open()
    try:
        made = [b for b in services.rooms.bookings(today) if b.title == "评审会"]
        assert len(made) == 1
    finally:
        services.close()
    # and the file the app and this test wrote is whole: PRAGMA integrity_check
    assert integrity(db) == "ok"

