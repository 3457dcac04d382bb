"""What the numbers were measured on: cores, memory, PostgreSQL version."""

from __future__ import annotations

import os
import platform
import sys

import asyncpg


def _memory_gib() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        return None


async def describe(admin_url: str) -> dict[str, object]:
    conn = await asyncpg.connect(admin_url)
    try:
        version = await conn.fetchval("SHOW server_version")
        settings = {name: await conn.fetchval(f"SHOW {name}")
                    for name in ("synchronous_commit", "shared_buffers", "max_connections")}
    finally:
        await conn.close()
    return {
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "postgresql_version": version,
        "postgresql_settings": settings,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }
