"""The date and time phrases of core/intake_dates.py, each as a due, relative to the
moment the message was sent (Thu 2026-12-03 10:00 unless a test says otherwise), on the
Mon-Fri 08:30-17:30 calendar."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.intake_dates import find_due

CAL = WorkingCalendar()
SENT = datetime(2026, 12, 3, 10, 0)  # a Thursday


def due(text: str, sent: datetime = SENT, calendar: WorkingCalendar = CAL) -> datetime | None:
    return find_due(text, sent, calendar).due


def words(text: str, sent: datetime = SENT) -> list[str]:
    found = find_due(text, sent, CAL)
    return [text[a:b] for a, b in found.used]


@pytest.mark.parametrize("phrase, expected", [
    # days: a date alone is its close of work
    ("今天", datetime(2026, 12, 3, 17, 30)),
    ("明天", datetime(2026, 12, 4, 17, 30)),
    ("后天", datetime(2026, 12, 5, 17, 30)),
    ("大后天", datetime(2026, 12, 6, 17, 30)),
    # parts of the day without an hour: their end (上午 12:00, 下午 close of work)
    ("明早", datetime(2026, 12, 4, 8, 30)),
    ("明天上午", datetime(2026, 12, 4, 12, 0)),
    ("明天下午", datetime(2026, 12, 4, 17, 30)),
    ("明天晚上", datetime(2026, 12, 4, 20, 0)),
    ("下午", datetime(2026, 12, 3, 17, 30)),
    ("上午", datetime(2026, 12, 3, 12, 0)),
    # clock times: an hour 1-6 without 上午 is in the afternoon
    ("三点", datetime(2026, 12, 3, 15, 0)),
    ("三点半", datetime(2026, 12, 3, 15, 30)),
    ("15:30", datetime(2026, 12, 3, 15, 30)),
    ("15：30", datetime(2026, 12, 3, 15, 30)),
    ("两点一刻", datetime(2026, 12, 3, 14, 15)),
    ("九点十分", datetime(2026, 12, 4, 9, 10)),  # passed today: tomorrow's
    ("明早8点", datetime(2026, 12, 4, 8, 0)),
    ("晚上7点", datetime(2026, 12, 3, 19, 0)),
    ("中午12点", datetime(2026, 12, 3, 12, 0)),
    # weekdays
    ("下周一", datetime(2026, 12, 7, 17, 30)),
    ("周五前", datetime(2026, 12, 4, 17, 30)),
    ("星期五之前", datetime(2026, 12, 4, 17, 30)),
    ("周四", datetime(2026, 12, 10, 17, 30)),  # a bare weekday is the next one after today
    ("本周四", datetime(2026, 12, 3, 17, 30)),
    ("本周内", datetime(2026, 12, 4, 17, 30)),
    ("这周内", datetime(2026, 12, 4, 17, 30)),
    ("下周三下午两点半", datetime(2026, 12, 9, 14, 30)),
    ("下下周一", datetime(2026, 12, 14, 17, 30)),
    # dates
    ("12月10日上午九点", datetime(2026, 12, 10, 9, 0)),
    ("12月10号", datetime(2026, 12, 10, 17, 30)),
    ("11月2日", datetime(2027, 11, 2, 17, 30)),  # past this year: next year's
    ("2026-12-20", datetime(2026, 12, 20, 17, 30)),
    ("20号前", datetime(2026, 12, 20, 17, 30)),
    ("月底前", datetime(2026, 12, 31, 17, 30)),
    ("年底前", datetime(2026, 12, 31, 17, 30)),
    # close of work, spans and haste
    ("下班前", datetime(2026, 12, 3, 17, 30)),
    ("明天下班前", datetime(2026, 12, 4, 17, 30)),
    ("两小时内", datetime(2026, 12, 3, 12, 0)),
    ("半小时后", datetime(2026, 12, 3, 10, 30)),
    ("30分钟内", datetime(2026, 12, 3, 10, 30)),
    ("三天内", datetime(2026, 12, 6, 17, 30)),
    ("3个工作日内", datetime(2026, 12, 8, 17, 30)),
    ("马上", datetime(2026, 12, 3, 11, 0)),
    ("尽快", datetime(2026, 12, 3, 17, 30)),
    # English
    ("tomorrow 9am", datetime(2026, 12, 4, 9, 0)),
    ("by Friday", datetime(2026, 12, 4, 17, 30)),
    ("on Friday at 2pm", datetime(2026, 12, 4, 14, 0)),
    ("next Tuesday", datetime(2026, 12, 8, 17, 30)),
    ("this afternoon", datetime(2026, 12, 3, 17, 30)),
    ("tomorrow morning", datetime(2026, 12, 4, 12, 0)),
    ("first thing tomorrow", datetime(2026, 12, 4, 8, 30)),
    ("at 3pm today", datetime(2026, 12, 3, 15, 0)),
    ("by tomorrow noon", datetime(2026, 12, 4, 12, 0)),
    ("on December 10 at 8am", datetime(2026, 12, 10, 8, 0)),
    ("10 December", datetime(2026, 12, 10, 17, 30)),
    ("end of month", datetime(2026, 12, 31, 17, 30)),
    ("by the end of the week", datetime(2026, 12, 4, 17, 30)),
    ("within 2 hours", datetime(2026, 12, 3, 12, 0)),
    ("in 30 minutes", datetime(2026, 12, 3, 10, 30)),
    ("by EOD", datetime(2026, 12, 3, 17, 30)),
    ("asap", datetime(2026, 12, 3, 17, 30)),
    ("right away", datetime(2026, 12, 3, 11, 0)),
])
def test_each_phrase_as_a_due(phrase, expected):
    assert due(phrase) == expected
    assert "".join(words(phrase)).replace(" ", "") in phrase.replace(" ", "")


def test_the_issue_example():
    found = find_due("学生处：明早8点派车去第一中学，12个人", SENT, CAL)
    assert found.due == datetime(2026, 12, 4, 8, 0)
    assert words("学生处：明早8点派车去第一中学，12个人") == ["明早8点"]


def test_leading_and_trailing_words_go_with_the_date():
    assert words("请在周五前送到") == ["在周五前"]
    assert words("the report by Friday 2pm please") == ["by Friday 2pm"]
    assert words("明天下午三点的座谈会") == ["明天下午三点的"]


def test_a_clock_time_without_a_day_takes_the_day_before_it():
    assert due("明早来调研，九点到") == datetime(2026, 12, 4, 9, 0)
    assert words("明早来调研，九点到") == ["明早", "九点"]
    assert due("周四下午有外宾来参观，3点到") == datetime(2026, 12, 10, 15, 0)
    assert due("下周一有5位外宾来访，上午10点到") == datetime(2026, 12, 7, 10, 0)


def test_a_part_of_the_day_takes_the_day_before_it():
    # 下午 here is Wednesday's afternoon, not today's
    sent = datetime(2026, 12, 8, 15, 0)
    assert due("周三上午9点前把音响修好，下午有活动", sent) == datetime(2026, 12, 9, 9, 0)


def test_the_earliest_date_ahead_is_the_due():
    assert due("下周一开会，周五前把材料印好") == datetime(2026, 12, 4, 17, 30)
    found = find_due("明天第一节课要用，今天下班前帮忙看看", SENT, CAL)
    assert found.due == datetime(2026, 12, 3, 17, 30)
    assert [("明天第一节课要用，今天下班前帮忙看看")[a:b] for a, b in found.other] == ["明天"]


def test_past_days_are_not_dues():
    assert due("上周五报的空调还没修") is None
    assert due("昨天上午说的灯还没换") is None
    assert due("last Monday's request") is None


def test_numbers_that_are_not_dates_or_times():
    for text in ("5号电池领10节", "3号车刹车有点软", "8号楼", "快一点", "两个小时", "大概半小时",
                 "12个人", "第一节课", "13912345678", "room 204", "3 people", "Good morning",
                 "each 2 hours"):
        assert due(text) is None, text


def test_a_range_is_due_at_its_start():
    found = find_due("会议室下午3点到5点借用", SENT, CAL)
    assert found.due == datetime(2026, 12, 3, 15, 0)
    assert ["会议室下午3点到5点借用"[a:b] for a, b in found.used] == ["下午3点到5点"]


def test_a_time_already_passed_today_is_tomorrows():
    assert due("九点") == datetime(2026, 12, 4, 9, 0)
    assert due("上午", datetime(2026, 12, 3, 14, 0)) == datetime(2026, 12, 4, 12, 0)


def test_close_of_work_follows_the_calendar():
    late = WorkingCalendar(end=datetime(2000, 1, 1, 18, 0).time())
    assert due("明天", calendar=late) == datetime(2026, 12, 4, 18, 0)
    # after today's close, 下班前 is the next working day's (Friday evening -> Monday)
    assert due("下班前", datetime(2026, 12, 4, 18, 0)) == datetime(2026, 12, 7, 17, 30)
    # the month's last working day: 2027-01-31 is a Sunday
    assert due("月底前", datetime(2027, 1, 10, 9, 0)) == datetime(2027, 1, 29, 17, 30)
    holiday = WorkingCalendar(holidays=frozenset({date(2026, 12, 31)}))
    assert due("月底前", calendar=holiday) == datetime(2026, 12, 30, 17, 30)


def test_dates_outside_the_years_the_program_keeps_are_not_dues():
    assert due("2301-01-01") is None
    assert due("1900-01-01") is None
