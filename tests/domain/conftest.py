"""Fixtures for fast domain tests (no database)."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import (DatetimeAsISO, DecimalAsStr, JSONTranscoder, Mapper,
                                       Transcoding, UUIDAsHex)

from domain.plan import Plan
from domain.rules import RuleBook, default_rulebook

TENANT = "tay-ninh"


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


@pytest.fixture
def mapper() -> Mapper:
    transcoder = JSONTranscoder()
    for t in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO(), DateAsISO()):
        transcoder.register(t)
    return Mapper(transcoder=transcoder)


@pytest.fixture
def rulebook() -> RuleBook:
    return default_rulebook()


def launched(seed, on: date, tenant: str = TENANT, issuing_unit_id: UUID | None = None, **overrides) -> Plan:
    """A seed plan drafted, issued and launched on `on`."""
    plan = Plan.draft(**{**seed.draft_args(tenant, issuing_unit_id or uuid4()), **overrides})
    plan.issue(**{**seed.ISSUE, "issued_on": seed.ISSUE["issued_on"] or on})
    plan.launch(on)
    return plan
