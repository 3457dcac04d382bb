"""The projection contract: a name, the read-model tables it owns, one handler per topic.

A handler is `async def handler(self, conn, event)` and reads the event's body through
`event.domain_event`; it runs inside the batch transaction, with the tenant's
row-level-security setting applied. Table names are resolved through
`self.t[...]` so the same projection can write into the `__rebuild` copies.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, ClassVar

import asyncpg
from eventsourcing.utils import get_topic

from projections.engine.event import Event


class ProjectionError(RuntimeError):
    """A handler failed: the (projection, tenant) stops at `position`; nothing is skipped."""

    def __init__(self, projection: str, tenant_id: str, position: int, cause: BaseException):
        self.projection, self.tenant_id, self.position, self.cause = projection, tenant_id, position, cause
        super().__init__(f"projection {projection!r} failed for tenant {tenant_id!r} at event "
                         f"position {position}: {type(cause).__name__}: {cause}")


Handler = Callable[[Any, asyncpg.Connection, Event], Awaitable[None]]


def handles(*event_classes: type | str) -> Callable[[Handler], Handler]:
    """Mark a method as the handler of the given domain event classes (or topic strings)."""
    def mark(func: Handler) -> Handler:
        func.__handles__ = [c if isinstance(c, str) else get_topic(c) for c in event_classes]
        return func
    return mark


class Projection:
    name: ClassVar[str]
    tables: ClassVar[tuple[str, ...]]
    handlers: ClassVar[dict[str, Handler]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.handlers = {topic: func for func in vars(cls).values()
                        for topic in getattr(func, "__handles__", ())}

    def __init__(self, suffix: str = "") -> None:
        """`suffix="__rebuild"` writes into fresh copies and keeps its own checkpoint."""
        self.suffix = suffix
        self.t = {table: table + suffix for table in self.tables}
        self.checkpoint_name = self.name + suffix

    @property
    def topics(self) -> list[str]:
        return sorted(self.handlers)

    async def apply(self, conn: asyncpg.Connection, tenant_id: str, events: Sequence[Event]) -> None:
        target = await self.begin(conn, tenant_id, events)
        for event in events:
            try:
                await self.handlers[event.topic](self, target, event)
            except Exception as exc:  # any handler failure stops here, named by position
                raise ProjectionError(self.name, tenant_id, event.position, exc) from exc
        if events:
            try:
                await self.finish(target)
            except Exception as exc:  # a deferred write failed: named by the batch's last event
                raise ProjectionError(self.name, tenant_id, events[-1].position, exc) from exc

    async def begin(self, conn: asyncpg.Connection, tenant_id: str, events: Sequence[Event]) -> Any:
        """What the handlers of this batch write to: the connection itself unless overridden
        (a projection may hand them an in-memory view whose writes `finish` sends at once)."""
        return conn

    async def finish(self, target: Any) -> None:
        """Send the batch's deferred writes, in the same transaction as the checkpoint."""

    def advanced(self, tenant_id: str, position: int) -> None:
        """The batch just applied moves the tenant's checkpoint to `position` when its
        transaction commits: a projection may keep what it knows of the tenant for the next
        batch, trusting it only if that batch starts exactly there."""
