"""A decided story over HTTP, shared by the document and export tests: seed 001 in a province,
three grassroots unions qualified and voted, one decision (1/QĐ-LĐLĐ) naming all three, the
projections caught up. `revoke` revokes the first recipient's award."""

from __future__ import annotations

from dataclasses import dataclass

from tests.api.seed_001_flow import Province, caught_up, created, nominate_to_vote, province, qualified, seed_001_plan
from tests.api.story import ensure_national_platform, post

UNIONS = [("CĐCS Công ty TNHH Giày Da Mỹ Phong", True), ("CĐCS Công ty CP Cao su Tây Ninh", True),
          ("CĐCS Trường THCS Thanh Phước", False)]
DECIDED_ON = "2022-01-10"
REVOKED_ON, REASON = "2022-06-01", "Hồ sơ không trung thực"


@dataclass
class Decided:
    province: Province
    plan: str
    nominations: list[str]
    decision: str


async def decided(client, platform, admin, token, tenant_id: str) -> Decided:
    await ensure_national_platform(platform)
    p = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
    plan = await seed_001_plan(client, p)
    nids = []
    for unit in p.unions:
        await qualified(client, p, plan, unit)
        nids.append(await nominate_to_vote(client, p, plan, unit))
    body = created(await post(client, "/decisions", p.officer, {
        "issuer_unit_id": str(p.root), "nomination_ids": nids, "symbol": "QĐ-LĐLĐ", "decided_on": DECIDED_ON,
        "signer": "Nguyễn Thị Hoa", "authority": "province_federation_executive",
        "title": "Về việc tặng Bằng khen phong trào thi đua 90 ngày nước rút"}))
    await caught_up(platform, admin, [tenant_id])
    return Decided(p, plan, nids, body["id"])


async def revoke(client, platform, admin, story: Decided) -> None:
    created(await post(client, f"/nominations/{story.nominations[0]}/revoke", story.province.officer,
                       {"reason": REASON, "on": REVOKED_ON}))
    await caught_up(platform, admin, [story.province.tenant])
