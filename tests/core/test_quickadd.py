"""The quick-add grammar of core/quickadd.py: tokens anywhere, everything else is the title."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from office_tui.core.calendar import WorkingCalendar
from office_tui.core.quickadd import ParsedJob, QuickAddError, parse
from office_tui.core.vocab import CATEGORIES, CATEGORY_ALIASES

CAL = WorkingCalendar()
NOW = datetime(2026, 11, 27, 10, 0)  # Friday


def p(text: str) -> ParsedJob:
    return parse(text, NOW, CAL)


def test_the_example_of_the_issue():
    job = p("修 三楼会议室 灯管 !high due:today @总务科 #报修")
    assert job == ParsedJob(
        title="修 三楼会议室 灯管",
        importance="high",
        expedite=False,
        due=datetime(2026, 11, 27, 17, 30),
        department="总务科",
        category="repair",
    )


def test_plain_text_is_all_title_and_nothing_else():
    assert p("fix the door") == ParsedJob(title="fix the door")


def test_tokens_anywhere_and_in_any_order():
    a = p("#print !low 50 copies of the agenda @办公室 due:+2h")
    b = p("50 copies !low of the agenda due:+2h @办公室 #print")
    assert a.title == "50 copies of the agenda"
    assert b.title == "50 copies of the agenda"
    for job in (a, b):
        assert (job.category, job.importance, job.department, job.due) == (
            "print", "low", "办公室", datetime(2026, 11, 27, 12, 0))


@pytest.mark.parametrize(
    ("token", "importance"),
    [
        ("!high", "high"), ("!normal", "normal"), ("!low", "low"),
        ("!h", "high"), ("!n", "normal"), ("!l", "low"),
        ("!高", "high"), ("!中", "normal"), ("!低", "low"),
        ("!HIGH", "high"), ("!Low", "low"),
    ],
)
def test_importance_aliases(token, importance):
    job = p(f"check the boiler {token}")
    assert job.importance == importance
    assert job.title == "check the boiler"
    assert job.expedite is False


@pytest.mark.parametrize("token", ["!!", "!急"])
def test_expedite(token):
    job = p(f"{token} car to the airport")
    assert job.expedite is True
    assert job.title == "car to the airport"
    assert job.importance is None


def test_expedite_and_importance_together():
    job = p("送文件 !! !高")
    assert (job.title, job.expedite, job.importance) == ("送文件", True, "high")


def test_the_last_importance_wins():
    assert p("x !low !high").importance == "high"


@pytest.mark.parametrize(("alias", "category"), sorted(CATEGORY_ALIASES.items()))
def test_every_category_alias(alias, category):
    job = p(f"something #{alias}")
    assert job.category == category
    assert job.title == "something"


@pytest.mark.parametrize(
    ("english", "chinese"),
    [("repair", "报修"), ("vehicle", "用车"), ("supply", "领用"), ("reception", "接待"),
     ("meeting", "会议"), ("print", "文印"), ("other", "其他")],
)
def test_every_category_both_ways(english, chinese):
    assert english in CATEGORIES
    assert p(f"x #{english}").category == english
    assert p(f"x #{chinese}").category == english
    assert p(f"x #{english.upper()}").category == english


def test_categories_and_aliases_cover_each_other():
    assert set(CATEGORY_ALIASES.values()) == set(CATEGORIES)


@pytest.mark.parametrize(
    ("token", "due"),
    [
        ("due:today", datetime(2026, 11, 27, 17, 30)),
        ("due:tomorrow@14:00", datetime(2026, 11, 28, 14, 0)),
        ("due:明天@9:30", datetime(2026, 11, 28, 9, 30)),
        ("due:下周一", datetime(2026, 11, 30, 17, 30)),
        ("due:2026-12-01", datetime(2026, 12, 1, 17, 30)),
        ("due:+3d", datetime(2026, 11, 30, 17, 30)),
        ("DUE:eod", datetime(2026, 11, 27, 17, 30)),
    ],
)
def test_due_tokens(token, due):
    job = p(f"book the hall {token}")
    assert job.due == due
    assert job.title == "book the hall"


def test_department_may_be_chinese_or_english():
    assert p("x @财务科").department == "财务科"
    assert p("x @Finance").department == "Finance"


@pytest.mark.parametrize(
    "text",
    ["note key:value here", "see http://example.com now", "ratio 3:2 ok", "time:14:00 please",
     "priority:high x"],
)
def test_unknown_key_tokens_stay_in_the_title(text):
    job = p(text)
    assert job.title == text
    assert job == ParsedJob(title=text)


@pytest.mark.parametrize("text", ["fix the lamp in room #302", "#12 bus stop sign", "a # b",
                                  "a ! b", "a @ b", "wow !!!", "a !urgent b"])
def test_non_tokens_stay_in_the_title(text):
    assert p(text) == ParsedJob(title=text)


@pytest.mark.parametrize("token", ["#repairs", "#维修室", "#302b", "##"])
def test_unknown_category_is_an_error_naming_the_token(token):
    with pytest.raises(QuickAddError) as info:
        p(f"fix it {token}")
    assert token in str(info.value)
    assert "repair" in str(info.value)  # the choices are listed


@pytest.mark.parametrize("token", ["due:someday", "due:25:00", "due:2026-13-01", "due:",
                                   "due:明天@", "due:tomorrow@noon"])
def test_a_bad_date_is_an_error_naming_the_token(token):
    with pytest.raises(QuickAddError) as info:
        p(f"fix it {token} !high")
    assert token in str(info.value)


@pytest.mark.parametrize("text", ["", "   ", "!high", "!! #repair @总务科 due:today", " \t\n "])
def test_an_empty_title_is_an_error(text):
    with pytest.raises(QuickAddError) as info:
        p(text)
    assert "title" in str(info.value).lower()


def test_spacing_of_the_title_is_kept_exactly():
    assert p("a  b\tc !high").title == "a  b\tc"
    assert p("  a   !high   b  ").title == "a   b"
    assert p("a !high  b").title == "a b"


def test_user_text_with_markup_ansi_and_wide_characters_is_kept():
    text = "[bold]lamp[/] \x1b[31mred\x1b[0m 灯管 🔧 [/]"
    assert p(text + " #repair").title == text


# -- properties ---------------------------------------------------------------------------

TOKENS = [
    "due:", "due:today", "due:明天@9:30", "due:+3d", "due:xx", "due:14:00", "due:@", "DUE:",
    "!", "!!", "!急", "!h", "!高", "!x", "#", "#repair", "#报修", "#302", "#nope", "##",
    "@", "@总务科", "@14:00", "@@", "14:00", "+2h", "key:value", ":", "@due:today",
    "~", "~张老师", "~5", "~~", "@@3F会议室", "@@@",
]
pieces = st.one_of(
    st.sampled_from(TOKENS),
    st.text(alphabet="due:!#@+0123456789hdmw急高低报修今天明天周一下", max_size=8),
    st.text(max_size=6),
)
separators = st.sampled_from([" ", "  ", "\t", "\n", "", "\u3000"])
mixed_text = st.lists(st.tuples(pieces, separators), max_size=10).map(
    lambda parts: "".join(a + b for a, b in parts))


def _parse_or_own_error(text: str) -> None:
    try:
        result = parse(text, NOW, CAL)
    except QuickAddError as exc:
        assert str(exc)
    else:
        assert isinstance(result, ParsedJob)
        assert result.title == result.title.strip() and result.title


@settings(max_examples=300, deadline=None)
@given(st.text())
@example("due:+99999d")
@example("due:+99999w")
@example("#\u0130")
def test_any_text_parses_or_raises_quickadd_error(text):
    _parse_or_own_error(text)


@settings(max_examples=500, deadline=None)
@given(mixed_text)
def test_any_mix_of_real_tokens_parses_or_raises_quickadd_error(text):
    _parse_or_own_error(text)


def _is_token(word: str) -> bool:
    """Words the grammar would take (or refuse): everything that is not plain title text."""
    lower = word.lower()
    return (
        lower.startswith("due:")
        or (word.startswith(("!", "@", "#", "~", ">")) and len(word) > 1)
    )


plain_words = st.text(min_size=1, max_size=8).filter(
    lambda w: not any(c.isspace() for c in w) and not _is_token(w))
plain_text = st.tuples(
    st.text(alphabet=" \t\u3000\n", max_size=3),
    st.lists(st.tuples(plain_words, st.text(alphabet=" \t\u3000", min_size=1, max_size=4)),
             min_size=1, max_size=8),
).map(lambda t: t[0] + "".join(w + s for w, s in t[1]))


@settings(max_examples=300, deadline=None)
@given(plain_text)
@example("a  b")
@example("[bold]x[/]   \x1b[31m  修　灯")
def test_text_without_tokens_is_kept_exactly_as_the_title(text):
    job = parse(text, NOW, CAL)
    assert job == ParsedJob(title=text.strip())


# -- requester and location (issue 14) ----------------------------------------------------
def test_requester_and_location_tokens():
    job = p("修空调 ~张老师 @@3F会议室 @总务科 #报修")
    assert (job.title, job.requester, job.location, job.department) == (
        "修空调", "张老师", "3F会议室", "总务科")


@pytest.mark.parametrize("text", ["Print ~50 copies", "a ~ b", "a @@ b", "~~x y"])
def test_tilde_before_a_number_and_bare_marks_stay_in_the_title(text):
    job = p(text)
    assert (job.title, job.requester, job.location, job.department) == (text, None, None, None)


def test_handler_token():
    job = p("修空调 >王师傅 #报修")
    assert (job.title, job.handler) == ("修空调", "王师傅")
    # a comparison or a count stays in the title
    assert p("需要 >5 人 >= 3").handler is None
    assert p("a >> b").title == "a >> b"
