"""Application errors: what the application layer refuses besides a broken domain rule.

Each has a stable `code`; the one mapper at the edge (api/errors.py) turns it into a response.
The store's own failures (infra/errors.py) are translated here, at the service boundary, so a
client meets the same error whichever store call found it.
"""

from __future__ import annotations

from uuid import UUID

from infra.errors import CodedError


class ApplicationError(CodedError):
    code = "APPLICATION_ERROR"


class NotFoundError(ApplicationError):
    """No aggregate of the asked type with that id in the tenant (or one the caller may not see)."""

    code = "NOT_FOUND"


class ConcurrencyError(ApplicationError):
    """The aggregate moved on from the version the client named, or a racing command won."""

    code = "CONFLICT"

    def __init__(self, stream_id: UUID, expected: int, actual: int):
        super().__init__(f"stream {stream_id} is at version {actual}, expected {expected}")
        self.stream_id, self.expected, self.actual = stream_id, expected, actual


class Unauthenticated(ApplicationError):
    """No token, or one that is malformed, badly signed or expired."""

    code = "UNAUTHENTICATED"


class Forbidden(ApplicationError):
    """A valid caller whose roles or subtree do not allow the operation."""

    code = "FORBIDDEN"


class LinkInvalid(ApplicationError):
    """A one-time link that is unknown, already used or expired."""

    code = "LINK_INVALID"


class TooManyAttempts(ApplicationError):
    """Sign-in refused for a while after too many wrong passwords."""

    code = "TOO_MANY_REQUESTS"

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = max(1, retry_after)


class IdempotencyKeyReused(ApplicationError):
    """An idempotency key came back with a different request (IETF Idempotency-Key draft: 422)."""

    code = "IDEMPOTENCY_KEY_REUSED"


class FileDamaged(ApplicationError):
    """A stored file no longer matches the sha256 its event recorded (or is gone): the store
    was changed behind the application's back. `thidua audit verify` says where."""

    code = "FILE_DAMAGED"
