"""The campaign the generated country runs: seed 001's rules (quotas, award forms, dossier)
over Q4 2021, reporting on the 5th, 15th and 25th; one national plan, one plan per tenant
implementing it."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.plan import ParentLink, Plan, ReportSchedule
from domain.plan.draft import prepare_draft
from seeds import seed_001

PHASE = seed_001.PHASE
LAUNCHED_ON = date(2021, 10, 1)
REGISTERED_ON = date(2021, 10, 5)
NATIONAL_NUMBER = "130/KH-TLĐ"
SCHEDULE = ReportSchedule((5, 15, 25), 2, "Ban Thường vụ cấp trên")
TARGETS = ("Doanh thu", "Sáng kiến")


def launched_plan(tenant: str, plan_id: UUID, issuing_unit_id: UUID, number: str,
                  parent: Plan | None = None) -> Plan:
    """Drafted, issued and launched; `parent` makes it implement that plan (cross-tenant)."""
    links = [] if parent is None else [ParentLink(
        "implements", NATIONAL_NUMBER, LAUNCHED_ON, "Tổng Liên đoàn Lao động Việt Nam",
        parent.theme, tenant=parent.tenant, plan_id=parent.id)]
    args = {**seed_001.draft_args(tenant, issuing_unit_id), "report_schedule": SCHEDULE,
            "parent_links": links}
    # _create with a derived id (as OrgUnit.create does) keeps generated ids deterministic.
    plan = Plan._create(Plan.PlanDrafted, id=plan_id, **prepare_draft(**args))
    plan.issue(**{**seed_001.ISSUE, "number": number, "issued_on": LAUNCHED_ON})
    plan.launch(LAUNCHED_ON)
    return plan


def reporting_days(plan: Plan, count: int) -> list[date]:
    days = plan.reporting_days(LAUNCHED_ON, date(2021, 12, 31))
    if count > len(days):
        raise ValueError(f"the plan has {len(days)} reporting days, not {count}")
    return days[:count]
