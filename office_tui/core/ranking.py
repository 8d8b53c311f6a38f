"""Top-N by urgency without scoring every row: a threshold merge of sorted streams.

Urgency depends on `now`, so it cannot be indexed. But within one bucket of equal
importance, expedite and status, rows sorted by due have a non-increasing due part,
and the rest (age) adds at most `age_max`. So the head of each stream gives an
*optimistic* order key that no later row of that stream can beat: (best possible
score, the head's due, the head's id). We take rows from the stream with the best
optimistic key until the N-th best key found beats every optimistic key left. The
result is the order of scoring all rows and sorting (tested against that), at a cost
that does not grow with the table — ties included, which matter when many overdue
jobs share the capped due factor.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

Row = Any
Key = tuple


@dataclass
class Stream:
    """Rows in an order where `optimistic(row)` is <= the order key of that row and of
    every row after it."""

    fetch: Callable[[int, int], Sequence[Row]]  # (offset, count) -> rows
    optimistic: Callable[[Row], Key]
    _buffer: list[Row] = field(default_factory=list)
    _offset: int = 0
    _exhausted: bool = False
    _fetches: int = 0

    def peek(self, chunk: int) -> Row | None:
        if not self._buffer and not self._exhausted:
            # Most streams are never read past their first rows: start small, then grow.
            size = min(chunk, 4 << (2 * self._fetches))
            self._fetches += 1
            rows = list(self.fetch(self._offset, size))
            self._offset += len(rows)
            self._buffer = rows[::-1]  # popped from the end
            self._exhausted = len(rows) < size
        return self._buffer[-1] if self._buffer else None

    def pop(self) -> Row:
        return self._buffer.pop()


def top(
    streams: Sequence[Stream],
    want: int,
    order_key: Callable[[Row], Key],
    *,
    chunk: int = 256,
) -> list[Row]:
    """The `want` first rows over all streams in `order_key` order."""
    if want <= 0:
        return []
    best: list[tuple[Key, int]] = []  # sorted keys of the `want` best rows seen
    rows: dict[int, Row] = {}
    serial = 0
    heads: list[tuple[Key, int]] = []  # streams by the optimistic key of their head
    for index, stream in enumerate(streams):
        row = stream.peek(chunk)
        if row is not None:
            heapq.heappush(heads, (stream.optimistic(row), index))
    while heads:
        head_key, index = heads[0]
        if len(best) >= want and best[-1][0] < head_key:
            break  # nothing unseen can enter the first `want`
        stream = streams[index]
        row = stream.pop()
        following = stream.peek(chunk)
        if following is None:
            heapq.heappop(heads)
        else:
            heapq.heapreplace(heads, (stream.optimistic(following), index))
        entry = (order_key(row), serial)
        rows[serial] = row
        serial += 1
        if len(best) < want:
            bisect.insort(best, entry)
        elif entry < best[-1]:
            dropped = best.pop()
            del rows[dropped[1]]
            bisect.insort(best, entry)
        else:
            del rows[entry[1]]
    return [rows[s] for _key, s in best]
