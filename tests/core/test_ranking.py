"""The threshold merge returns exactly what scoring every row and sorting would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from office_tui.core.ranking import Stream, top

# A row: (bucket, sort position, extra <= 2). Its score is base[bucket] - position/10 + extra,
# so within a bucket rows in position order have a non-increasing bound base - pos/10 + 2.
rows_strategy = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 200),
              st.one_of(st.just(2.0), st.just(0.0), st.floats(0, 2))), max_size=120)
BASE = [0.0, 3.0, 6.0, 21.0]


def score(row) -> float:
    bucket, position, extra, _id = row
    return BASE[bucket] - position / 10 + extra


def order(row) -> tuple:
    return (-score(row), row[1], row[3])


def streams_for(rows):
    streams = []
    for bucket in range(4):
        mine = sorted((r for r in rows if r[0] == bucket), key=lambda r: (r[1], r[3]))

        def fetch(offset, count, mine=mine):
            return mine[offset:offset + count]

        def optimistic(row, bucket=bucket):
            return (-(BASE[bucket] - row[1] / 10 + 2), row[1], row[3])

        streams.append(Stream(fetch=fetch, optimistic=optimistic))
    return streams


@settings(max_examples=300, deadline=None)
@given(rows_strategy, st.integers(0, 130), st.integers(1, 16))
def test_top_matches_a_full_sort(raw, want, chunk):
    rows = [(b, p, e, i) for i, (b, p, e) in enumerate(raw)]
    expected = sorted(rows, key=order)[:want]
    got = top(streams_for(rows), want, order, chunk=chunk)
    assert got == expected


def test_top_reads_only_a_few_rows_of_a_long_stream():
    rows = [(0, p, 0.0, p) for p in range(10_000)]
    fetched = []
    stream = Stream(fetch=lambda o, c: fetched.append(c) or rows[o:o + c],
                    optimistic=lambda r: (-(-r[1] / 10 + 2), r[1], r[3]))
    result = top([stream], 5, order, chunk=32)
    assert [r[3] for r in result] == [0, 1, 2, 3, 4]
    assert sum(fetched) <= 64


def test_ties_at_the_cap_stop_early():
    """Thousands of rows with the same (capped) score: only the first few are read."""
    rows = [(3, 0, 2.0, i) for i in range(5_000)]  # all score BASE[3] + 2
    fetched = []
    stream = Stream(fetch=lambda o, c: fetched.append(c) or rows[o:o + c],
                    optimistic=lambda r: (-(BASE[3] + 2), r[1], r[3]))
    result = top([stream], 10, order, chunk=16)
    assert [r[3] for r in result] == list(range(10))
    assert sum(fetched) <= 32
