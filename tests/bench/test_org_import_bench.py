"""The org-import benchmark runs end to end against a real `thidua serve`, at a tiny scale:
every unit of its sheet lands in the store, and every key it reports is a measured number."""

from __future__ import annotations

from uuid import uuid4

from bench.org_import import measure_import
from bench.org_sheet import UPPER, org_rows
from bench.server import running_server
from bench.targets import PART_KEYS


async def test_the_import_benchmark_writes_the_whole_sheet_and_reports_every_key(platform, admin, admin_url):
    tenant = f"bench-import-{uuid4().hex[:8]}"
    async with running_server(admin_url, platform.settings.auth.jwt_secret) as base:
        results = await measure_import(platform, base, grassroots=12, baseline_sample=4, tenant=tenant)

    assert set(results) == set(PART_KEYS["org_import"])
    assert results["org_import.units"] == UPPER + 12 == len(org_rows(12))
    assert all(v > 0 for v in results.values())
    created = await admin.fetchval("SELECT count(*) FROM events WHERE tenant_id = $1 AND topic LIKE '%OrgUnit.Created'",
                                   tenant)
    assert created == 1 + UPPER + 12  # the root, then the sheet's units
