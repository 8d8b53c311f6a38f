"""Fixed assets on a real SQLite file: register, threshold, transfer, lend/return,
dispose, department heads, the half-yearly count and its finish, repair history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from office_tui.services import OfficeError


def register(services):
    a = services.assets
    a.set_head("财务科", "李科长")
    pc = a.add(name="联想台式机", value="4599", purchased="2024-03-15", life="5",
               keeper="张三", department="财务科", location="3F-301", category="电子设备").asset
    printer = a.add(name="惠普打印机", value="2800", purchased="2023-06-01", life="5",
                    keeper="李四", department="财务科", location="3F-302").asset
    ac = a.add(name="格力空调", value="6200.50", purchased="2022-05-10", life="8",
               department="办公室", location="2F-201").asset
    return pc, printer, ac


def test_add_proposes_tags_and_the_threshold_warns_at_1999(services):
    pc, printer, ac = register(services)
    assert (pc.tag, printer.tag, ac.tag) == ("GZ-2026-0001", "GZ-2026-0002", "GZ-2026-0003")
    assert ac.value == Decimal("6200.50")
    with pytest.raises(OfficeError, match="consumable"):
        services.assets.add(name="键盘", value="1999", purchased="2026-01-05", life="3")
    kept = services.assets.add(name="键盘", value="1999", purchased="2026-01-05", life="3",
                               force=True)
    assert kept.warnings and kept.asset.tag == "GZ-2026-0004"
    with pytest.raises(OfficeError, match="consumable"):  # a life of a year is too short
        services.assets.add(name="耗材柜", value="2500", purchased="2026-01-05", life="1")
    assert services.assets.add(name="相机", value="2000", purchased="2026-01-05", life="2",
                               tag="GZ-2020-0100").asset.tag == "GZ-2020-0100"
    with pytest.raises(OfficeError, match="already"):
        services.assets.add(name="x", value="3000", purchased="2026-01-05", tag="gz-2020-0100")


def test_transfer_lend_return_dispose_round_trip_and_undo(services):
    pc, _printer, _ac = register(services)
    moved = services.assets.transfer(pc.tag, department="办公室", keeper="王五",
                                     reason="人员调动")
    assert (moved.department, moved.keeper, moved.location) == ("办公室", "王五", "3F-301")
    lent = services.assets.lend(pc.tag, to="赵六", due="2026-12-01")
    assert (lent.status, lent.lent_to, lent.lent_due) == ("lent", "赵六", date(2026, 12, 1))
    assert [a.tag for a in services.assets.overdue_loans(date(2026, 12, 2))] == [pc.tag]
    back = services.assets.give_back(pc.tag)
    assert (back.status, back.lent_to) == ("in_use", None)
    gone = services.assets.dispose(pc.tag, reason="主板损坏")
    assert gone.status == "disposed"
    with pytest.raises(OfficeError, match="disposed"):
        services.assets.lend(pc.tag, to="x", due="2026-12-09")
    _asset, events, _jobs = services.assets.history(pc.tag)
    assert [e["action"] for e in events] == ["add", "transfer", "lend", "return", "dispose"]
    services.history.undo()
    assert services.assets.get(pc.tag).status == "in_use"


def test_list_filters_and_pinyin_search(services):
    register(services)
    tags = lambda **kw: [a.tag for a in services.assets.list(**kw)]  # noqa: E731
    assert tags(department="财务科") == ["GZ-2026-0001", "GZ-2026-0002"]
    assert tags(search="dyj") == ["GZ-2026-0002"]  # 打印机
    assert tags(status="在用") == ["GZ-2026-0003", "GZ-2026-0001", "GZ-2026-0002"]
    with pytest.raises(OfficeError, match="Unknown status"):
        tags(status="asleep")


def test_a_count_finished_makes_jobs_for_missing_and_damaged_and_moves_the_found(services):
    pc, printer, ac = register(services)
    started = services.assets.start_count()
    assert [line.tag for line in started.lines] == [ac.tag, pc.tag, printer.tag]  # location
    services.assets.mark(started.id, pc.tag, "missing")
    services.assets.mark(started.id, printer.tag, "found", at="3F-310")
    services.assets.mark(started.id, ac.tag, "damaged", note="不制冷")
    with pytest.raises(OfficeError, match="found, missing or damaged"):
        services.assets.mark(started.id, ac.tag, "lost-ish")
    status, jobs = services.assets.finish_count(started.id)
    assert status.finished and status.tally()["missing"] == 1
    missing = next(j for j in jobs if pc.tag in j.title)
    assert (missing.handler, missing.department, missing.category) == ("李科长", "财务科", "other")
    assert "张三" in missing.title
    repair = next(j for j in jobs if ac.tag in j.title)
    assert repair.category == "repair"
    assert services.assets.get(printer.tag).location == "3F-310"
    _a, _events, linked = services.assets.history(pc.tag)
    assert [j.id for j in linked] == [missing.id]
    with pytest.raises(OfficeError, match="finished"):
        services.assets.finish_count(started.id)
    report = services.assets.count_report(started.id)
    assert "| 财务科 | 2 | 1 | 1 | 0 | 1 | 0 |" in report


def test_a_repair_job_names_its_asset_in_quick_add(services):
    pc, _printer, _ac = register(services)
    job = services.jobs.add(f"显示器不亮 asset:{pc.tag} #报修")
    assert job.asset_id == pc.id and job.title == "显示器不亮"
    _a, _events, linked = services.assets.history(pc.tag)
    assert [j.id for j in linked] == [job.id]
    with pytest.raises(OfficeError, match="No asset tagged"):
        services.jobs.add("x asset:NOPE-1")


def test_an_overdue_loan_is_on_today(services):
    pc, _printer, _ac = register(services)
    services.assets.lend(pc.tag, to="赵六", due="2026-11-26")  # yesterday: overdue
    view = services.today.build()
    assert [line.key for line in view.section("loans").items] == [f"loan:{pc.tag}"]
    services.assets.give_back(pc.tag)
    assert services.today.build().section("loans").items == []


def test_the_report_has_the_assets_by_department_and_the_missing(services):
    pc, _printer, _ac = register(services)
    count = services.assets.start_count(department="财务科")
    services.assets.mark(count.id, pc.tag, "missing")
    services.assets.finish_count(count.id)
    data = services.reports.build("week").to_json()["assets"]
    assert {"department": "财务科", "status": "in_use", "count": 2, "value": "7399.00"} \
        in data["by_department"]
    assert data["counts_done"] == 1 and data["missing_at_last_count"] == [f"{pc.tag} 联想台式机"]
    text = services.reports.render(services.reports.build("week"))
    assert "Fixed assets by department and status" in text


def test_the_walk_through_shows_a_window_of_what_is_left(services):
    pc, printer, ac = register(services)
    view = services.assets.walk(limit=2)  # starts a count: none is under way
    assert (view.total, view.marked, [line.tag for line in view.lines]) == (
        3, 0, [ac.tag, pc.tag])
    services.assets.mark(view.id, ac.tag, "found")
    again = services.assets.walk(limit=2)
    assert again.id == view.id and again.marked == 1
    assert [line.tag for line in again.lines] == [pc.tag, printer.tag]
