"""The drafting checks of a plan, each at its boundary: BAD_INPUT naming the field's rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.errors import BadInput
from domain.plan import checks
from domain.plan.values import AwardForm, DossierItem, ParentLink, Period, Phase, QuotaRule, ReportSchedule

from .refusals import refused

D1, D2 = date(2025, 1, 1), date(2025, 1, 2)


def bad(field: str, message: str):
    return refused(BadInput, "BAD_INPUT", f"plan.draft.{field}", message)


def form(code: str = "bk", subjects=("collective",), pool: str = "") -> AwardForm:
    return AwardForm(code, "Bằng khen", "BCH", "bang_khen_ldld_tinh", subjects, pool)


def test_a_choice_outside_the_allowed_values_is_refused_naming_them():
    checks.check_choice("b", ("a", "b"), "kind")
    with bad("kind", "kind must be one of ['a', 'b'], got 'c'"):
        checks.check_choice("c", ("b", "a"), "kind")


def test_basics_check_kind_policy_and_every_standard():
    checks.check_basics("sprint", "accept_mark_late", ["registered", "reported_on_time"])
    with bad("kind", "kind must be one of ['regular', 'sprint', 'thematic'], got 'yearly'"):
        checks.check_basics("yearly", "refuse", [])
    with bad("late_registration_policy",
             "late_registration_policy must be one of ['accept_mark_late', 'refuse'], got 'ignore'"):
        checks.check_basics("regular", "ignore", [])
    with bad("standards", "standards must be one of ['exceeded_targets', 'registered', "
                          "'registered_on_time', 'reported_on_time'], got 'famous'"):
        checks.check_basics("regular", "refuse", ["registered", "famous"])


def test_eligible_subjects_must_be_given_and_known():
    checks.check_subjects(["collective", "individual"])
    with bad("eligible_subjects", "at least one eligible subject is required"):
        checks.check_subjects([])
    with bad("eligible_subjects", "eligible_subjects must be one of ['collective', 'individual'], got 'family'"):
        checks.check_subjects(iter(["collective", "family"]))


def test_a_period_needs_an_end_and_may_not_end_before_it_starts():
    checks.check_period(Period(D1, D1))
    checks.check_period(Period(D2, None, "đến khi hết dịch"))
    checks.check_period(Period(None, D1))
    with bad("period", "a period needs an end date or an end condition"):
        checks.check_period(Period(D1))
    with bad("period", "period ends before it starts"):
        checks.check_period(Period(D2, D1))


def test_phases_need_unique_names_and_may_last_one_day():
    checks.check_phases([Phase("Đợt 1", D1, D1), Phase("Đợt 2", D1, D2)])
    with bad("phases", "phase names must be unique and not blank"):
        checks.check_phases([Phase("Đợt 1", D1, D2), Phase("Đợt 1", D1, D2)])
    with bad("phases", "phase names must be unique and not blank"):
        checks.check_phases([Phase("", D1, D2)])
    with bad("phases", "phase 'Đợt 2' ends before it starts"):
        checks.check_phases([Phase("Đợt 1", D1, D2), Phase("Đợt 2", D2, D1)])


def test_award_forms_need_unique_codes_the_plans_subjects_and_a_known_pool():
    rules = [QuotaRule("pool", max_count=1)]
    checks.check_award_forms([form("a", pool="pool"), form("b", ("collective", "individual"))], rules,
                             ["collective", "individual"])
    with bad("award_forms", "award form codes must be unique"):
        checks.check_award_forms([form("a"), form("a")], rules, ["collective"])
    with bad("award_forms", "b: subjects outside the plan's eligible subjects"):
        checks.check_award_forms([form("a"), form("b", ("collective", "individual"))], rules, ["collective"])
    with bad("award_forms", "b: no quota rule for pool 'other'"):
        checks.check_award_forms([form("a", pool="pool"), form("b", pool="other")], iter(rules), ["collective"])


@pytest.mark.parametrize("rule", [
    QuotaRule("p", max_count=0), QuotaRule("p", max_count=4), QuotaRule("p"),
    QuotaRule("p", max_percent=Decimal(0)), QuotaRule("p", max_percent=Decimal(100)),
    QuotaRule("p", max_percent=Decimal("5"), rounding="ceil"), QuotaRule("p", rounding="half_up")])
def test_quota_rules_within_bounds_are_accepted(rule):
    checks.check_quota_rules([QuotaRule("ok", max_count=1), rule])


@pytest.mark.parametrize("max_count", [-1, 2.0, "3"])
def test_a_quota_count_must_be_a_non_negative_int(max_count):
    with bad("quota_rules", "p: max_count must be a non-negative int"):
        checks.check_quota_rules([QuotaRule("ok", max_count=1), QuotaRule("p", max_count=max_count)])


@pytest.mark.parametrize("pct", [Decimal("-0.1"), Decimal("100.01"), 5.0, 5])
def test_a_quota_percentage_must_be_a_decimal_from_0_to_100(pct):
    with bad("quota_rules", "p: max_percent must be a Decimal in 0..100"):
        checks.check_quota_rules([QuotaRule("p", max_percent=pct)])


def test_a_quota_rounding_must_be_known():
    with bad("quota_rules", "quota_rules must be one of ['ceil', 'floor', 'half_up'], got 'up'"):
        checks.check_quota_rules([QuotaRule("p", max_count=1, rounding="up")])


def test_dossier_kinds_are_unique_with_at_least_one_copy():
    checks.check_dossier(iter([DossierItem("memo", 1), DossierItem("report", 2)]))
    for items in ([DossierItem("memo"), DossierItem("memo", 2)], [DossierItem("memo"), DossierItem("report", 0)]):
        with bad("dossier", "dossier kinds must be unique with at least one copy"):
            checks.check_dossier(items)


@pytest.mark.parametrize("days, grace", [((1, 15, 31), 0), ((), 3), ((25,), 10)])
def test_report_days_from_1_to_31_with_a_grace_are_accepted(days, grace):
    checks.check_schedule(ReportSchedule(days, grace))


@pytest.mark.parametrize("days, grace", [((0,), 0), ((32,), 0), ((5, 40), 0), ((5,), -1)])
def test_report_days_outside_the_month_or_a_negative_grace_are_refused(days, grace):
    with bad("report_schedule", "report days must be 1..31 and grace_days >= 0"):
        checks.check_schedule(ReportSchedule(days, grace))


def test_a_parent_link_names_its_document_or_its_tenant():
    checks.check_parent_link(ParentLink("implements", number="265/KH-LĐLĐ"))
    checks.check_parent_link(ParentLink("based_on", title="Kế hoạch khôi phục sản xuất"))
    checks.check_parent_link(ParentLink("implements", tenant="tay-ninh", plan_id=uuid4()))
    with bad("parent_links", "parent_links must be one of ['based_on', 'combined_with', 'implements', "
                             "'responds_to'], got 'copies'"):
        checks.check_parent_link(ParentLink("copies", number="1"))
    with bad("parent_links", "an outside parent needs a number or a title"):
        checks.check_parent_link(ParentLink("implements", issuer="UBND huyện"))
    with bad("parent_links", "a platform parent needs its tenant"):
        checks.check_parent_link(ParentLink("implements", number="1", plan_id=uuid4()))
