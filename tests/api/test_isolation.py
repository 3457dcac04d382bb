from __future__ import annotations

from infra.records import NewEvent
from tests.api.conftest import codes, gql

HISTORY = "query($t: String) { history(tenant: $t) { position topic body } }"


async def _append(platform, tenant: str, name: str) -> None:
    from uuid import uuid4

    await platform.store.append(tenant, uuid4(), 0, [NewEvent(f"tests:{name}", f'{{"who": "{name}"}}')], {}, None)


async def test_an_auditor_reads_only_the_tenants_granted_to_it(client, platform, token, tenant_id, other_tenant_id):
    await _append(platform, tenant_id, "mine")
    await _append(platform, other_tenant_id, "theirs")
    auditor = token(tenant_id, "auditor", audit_tenants=[tenant_id])
    response, body = await gql(client, HISTORY, auditor, t=tenant_id)
    assert response.status_code == 200
    assert [e["body"]["who"] for e in body["data"]["history"]] == ["mine"]

    response, body = await gql(client, HISTORY, auditor, t=other_tenant_id)
    assert response.status_code == 404 and codes(body) == ["NOT_FOUND"]
    assert "theirs" not in response.text


async def test_another_tenant_that_does_not_exist_looks_the_same_as_one_that_does(
        client, platform, token, tenant_id, other_tenant_id):
    await _append(platform, other_tenant_id, "theirs")
    auditor = token(tenant_id, "auditor", audit_tenants=[tenant_id])
    _, existing = await gql(client, HISTORY, auditor, t=other_tenant_id)
    _, missing = await gql(client, HISTORY, auditor, t="t-never-created")
    assert existing["errors"][0]["extensions"]["code"] == missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_an_auditor_of_its_own_tenant_needs_the_grant(client, platform, token, tenant_id):
    await _append(platform, tenant_id, "mine")
    response, body = await gql(client, HISTORY, token(tenant_id, "auditor"))
    assert codes(body) == ["NOT_FOUND"]


async def test_a_platform_admin_reads_any_tenants_history(client, platform, token, tenant_id, other_tenant_id):
    await _append(platform, other_tenant_id, "theirs")
    response, body = await gql(client, HISTORY, token(tenant_id, "platform_admin"), t=other_tenant_id)
    assert [e["body"]["who"] for e in body["data"]["history"]] == ["theirs"]


async def test_a_national_token_cannot_read_the_raw_history(client, platform, token, tenant_id, other_tenant_id):
    await _append(platform, other_tenant_id, "theirs")
    response, body = await gql(client, HISTORY, token(tenant_id, "national"), t=other_tenant_id)
    assert response.status_code == 403 and codes(body) == ["FORBIDDEN"]
