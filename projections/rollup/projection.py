"""rollups: counters per (tenant, plan, org node, metric) at every ancestor level, "as now".

Facts are kept per (plan, unit) in rollup_leaf and added along the unit's attribution path
(domain Succession.path_now: a merged unit's history counts in its successor). Org changes
recompute the path of every unit whose path contains the changed unit, and move their leaves.
A fact's unit: the registering / reporting unit; a nomination's is the nominee for a
collective, else the proposing unit. Handlers change a RollupBatch in memory; its writes go
out at the end of the batch, a few set-based statements in the batch's transaction.

The tenant's tree (paths, timeline) is kept from one batch to the next in this instance,
trusted only when the batch starts exactly where this process's last batch moved the
checkpoint; anything else (another runner, a rebuild, a failed or rolled-back batch)
reloads it. Loading it whole each batch cost O(tenant units) per batch.
"""

from __future__ import annotations

from datetime import date, timedelta, timezone
from typing import Any

import asyncpg
from eventsourcing.utils import get_topic

from domain.nomination import Nomination
from domain.organisation import ChangeType, OrgTimeline
from domain.plan import Plan
from domain.registration import Registration
from domain.report import ProgressReport
from projections.engine.base import Projection, handles
from projections.engine.event import Event
from projections.read_models.nominations import STEP_EVENTS, state_after
from projections.read_models.org_changes import ORG_EVENTS, change_from, to_json
from projections.rollup.batch import Known, RollupBatch
from projections.rollup.store import NIL_PLAN, RollupStore

PHASE = "\x1f"
"""Between a counter's metric and the phase its fact belongs to ("registrations\x1fĐợt 1"): a
fact is counted once, under its phase; totals sum over the phases (reads.derive), a phase
reads its own. Phase-independent keys carry none: units, units_enterprise, units_registered
(first registration for a plan), campaign_units:<plans> (per root campaign), phases:<name>.
A report's phase is the first phase of its plan whose days hold its reporting day ("" if none)."""
CAMPAIGN_UNITS = "campaign_units:"
"""A unit's first registration for a plan, keyed by the plans it held before: a rollup over a
cascade counts it only if none of those is in the cascade, so a unit counts once per root
campaign whichever plans of it the unit registered for (reads.derive)."""
GRASSROOTS_LEVEL = 3  # grassroots unions and a department's divisions: the collectives in scope
_REGISTERED = get_topic(Registration.UnitRegistered)


VIETNAM = timezone(timedelta(hours=7))


def effective_day(e: Event) -> date:
    """The day a fact took effect, for reads as of a day: the date the event names (decided,
    step taken, registered, report submitted, result recorded), else the day it was recorded
    in Vietnam (a nomination's draft)."""
    d = e.domain_event
    for name in ("decided_on", "on", "registered_on", "submitted_on"):
        value = getattr(d, name, None)
        if isinstance(value, date):
            return value
    return e.recorded_at.astimezone(VIETNAM).date()


def _in_scope_facts(timeline: OrgTimeline, unit: Any, end: date | None) -> list:
    """A grassroots unit is in scope on every day it is active: a `units` (and
    `units_enterprise`) fact dated before any day, taken away on the day it ended (`end`)."""
    h = timeline.history(unit)
    if h.kind.level != GRASSROOTS_LEVEL:
        return []
    metrics = ("units", "units_enterprise") if h.enterprise else ("units",)
    ended = [(NIL_PLAN, metric, end, -1) for metric in metrics] if end is not None else []
    return [(NIL_PLAN, metric, date.min, 1) for metric in metrics] + ended


def campaign_units_key(earlier: frozenset) -> str:
    return CAMPAIGN_UNITS + ",".join(sorted(str(p) for p in earlier))


def in_phase(deltas: dict[str, int], phase: str) -> dict[str, int]:
    return {f"{metric}{PHASE}{phase}": value for metric, value in deltas.items()}


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _phases(data: list) -> list[tuple[str, date, date]]:
    return [(p["name"], _day(p["start"]), _day(p["end"])) for p in data]


