"""Seed 001 end to end over HTTP against the real database: from the national plan to the
award decisions of a Tây Ninh district, then the national rollup over GraphQL."""

from __future__ import annotations

from tenants.ids import NATIONAL_TENANT, root_unit_id
from tests.api.conftest import codes, event_count, gql
from tests.api.seed_001_flow import (PHASE, REPORT_DAYS, caught_up, created, decide, draft, national_plan,
                                     nominate_to_vote, province, province_plan, register, report, seed_001_plan)
from tests.api.story import post

ROLLUP = """query($t: String!, $plan: UUID!, $node: UUID!) {
  rollup(planTenant: $t, planId: $plan, node: $node) { nodeId metrics children { nodeId name metrics } } }"""
NOMINATIONS = "query($plan: UUID!) { nominations(planId: $plan) }"
TAY_NINH_UNIONS = [("CĐCS Công ty TNHH Giày Da Mỹ Phong", True), ("CĐCS Công ty CP Cao su Tây Ninh", True),
                   ("CĐCS Trường THCS Thanh Phước", False), ("CĐCS Công ty TNHH May Tinh Lợi", True),
                   ("CĐCS UBND xã Phước Thạnh", False), ("CĐCS Công ty TNHH Bao bì Tân Phú", True)]


async def refused(admin, call, status: int, code: str) -> dict:
    """The command answers `status`/`code` as problem details and writes no event."""
    before = await event_count(admin)
    response, body = await call
    assert (response.status_code, body.get("code")) == (status, code), body
    assert response.headers["content-type"].startswith("application/problem+json")
    assert body["message_vi"] and body["detail"]
    assert await event_count(admin) == before
    return body


async def test_seed_001_from_plan_issue_to_award_decision_is_reflected_in_the_national_rollup(
        client, platform, admin, token, tenant_id, other_tenant_id):
    national_id = await national_plan(client, platform, token)
    tay_ninh = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", TAY_NINH_UNIONS)
    binh_phuoc = await province(client, token, other_tenant_id, "Liên đoàn Lao động tỉnh Bình Phước",
                                [("CĐCS Công ty CP Cao su Phú Riềng", True), ("CĐCS Trường TH Phú Riềng", False)])
    plan_265 = await province_plan(client, tay_ninh, national_id)
    plan_001 = await seed_001_plan(client, tay_ninh, (tenant_id, plan_265))
    plan_bp = await province_plan(client, binh_phuoc, national_id, number="116/KH-LĐLĐ")
    created(await post(client, "/registrations", binh_phuoc.officer, {
        "plan_id": plan_bp, "unit_id": str(binh_phuoc.unions[0]), "on": "2021-10-05",
        "targets": [{"indicator": "Đoàn viên được hỗ trợ", "amount": 100}]}))

    # Registration "chậm nhất ngày 12/10/2021": the 12th is on time, the 13th is refused.
    units, late_unit = tay_ninh.unions[:5], tay_ninh.unions[5]
    registrations = [created(await register(client, tay_ninh.district_officer, plan_001, u, on))["id"]
                     for u, on in zip(units, ["2021-10-04", "2021-10-05", "2021-10-08", "2021-10-11", "2021-10-12"])]
    problem = await refused(admin, register(client, tay_ninh.district_officer, plan_001, late_unit, "2021-10-13"),
                            422, "DEADLINE_PASSED")
    assert problem["rule"]

    for n, unit in enumerate(units):
        for day in REPORT_DAYS:
            created(await report(client, tay_ninh.district_officer, plan_001, unit, day,
                                 members_supported=10 + n, funds_mobilised=1_000_000,
                                 models_started={"ATM gạo": 1}))
    for reg in registrations:
        created(await post(client, f"/registrations/{reg}/results", tay_ninh.district_officer, {
            "indicator": "Sáng kiến", "achieved": 4, "on": "2021-12-20", "expected_version": 1}))

    nominations = [await nominate_to_vote(client, tay_ninh, plan_001, u) for u in units]
    await refused(admin, draft(client, tay_ninh.district_officer, plan_001, tay_ninh.district, tay_ninh.district,
                               kind="individual", nominee_name="Nguyễn Văn A"), 422, "NOMINEE_KIND_NOT_ALLOWED")

    for n, nid in enumerate(nominations[:4], start=1):
        assert created(await decide(client, tay_ninh.officer, nid, n))["version"] == 9
    await refused(admin, decide(client, tay_ninh.officer, nominations[4], 5), 422, "QUOTA_EXCEEDED")

    await caught_up(platform, admin, [NATIONAL_TENANT, tenant_id, other_tenant_id])
    national = token(NATIONAL_TENANT, "national")
    response, body = await gql(client, ROLLUP, national, t=NATIONAL_TENANT, plan=national_id,
                               node=str(root_unit_id(NATIONAL_TENANT)))
    assert response.status_code == 200, body
    rollup = body["data"]["rollup"]
    m = rollup["metrics"]
    assert (m["units_registered"], m.get("registrations_late", 0), m["targets_met"]) == (6, 0, 5)
    assert m["awards_by_form"] == {"bk_bch_ldld_tinh": 4}
    assert m["nominations_by_state"] == {"decided": 4, "voted": 1}
    assert (m["reports_due"], m["reports_on_time"], m["reports_late"], m["reports_missing"]) == (15, 15, 0, 0)
    assert m["members_supported"] == 3 * (10 + 11 + 12 + 13 + 14)
    assert m["funds_mobilised"] == 15_000_000 and m["models_by_type"] == {"ATM gạo": 15}

    by_province = {c["nodeId"]: c for c in rollup["children"]}
    tn, bp = by_province[str(tay_ninh.root)]["metrics"], by_province[str(binh_phuoc.root)]["metrics"]
    assert by_province[str(tay_ninh.root)]["name"] == "Liên đoàn Lao động tỉnh Tây Ninh"
    assert (tn["units_in_scope"], tn["units_registered"], tn["registration_rate"]) == (6, 5, 0.8333)
    assert tn["awards_by_form"] == {"bk_bch_ldld_tinh": 4} and tn["reports_on_time"] == 15
    assert (bp["units_in_scope"], bp["units_registered"], bp["registration_rate"]) == (2, 1, 0.5)
    assert bp["awards_by_form"] == {} and bp["reports_on_time"] == 0
    # other tenants (earlier tests') add nothing; one without figures has no such key at all
    assert sum(c["metrics"].get("units_registered", 0) for c in rollup["children"]) == 6
    assert "Nguyễn Văn A" not in response.text

    # the district's breakdown by grassroots union: four certificates, one voted and waiting
    _, body = await gql(client, ROLLUP, national, t=NATIONAL_TENANT, plan=national_id, node=str(tay_ninh.district))
    awards = sorted(sum(c["metrics"]["awards_by_form"].values()) for c in body["data"]["rollup"]["children"])
    assert awards == [0, 0, 1, 1, 1, 1]

    # the province's own users read the nominations with names; the national role may not
    _, body = await gql(client, NOMINATIONS, token(tenant_id, "viewer"), plan=plan_001)
    listed = body["data"]["nominations"]
    assert sorted(n["status"] for n in listed) == ["decided"] * 4 + ["voted"]
    assert {n["phase"] for n in listed} == {PHASE}
    response, body = await gql(client, NOMINATIONS, national, plan=plan_001)
    assert codes(body) == ["FORBIDDEN"] and "CĐCS" not in response.text
