"""Dossier files against the events that attached them.

The chain covers each file's sha256 (it is in the attaching event's body); this walk reads
every attached file back from the file store and hashes it, so a file replaced or removed
after the fact is reported at the position of the event that recorded it.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventsourcing.utils import get_topic

from domain.nomination import Nomination
from domain.registration import Registration
from infra.database import Database
from infra.files import FileStore, content_address

FILE_TOPICS = [get_topic(Nomination.DossierFileAttached), get_topic(Registration.RegistrationFileAttached)]


@dataclass(frozen=True)
class FileProblem:
    position: int
    sha256: str
    reason: str


async def first_file_problem(db: Database, files: FileStore, tenant_id: str,
                             batch_size: int = 1000) -> FileProblem | None:
    """The first attaching event (by position) whose file is missing or changed, if any."""
    checked: set[str] = set()
    async for position, sha256 in _attached(db, tenant_id, batch_size):
        if sha256 in checked:
            continue
        content = await files.get(tenant_id, sha256)
        if content is None:
            return FileProblem(position, sha256, f"file {sha256} is missing from the file store")
        if content_address(content) != sha256:
            return FileProblem(position, sha256, f"file {sha256} was changed after it was recorded")
        checked.add(sha256)
    return None


async def _attached(db: Database, tenant_id: str, batch_size: int):
    after = 0
    while True:
        async with db.tenant_transaction(tenant_id) as conn:
            rows = await conn.fetch(
                "SELECT position, body->>'file_sha256' AS sha256 FROM events WHERE tenant_id = $1"
                " AND topic = ANY($2::text[]) AND position > $3 ORDER BY position LIMIT $4",
                tenant_id, FILE_TOPICS, after, batch_size)
        if not rows:
            return
        for row in rows:
            yield row["position"], row["sha256"]
        after = rows[-1]["position"]
