"""The national role reads rollups and plan/org metadata of every tenant, never the personal
data of an individual nominee: a name drafted in a province appears in no answer it gets."""

from __future__ import annotations

from uuid import uuid4

from tenants.ids import NATIONAL_TENANT, root_unit_id
from tests.api.conftest import codes, gql
from tests.api.seed_001_flow import caught_up, created, national_plan, province
from tests.api.story import post
from tests.projections import typed_rollup

NAME = "Nguyễn Thị Bích Ngọc"
ROLLUP = """query($t: String!, $plan: UUID!, $node: UUID!) {
  rollup(planTenant: $t, planId: $plan, node: $node) { nodeId %s children { nodeId name %s } } }""" % (
    (typed_rollup.METRICS,) * 2)
LEADERBOARD = """query($t: String!, $plan: UUID!, $node: UUID!) {
  leaderboard(planTenant: $t, planId: $plan, node: $node, metric: "units_registered") { nodeId name value } }"""
CASCADE = "query($t: String!, $plan: UUID!) { planCascade(planTenant: $t, planId: $plan) { tenant planId } }"
TREE = "query($unit: UUID!) { orgTree(unit: $unit) { name kind } }"
DISCOVERY = """query($t: String!, $plan: UUID!, $unit: UUID!) {
  tenants { id name } plans { id theme } plan(tenant: $t, id: $plan) { theme awardForms { code name } }
  searchUnits(name: "cong ty") { name } unitChildren(unit: $unit) { nodes { name } } }"""
TENANT_DATA = ["query($plan: UUID!) { nominations(planId: $plan) { nodes { nomineeName } } }",
               "query($plan: UUID!) { registrations(planId: $plan) { nodes { unitId } } }",
               "query($plan: UUID!) { reports(planId: $plan) { nodes { unitId } } }",
               "query($plan: UUID!) { missingReports(planId: $plan) { unitId } }",
               "query($plan: UUID!) { awards(planId: $plan) { nodes { nomineeName } } }",
               "query($plan: UUID!) { quotaUse(planId: $plan) { pool } }"]


async def _plan_with_an_individual_nominee(client, p, national_id: str) -> str:
    plan = created(await post(client, "/plans", p.officer, {
        "issuing_unit_id": str(p.root), "theme": "Thi đua phòng, chống dịch COVID-19", "kind": "thematic",
        "period": {"start": "2021-09-01", "end": "2021-12-31"}, "eligible_subjects": ["collective", "individual"],
        "award_forms": [{"code": "bk_ldld_tinh", "name": "Bằng khen LĐLĐ tỉnh", "issuer": "BCH LĐLĐ tỉnh",
                         "rule_key": "bang_khen_ldld_tinh"}],
        "parent_links": [{"relation": "implements", "tenant": NATIONAL_TENANT, "plan_id": national_id}]}))["id"]
    created(await post(client, f"/plans/{plan}/issue", p.officer, {
        "number": "120/KH-LĐLĐ", "issued_on": "2021-09-05", "signer": "", "capacity": "TM. Ban Thường vụ"}))
    created(await post(client, f"/plans/{plan}/launch", p.officer, {"on": "2021-09-05"}))
    created(await post(client, "/nominations", p.officer, {
        "plan_id": plan, "nominee_kind": "individual", "nominee_id": str(uuid4()), "nominee_name": NAME,
        "award_form": "bk_ldld_tinh", "proposing_unit_id": str(p.unions[0])}))
    return plan


async def test_the_national_role_never_sees_an_individual_nominees_name(client, platform, admin, token, tenant_id):
    national_id = await national_plan(client, platform, token)
    p = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", [("CĐCS Công ty A", True)])
    plan = await _plan_with_an_individual_nominee(client, p, national_id)
    await caught_up(platform, admin, [NATIONAL_TENANT, tenant_id])

    _, own = await gql(client, TENANT_DATA[0], token(tenant_id, "viewer"), plan=plan)
    assert [n["nomineeName"] for n in own["data"]["nominations"]["nodes"]] == [NAME]  # the province's users do

    national = token(NATIONAL_TENANT, "national")
    answers = []
    for node in (root_unit_id(NATIONAL_TENANT), p.root, p.district):
        answers.append(await gql(client, ROLLUP, national, t=NATIONAL_TENANT, plan=national_id, node=str(node)))
        answers.append(await gql(client, LEADERBOARD, national, t=NATIONAL_TENANT, plan=national_id,
                                 node=str(node)))
    answers.append(await gql(client, CASCADE, national, t=NATIONAL_TENANT, plan=national_id))
    answers.append(await gql(client, TREE, national, unit=str(p.root)))
    answers.append(await gql(client, DISCOVERY, national, t=tenant_id, plan=plan, unit=str(p.root)))
    rollup = typed_rollup.rollup(answers[2][1]["data"]["rollup"])  # the province node: the nomination counts at its proposer
    assert rollup["metrics"]["nominations_by_state"] == {"drafted": 1}
    for response, body in answers:
        assert response.status_code == 200 and "errors" not in body, body
        assert NAME not in response.text
    for query in TENANT_DATA:
        response, body = await gql(client, query, national, plan=plan)
        assert codes(body) == ["FORBIDDEN"] and NAME not in response.text
