"""Refusals are one JSON line in the log; only a server error writes a traceback. A 405
names the methods allowed; the OpenAPI document lists the refusals of every operation."""

from __future__ import annotations

import json
import logging

import pytest

from tests.api.conftest import bearer, gql

REFUSED = "thidua.api.refused"


def refusal_lines(caplog) -> list[dict]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == REFUSED]


def tracebacks(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]


@pytest.mark.parametrize("path, status", [("/api/v1/org-units", 401), ("/no/such/path", 404)])
async def test_a_rest_refusal_is_one_json_line_without_a_traceback(client, caplog, path, status):
    with caplog.at_level(logging.INFO):
        response = await client.post(path, json={})
    assert response.status_code == status
    [line] = refusal_lines(caplog)
    assert line["status"] == status and line["path"] == path and line["code"]
    assert not tracebacks(caplog)


async def test_a_forbidden_graphql_field_is_one_json_line_without_a_traceback(client, caplog, token, tenant_id):
    with caplog.at_level(logging.INFO):
        response, body = await gql(client, "{ history { topic } }", token(tenant_id, "officer"))
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    [line] = refusal_lines(caplog)
    assert line["code"] == "FORBIDDEN" and line["path"] == "/graphql"
    assert not tracebacks(caplog)


async def test_a_bad_graphql_document_is_one_json_line(client, caplog, token, tenant_id):
    with caplog.at_level(logging.INFO):
        await gql(client, "{ me { salary } }", token(tenant_id, "viewer"))
    [line] = refusal_lines(caplog)
    assert line["code"] == "BAD_INPUT" and "salary" in line["message"]
    assert not tracebacks(caplog)


async def test_a_wrong_method_answers_405_with_allow(client, token, tenant_id):
    response = await client.get("/api/v1/org-units", headers=bearer(token(tenant_id, "officer")))
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert response.json()["code"] == "METHOD_NOT_ALLOWED"


async def test_every_command_operation_lists_its_refusals_as_problem_details(client):
    paths = (await client.get("/schema/openapi.json")).json()["paths"]
    operations = [op for path, item in paths.items() if path.startswith("/api/v1") for op in item.values()]
    assert len(operations) > 20
    for operation in operations:
        for status in ("400", "401", "403", "404", "409", "422", "503"):
            assert "application/problem+json" in operation["responses"][status]["content"], (operation, status)
