"""Registration (đăng ký thi đua) of one unit for one phase of a plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from decimal import Decimal
from typing import Iterable
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.errors import BadInput, DeadlinePassed, Duplicate, InvalidTransition, OutOfScope
from domain.events import versioned
from domain.files import FileFacts, check_new_file, file_entry
from domain.ids import registration_id
from domain.numbers import amount
from domain.plan import Plan, to_data
from domain.text import nfc, required


@dataclass(frozen=True)
class Target:
    indicator: str
    amount: int | Decimal
    unit: str = ""


@versioned
class Registration(Aggregate):
    # sha256 → the file's entry (the registration form, its annexes). Reassigned, never
    # mutated; the class default serves snapshots taken before registrations held files.
    files = MappingProxyType({})  # not annotated: a class default, not a dataclass field

    @staticmethod
    def create_id(tenant: str, plan_id: UUID, phase: str, unit_id: UUID, **_: object) -> UUID:
        return registration_id(tenant, plan_id, phase, unit_id)

    @event("UnitRegistered")
    def __init__(self, tenant: str, plan_id: UUID, phase: str, unit_id: UUID, targets: list,
                 work_items: list, initiatives: list, registered_on: date, late: bool) -> None:
        self.tenant, self.plan_id, self.phase, self.unit_id = tenant, plan_id, phase, unit_id
        self.targets_data, self.work_items, self.initiatives = targets, work_items, initiatives
        self.registered_on, self.late = registered_on, late
        self.results: dict[str, int | Decimal] = {}

    @property
    def targets(self) -> list[Target]:
        return [Target(**t) for t in self.targets_data]

    def record_result(self, indicator: str, achieved: int | Decimal, on: date) -> None:
        """Achieved amount for a target, from a report or the final result."""
        indicator = nfc(indicator)
        if indicator not in {t.indicator for t in self.targets}:
            raise BadInput(f"no registered target {indicator!r}", rule="registration.results",
                           message_vi=f"Chưa đăng ký chỉ tiêu {indicator!r}")
        self._record_result(indicator, amount(achieved, "achieved", "registration.results"), on)

    def attach_file(self, kind: str, file: FileFacts) -> None:
        check_new_file(self.files, file.sha256)
        self._attach_file(required(kind, "document kind"), file.name, file.sha256, file.size, file.media_type)

    @event("RegistrationFileAttached")
    def _attach_file(self, kind: str, file_name: str, file_sha256: str, file_size: int, media_type: str) -> None:
        self.files = {**self.files, file_sha256: file_entry(kind, file_name, file_sha256, file_size, media_type)}

    @event("TargetResultRecorded")
    def _record_result(self, indicator: str, achieved: int | Decimal, on: date) -> None:
        self.results = {**self.results, indicator: achieved}

    def outcome(self, target: Target) -> str:
        """'exceeded' (vượt mức), 'met', 'not_met' or 'unreported'."""
        got = self.results.get(target.indicator)
        if got is None:
            return "unreported"
        return "exceeded" if got > target.amount else "met" if got == target.amount else "not_met"

    @property
    def exceeded_targets(self) -> bool:
        """Seed 001 standard: 'Hoàn thành vượt mức chỉ tiêu' — every target exceeded."""
        return bool(self.targets) and all(self.outcome(t) == "exceeded" for t in self.targets)


def register(plan: Plan, unit_id: UUID, unit_in_scope: bool, phase: str,
             targets: Iterable[Target], work_items: Iterable[str] = (),
             initiatives: Iterable[str] = (), *, on: date) -> Registration:
    """Apply the plan's rules to a registration request made on `on`."""
    _check_plan_open(plan)
    _check_in_scope(unit_in_scope)
    late = _check_deadline(plan, phase, on)
    return Registration(
        tenant=plan.tenant, plan_id=plan.id, phase=phase, unit_id=unit_id,
        targets=to_data(_clean_targets(targets)), work_items=[required(w, "work_item") for w in work_items],
        initiatives=[required(i, "initiative") for i in initiatives], registered_on=on, late=late)


def _check_plan_open(plan: Plan) -> None:
    if not plan.accepts_registrations:
        raise InvalidTransition(f"plan is {plan.status}; registrations need a launched plan",
                                rule="registration.plan_launched",
                                message_vi="Kế hoạch chưa được phát động: chưa thể đăng ký thi đua")


def _check_in_scope(unit_in_scope: bool) -> None:
    if not unit_in_scope:
        raise OutOfScope("the unit is outside the plan's scope", rule="registration.scope",
                         message_vi="Đơn vị không thuộc phạm vi kế hoạch")


def _check_deadline(plan: Plan, phase: str, on: date) -> bool:
    """Returns the late flag; raises when the plan refuses late registrations."""
    deadline = plan.registration_deadline(phase)
    if deadline is None or not deadline.passed(on):
        return False
    if plan.late_registration_policy == "refuse":
        raise DeadlinePassed(f"registration deadline {deadline.last_day} has passed",
                             rule="plan.registration_deadline",
                             message_vi=f"Đã quá hạn đăng ký thi đua ({deadline.last_day:%d/%m/%Y})")
    return True


def _clean_targets(targets: Iterable[Target]) -> list[Target]:
    cleaned = [Target(required(t.indicator, "indicator"),
                      amount(t.amount, "target amount", "registration.targets"), nfc(t.unit))
               for t in targets]
    if len({t.indicator for t in cleaned}) != len(cleaned):
        raise Duplicate("each indicator may be registered once", rule="registration.targets",
                            message_vi="Mỗi chỉ tiêu chỉ được đăng ký một lần")
    return cleaned
