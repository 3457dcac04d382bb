"""Checks run when a plan is drafted or amended; each raises BadInput naming the field."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from domain.errors import BadInput
from domain.plan.values import (KINDS, LATE_POLICIES, RELATIONS, STANDARDS, SUBJECTS, AwardForm,
                                DossierItem, ParentLink, Period, Phase, QuotaRule, ReportSchedule)


def _bad(message: str, field: str, message_vi: str) -> BadInput:
    return BadInput(message, rule=f"plan.draft.{field}", message_vi=message_vi)


def check_choice(value: str, allowed: Iterable[str], field: str) -> None:
    if value not in allowed:
        raise _bad(f"{field} must be one of {sorted(allowed)}, got {value!r}", field,
                   f"{field}: giá trị {value!r} không nằm trong danh mục cho phép")


def check_subjects(subjects: Iterable[str]) -> None:
    subjects = list(subjects)
    if not subjects:
        raise _bad("at least one eligible subject is required", "eligible_subjects",
                   "Cần ít nhất một đối tượng được xét khen thưởng")
    for s in subjects:
        check_choice(s, SUBJECTS, "eligible_subjects")


def check_period(period: Period) -> None:
    if period.end is None and not period.end_condition:
        raise _bad("a period needs an end date or an end condition", "period",
                   "Thời gian thực hiện cần có ngày kết thúc hoặc điều kiện kết thúc")
    if period.start and period.end and period.end < period.start:
        raise _bad("period ends before it starts", "period", "Ngày kết thúc trước ngày bắt đầu")


def check_phases(phases: Iterable[Phase]) -> None:
    names = [p.name for p in phases]
    if len(set(names)) != len(names) or "" in names:
        raise _bad("phase names must be unique and not blank", "phases",
                   "Tên các giai đoạn không được trùng hoặc để trống")
    for p in phases:
        if p.end < p.start:
            raise _bad(f"phase {p.name!r} ends before it starts", "phases",
                       f"Giai đoạn {p.name!r} kết thúc trước khi bắt đầu")


def check_award_forms(forms: Iterable[AwardForm], rules: Iterable[QuotaRule], subjects) -> None:
    forms, pools = list(forms), {r.pool for r in rules}
    if len({f.code for f in forms}) != len(forms):
        raise _bad("award form codes must be unique", "award_forms", "Mã hình thức khen thưởng không được trùng")
    for f in forms:
        if not set(f.subjects) <= set(subjects):
            raise _bad(f"{f.code}: subjects outside the plan's eligible subjects", "award_forms",
                       f"{f.code}: đối tượng ngoài phạm vi xét khen thưởng của kế hoạch")
        if f.quota_pool and f.quota_pool not in pools:
            raise _bad(f"{f.code}: no quota rule for pool {f.quota_pool!r}", "award_forms",
                       f"{f.code}: chưa có quy định chỉ tiêu {f.quota_pool!r}")


def check_quota_rules(rules: Iterable[QuotaRule]) -> None:
    for r in rules:
        if r.max_count is not None and (not isinstance(r.max_count, int) or r.max_count < 0):
            raise _bad(f"{r.pool}: max_count must be a non-negative int", "quota_rules",
                       f"{r.pool}: số lượng tối đa phải là số nguyên không âm")
        pct = r.max_percent
        if pct is not None and (not isinstance(pct, Decimal) or not 0 <= pct <= 100):
            raise _bad(f"{r.pool}: max_percent must be a Decimal in 0..100", "quota_rules",
                       f"{r.pool}: tỷ lệ tối đa phải từ 0 đến 100%")
        check_choice(r.rounding, ("floor", "ceil", "half_up"), "quota_rules")


def check_dossier(items: Iterable[DossierItem]) -> None:
    items = list(items)
    if len({i.kind for i in items}) != len(items) or any(i.copies < 1 for i in items):
        raise _bad("dossier kinds must be unique with at least one copy", "dossier",
                   "Thành phần hồ sơ không được trùng và cần ít nhất một bản")


def check_schedule(schedule: ReportSchedule) -> None:
    if any(not 1 <= d <= 31 for d in schedule.days_of_month) or schedule.grace_days < 0:
        raise _bad("report days must be 1..31 and grace_days >= 0", "report_schedule",
                   "Ngày báo cáo phải từ 1 đến 31 và số ngày gia hạn không âm")


def check_parent_link(link: ParentLink) -> None:
    check_choice(link.relation, RELATIONS, "parent_links")
    if link.plan_id is None and not (link.number or link.title):
        raise _bad("an outside parent needs a number or a title", "parent_links",
                   "Văn bản cấp trên ngoài nền tảng cần có số hiệu hoặc trích yếu")
    if link.plan_id is not None and not link.tenant:
        raise _bad("a platform parent needs its tenant", "parent_links",
                   "Kế hoạch cấp trên trên nền tảng cần ghi rõ đơn vị")


def check_basics(kind: str, policy: str, standards: Iterable[str]) -> None:
    check_choice(kind, KINDS, "kind")
    check_choice(policy, LATE_POLICIES, "late_registration_policy")
    for s in standards:
        check_choice(s, STANDARDS, "standards")
