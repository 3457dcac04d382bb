"""The PostgreSQL server a benchmark run measures against.

Without DATABASE_URL one throw-away embedded server is started for the run; with it, a
fresh database is created on that server and dropped afterwards, so a benchmark never
writes into a database someone uses.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit, urlunsplit
from uuid import uuid4

import asyncpg

from infra.embedded import start_embedded
from infra.settings import Settings


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


@asynccontextmanager
async def bench_database(settings: Settings) -> AsyncIterator[str]:
    """Yields a superuser URL of an empty database."""
    server_url = settings.database.url
    if not server_url:
        yield await asyncio.to_thread(start_embedded, None)
        return
    name = f"thidua_bench_{uuid4().hex[:10]}"
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    try:
        yield with_database(server_url, name)
    finally:
        conn = await asyncpg.connect(server_url)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


@asynccontextmanager
async def sibling_database(admin_url: str, label: str) -> AsyncIterator[str]:
    """Another empty database on the same server (e.g. a second, smaller country)."""
    name = f"thidua_bench_{label}_{uuid4().hex[:6]}"
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    try:
        yield with_database(admin_url, name)
    finally:
        conn = await asyncpg.connect(admin_url)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()
