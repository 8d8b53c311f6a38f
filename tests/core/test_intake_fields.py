"""A proposal's fields as shown in the app read back unchanged, and corrections take the
words the rest of the app accepts, in both languages."""

from __future__ import annotations

from datetime import datetime

import pytest

from office_tui import i18n
from office_tui.core.calendar import WorkingCalendar
from office_tui.core.intake import propose
from office_tui.core.intake_fields import EDITABLE, corrected, shown

CAL = WorkingCalendar()
SENT = datetime(2026, 12, 3, 10, 0)
MESSAGES = ["学生处张老师：明早8点派车去第一中学，12个人", "紧急！二楼卫生间水管爆了",
            "Please print 200 copies of the agenda for Friday"]


@pytest.fixture(params=["en", "zh"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.mark.parametrize("message", MESSAGES)
def test_every_field_shown_reads_back_as_proposed(language, message):
    proposal = propose(message, SENT, CAL, departments=["学生处"])
    for name in EDITABLE:
        again = corrected(proposal, name, shown(proposal, name), SENT, CAL)
        assert again == proposal, name


def test_corrections_in_either_language(language):
    p = propose("二楼卫生间水管爆了", SENT, CAL)
    assert corrected(p, "category", "打印", SENT, CAL).category == "print"
    assert corrected(p, "category", "vehicle", SENT, CAL).category == "vehicle"
    high = corrected(p, "importance", "高，加急", SENT, CAL)
    assert (high.importance, high.expedite) == ("high", True)
    assert corrected(p, "due", "明天 9:00", SENT, CAL).due == datetime(2026, 12, 4, 9, 0)
    assert corrected(p, "department", "  总务科 ", SENT, CAL).department == "总务科"
    cleared = corrected(p, "importance", "", SENT, CAL)
    assert (cleared.importance, cleared.expedite) == (None, False)


@pytest.mark.parametrize("name, text", [("title", "  "), ("category", "plumbing"),
                                        ("due", "someday"), ("importance", "very")])
def test_a_bad_correction_says_what_is_wrong(name, text):
    p = propose("二楼卫生间水管爆了", SENT, CAL)
    with pytest.raises(ValueError) as caught:
        corrected(p, name, text, SENT, CAL)
    assert str(caught.value)
