"""Assert a refusal by its whole public contract: the error class, its stable `code` and
`rule` (what a client and an auditor rely on), and its English and Vietnamese messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from domain.errors import DomainError


@contextmanager
def refused(error: type[DomainError], code: str, rule: str, message: str,
            message_vi: str | None = None) -> Iterator[None]:
    """`message_vi`: the exact Vietnamese message; left out, any non-blank one (every refusal
    has one: tests/domain/test_bilingual_messages.py)."""
    with pytest.raises(error) as caught:
        yield
    got = caught.value
    assert (got.code, got.rule, got.message, str(got)) == (code, rule, message, message)
    assert got.message_vi.strip() if message_vi is None else got.message_vi == message_vi
