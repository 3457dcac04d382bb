"""Hostile input, as an outsider sends it: every answer is a coded 4xx and nothing is written.

The named cases are the inputs that once answered 500; the generated ones (hypothesis, a
fixed seed) mutate one field of a valid body into something no service may store.
"""

from __future__ import annotations

import json
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.plan.values import RELATIONS
from tests.api.conftest import bearer, event_count

JSON_TYPE = {"Content-Type": "application/json"}
DEEP = "[" * 20_000 + "]" * 20_000
HUGE = "9" * 5_000


def unit_body(office, **change) -> dict:
    return {"kind": "grassroots_union", "name": "CĐCS Công ty B", "parent_id": office["district"],
            "effective": "2020-01-01", **change}


async def send(client, path: str, token: str, body: bytes | str):
    raw = body if isinstance(body, bytes) else body.encode()
    return await client.post(path, content=raw, headers={**bearer(token), **JSON_TYPE})


def assert_coded_refusal(response) -> None:
    assert 400 <= response.status_code < 500, response.text
    body = response.json()
    if response.request.url.path == "/graphql":
        extensions = body["errors"][0]["extensions"]
        assert extensions["code"] and extensions["message_en"] and extensions["message_vi"]
    else:
        assert response.headers["content-type"].startswith("application/problem+json")
        assert body["code"] and body["detail"] and body["message_vi"]
    assert "Traceback" not in response.text and "Error:" not in response.text


REST_CASES = {
    "nul in a name": lambda p: json.dumps(unit_body(p, name="CĐCS\u0000")),
    "nul in a key": lambda p: json.dumps({**unit_body(p), "x\u0000": 1}),
    "unknown unit kind": lambda p: json.dumps(unit_body(p, kind="nonsense")),
    "invalid utf-8": lambda p: b'{"kind": "\xff\xfe", "name": "a"}',
    "nesting 20,000 deep": lambda p: DEEP,
    "a 5,000-digit number": lambda p: '{"kind": ' + HUGE + "}",
    "a body of null": lambda p: "null",
    "not json": lambda p: "{kind: grassroots_union",
}


@pytest.mark.parametrize("case", REST_CASES)
async def test_hostile_rest_bodies_are_refused_and_write_nothing(client, office, admin, case):
    before = await event_count(admin)
    response = await send(client, "/api/v1/org-units", office["officer"], REST_CASES[case](office))
    assert_coded_refusal(response)
    assert response.json()["code"] == "BAD_INPUT"
    assert await event_count(admin) == before


async def test_an_unknown_word_names_the_field_and_openapi_lists_the_words(client, office):
    response = await send(client, "/api/v1/org-units", office["officer"],
                          json.dumps(unit_body(office, kind="nonsense")))
    problem = response.json()
    assert "kind" in json.dumps(problem.get("invalid_params")) + problem["detail"]
    schema = (await client.get("/schema/openapi.json")).json()["components"]["schemas"]
    create_unit_kind = schema["CreateUnit"]["properties"]["kind"]
    assert "grassroots_union" in create_unit_kind["enum"] and "nonsense" not in create_unit_kind["enum"]
    assert "province_federation_executive" in schema["DecideAward"]["properties"]["authority"]["enum"]
    assert schema["LinkParent"]["properties"]["relation"]["enum"] == list(RELATIONS)


async def test_an_unknown_authority_is_bad_input_naming_the_field(client, office, admin):
    before = await event_count(admin)
    response = await send(client, f"/api/v1/nominations/{uuid4()}/award", office["officer"], json.dumps({
        "decision_number": "1/QĐ", "decided_on": "2021-12-30", "signer": "A", "authority": "the_king"}))
    assert response.status_code == 400 and "authority" in json.dumps(response.json().get("invalid_params"))
    assert await event_count(admin) == before


GRAPHQL_CASES = {
    "a body of null": "null",
    "a list body": "[]",
    "invalid utf-8": b'{"query": "{ me { tenant } }\xff"}',
    "nesting 20,000 deep": DEEP,
    "a 5,000-digit variable": '{"query": "{ me { tenant } }", "variables": {"n": ' + HUGE + "}}",
    "an empty selection set": json.dumps({"query": "{ me { } }"}),
    "nul in a variable": json.dumps({"query": "query($t: String) { rollup(planTenant: $t) { nodeId } }",
                                     "variables": {"t": "a\u0000"}}),
    "nul in a literal": json.dumps({"query": '{ me { tenant } leaderboard(planTenant: "a\\u0000", '
                                             'planId: "00000000-0000-0000-0000-000000000000", '
                                             'node: "00000000-0000-0000-0000-000000000000", metric: "x") '
                                             "{ value } }"}),
}


