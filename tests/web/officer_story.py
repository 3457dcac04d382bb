"""Seed 001 set up for the officer pages through the services (as the district federation
would have it on the platform): a district federation, its grassroots unions, the plan drafted,
issued and launched; and a district officer's account to sign in with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.plan import ReportSchedule
from projections.read_your_writes import wait_until_projected
from seeds import seed_001
from services import org_units, plans
from services.context import SYSTEM
from tenants.ids import root_unit_id
from tests.web.pages import person

UNIONS = (("CĐCS Công ty TNHH Giày Gò Dầu", True), ("CĐCS Trường THCS Thanh Phước", False),
          ("CĐCS UBND xã Phước Đông", False))
# Seed 001 gives no reporting days ("báo cáo ... đúng thời gian quy định"): the story assumes a
# monthly report on the 25th, as tests/api/seed_001_flow.py does.
REPORT_SCHEDULE = ReportSchedule((25,), 0, "Liên đoàn Lao động huyện")


@dataclass
class Story:
    tenant: str
    district: UUID
    unions: list[UUID]
    plan_id: UUID
    email: str  # the district officer (its subtree)
    password: str


async def seed_001_story(site, tenant: str) -> Story:
    email, password = await person(site, tenant, "officer")  # provisions the tenant
    platform, effective = site.platform, date(2020, 1, 1)
    district = (await org_units.create_unit(platform, tenant, SYSTEM, kind="district_federation",
                                            name="LĐLĐ huyện Gò Dầu", parent_id=root_unit_id(tenant),
                                            effective=effective)).id
    unions = [(await org_units.create_unit(platform, tenant, SYSTEM, kind="grassroots_union", name=name,
                                           parent_id=district, effective=effective, enterprise=enterprise)).id
              for name, enterprise in UNIONS]
    args = {k: v for k, v in seed_001.draft_args(tenant, district).items() if k not in ("tenant", "issuing_unit_id")}
    plan_id = (await plans.draft_plan(platform, tenant, SYSTEM, issuing_unit_id=district,
                                      report_schedule=REPORT_SCHEDULE, **args)).id
    await plans.issue_plan(platform, tenant, SYSTEM, plan_id, **{**seed_001.ISSUE, "number": "90/KH-LĐLĐ",
                                                                 "issued_on": date(2021, 9, 30)})
    launched = await plans.launch_plan(platform, tenant, SYSTEM, plan_id, on=date(2021, 10, 1))
    email, password = await person(site, tenant, "officer", unit=district)
    await wait_until_projected(platform.db, tenant, launched.position, timeout_s=30)
    return Story(tenant, district, unions, plan_id, email, password)
