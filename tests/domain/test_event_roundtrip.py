"""Every event survives the store's mapper (JSON + UUID/Decimal/datetime/date transcodings)."""

import json
from datetime import date
from decimal import Decimal
from uuid import uuid4

from eventsourcing.persistence import StoredEvent

from domain.award import Recipient, decide_award, issue_decision, revoke_award
from domain.decision import DecisionRegister
from domain.files import file_facts
from domain.nomination import draft_nomination
from domain.nomination_checks import NomineeRecord
from domain.plan import ParentLink
from domain.quota import open_quota
from domain.registration import Target, register
from domain.report import ReportFigures, submit_report
from seeds import seed_000, seed_001, seed_002, seed_003, seed_004
from tests import dossier_samples as samples

from .conftest import launched


def replay(mapper, aggregate):
    events = aggregate.collect_events()
    restored, copy = [mapper.to_domain_event(mapper.to_stored_event(e)) for e in events], None
    for e in restored:
        copy = e.mutate(copy)
    return copy, events


def assert_round_trips(mapper, aggregate):
    copy, events = replay(mapper, aggregate)
    assert vars(copy) == vars(aggregate), type(aggregate).__name__
    assert all(getattr(e, "class_version", None) == 1 for e in events)


def test_every_seed_plan_round_trips(mapper):
    for seed in (seed_000, seed_001, seed_002, seed_003, seed_004):
        plan = launched(seed, date(2021, 9, 10))
        plan.link_parent(ParentLink("combined_with", tenant="other", plan_id=uuid4(), number="9/KH"))
        plan.amend(date(2021, 9, 20), "bổ sung", phases=plan.phases)
        plan.begin_interim_review(date(2021, 11, 1))
        plan.begin_final_review(date(2021, 12, 31))
        if plan.period.end_condition:
            plan.declare_end_condition_met(date(2021, 12, 31))
        plan.close(date(2022, 1, 2))
        assert_round_trips(mapper, plan)


def test_plan_events_keep_the_topics_stored_before_plan_became_a_package(mapper):
    """Plan moved from domain/plan.py to domain/plan/aggregate.py: old rows must still load and
    new rows must carry the same topics, which the projections select events by."""
    plan = launched(seed_001, date(2021, 10, 1))
    stored = [mapper.to_stored_event(e) for e in plan.collect_events()]
    old_topics = ["domain.plan:Plan.PlanDrafted", "domain.plan:Plan.PlanIssued", "domain.plan:Plan.PlanLaunched"]
    assert [s.topic for s in stored] == old_topics
    copy = None
    for s, topic in zip(stored, old_topics):
        copy = mapper.to_domain_event(StoredEvent(s.originator_id, s.originator_version, topic, s.state)).mutate(copy)
    assert vars(copy) == vars(plan)


def test_registration_report_nomination_and_quota_round_trip(mapper, rulebook):
    plan = launched(seed_001, date(2021, 10, 1))
    reg = register(plan, uuid4(), True, seed_001.PHASE, [Target("Doanh thu", Decimal("2.5"), "tỷ đồng")],
                   ["Công trình A"], ["Sáng kiến B"], on=date(2021, 10, 5))
    reg.record_result("Doanh thu", Decimal("3.1"), date(2021, 12, 20))
    quota = open_quota(plan, "de_nghi_bang_khen", uuid4(), registered_collectives=80)
    nom = draft_nomination(plan, nominee_kind="collective", nominee_id=reg.unit_id, nominee_name="CĐCS A",
                           award_form="bk_bch_ldld_tinh", phase=seed_001.PHASE, proposing_unit_id=uuid4())
    for kind, copies in (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2)):
        nom.attach_document(kind, copies)
    d = date(2021, 12, 20)
    nom.submit(plan, d), nom.return_for_correction("sửa", d), nom.resubmit(plan, d), nom.receive(d)
    nom.appraise(d), nom.record_council_vote(d, 5, 4, 1)
    decide_award(nom, quota, plan=plan, rulebook=rulebook, record=NomineeRecord(True, True, True, True),
                 decision_number="1/QĐ", decided_on=d, signer="x", authority="province_federation_executive")
    revoke_award(nom, quota, reason="gian dối", on=date(2022, 3, 1))
    report_plan = launched(seed_004, date(2021, 9, 10))
    report = submit_report(report_plan, uuid4(), date(2021, 9, 15),
                           ReportFigures(3, 1_000_000, {"ATM gạo": 1}, 1, 2, "ghi chú"), submitted_on=date(2021, 9, 16))
    for aggregate in (reg, quota, nom, report):
        assert_round_trips(mapper, aggregate)


