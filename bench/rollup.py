"""The national rollup: through GraphQL over HTTP against a running server, and its raw-SQL
floor (the same statements on a pooled connection with the national scope); now and as of a
day (AS_OF_DAY), side by side in one run."""

from __future__ import annotations

from datetime import date

import httpx

from bench.generator import Generated
from bench.latency import percentile, sample_ms
from infra.platform import Platform

_METRICS = """metrics { unitsInScope enterpriseUnits unitsRegistered registrationRate registrations
  registrationsLate targetsRegistered targetsMet initiativesRegistered workItemsRegistered reports
  reportsOnTime reportsLate reportsDue reportsMissing membersSupported fundsMobilised initiatives
  workItemsCompleted modelsByType { name count } nominationsByState { name count }
  awardsByForm { name count } registrationsByPhase { name count } }"""
QUERY = """query Rollup($planTenant: String!, $planId: UUID!, $node: UUID!, $asOf: Date) {
  rollup(planTenant: $planTenant, planId: $planId, node: $node, asOf: $asOf) {
    nodeId %s children { nodeId name %s } freshness { tenant position lagEvents } } }""" % (_METRICS, _METRICS)
AS_OF_DAY = date(2021, 12, 31)
"""The as-of reads ask for the generated campaign's last day of 2021."""


class RollupFailed(RuntimeError):
    """The server answered the rollup with an error: no latency is reported for it."""


async def http_rollup_ms(base: str, token: str, data: Generated, count: int, warmup: int,
                         as_of: date | None = None) -> list[float]:
    variables = {"planTenant": data.national_tenant, "planId": str(data.national_plan_id),
                 "node": str(data.national_unit_id), "asOf": as_of.isoformat() if as_of else None}
    async with httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {token}"}) as client:
        async def call() -> None:
            reply = await client.post("/graphql", json={"query": QUERY, "variables": variables}, timeout=30)
            body = reply.json()
            if reply.status_code != 200 or body.get("errors"):
                raise RollupFailed(f"HTTP {reply.status_code}: {str(body)[:300]}")
        await call()
        return await sample_ms(call, count, warmup)


async def sql_floor_ms(platform: Platform, data: Generated, count: int, warmup: int,
                       as_of: date | None = None) -> list[float]:
    from projections.read_models.scope import ROLLUP_RELATIONS, read_scope
    from projections.rollup.queries import rollup_rows

    async def call() -> None:
        async with read_scope(platform.db, None) as conn:
            await rollup_rows(conn, data.national_tenant, data.national_plan_id, data.national_unit_id,
                              ROLLUP_RELATIONS, as_of)

    return await sample_ms(call, count, warmup)


def summary(http_ms: list[float], floor_ms: list[float], prefix: str = "rollup.") -> dict[str, float]:
    p99, floor_p99 = percentile(http_ms, 99), percentile(floor_ms, 99)
    return {f"{prefix}p50_ms": round(percentile(http_ms, 50), 2), f"{prefix}p99_ms": round(p99, 2),
            f"{prefix}sql_floor_p99_ms": round(floor_p99, 2),
            f"{prefix}ratio_p99_vs_floor": round(p99 / floor_p99, 2)}
