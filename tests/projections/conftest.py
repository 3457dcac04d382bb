from __future__ import annotations

import pytest

from infra.platform import Platform
from projections.engine.batch import catch_up
from projections.registry import all_projections


@pytest.fixture
def project(platform: Platform):
    """Catch every projection up for the given tenants (the runner's batch path)."""
    async def run(*tenants: str, batch_size: int = 500) -> None:
        for projection in all_projections():
            for tenant in tenants:
                await catch_up(platform.db, projection, tenant, batch_size)
    return run