def test_dossier_files_and_decision_documents_round_trip(mapper, rulebook):
    plan = launched(seed_001, date(2021, 10, 1))
    reg = register(plan, uuid4(), True, seed_001.PHASE, [Target("Sáng kiến", 3, "sáng kiến")], on=date(2021, 10, 5))
    reg.attach_file("registration_form", file_facts(samples.xlsx(), "Bảng đăng ký.xlsx", 10**6))
    nom = draft_nomination(plan, nominee_kind="collective", nominee_id=reg.unit_id, nominee_name="CĐCS A",
                           award_form="bk_bch_ldld_tinh", phase=seed_001.PHASE, proposing_unit_id=uuid4())
    nom.attach_file("submission_memo", file_facts(samples.pdf(), "Tờ trình.pdf", 10**6))
    for kind, copies in (("review_minutes", 1), ("achievement_report", 2)):
        nom.attach_document(kind, copies)
    d = date(2021, 12, 20)
    nom.submit(plan, d), nom.receive(d), nom.appraise(d), nom.record_council_vote(d, 5, 4, 1)
    register_ = DecisionRegister(tenant="t", issuer_unit_id=uuid4(), year=2022)
    decision = issue_decision(register_, [Recipient(nom, plan, NomineeRecord(True, True, True, True), None)],
                              rulebook=rulebook, symbol="QĐ-LĐLĐ", decided_on=date(2022, 1, 10), signer="x",
                              authority="province_federation_executive")
    revoke_award(nom, None, reason="gian dối", on=date(2022, 3, 1), decision=decision)
    for aggregate in (reg, nom, register_, decision):
        assert_round_trips(mapper, aggregate)


def test_awards_decided_and_revoked_before_decision_documents_still_load(mapper, rulebook):
    """AwardDecided and AwardRevoked rows stored before they named a decision lack its fields."""
    plan = launched(seed_004, date(2021, 9, 10))
    nom = draft_nomination(plan, nominee_kind="individual", nominee_id=uuid4(), nominee_name="Trần Thị B",
                           award_form="gk_giam_doc_so", phase=plan.phases[0].name if plan.phases else "",
                           proposing_unit_id=uuid4())
    d = date(2021, 10, 20)
    nom.submit(plan, d), nom.receive(d), nom.appraise(d), nom.record_council_vote(d, 5, 4, 1)
    nom.decide(plan, rulebook, NomineeRecord(True, True, True, True), decision_number="12/QĐ-SLĐTBXH",
               decided_on=d, signer="Giám đốc", authority="department_director")
    nom.revoke("gian dối", d)
    copy = None
    for e in nom.collect_events():
        stored = mapper.to_stored_event(e)
        state = json.loads(stored.state)
        state.pop("decision_id", None)
        if stored.topic.endswith(".AwardRevoked"):
            state.pop("decision_number")
        old = StoredEvent(stored.originator_id, stored.originator_version, stored.topic, json.dumps(state).encode())
        copy = mapper.to_domain_event(old).mutate(copy)
    assert copy.status == "revoked" and copy.decision["number"] == "12/QĐ-SLĐTBXH"
    assert copy.decision_id is None
