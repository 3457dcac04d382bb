"""The rollup's refusals: coded errors the edge maps (api/errors.py) like any other."""

from __future__ import annotations

from infra.errors import CodedError


class RollupNotFound(CodedError):
    """The root plan or the node is unknown (or not readable in the caller's scope): a
    rollup of all zeros would look like a campaign where nothing happened."""

    code = "NOT_FOUND"
