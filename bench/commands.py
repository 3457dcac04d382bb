"""HTTP commands under concurrent load: officers of 16 tenants creating org units under
their tenant's root through the REST API, all at once, for a fixed duration."""

from __future__ import annotations

import asyncio
import time
from itertools import count

import httpx

from bench.generator import Generated
from bench.latency import percentile
from tenants.ids import root_unit_id


async def command_load(base: str, tokens: dict[str, str], data: Generated, clients: int,
                       duration_s: float, warmup_s: float) -> dict[str, float]:
    serial = count()
    latencies: list[float] = []
    failures: list[str] = []

    async def client_loop(tenant: str, until: float, record: bool) -> None:
        body = {"kind": "commune_union", "parent_id": str(root_unit_id(tenant)), "effective": "2025-07-01"}
        async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {tokens[tenant]}"}) as http:
            while time.perf_counter() < until:
                started = time.perf_counter()
                reply = await http.post("/api/v1/org-units/", timeout=30,
                                        json={**body, "name": f"Công đoàn phường bench {next(serial)}"})
                if reply.status_code != 201:
                    failures.append(f"{reply.status_code}: {reply.text[:200]}")
                elif record:
                    latencies.append((time.perf_counter() - started) * 1000)

    tenants = [data.tenants[i % len(data.tenants)] for i in range(clients)]
    until = time.perf_counter() + warmup_s
    await asyncio.gather(*(client_loop(t, until, False) for t in tenants))
    started = time.perf_counter()
    await asyncio.gather(*(client_loop(t, started + duration_s, True) for t in tenants))
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError(f"{len(failures)} commands failed, e.g. {failures[0]}")
    return {"commands.per_s": round(len(latencies) / elapsed, 1),
            "commands.p99_ms": round(percentile(latencies, 99), 2),
            "commands.p50_ms": round(percentile(latencies, 50), 2)}
