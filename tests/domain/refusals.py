"""Assert a refusal by its whole public contract: the error class, its stable `code` and
`rule` (what a client and an auditor rely on), and its English and Vietnamese messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from domain.errors import DomainError


@contextmanager
def refused(error: type[DomainError], code: str, rule: str, message: str,
            message_vi: str = "") -> Iterator[None]:
    with pytest.raises(error) as caught:
        yield
    got = caught.value
    assert (got.code, got.rule, got.message, str(got), got.message_vi) == (code, rule, message, message, message_vi)
