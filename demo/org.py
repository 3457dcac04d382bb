"""The demo's tenants and org trees (as of 2021: district federations, before the 2025 reform).

Names of the province federations, the districts of seeds 000-002, the sector union and the
department come from the seeds; the other district and grassroots names are illustrative.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from demo import ids
from demo.steps import Steps
from services.org_units import create_unit
from services.tenants import provision_platform, provision_tenant

FOUNDED = date(2020, 1, 1)  # before every plan of 2021, so every unit is in scope


@dataclass(frozen=True)
class Unit:
    key: str
    kind: str
    name: str
    parent: str | None = None  # a key of this tenant; None = the tenant's root
    enterprise: bool = False


@dataclass(frozen=True)
class Tenant:
    tenant_id: str
    kind: str
    name: str
    units: tuple[Unit, ...]


def _grassroots(parent: str, *names: tuple[str, bool]) -> tuple[Unit, ...]:
    return tuple(Unit(f"{parent}/{n}", "grassroots_union", name, parent, enterprise)
                 for n, (name, enterprise) in enumerate(names, 1))


TENANTS = (
    Tenant(ids.TAY_NINH, "province_federation", "Liên đoàn Lao động tỉnh Tây Ninh", (
        # seed 001's issuer, "Liên đoàn Lao động huyện" (the seed does not name the district)
        Unit("go-dau", "district_federation", "Liên đoàn Lao động huyện Gò Dầu"),
        Unit("chau-thanh", "district_federation", "Liên đoàn Lao động huyện Châu Thành"),
        *_grassroots("go-dau", ("Công đoàn cơ sở Công ty TNHH May mặc Gò Dầu", True),
                     ("Công đoàn cơ sở Công ty Cổ phần Cao su Tây Ninh", True),
                     ("Công đoàn cơ sở Công ty TNHH Giày da Phước Đông", True),
                     ("Công đoàn cơ sở Trường THPT Gò Dầu", False),
                     ("Công đoàn cơ sở Trung tâm Y tế huyện Gò Dầu", False)),
        *_grassroots("chau-thanh", ("Công đoàn cơ sở Công ty TNHH Mía đường Châu Thành", True),
                     ("Công đoàn cơ sở Ủy ban nhân dân huyện Châu Thành", False)),
    )),
    Tenant(ids.BINH_PHUOC, "province_federation", "Liên đoàn Lao động tỉnh Bình Phước", (
        Unit("phu-rieng", "district_federation", "Liên đoàn Lao động huyện Phú Riềng"),  # seed 000
        Unit("dong-xoai", "district_federation", "Liên đoàn Lao động thành phố Đồng Xoài"),
        *_grassroots("phu-rieng", ("Công đoàn cơ sở Công ty TNHH MTV Cao su Phú Riềng", True),
                     ("Công đoàn cơ sở Công ty TNHH Chế biến điều Phú Riềng", True),
                     ("Công đoàn cơ sở Trường Tiểu học Phú Riềng", False)),
        *_grassroots("dong-xoai", ("Công đoàn cơ sở Công ty TNHH Dệt may Đồng Xoài", True),
                     ("Công đoàn cơ sở Bệnh viện Đa khoa tỉnh Bình Phước", False)),
    )),
    Tenant(ids.KIEN_GIANG, "province_federation", "Liên đoàn Lao động tỉnh Kiên Giang", (
        Unit("vinh-thuan", "district_federation", "Liên đoàn Lao động huyện Vĩnh Thuận"),  # seed 002
        Unit("rach-gia", "district_federation", "Liên đoàn Lao động thành phố Rạch Giá"),
        *_grassroots("vinh-thuan", ("Công đoàn cơ sở Công ty TNHH Thủy sản Vĩnh Thuận", True),
                     ("Công đoàn cơ sở Trường THCS Vĩnh Thuận", False),
                     ("Công đoàn cơ sở Trạm Y tế xã Vĩnh Bình Bắc", False)),
        *_grassroots("rach-gia", ("Công đoàn cơ sở Công ty Cổ phần Xi măng Kiên Giang", True),
                     ("Công đoàn cơ sở Cảng cá Rạch Giá", False)),
    )),
    Tenant(ids.GIAO_DUC, "sector_union", "Công đoàn Giáo dục Việt Nam", (  # seed 003
        *_grassroots("", ("Công đoàn Trường Đại học Sư phạm Hà Nội", False),
                     ("Công đoàn Trường Đại học Sư phạm Thành phố Hồ Chí Minh", False),
                     ("Công đoàn Nhà xuất bản Giáo dục Việt Nam", True)),
    )),
    Tenant(ids.SO_LDTBXH, "department", "Sở Lao động - Thương binh và Xã hội tỉnh Bình Phước", (  # seed 004
        Unit("van-phong", "division", "Văn phòng Sở"),
        Unit("thanh-tra", "division", "Thanh tra Sở"),
        Unit("lao-dong", "division", "Phòng Lao động - Tiền lương - Bảo hiểm xã hội"),
        Unit("bao-tro", "division", "Phòng Bảo trợ xã hội"),
    )),
)


def unit(tenant: str, key: str):
    """The demo unit's fixed id (the tenant's root for key "")."""
    return ids.root_unit_id(tenant) if key == "" else ids.unit_id(tenant, key)


async def load_org(steps: Steps) -> None:
    await steps.provision(provision_platform, ids.NATIONAL, effective=FOUNDED)
    for tenant in TENANTS:
        await steps.provision(provision_tenant, tenant.tenant_id, name=tenant.name, kind=tenant.kind,
                              effective=FOUNDED)
        for u in tenant.units:
            await steps.run(create_unit, tenant.tenant_id, f"unit/{u.key}", kind=u.kind, name=u.name,
                            parent_id=unit(tenant.tenant_id, u.parent or ""), effective=FOUNDED,
                            enterprise=u.enterprise, unit_id=unit(tenant.tenant_id, u.key))
