"""Org unit commands: create, rename, move, merge, split, dissolve — each with an effective date.

Checks that need the whole tree (cycles, units left under an ending unit) and the caller's
reach (FORBIDDEN outside its subtree) run on the tenant's timeline loaded from the store, once
per command; the unit's own rules run in the OrgUnit aggregate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.organisation import OrgTimeline, OrgUnit
from infra.platform import Platform
from services.commands import load, run_command
from services.context import CommandContext, CommandResult
from services.scope import check_reach
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
    async def decide() -> OrgUnit:
        await _reach(platform, tenant, ctx, effective, parent_id)
        parent = await load(platform, tenant, parent_id, OrgUnit)
        return OrgUnit.create(tenant_id=tenant, kind=kind, name=name, parent=parent, effective=effective,
                              code=code, enterprise=enterprise, id=unit_id)
    return await run_command(platform, tenant, ctx, "create_unit", decide)


async def rename_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                      name: str, effective: date, expected_version: int | None = None) -> CommandResult:
    async def decide() -> OrgUnit:
        await _reach(platform, tenant, ctx, effective, unit_id)
        unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
        unit.rename(name, effective)
        return unit
    return await run_command(platform, tenant, ctx, "rename_unit", decide)


async def move_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                    parent_id: UUID, effective: date, expected_version: int | None = None) -> CommandResult:
    async def decide() -> OrgUnit:
        timeline = await _reach(platform, tenant, ctx, effective, unit_id, parent_id)
        unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
        parent = await load(platform, tenant, parent_id, OrgUnit)
        unit.move(parent, effective)
        timeline.check_move(unit_id, parent_id, effective)
        return unit
    return await run_command(platform, tenant, ctx, "move_unit", decide)


async def merge_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                     successor_id: UUID, effective: date,
                     expected_version: int | None = None) -> CommandResult:
    """`unit_id` ends on `effective`; its history is carried by the successor "as now"."""
    async def decide() -> OrgUnit:
        timeline = await _reach(platform, tenant, ctx, effective, unit_id, successor_id)
        unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
        successor = await load(platform, tenant, successor_id, OrgUnit)
        unit.merge_into(successor, effective)
        timeline.check_merge(unit_id, successor_id, effective)
        return unit
    return await run_command(platform, tenant, ctx, "merge_unit", decide)


async def split_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                     into: list[NewUnit], effective: date,
                     expected_version: int | None = None) -> CommandResult:
    """Create the new units and end `unit_id` in one transaction; the first listed inherits.

    The result's `created` holds the new units' ids in the order given.
    """
    created: list[OrgUnit] = []

    async def decide() -> tuple[OrgUnit, ...]:
        named_parents = [n.parent_id for n in into if n.parent_id is not None]
        timeline = await _reach(platform, tenant, ctx, effective, unit_id, *named_parents)
        unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
        timeline.check_end(unit_id, effective)
        default_parent = timeline.parent_as_of(unit_id, effective)
        parents = {uid: await load(platform, tenant, uid, OrgUnit)
                   for uid in {n.parent_id or default_parent for n in into}}
        created[:] = [OrgUnit.create(tenant_id=tenant, kind=n.kind, name=n.name, effective=effective,
                                     parent=parents[n.parent_id or default_parent], code=n.code,
                                     enterprise=n.enterprise, id=n.id) for n in into]
        unit.split([c.id for c in created], effective)
        return unit, *created
    result = await run_command(platform, tenant, ctx, "split_unit", decide)
    return CommandResult(result.id, result.version, result.position, result.replayed,
                         tuple(c.id for c in created))


async def dissolve_unit(platform: Platform, tenant: str, ctx: CommandContext, unit_id: UUID, *,
                        effective: date, expected_version: int | None = None) -> CommandResult:
    async def decide() -> OrgUnit:
        timeline = await _reach(platform, tenant, ctx, effective, unit_id)
        unit = await load(platform, tenant, unit_id, OrgUnit, expected_version)
        unit.dissolve(effective)
        timeline.check_end(unit_id, effective)
        return unit
    return await run_command(platform, tenant, ctx, "dissolve_unit", decide)


async def _reach(platform: Platform, tenant: str, ctx: CommandContext, effective: date,
                 *unit_ids: UUID) -> OrgTimeline:
    """The tenant's timeline, once the caller's subtree holds every unit named on `effective`."""
    timeline = await load_timeline(platform, tenant)
    await check_reach(platform, tenant, ctx, *unit_ids, day=effective, timeline=timeline)
    return timeline
