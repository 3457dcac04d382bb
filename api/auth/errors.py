"""Application errors of authentication and authorisation."""

from __future__ import annotations

from infra.errors import ApplicationError


class Unauthenticated(ApplicationError):
    """No token, or one that is malformed, badly signed or expired."""

    code = "UNAUTHENTICATED"


class Forbidden(ApplicationError):
    """A valid token whose roles do not allow the operation."""

    code = "FORBIDDEN"
