"""Application-tier errors raised by the infrastructure (the edge maps them to responses)."""

from __future__ import annotations

from uuid import UUID


class ApplicationError(Exception):
    code = "APPLICATION_ERROR"


class ConcurrencyError(ApplicationError):
    """An append named a stream version that is no longer the stream's current version."""

    code = "CONFLICT"

    def __init__(self, stream_id: UUID, expected: int, actual: int):
        super().__init__(f"stream {stream_id} is at version {actual}, expected {expected}")
        self.stream_id, self.expected, self.actual = stream_id, expected, actual


class NotFoundError(ApplicationError):
    code = "NOT_FOUND"


class InvalidTenantError(ApplicationError):
    code = "BAD_INPUT"


class DatabaseUnavailableError(ApplicationError):
    """The database cannot be reached right now; the request may be retried."""

    code = "UNAVAILABLE"
