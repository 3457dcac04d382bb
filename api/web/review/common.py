"""What the review pages share: the reader's subtree, unit names, plan lookups, the wait
after a command (typed form values: api/web/form_values.py)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from uuid import UUID

from litestar.datastructures import State
from litestar.response import Redirect

from api.auth.policy import Access, scope_tenant
from infra.errors import NotFoundError
from projections import queries
from projections.read_your_writes import wait_until_projected
from services.auth.principal import Principal
from services.context import CommandResult
from tenants.ids import root_unit_id

PAGE_SIZE = 25


def anchor(reader: Principal) -> UUID:
    """The top of the reader's subtree: its unit, or the tenant's root unit."""
    return reader.unit or root_unit_id(reader.tenant)


async def subtree(state: State, reader: Principal, as_of: date | None = None) -> list[dict[str, Any]]:
    tenant = scope_tenant(reader, Access.METADATA)
    return await queries.org_tree(state.platform.db, anchor(reader), as_of=as_of, tenant=tenant)


async def unit_names(state: State, reader: Principal) -> dict[UUID, str]:
    return {row["unit_id"]: row["name"] for row in await subtree(state, reader)}


async def tenant_plans(state: State, reader: Principal) -> list[dict[str, Any]]:
    """The tenant's plans issued by a unit of the reader's subtree, newest first."""
    tenant = scope_tenant(reader, Access.METADATA)
    mine = set(await unit_names(state, reader))
    rows = await queries.plans(state.platform.db, queries.PlanFilter(tenant=tenant), scope=tenant, limit=500)
    return [row for row in rows if row["issuing_unit_id"] in mine]


async def one_plan(state: State, reader: Principal, plan_id: UUID) -> dict[str, Any]:
    tenant = scope_tenant(reader, Access.METADATA)
    row = await queries.plan(state.platform.db, queries.PlanRef(tenant, plan_id), scope=tenant)
    if row is None:
        raise NotFoundError(f"plan {plan_id} not found")
    plan = row | {name: decoded(row[name]) for name in ("phases", "award_forms", "quota_rules")}
    return plan | {"phases": [_dated(phase) for phase in plan["phases"] or []]}


def _dated(phase: dict[str, Any]) -> dict[str, Any]:
    """A phase's days as dates (the column holds them as ISO text), so pages write them dd/mm/yyyy."""
    def as_day(value: Any) -> Any:
        return date.fromisoformat(value) if isinstance(value, str) and value else value
    deadlines = {key: {**phase[key], "on": as_day(phase[key]["on"])} if phase.get(key) else None
                 for key in ("registration_deadline", "dossier_deadline")}
    return phase | {"start": as_day(phase.get("start")), "end": as_day(phase.get("end"))} | deadlines


def decoded(value: Any) -> Any:
    """A jsonb column as the driver hands it (text) or already decoded."""
    return json.loads(value) if isinstance(value, (str, bytes)) else value


async def shown_after(state: State, reader: Principal, result: CommandResult, path: str) -> Redirect:
    """Wait until the read models hold the command, then show `path` (303: a reload does not post again)."""
    await wait_until_projected(state.platform.db, reader.tenant, result.position)
    return Redirect(path, status_code=303)
