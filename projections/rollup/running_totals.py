"""Dated node counters as running totals: a key's row on a day holds the sum of its deltas up
to and including that day (migration 0027).

"Node N as of D" then reads one row per key, the last one on or before D, however many days
had a fact. Summing daily deltas instead read every day's row: with the facts of 100,000
grassroots units spread over the days of a campaign instead of a few reporting days, the
national rollup as of a day read ~30 times the rows (measured: 125-148 ms against 22-30 ms
with running totals, bench/measure_rollup.py). Adding a delta on day d rewrites the totals
of the stored days after d: few, since facts mostly arrive in the order of their days.
"""

from __future__ import annotations

from datetime import date


def totals_from(stored: list[tuple[date, int]], deltas: dict[date, int]) -> list[tuple[date, int]]:
    """One key's new running totals once `deltas` (day -> change) are added: for every day
    from the first delta's on that has a stored row or a delta, (day, total up to it).
    `stored`: the key's stored (day, total) rows in day order; rows before the first delta's
    day matter only through the last of them."""
    first = min(deltas)
    out: list[tuple[date, int]] = []
    i, stored_total, added = 0, 0, 0
    for day in sorted({d for d, _ in stored if d >= first} | deltas.keys()):
        while i < len(stored) and stored[i][0] <= day:
            stored_total = stored[i][1]
            i += 1
        added += deltas.get(day, 0)
        out.append((day, stored_total + added))
    return out
