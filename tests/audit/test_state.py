from __future__ import annotations

import copy
import json
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID, uuid4

import pytest
from eventsourcing.domain import Aggregate, event

from audit.errors import AuditInputError
from audit.jsonable import aggregate_to_dict
from audit.reads import list_reads
from audit.state import state_of
from domain.organisation import OrgUnit, UnitKind
from infra.errors import NotFoundError


class Quota(Aggregate):
    """A small aggregate with the value types auditors will meet."""

    @event("Opened")
    def __init__(self, plan_id: UUID, deadline: date):
        self.plan_id, self.deadline, self.grants, self.total = plan_id, deadline, [], Decimal("0")

    @event("Granted")
    def grant(self, unit_id: UUID, amount: Decimal) -> None:
        self.grants.append({"unit": unit_id, "amount": amount})
        self.total += amount


async def test_state_as_of_each_moment_equals_the_state_built_up_to_it(platform, tenant_id):
    quota = Quota(uuid4(), date(2025, 11, 30))
    saved = []  # (moment, the aggregate as it was in memory when saved)
    for amount in ("1.5", "2", "0.25"):
        quota.grant(uuid4(), Decimal(amount))
        result = await platform.repository.save(tenant_id, quota)
        saved.append((result.recorded_at, copy.deepcopy(quota)))
    for moment, expected in saved:
        state = await state_of(platform.repository, tenant_id, quota.id, auditor="kt", as_of=moment)
        assert state.state == aggregate_to_dict(expected)
    assert saved[0][1].version == 2 and state.version == 4


async def test_state_is_json_able_with_typed_values_spelled_out(platform, tenant_id):
    unit = uuid4()
    quota = Quota(uuid4(), date(2025, 11, 30))
    quota.grant(unit, Decimal("1.50"))
    await platform.repository.save(tenant_id, quota)
    state = (await state_of(platform.repository, tenant_id, quota.id, auditor="kt")).state
    json.dumps(state)
    assert state["deadline"] == "2025-11-30" and state["total"] == "1.50"
    assert state["grants"] == [{"unit": str(unit), "amount": "1.50"}]
    assert state["id"] == str(quota.id) and state["version"] == 2


async def test_state_at_a_version_and_every_read_recorded(platform, tenant_id):
    quota = Quota(uuid4(), date(2025, 11, 30))
    quota.grant(uuid4(), Decimal(1))
    quota.grant(uuid4(), Decimal(2))
    await platform.repository.save(tenant_id, quota)
    state = await state_of(platform.repository, tenant_id, quota.id, auditor="kt-7", version=2)
    assert state.state["total"] == "1" and state.aggregate_type.endswith(":Quota")
    read = (await list_reads(platform.db, tenant_id))[0]
    assert (read.auditor, read.what, read.detail["version"]) == ("kt-7", "state", 2)


async def test_before_the_first_event_there_is_nothing(platform, tenant_id):
    quota = Quota(uuid4(), date(2025, 11, 30))
    result = await platform.repository.save(tenant_id, quota)
    with pytest.raises(NotFoundError):
        await state_of(platform.repository, tenant_id, quota.id, auditor="kt",
                       as_of=result.recorded_at.replace(year=2020))


async def test_version_and_moment_together_are_refused(platform, tenant_id):
    with pytest.raises(AuditInputError):
        await state_of(platform.repository, tenant_id, uuid4(), auditor="kt", version=1,
                       as_of=datetime.now().astimezone())


async def test_org_unit_as_of_before_and_after_a_merge(platform, tenant_id):
    root = OrgUnit.create(tenant_id=tenant_id, kind=UnitKind.NATIONAL_BODY,
                          name="Tổng Liên đoàn Lao động Việt Nam", parent=None, effective=date(1929, 7, 28))
    bp = OrgUnit.create(tenant_id=tenant_id, kind=UnitKind.PROVINCE_FEDERATION,
                        name="LĐLĐ tỉnh Bình Phước", parent=root, effective=date(1997, 1, 1))
    dn = OrgUnit.create(tenant_id=tenant_id, kind=UnitKind.PROVINCE_FEDERATION,
                        name="LĐLĐ tỉnh Đồng Nai", parent=root, effective=date(1976, 1, 1))
    before = await platform.repository.save(tenant_id, root, bp, dn)
    before_merge = copy.deepcopy(bp)
    bp.merge_into(dn, date(2025, 7, 1))
    after = await platform.repository.save(tenant_id, bp)
    then = await state_of(platform.repository, tenant_id, bp.id, auditor="kt", as_of=before.recorded_at)
    now = await state_of(platform.repository, tenant_id, bp.id, auditor="kt", as_of=after.recorded_at)
    assert then.state == aggregate_to_dict(before_merge) and then.state["end"] is None
    assert now.state == aggregate_to_dict(bp)
    assert (now.state["end"], now.state["ended_on"], now.state["successor_ids"]) == (
        "merged", "2025-07-01", [str(dn.id)])
    assert now.state["kind"] == UnitKind.PROVINCE_FEDERATION.value


async def test_cli_state_prints_the_aggregate(platform, cli, tenant_id):
    quota = Quota(uuid4(), date(2025, 11, 30))
    quota.grant(uuid4(), Decimal("3"))
    await platform.repository.save(tenant_id, quota)
    result = await cli("audit", "state", "--tenant", tenant_id, "--stream", str(quota.id), "--version", "1")
    assert result.code == 0
    printed = json.loads(result.out)
    assert printed["version"] == 1 and printed["state"]["total"] == "0"
    missing = await cli("audit", "state", "--tenant", tenant_id, "--stream", str(uuid4()))
    assert missing.code == 2 and missing.err.startswith("error NOT_FOUND:")
