"""Throw-away databases on a server (tests, benchmarks, the demo check): created empty,
dropped with FORCE afterwards so a run never writes into a database someone uses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit, urlunsplit

import asyncpg


def with_database(url: str, name: str) -> str:
    """The same server URL, pointing at database `name`."""
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


async def create_database(server_url: str, name: str) -> str:
    """Creates an empty database; returns its URL."""
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return with_database(server_url, name)


async def drop_database(server_url: str, name: str) -> None:
    conn = await asyncpg.connect(server_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


@asynccontextmanager
async def scratch_database(server_url: str, name: str) -> AsyncIterator[str]:
    """Yields the URL of a new empty database `name`, dropped on exit."""
    url = await create_database(server_url, name)
    try:
        yield url
    finally:
        await drop_database(server_url, name)
