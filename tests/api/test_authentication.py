from __future__ import annotations

import time

import pytest

from cli.main import main
from services.auth.tokens import mint_token
from tests.api.conftest import SETTINGS, codes, gql

ME = "{ me { tenant roles unit } }"


async def test_a_valid_token_identifies_the_caller(client, token, tenant_id):
    response, body = await gql(client, ME, token(tenant_id, "viewer", "officer"))
    assert response.status_code == 200
    assert body["data"]["me"] == {"tenant": tenant_id, "roles": ["officer", "viewer"], "unit": None}


async def test_a_request_without_token_is_unauthenticated(client):
    response, body = await gql(client, ME)
    assert response.status_code == 401
    assert codes(body) == ["UNAUTHENTICATED"]
    assert body["errors"][0]["extensions"]["message_vi"]


@pytest.mark.parametrize("header", ["Token abc", "Bearer", "Bearer not.a.jwt", "Bearer abc def"])
async def test_a_malformed_authorization_header_is_unauthenticated(client, header):
    response = await client.post("/graphql", json={"query": ME}, headers={"Authorization": header})
    assert response.status_code == 401
    assert codes(response.json()) == ["UNAUTHENTICATED"]


async def test_a_token_signed_with_another_key_is_unauthenticated(client, tenant_id):
    forged = mint_token("not-the-server-secret-but-as-long-as-one", tenant=tenant_id, roles=["platform_admin"])
    response, body = await gql(client, ME, forged)
    assert response.status_code == 401 and codes(body) == ["UNAUTHENTICATED"]


async def test_an_expired_token_is_unauthenticated(client, tenant_id):
    expired = mint_token(SETTINGS.auth.jwt_secret, tenant=tenant_id, roles=["viewer"], ttl_s=60,
                         now=time.time() - 3600)
    response, body = await gql(client, ME, expired)
    assert response.status_code == 401 and codes(body) == ["UNAUTHENTICATED"]
    assert "expired" in body["errors"][0]["message"]


async def test_a_token_with_an_unknown_role_is_unauthenticated(client, tenant_id):
    import jwt

    raw = jwt.encode({"sub": "x", "tenant": tenant_id, "roles": ["emperor"], "iat": int(time.time()),
                      "exp": int(time.time()) + 60}, SETTINGS.auth.jwt_secret, algorithm="HS256")
    response, body = await gql(client, ME, raw)
    assert response.status_code == 401 and codes(body) == ["UNAUTHENTICATED"]


async def test_a_role_without_the_right_is_forbidden(client, token, tenant_id):
    response, body = await gql(client, "{ history { position } }", token(tenant_id, "viewer"))
    assert response.status_code == 403
    assert codes(body) == ["FORBIDDEN"]


def test_the_token_command_mints_a_token_the_server_accepts(capsys, tenant_id):
    from services.auth.tokens import verify_token

    assert main(["token", "--role", "auditor", "--tenant", tenant_id, "--audit-tenant", "t-x", "--ttl", "60"]) == 0
    principal = verify_token(SETTINGS.auth.jwt_secret, capsys.readouterr().out.strip())
    assert principal.tenant == tenant_id and principal.audit_tenants == {"t-x"}
