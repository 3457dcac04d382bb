"""Validate drafting input and turn value objects into the PlanDrafted event's data."""

from __future__ import annotations

from typing import Iterable, Sequence
from uuid import UUID

from domain.plan import checks
from domain.plan.values import (AwardForm, Criteria, DossierItem, ParentLink, Period, Phase,
                                QuotaRule, ReportSchedule, to_data)
from domain.text import nfc, required


def prepare_draft(
    *, tenant: str, issuing_unit_id: UUID, theme: str, kind: str, period: Period,
    eligible_subjects: Sequence[str], slogan: str = "", content_items: Iterable[str] = (),
    criteria: Criteria = Criteria(), models: Iterable[str] = (), phases: Iterable[Phase] = (),
    report_schedule: ReportSchedule = ReportSchedule(), award_forms: Iterable[AwardForm] = (),
    quota_rules: Iterable[QuotaRule] = (), dossier: Iterable[DossierItem] = (),
    standards: Iterable[str] = (), late_registration_policy: str = "refuse",
    parent_links: Iterable[ParentLink] = (),
) -> dict:
    phases, award_forms, quota_rules = list(phases), list(award_forms), list(quota_rules)
    dossier, parent_links, standards = list(dossier), list(parent_links), list(standards)
    _check_all(kind, late_registration_policy, standards, eligible_subjects, period, phases,
               award_forms, quota_rules, dossier, report_schedule, parent_links)
    return dict(
        tenant=required(tenant, "tenant"), issuing_unit_id=issuing_unit_id,
        theme=required(theme, "theme"), slogan=nfc(slogan), kind=kind,
        content_items=[nfc(c) for c in content_items], criteria=to_data(_nfc_criteria(criteria)),
        eligible_subjects=list(eligible_subjects), models=[nfc(m) for m in models],
        period=to_data(period), phases=to_data(phases), report_schedule=to_data(report_schedule),
        award_forms=to_data(award_forms), quota_rules=to_data(quota_rules),
        dossier=to_data(dossier), standards=standards,
        late_registration_policy=late_registration_policy, parent_links=to_data(parent_links),
    )


def _check_all(kind, policy, standards, subjects, period, phases, forms, rules, dossier,
               schedule, links) -> None:
    checks.check_basics(kind, policy, standards)
    checks.check_subjects(subjects)
    checks.check_period(period)
    checks.check_phases(phases)
    checks.check_quota_rules(rules)
    checks.check_award_forms(forms, rules, subjects)
    checks.check_dossier(dossier)
    checks.check_schedule(schedule)
    for link in links:
        checks.check_parent_link(link)


def _nfc_criteria(c: Criteria) -> Criteria:
    return Criteria(tuple(nfc(x) for x in c.collectives), tuple(nfc(x) for x in c.individuals))
