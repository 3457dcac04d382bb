"""Org unit commands: create, rename, move, merge, split, dissolve — each with an effective date.

Checks that need the whole tree (cycles, units left under an ending unit) run on the
tenant's timeline loaded from the store; the unit's own rules run in the OrgUnit aggregate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.organisation import OrgUnit
from infra.platform import Platform
from services.context import CommandContext, CommandResult
from services.unit_of_work import load, replayed, save
from tenants.org_reader import load_timeline


@dataclass(frozen=True)
class NewUnit:
    """One unit a split creates; `parent_id` defaults to the split unit's parent that day."""

    kind: str
    name: str
    parent_id: UUID | None = None
    code: str | None = None
    enterprise: bool = False
    id: UUID | None = None


async def create_unit(platform: Platform, tenant: str, ctx: CommandContext, *, kind: str, name: str,
                      parent_id: UUID, effective: date, code: str | None = None,
                      enterprise: bool = False, unit_id: UUID | None = None) -> CommandResult:
    if (done := await replayed(platform, tenant, ctx)) is not None:
        return done
    parent = await load(platform, tenant, parent_id, OrgUnit)
    unit = OrgUnit.create(tenant_id=tenant, kind=kind, name=name, parent=parent, effective=effective,
                          code=code, enterprise=enterprise, id=unit_id)
    return await save(platform, tenant, ctx, "create_unit", unit)


async def rename_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                      name: str, effective: date, expected_version: int | None = None) -> CommandResult:
    if (done := await replayed(platform, tenant, ctx)) is not None:
        return done
    unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
    unit.rename(name, effective)
    return await save(platform, tenant, ctx, "rename_unit", unit)


async def move_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                    parent_id: UUID, effective: date, expected_version: int | None = None) -> CommandResult:
    if (done := await replayed(platform, tenant, ctx)) is not None:
        return done
    unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
    parent = await load(platform, tenant, parent_id, OrgUnit)
    unit.move(parent, effective)
    (await load_timeline(platform, tenant)).check_move(unit_id, parent_id, effective)
    return await save(platform, tenant, ctx, "move_unit", unit)


async def merge_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                     successor_id: UUID, effective: date,
                     expected_version: int | None = None) -> CommandResult:
    """`unit_id` ends on `effective`; its history is carried by the successor "as now"."""
    if (done := await replayed(platform, tenant, ctx)) is not None:
        return done
    unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
    successor = await load(platform, tenant, successor_id, OrgUnit)
    unit.merge_into(successor, effective)
    (await load_timeline(platform, tenant)).check_merge(unit_id, successor_id, effective)
    return await save(platform, tenant, ctx, "merge_unit", unit)


async def split_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                     into: list[NewUnit], effective: date,
                     expected_version: int | None = None) -> CommandResult:
    """Create the new units and end `unit_id` in one transaction; the first listed inherits.

    The result's `created` holds the new units' ids in the order given.
    """
    if (done := await replayed(platform, tenant, ctx)) is not None:
        return done
    unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
    timeline = await load_timeline(platform, tenant)
    timeline.check_end(unit_id, effective)
    default_parent = timeline.parent_as_of(unit_id, effective)
    parents = {uid: await load(platform, tenant, uid, OrgUnit)
               for uid in {n.parent_id or default_parent for n in into}}
    created = [OrgUnit.create(tenant_id=tenant, kind=n.kind, name=n.name, effective=effective,
                              parent=parents[n.parent_id or default_parent], code=n.code,
                              enterprise=n.enterprise, id=n.id) for n in into]
    unit.split([c.id for c in created], effective)
    result = await save(platform, tenant, ctx, "split_unit", unit, *created)
    return CommandResult(result.id, result.version, result.position, result.replayed,
                         tuple(c.id for c in created))


async def dissolve_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                        effective: date, expected_version: int | None = None) -> CommandResult:
    if (done := await replayed(platform, tenant, ctx)) is not None:
        return done
    unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
    unit.dissolve(effective)
    (await load_timeline(platform, tenant)).check_end(unit_id, effective)
    return await save(platform, tenant, ctx, "dissolve_unit", unit)
