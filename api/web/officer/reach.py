"""Which units an officer answers for and which plans they must answer, from the read models.

The units are the officer's own unit and everything below it (the whole tenant for an officer
without a unit). A plan is theirs to answer when it is running in the tenant and its issuing
unit is a proper ancestor of one of those units: the same "in scope" reading the services
apply (services/scope.in_scope), here only to choose what to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

from api.web.officer.days import day_of, from_json
from infra.database import Database
from projections.queries import PlanFilter, PlanRef, org_tree, plan, plans, unit
from services.auth.principal import Principal
from tenants.ids import root_unit_id

RUNNING = ("launched", "interim_review", "final_review")
MAX_UNITS = 500  # a province officer's whole tree is the review pages' business, not a to-do list
MAX_PLANS = 1000  # per read: a tenant-wide read keeps the most recently issued
MAX_ISSUER_READS = 24  # above this many possible issuers, one tenant-wide read is cheaper


@dataclass
class Units:
    """The reader's units by id (name, kind, parent) and each one's ancestors, nearest first."""

    by_id: dict[UUID, dict[str, Any]]
    ancestors: dict[UUID, list[UUID]] = field(default_factory=dict)
    above: dict[UUID, str] = field(default_factory=dict)
    """The names of the units above the reader's own (a plan's issuer is often one of them)."""

    def in_scope_of(self, issuer: UUID) -> list[UUID]:
        """The reader's units a plan issued by `issuer` covers (issuer a proper ancestor)."""
        return [u for u in self.by_id if issuer in self.ancestors[u]]

    def name(self, unit_id: UUID) -> str:
        row = self.by_id.get(unit_id)
        return row["name"] if row else self.above.get(unit_id, str(unit_id))


async def my_units(db: Database, reader: Principal) -> Units:
    top = reader.unit or root_unit_id(reader.tenant)
    rows = (await org_tree(db, top, tenant=reader.tenant))[:MAX_UNITS]
    above: list[UUID] = []
    names: dict[UUID, str] = {}
    parent = next((r["parent_id"] for r in rows if r["unit_id"] == top), None)
    while parent is not None and len(above) < 16:
        above.append(parent)
        row = await unit(db, parent, scope=reader.tenant)
        names[parent] = row["name"] if row else str(parent)
        parent = row["parent_id"] if row else None
    by_id = {r["unit_id"]: r for r in rows}
    ancestors: dict[UUID, list[UUID]] = {}
    for row in rows:  # org_tree lists parents before children
        up = row["parent_id"]
        ancestors[row["unit_id"]] = [up, *ancestors[up]] if up in ancestors else list(above)
    return Units(by_id, ancestors, names)


def plan_view(row: dict[str, Any]) -> dict[str, Any]:
    """A plan row with its jsonb decoded and its deadlines as dates."""
    phases = []
    for phase in from_json(row["phases"]) or []:
        phases.append({**phase, "start": day_of(phase.get("start")), "end": day_of(phase.get("end")),
                       "registration_deadline": _deadline(phase.get("registration_deadline")),
                       "dossier_deadline": _deadline(phase.get("dossier_deadline"))})
    return {**row, "phases": phases, "award_forms": from_json(row["award_forms"]) or [],
            "quota_rules": from_json(row["quota_rules"]) or [], "standards": list(row["standards"] or []),
            "start": row["period_start"] or row["launched_on"] or row["issued_on"],
            "end": row["period_end"] or row["end_condition_met_on"] or row["closed_on"]}


def _deadline(data: dict | None) -> dict | None:
    """{"on", "inclusive", "last_day"}: "chậm nhất ngày X" is X itself, "trước ngày X" the day before."""
    if not data:
        return None
    on = day_of(data["on"])
    last = on if data.get("inclusive", True) else date.fromordinal(on.toordinal() - 1)
    return {"on": on, "inclusive": data.get("inclusive", True), "last_day": last}


async def plans_to_answer(db: Database, reader: Principal, units: Units) -> list[dict[str, Any]]:
    """Running plans whose issuer is above one of the reader's units, most recently issued first.
    Only the units above and the reader's units with units below them can issue such a plan:
    a district officer reads its few possible issuers' plans, not the whole province's."""
    parents = {row["parent_id"] for row in units.by_id.values()}
    issuers = set(units.above) | {u for u in units.by_id if u in parents}
    if len(issuers) <= MAX_ISSUER_READS:
        rows = [r for issuer in issuers for r in await plans(db, PlanFilter(tenant=reader.tenant, issuer=issuer),
                                                             scope=reader.tenant, limit=MAX_PLANS)]
        rows.sort(key=lambda r: (r["issued_on"] or date.min, str(r["plan_id"])), reverse=True)
    else:
        rows = await plans(db, PlanFilter(tenant=reader.tenant), scope=reader.tenant, limit=MAX_PLANS)
    return [plan_view(r) for r in rows if r["status"] in RUNNING and units.in_scope_of(r["issuing_unit_id"])]


async def one_plan(db: Database, reader: Principal, plan_id: UUID) -> dict[str, Any] | None:
    row = await plan(db, PlanRef(reader.tenant, plan_id), scope=reader.tenant)
    return None if row is None else {**plan_view(row), "parent_links": row["parent_links"]}


def unit_options(units: Units, unit_ids: list[UUID]) -> list[tuple[str, str]]:
    """(value, label) pairs of a unit select, by name."""
    return sorted(((str(u), units.name(u)) for u in unit_ids), key=lambda option: option[1])
