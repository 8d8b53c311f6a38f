"""Report numbers on a fixed set of jobs whose expected values are computed by hand.

The week is Mon 2026-11-23 .. Sun 11-29; the report is made on Fri 11-27 at 10:00.
Working hours are 08:30-17:30 with no break.

    A  Mon 09:00 #repair @总务科, due Mon 17:30 (limit), done Mon 11:00 (told)  on time, 2.0 h
    B  Tue 09:00 #repair @总务科 !!, due Tue 12:00, done Tue 15:00           late by 3.0 h, 6.0 h
    C  Wed 10:00 #print @办公室, due Wed 12:00, promised Thu 12:00, done Thu 11:00
                                                                  on time by the promise, 10.0 h
    D  Thu 09:00 @办公室, cancelled Thu 10:00                      not closed, cancelled
    E  Fri 08:45, due Fri 09:30, open                             overdue 0.5 h, age 0.17 d
    F  Fri 11-20 09:00 (last week), due Wed 11-25 09:00 (limit: 3 working days), open
                                                                  overdue 19.0 h, age 46/9 d
    G  Fri 11-20 09:00, done 11-20 10:00 (told)                   last week: not counted

Closed 3, on time 2, late 1: on-time rate 2/3 = 66.7 %.
Repair close times [2, 6]: median 4.0, 90th percentile 2 + 0.9 x 4 = 5.6. Print [10]: 10, 10.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

import pytest

from office_tui.services import OfficeError


@pytest.fixture
def week(services, clock):
    def at(*args):
        clock.now = datetime(*args)

    at(2026, 11, 20, 9, 0)
    f = services.jobs.add("F old request")
    g = services.jobs.add("G last week's")
    at(2026, 11, 20, 10, 0)
    services.jobs.done(g.id, "done", replied=True)
    at(2026, 11, 23, 9, 0)
    a = services.jobs.add("A lamp #repair @总务科")
    at(2026, 11, 23, 11, 0)
    services.jobs.done(a.id, "replaced", replied=True)
    at(2026, 11, 24, 9, 0)
    b = services.jobs.add("B tap !! #repair @总务科 due:2026-11-24@12:00")
    at(2026, 11, 24, 15, 0)
    services.jobs.done(b.id, "fixed")
    at(2026, 11, 25, 10, 0)
    c = services.jobs.add("C handouts #print @办公室 due:2026-11-25@12:00")
    at(2026, 11, 25, 11, 0)
    services.jobs.promise(c.id, "2026-11-26@12:00", "printer broke")
    at(2026, 11, 26, 11, 0)
    services.jobs.done(c.id, "printed")
    at(2026, 11, 26, 9, 0)
    d = services.jobs.add("D chairs @办公室")
    at(2026, 11, 26, 10, 0)
    services.jobs.cancel(d.id, "withdrawn")
    at(2026, 11, 27, 8, 45)
    e = services.jobs.add("E water due:2026-11-27@09:30")
    at(2026, 11, 27, 10, 0)
    return {"a": a.id, "b": b.id, "c": c.id, "d": d.id, "e": e.id, "f": f.id, "g": g.id}


def test_the_weekly_numbers_by_hand(services, week):
    r = services.reports.build("week")
    assert (r.period.start.isoformat(), r.period.end.isoformat()) == ("2026-11-23", "2026-11-29")
    assert r.as_of == datetime(2026, 11, 27, 10, 0)
    assert r.received == 5
    assert (r.closed, r.on_time, r.late, r.cancelled) == (3, 2, 1, 1)
    assert r.on_time_rate == 66.7
    assert [j.id for j in r.late_jobs] == [week["b"]]
    assert r.late_jobs[0].late_hours == pytest.approx(3.0)
    times = {c.category: c for c in r.close_times}
    assert set(times) == {"repair", "print"}
    assert (times["repair"].closed, times["repair"].median_hours) == (2, pytest.approx(4.0))
    assert times["repair"].p90_hours == pytest.approx(5.6)
    assert (times["print"].median_hours, times["print"].p90_hours) == (
        pytest.approx(10.0), pytest.approx(10.0))
    assert r.backlog == 2
    assert r.backlog_ages == {"lt1": 1, "1to3": 0, "3to5": 0, "5to10": 1, "ge10": 0}
    assert [j.id for j in r.oldest] == [week["f"], week["e"]]
    assert r.oldest[0].age_days == pytest.approx(46 / 9)
    assert [(j.id, round(j.late_hours, 2)) for j in r.overdue] == [(week["f"], 19.0),
                                                                    (week["e"], 0.5)]
    assert [j.id for j in r.expedite] == [week["b"]]
    assert [(d.department, d.received, d.closed) for d in r.departments] == [
        ("总务科", 2, 2), ("办公室", 2, 1), (None, 1, 0)]  # most received, then most closed
    assert r.replies_total == 2
    assert {j.id for j in r.replies_outstanding} == {week["b"], week["c"]}
    assert r.daily_received == [1, 1, 1, 1, 1, 0, 0]
    assert r.daily_closed == [1, 1, 0, 1, 0, 0, 0]


def cells(markdown: str) -> str:
    """The Markdown with its tables' padding folded (columns are padded by width)."""
    return re.sub(r" {2,}", " ", markdown)


