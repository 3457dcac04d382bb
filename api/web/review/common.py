"""What the review pages share: the reader's subtree, unit names, plan lookups, the wait
after a command, and reading typed values out of a form (a malformed value is BAD_INPUT
naming its field, in Vietnamese, before any service runs)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any
from uuid import UUID

from litestar.datastructures import FormMultiDict, State
from litestar.response import Redirect

from api.auth.policy import Access, scope_tenant
from domain.errors import BadInput
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


# --- typed values from a form ------------------------------------------------------------

def bad(field: str, english: str, vietnamese: str) -> BadInput:
    return BadInput(english, rule=f"form.{field}", message_vi=vietnamese)


def text(form: FormMultiDict, name: str) -> str:
    return (form.get(name) or "").strip()


def day(value: str, field: str, *, required: bool = True) -> date | None:
    value = (value or "").strip()
    if not value:
        if required:
            raise bad(field, f"{field}: a date is required", "Cần nhập ngày")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad(field, f"{field}: not a date (yyyy-mm-dd)", "Ngày không hợp lệ") from None


def whole(value: str, field: str, *, required: bool = True, default: int | None = None) -> int | None:
    value = (value or "").strip()
    if not value:
        if required:
            raise bad(field, f"{field}: a number is required", "Cần nhập một số")
        return default
    try:
        return int(value)
    except ValueError:
        raise bad(field, f"{field}: not a whole number", "Phải là số nguyên") from None


def decimal(value: str, field: str) -> Decimal | None:
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise bad(field, f"{field}: not a number", "Phải là một số") from None


def uuid(value: str, field: str, *, required: bool = True) -> UUID | None:
    value = (value or "").strip()
    if not value:
        if required:
            raise bad(field, f"{field}: choose one", "Cần chọn một mục")
        return None
    try:
        return UUID(value)
    except ValueError:
        raise bad(field, f"{field}: not an id", "Mã không hợp lệ") from None


def lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def rows(form: FormMultiDict, prefix: str, names: tuple[str, ...]) -> list[dict[str, str]]:
    """Repeated inputs `prefix_name` (one per row, in order) as row dicts; blank rows dropped."""
    columns = {name: form.getall(f"{prefix}_{name}", []) for name in names}
    count = max((len(values) for values in columns.values()), default=0)
    out = []
    for i in range(count):
        row = {name: (values[i] if i < len(values) else "").strip() for name, values in columns.items()}
        if any(row.values()):
            out.append(row)
    return out
