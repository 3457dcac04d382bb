"""A province's whole org tree imported from one XLSX upload, over HTTP against a running
server, next to the baseline it replaces: the same units created one REST call at a time.

The baseline is timed on a sample of the rows (creating all of them one by one would take
minutes) and its rate stated beside the import's; the import itself runs on the whole file:
a dry run, the real run (one append), the same file again (nothing to write) and an export.
"""

from __future__ import annotations

import time
from datetime import date

import httpx

from bench.org_sheet import GRASSROOTS, org_rows, org_xlsx
from domain.errors import Duplicate
from infra.platform import Platform
from services.auth.tokens import mint_token
from services.context import CommandContext
from services.tenants import provision_platform, provision_tenant
from tenants.ids import NATIONAL_TENANT, root_unit_id

_CTX = CommandContext(actor="bench-org-import")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


__all__ = ["GRASSROOTS", "ImportFailed", "measure_import"]


class ImportFailed(RuntimeError):
    """The server refused or failed a step; the part is skipped with this reason."""


async def measure_import(platform: Platform, base: str, *, grassroots: int, baseline_sample: int,
                         tenant: str = "bench-binh-duong") -> dict[str, float]:
    rows = org_rows(grassroots)
    content = org_xlsx(rows)
    officer = await _province(platform, tenant)
    baseline = await _baseline(platform, base, rows, baseline_sample, f"{tenant}-rest")
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {officer}"},
                                 timeout=120) as http:
        dry_s, _ = await _upload(http, content, dry_run=True, expect=200)
        write_s, report = await _upload(http, content, dry_run=False, expect=201)
        again_s, again = await _upload(http, content, dry_run=False, expect=200)
        started = time.perf_counter()
        exported = await http.get("/api/v1/org-units/export", params={"format": "xlsx"})
        export_s = time.perf_counter() - started
    if report["new"] != len(rows) or again["unchanged"] != len(rows) or exported.status_code != 200:
        raise ImportFailed(f"imported {report['new']} of {len(rows)}; again unchanged {again['unchanged']}")
    one_by_one_s = len(rows) / baseline
    return {"org_import.units": len(rows), "org_import.file_kib": round(len(content) / 1024, 1),
            "org_import.write_s": round(write_s, 2), "org_import.dry_run_s": round(dry_s, 2),
            "org_import.reimport_s": round(again_s, 2), "org_import.export_s": round(export_s, 2),
            "org_import.units_per_s": round(len(rows) / write_s, 1),
            "org_import.rest_one_by_one_units_per_s": round(baseline, 1),
            "org_import.rest_one_by_one_estimated_s": round(one_by_one_s, 1),
            "org_import.speedup_vs_rest": round(one_by_one_s / write_s, 1)}


async def _upload(http: httpx.AsyncClient, content: bytes, *, dry_run: bool, expect: int) -> tuple[float, dict]:
    started = time.perf_counter()
    reply = await http.post("/api/v1/org-units/import", params={"dry_run": str(dry_run).lower()},
                            files={"file": ("binh-duong.xlsx", content, XLSX)})
    elapsed = time.perf_counter() - started
    if reply.status_code != expect:
        raise ImportFailed(f"import (dry_run={dry_run}) answered {reply.status_code}: {reply.text[:300]}")
    return elapsed, reply.json()["report"]


async def _baseline(platform: Platform, base: str, rows: list[list[object]], sample: int, tenant: str) -> float:
    """Units per second created through `POST /api/v1/org-units/`, one call after another, as
    a client without the import does (the upper-level unions first, then their units)."""
    officer = await _province(platform, tenant)
    ids: dict[str, str] = {"": str(root_unit_id(tenant))}
    kinds = {"Công đoàn khu công nghiệp": "industrial_zone_union", "Công đoàn xã, phường": "commune_union",
             "Công đoàn cơ sở": "grassroots_union"}
    picked = [r for r in rows if not r[3]][:max(1, sample // 10)]
    picked += [r for r in rows if r[3] in {p[0] for p in picked}][:sample - len(picked)]
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {officer}"}, timeout=30) as http:
        started = time.perf_counter()
        for code, name, kind, parent, flag, effective in picked:
            reply = await http.post("/api/v1/org-units/", json={
                "kind": kinds[kind], "name": name, "parent_id": ids[parent], "code": code,
                "enterprise": flag == "có", "effective": effective.isoformat()})
            if reply.status_code != 201:
                raise ImportFailed(f"the one-by-one baseline answered {reply.status_code}: {reply.text[:300]}")
            ids[code] = reply.json()["id"]
        return len(picked) / (time.perf_counter() - started)


async def _province(platform: Platform, tenant: str) -> str:
    """A fresh province federation tenant under the national body; an officer's token for it."""
    try:
        await provision_platform(platform, _CTX, effective=date(2020, 1, 1))
    except Duplicate:
        pass  # the generated country already holds it
    await provision_tenant(platform, _CTX, tenant_id=tenant, name="Liên đoàn Lao động tỉnh Bình Dương",
                           kind="province_federation", effective=date(2020, 1, 1), national_tenant=NATIONAL_TENANT)
    return mint_token(platform.settings.auth.jwt_secret, tenant=tenant, roles=["officer"], subject="bench")