def test_the_markdown_reads_as_a_weekly_report(services, week):
    text = services.reports.render(services.reports.build("week"), "md")
    assert text.startswith("# Weekly report 2026-W48 (2026-11-23 – 2026-11-29)\n")
    text = cells(text)
    assert "| On-time rate | 66.7% |" in text
    assert "| Closed late | 1 |" in text
    assert "| repair | 2 | 4.0 | 5.6 |" in text
    assert "## Overdue" in text and "#%d F old request" % week["f"] in text
    assert "## Closed late" in text and "B tap (总务科) — due 11-24 12:00, closed 11-24 15:00" in text
    assert "## Expedited" in text
    assert "| 总务科 | 2 | 2 |" in text


def test_the_csv_is_blocks_of_rows(services, week):
    text = services.reports.render(services.reports.build("week"), "csv")
    rows = list(csv.reader(io.StringIO(text)))
    summary = {row[0]: row[1] for row in rows[2:14] if len(row) == 2}
    assert summary["Closed"] == "3" and summary["On-time rate %"] == "66.7"
    assert summary["Closed late"] == "1" and summary["From"] == "2026-11-23"
    assert ["Per day"] in rows


def test_csv_neutralises_formulas_in_user_text(services, clock):
    clock.now = datetime(2026, 11, 27, 9, 0)
    job = services.jobs.add('=HYPERLINK("http://evil","x") @-财务 !!')
    clock.now = datetime(2026, 11, 27, 10, 0)
    text = services.reports.render(services.reports.build("week"), "csv")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in cells
    assert "'-财务" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert not any(c.startswith("-") for c in cells)
    assert str(job.id) in cells  # numbers are left alone


def test_markdown_keeps_user_text_literal(services, clock):
    clock.now = datetime(2026, 11, 27, 9, 0)
    services.jobs.add("[bold]a|b[/] \x1b[31m @x|y !!")
    text = services.reports.render(services.reports.build("day"), "md")
    assert "[bold]a\\|b[/] \\x1b[31m" in text
    assert "| x\\|y | 1 | 0 |" in cells(text)
    assert "\x1b" not in text


def test_periods_and_refusals(services):
    assert services.reports.build("day").period.kind == "day"
    assert services.reports.build("month").period.end.isoformat() == "2026-11-30"
    custom = services.reports.build("week", "2026-11-01", "2026-11-15")
    assert custom.period.kind == "custom" and custom.as_of == datetime(2026, 11, 16, 0, 0)
    with pytest.raises(OfficeError, match="Give both --from and --to"):
        services.reports.build("week", "2026-11-01", None)
    with pytest.raises(OfficeError, match="starts .* after it ends"):
        services.reports.build("week", "2026-11-15", "2026-11-01")
    with pytest.raises(OfficeError, match="Bad date 'soon'"):
        services.reports.build("week", "soon", "2026-11-01")
    with pytest.raises(OfficeError, match="Unknown format"):
        services.reports.render(services.reports.build("day"), "pdf")


def test_on_time_so_far(services, week):
    p = services.reports.period("week")
    assert services.reports.on_time(p) == (2, 3, 66.7)


def test_write_puts_the_file_beside_the_database(services, week, db_path):
    report = services.reports.build("week")
    path = services.reports.write(report, "md")
    assert path == db_path.parent / "reports" / "weekly-2026-W48.md"
    assert "66.7%" in path.read_text(encoding="utf-8")
    csv_path = services.reports.write(report, "csv")
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM: spreadsheets read UTF-8
    with pytest.raises(OfficeError, match="is a directory"):
        services.reports.write(report, "md", db_path.parent)


