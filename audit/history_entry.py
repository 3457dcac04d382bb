"""`HistoryEntry`: one recorded event as auditors read it, its body decoded and its hash in hex."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from infra.records import RecordedEvent


@dataclass(frozen=True)
class HistoryEntry:
    record: RecordedEvent
    """The event exactly as the store read it."""
    body: dict[str, Any]
    """The record's body, decoded."""

    @classmethod
    def of(cls, record: RecordedEvent) -> HistoryEntry:
        return cls(record, json.loads(record.body))

    @property
    def tenant_id(self) -> str:
        return self.record.tenant_id

    @property
    def position(self) -> int:
        return self.record.position

    @property
    def stream_id(self) -> UUID:
        return self.record.stream_id

    @property
    def version(self) -> int:
        return self.record.version

    @property
    def topic(self) -> str:
        return self.record.topic

    @property
    def class_version(self) -> int:
        return self.record.class_version

    @property
    def recorded_at(self) -> datetime:
        return self.record.recorded_at

    @property
    def metadata(self) -> dict[str, Any]:
        return self.record.metadata

    @property
    def hash(self) -> str:
        """The chain hash at this position, hex."""
        return self.record.hash.hex()

    @property
    def actor(self) -> str | None:
        return self.metadata.get("actor")

    @property
    def trace_id(self) -> str | None:
        return self.metadata.get("trace_id")

    @property
    def idempotency_key(self) -> str | None:
        return self.metadata.get("idempotency_key")
