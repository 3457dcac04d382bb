"""Fixed ids of the demo data, so the README's example queries name them literally.

Tenant roots use the provisioning's deterministic ids; units and plans are uuid5 of a
demo namespace and a readable key. Never change the namespace or the keys.
"""

from __future__ import annotations

from uuid import UUID, uuid5

from tenants.ids import NATIONAL_TENANT, root_unit_id

DEMO_NS = UUID("6f1d3c2a-4b7e-5a10-9c61-0d7a1e2b3d00")

NATIONAL = NATIONAL_TENANT
BINH_PHUOC = "binh-phuoc"
TAY_NINH = "tay-ninh"
KIEN_GIANG = "kien-giang"
GIAO_DUC = "cd-giao-duc"
SO_LDTBXH = "so-ldtbxh-binh-phuoc"


def unit_id(tenant: str, key: str) -> UUID:
    return uuid5(DEMO_NS, f"{tenant}/unit/{key}")


def plan_id(tenant: str, key: str) -> UUID:
    return uuid5(DEMO_NS, f"{tenant}/plan/{key}")


NATIONAL_ROOT = root_unit_id(NATIONAL)
NATIONAL_PLAN = plan_id(NATIONAL, "130")  # 130/KH-TLĐ, the national COVID-19 campaign
