"""Event kits on real SQLite: creating linked jobs, moving them with the event, cancelling."""

from __future__ import annotations

from datetime import datetime

import pytest

from office_tui.services import OfficeError


@pytest.fixture
def reception_kit(services):
    services.kits.create("来宾接待")
    services.kits.add_item("来宾接待", "T-1d@17:00", "name cards #print")
    services.kits.add_item("来宾接待", "T-2h", "room set-up #meeting !high")
    services.kits.add_item("来宾接待", "T-1h", "car to the station #vehicle !high")
    services.kits.add_item("来宾接待", "T-1d", "water and fruit #supply")
    return "来宾接待"


def test_a_kit_lists_its_items_by_offset(services, reception_kit):
    kit = services.kits.get(reception_kit)
    assert [(i["offset"], i["title"], i["category"], i["importance"]) for i in kit["items"]] == [
        ("-1d", "water and fruit", "supply", "normal"),
        ("-1d@17:00", "name cards", "print", "normal"),
        ("-2h", "room set-up", "meeting", "high"),
        ("-1h", "car to the station", "vehicle", "high"),
    ]
    assert [k["name"] for k in services.kits.list()] == ["来宾接待"]


def test_applying_a_kit_creates_linked_jobs_at_their_offsets(services, reception_kit):
    event = services.jobs.add("接待省教育厅检查组 due:2026-12-03@14:00 @办公室 #接待 !high")
    linked = services.kits.apply(reception_kit, event.id)
    assert [(j.title, j.due) for j in linked] == [
        ("water and fruit — 接待省教育厅检查组", datetime(2026, 12, 2, 14, 0)),
        ("name cards — 接待省教育厅检查组", datetime(2026, 12, 2, 17, 0)),
        ("room set-up — 接待省教育厅检查组", datetime(2026, 12, 3, 12, 0)),
        ("car to the station — 接待省教育厅检查组", datetime(2026, 12, 3, 13, 0)),
    ]
    assert {j.department for j in linked} == {"办公室"}
    assert {j.status for j in linked} == {"open"}
    assert [j.category for j in linked] == ["supply", "print", "meeting", "vehicle"]
    assert [j.id for j in services.kits.linked(event.id)] == [j.id for j in linked]
    assert services.kits.event_of(linked[0].id) == event.id
    with pytest.raises(OfficeError, match="already has kit"):
        services.kits.apply(reception_kit, event.id)


def test_moving_the_event_moves_its_open_linked_jobs(services, reception_kit):
    event = services.jobs.add("visitors due:2026-12-03@14:00 #reception")
    services.kits.apply(reception_kit, event.id)
    first = services.kits.linked(event.id)[0]
    services.jobs.done(first.id, "bought")  # a closed one stays where it was
    services.jobs.triage(event.id, due="2026-12-07@10:00")  # to Monday, through plain triage
    after = {j.title.split(" — ")[0]: j for j in services.kits.linked(event.id)}
    assert after["water and fruit"].due == datetime(2026, 12, 2, 14, 0)
    assert after["name cards"].due == datetime(2026, 12, 4, 17, 0)  # the Friday before
    assert after["room set-up"].due == datetime(2026, 12, 7, 8, 0)
    assert after["car to the station"].due == datetime(2026, 12, 7, 9, 0)
    moved, still_open = services.kits.move(event.id, "2026-12-08@15:00")
    assert moved.due == datetime(2026, 12, 8, 15, 0)
    assert [j.due for j in still_open] == [datetime(2026, 12, 7, 17, 0),
                                           datetime(2026, 12, 8, 13, 0),
                                           datetime(2026, 12, 8, 14, 0)]


def test_a_failed_move_moves_nothing(services, reception_kit):
    event = services.jobs.add("visitors due:2026-12-03@14:00 #reception")
    linked = services.kits.apply(reception_kit, event.id)
    with pytest.raises(OfficeError, match="Bad date"):
        services.kits.move(event.id, "someday")
    assert [j.due for j in services.kits.linked(event.id)] == [j.due for j in linked]


def test_cancelling_the_event_cancels_its_open_linked_jobs_or_keeps_them(services, reception_kit):
    event = services.jobs.add("visitors due:2026-12-03@14:00 #reception")
    services.kits.apply(reception_kit, event.id)
    done = services.kits.linked(event.id)[0]
    services.jobs.done(done.id, "bought")
    cancelled_event, cancelled = services.kits.cancel(event.id, "visit called off")
    assert cancelled_event.status == "cancelled"
    assert len(cancelled) == 3
    statuses = [j.status for j in services.kits.linked(event.id)]
    assert statuses == ["done", "cancelled", "cancelled", "cancelled"]

    other = services.jobs.add("second visit due:2026-12-04@10:00 #reception")
    services.kits.apply(reception_kit, other.id)
    _event, none = services.kits.cancel(other.id, "postponed", linked=False)
    assert none == []
    assert {j.status for j in services.kits.linked(other.id)} == {"open"}


