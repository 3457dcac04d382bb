"""Files in a directory: <root>/<tenant>/<sha256[:2]>/<sha256>, one directory per tenant.

A file is written to a temporary name and renamed into place, so a reader never sees half
a file, and an existing file is never overwritten.
"""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
from pathlib import Path

from infra.database import validate_tenant_id
from infra.files.store import content_address

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class DirectoryFileStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path_of(self, tenant: str, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError(f"not a sha256 content address: {sha256!r}")
        return self.root / validate_tenant_id(tenant) / sha256[:2] / sha256

    async def put(self, tenant: str, content: bytes) -> str:
        sha256 = content_address(content)
        await asyncio.to_thread(self._write, self.path_of(tenant, sha256), content)
        return sha256

    async def get(self, tenant: str, sha256: str) -> bytes | None:
        path = self.path_of(tenant, sha256)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError:
            return None

    @staticmethod
    def _write(path: Path, content: bytes) -> None:
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
