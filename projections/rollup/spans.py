"""Where a unit's facts count as of a day: its spans, and the dated node counters they give.

A span (node, first day, end day) says the unit's history counts at the node from the first
day up to the day before the end (None: still), on the tree of those days: as of D, at the
nodes of its path on D as `path_now` would have given it that day (domain
Succession.path_on: a merged unit's history at its successor's, a dissolved one's through
its last parent), so that a rollup as of today answers what the present-time one does. The
same rule as the oracle in tests/projections/oracle.py. A fact effective on day d adds its
value at each span's node from max(d, first day) and takes it away on the end day, so
"node N as of D" is the sum of N's dated counter deltas on days <= D: its cost follows the
number of days and metrics, not the number of units below N (migration 0017). Being in
scope (a grassroots unit counted) holds only while the unit is active: that fact is taken
away on the unit's end day (projection._in_scope_facts).

When the tree changes, a unit's spans change; its dated facts are then moved by writing the
counters of its new spans less those of its old ones (`node_deltas(new) - node_deltas(old)`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from uuid import UUID

from domain.organisation import OrgTimeline

Span = tuple[str, date, date | None]
"""A node the unit counts at (its id as text), from the first day to the day before the end
(None: still). Ids as text: a batch spreads tens of thousands of facts, and a str caches its
hash where a UUID computes it in Python each time."""
Fact = tuple[UUID | str, str, date, int]
"""plan (its id or the id as text), metric, effective day, value."""
NodeKey = tuple[str, str, str, date]
"""plan, node (ids as text), metric, day: a dated counter delta."""


def spans_of(timeline: OrgTimeline, unit: UUID) -> tuple[Span, ...]:
    """The unit's spans from its first day on; none for a unit the tree does not hold."""
    if unit not in timeline:
        return ()
    h = timeline.history(unit)
    if h.ended_on is not None and h.ended_on <= h.active_from:
        return ()
    paths = _paths_at_changes(timeline, unit, h.active_from)
    out: list[Span] = []
    since: dict[UUID, date] = {}
    for day in sorted(paths):
        on = paths[day]
        for node in [n for n in since if n not in on]:
            out.append((node, since.pop(node), day))
        for node in on:
            since.setdefault(node, day)
    out.extend((node, first, None) for node, first in since.items())
    return tuple(sorted((str(node), first, end) for node, first, end in out))


def _paths_at_changes(timeline: OrgTimeline, unit: UUID, start: date) -> dict[date, list[UUID]]:
    """The unit's path on each day it may change: a day some node it ever counts at (or a
    parent that ends its path, or a successor) changes parent, starts or ends; paths are
    the same between."""
    paths: dict[date, list[UUID]] = {}
    days: set[date] = {start}
    seen: set[UUID] = set()
    frontier = {unit}
    while frontier:
        for node in frontier:
            if node in timeline:
                h = timeline.history(node)
                days.update(entry[0] for entry in h.parents.entries)
                days.add(h.active_from)
                if h.ended_on is not None:
                    days.add(h.ended_on)
        seen |= frontier
        frontier = set()
        for day in days:
            if day < start or day in paths:
                continue
            path = paths[day] = timeline.path_on(unit, day)
            last = path[-1]
            beyond = timeline.history(last).parents.on(day) if last in timeline else None
            successors = [s for n in path if n in timeline for s in timeline.history(n).successor_ids]
            frontier.update(n for n in (*path, beyond, *successors) if n is not None and n not in seen)
    return paths


def node_deltas(spans: Iterable[Span], facts: Iterable[Fact]) -> dict[NodeKey, int]:
    """The dated counter deltas the facts give at the spans' nodes (zero sums kept: a key
    touched is written, as the counters' other writes do)."""
    spans = list(spans)
    out: dict[NodeKey, int] = defaultdict(int)
    for plan_id, metric, day, value in facts:
        plan = str(plan_id)
        for node, first, end in spans:
            counted_from = first if day < first else day
            if end is not None and counted_from >= end:
                continue
            out[(plan, node, metric, counted_from)] += value
            if end is not None:
                out[(plan, node, metric, end)] -= value
    return out


def spans_to_json(spans: tuple[Span, ...]) -> list[list]:
    return [[node, first.isoformat(), end.isoformat() if end else None] for node, first, end in spans]


def spans_from_json(rows: list[list]) -> tuple[Span, ...]:
    return tuple((node, date.fromisoformat(first), date.fromisoformat(end) if end else None)
                 for node, first, end in rows)
