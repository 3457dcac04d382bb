"""One batch of the rollup projection, in memory: loaded once, changed event by event,
written at the end with a few set-based statements (RollupStore), in the batch transaction.

Every read a handler makes sees the stored rows plus this batch's own changes, so the
handlers behave as if each event had been written before the next one was read. Leaf and
counter changes are kept as summed leaf deltas per unit and spread along the units' paths
only when written (a unit's pending facts always lie along its current path); a key any
non-zero delta touched is written even if the sum is zero (as row-by-row writes did).
A unit's facts are counted at every node of its path but its own (`counted_at`): a node's
own facts are its leaf rows, which the rollup read adds (migration 0007).

Dated facts (for reads as of a day) are kept per unit too and spread at the flush along the
units' spans (spans.py) into dated node counters, but for the span at the unit itself: as
of a day, a node's own plan facts are its dated leaf rows, which the as-of read adds
(`dated_counted_at`, migration 0026). An org change recomputes the spans of the units it
may move and moves their stored dated facts by the difference (`respan`).

The tenant's tree (every unit's path and spans, the org timeline, the node indexes) is the one part
loaded whole; `Known` carries it from one batch to the next when the projection may trust it.
The registrations and nominations the batch's events touch are read when it opens and kept
by `tracked`; the batch writes what they changed along with its own rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

import asyncpg

from domain.organisation import ChangeType, OrgTimeline, UnitChange
from projections.read_models.org_changes import from_json
from projections.rollup.spans import Fact, NodeKey, Span, node_deltas, spans_of
from projections.rollup.store import RollupStore
from projections.rollup.tracked import Nominations, Registrations

Key = tuple[UUID, UUID, str]
Facts = dict[UUID, dict[str, int]]  # plan -> metric -> delta
Row = tuple[UUID, UUID, str, int]  # plan, unit or node, metric, delta


def counted_at(unit: UUID, path: list[UUID]) -> list[UUID]:
    """The nodes whose counters hold the unit's facts: its path, less the unit itself
    (first in its path unless merged into a successor)."""
    return path[1:] if path[0] == unit else path


def dated_counted_at(unit: UUID, spans: Iterable[Span]) -> tuple[Span, ...]:
    """The spans whose nodes' dated counters hold the unit's plan facts: all but the one at
    the unit itself. Units in scope (the nil plan) have no dated leaf row, so those facts
    count at every span, the unit's own included."""
    own = str(unit)
    return tuple(span for span in spans if span[0] != own)


@dataclass
class Known:
    """The tenant's tree as the stored rows hold it after a batch (all written)."""

    paths: dict[UUID, list[UUID]]
    spans: dict[UUID, tuple[Span, ...]]  # where each unit's facts count as of a day (spans.py)
    timeline: OrgTimeline | None = None  # once a batch needed it
    by_node: dict[UUID, set[UUID]] | None = None  # node -> units whose path contains it
    by_span: dict[str, set[UUID]] | None = None  # node (as text) -> units with a span at it


