"""Storage of dossier files by content address (sha256), behind one interface.

PostgreSQL is the default (`postgres.py`, the table of migration 0016); a directory is the
option for large deployments (`directory.py`). `open_file_store` picks one from the settings.
"""

from __future__ import annotations

from infra.database import Database
from infra.files.directory import DirectoryFileStore
from infra.files.postgres import PostgresFileStore
from infra.files.store import FileStore, content_address
from infra.settings import FileSettings

__all__ = ["FileStore", "content_address", "open_file_store"]


def open_file_store(settings: FileSettings, db: Database) -> FileStore:
    if settings.store == "postgres":
        return PostgresFileStore(db)
    if settings.store == "directory":
        return DirectoryFileStore(settings.directory)
    raise ValueError(f"THIDUA_FILE_STORE must be 'postgres' or 'directory', not {settings.store!r}")