def test_demo_report_has_supplies_and_trips(services):
    services.load_demo()
    report = services.reports.build("week")
    assert report.supplies and all(s.cost is None or s.cost >= 0 for s in report.supplies)
    assert report.vehicles and all(v.trips >= 1 for v in report.vehicles)
    text = services.reports.render(report, "md")
    assert "## Supplies issued by department" in text and "## Trips by vehicle" in text


def test_headings_follow_the_interface_language(services, week, monkeypatch):
    """Headings go through the catalog: with a Chinese one installed they are Chinese."""
    import gettext

    from office_tui import i18n

    words = {"Weekly report": "周报", "Summary": "概况", "Measure": "指标", "Value": "数值",
             "Closed late": "超时办结", "Overdue": "逾期未办"}

    class Chinese(gettext.NullTranslations):
        def gettext(self, message):
            return words.get(message, message)

    monkeypatch.setattr(i18n, "_translation", Chinese())
    text = services.reports.render(services.reports.build("week"), "md")
    assert text.startswith("# 周报 2026-W48")
    assert "## 概况" in text and "| 指标 | 数值 |" in cells(text)
    assert "| 超时办结 | 1 |" in cells(text)
    assert "## 逾期未办" in text


def test_the_workbook_holds_the_csv_numbers_as_numbers(services, week, db_path):
    from openpyxl import load_workbook

    report = services.reports.build("week")
    path = services.reports.write(report, "xlsx")
    assert path == db_path.parent / "reports" / "weekly-2026-W48.xlsx"
    book = load_workbook(path)
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Closed"] == 3 and summary["On-time rate %"] == 66.7
    assert summary["From"] == datetime(2026, 11, 23)
    close = book["Time to close"]
    assert [c.value for c in close[1]] == ["Category", "Closed", "Median", "90th percentile"]
    assert sorted(close.iter_rows(min_row=2, values_only=True)) == [
        ("print", 1, 10, 10), ("repair", 2, 4, 5.6)]
    # the CSV's blocks and the workbook's sheets are the same sections, in the same order
    rows = list(csv.reader(io.StringIO(services.reports.render(report, "csv"))))
    titles = [rows[0][0]] + [rows[i + 1][0] for i, row in enumerate(rows[:-1])
                             if row == [] and i + 1 < len(rows)]
    assert len(titles) == len(book.sheetnames)
    with pytest.raises(OfficeError, match="give -o FILE.xlsx"):
        services.reports.render(report, "xlsx")


def test_a_cars_km_in_the_week_start_from_its_last_return_before_it(services, clock):
    """km per car: from the odometer at its latest return before the week (of all the
    year's trips, not the first, not a cancelled one) to its last return in the week."""
    from office_tui.core.vehicles import BookingRequest

    v = services.vehicles
    v.add_vehicle("京A·10001", "Passat", 4)
    v.add_vehicle("京A·10002", "Buick GL8", 6)
    v.update_vehicle("京A·10001", odometer=58_000)
    v.update_vehicle("京A·10002", odometer=20_000)

    def trip(plate: str, day: int, km: int | None, month: int = 11) -> None:
        clock.now = datetime(2026, month, day, 8, 0)
        booked = v.book(BookingRequest(plate, datetime(2026, month, day, 9),
                                       datetime(2026, month, day, 11), "市政府")).booking
        if km is None:
            v.cancel(booked.id, "not needed")
            return
        v.mark_out(booked.id)
        clock.now = datetime(2026, month, day, 11, 30)
        v.mark_returned(booked.id, odometer=km)

    trip("京A·10001", 9, 58_100)
    trip("京A·10001", 12, 58_300)  # the last return before the week
    trip("京A·10001", 16, None)  # cancelled: no reading
    trip("京A·10002", 3, 20_050, month=2)
    trip("京A·10001", 24, 58_420)
    trip("京A·10002", 25, 20_090)
    clock.now = datetime(2026, 11, 27, 10, 0)
    lines = {line.vehicle: line for line in services.reports.build("week").vehicles}
    assert (lines["京A·10001"].trips, lines["京A·10001"].km) == (1, 120)
    assert (lines["京A·10002"].trips, lines["京A·10002"].km) == (1, 40)
