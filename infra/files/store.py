"""The interface every file store implements, and the content address it keys files by."""

from __future__ import annotations

import hashlib
from typing import Protocol


def content_address(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


class FileStore(Protocol):
    """Bytes by (tenant, sha256). Storing the same content twice is harmless; stored content
    is never replaced, so what an event's sha256 names cannot change without detection."""

    async def put(self, tenant: str, content: bytes) -> str:
        """Store `content` for `tenant`; return its sha256 (hex)."""

    async def get(self, tenant: str, sha256: str) -> bytes | None:
        """The stored bytes, or None when the tenant holds no file at that address."""
