"""Linking a plan to another tenant's plan needs that tenant's consent, and leaks nothing."""

from __future__ import annotations

from uuid import uuid4

import pytest

from projections.engine.batch import catch_up
from projections.registry import all_projections
from tests.api.conftest import event_count
from tests.api.story import create_unit, post, provision, seed_001_draft


async def draft(client, officer: str, unit: str) -> str:
    response, body = await post(client, "/plans", officer, seed_001_draft(unit))
    assert response.status_code == 201, body
    return body["id"]


@pytest.fixture
async def intruder(client, token, other_tenant_id, office) -> dict[str, str]:
    """A second tenant (after `office`, which provisions the national platform) with a plan."""
    root = await provision(client, token(other_tenant_id, "platform_admin"), other_tenant_id, "LĐLĐ tỉnh Bình Phước")
    officer = token(other_tenant_id, "officer")
    district = await create_unit(client, officer, root, "district_federation", "LĐLĐ huyện Phú Riềng")
    return {"tenant": other_tenant_id, "officer": officer, "district": str(district),
            "plan": await draft(client, officer, str(district))}


def link_to(tenant: str, plan_id: str) -> dict:
    return {"relation": "implements", "tenant": tenant, "plan_id": plan_id}


async def test_a_link_to_another_tenants_plan_without_consent_is_forbidden_and_writes_nothing(
        client, office, intruder, admin):
    victim_plan = await draft(client, office["officer"], office["district"])
    before = await event_count(admin)
    response, body = await post(client, f"/plans/{intruder['plan']}/parents", intruder["officer"],
                                link_to(office["tenant"], victim_plan))
    assert response.status_code == 403 and body["code"] == "FORBIDDEN"
    drafted, body = await post(client, "/plans", intruder["officer"], {
        **seed_001_draft(intruder["district"]), "parent_links": [link_to(office["tenant"], victim_plan)]})
    assert drafted.status_code == 403 and body["code"] == "FORBIDDEN"
    assert await event_count(admin) == before


async def test_a_missing_plan_and_an_unconsented_one_answer_alike(client, office, intruder):
    victim_plan = await draft(client, office["officer"], office["district"])
    answers = []
    for plan_id in (victim_plan, str(uuid4())):
        response, body = await post(client, f"/plans/{intruder['plan']}/parents", intruder["officer"],
                                    link_to(office["tenant"], plan_id))
        answers.append((response.status_code, body["code"], body["detail"].replace(plan_id, "<id>"),
                        body["message_vi"]))
    assert answers[0] == answers[1]


async def test_a_granted_tenant_may_link_and_no_other(client, office, intruder, token, platform):
    victim_plan = await draft(client, office["officer"], office["district"])
    response, body = await post(client, f"/plans/{victim_plan}/link-grants", office["officer"],
                                {"tenant": intruder["tenant"]})
    assert response.status_code == 201, body
    response, body = await post(client, f"/plans/{intruder['plan']}/parents", intruder["officer"],
                                link_to(office["tenant"], victim_plan))
    assert response.status_code == 201, body
    again, body = await post(client, f"/plans/{victim_plan}/link-grants", office["officer"],
                             {"tenant": intruder["tenant"]})
    assert again.status_code == 409 and body["code"] == "DUPLICATE"
    for projection in all_projections():  # the new event passes through every read model
        await catch_up(platform.db, projection, office["tenant"])


async def test_only_the_parents_tenant_grants(client, office, intruder):
    victim_plan = await draft(client, office["officer"], office["district"])
    response, body = await post(client, f"/plans/{victim_plan}/link-grants", intruder["officer"],
                                {"tenant": intruder["tenant"]})
    assert response.status_code == 404 and body["code"] == "NOT_FOUND"  # another tenant's plan is not there


async def test_a_platform_administrator_links_across_tenants_without_a_grant(client, office, intruder, token):
    victim_plan = await draft(client, office["officer"], office["district"])
    admin_token = token(intruder["tenant"], "platform_admin")
    response, body = await post(client, f"/plans/{intruder['plan']}/parents", admin_token,
                                link_to(office["tenant"], victim_plan))
    assert response.status_code == 201, body
