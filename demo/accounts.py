"""Demo people for the web app: one account per kind of user, all with the same password,
created in development mode only (a password printed to a log has no place in production)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit
from uuid import UUID

from demo import ids
from demo.org import unit
from domain.accounts import Grant
from domain.errors import Duplicate
from infra.platform import Platform
from services.accounts.invitations import accept_invitation, create_invitation
from services.context import CommandContext

PASSWORD = "thidua-demo-2026"
_CTX = CommandContext(actor="demo", correlation_id="demo")


@dataclass(frozen=True)
class DemoPerson:
    email: str
    who: str
    tenant: str
    roles: tuple[str, ...]
    unit: UUID | None = None
    audit_tenants: tuple[str, ...] = ()


PEOPLE = (
    DemoPerson("cdcs.maymac@demo.thidua.vn", "officer, CĐCS Công ty TNHH May mặc Gò Dầu", ids.TAY_NINH,
               ("officer",), unit(ids.TAY_NINH, "go-dau/1")),
    DemoPerson("godau@demo.thidua.vn", "officer, LĐLĐ huyện Gò Dầu", ids.TAY_NINH, ("officer",),
               unit(ids.TAY_NINH, "go-dau")),
    DemoPerson("tayninh@demo.thidua.vn", "officer and tenant admin, LĐLĐ tỉnh Tây Ninh", ids.TAY_NINH,
               ("officer", "tenant_admin"), ids.root_unit_id(ids.TAY_NINH)),
    DemoPerson("tld@demo.thidua.vn", "national, Tổng Liên đoàn", ids.NATIONAL, ("national",)),
    DemoPerson("kiemtra@demo.thidua.vn", "auditor of Tây Ninh", ids.TAY_NINH, ("auditor",),
               audit_tenants=(ids.TAY_NINH,)),
)


async def load_people(platform: Platform) -> int:
    """Accounts that were not there yet; the others are left as they are."""
    created = 0
    for person in PEOPLE:
        grant = Grant(frozenset(person.roles), person.unit, frozenset(person.audit_tenants))
        try:
            _, link, _ = await create_invitation(platform, _CTX, tenant=person.tenant, email=person.email, grant=grant)
        except Duplicate:
            continue
        await accept_invitation(platform, parse_qs(urlsplit(link).query)["token"][0], PASSWORD)
        created += 1
    return created
