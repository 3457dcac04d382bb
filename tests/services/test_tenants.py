"""Provisioning: the registry lists a tenant; its root sits under the national body."""

from __future__ import annotations

from uuid import uuid4

import pytest

from domain.errors import BadInput, DomainError
from domain.organisation import OrgUnit
from infra.errors import InvalidTenantError
from services.tenants import provision_tenant
from tenants.ids import root_unit_id
from tenants.org_reader import load_timeline
from tenants.registry import find_tenant, list_tenants

from .conftest import CTX, FOUNDED


async def test_provisioned_tenant_is_listed_with_its_root_under_the_national_body(platform, tenant_id, national):
    info = await provision_tenant(platform, CTX, tenant_id=tenant_id, name="Công đoàn Giáo dục Việt Nam",
                                  kind="sector_union", effective=FOUNDED, national_tenant=national)
    assert tenant_id in [t.tenant_id for t in await list_tenants(platform.db)]
    assert (await find_tenant(platform.db, tenant_id)).kind == "sector_union"
    root = await platform.repository.get(tenant_id, info.root_unit_id)
    assert isinstance(root, OrgUnit) and root.parent_id == root_unit_id(national)
    timeline = await load_timeline(platform, tenant_id)
    assert timeline.roots() == [info.root_unit_id]  # the national body lives in another tenant


async def test_second_provisioning_of_the_same_id_is_refused(platform, tenant_id, national):
    args = dict(tenant_id=tenant_id, name="LĐLĐ tỉnh Bình Phước", kind="province_federation",
                effective=FOUNDED, national_tenant=national)
    await provision_tenant(platform, CTX, **args)
    with pytest.raises(DomainError) as err:
        await provision_tenant(platform, CTX, **{**args, "name": "Another"})
    assert err.value.code == "DUPLICATE" and tenant_id in err.value.message
    assert (await find_tenant(platform.db, tenant_id)).name == "LĐLĐ tỉnh Bình Phước"


async def test_racing_provisionings_of_one_id_leave_one_tenant(platform, tenant_id, national):
    import asyncio
    args = dict(tenant_id=tenant_id, name="Sở LĐTBXH Bình Phước", kind="department",
                effective=FOUNDED, national_tenant=national)
    results = await asyncio.gather(*(provision_tenant(platform, CTX, **args) for _ in range(4)),
                                   return_exceptions=True)
    assert sum(not isinstance(r, Exception) for r in results) == 1
    assert all(r.code == "DUPLICATE" for r in results if isinstance(r, DomainError))


async def test_unknown_tenant_kind_and_bad_id_are_bad_input(platform, national):
    with pytest.raises(BadInput):
        await provision_tenant(platform, CTX, tenant_id=f"t-{uuid4().hex[:8]}", name="X", kind="platform",
                               effective=FOUNDED, national_tenant=national)
    with pytest.raises(InvalidTenantError):
        await provision_tenant(platform, CTX, tenant_id="Bad Id!", name="X", kind="department",
                               effective=FOUNDED, national_tenant=national)


async def test_provisioning_needs_the_platform_tenant(platform, tenant_id):
    with pytest.raises(BadInput) as err:
        await provision_tenant(platform, CTX, tenant_id=tenant_id, name="X", kind="department",
                               effective=FOUNDED, national_tenant=f"n-{uuid4().hex[:8]}")
    assert err.value.rule == "tenants.national_body"
