"""Every shape of "the database is not there" maps to 503 with Retry-After, never a 500."""

from __future__ import annotations

import asyncpg
import pytest
from asyncpg.exceptions._base import InternalClientError

from api.errors import to_public
from infra.errors import CodedError

OUTAGES = {
    "a connection left mid-protocol by a restart":
        InternalClientError("cannot switch to state 15; another operation is in progress"),
    "too many connections": asyncpg.TooManyConnectionsError("sorry, too many clients already"),
    "the server shutting down": asyncpg.AdminShutdownError("terminating connection due to administrator command"),
    "a closed connection": asyncpg.ConnectionDoesNotExistError("connection was closed in the middle of operation"),
    "a refused connection": ConnectionRefusedError(111, "Connection refused"),
}


@pytest.mark.parametrize("case", OUTAGES)
def test_database_outages_answer_503_with_retry_after(case):
    error = to_public(OUTAGES[case])
    assert (error.code, error.status) == ("UNAVAILABLE", 503) and error.retry_after


def test_an_outage_wrapped_by_another_error_is_still_503():
    try:
        try:
            raise InternalClientError("cannot switch to state 15; another operation is in progress")
        except InternalClientError as exc:
            raise CodedError("saving failed") from exc
    except CodedError as wrapped:
        assert to_public(wrapped).status == 503


def test_a_programming_error_is_still_500():
    assert to_public(ValueError("bug")).status == 500
