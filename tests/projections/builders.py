"""Test data through the real domain aggregates (their @event methods, skipping the
application-level checks that need more context than a rollup test cares about)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.nomination import Nomination
from domain.organisation import OrgUnit
from domain.plan import Plan
from domain.registration import Registration
from domain.report import ProgressReport

DAY0 = date(2025, 1, 1)


def unit(tenant: str, kind: str, name: str, parent: OrgUnit | None, on: date = DAY0,
         enterprise: bool = False) -> OrgUnit:
    return OrgUnit.create(tenant_id=tenant, kind=kind, name=name, parent=parent, effective=on,
                          enterprise=enterprise)


def external_parent(kind: str = "national_body", name: str = "Tổng LĐLĐ Việt Nam") -> OrgUnit:
    """A unit of another tenant, used only as the parent of a tenant's top unit."""
    return OrgUnit.create(tenant_id="other", kind=kind, name=name, parent=None, effective=DAY0)


def plan(tenant: str, issuing_unit: UUID, *, parent: tuple[str, UUID] | None = None,
         start: date = DAY0, relation: str = "implements",
         phases: list[tuple[str, date, date]] = ()) -> Plan:
    links = [] if parent is None else [{"relation": relation, "number": "", "issued_on": None,
                                        "issuer": "", "title": "", "tenant": parent[0], "plan_id": parent[1]}]
    return Plan(tenant=tenant, issuing_unit_id=issuing_unit, theme="Thi đua", slogan="", kind="thematic",
                content_items=[], criteria={"collectives": [], "individuals": []},
                eligible_subjects=["collective"], models=[],
                period={"start": start, "end": None, "end_condition": "dịch được kiểm soát",
                        "start_precision": "day"},
                phases=[{"name": n, "start": a, "end": z, "registration_deadline": None, "dossier_deadline": None,
                         "start_precision": "day"} for n, a, z in phases], report_schedule={"days_of_month": [5, 15, 25], "grace_days": 0, "recipient": ""},
                award_forms=[], quota_rules=[], dossier=[], standards=[],
                late_registration_policy="accept_mark_late", parent_links=links)


def registration(tenant: str, plan_id: UUID, unit_id: UUID, *, phase: str = "", late: bool = False,
                 targets: dict[str, int] | None = None, initiatives: int = 0) -> Registration:
    targets = targets if targets is not None else {"đoàn viên được hỗ trợ": 10}
    return Registration(tenant=tenant, plan_id=plan_id, phase=phase, unit_id=unit_id,
                        targets=[{"indicator": k, "amount": v, "unit": ""} for k, v in targets.items()],
                        work_items=[], initiatives=[f"sáng kiến {i}" for i in range(initiatives)],
                        registered_on=DAY0, late=late)


def report(tenant: str, plan_id: UUID, unit_id: UUID, day: date, *, late: bool = False,
           members: int = 0, funds: int = 0, models: dict[str, int] | None = None,
           initiatives: int = 0) -> ProgressReport:
    return ProgressReport(tenant=tenant, plan_id=plan_id, unit_id=unit_id, day=day, submitted_on=day,
                          late=late, members_supported=members, funds_mobilised=funds,
                          models_started=models or {}, initiatives=initiatives, work_items_completed=0,
                          note="")


def nomination(tenant: str, plan_id: UUID, unit: UUID, proposer: UUID, form: str = "bang_khen",
               phase: str = "") -> Nomination:
    return Nomination(tenant=tenant, plan_id=plan_id, phase=phase, nominee_kind="collective", nominee_id=unit,
                      nominee_name="CĐCS", nominee_enterprise=False, award_form=form,
                      proposing_unit_id=proposer)
