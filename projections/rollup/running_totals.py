"""Dated node counters as running totals: a key's row on a day holds the sum of its deltas up
to and including that day (migration 0027).

"Node N as of D" then reads one value per key, however many days had a fact: the key's last
total, kept with the key (rollup_counters_dated_keys), when nothing came after D, else its
last row on or before D (one index probe). Summing daily deltas instead read every day's row,
so the read grew with the days: with the generated country's facts spread over the
campaign's days as a country's are (bench/unit_events.py), the national rollup's SQL as of
2021-12-31 took p50 72.8 / p99 109.7 ms summing deltas, 15.5 / 22.2 ms probing every key's
row and 8.1 / 12.2 ms with the keys' last totals, on the same data (bench/measure_rollup.py;
the present-time read: 6.6 / 10.0 ms). Adding a delta on day d rewrites the totals of the
stored days after d: few, since facts mostly arrive in the order of their days; the
rollups' catch-up measured the same within the noise of runs.
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
