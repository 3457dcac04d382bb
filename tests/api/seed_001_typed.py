"""Seed 001 read back as a client would, through the typed schema: the plan an officer must
register for, the units by name as people type them, and the plan's lists page by page
(called by the story test, on the data it built)."""

from __future__ import annotations

from tests.api.conftest import codes, gql
from tests.api.seed_001_flow import PHASE, Province

PLAN = """query($t: String!, $id: UUID!) { plan(tenant: $t, id: $id) {
  number kind status phases { name start end registrationDeadline { on inclusive lastDay } dossierDeadline { on } }
  awardForms { code ruleKey subjects quotaPool } quotaRules { pool maxCount maxPercent priority }
  standards eligibleSubjects reportSchedule { daysOfMonth graceDays } parentLinks { relation tenant planId } } }"""
PLANS = """query($t: String, $pt: String, $pp: UUID, $status: PlanStatus, $on: Date) {
  plans(tenant: $t, parentTenant: $pt, parentPlanId: $pp, status: $status, activeOn: $on) { id tenant } }"""
SEARCH = "query($name: String!) { searchUnits(name: $name) { id name kind level } }"
REGISTRATIONS = """query($plan: UUID!, $after: String) { registrations(planId: $plan, first: 2, after: $after) {
  nodes { unitId phase late targetsMet targets { indicator amount unit achieved met } }
  pageInfo { hasNextPage endCursor } } }"""
LISTS = """query($plan: UUID!) {
  awards(planId: $plan) { nodes { nomineeName awardForm decisionNumber decidedOn authority } }
  quotaUse(planId: $plan) { pool limit used remaining enterpriseUsed }
  reports(planId: $plan, first: 100) { nodes { day late membersSupported models { model count } } }
  missingReports(planId: $plan, today: "2022-01-31") { unitId day } }"""
TENANTS = "{ tenants { id kind } }"


