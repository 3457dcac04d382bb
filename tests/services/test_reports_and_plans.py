"""Seed 004's reporting days with a late report flagged; seeds 000 and 003 open until the end
condition is declared; the cascade 278/KH-UBND → 116/KH-LĐLĐ → seed 000's district plan."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.errors import DomainError
from domain.plan import ParentLink, Period
from domain.report import ReportFigures
from seeds import seed_000, seed_003, seed_004
from services import plans, reports
from services.errors import ConcurrencyError
from tenants.ids import root_unit_id

from .conftest import CTX, launched_plan, load_plan


async def test_seed_004_report_after_its_day_is_flagged_late_and_missing_ones_are_listed(platform, org):
    plan_id = await launched_plan(platform, org.tenant, seed_004, org.root, date(2021, 9, 10))
    a, b = org.district, org.other_district
    figures = ReportFigures(members_supported=120, funds_mobilised=35_000_000, models_started={"ATM gạo": 2})
    await reports.submit_report(platform, org.tenant, CTX, plan_id=plan_id, unit_id=a, day=date(2021, 9, 15),
                                figures=figures, submitted_on=date(2021, 9, 15))
    late = await reports.submit_report(platform, org.tenant, CTX, plan_id=plan_id, unit_id=a, day=date(2021, 9, 25),
                                       figures=figures, submitted_on=date(2021, 9, 27))
    stored = await platform.repository.get(org.tenant, late.id)
    assert stored.late is True and stored.funds_mobilised == 35_000_000
    missing = await reports.find_missing_reports(platform, org.tenant, plan_id=plan_id, unit_ids=[a, b],
                                                 as_of=date(2021, 10, 5))
    assert missing == [(b, date(2021, 9, 15)), (b, date(2021, 9, 25))]


async def test_second_report_for_the_same_day_is_a_duplicate(platform, org):
    plan_id = await launched_plan(platform, org.tenant, seed_004, org.root, date(2021, 9, 10))
    args = dict(plan_id=plan_id, unit_id=org.district, day=date(2021, 9, 15), figures=ReportFigures(),
                submitted_on=date(2021, 9, 15))
    await reports.submit_report(platform, org.tenant, CTX, **args)
    with pytest.raises(DomainError) as err:
        await reports.submit_report(platform, org.tenant, CTX, **args)
    assert err.value.code == "DUPLICATE"


async def test_report_for_a_day_off_schedule_is_bad_input(platform, org):
    plan_id = await launched_plan(platform, org.tenant, seed_004, org.root, date(2021, 9, 10))
    with pytest.raises(DomainError) as err:
        await reports.submit_report(platform, org.tenant, CTX, plan_id=plan_id, unit_id=org.district,
                                    day=date(2021, 9, 16), figures=ReportFigures(), submitted_on=date(2021, 9, 16))
    assert err.value.code == "BAD_INPUT"


@pytest.mark.parametrize("seed", [seed_000, seed_003])
async def test_open_ended_plan_stays_open_until_the_end_condition_is_declared(platform, org, seed):
    plan_id = await launched_plan(platform, org.tenant, seed, org.district, date(2021, 9, 10))
    await plans.begin_final_review(platform, org.tenant, CTX, plan_id, on=date(2022, 4, 1))
    with pytest.raises(DomainError) as err:
        await plans.close_plan(platform, org.tenant, CTX, plan_id, on=date(2022, 4, 2))
    assert err.value.rule == "plan.close.after_period"
    assert (await load_plan(platform, org.tenant, plan_id)).effective_end is None  # still open
    await plans.declare_end_condition_met(platform, org.tenant, CTX, plan_id, on=date(2022, 3, 31))
    result = await plans.close_plan(platform, org.tenant, CTX, plan_id, on=date(2022, 4, 2))
    plan = await load_plan(platform, org.tenant, plan_id)
    assert plan.status == "closed" and result.version == plan.version
    assert plan.effective_end == date(2022, 3, 31)


async def test_invalid_transition_names_the_rule_and_writes_nothing(platform, org):
    plan_id = await launched_plan(platform, org.tenant, seed_003, org.district, date(2021, 9, 10))
    before = (await load_plan(platform, org.tenant, plan_id)).version
    with pytest.raises(DomainError) as err:
        await plans.close_plan(platform, org.tenant, CTX, plan_id, on=date(2022, 1, 1))
    assert err.value.code == "INVALID_TRANSITION" and err.value.rule == "plan.lifecycle.close"
    assert (await load_plan(platform, org.tenant, plan_id)).version == before


async def test_stale_expected_version_is_a_conflict(platform, org):
    plan_id = await launched_plan(platform, org.tenant, seed_003, org.district, date(2021, 9, 10))
    with pytest.raises(ConcurrencyError):
        await plans.begin_interim_review(platform, org.tenant, CTX, plan_id, on=date(2021, 12, 1),
                                         expected_version=1)


async def test_plan_of_a_unit_outside_the_tenant_is_refused(platform, org, other_tenant_id):
    with pytest.raises(DomainError) as err:
        await launched_plan(platform, org.tenant, seed_003, root_unit_id(other_tenant_id), date(2021, 9, 10))
    assert err.value.code == "OUT_OF_SCOPE"


async def test_cascade_278_ubnd_to_116_ldld_to_the_district_plan(platform, org):
    # 116/KH-LĐLĐ is the province federation's plan, itself implementing the outside 278/KH-UBND.
    args_116 = seed_000.plan_116_args(org.tenant, org.root)
    args_116.pop("issuing_unit_id")
    plan_116 = (await plans.draft_plan(platform, org.tenant, CTX, issuing_unit_id=org.root, **args_116)).id
    await plans.issue_plan(platform, org.tenant, CTX, plan_116, number=seed_000.NUMBER_116,
                           issued_on=seed_000.DATE_116, signer="", capacity="TM. Ban Thường vụ")
    district = await launched_plan(platform, org.tenant, seed_000, org.district, date(2021, 9, 10),
                                   parent_links=[seed_000.link_116(org.tenant, plan_116)])
    up = (await load_plan(platform, org.tenant, district)).parent_links[0]
    assert (up.number, up.tenant, up.plan_id) == ("116/KH-LĐLĐ", org.tenant, plan_116)
    top = (await load_plan(platform, org.tenant, up.plan_id)).parent_links[0]
    assert (top.number, top.issued_on, top.on_platform) == ("278/KH-UBND", date(2021, 8, 26), False)


async def test_cross_tenant_parent_must_exist_on_the_platform(platform, org, national):
    # 130/KH-TLĐ issued by the national body in the platform tenant; seed 003 is based on it.
    plan_130 = (await plans.draft_plan(platform, national, CTX, issuing_unit_id=root_unit_id(national),
                                       theme="Công nhân, viên chức, lao động nỗ lực vượt khó", kind="thematic",
                                       period=Period(date(2021, 9, 1), None, "đến khi kiểm soát dịch"),
                                       eligible_subjects=["collective", "individual"])).id
    link = ParentLink("based_on", "130/KH-TLĐ", date(2021, 9, 1), "Đoàn Chủ tịch Tổng LĐLĐ VN", "", national, plan_130)
    plan_id = await launched_plan(platform, org.tenant, seed_003, org.root, date(2021, 9, 10), parent_links=[link])
    assert (await load_plan(platform, org.tenant, plan_id)).parent_links[0].plan_id == plan_130
    with pytest.raises(DomainError) as err:
        await plans.link_parent(platform, org.tenant, CTX, plan_id,
                                ParentLink("responds_to", "", None, "", "", national, uuid4()))
    assert err.value.rule == "plan.parent_links.on_platform"
