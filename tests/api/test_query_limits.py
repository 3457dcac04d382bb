"""Fragments do not get around the alias and depth limits (strawberry-graphql >= 0.315.7),
and an operation whose worst case is too large is refused before it runs, with a coded error."""

from __future__ import annotations

from graphql import parse

from api.graphql.cost import MAX_COST, selection_cost
from api.graphql.limits import MAX_ALIASES, MAX_DEPTH
from api.graphql.schema import build_schema
from tests.api.conftest import codes, gql

PLAN = "00000000-0000-0000-0000-000000000001"


def _aliases(prefix: str, n: int) -> str:
    return " ".join(f"{prefix}{i}: me {{ subject }}" for i in range(n))


async def test_aliases_hidden_in_fragments_count_where_spread(client, token, tenant_id):
    half = MAX_ALIASES // 2 + 1
    query = (f"query {{ ...A ...B }} fragment A on Query {{ {_aliases('a', half)} }}"
             f" fragment B on Query {{ {_aliases('b', half)} }}")
    response, body = await gql(client, query, token(tenant_id, "viewer"))
    assert response.status_code == 400 and set(codes(body)) == {"BAD_INPUT"}, body
    assert any("aliases" in e["message"] for e in body["errors"])

    one = f"query {{ ...A }} fragment A on Query {{ {_aliases('a', half)} }}"
    response, body = await gql(client, one, token(tenant_id, "viewer"))
    assert response.status_code == 200 and "errors" not in body, body  # under the limit: answered


async def test_nesting_through_fragments_counts_toward_the_depth_limit(client, token, tenant_id):
    levels = MAX_DEPTH + 2
    fragments = " ".join(f"fragment F{i} on Viewer {{ roles {{ ...F{i + 1} }} }}" for i in range(levels))
    query = f"query {{ me {{ ...F0 }} }} {fragments} fragment F{levels} on Viewer {{ subject }}"
    response, body = await gql(client, query, token(tenant_id, "viewer"))
    assert response.status_code == 400 and set(codes(body)) == {"BAD_INPUT"}
    assert any("exceeds maximum operation depth" in e["message"] for e in body["errors"])


HEAVY = "edges { node { id targets { indicator amount achieved } } }"


def test_the_cost_of_a_fragment_is_paid_at_each_spread():
    schema = build_schema()._schema
    once = parse(f"{{ registrations(planId: \"{PLAN}\", first: 100) {{ {HEAVY} }} }}")
    twice = parse(f"{{ a: registrations(planId: \"{PLAN}\", first: 100) {{ ...R }}"
                  f" b: registrations(planId: \"{PLAN}\", first: 100) {{ ...R }} }}"
                  f" fragment R on RegistrationConnection {{ {HEAVY} }}")
    cost_once = selection_cost(once.definitions[0].selection_set, schema.query_type, {})
    fragments = {d.name.value: d for d in twice.definitions[1:]}
    assert selection_cost(twice.definitions[0].selection_set, schema.query_type, fragments) == 2 * cost_once
    small = parse(f"{{ registrations(planId: \"{PLAN}\", first: 5) {{ {HEAVY} }} }}")
    cost_small = selection_cost(small.definitions[0].selection_set, schema.query_type, {})
    assert cost_once - 1 == 20 * (cost_small - 1)  # the connection object once, its page per node


def test_a_page_is_costed_at_its_size_and_no_more():
    schema = build_schema()._schema
    fields = "position topic body metadata"
    history = parse(f"{{ historyPage(limit: 500) {{ entries {{ {fields} }} }} }}")
    asked_too_much = parse(f"{{ historyPage(limit: 100000) {{ entries {{ {fields} }} }} }}")
    cost = selection_cost(history.definitions[0].selection_set, schema.query_type, {})
    assert cost == 1 + 500 * (1 + 4) <= MAX_COST  # an auditor's largest page is allowed
    # beyond the field's maximum its resolver refuses (rule api.paging): costed at the maximum
    assert selection_cost(asked_too_much.definitions[0].selection_set, schema.query_type, {}) == cost


async def test_an_operation_over_the_cost_limit_is_refused_with_a_coded_error(client, admin, token, tenant_id):
    spreads = " ".join(f"r{i}: registrations(planId: \"{PLAN}\", first: 100) {{ ...R }}" for i in range(15))
    query = f"{{ {spreads} }} fragment R on RegistrationConnection {{ {HEAVY} }}"
    response, body = await gql(client, query, token(tenant_id, "viewer"))
    assert response.status_code == 400, body
    error, = body["errors"]
    assert error["extensions"]["code"] == "BAD_INPUT" and error["extensions"]["rule"] == "graphql.cost"
    assert str(MAX_COST) in error["message"] and error["extensions"]["message_vi"]
    assert body.get("data") is None  # refused before any resolver ran

    cheaper = (f"{{ r: registrations(planId: \"{PLAN}\", first: 20) {{ ...R }} }}"
               f" fragment R on RegistrationConnection {{ {HEAVY} }}")
    response, body = await gql(client, cheaper, token(tenant_id, "viewer"))
    assert response.status_code == 200 and "errors" not in body, body
