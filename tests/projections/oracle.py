"""The naive figure: replay the whole event log in plain Python, attribute each unit's facts
through the domain's OrgTimeline (path_now, or path on day D), and sum per node."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from uuid import UUID

from domain.organisation import OrgTimeline
from infra.platform import Platform
from infra.serialization import create_transcoder
from projections.engine.event import Event
from projections.read_models.org_changes import change_from
from tests.log import read_log

_T = create_transcoder()
METRICS = ("units_in_scope", "units_registered", "registrations", "registrations_late",
           "targets_registered", "targets_met", "reports_on_time", "reports_late", "members_supported",
           "funds_mobilised", "initiatives", "models_by_type", "nominations_by_state", "awards_by_form")


async def naive_rollups(platform: Platform, tenants: list[str], plans: set[tuple[str, UUID]],
                        as_of: date | None = None) -> dict[UUID, dict]:
    totals: dict[UUID, dict] = defaultdict(lambda: defaultdict(int))
    for tenant in tenants:
        events = [Event(r.tenant_id, r.position, r.stream_id, r.version, r.topic, r.recorded_at,
                        _T.decode(r.body.encode())) for r in await read_log(platform, tenant, limit=10**9)]
        timeline = OrgTimeline(change_from(e) for e in events if ":OrgUnit." in e.topic)
        facts = _facts(tenant, events, plans)
        for u, metrics in facts.items():
            for node in _path(timeline, u, as_of):
                for k, v in metrics.items():
                    totals[node][k] += v
        for u in timeline.tree_as_of(date.max if as_of is None else as_of):
            h = timeline.history(u)
            if h.kind.level == 3 and (as_of is not None or h.ended_on is None):
                for node in _path(timeline, u, as_of):
                    totals[node]["units_in_scope"] += 1
        if as_of is None:  # ended units are absent from tree_as_of(max) but still count nowhere
            pass
    return totals


def _path(timeline: OrgTimeline, u: UUID, as_of: date | None) -> list[UUID]:
    if as_of is None:
        return timeline.path_now(u)
    if u not in timeline or not timeline.is_active(u, as_of):
        return []
    return timeline.path(u, as_of)


def _facts(tenant: str, events: list[Event], plans: set[tuple[str, UUID]]) -> dict[UUID, dict]:
    regs, noms, facts = {}, {}, defaultdict(lambda: defaultdict(int))
    registered: set[tuple[UUID, UUID]] = set()
    for e in events:
        d, kind = e.data, e.topic.rsplit(".", 1)[-1]
        if kind == "UnitRegistered" and (tenant, d["plan_id"]) in plans:
            regs[e.stream_id] = (d, {})
            f = facts[d["unit_id"]]
            f["units_registered"] += (d["plan_id"], d["unit_id"]) not in registered
            registered.add((d["plan_id"], d["unit_id"]))
            f["registrations"] += 1
            f["registrations_late"] += d["late"]
            f["targets_registered"] += len(d["targets"])
        elif kind == "TargetResultRecorded" and e.stream_id in regs:
            regs[e.stream_id][1][d["indicator"]] = Decimal(str(d["achieved"]))
        elif kind == "ReportSubmitted" and (tenant, d["plan_id"]) in plans:
            f = facts[d["unit_id"]]
            f["reports_late" if d["late"] else "reports_on_time"] += 1
            f["members_supported"] += d["members_supported"]
            f["funds_mobilised"] += d["funds_mobilised"]
            f["initiatives"] += d["initiatives"]
            for model, n in d["models_started"].items():
                f[f"models:{model}"] += n
        elif kind == "NominationDrafted" and (tenant, d["plan_id"]) in plans:
            noms[e.stream_id] = [d, "drafted"]
        elif e.stream_id in noms and kind != "DocumentAttached":
            noms[e.stream_id][1] = _STATE[kind]
    for d, results in regs.values():
        facts[d["unit_id"]]["targets_met"] += sum(
            1 for t in d["targets"] if t["indicator"] in results and results[t["indicator"]] >= Decimal(str(t["amount"])))
    for d, state in noms.values():
        facts[d["nominee_id"]][f"nominations:{state}"] += 1
        if state == "decided":
            facts[d["nominee_id"]][f"awards:{d['award_form']}"] += 1
    return facts


_STATE = {"NominationSubmitted": "submitted", "NominationResubmitted": "submitted",
          "NominationReturned": "returned", "NominationReceived": "received",
          "NominationAppraised": "appraised", "CouncilVoted": "voted", "NominationForwarded": "forwarded",
          "AwardDecided": "decided", "NominationRejected": "rejected", "AwardRevoked": "revoked"}


def comparable(metrics: dict) -> dict:
    """The projection's structured metrics in the oracle's flat form, zeros dropped."""
    flat = {}
    for key in METRICS:
        value = metrics.get(key, 0)
        if isinstance(value, dict):
            prefix = {"models_by_type": "models", "nominations_by_state": "nominations",
                      "awards_by_form": "awards"}[key]
            flat |= {f"{prefix}:{k}": v for k, v in value.items() if v}
        elif value:
            flat[key] = value
    return flat


def oracle_flat(totals: dict) -> dict:
    return {k: v for k, v in totals.items() if v}
