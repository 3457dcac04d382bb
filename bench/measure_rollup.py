"""The national rollup's read cost, reproducibly: `python -m bench.measure_rollup [--grassroots N]`.

Generates the benchmark's national country (bench.generator, `thidua bench`'s shape) once into
a kept data directory and projects it, then times the national rollup now and as of
bench.rollup.AS_OF_DAY: its raw-SQL floor and, with `--http`, through GraphQL against a real
server, side by side; `--explain` prints the plan of each statement with its row counts;
`--database-url` keeps the country in a database of a server instead (PostgreSQL 15 plans
some statements otherwise than the embedded server). A
tool for work on the rollup's read speed, not part of `thidua bench` (that run owns the
reported figures).
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg

from bench import rollup
from bench.generator import Generated, generate
from bench.latency import percentile
from bench.national import FULL, Scale, national_tenant
from bench.projection import analyze, catch_up_rate
from bench.server import running_server
from bench.unit_events import ORG_NS
from infra.embedded import start_embedded
from infra.platform import Platform, open_platform
from infra.scratch_database import create_database, with_database
from infra.settings import Settings
from tenants.ids import root_unit_id


async def _dataset(platform: Platform, admin: asyncpg.Connection, scale: Scale) -> Generated:
    if not await admin.fetchval("SELECT count(*) FROM tenant_heads"):
        done = await generate(platform, scale)
        print(f"generated {done.events} events in {done.seconds:.1f} s")
        caught = await catch_up_rate(platform, workers=2)
        print(f"projected in {caught['projection.catch_up_s']} s")
        await analyze(platform)
    from uuid import uuid5
    national = national_tenant("")
    return Generated(scale, national, uuid5(ORG_NS, f"{national}/plan"), root_unit_id(national), [])


def _line(label: str, ms: list[float]) -> str:
    return f"{label:22s} p50 {percentile(ms, 50):7.2f} ms  p99 {percentile(ms, 99):7.2f} ms  ({len(ms)} reads)"


async def _explain(platform: Platform, data: Generated, as_of: date | None) -> None:
    """The plan of the rollup's figures statement, as read_rollup runs it."""
    from projections.read_models.scope import ROLLUP_RELATIONS, read_scope
    from projections.rollup import queries

    class Explaining:
        def __init__(self, conn: asyncpg.Connection):
            self.conn = conn

        def __getattr__(self, name: str):
            return getattr(self.conn, name)

        async def fetch(self, sql: str, *args):
            if sql in (queries.NOW, queries.AS_OF):
                for row in await self.conn.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql, *args):
                    print(row[0])
            return await self.conn.fetch(sql, *args)

    async with read_scope(platform.db, None) as conn:
        await queries.read_rollup(Explaining(conn), data.national_tenant, data.national_plan_id,
                                  data.national_unit_id, ROLLUP_RELATIONS, as_of)


async def measure(admin_url: str, scale: Scale, samples: int, http: bool, explain: bool) -> None:
    async with open_platform(Settings.from_env(), admin_url) as platform:
        admin = await asyncpg.connect(admin_url)
        try:
            data = await _dataset(platform, admin, scale)
            for table in ("rollup_counters", "rollup_counters_dated", "rollup_leaf", "rollup_leaf_dated"):
                print(f"{table:22s} {await admin.fetchval(f'SELECT count(*) FROM {table}'):>10,} rows")
        finally:
            await admin.close()
        if explain:
            for as_of in (None, rollup.AS_OF_DAY):
                await _explain(platform, data, as_of)
        for as_of, label in ((None, "now"), (rollup.AS_OF_DAY, "as of")):
            floor = await rollup.sql_floor_ms(platform, data, samples, samples // 20, as_of)
            print(_line(f"{label}: SQL floor", floor))
        if http:
            from services.auth.tokens import mint_token
            secret = platform.settings.auth.jwt_secret
            token = mint_token(secret, tenant=data.national_tenant, roles=["national"], subject="bench")
            async with running_server(admin_url, secret) as base:
                for as_of, label in ((None, "now"), (rollup.AS_OF_DAY, "as of")):
                    ms = await rollup.http_rollup_ms(base, token, data, samples, samples // 20, as_of)
                    print(_line(f"{label}: GraphQL", ms))


async def _kept_database(url: str) -> str:
    """The database `url` names, created on its server if absent (and kept for the next run)."""
    name = urlsplit(url).path.lstrip("/")
    server = with_database(url, "postgres")
    conn = await asyncpg.connect(server)
    try:
        exists = await conn.fetchval("SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", name)
    finally:
        await conn.close()
    return url if exists else await create_database(server, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grassroots", type=int, default=FULL.grassroots)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/thidua-rollup"))
    parser.add_argument("--database-url", help="a database of a server (created if absent, kept), not the embedded one")
    parser.add_argument("--http", action="store_true", help="also through GraphQL against a real server")
    parser.add_argument("--explain", action="store_true", help="print each statement's plan first")
    args = parser.parse_args()
    scale = Scale(grassroots=args.grassroots, upper_unions=max(4, args.grassroots // 100))
    url = (asyncio.run(_kept_database(args.database_url)) if args.database_url
           else start_embedded(args.data_dir / f"g{args.grassroots}"))
    asyncio.run(measure(url, scale, args.samples, args.http, args.explain))


if __name__ == "__main__":
    main()
