"""Seeds 000 and 003 run until the end condition is declared; seed 000's cascade from 278/KH-UBND."""

from datetime import date
from uuid import uuid4

import pytest

from domain.errors import BadInput, InvalidTransition
from domain.plan import Plan
from seeds import seed_000, seed_001, seed_003, seed_004

from .conftest import launched


@pytest.mark.parametrize("seed", [seed_000, seed_003])
def test_open_ended_plan_stays_open_until_the_end_condition_is_declared(seed):
    plan = launched(seed, date(2021, 9, 10))
    assert plan.period.end is None and plan.period.end_condition
    assert plan.effective_end is None  # open in 2030 too: no end until the condition is met
    plan.declare_end_condition_met(date(2022, 3, 31))
    assert plan.effective_end == date(2022, 3, 31)


def test_seed_000_starts_on_1_september_2021():
    plan = launched(seed_000, date(2021, 9, 10))
    assert plan.start == date(2021, 9, 1)


def test_open_ended_plan_closes_only_after_the_declaration():
    plan = launched(seed_003, date(2021, 9, 10))
    plan.begin_final_review(date(2022, 4, 1))
    with pytest.raises(BadInput):
        plan.close(date(2022, 4, 2))
    plan.declare_end_condition_met(date(2022, 3, 31))
    plan.close(date(2022, 4, 2))
    assert plan.status == "closed"


def test_declaring_an_end_condition_on_a_dated_plan_is_refused():
    with pytest.raises(BadInput):
        launched(seed_001, date(2021, 10, 1)).declare_end_condition_met(date(2021, 11, 1))


def test_end_condition_cannot_be_declared_on_a_draft():
    plan = Plan.draft(**seed_003.draft_args("cdgd", uuid4()))
    with pytest.raises(InvalidTransition):
        plan.declare_end_condition_met(date(2022, 1, 1))


def test_seed_000_cascade_278_ubnd_to_116_ldld_to_district_plan():
    province = Plan.draft(**seed_000.plan_116_args("binh-phuoc", uuid4()))
    district = Plan.draft(**seed_000.draft_args("binh-phuoc", uuid4(),
                                                parent_116=seed_000.link_116("binh-phuoc", province.id)))
    up = district.parent_links[0]
    assert (up.relation, up.number, up.issued_on, up.plan_id) == ("implements", "116/KH-LĐLĐ", date(2021, 9, 6), province.id)
    top = province.parent_links[0]
    assert (top.relation, top.number, top.issued_on, top.on_platform) == ("implements", "278/KH-UBND", date(2021, 8, 26), False)
    assert top.issuer == "Ủy ban nhân dân tỉnh Bình Phước"


def test_seed_000_without_the_province_plan_links_116_as_an_outside_document():
    link = Plan.draft(**seed_000.draft_args("binh-phuoc", uuid4())).parent_links[0]
    assert link.number == "116/KH-LĐLĐ" and not link.on_platform


def test_seed_004_implements_the_same_278_plan():
    assert Plan.draft(**seed_004.draft_args("so-ldtbxh-bp", uuid4())).parent_links[0].number == "278/KH-UBND"


def test_seed_001_links_to_three_parents_with_four_relations():
    links = Plan.draft(**seed_001.draft_args("tay-ninh", uuid4())).parent_links
    assert [l.relation for l in links] == ["implements", "based_on", "responds_to", "combined_with"]
    assert [l.number for l in links[:2]] == ["265/KH-LĐLĐ", "152/KH-UBND"]


def test_seed_003_is_based_on_130_kh_tld():
    link = Plan.draft(**seed_003.draft_args("cdgd", uuid4())).parent_links[0]
    assert (link.number, link.issued_on) == ("130/KH-TLĐ", date(2021, 9, 1))
