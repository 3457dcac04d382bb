from __future__ import annotations

from litestar.testing import AsyncTestClient

from api.app import create_app
from infra.settings import Settings


async def test_health_reports_the_database(admin_url):
    async with AsyncTestClient(app=create_app(Settings(), admin_url)) as client:
        response = await client.get("/health")
    assert response.status_code == 200
    assert response.json()["database"]["status"] == "ok"
