"""Errors of the audit tools, with the stable codes the edge maps to responses."""

from __future__ import annotations

from infra.errors import CodedError


class AuditInputError(CodedError):
    """A filter, page size, auditor id or timestamp that cannot be used."""

    code = "BAD_INPUT"
