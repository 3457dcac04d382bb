"""A cascade follows `implements` by default; the caller may also follow `based_on` and the other
parent links (seed 003 is 'Căn cứ Kế hoạch số 130/KH-TLĐ': based on the national plan)."""

from __future__ import annotations

from uuid import UUID

from projections.engine.batch import catch_up
from projections.read_models.plans import PlansProjection
from tenants.ids import NATIONAL_TENANT
from tests.api.conftest import gql
from tests.api.seed_001_flow import created, national_plan
from tests.api.story import post
from tests.api.test_plan_lifecycle_commands import education, open_ended_plan  # noqa: F401  (fixture)

CASCADE = """query($plan: UUID!, $relations: [ParentRelation!]) {
  planCascade(planTenant: "national", planId: $plan, relations: $relations) { planId } }"""


async def test_a_based_on_plan_joins_the_cascade_only_when_asked(client, education, platform, token):
    national_id = await national_plan(client, platform, token)
    plan_id = await open_ended_plan(client, education)
    created(await post(client, f"/plans/{plan_id}/parents", education.officer, {
        "relation": "based_on", "tenant": NATIONAL_TENANT, "plan_id": national_id, "expected_version": 3}))
    for tenant in (NATIONAL_TENANT, education.tenant):
        await catch_up(platform.db, PlansProjection(), tenant)
    national = token(NATIONAL_TENANT, "national")

    async def cascade(**relations) -> set[UUID]:
        response, body = await gql(client, CASCADE, national, plan=national_id, **relations)
        assert response.status_code == 200 and "errors" not in body, body
        return {UUID(row["planId"]) for row in body["data"]["planCascade"]}

    assert await cascade() == {UUID(national_id)}
    assert await cascade(relations=["IMPLEMENTS", "BASED_ON"]) == {UUID(national_id), UUID(plan_id)}
