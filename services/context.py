"""What every command carries besides its inputs, and what every command returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID


@dataclass(frozen=True)
class CommandContext:
    """Who asks, for which unit, and the keys that make a retry safe and a trace followable.

    `idempotency_key`: a retried command with the same key returns the first result and
    writes nothing (the store remembers the key with the events it wrote).
    `request_fingerprint`: a digest of the request the key came with; the same key with
    another request is refused (IDEMPOTENCY_KEY_REUSED) instead of answering the first result.
    `writes_under`: the unit whose subtree the caller may write for (FORBIDDEN outside it);
    None: anywhere in the tenant (the system, a platform administrator).
    """

    actor: str
    unit_id: UUID | None = None
    idempotency_key: str | None = None
    correlation_id: str | None = None
    writes_under: UUID | None = None
    request_fingerprint: str | None = None

    def metadata(self, command: str) -> dict[str, Any]:
        """Event metadata: who and why, never business facts (style: events carry facts only)."""
        meta: dict[str, Any] = {"actor": self.actor, "command": command}
        if self.unit_id is not None:
            meta["unit_id"] = str(self.unit_id)
        if self.correlation_id:
            meta["correlation_id"] = self.correlation_id
        if self.idempotency_key and self.request_fingerprint:
            meta["request_fingerprint"] = self.request_fingerprint
        return meta


SYSTEM = CommandContext(actor="system")


@dataclass(frozen=True)
class CommandResult:
    """The aggregate a command wrote, its version afterwards and the tenant log position.

    `replayed` is True when the idempotency key had been seen: nothing was written.
    """

    id: UUID
    version: int
    position: int
    replayed: bool = False
    created: tuple[UUID, ...] = ()
    """Further aggregates the command created (e.g. the new units of a split)."""
