"""The measured accuracy of issue 22: every field of the labelled corpus at 95% or more
(`make intake-eval` prints the same numbers with the misses)."""

from __future__ import annotations

import re

import pytest

from tests import intake_eval


@pytest.fixture(scope="module")
def result() -> intake_eval.Result:
    return intake_eval.evaluate()


def test_the_corpus_is_large_and_mostly_chinese():
    rows = intake_eval.rows()
    assert len(rows) >= 200
    chinese = sum(1 for r in rows if re.search(r"[\u4e00-\u9fff]", r["message"]))
    assert 0.70 <= chinese / len(rows) <= 0.80
    assert {r["category"] for r in rows} == {
        "repair", "vehicle", "supply", "reception", "meeting", "print", "other"}


@pytest.mark.parametrize("field", intake_eval.FIELDS)
def test_each_field_is_at_least_95_percent_right(result, field):
    misses = [m for m in result.misses if m.field == field]
    assert result.accuracy(field) >= intake_eval.TARGET, "\n".join(
        f"line {m.line}: expected {m.expected!r}, got {m.got!r}: {m.message}" for m in misses)
