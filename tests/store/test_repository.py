from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from uuid import UUID, uuid4

import pytest
from eventsourcing.domain import Aggregate, event

from infra.errors import ConcurrencyError, NotFoundError
from infra.repository import AggregateRepository

pytestmark = pytest.mark.store


class Ledger(Aggregate):
    """A small aggregate with every value type our events use."""

    @event("Opened")
    def __init__(self, owner: UUID, opened_on: date):
        self.owner, self.opened_on, self.entries = owner, opened_on, []

    @event("Entered")
    def enter(self, amount: Decimal, at: datetime) -> None:
        self.entries.append((amount, at))


async def test_save_and_load_round_trips_typed_values(platform, tenant_id):
    ledger = Ledger(uuid4(), date(2021, 10, 12))
    ledger.enter(Decimal("1.50"), datetime(2021, 10, 1, 8, tzinfo=timezone.utc))
    await platform.repository.save(tenant_id, ledger)
    loaded = await platform.repository.get(tenant_id, ledger.id)
    assert (loaded.owner, loaded.opened_on, loaded.entries, loaded.version) == (
        ledger.owner, date(2021, 10, 12), ledger.entries, 2
    )


async def test_stale_copy_cannot_overwrite(platform, tenant_id):
    ledger = Ledger(uuid4(), date(2021, 1, 1))
    await platform.repository.save(tenant_id, ledger)
    first = await platform.repository.get(tenant_id, ledger.id)
    second = await platform.repository.get(tenant_id, ledger.id)
    first.enter(Decimal(1), datetime.now(timezone.utc))
    second.enter(Decimal(2), datetime.now(timezone.utc))
    await platform.repository.save(tenant_id, first)
    with pytest.raises(ConcurrencyError):
        await platform.repository.save(tenant_id, second)
    assert (await platform.repository.get(tenant_id, ledger.id)).entries[0][0] == Decimal(1)


async def test_load_at_a_version_and_as_of_a_moment(platform, tenant_id):
    ledger = Ledger(uuid4(), date(2021, 1, 1))
    ledger.enter(Decimal(1), datetime.now(timezone.utc))
    result = await platform.repository.save(tenant_id, ledger)
    ledger.enter(Decimal(2), datetime.now(timezone.utc))
    await platform.repository.save(tenant_id, ledger)
    at_v2 = await platform.repository.get(tenant_id, ledger.id, version=2)
    as_of = await platform.repository.get(tenant_id, ledger.id, as_of=result.recorded_at)
    assert len(at_v2.entries) == len(as_of.entries) == 1


async def test_loading_starts_from_a_snapshot(platform, tenant_id, admin):
    repository = AggregateRepository(platform.store, snapshot_every=4)
    ledger = Ledger(uuid4(), date(2021, 1, 1))
    for amount in range(5):
        ledger.enter(Decimal(amount), datetime.now(timezone.utc))
        await repository.save(tenant_id, ledger)
    snapshot_versions = await admin.fetch(
        "SELECT version FROM snapshots WHERE tenant_id = $1 AND stream_id = $2", tenant_id, ledger.id
    )
    assert [r["version"] for r in snapshot_versions] == [4]
    loaded = await repository.get(tenant_id, ledger.id)
    assert loaded.version == 6 and [e[0] for e in loaded.entries] == [Decimal(n) for n in range(5)]


async def test_unknown_aggregate_is_not_found(platform, tenant_id, other_tenant_id):
    ledger = Ledger(uuid4(), date(2021, 1, 1))
    await platform.repository.save(tenant_id, ledger)
    with pytest.raises(NotFoundError):
        await platform.repository.get(other_tenant_id, ledger.id)


async def test_idempotent_save_is_replayed_not_appended(platform, tenant_id):
    key = f"cmd-{uuid4()}"
    first = await platform.repository.save(tenant_id, Ledger(uuid4(), date(2021, 1, 1)), idempotency_key=key)
    again = await platform.repository.save(tenant_id, Ledger(uuid4(), date(2021, 1, 1)), idempotency_key=key)
    assert again.replayed and again.last_position == first.last_position
    assert (await platform.store.head(tenant_id)).position == 1
