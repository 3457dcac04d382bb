"""The naive figure: read each tenant's log from an auditor's export, replay it in plain
Python, attribute each unit's facts through the domain's OrgTimeline (path_now, or path on
day D, counting only facts effective by D), and sum per node."""

from __future__ import annotations

import io
import json
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from uuid import UUID

from audit.export import export_tenant
from domain.organisation import OrgTimeline
from infra.database import Database
from infra.serialization import create_transcoder
from projections.engine.event import Event
from projections.read_models.org_changes import change_from

_T = create_transcoder()
METRICS = ("units_in_scope", "units_registered", "registrations", "registrations_late",
           "targets_registered", "targets_met", "reports_on_time", "reports_late", "members_supported",
           "funds_mobilised", "initiatives", "models_by_type", "nominations_by_state", "awards_by_form",
           "registrations_by_phase")


async def exported_events(db: Database, tenant: str) -> list[Event]:
    """The tenant's log as an auditor's export file carries it (audit/export.py), decoded."""
    out = io.StringIO()
    await export_tenant(db, tenant, out, auditor="oracle")
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    return [Event(x["tenant_id"], x["position"], UUID(x["stream_id"]), x["version"], x["topic"],
                  datetime.fromisoformat(x["recorded_at"]), _T.decode(json.dumps(x["body"]).encode()))
            for x in lines if x["kind"] == "event"]


async def naive_rollups(db: Database, tenants: list[str], plans: set[tuple[str, UUID]],
                        as_of: date | None = None) -> dict[UUID, dict]:
    """Per node, every figure the rollup over `plans` should answer, now or as of a day."""
    totals: dict[UUID, dict] = defaultdict(lambda: defaultdict(int))
    plan_tenants = {t for t, _ in plans}
    for tenant in tenants:
        events = await exported_events(db, tenant)
        timeline = OrgTimeline(change_from(e) for e in events if ":OrgUnit." in e.topic)
        facts = _facts(tenant, events, plans, as_of)
        for u, metrics in facts.items():
            for node in _path(timeline, u, as_of):
                for k, v in metrics.items():
                    totals[node][k] += v
        if tenant not in plan_tenants:  # no plan of the campaign: its units are not in scope
            continue
        for u in timeline.tree_as_of(date.max if as_of is None else as_of):
            h = timeline.history(u)
            if h.kind.level == 3 and (as_of is not None or h.ended_on is None):
                for node in _path(timeline, u, as_of):
                    totals[node]["units_in_scope"] += 1
    return totals


_VIETNAM = timezone(timedelta(hours=7))


def _day(e: Event) -> date:
    """The day the event's fact took effect: the date it names, else its recording day in Vietnam."""
    for name in ("decided_on", "on", "registered_on", "submitted_on"):
        if isinstance(e.data.get(name), date):
            return e.data[name]
    return e.recorded_at.astimezone(_VIETNAM).date()


def _path(timeline: OrgTimeline, u: UUID, as_of: date | None) -> list[UUID]:
    if as_of is None:
        return timeline.path_now(u)
    return timeline.path_on(u, as_of) if u in timeline else []


def _facts(tenant: str, events: list[Event], plans: set[tuple[str, UUID]],
           as_of: date | None) -> dict[UUID, dict]:
    """Each unit's facts for the plans, counting only events effective on or before `as_of`;
    a unit counts as registered once, for whichever plans of the campaign it registered."""
    regs, noms, facts = {}, {}, defaultdict(lambda: defaultdict(int))
    registered: set[UUID] = set()
    for e in events:
        d, kind = e.data, e.topic.rsplit(".", 1)[-1]
        if as_of is not None and _day(e) > as_of:
            continue
        if kind == "UnitRegistered" and (tenant, d["plan_id"]) in plans:
            regs[e.stream_id] = (d, {})
            f = facts[d["unit_id"]]
            f["units_registered"] += d["unit_id"] not in registered
            registered.add(d["unit_id"])
            f["registrations"] += 1
            f["registrations_late"] += d["late"]
            f["targets_registered"] += len(d["targets"])
            f[f"phases:{d['phase']}"] += 1
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
        elif kind in _STATE and e.stream_id in noms:
            noms[e.stream_id][1] = _STATE[kind]
        elif kind in _STATE and as_of is not None:
            # A step dated before its draft was recorded: as of that day the nomination is in
            # the step's state (the draft, recorded later, has not happened yet).
            draft = next((x for x in events if x.stream_id == e.stream_id and x.topic.endswith(".NominationDrafted")), None)
            if draft is not None and (tenant, draft.data["plan_id"]) in plans:
                noms[e.stream_id] = [draft.data, _STATE[kind]]
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
                      "awards_by_form": "awards", "registrations_by_phase": "phases"}[key]
            flat |= {f"{prefix}:{k}": v for k, v in value.items() if v}
        elif value:
            flat[key] = value
    return flat


def oracle_flat(totals: dict) -> dict:
    return {k: v for k, v in totals.items() if v}
