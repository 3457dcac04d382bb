"""Query depth: no type of the schema nests into itself (the org tree is a flat list with
`depth` and `parentId`, a rollup's children are leaves), so no valid query reaches the limit.
These tests keep it so, and show the limit is in force for whatever reaches it."""

from __future__ import annotations

from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType

from api.graphql.limits import MAX_DEPTH
from api.graphql.schema import build_schema
from tests.api.conftest import codes, gql


def _depth(t, seen: tuple[str, ...] = ()) -> float:
    """Fields nested below an object type (1 = leaf fields only); infinite for a cycle."""
    while isinstance(t, (GraphQLList, GraphQLNonNull)):
        t = t.of_type
    if not isinstance(t, GraphQLObjectType):
        return 0
    if t.name in seen:
        return float("inf")
    return 1 + max((_depth(f.type, (*seen, t.name)) for f in t.fields.values()), default=0)


def test_no_type_nests_deep_enough_to_reach_the_depth_limit():
    query = build_schema()._schema.query_type
    deepest = max(_depth(f.type) for f in query.fields.values())
    assert deepest < MAX_DEPTH, "a type nests (or recurses) deep enough to hit the depth limit"


async def test_a_query_deeper_than_the_limit_is_refused(client, token, tenant_id):
    deep = "{ me " + "{ tenant " * (MAX_DEPTH + 1) + "}" * (MAX_DEPTH + 1) + " }"
    response, body = await gql(client, deep, token(tenant_id, "viewer"))
    assert response.status_code == 400 and set(codes(body)) == {"BAD_INPUT"}
    assert any("exceeds maximum operation depth" in e["message"] for e in body["errors"])
