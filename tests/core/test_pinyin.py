"""Pinyin search keys (core.pinyin): what is stored beside a row and what a query becomes."""

from __future__ import annotations

from office_tui.core import pinyin


def test_full_pinyin_and_initials():
    assert pinyin.full("会议室") == "huiyishi"
    assert pinyin.initials("会议室") == "hys"
    assert pinyin.full("会议室布置") == "huiyishibuzhi"
    assert pinyin.initials("会议室布置") == "hysbz"


def test_key_holds_the_text_its_full_pinyin_and_initials():
    assert pinyin.search_key("会议室布置") == "会议室布置 huiyishibuzhi hysbz"


def test_spaces_are_taken_out_so_a_query_runs_across_words():
    key = pinyin.search_key("会议室 布置")
    assert "huiyishibuzhi" in key.split() and "hysbz" in key.split()


def test_mixed_chinese_and_english():
    assert pinyin.full("A4纸 for 财务科") == "a4zhiforcaiwuke"
    assert pinyin.initials("A4纸 for 财务科") == "a4zforcwk"
    key = pinyin.search_key("Fix 会议室 Projector")
    assert key.split(" ")[:3] == ["fix", "会议室", "projector"]  # the text, lower case
    assert "fixhuiyishiprojector" in key and "fixhysprojector" in key


def test_english_only_text_is_its_own_key():
    assert pinyin.search_key("Fix the Projector") == "fix the projector"


def test_several_texts_none_and_blank_left_out():
    key = pinyin.search_key("修灯", None, "  ", "财务科", "张三")
    assert key == "修灯 xiudeng xd 财务科 caiwuke cwk 张三 zhangsan zs"
    assert pinyin.search_key(None, None) == ""


def test_polyphonic_characters_read_as_pypinyin_reads_them():
    # 行 is xing in 行政 and hang in 银行: pypinyin's phrase table decides.
    assert pinyin.full("行政办公室") == "xingzhengbangongshi"
    assert pinyin.full("银行") == "yinhang"
    assert pinyin.initials("重庆") == "cq"


def test_markup_and_escapes_pass_through_as_text():
    key = pinyin.search_key("[bold]会议[/] \x1b[31m")
    assert key.startswith("[bold]会议[/] \x1b[31m ")
    assert "[bold]huiyi[/]\x1b[31m" in key


def test_query_key_is_lower_case_without_spaces():
    assert pinyin.query_key("Hui Yi") == "huiyi"
    assert pinyin.query_key("  hys\tbz ") == "hysbz"
    assert pinyin.query_key("   ") == ""
