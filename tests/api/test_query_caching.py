"""Parsed and validated query texts are cached (api/graphql/document_cache.py): a repeated
query must answer exactly as the first time, refused queries included."""

from __future__ import annotations

import pytest

from api.graphql.limits import MAX_ALIASES, MAX_DEPTH
from tests.api.conftest import codes, gql

REFUSED = {
    "syntax": "{ me { tenant ",
    "unknown field": "{ me { tenant salary } }",
    "too many tokens": "{ me { " + "tenant " * 3000 + "} }",
    "too deep": "{ me " + "{ tenant " * (MAX_DEPTH + 1) + "}" * (MAX_DEPTH + 1) + " }",
    "too many aliases": "{ " + " ".join(f"a{i}: me {{ tenant }}" for i in range(MAX_ALIASES + 1)) + " }",
}


@pytest.mark.parametrize("query", REFUSED.values(), ids=REFUSED.keys())
async def test_a_refused_query_is_refused_the_same_way_every_time(client, token, tenant_id, query):
    viewer = token(tenant_id, "viewer")
    answers = [await gql(client, query, viewer) for _ in range(3)]
    for response, body in answers:
        assert response.status_code == 400 and set(codes(body)) == {"BAD_INPUT"}
        assert all(e["extensions"]["message_en"] for e in body["errors"])
    assert len({str(body["errors"]) for _, body in answers}) == 1


async def test_a_repeated_query_answers_each_caller_with_their_own_data(client, token, tenant_id, other_tenant_id):
    query = "{ me { tenant roles } }"
    for tenant in (tenant_id, other_tenant_id, tenant_id):
        response, body = await gql(client, query, token(tenant, "viewer"))
        assert response.status_code == 200 and body["data"]["me"]["tenant"] == tenant


async def test_a_repeated_query_without_a_token_is_unauthenticated_every_time(client, token, tenant_id):
    query = "{ me { tenant } }"
    await gql(client, query, token(tenant_id, "viewer"))
    for _ in range(2):
        response, body = await gql(client, query, None)
        assert response.status_code == 401 and codes(body) == ["UNAUTHENTICATED"]
