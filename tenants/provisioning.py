"""A platform admin provisions the national body's tenant, then one tenant per province
federation, central sector union or department, each with its root unit under the national body.

The edges call these through services.tenants, which supplies the command's metadata."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from domain.errors import BadInput
from domain.organisation import OrgUnit, normalise_name
from infra.database import validate_tenant_id
from infra.errors import ConcurrencyError, NotFoundError
from infra.platform import Platform
from tenants import registry
from tenants.ids import NATIONAL_TENANT, root_unit_id

NATIONAL_BODY_NAME = "Tổng Liên đoàn Lao động Việt Nam"


Metadata = Mapping[str, Any]


async def provision_platform(platform: Platform, metadata: Metadata, *, effective: date,
                             name: str = NATIONAL_BODY_NAME, tenant_id: str = NATIONAL_TENANT,
                             idempotency_key: str | None = None) -> registry.TenantInfo:
    """The platform tenant with the national body as its root."""
    root = OrgUnit.create(tenant_id=tenant_id, kind="national_body", name=name, parent=None,
                          effective=effective, id=root_unit_id(tenant_id))
    return await _provision(platform, metadata, idempotency_key, tenant_id, "platform", root)


async def provision_tenant(platform: Platform, metadata: Metadata, *, tenant_id: str, name: str,
                           kind: str, effective: date, code: str | None = None,
                           national_tenant: str = NATIONAL_TENANT,
                           idempotency_key: str | None = None) -> registry.TenantInfo:
    """A tenant whose root unit (of the tenant's kind) sits under the national body.

    A second provisioning of the same id is refused with DUPLICATE.
    """
    validate_tenant_id(tenant_id)
    if kind not in registry.TENANT_KINDS or kind == "platform":
        raise BadInput(f"tenant kind must be one of province_federation, sector_union, department; got {kind!r}",
                       rule="tenants.kind",
                       message_vi="Loại đơn vị phải là LĐLĐ tỉnh, công đoàn ngành hoặc sở, ngành")
    national = await _root(platform, national_tenant)
    if national is None:
        raise BadInput(f"the platform tenant {national_tenant!r} is not provisioned yet",
                       rule="tenants.national_body",
                       message_vi="Cơ quan cấp Trung ương chưa được khởi tạo trên nền tảng")
    root = OrgUnit.create(tenant_id=tenant_id, kind=registry.TENANT_KINDS[kind], name=name,
                          parent=national, effective=effective, code=code, id=root_unit_id(tenant_id))
    return await _provision(platform, metadata, idempotency_key, tenant_id, kind, root)


async def _provision(platform: Platform, metadata: Metadata, idempotency_key: str | None, tenant_id: str,
                     kind: str, root: OrgUnit) -> registry.TenantInfo:
    """Registry row, then root unit. A row left without its root (a crash between the two)
    is completed by provisioning again; a row with its root is a duplicate."""
    info = await registry.find_tenant(platform.db, tenant_id)
    if info is None:
        info = await registry.insert_tenant(platform.db, tenant_id, normalise_name(root.name), kind)
    elif await _root(platform, tenant_id) is not None:
        raise registry.already_provisioned(tenant_id)
    try:
        await platform.repository.save(tenant_id, root, metadata=metadata, idempotency_key=idempotency_key)
    except ConcurrencyError:
        raise registry.already_provisioned(tenant_id) from None
    return info


async def _root(platform: Platform, tenant_id: str) -> OrgUnit | None:
    try:
        root = await platform.repository.get(tenant_id, root_unit_id(tenant_id))
    except NotFoundError:
        return None
    return root if isinstance(root, OrgUnit) else None
