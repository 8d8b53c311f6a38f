"""A message read as a job by core/intake.py: each field, the words that gave it, the
cleaned title; and, for any text at all, a parse that never raises and never loses a
word of the message."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.intake import FIELDS, Proposal, propose, propose_with_tokens
from office_tui.core.intake_words import keyword_table

CAL = WorkingCalendar()
SENT = datetime(2026, 12, 3, 10, 0)  # Thursday
DEPARTMENTS = ("总务科", "财务科", "人事科", "办公室", "教务处", "信息中心", "Finance", "HR",
               "Front Desk", "Facilities")


def read(message: str, **options) -> Proposal:
    return propose(message, SENT, CAL, departments=DEPARTMENTS, **options)


def test_the_issue_examples():
    p = read("财务科王老师：三楼会议室空调不制冷，明天上午开会前修好")
    assert (p.category, p.department, p.requester, p.due) == (
        "repair", "财务科", "王老师", datetime(2026, 12, 4, 12, 0))
    assert p.title == "三楼会议室空调不制冷，开会前修好"
    assert p.parsed == {"category": "不制冷 修好", "department": "财务科",
                        "requester": "王老师", "due": "明天上午"}

    p = read("明早8点派车去第一中学，12个人")
    assert (p.category, p.due, p.title) == ("vehicle", datetime(2026, 12, 4, 8, 0),
                                            "派车去第一中学，12个人")

    p = read("紧急！二楼卫生间水管爆了")
    assert (p.category, p.expedite, p.importance, p.title) == (
        "repair", True, None, "二楼卫生间水管爆了")
    assert p.parsed["expedite"] == "紧急"


def test_spans_point_at_the_words_that_gave_each_field():
    message = "学生处：明早8点派车去第一中学，12个人"
    p = read(message)
    for span in p.spans:
        assert message[span.start:span.end] == span.text
    assert [(s.field, s.text) for s in p.spans if s.field in FIELDS] == [
        ("department", "学生处"), ("due", "明早8点"), ("category", "派车")]


@pytest.mark.parametrize("message, category", [
    ("二楼卫生间漏水", "repair"), ("办公室的椅子坏了", "repair"), ("走廊的灯不亮", "repair"),
    ("空调不制冷", "repair"), ("消防报警器一直在响，在报警", "repair"), ("帮忙修一下门", "repair"),
    ("明天派车去区里", "vehicle"), ("周五用车", "vehicle"), ("送领导去机场", "vehicle"),
    ("接专家到火车站", "vehicle"),
    ("领两包抽纸", "supply"), ("领用A4纸", "supply"), ("需要20个文件夹", "supply"),
    ("要三盒白板笔", "supply"), ("矿泉水两箱", "supply"),
    ("打印会议材料", "print"), ("复印身份证", "print"), ("试卷装订好", "print"),
    ("下午开会", "meeting"), ("帮忙布置会场", "meeting"), ("明天的会议准备茶歇", "meeting"),
    ("下周有客人来访", "reception"), ("安排接待", "reception"), ("省检查组周四到", "reception"),
    ("外宾参观校园", "reception"),
    ("The sink is leaking", "repair"), ("Broken chair in room B", "repair"),
    ("Need a car to the airport", "vehicle"), ("Two boxes of markers", "supply"),
    ("Print 50 copies", "print"), ("Set up the room for a meeting", "meeting"),
    ("Visitors from the ministry", "reception"),
    ("快递到了，去门卫室拿一下", None),
])
def test_category_from_what_is_asked(message, category):
    assert read(message).category == category


def test_a_room_or_a_machine_is_not_its_category():
    # 会议室 is a room, 打印机 a machine: what is wrong with them is a repair
    assert read("会议室投影仪开不了机").category == "repair"
    assert read("打印机卡纸了").category == "repair"
    assert read("领导办公室要两个垃圾桶").category == "supply"  # 领导 is not 领


def test_the_clerks_keywords_outweigh_the_shipped_ones():
    assert read("年底前把全年的维修记录整理出来").category == "repair"
    mine = read("年底前把全年的维修记录整理出来", keywords=[("维修记录", "other")])
    assert mine.category == "other"
    assert read("锅炉房冒白汽", keywords=[("冒白汽", "repair")]).category == "repair"
    table = keyword_table([("漏水", "supply")])
    assert [k.category for k in table if k.word == "漏水"] == ["supply"]


@pytest.mark.parametrize("message, department, requester", [
    ("王老师：三楼灯不亮", None, "王老师"),
    ("二楼阅览室的灯在闪（图书馆 刘老师）", "图书馆", "刘老师"),
    ("饮水机不出热水。——教务处张老师", "教务处", "张老师"),
    ("人事科王丽：门锁坏了", "人事科", "王丽"),
    ("学生处：明早8点派车", "学生处", None),
    ("后勤服务中心李师傅：锅炉压力表坏了", "后勤服务中心", "李师傅"),
    ("外事办刘老师：外宾来访", "外事办", "刘老师"),
    ("联系人：陈老师，电话13912345678", None, "陈老师"),
    ("您好，我是财务科的小张，碎纸机坏了", "财务科", "小张"),
    ("财务科打印机卡纸了", "财务科", None),
    ("Broken chair — Finance", "Finance", None),
    ("Network port dead — Li Wei, IT", "IT", "Li Wei"),
    ("HR needs 20 name badges", "HR", None),
    ("Sarah Lin (Finance): the heater is noisy", "Finance", "Sarah Lin"),
    ("Lights flickering. Thanks, Amy (Front Desk)", "Front Desk", "Amy"),
    ("501办公室暖气漏水", None, None),  # a room, not the department
    ("通知：周五大扫除", None, None),
])
def test_department_and_requester(message, department, requester):
    p = read(message)
    assert (p.department, p.requester) == (department, requester)


def test_a_header_leaves_the_title_a_department_in_the_text_stays():
    assert read("人事科王丽：门锁坏了").title == "门锁坏了"
    assert read("财务科打印机卡纸了").title == "财务科打印机卡纸了"
    assert read("HR needs 20 name badges").title == "Needs 20 name badges"


@pytest.mark.parametrize("message, importance, expedite", [
    ("紧急！水管爆了", None, True), ("水管爆了，急", None, True), ("马上来人", None, True),
    ("特事特办，今天修好", None, True), ("Urgent: pipe burst", None, True),
    ("fix it asap", None, True),
    ("尽快处理", "high", False), ("今天必须修好", "high", False), ("Important: call me", "high", False),
    ("不急，有空来看看", "low", False), ("有空来换一下", "low", False),
    ("whenever you can", "low", False), ("Not urgent, no rush", "low", False),
    ("应急灯坏了", None, False), ("不着急", "low", False),
])
def test_importance_and_expedite(message, importance, expedite):
    p = read(message)
    assert (p.importance, p.expedite) == (importance, expedite)


@pytest.mark.parametrize("message, title", [
    ("空调坏了，请马上", "空调坏了"),  # no dangling "，请"
    ("帮忙复印50份会议材料，明天上午9点前要", "帮忙复印50份会议材料"),
    ("您好，三楼灯不亮，麻烦看一下，谢谢！", "三楼灯不亮，麻烦看一下"),
    ("Could you bind 12 copies? Needed by Friday.", "Could you bind 12 copies?"),
    ("the lights are out in the lobby, please fix today", "The lights are out in the lobby, please fix"),
    ("Airport pickup tomorrow 9am, 3 people", "Airport pickup, 3 people"),
    ("@后勤 三楼男厕所灯坏了", "三楼男厕所灯坏了"),
    ("302教室黑板灯不亮 还有两个插座没电", "302教室黑板灯不亮 还有两个插座没电"),
])
def test_the_title_is_the_message_without_the_parts_taken(message, title):
    assert read(message).title == title


def test_the_title_is_never_empty():
    assert read("明天下午").title == "明天下午"
    assert read("紧急！").title == "紧急"
    assert read("王老师：明天").title == "明天"


def test_quick_add_tokens_after_the_message_override_it():
    p = propose_with_tokens("三楼灯不亮，明天修 !high #报修 @总务科 due:today", SENT, CAL,
                            departments=DEPARTMENTS)
    assert (p.category, p.importance, p.department, p.due) == (
        "repair", "high", "总务科", datetime(2026, 12, 3, 17, 30))
    assert p.title == "三楼灯不亮，修"
    assert p.parsed["due"] == "due:today" and p.parsed["importance"] == "!high"
    # a word that is no token stays text
    plain = propose_with_tokens("房间 #302 灯不亮", SENT, CAL)
    assert plain.title == "房间 #302 灯不亮"


# -- any text at all --------------------------------------------------------------------------
PIECES = st.sampled_from([
    "明天", "上午", "下午", "三点", "半", "两点一刻", "周五", "下周三", "前", "之前", "月底", "下班前",
    "小时", "内", "后", "马上", "尽快", "急", "不急", "财务科", "王老师", "：", ":", "，", "。", "！",
    "（", "）", "——", "—", "-", "tomorrow", "9am", "by", "Friday", "at", "2pm", "within", "2",
    "hours", "urgent", "asap", "HR", "needs", "Finance", "Tom Baker", ",", "修", "坏了", "派车",
    "打印", "50份", "领", "两箱", "开会", "接待", "12月10日", "10号", "号", "2026-12-01", "@后勤",
    "您好", "谢谢", "请", "要", " ", "\n", "一", "十", "点", "9:30", "\u202e", "\x00", "😀", "送",
    "去", "end of month", "next", "!high", "#报修", "due:today", "#x",
])
MESSAGES = st.one_of(st.text(max_size=80),
                     st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=30).map("".join))
SENT_TIMES = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 12, 30))


def _words(text: str) -> list[str]:
    return [c.casefold() for c in text if c.isalnum()]


def _subsequence(small: list[str], large: list[str]) -> bool:
    it = iter(large)
    return all(any(a == b for b in it) for a in small)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MESSAGES, SENT_TIMES)
@example("王老师：明天", SENT)
@example("，请", SENT)
@example("明天上午九点 !!", SENT)
@example("明天修 due:today", SENT)
@example("王老师：灯坏了，尽快 @总务科 !low #报修", SENT)
def test_a_parse_never_raises_and_never_loses_a_word(message, sent):
    p = propose_with_tokens(message, sent, CAL, departments=DEPARTMENTS,
                            keywords=[("漏水", "repair"), ("x", "other")])
    if message.strip():
        assert p.title.strip()
    covered = [False] * len(message)
    for span in p.spans:
        assert message[span.start:span.end] == span.text
        covered[span.start:span.end] = [True] * (span.end - span.start)
    # The title holds only the message's words, and every word no field took.
    assert _subsequence(_words(p.title), _words(message))
    left = [c.casefold() for i, c in enumerate(message) if c.isalnum() and not covered[i]]
    assert _subsequence(left, _words(p.title))
    assert p.category in (None, "repair", "vehicle", "supply", "reception", "meeting",
                          "print", "other")
    assert p.due is None or 1970 <= p.due.year <= 2200
