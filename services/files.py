"""Dossier files of nominations and registrations: attach (upload) and read (download).

The bytes go to the platform's file store by content address, then the event records the
sha256, size and media type, so the tenant's hash chain covers the file. The bytes are
stored only after the domain accepted the file and the caller's reach was checked; if the
save then loses a race, an unreferenced content-addressed file is left, which is harmless.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from domain.files import file_facts
from domain.nomination import Nomination
from domain.registration import Registration
from infra.files import content_address
from infra.platform import Platform
from services.commands import load, update
from services.context import CommandContext, CommandResult
from services.errors import FileDamaged, NotFoundError


class HoldsFiles(Protocol):
    files: Mapping[str, dict]

    def attach_file(self, kind: str, file) -> None: ...


@dataclass(frozen=True)
class DossierFile:
    name: str
    media_type: str
    size: int
    sha256: str
    content: bytes


# aggregate type → (command name, the unit whose subtree may write it)
_OWNERS = {
    Nomination: ("attach_nomination_file", lambda n: n.proposing_unit_id),
    Registration: ("attach_registration_file", lambda r: r.unit_id),
}


async def attach_file(platform: Platform, tenant: str, ctx: CommandContext, cls: type[HoldsFiles],
                      aggregate_id: UUID, *, kind: str, name: str, content: bytes,
                      expected_version: int | None = None) -> CommandResult:
    """PAYLOAD_TOO_LARGE over the limit, UNSUPPORTED_MEDIA_TYPE unless the content is a PDF,
    DOCX, XLSX, JPEG or PNG, DUPLICATE for a file already in the dossier."""
    # Hashing and reading a package's directory take a while for a large file: off the loop.
    facts = await asyncio.to_thread(file_facts, content, name, platform.settings.files.max_bytes)
    command, unit_of = _OWNERS[cls]

    async def change(holder: HoldsFiles) -> None:
        holder.attach_file(kind, facts)
        await platform.files.put(tenant, content)
    return await update(platform, tenant, ctx, command, cls, aggregate_id, expected_version, change,
                        unit_of=unit_of)


async def list_files(platform: Platform, tenant: str, cls: type[HoldsFiles], aggregate_id: UUID) -> list[dict]:
    """The dossier's files in the order they were attached (kind, name, sha256, size, type)."""
    return list((await load(platform, tenant, aggregate_id, cls)).files.values())


async def read_file(platform: Platform, tenant: str, cls: type[HoldsFiles], aggregate_id: UUID,
                    sha256: str) -> DossierFile:
    """The file as attached; NOT_FOUND unless this dossier holds it, FILE_DAMAGED when the
    stored bytes no longer match the recorded sha256."""
    holder = await load(platform, tenant, aggregate_id, cls)
    entry = holder.files.get(sha256.lower())
    if entry is None:
        raise NotFoundError(f"no file {sha256} in the dossier of {aggregate_id}")
    content = await platform.files.get(tenant, entry["sha256"])
    if content is None or content_address(content) != entry["sha256"]:
        raise FileDamaged(f"stored file {entry['sha256']} does not match its record")
    return DossierFile(entry["name"], entry["media_type"], entry["size"], entry["sha256"], content)
