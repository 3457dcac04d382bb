"""AwardQuota: a ledger of award slots per (plan, award-form pool, nominating unit).

Concurrency: two decisions racing for the last slot both load the ledger at version N and
both try to append version N+1; the store accepts one and rejects the other with a conflict,
so exactly `limit` slots are ever reserved. The application retries the loser, which then
sees the full ledger and gets QUOTA_EXCEEDED.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.errors import BadInput, Duplicate, PriorityNotRespected, QuotaExceeded
from domain.events import versioned
from domain.ids import quota_id
from domain.numbers import count
from domain.plan import Plan, QuotaRule

_ROUNDING = {"floor": ROUND_FLOOR, "ceil": ROUND_CEILING, "half_up": ROUND_HALF_UP}


def quota_limit(rule: QuotaRule, basis: int, cap: int | None = None) -> int:
    """The tightest of: the count, the percentage of `basis` (rounded per rule), a law cap."""
    limits = [n for n in (rule.max_count, cap) if n is not None]
    if rule.max_percent is not None:
        share = (rule.max_percent * basis / Decimal(100)).to_integral_value(_ROUNDING[rule.rounding])
        limits.append(int(share))
    if not limits:
        raise BadInput(f"quota rule {rule.pool!r} sets no limit", rule="quota.limit",
                       message_vi=f"Quy định chỉ tiêu {rule.pool!r} chưa đặt mức tối đa")
    return min(limits)


@versioned
class AwardQuota(Aggregate):
    @staticmethod
    def create_id(tenant: str, plan_id: UUID, pool: str, nominating_unit_id: UUID, **_: object) -> UUID:
        return quota_id(tenant, plan_id, pool, nominating_unit_id)

    @event("QuotaOpened")
    def __init__(self, tenant: str, plan_id: UUID, pool: str, nominating_unit_id: UUID,
                 limit: int, basis: int, priority: str) -> None:
        self.tenant, self.plan_id, self.pool = tenant, plan_id, pool
        self.nominating_unit_id, self.limit, self.basis, self.priority = nominating_unit_id, limit, basis, priority
        self.reserved: dict[str, bool] = {}  # nomination id (hex) → nominee is an enterprise union

    @property
    def used(self) -> int:
        return len(self.reserved)

    @property
    def remaining(self) -> int:
        return self.limit - self.used

    def holds(self, nomination_id: UUID) -> bool:
        return nomination_id.hex in self.reserved

    def reserve(self, nomination_id: UUID, on: date, *, enterprise: bool = False,
                enterprise_waiting: int = 0) -> None:
        """Take a slot. `enterprise_waiting`: eligible enterprise nominees not yet served."""
        self._check_not_held(nomination_id)
        self._check_room()
        self._check_priority(enterprise, enterprise_waiting)
        self._reserve(nomination_id, on, enterprise)

    def release(self, nomination_id: UUID, on: date, reason: str) -> None:
        """Give a slot back (award rejected after reservation, or revoked)."""
        if not self.holds(nomination_id):
            raise BadInput("no slot is held for this nomination", rule="quota.release",
                           message_vi="Đề nghị này chưa giữ suất khen thưởng nào")
        self._release(nomination_id, on, reason)

    def _check_not_held(self, nomination_id: UUID) -> None:
        if self.holds(nomination_id):
            raise Duplicate("this nomination already holds a slot", rule="quota.reserve.once",
                            message_vi="Đề nghị này đã giữ một suất khen thưởng")

    def _check_room(self) -> None:
        if self.remaining <= 0:
            raise QuotaExceeded(f"quota {self.pool!r} is used up ({self.used} of {self.limit})",
                                rule=f"plan.quota.{self.pool}",
                                message_vi=f"Đã hết chỉ tiêu khen thưởng ({self.limit})")

    def _check_priority(self, enterprise: bool, enterprise_waiting: int) -> None:
        # Seed 001: "ưu tiên xét, đề nghị khen thưởng công đoàn cơ sở doanh nghiệp".
        if self.priority == "enterprise_grassroots" and not enterprise \
                and count(enterprise_waiting, "enterprise_waiting", "quota.priority") >= self.remaining:
            raise PriorityNotRespected("remaining slots are held for enterprise grassroots unions",
                                       rule=f"plan.quota.{self.pool}.priority",
                                       message_vi="Các suất còn lại dành cho công đoàn cơ sở doanh nghiệp")

    @event("QuotaReserved")
    def _reserve(self, nomination_id: UUID, on: date, enterprise: bool) -> None:
        self.reserved = {**self.reserved, nomination_id.hex: enterprise}

    @event("QuotaReleased")
    def _release(self, nomination_id: UUID, on: date, reason: str) -> None:
        self.reserved = {k: v for k, v in self.reserved.items() if k != nomination_id.hex}


def open_quota(plan: Plan, pool: str, nominating_unit_id: UUID, *, registered_collectives: int,
               cap: int | None = None) -> AwardQuota:
    """Open the ledger; `cap` is an extra limit from the RuleBook (e.g. 4 thematic per topic)."""
    rule = plan.quota_rule(pool)
    if rule is None:
        raise BadInput(f"the plan has no quota rule {pool!r}", rule="plan.quota_rules",
                       message_vi=f"Kế hoạch không có quy định chỉ tiêu {pool!r}")
    basis = count(registered_collectives, "registered_collectives", "quota.basis")
    return AwardQuota(tenant=plan.tenant, plan_id=plan.id, pool=pool, nominating_unit_id=nominating_unit_id,
                      limit=quota_limit(rule, basis, cap), basis=basis, priority=rule.priority)
