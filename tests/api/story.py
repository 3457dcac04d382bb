"""Helpers that drive the REST commands the way a client would (used by several tests)."""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID

from domain.errors import Duplicate
from domain.plan import to_data
from seeds import seed_001
from services.context import SYSTEM
from services.tenants import provision_platform
from tenants.ids import NATIONAL_TENANT, root_unit_id
from tests.api.conftest import bearer


async def ensure_national_platform(platform) -> None:
    try:
        await provision_platform(platform, SYSTEM, effective=date(2020, 1, 1))
    except Duplicate:
        pass  # provisioned by an earlier test of the session


async def post(client, path: str, token: str, body: dict, key: str | None = None):
    headers = {**bearer(token), **({"Idempotency-Key": key} if key else {})}
    response = await client.post(f"/api/v1{path}", content=json.dumps(body, default=str),
                                 headers={**headers, "Content-Type": "application/json"})
    return response, response.json()


async def provision(client, admin_token: str, tenant: str, name: str = "Liên đoàn Lao động tỉnh Tây Ninh") -> UUID:
    response, body = await post(client, "/tenants", admin_token, {
        "tenant_id": tenant, "name": name, "kind": "province_federation", "effective": "2020-01-01"})
    assert response.status_code == 201, body
    assert body["root_unit_id"] == str(root_unit_id(tenant))
    return UUID(body["root_unit_id"])


async def create_unit(client, token: str, parent: UUID, kind: str, name: str, **extra) -> UUID:
    response, body = await post(client, "/org-units", token, {
        "kind": kind, "name": name, "parent_id": str(parent), "effective": "2020-01-01", **extra})
    assert response.status_code == 201, body
    return UUID(body["id"])


def seed_001_draft(issuing_unit: UUID) -> dict:
    args = seed_001.draft_args("x", issuing_unit)
    args.pop("tenant")
    return json.loads(json.dumps(to_data(args), default=str))


NATIONAL = NATIONAL_TENANT
