from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from uuid import UUID, uuid4

import pytest

from cli.main import main
from infra.records import NewEvent


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(admin_url, monkeypatch, capsys) -> Callable[..., Awaitable[CliResult]]:
    """Run `thidua ...` in-process against the test database (in a thread: it runs its own loop)."""
    monkeypatch.setenv("DATABASE_URL", admin_url)
    monkeypatch.setenv("THIDUA_POOL_MIN", "1")

    async def run(*argv: str) -> CliResult:
        capsys.readouterr()
        code = await asyncio.to_thread(main, list(argv))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def event(name: str, **body: object) -> NewEvent:
    return NewEvent(f"tests.audit:{name}", json.dumps({"name": name, **body}, ensure_ascii=False))


async def ten_events(platform, tenant_id: str) -> list[UUID]:
    """Five streams of two events each: positions 1..10."""
    streams = [uuid4() for _ in range(5)]
    for i, stream in enumerate(streams):
        await platform.store.append(tenant_id, stream, 0, [event(f"A{i}"), event(f"B{i}")],
                                    metadata={"actor": f"user-{i % 2}", "trace_id": f"trace-{i}"})
    return streams