async def typed_reads(client, token, tay_ninh: Province, plan_001: str, plan_265: str, other_tenant: str) -> None:
    viewer, t = token(tay_ninh.tenant, "viewer"), tay_ninh.tenant

    plan = (await _data(client, PLAN, viewer, t=t, id=plan_001))["plan"]
    assert (plan["kind"], plan["status"]) == ("SPRINT", "LAUNCHED")
    phase, = plan["phases"]
    assert (phase["name"], phase["start"], phase["end"]) == (PHASE, "2021-10-01", "2021-12-31")
    assert phase["registrationDeadline"] == {"on": "2021-10-12", "inclusive": True, "lastDay": "2021-10-12"}
    assert phase["dossierDeadline"] == {"on": "2021-12-29"}
    forms = {f["code"]: f for f in plan["awardForms"]}
    assert forms["bk_bch_ldld_tinh"] == {"code": "bk_bch_ldld_tinh", "ruleKey": "BANG_KHEN_LDLD_TINH",
                                         "subjects": ["COLLECTIVE"], "quotaPool": "de_nghi_bang_khen"}
    assert {"pool": "de_nghi_bang_khen", "maxCount": 4, "maxPercent": None,
            "priority": "enterprise_grassroots"} in plan["quotaRules"]
    assert plan["standards"] == ["REGISTERED", "EXCEEDED_TARGETS", "REPORTED_ON_TIME"]
    assert plan["reportSchedule"] == {"daysOfMonth": [25], "graceDays": 0}
    assert plan["parentLinks"] == [{"relation": "IMPLEMENTS", "tenant": t, "planId": plan_265},
                                   *({"relation": r, "tenant": None, "planId": None}  # documents off the platform
                                     for r in ("BASED_ON", "RESPONDS_TO", "COMBINED_WITH"))]

    # plans: by parent, by status, by the day they cover
    assert [p["id"] for p in (await _data(client, PLANS, viewer, t=t, pt=t, pp=plan_265))["plans"]] == [plan_001]
    launched = {p["id"] for p in (await _data(client, PLANS, viewer, status="LAUNCHED"))["plans"]}
    assert {plan_001, plan_265} <= launched
    assert (await _data(client, PLANS, viewer, on="2021-09-01"))["plans"] == []  # both start 1 October
    assert {p["id"] for p in (await _data(client, PLANS, viewer, on="2021-11-15"))["plans"]} == {plan_001, plan_265}
    national = token("national", "national")
    assert [p["id"] for p in (await _data(client, PLANS, national, pt=t, pp=plan_265))["plans"]] == [plan_001]
    _, body = await gql(client, PLANS, national, pp=plan_265)  # across tenants the parent's tenant is needed
    assert codes(body) == ["BAD_INPUT"] and body["errors"][0]["extensions"]["rule"] == "graphql.plans.parent"

    # units by name as typed: no accents, any case, extra spaces
    found = (await _data(client, SEARCH, viewer, name="  giay DA my   phong"))["searchUnits"]
    assert [(u["name"], u["kind"], u["level"]) for u in found] == [
        ("CĐCS Công ty TNHH Giày Da Mỹ Phong", "GRASSROOTS_UNION", 3)]
    assert len((await _data(client, SEARCH, viewer, name="cdcs"))["searchUnits"]) == 6
    assert (await _data(client, SEARCH, token(other_tenant, "viewer"), name="my phong"))["searchUnits"] == []

    # registrations two by two, each once, targets typed
    seen, after = [], None
    while True:
        page = (await _data(client, REGISTRATIONS, viewer, plan=plan_001, after=after))["registrations"]
        seen += page["nodes"]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len({r["unitId"] for r in seen}) == len(seen) == 5
    assert all(r["targets"] == [{"indicator": "Sáng kiến", "amount": "3", "unit": "sáng kiến", "achieved": "4",
                                 "met": True}] and r["targetsMet"] == 1 and not r["late"] for r in seen)

    lists = await _data(client, LISTS, viewer, plan=plan_001)
    assert sorted(a["decisionNumber"] for a in lists["awards"]["nodes"]) == sorted(
        {a["decisionNumber"] for a in lists["awards"]["nodes"]}) and len(lists["awards"]["nodes"]) == 4
    assert {a["awardForm"] for a in lists["awards"]["nodes"]} == {"bk_bch_ldld_tinh"}
    assert all(a["authority"] == "PROVINCE_FEDERATION_EXECUTIVE" for a in lists["awards"]["nodes"])
    pool = next(q for q in lists["quotaUse"] if q["pool"] == "de_nghi_bang_khen")
    assert (pool["limit"], pool["used"], pool["remaining"]) == (4, 4, 0)
    reports = lists["reports"]["nodes"]
    assert len(reports) == 15 and all(r["models"] == [{"model": "ATM gạo", "count": 1}] for r in reports)
    assert lists["missingReports"] == []

    # tenants: a tenant's users see their own, the national role every one
    assert [x["id"] for x in (await _data(client, TENANTS, viewer))["tenants"]] == [t]
    kinds = {x["id"]: x["kind"] for x in (await _data(client, TENANTS, national))["tenants"]}
    assert kinds[t] == "PROVINCE_FEDERATION" and other_tenant in kinds

    # NOT_FOUND for an unknown plan, and for a plan of a tenant the caller may not read
    _, body = await gql(client, PLAN, viewer, t=t, id="00000000-0000-0000-0000-000000000000")
    assert codes(body) == ["NOT_FOUND"]
    response, body = await gql(client, PLAN, token(other_tenant, "viewer"), t=t, id=plan_001)
    assert codes(body) == ["NOT_FOUND"] and PHASE not in response.text


async def _data(client, query: str, token: str, **variables) -> dict:
    response, body = await gql(client, query, token, **variables)
    assert response.status_code == 200 and "errors" not in body, body
    return body["data"]
