"""Errors the infrastructure raises, each with a stable public `code`.

`CodedError` is the base of every coded error below the edge (store, audit, application);
the one mapper at the edge (api/errors.py) turns any of them into a response. The
application layer translates the store's not-found and conflict into its own
(services/errors.py).
"""

from __future__ import annotations

from uuid import UUID


class CodedError(Exception):
    code = "APPLICATION_ERROR"
    message_vi = ""  # the Vietnamese message where it says more than the code's general one

    def __init__(self, *args: object, message_vi: str = "") -> None:
        super().__init__(*args)
        if message_vi:
            self.message_vi = message_vi


class ConcurrencyError(CodedError):
    """An append named a stream version that is no longer the stream's current version."""

    code = "CONFLICT"

    def __init__(self, stream_id: UUID, expected: int, actual: int):
        super().__init__(f"stream {stream_id} is at version {actual}, expected {expected}")
        self.stream_id, self.expected, self.actual = stream_id, expected, actual


class NotFoundError(CodedError):
    """No stream (or tenant) with that id."""

    code = "NOT_FOUND"


class InvalidTenantError(CodedError):
    code = "BAD_INPUT"


class DatabaseUnavailableError(CodedError):
    """The database cannot be reached right now; the request may be retried."""

    code = "UNAVAILABLE"
