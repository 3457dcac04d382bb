"""Award decisions over HTTP: one decision for many nominations, numbered from the issuer's
register; refusals answer a problem and write nothing; revocation names the decision."""

from __future__ import annotations

from uuid import uuid4

import pytest

from tests.api.conftest import bearer, event_count
from tests.api.seed_001_flow import created, nominate_to_vote, province, qualified, seed_001_plan
from tests.api.story import ensure_national_platform, post

UNIONS = [("CĐCS Công ty A", True), ("CĐCS Công ty B", True), ("CĐCS Trường C", False)]


@pytest.fixture
async def voted(client, platform, token, tenant_id):
    await ensure_national_platform(platform)
    p = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
    plan = await seed_001_plan(client, p)
    nids = []
    for unit in p.unions:
        await qualified(client, p, plan, unit)
        nids.append(await nominate_to_vote(client, p, plan, unit))
    return p, nids


def decision(p, nids, **extra) -> dict:
    return {"issuer_unit_id": str(p.root), "nomination_ids": nids, "symbol": "QĐ-LĐLĐ",
            "decided_on": "2022-01-10", "signer": "Chủ tịch", "authority": "province_federation_executive",
            "title": "Về việc tặng Bằng khen", **extra}


async def test_a_decision_for_many_nominations_is_numbered_and_shown(client, voted):
    p, nids = voted
    first = created(await post(client, "/decisions", p.officer, decision(p, nids[:2])))
    second = created(await post(client, "/decisions", p.officer, decision(p, nids[2:])))
    shown = (await client.get(f"/api/v1/decisions/{first['id']}", headers=bearer(p.officer))).json()
    assert (shown["number"], shown["sequence"], shown["recipients"]) == ("1/QĐ-LĐLĐ", 1, nids[:2])
    again = (await client.get(f"/api/v1/decisions/{second['id']}", headers=bearer(p.officer))).json()
    assert again["number"] == "2/QĐ-LĐLĐ"
    register = (await client.get("/api/v1/decisions", params={"issuer_unit_id": str(p.root), "year": 2022},
                                 headers=bearer(p.officer))).json()
    assert [d["number"] for d in register] == ["1/QĐ-LĐLĐ", "2/QĐ-LĐLĐ"]
    empty = await client.get("/api/v1/decisions", params={"issuer_unit_id": str(p.root), "year": 2023},
                             headers=bearer(p.officer))
    assert (empty.status_code, empty.json()) == (200, [])
    created(await post(client, f"/nominations/{nids[0]}/revoke", p.officer,
                       {"reason": "Hồ sơ không trung thực", "on": "2022-06-01"}))
    shown = (await client.get(f"/api/v1/decisions/{first['id']}", headers=bearer(p.officer))).json()
    assert shown["revoked"] == [{"nomination_id": nids[0], "reason": "Hồ sơ không trung thực", "on": "2022-06-01"}]


@pytest.mark.parametrize("change, status, code", [
    ({"nomination_ids": []}, 400, "BAD_INPUT"),
    ({"nomination_ids": [str(uuid4()) for _ in range(501)]}, 400, "BAD_INPUT"),
    ({"symbol": " "}, 400, "BAD_INPUT"),
    ({"nomination_ids": "twice"}, 409, "DUPLICATE"),
    ({"nomination_ids": [str(uuid4())]}, 404, "NOT_FOUND"),
    ({"authority": "department_director"}, 422, "AUTHORITY_NOT_ALLOWED"),
    ({"unknown": 1}, 400, "BAD_INPUT"),
])
async def test_a_refused_decision_writes_nothing(client, voted, admin, change, status, code):
    p, nids = voted
    if change.get("nomination_ids") == "twice":
        change = {"nomination_ids": [nids[0], nids[0]]}
    before = await event_count(admin)
    response, body = await post(client, "/decisions", p.officer, decision(p, nids, **change))
    assert (response.status_code, body["code"]) == (status, code), body
    assert await event_count(admin) == before


async def test_a_district_officer_may_not_issue_for_the_province(client, voted, admin):
    p, nids = voted
    before = await event_count(admin)
    response, body = await post(client, "/decisions", p.district_officer, decision(p, nids))
    assert (response.status_code, body["code"]) == (403, "FORBIDDEN")
    assert await event_count(admin) == before


async def test_another_tenant_sees_no_decision(client, voted, token, other_tenant_id):
    p, nids = voted
    body = created(await post(client, "/decisions", p.officer, decision(p, nids[:1])))
    response = await client.get(f"/api/v1/decisions/{body['id']}", headers=bearer(token(other_tenant_id, "officer")))
    assert response.status_code == 404
