"""Fixtures: a fresh platform tenant (national body) and a provisioned tenant per test,
with a small org tree: province federation → district federation → grassroots unions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID, uuid4

import pytest

from domain.ids import quota_id
from domain.nomination import Nomination
from domain.plan import Plan
from domain.quota import AwardQuota
from infra.platform import Platform
from services import plans
from services.commands import load
from services.context import CommandContext
from services.org_units import create_unit
from services.tenants import provision_platform, provision_tenant
from tenants.ids import root_unit_id

CTX = CommandContext(actor="officer@test")
FOUNDED = date(2000, 1, 1)


@pytest.fixture
async def national(platform: Platform) -> str:
    tenant = f"n-{uuid4().hex[:12]}"
    await provision_platform(platform, CTX, effective=FOUNDED, tenant_id=tenant)
    return tenant


@dataclass
class Org:
    tenant: str
    root: UUID
    district: UUID
    unions: list[UUID] = field(default_factory=list)
    enterprise: list[UUID] = field(default_factory=list)
    other_district: UUID | None = None


async def build_org(platform: Platform, tenant: str, national: str, n_unions: int = 3) -> Org:
    await provision_tenant(platform, CTX, tenant_id=tenant, name="Liên đoàn Lao động tỉnh Tây Ninh",
                           kind="province_federation", effective=FOUNDED, national_tenant=national)
    root = root_unit_id(tenant)
    district = (await create_unit(platform, tenant, CTX, kind="district_federation",
                                  name="LĐLĐ huyện Châu Thành", parent_id=root, effective=FOUNDED)).id
    other = (await create_unit(platform, tenant, CTX, kind="district_federation",
                               name="LĐLĐ huyện Gò Dầu", parent_id=root, effective=FOUNDED)).id
    org = Org(tenant, root, district, other_district=other)
    for n in range(n_unions):
        enterprise = n % 2 == 0
        uid = (await create_unit(platform, tenant, CTX, kind="grassroots_union", name=f"CĐCS Công ty {n}",
                                 parent_id=district, effective=FOUNDED, enterprise=enterprise)).id
        org.unions.append(uid)
        if enterprise:
            org.enterprise.append(uid)
    return org


@pytest.fixture
async def org(platform: Platform, tenant_id: str, national: str) -> Org:
    return await build_org(platform, tenant_id, national)


async def launched_plan(platform: Platform, tenant: str, seed, issuing_unit_id: UUID, on: date,
                        **overrides) -> UUID:
    """Draft, issue and launch a seed plan through the services."""
    args = {**seed.draft_args(tenant, issuing_unit_id), **overrides}
    args.pop("issuing_unit_id")
    plan_id = (await plans.draft_plan(platform, tenant, CTX, issuing_unit_id=issuing_unit_id, **args)).id
    issue = {**seed.ISSUE, "issued_on": seed.ISSUE["issued_on"] or on}
    await plans.issue_plan(platform, tenant, CTX, plan_id, **issue)
    await plans.launch_plan(platform, tenant, CTX, plan_id, on=on)
    return plan_id


async def load_plan(platform: Platform, tenant: str, plan_id: UUID) -> Plan:
    return await load(platform, tenant, plan_id, Plan)


async def load_nomination(platform: Platform, tenant: str, nomination_id: UUID) -> Nomination:
    return await load(platform, tenant, nomination_id, Nomination)


async def load_quota(platform: Platform, tenant: str, *, plan_id: UUID, pool: str,
                     nominating_unit_id: UUID) -> AwardQuota:
    return await load(platform, tenant, quota_id(tenant, plan_id, pool, nominating_unit_id), AwardQuota)
