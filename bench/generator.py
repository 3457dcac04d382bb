"""Deterministic, seeded national-shaped data, written through the store as domain events.

`await generate(platform, scale, prefix)` writes the national tenant (national body and
national plan) and then the 49 member tenants concurrently: each its root unit, its plan
implementing the national plan, its upper-level unions and their grassroots units with
registrations, progress reports, results, and a few nominations decided on quota.
Structure, ids and figures follow from the seed; only the events' own timestamps differ.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID, uuid5

from bench.national import Scale, TenantShape, national_tenant, shape
from bench.national_plan import launched_plan, reporting_days
from bench.stream_writer import StreamWriter
from bench.unit_events import ORG_NS, grassroots_life, nominate
from domain.organisation import OrgUnit
from domain.plan import Plan
from domain.quota import open_quota
from domain.rules import default_rulebook
from infra.platform import Platform
from infra.serialization import create_mapper
from services.context import CommandContext
from services.tenants import provision_platform, provision_tenant
from tenants.ids import root_unit_id

CONCURRENT_TENANTS = 16
FOUNDED = date(2020, 1, 1)
_CTX = CommandContext(actor="bench-generator")
_UPPER_KINDS = ("commune_union", "commune_union", "commune_union", "industrial_zone_union")


@dataclass
class Generated:
    scale: Scale
    national_tenant: str
    national_plan_id: UUID
    national_unit_id: UUID
    tenants: list[str]
    plan_ids: dict[str, UUID] = field(default_factory=dict)
    events: int = 0
    seconds: float = 0.0


async def generate(platform: Platform, scale: Scale, prefix: str = "") -> Generated:
    started = time.perf_counter()
    mapper = create_mapper()
    shapes = shape(scale, prefix)
    national = national_tenant(prefix)
    await provision_platform(platform, _CTX, effective=FOUNDED, tenant_id=national)
    body = await platform.repository.get(national, root_unit_id(national))
    plan = launched_plan(national, uuid5(ORG_NS, f"{national}/plan"), body.id, "130/KH-TLĐ")
    writer = StreamWriter(platform.store, national, mapper)
    await writer.add(plan)
    await writer.flush()
    result = Generated(scale, national, plan.id, body.id, [s.tenant_id for s in shapes],
                       events=writer.events + 1)
    gate = asyncio.Semaphore(CONCURRENT_TENANTS)

    async def one(tenant: TenantShape) -> None:
        async with gate:
            plan_id, events = await _tenant(platform, scale, tenant, body, plan, mapper)
            result.plan_ids[tenant.tenant_id] = plan_id
            result.events += events

    await asyncio.gather(*(one(t) for t in shapes))
    result.seconds = time.perf_counter() - started
    return result


async def _tenant(platform: Platform, scale: Scale, tenant: TenantShape, body: OrgUnit,
                  national_plan: Plan, mapper) -> tuple[UUID, int]:
    rng = random.Random(f"{scale.seed}/{tenant.tenant_id}")
    rulebook = default_rulebook()
    t = tenant.tenant_id
    # Provisioned as the product does it: registry row, root unit under the national body.
    await provision_tenant(platform, _CTX, tenant_id=t, name=tenant.name, kind=tenant.kind,
                           effective=FOUNDED, national_tenant=body.tenant_id)
    root = await platform.repository.get(t, root_unit_id(t))
    plan = launched_plan(t, uuid5(ORG_NS, f"{t}/plan"), root.id, f"{t.upper()}/KH", parent=national_plan)
    days = reporting_days(plan, scale.report_days)
    writer = StreamWriter(platform.store, t, mapper)
    await writer.add(plan)
    decisions = 0
    for j, size in enumerate(tenant.grassroots_per_upper):
        upper = OrgUnit.create(tenant_id=t, kind=_UPPER_KINDS[j % 4], name=f"Công đoàn cấp trên {t}-{j:04d}",
                               parent=root, effective=FOUNDED, id=uuid5(ORG_NS, f"{t}/upper/{j}"))
        quota = open_quota(plan, "de_nghi_bang_khen", upper.id, registered_collectives=size)
        await writer.add(upper)
        for i in range(size):
            nominated = i < scale.nominations_per_upper
            unit, registration, reports = grassroots_life(rng, plan, upper, f"{t}-{j:04d}-{i:04d}", days,
                                                          exceed=nominated or rng.random() < 0.3)
            await writer.add(unit, registration, *reports)
            if nominated:
                decisions += 1
                await writer.add(nominate(plan, rulebook, unit, registration, quota, upper, decisions))
        await writer.add(quota)
    await writer.flush()
    return plan.id, writer.events + 1
