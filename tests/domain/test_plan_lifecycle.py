from datetime import date
from uuid import uuid4

import pytest

from domain.errors import BadInput, DomainError, Duplicate, InvalidTransition
from domain.plan import ParentLink, Period, Phase, Plan, ReportSchedule
from seeds import seed_001

from .conftest import TENANT, launched


def drafted() -> Plan:
    return Plan.draft(**seed_001.draft_args(TENANT, uuid4()))


def test_plan_goes_through_its_whole_lifecycle():
    plan = launched(seed_001, date(2021, 9, 30))
    plan.amend(date(2021, 10, 5), "gia hạn", report_schedule=ReportSchedule((5,)))
    plan.begin_interim_review(date(2021, 11, 15))
    plan.begin_final_review(date(2021, 12, 31))
    plan.close(date(2022, 1, 5))
    assert plan.status == "closed"
    assert plan.amendments[0]["reason"] == "gia hạn"


def test_launching_a_drafted_plan_is_refused_naming_the_rule():
    with pytest.raises(InvalidTransition) as err:
        drafted().launch(date(2021, 10, 1))
    assert err.value.code == "INVALID_TRANSITION"
    assert err.value.rule == "plan.lifecycle.launch"


@pytest.mark.parametrize("step", ["issue", "amend", "close"])
def test_steps_out_of_order_are_refused(step):
    plan = launched(seed_001, date(2021, 10, 1))
    plan.begin_interim_review(date(2021, 11, 1))
    plan.begin_final_review(date(2021, 12, 31))
    plan.close(date(2022, 1, 1))
    calls = {"issue": lambda: plan.issue("1/KH", None, "x", "y"),
             "amend": lambda: plan.amend(date(2022, 1, 2), "late"),
             "close": lambda: plan.close(date(2022, 1, 2))}
    with pytest.raises(InvalidTransition) as err:
        calls[step]()
    assert err.value.rule == f"plan.lifecycle.{step}"


def test_plan_cannot_close_before_its_period_ends():
    plan = launched(seed_001, date(2021, 10, 1))
    plan.begin_final_review(date(2021, 12, 1))
    with pytest.raises(BadInput) as err:
        plan.close(date(2021, 12, 2))
    assert err.value.rule == "plan.close.after_period"


def test_plan_needs_an_end_date_or_an_end_condition():
    args = {**seed_001.draft_args(TENANT, uuid4()), "period": Period(date(2021, 1, 1))}
    with pytest.raises(BadInput):
        Plan.draft(**args)


def test_float_percent_in_quota_rule_is_refused():
    from domain.plan import QuotaRule
    args = seed_001.draft_args(TENANT, uuid4())
    args["quota_rules"] = [QuotaRule("de_nghi_bang_khen", max_count=4),
                           QuotaRule("khen_huyen_5_phan_tram", max_percent=5.0)]
    with pytest.raises(BadInput):
        Plan.draft(**args)


def test_same_parent_link_twice_is_refused():
    plan = drafted()
    with pytest.raises(Duplicate):
        plan.link_parent(seed_001.PARENTS[0])


def test_names_are_nfc_normalised():
    decomposed = "Tru\u031bo\u031bng Va\u0306n"  # NFD-ish input
    plan = drafted()
    plan.issue("01/KH-LĐLĐ", date(2021, 9, 30), decomposed, "TM")
    assert plan.signer == "Trương Văn"


def test_amended_phases_are_validated():
    plan = launched(seed_001, date(2021, 10, 1))
    bad = Phase("x", date(2021, 12, 1), date(2021, 11, 1))
    with pytest.raises(DomainError):
        plan.amend(date(2021, 10, 2), "bad", phases=[bad])


def test_platform_parent_link_needs_tenant():
    with pytest.raises(BadInput):
        drafted().link_parent(ParentLink("implements", plan_id=uuid4()))