class RollupsProjection(Projection):
    name = "rollups"
    tables = ("rollup_units", "rollup_leaf", "rollup_counters", "rollup_registrations",
              "rollup_nominations", "rollup_leaf_dated", "rollup_counters_dated", "rollup_counters_dated_keys",
              "rollup_plans")

    def __init__(self, suffix: str = "") -> None:
        super().__init__(suffix)
        self.store = RollupStore(self.t)
        self._kept: dict[str, tuple[int, Known]] = {}  # tenant -> (checkpoint it is valid at, tree)
        self._open: dict[str, RollupBatch] = {}  # tenant -> the batch being applied

    async def begin(self, conn: asyncpg.Connection, tenant_id: str, events: Any) -> RollupBatch:
        # Taken out, not copied: a batch that fails leaves nothing behind to trust.
        self._open.pop(tenant_id, None)
        known = await self._trusted(conn, tenant_id, self._kept.pop(tenant_id, None))
        registering = {e.domain_event.unit_id for e in events if e.topic == _REGISTERED}
        batch = await RollupBatch.open(conn, tenant_id, self.store, list({e.stream_id for e in events}),
                                       registering, known)
        self._open[tenant_id] = batch
        return batch

    async def _trusted(self, conn: asyncpg.Connection, tenant_id: str,
                       kept: tuple[int, Known] | None) -> Known | None:
        """The kept tree if the checkpoint (locked by this batch) is where we left it."""
        if kept is None:
            return None
        position = await conn.fetchval("SELECT position FROM projection_checkpoints"
                                       " WHERE tenant_id = $1 AND projection = $2", tenant_id, self.checkpoint_name)
        return kept[1] if position == kept[0] else None

    def advanced(self, tenant_id: str, position: int) -> None:
        # Only after finish (flushed): the tables hold exactly this tree once the batch commits.
        batch = self._open.pop(tenant_id, None)
        if batch is not None:
            self._kept[tenant_id] = (position, batch.known())

    async def finish(self, batch: RollupBatch) -> None:
        await batch.flush()

    # --- the org tree ---------------------------------------------------------------------

    @handles(*ORG_EVENTS)
    async def on_org_change(self, b: RollupBatch, e: Event) -> None:
        change = change_from(e)
        b.append_change(e.stream_id, to_json(change))
        if change.change is ChangeType.RENAMED:
            return
        timeline = await b.timeline_after(change)
        for unit, _ in b.containing(e.stream_id):
            await b.repath(unit, timeline.path_now(unit))
        if e.stream_id in timeline:
            await self._count_unit(b, e.stream_id, timeline)
        moved = b.spanning(e.stream_id) | {e.stream_id}
        # Being in scope, now and before this change (which may be the unit's own end).
        ended = e.stream_id if change.change.ends_unit else None
        await b.respan(timeline, moved, {
            u: (_in_scope_facts(timeline, u, timeline.history(u).ended_on),
                _in_scope_facts(timeline, u, None if u == ended else timeline.history(u).ended_on))
            for u in moved if u in timeline})

    async def _count_unit(self, b: RollupBatch, unit: Any, timeline: OrgTimeline) -> None:
        """Set the unit's `units` leaf to 1 while it is an active grassroots unit, else 0."""
        h = timeline.history(unit)
        active = int(h.kind.level == GRASSROOTS_LEVEL and h.ended_on is None)
        current = await b.leaf_values(NIL_PLAN, unit, ("units", "units_enterprise"))
        b.add(NIL_PLAN, unit, {"units": active - current["units"],
                               "units_enterprise": active * h.enterprise - current["units_enterprise"]})

    # --- registrations and reports ----------------------------------------------------------

    @handles(Plan.PlanDrafted, Plan.PlanAmended)
    async def on_plan_phases(self, b: RollupBatch, e: Event) -> None:
        phases = getattr(e.domain_event, "phases", None)
        if phases is not None:  # an amendment may leave them as they were
            b.set_phases(e.stream_id, _phases(phases))

    @handles(Registration.UnitRegistered)
    async def on_registered(self, b: RollupBatch, e: Event) -> None:
        r = e.domain_event
        earlier, earlier_in_phase = b.registrations.register(e.stream_id, r.plan_id, r.unit_id, r.phase, r.targets)
        deltas = in_phase({
            "registrations": 1, "registrations_late": int(r.late), "targets_registered": len(r.targets),
            "initiatives_registered": len(r.initiatives), "work_items_registered": len(r.work_items),
            campaign_units_key(earlier_in_phase): 1}, r.phase)
        deltas |= {"units_registered": int(earlier is not None), f"phases:{r.phase}": 1}
        if earlier is not None:
            deltas[campaign_units_key(earlier)] = 1
        b.add(r.plan_id, r.unit_id, deltas, effective_day(e))

    @handles(Registration.TargetResultRecorded)
    async def on_result(self, b: RollupBatch, e: Event) -> None:
        result = e.domain_event
        plan, unit, phase, more = b.registrations.record_result(e.stream_id, result.indicator, result.achieved)
        b.add(plan, unit, in_phase({"targets_met": more}, phase), effective_day(e))

    @handles(ProgressReport.ReportSubmitted)
    async def on_report(self, b: RollupBatch, e: Event) -> None:
        r = e.domain_event
        deltas = {"reports": 1, "reports_late": int(r.late), "reports_on_time": int(not r.late),
                  "members_supported": r.members_supported, "funds_mobilised": r.funds_mobilised,
                  "initiatives": r.initiatives, "work_items_completed": r.work_items_completed}
        deltas |= {f"models:{kind}": n for kind, n in r.models_started.items()}
        phase = next((name for name, first, last in await b.phases_of(r.plan_id) if first <= r.day <= last), "")
        b.add(r.plan_id, r.unit_id, in_phase(deltas, phase), effective_day(e))

    # --- nominations and awards -------------------------------------------------------------

    @handles(Nomination.NominationDrafted)
    async def on_nomination(self, b: RollupBatch, e: Event) -> None:
        n, day = e.domain_event, effective_day(e)
        unit = n.nominee_id if n.nominee_kind == "collective" else n.proposing_unit_id
        b.nominations.draft(e.stream_id, n.plan_id, unit, n.phase, n.award_form, day)
        b.add(n.plan_id, unit, in_phase({"nominations:drafted": 1}, n.phase), day)

    @handles(*STEP_EVENTS)
    async def on_nomination_step(self, b: RollupBatch, e: Event) -> None:
        state, day = state_after(e), effective_day(e)
        plan, unit, phase, award_form, left, left_on = b.nominations.move(e.stream_id, state, day)
        if left == state:
            return
        # Out of the state it left (on the day it left it), into the new one on the step's day.
        b.add(plan, unit, in_phase({f"nominations:{left}": -1}, phase), left_on)
        b.add(plan, unit, in_phase({f"nominations:{state}": 1}, phase), day)
        if state == "decided":
            b.add(plan, unit, in_phase({f"awards:{award_form}": 1}, phase), day)
        elif state == "revoked" and left == "decided":
            b.add(plan, unit, in_phase({f"awards:{award_form}": -1}, phase), left_on)