@pytest.mark.parametrize("case", GRAPHQL_CASES)
async def test_hostile_graphql_requests_answer_a_coded_error(client, office, admin, case):
    before = await event_count(admin)
    response = await send(client, "/graphql", office["officer"], GRAPHQL_CASES[case])
    assert_coded_refusal(response)
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["BAD_INPUT"]
    assert await event_count(admin) == before


async def test_an_empty_selection_set_answers_without_a_python_message(client, office):
    response = await send(client, "/graphql", office["officer"], json.dumps({"query": "{ me { } }"}))
    assert "max()" not in response.text and "empty" in response.json()["errors"][0]["message"]


async def test_a_leaderboard_on_a_metric_that_is_not_a_number_is_bad_input(client, office):
    query = ("query($t: String!, $p: UUID!, $n: UUID!) "
             "{ leaderboard(planTenant: $t, planId: $p, node: $n, metric: \"models_by_type\") { value } }")
    response = await client.post("/graphql", json={"query": query, "variables": {
        "t": office["tenant"], "p": str(uuid4()), "n": office["root"]}}, headers=bearer(office["officer"]))
    assert_coded_refusal(response)
    error = response.json()["errors"][0]["extensions"]
    assert error["code"] == "BAD_INPUT" and error["rule"] == "rollup.leaderboard.metric"


# -- generated: one field of a valid body turned into something no service may store --------

NUL_TEXT = st.text(max_size=20).map(lambda s: s[: len(s) // 2] + "\u0000" + s[len(s) // 2:])
UNKNOWN_KIND = st.text(min_size=1, max_size=30).filter(lambda s: not s.endswith(("_union", "_federation", "_body",
                                                                                  "department", "division", "_unit")))
HOSTILE = st.one_of(
    NUL_TEXT,
    st.integers(min_value=2**64),
    st.integers(max_value=-(2**64)),
    st.recursive(st.none() | st.booleans() | st.integers(-5, 5), lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(NUL_TEXT, inner, min_size=1, max_size=2), max_leaves=8)
    .filter(lambda value: isinstance(value, (list, dict))),  # a bare scalar may be valid
)
MUTATION = st.one_of(
    st.tuples(st.sampled_from(["name", "parent_id", "effective", "code", "enterprise"]), HOSTILE),
    st.tuples(st.just("kind"), st.one_of(UNKNOWN_KIND, HOSTILE)),
    st.tuples(NUL_TEXT, st.integers(0, 3)),  # an unknown field, with a NUL in its name
)


def generated(strategy, count: int) -> list:
    """`count` examples of `strategy`, the same on every run (derandomized, no database)."""
    found: list = []

    @settings(max_examples=count, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def collect(value) -> None:
        found.append(value)

    collect()
    return found


async def test_generated_hostile_bodies_never_answer_5xx_nor_write(client, office, admin):
    before = await event_count(admin)
    for field, value in generated(MUTATION, 150):
        body = json.dumps(unit_body(office, **{field: value}))
        response = await send(client, "/api/v1/org-units", office["officer"], body)
        assert 400 <= response.status_code < 500, (field, value, response.text)
    assert await event_count(admin) == before


async def test_generated_hostile_graphql_variables_never_answer_5xx(client, office, admin):
    query = ("query($t: String!, $p: UUID!, $n: UUID!, $m: String!) "
             "{ leaderboard(planTenant: $t, planId: $p, node: $n, metric: $m) { value } }")
    before = await event_count(admin)
    for name, value in generated(st.tuples(st.sampled_from(["t", "p", "n", "m"]), HOSTILE), 100):
        variables = {"t": office["tenant"], "p": str(uuid4()), "n": office["root"], "m": "units_registered",
                     name: value}
        response = await send(client, "/graphql", office["officer"], json.dumps({"query": query,
                                                                                   "variables": variables}))
        assert response.status_code < 500, (name, value, response.text)
    assert await event_count(admin) == before
