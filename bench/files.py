"""Dossier file stores side by side: PostgreSQL (the default) and a directory, against the
floor of writing the same bytes to files with no store at all (no hashing, no database).

Each store takes the same files (random bytes, so every one is a new content address), one
at a time as one upload does, then gives them back; MiB/s of file content.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path
from uuid import uuid4

from infra.files import FileStore
from infra.files.directory import DirectoryFileStore
from infra.files.postgres import PostgresFileStore
from infra.platform import Platform

MIB = 1024 * 1024


async def file_store_rates(platform: Platform, *, files: int, size: int = MIB) -> dict[str, float]:
    contents = [os.urandom(size) for _ in range(files)]
    mib = files * size / MIB
    with tempfile.TemporaryDirectory(prefix="thidua-bench-files-") as root:
        floor_s = await asyncio.to_thread(_floor_write_s, Path(root) / "floor", contents)
        stores = {"postgres": PostgresFileStore(platform.db), "directory": DirectoryFileStore(Path(root) / "store")}
        results = {"files.floor_write_mib_per_s": round(mib / floor_s, 1), "files.file_mib": size / MIB,
                   "files.count": files}
        for name, store in stores.items():
            put_s, get_s = await _put_get_s(store, f"bench-files-{uuid4().hex[:8]}", contents)
            results[f"files.{name}_put_mib_per_s"] = round(mib / put_s, 1)
            results[f"files.{name}_get_mib_per_s"] = round(mib / get_s, 1)
            results[f"files.{name}_put_ratio_vs_floor"] = round(floor_s / put_s, 3)
    return results


async def _put_get_s(store: FileStore, tenant: str, contents: list[bytes]) -> tuple[float, float]:
    start = time.perf_counter()
    addresses = [await store.put(tenant, content) for content in contents]
    put_s = time.perf_counter() - start
    start = time.perf_counter()
    for address in addresses:
        if await store.get(tenant, address) is None:
            raise RuntimeError(f"the {type(store).__name__} lost a file it had just stored")
    return put_s, time.perf_counter() - start


def _floor_write_s(folder: Path, contents: list[bytes]) -> float:
    """The same bytes written and fsynced one file each, as the directory store does."""
    folder.mkdir(parents=True)
    start = time.perf_counter()
    for n, content in enumerate(contents):
        with open(folder / str(n), "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
    return time.perf_counter() - start
