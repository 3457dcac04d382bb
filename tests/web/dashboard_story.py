"""The seed-001 story set up over the REST API of the web tests' server, the way
tests/api/test_seed_001_story.py drives it: a national plan, Tây Ninh (six grassroots unions,
five registered, reports, results, five nominations voted, four decided within the quota of
4) and Bình Phước (one of two registered); then the read models are caught up."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID, uuid4

import asyncpg
import httpx

from services.auth.tokens import mint_token
from tenants.ids import NATIONAL_TENANT
from tests.api.seed_001_flow import (
    REPORT_DAYS, Province, caught_up, created, decide, national_plan, nominate_to_vote, province, province_plan,
    register, report, seed_001_plan,
)
from tests.api.story import post

TAY_NINH_UNIONS = [("CĐCS Công ty TNHH Giày Da Mỹ Phong", True), ("CĐCS Công ty CP Cao su Tây Ninh", True),
                   ("CĐCS Trường THCS Thanh Phước", False), ("CĐCS Công ty TNHH May Tinh Lợi", True),
                   ("CĐCS UBND xã Phước Thạnh", False), ("CĐCS Công ty TNHH Bao bì Tân Phú", True)]


@dataclass
class Story:
    national_plan: str
    tay_ninh: Province
    binh_phuoc: Province
    plan_001: str


async def seed_001_story(site, database_url: str) -> Story:
    secret = site.platform.settings.auth.jwt_secret

    def token(tenant: str, *roles: str, **claims) -> str:
        return mint_token(secret, tenant=tenant, roles=roles or ("viewer",), **claims)

    tn_id, bp_id = f"t-{uuid4().hex[:12]}", f"t-{uuid4().hex[:12]}"
    async with httpx.AsyncClient(base_url=site.url, timeout=30) as client:
        national_id = await national_plan(client, site.platform, token)
        tay_ninh = await province(client, token, tn_id, "Liên đoàn Lao động tỉnh Tây Ninh", TAY_NINH_UNIONS)
        binh_phuoc = await province(client, token, bp_id, "Liên đoàn Lao động tỉnh Bình Phước",
                                    [("CĐCS Công ty CP Cao su Phú Riềng", True), ("CĐCS Trường TH Phú Riềng", False)])
        plan_265 = await province_plan(client, tay_ninh, national_id)
        plan_001 = await seed_001_plan(client, tay_ninh, (tn_id, plan_265))
        plan_bp = await province_plan(client, binh_phuoc, national_id, number="116/KH-LĐLĐ")
        created(await post(client, "/registrations", binh_phuoc.officer, {
            "plan_id": plan_bp, "unit_id": str(binh_phuoc.unions[0]), "on": "2021-10-20",
            "targets": [{"indicator": "Đoàn viên được hỗ trợ", "amount": 100}]}))
        units = tay_ninh.unions[:5]
        registrations = [created(await register(client, tay_ninh.district_officer, plan_001, u, on))["id"]
                         for u, on in zip(units, ["2021-10-04", "2021-10-05", "2021-10-08", "2021-10-11",
                                                  "2021-10-12"])]
        for n, unit in enumerate(units):
            for day in REPORT_DAYS:
                created(await report(client, tay_ninh.district_officer, plan_001, unit, day,
                                     members_supported=10 + n, funds_mobilised=1_000_000))
        for reg in registrations:
            created(await post(client, f"/registrations/{reg}/results", tay_ninh.district_officer, {
                "indicator": "Sáng kiến", "achieved": 4, "on": "2021-12-20", "expected_version": 1}))
        nominations = [await nominate_to_vote(client, tay_ninh, plan_001, u) for u in units]
        for n, nid in enumerate(nominations[:4], start=1):
            created(await decide(client, tay_ninh.officer, nid, n))
    admin = await asyncpg.connect(database_url)
    try:
        await caught_up(site.platform, admin, [NATIONAL_TENANT, tn_id, bp_id])
    finally:
        await admin.close()
    return Story(national_id, tay_ninh, binh_phuoc, plan_001)


def dashboard_url(story: Story, node: UUID | str | None = None, as_of: str | None = None) -> str:
    url = f"/dashboard/?plan={NATIONAL_TENANT}:{story.national_plan}"
    if node is not None:
        url += f"&node={node}"
    return url + (f"&as_of={as_of}" if as_of else "")
