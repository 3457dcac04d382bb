"""The events the append benchmark writes: real domain events, serialised once.

The mapper leaves the aggregate id and version out of the body, so one serialised
template serves every command; only the stream id changes.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.registration import Registration
from domain.report import ProgressReport
from infra.records import NewEvent
from infra.repository import pending_append
from infra.serialization import create_mapper

_PLAN = UUID("00000000-0000-4000-8000-00000000be01")
_UNIT = UUID("00000000-0000-4000-8000-00000000be02")
METADATA = {"actor": "bench-officer", "trace_id": "0" * 32}


def one_event_command() -> list[NewEvent]:
    """A progress report submitted: one event (ReportSubmitted)."""
    report = ProgressReport(
        tenant="bench", plan_id=_PLAN, unit_id=_UNIT, day=date(2025, 9, 1),
        submitted_on=date(2025, 9, 1), late=False, members_supported=12,
        funds_mobilised=35_000_000, models_started={"ATM gạo": 1}, initiatives=2,
        work_items_completed=3, note="Báo cáo nhanh của công đoàn cơ sở",
    )
    return _serialise(report)


def ten_event_command() -> list[NewEvent]:
    """A registration with nine results recorded: ten events in one stream."""
    registration = Registration(
        tenant="bench", plan_id=_PLAN, phase="2025", unit_id=_UNIT,
        targets=[{"indicator": "Đoàn viên được hỗ trợ", "amount": 100, "unit": "người"}],
        work_items=["Mái ấm công đoàn"], initiatives=["Sáng kiến tiết kiệm"],
        registered_on=date(2025, 3, 1), late=False,
    )
    for day in range(1, 10):
        registration.record_result("Đoàn viên được hỗ trợ", 10 * day, date(2025, 4, day))
    return _serialise(registration)


def _serialise(aggregate) -> list[NewEvent]:
    return list(pending_append(aggregate, create_mapper()).events)
