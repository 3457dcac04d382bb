"""Fixtures for fast domain tests (no database)."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest
from eventsourcing.persistence import Mapper

from domain.plan import Plan
from domain.rules import RuleBook, default_rulebook
from infra.serialization import create_mapper

TENANT = "tay-ninh"


@pytest.fixture
def mapper() -> Mapper:
    """The store's own mapper (pure: no I/O), so the round-trip tests check what is stored."""
    return create_mapper()


@pytest.fixture
def rulebook() -> RuleBook:
    return default_rulebook()


def launched(seed, on: date, tenant: str = TENANT, issuing_unit_id: UUID | None = None, **overrides) -> Plan:
    """A seed plan drafted, issued and launched on `on`."""
    plan = Plan.draft(**{**seed.draft_args(tenant, issuing_unit_id or uuid4()), **overrides})
    plan.issue(**{**seed.ISSUE, "issued_on": seed.ISSUE["issued_on"] or on})
    plan.launch(on)
    return plan
