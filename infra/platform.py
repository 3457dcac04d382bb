"""Opens the infrastructure once: database (embedded or not), migrations, store, repository."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from infra.database import Database
from infra.embedded import start_embedded
from infra.event_store import EventStore
from infra.files import FileStore, open_file_store
from infra.repository import AggregateRepository
from infra.settings import Settings


@dataclass
class Platform:
    settings: Settings
    db: Database
    store: EventStore
    repository: AggregateRepository
    files: FileStore


async def resolve_admin_url(settings: Settings) -> str:
    """DATABASE_URL if given, else the embedded server with its persistent data directory."""
    if settings.database.url:
        return settings.database.url
    return await asyncio.to_thread(start_embedded, settings.database.data_dir)


@asynccontextmanager
async def open_platform(settings: Settings, admin_url: str | None = None) -> AsyncIterator[Platform]:
    db = await Database.open(admin_url or await resolve_admin_url(settings), settings.database)
    store = EventStore(db, settings.database.append_calls)
    try:
        yield Platform(settings, db, store, AggregateRepository(store, snapshot_every=50),
                       open_file_store(settings.files, db))
    finally:
        await store.aclose()  # the last coalesced notifications, while the pool is open
        await db.close()