def test_cancel_without_a_reason_writes_nothing(services, reception_kit):
    event = services.jobs.add("visitors due:2026-12-03@14:00 #reception")
    services.kits.apply(reception_kit, event.id)
    with pytest.raises(OfficeError, match="reason"):
        services.kits.cancel(event.id, "  ")
    assert {j.status for j in services.kits.linked(event.id)} == {"open"}
    assert services.jobs.get(event.id).status == "inbox"  # untouched


def test_kit_event_adds_the_event_and_its_jobs_at_once(services, reception_kit):
    event, linked = services.kits.event(reception_kit, "省厅检查 due:2026-12-03@14:00 @办公室 #接待 !!")
    assert (event.category, event.expedite, event.status) == ("reception", True, "open")
    assert len(linked) == 4 and all(j.expedite for j in linked)
    meeting, _ = services.kits.event(reception_kit, "board meeting due:2026-12-04@09:00")
    assert meeting.category == "meeting"


@pytest.mark.parametrize(("text", "message"), [
    ("visit with no time", "needs its time"),
    ("fix the lamp due:2026-12-03@14:00 #repair", "receptions and meetings"),
    ("bad due:someday", "Bad date"),
])
def test_kit_event_refusals_write_nothing(services, reception_kit, text, message):
    with pytest.raises(OfficeError, match=message):
        services.kits.event(reception_kit, text)
    assert services.jobs.count(include_closed=True) == 0


def test_apply_refusals(services, reception_kit):
    repair = services.jobs.add("lamp #repair due:2026-12-03@14:00")
    with pytest.raises(OfficeError, match="kits are for receptions and meetings"):
        services.kits.apply(reception_kit, repair.id)
    event = services.jobs.add("visit due:2026-12-03@14:00 #reception")
    with pytest.raises(OfficeError, match="No kit 'nope'"):
        services.kits.apply("nope", event.id)
    with pytest.raises(OfficeError, match="No job #999"):
        services.kits.apply(reception_kit, 999)
    services.kits.create("empty")
    with pytest.raises(OfficeError, match="no items yet"):
        services.kits.apply("empty", event.id)
    services.jobs.done(event.id, "held")
    with pytest.raises(OfficeError, match="closed"):
        services.kits.apply(reception_kit, event.id)
    assert services.jobs.count(include_closed=True) == 2


def test_kit_editing(services, reception_kit):
    kit = services.kits.get(reception_kit)
    first = kit["items"][0]["id"]
    after = services.kits.remove_item(reception_kit, first)
    assert len(after["items"]) == 3
    with pytest.raises(OfficeError, match="has no item"):
        services.kits.remove_item(reception_kit, first)
    assert services.kits.get(str(kit["id"]))["name"] == reception_kit  # by number too
    with pytest.raises(OfficeError, match="already exists"):
        services.kits.create(reception_kit)
    with pytest.raises(OfficeError, match="needs a name"):
        services.kits.create("  ")
    with pytest.raises(OfficeError, match="Bad offset"):
        services.kits.add_item(reception_kit, "yesterday", "x")
    with pytest.raises(OfficeError, match="leave out due: and @"):
        services.kits.add_item(reception_kit, "-1h", "x @财务科")
    services.kits.delete(reception_kit)
    assert services.kits.list() == []


def test_user_text_in_kits_is_kept_exactly(services):
    name = "[bold]大会[/]"
    services.kits.create(name)
    services.kits.add_item(name, "-1h", "\x1b[31m 名签 [/]")
    assert services.kits.get(name)["items"][0]["title"] == "\x1b[31m 名签 [/]"


def test_demo_ships_two_kits_and_routines(services):
    services.load_demo()
    kits = services.kits.list()
    assert sorted(k["name"] for k in kits) == ["大型会议", "来宾接待"]
    assert all(len(k["items"]) >= 4 for k in kits)
    routines = services.routines.list()
    assert {r["every"] for r in routines} >= {"weekdays", "weekly:mon", "monthly:last",
                                              "after:7d"}


def test_an_undone_apply_can_be_applied_again(services, reception_kit):
    event = services.jobs.add("visitors due:2026-12-03@14:00 #reception")
    services.kits.apply(reception_kit, event.id)
    services.history.undo()  # the whole apply was one transaction: all four jobs go
    assert services.kits.linked(event.id) == []
    again = services.kits.apply(reception_kit, event.id)
    assert len(again) == 4
    assert [j.id for j in services.kits.linked(event.id)] == [j.id for j in again]


def test_undo_of_a_move_puts_the_linked_jobs_back_too(services, reception_kit):
    event = services.jobs.add("visitors due:2026-12-03@14:00 #reception")
    before = [j.due for j in services.kits.apply(reception_kit, event.id)]
    services.kits.move(event.id, "2026-12-08@15:00")
    services.history.undo()
    assert services.jobs.get(event.id).due == datetime(2026, 12, 3, 14, 0)
    assert [j.due for j in services.kits.linked(event.id)] == before
