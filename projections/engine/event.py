"""The event a handler receives: a recorded event, its body decoded, and the same body as the
domain's own event object, so handlers read `e.domain_event.plan_id`, not string keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any
from uuid import UUID

import asyncpg

from projections.engine.decoding import decode_body, to_domain_event


@dataclass(frozen=True)
class Event:
    """A recorded event with its body decoded (UUIDs, dates, decimals restored)."""

    tenant_id: str
    position: int
    stream_id: UUID
    version: int
    topic: str
    recorded_at: datetime
    data: dict[str, Any]

    @classmethod
    def from_row(cls, row: asyncpg.Record) -> Event:
        return cls(row["tenant_id"], row["position"], row["stream_id"], row["version"],
                   row["topic"], row["recorded_at"], decode_body(row["body"]))

    @cached_property
    def domain_event(self) -> Any:
        """The body as an object of the domain event class named by `topic` (e.g.
        Registration.UnitRegistered), built on first use: one per event, shared by every
        projection a batch feeds."""
        return to_domain_event(self.topic, self.stream_id, self.version, self.data)
