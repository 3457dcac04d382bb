"""API fixtures: one app over the session's database, a token factory, GraphQL helper."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from litestar.testing import AsyncTestClient

from api.app import create_app
from infra.settings import Settings
from services.auth.tokens import mint_token

SETTINGS = Settings()


@pytest.fixture(scope="session")
async def client(admin_url: str) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=create_app(SETTINGS, admin_url)) as test_client:
        yield test_client


@pytest.fixture
def token() -> Callable[..., str]:
    def make(tenant: str, *roles: str, **claims) -> str:
        return mint_token(SETTINGS.auth.jwt_secret, tenant=tenant, roles=roles or ("viewer",), **claims)

    return make


def bearer(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


async def gql(client: AsyncTestClient, query: str, token: str | None = None, **variables):
    response = await client.post("/graphql", json={"query": query, "variables": variables},
                                 headers=bearer(token))
    return response, response.json()


def codes(body: dict) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


async def event_count(admin) -> int:
    return await admin.fetchval("SELECT count(*) FROM events")


@pytest.fixture
async def office(client, platform, token, tenant_id) -> dict[str, str]:
    """A provisioned tenant with one district federation, and an officer's token."""
    from tests.api.story import create_unit, ensure_national_platform, provision  # story imports this module

    await ensure_national_platform(platform)
    root = await provision(client, token(tenant_id, "platform_admin"), tenant_id)
    officer = token(tenant_id, "officer")
    district = await create_unit(client, officer, root, "district_federation", "LĐLĐ huyện Gò Dầu")
    return {"root": str(root), "district": str(district), "officer": officer, "tenant": tenant_id}