class RollupBatch:
    def __init__(self, conn: asyncpg.Connection, tenant: str, store: RollupStore, known: Known,
                 registrations: Registrations, nominations: Nominations):
        self.conn, self.tenant, self.store = conn, tenant, store
        self.paths, self.spans = known.paths, known.spans
        self.registrations, self.nominations = registrations, nominations
        self._timeline: OrgTimeline | None = known.timeline  # loaded at the batch's first org change
        self._by_node, self._by_span = known.by_node, known.by_span
        self._plan_phases: dict[UUID, list[tuple[str, date, date]] | None] = {}  # read once per batch
        self._reset()

    def known(self) -> Known:
        return Known(self.paths, self.spans, self._timeline, self._by_node, self._by_span)

    def stored(self, unit: UUID) -> bool:
        """The unit's row, and so maybe facts, are in the tables (not only in this batch)."""
        return unit in self.paths and unit not in self.unstored

    def _reset(self) -> None:
        self.leaf: dict[UUID, Facts] = {}  # unit -> its facts added in this batch
        # unit -> (plan, day) -> metric -> delta; a key written even at 0, so batching changes no row
        self.dated: dict[UUID, dict[tuple[UUID, date], dict[str, int]]] = {}
        # dated counter deltas of spans that changed (the stored facts moved); written at +0 too
        self.dated_nodes: dict[NodeKey, int] = defaultdict(int)
        self.left_nodes: set[Key] = set()  # counters a moved unit left: touched, at +0
        self.new_changes: dict[UUID, list[dict]] = defaultdict(list)
        self.dirty_units: set[UUID] = set()
        self.unstored: set[UUID] = set()  # units first seen since the last flush
        self.dirty_plans: set[UUID] = set()

    @classmethod
    async def open(cls, conn: asyncpg.Connection, tenant: str, store: RollupStore, stream_ids: list[UUID],
                   registering: set[UUID], known: Known | None = None) -> RollupBatch:
        """Loads the tenant's paths unless `known` (trusted by the caller), and the lookup
        rows the batch's events will need."""
        known = known or Known(*await store.load_units(conn, tenant))
        registrations = Registrations(
            await store.load_registrations(conn, tenant, stream_ids),
            await store.load_registered(conn, tenant, registering) if registering else set())
        nominations = Nominations(await store.load_nominations(conn, tenant, stream_ids))
        return cls(conn, tenant, store, known, registrations, nominations)

    # --- units and paths ----------------------------------------------------------------------

    def path(self, unit: UUID) -> list[UUID]:
        """The unit's attribution path; a unit not (yet) created stands alone."""
        if unit not in self.paths:
            self.paths[unit] = [unit]
            self.dirty_units.add(unit)
            self.unstored.add(unit)
            if self._by_node is not None:
                self._by_node[unit].add(unit)
        return self.paths[unit]

    def append_change(self, unit: UUID, change: dict) -> None:
        self.path(unit)
        self.new_changes[unit].append(change)
        self.dirty_units.add(unit)

    def containing(self, node: UUID) -> list[tuple[UUID, list[UUID]]]:
        """Units whose path contains `node`, with their paths."""
        if self._by_node is None:
            self._by_node = defaultdict(set)
            for unit, path in self.paths.items():
                for n in path:
                    self._by_node[n].add(unit)
        return [(u, self.paths[u]) for u in self._by_node.get(node, ())]

    async def repath(self, unit: UUID, new: list[UUID]) -> None:
        """Move the unit's leaf facts from the nodes it left to the nodes it joined."""
        old = self.paths[unit]
        if old == new:
            return
        stored = self.stored(unit)
        if stored:  # its pending facts go out along the old path first
            await self.flush()
        self.paths[unit] = new
        self.dirty_units.add(unit)
        if self._by_node is not None:
            for n in old:
                self._by_node[n].discard(unit)
            for n in new:
                self._by_node[n].add(unit)
        was, now = counted_at(unit, old), counted_at(unit, new)
        left, joined = [n for n in was if n not in now], [n for n in now if n not in was]
        if not left and not joined:
            return
        if stored:  # all its facts are in the tables: move them there
            await self.store.move_leaves(self.conn, self.tenant, unit, left, joined)
            return
        # Not stored: its facts are all in self.leaf and will be spread along the new path.
        for plan, metrics in self.leaf.get(unit, {}).items():
            self.left_nodes.update((plan, n, m) for n in left for m in metrics)

    async def timeline_after(self, change: UnitChange) -> OrgTimeline:
        """The tenant's org timeline with `change` (just appended) in it: loaded once per
        batch, after writing what the batch changed, then kept current."""
        timeline = self._timeline
        if timeline is not None and (change.change is ChangeType.CREATED or change.unit_id in timeline):
            timeline.add(change)
            return timeline
        await self.flush()
        self._timeline = OrgTimeline(from_json(unit, c) for unit, changes in
                                     await self.store.load_changes(self.conn, self.tenant) for c in changes)
        return self._timeline

    def spanning(self, node: UUID) -> set[UUID]:
        """Units with a span at `node`: the units its change may move as of some day."""
        node_key = str(node)
        if self._by_span is None:
            self._by_span = defaultdict(set)
            for unit, spans in self.spans.items():
                for n, _, _ in spans:
                    self._by_span[n].add(unit)
        return set(self._by_span.get(node_key, ()))

    async def respan(self, timeline: OrgTimeline, units: Iterable[UUID],
                     in_scope: dict[UUID, tuple[list[Fact], list[Fact]]]) -> None:
        """Recompute the units' spans on `timeline`; move the stored dated facts of those
        whose spans changed (new spans' deltas less old ones'). Pending facts need nothing:
        the flush spreads them along the spans it finds. `in_scope`: by unit, its being in
        scope (nil-plan facts, not stored) now and before this change; a unit whose spans
        stay but whose being in scope changed (it ended) moves that too."""
        changed = {}
        for unit in units:
            new, old = spans_of(timeline, unit), self.spans.get(unit, ())
            now, before = in_scope.get(unit, ([], []))
            if new != old or now != before:
                changed[unit] = (old, new)
        if not changed:
            return
        stored = [u for u in changed if self.stored(u)]
        facts = await self.store.load_dated(self.conn, self.tenant, stored) if stored else {}
        for unit, (old, new) in changed.items():
            held = facts.get(unit, [])
            now, before = in_scope.get(unit, ([], []))
            for spans, scope, sign in ((new, now, 1), (old, before, -1)):
                for deltas in (node_deltas(dated_counted_at(unit, spans), held), node_deltas(spans, scope)):
                    for key, value in deltas.items():
                        self.dated_nodes[key] += sign * value
            self.spans[unit] = new
            self.dirty_units.add(unit)
            if self._by_span is not None:
                for n, _, _ in old:
                    self._by_span[n].discard(unit)
                for n, _, _ in new:
                    self._by_span[n].add(unit)

    # --- plans' phases -------------------------------------------------------------------------

    async def phases_of(self, plan: UUID) -> list[tuple[str, date, date]]:
        """The plan's phases (name, first day, last day), in its order; none if unknown."""
        if plan not in self._plan_phases:
            self._plan_phases[plan] = await self.store.load_plan_phases(self.conn, self.tenant, plan)
        return self._plan_phases[plan] or []

    def set_phases(self, plan: UUID, phases: list[tuple[str, date, date]]) -> None:
        self._plan_phases[plan] = phases
        self.dirty_plans.add(plan)

    # --- facts --------------------------------------------------------------------------------

    def add(self, plan: UUID, unit: UUID, deltas: dict[str, int], day: date | None = None) -> None:
        """Add the unit's facts for the plan; `day` they took effect, for reads as of a day
        (plan facts only: units in scope as of a day come from that day's tree)."""
        deltas = {m: v for m, v in deltas.items() if v}
        if not deltas:
            return
        if day is not None:
            figures = self.dated.setdefault(unit, {}).setdefault((plan, day), {})
            for metric, value in deltas.items():
                figures[metric] = figures.get(metric, 0) + value
        self.path(unit)
        facts = self.leaf.setdefault(unit, {}).setdefault(plan, {})
        for metric, value in deltas.items():
            facts[metric] = facts.get(metric, 0) + value

    async def leaf_values(self, plan: UUID, unit: UUID, metrics: Iterable[str]) -> dict[str, int]:
        metrics = list(metrics)
        stored = (await self.store.leaf_values(self.conn, self.tenant, plan, unit, metrics)
                  if self.stored(unit) else {})
        pending = self.leaf.get(unit, {}).get(plan, {})
        return {m: stored.get(m, 0) + pending.get(m, 0) for m in metrics}

    # --- writing ------------------------------------------------------------------------------

    async def flush(self) -> None:
        """Write everything changed so far; the tables then hold all the batch has seen."""
        s, conn, tenant = self.store, self.conn, self.tenant
        if self.dirty_units:
            await s.write_units(conn, tenant, [(u, self.paths[u], self.spans.get(u, ()), self.new_changes.get(u, []))
                                               for u in self.dirty_units])
        if self.dirty_plans:
            await s.write_plan_phases(conn, tenant, {p: self._plan_phases[p] or [] for p in self.dirty_plans})
        if registrations := self.registrations.take_changed():
            await s.write_registrations(conn, tenant, registrations)
        if nominations := self.nominations.take_changed():
            await s.write_nominations(conn, tenant, nominations)
        if self.dated:
            await s.add_dated(conn, tenant, [(p, u, d, figures) for u, by_day in self.dated.items()
                                             for (p, d), figures in by_day.items()])
            self._spread_dated()
        if self.dated_nodes:
            await s.add_counters_dated(conn, tenant, [(p, n, m, d, v) for (p, n, m, d), v in self.dated_nodes.items()])
        if self.leaf:
            leaf, counters = self._spread()
            await s.add(conn, tenant, "rollup_leaf", leaf)
            await s.add(conn, tenant, "rollup_counters", counters)
        self._reset()

    def _spread_dated(self) -> None:
        """The batch's dated facts (plan facts) added at their units' spans but their own:
        summed first per set of spans (the units under one parent share theirs), then spread."""
        by_spans: dict[tuple[Span, ...], dict[tuple[str, str, date], int]] = {}
        for unit, by_day in self.dated.items():
            spans = dated_counted_at(unit, self.spans.get(unit, ()))
            if not spans:
                continue
            sums = by_spans.setdefault(spans, {})
            for (plan, day), figures in by_day.items():
                plan_text = str(plan)  # hashed per metric below: a str caches its hash, a UUID does not
                for metric, value in figures.items():
                    key = (plan_text, metric, day)
                    sums[key] = sums.get(key, 0) + value
        for spans, sums in by_spans.items():
            facts = [(plan, metric, day, value) for (plan, metric, day), value in sums.items()]
            for key, value in node_deltas(spans, facts).items():
                self.dated_nodes[key] += value

    def _spread(self) -> tuple[list[Row], list[Row]]:
        """Leaf rows, and counter rows: each unit's facts added at every node it is counted at.

        Summed per (plan, node) as metric dicts: one UUID hash per node, not per metric
        (UUID hashing is Python code, and a batch adds tens of thousands of figures)."""
        leaf: list[Row] = []
        counters: dict[UUID, dict[UUID, dict[str, int]]] = {}
        for plan, node, metric in self.left_nodes:
            counters.setdefault(plan, {}).setdefault(node, {}).setdefault(metric, 0)
        for unit, plans in self.leaf.items():
            path = counted_at(unit, self.paths[unit])
            for plan, metrics in plans.items():
                leaf.extend((plan, unit, m, v) for m, v in metrics.items())
                by_node = counters.setdefault(plan, {})
                for node in path:
                    sums = by_node.get(node)
                    if sums is None:
                        by_node[node] = dict(metrics)
                        continue
                    for metric, value in metrics.items():
                        sums[metric] = sums.get(metric, 0) + value
        return leaf, [(plan, node, m, v) for plan, by_node in counters.items()
                      for node, sums in by_node.items() for m, v in sums.items()]
