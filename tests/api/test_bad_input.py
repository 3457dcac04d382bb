from __future__ import annotations

import pytest

from api.graphql.limits import MAX_ALIASES, MAX_BODY_BYTES
from tests.api.conftest import bearer, codes, event_count, gql


@pytest.fixture
def viewer(token, tenant_id) -> str:
    return token(tenant_id, "viewer")


async def test_malformed_json_is_bad_input(client, viewer, admin):
    before = await event_count(admin)
    response = await client.post("/graphql", content=b'{"query": "{ me { tenant }', headers={
        **bearer(viewer), "Content-Type": "application/json"})
    assert response.status_code == 400
    assert codes(response.json()) == ["BAD_INPUT"]
    assert await event_count(admin) == before


async def test_an_unknown_field_is_bad_input(client, viewer):
    response, body = await gql(client, "{ me { tenant salary } }", viewer)
    assert response.status_code == 400
    assert codes(body) == ["BAD_INPUT"]
    assert "salary" in body["errors"][0]["message"]


async def test_a_wrong_argument_type_is_bad_input(client, token, tenant_id):
    auditor = token(tenant_id, "auditor", audit_tenants=[tenant_id])
    response, body = await gql(client, "query($n: Int!) { history(limit: $n) { position } }", auditor, n="ten")
    assert response.status_code == 400 and codes(body) == ["BAD_INPUT"]


async def test_an_out_of_range_argument_is_bad_input_with_both_messages(client, token, tenant_id):
    auditor = token(tenant_id, "auditor", audit_tenants=[tenant_id])
    response, body = await gql(client, "{ history(limit: 100000) { position } }", auditor)
    assert response.status_code == 400
    error = body["errors"][0]["extensions"]
    assert error["code"] == "BAD_INPUT" and error["rule"] == "api.paging"
    assert error["message_en"] and error["message_vi"]


async def test_a_body_over_the_limit_is_rejected_with_413(client, viewer):
    query = "{ me { tenant } }" + " " * MAX_BODY_BYTES
    response, body = await gql(client, query, viewer)
    assert response.status_code == 413
    assert codes(body) == ["PAYLOAD_TOO_LARGE"]


async def test_too_many_aliases_are_refused(client, viewer):
    aliases = " ".join(f"a{i}: me {{ tenant }}" for i in range(MAX_ALIASES + 1))
    response, body = await gql(client, "{ " + aliases + " }", viewer)
    assert response.status_code == 400 and codes(body) == ["BAD_INPUT"]


async def test_too_many_tokens_are_refused(client, viewer):
    response, body = await gql(client, "{ me { " + "tenant " * 3000 + "} }", viewer)
    assert response.status_code == 400 and codes(body) == ["BAD_INPUT"]


async def test_an_unknown_rest_path_answers_problem_details(client):
    response = await client.get("/no/such/thing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["code"] == "NOT_FOUND" and problem["status"] == 404 and problem["title"] and problem["type"]
