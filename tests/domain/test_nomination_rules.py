"""Each nomination rule at its boundary, refused with its code, rule and messages."""

from __future__ import annotations

import pytest

from domain.errors import DossierIncomplete, InvalidTransition, NomineeKindNotAllowed, StandardsNotMet
from domain.nomination_checks import (ALLOWED_FROM, NomineeRecord, check_dossier, check_majority,
                                      check_nominee_kind, check_standards, check_step, missing_documents)
from domain.plan import AwardForm, DossierItem
from domain.plan.values import STANDARDS

from .refusals import refused

STATUSES = ("drafted", "submitted", "returned", "received", "appraised", "voted", "forwarded",
            "decided", "rejected", "revoked")
# The lifecycle as the plan's procedure states it: command -> the statuses it may start from.
LIFECYCLE = {
    "attach_document": {"drafted", "returned"},
    "submit": {"drafted"},
    "resubmit": {"returned"},
    "return_for_correction": {"submitted"},
    "receive": {"submitted"},
    "appraise": {"received"},
    "record_council_vote": {"appraised"},
    "forward_up": {"voted"},
    "decide": {"voted", "forwarded"},
    "reject": {"submitted", "received", "appraised", "voted", "forwarded"},
    "revoke": {"decided"},
}
COLLECTIVE_ONLY = AwardForm("bk_bch_ldld_tinh", "Bằng khen", "BCH LĐLĐ tỉnh", "bang_khen_ldld_tinh",
                            ("collective",))
ALL_MET = NomineeRecord(registered=True, registered_on_time=True, exceeded_targets=True, reports_on_time=True)
KIND_VI = "Đối tượng đề nghị không thuộc đối tượng xét khen thưởng của kế hoạch"


def test_the_lifecycle_table_is_the_procedures():
    assert {k: set(v) for k, v in ALLOWED_FROM.items()} == LIFECYCLE


@pytest.mark.parametrize("command", sorted(LIFECYCLE))
def test_each_command_runs_only_from_its_statuses(command):
    for status in STATUSES:
        if status in LIFECYCLE[command]:
            check_step(status, command)
        else:
            allowed = ", ".join(sorted(LIFECYCLE[command]))
            words = command.replace("_", " ")
            with refused(InvalidTransition, "INVALID_TRANSITION", f"nomination.lifecycle.{command}",
                         f"cannot {words} a nomination that is {status}; allowed from: {allowed}"):
                check_step(status, command)


def test_a_kind_the_plan_awards_but_the_form_does_not_is_refused():
    with refused(NomineeKindNotAllowed, "NOMINEE_KIND_NOT_ALLOWED", "plan.eligible_subjects",
                 "the plan awards bk_bch_ldld_tinh to collective only, not individual", KIND_VI):
        check_nominee_kind("individual", ("collective", "individual"), COLLECTIVE_ONLY)


def test_a_kind_the_form_awards_but_the_plan_does_not_is_refused():
    form = AwardForm("gk", "Giấy khen", "Giám đốc", "giay_khen", ("collective", "individual"))
    with refused(NomineeKindNotAllowed, "NOMINEE_KIND_NOT_ALLOWED", "plan.eligible_subjects",
                 "the plan awards gk to collective, individual only, not individual", KIND_VI):
        check_nominee_kind("individual", ("collective",), form)


def test_a_kind_both_the_plan_and_the_form_award_is_accepted():
    check_nominee_kind("collective", ("collective",), COLLECTIVE_ONLY)


def test_a_dossier_lacking_a_kind_or_a_copy_lists_each_missing_item():
    required = [DossierItem("submission_memo"), DossierItem("achievement_report", 2), DossierItem("endorsement")]
    attached = {"achievement_report": 1, "endorsement": 1}
    assert missing_documents(required, attached) == ["submission_memo x1", "achievement_report x2"]
    with refused(DossierIncomplete, "DOSSIER_INCOMPLETE", "plan.dossier",
                 "dossier lacks: submission_memo x1, achievement_report x2",
                 "Hồ sơ đề nghị khen thưởng chưa đầy đủ"):
        check_dossier(required, attached)


def test_a_dossier_with_every_copy_is_complete():
    required = [DossierItem("submission_memo"), DossierItem("achievement_report", 2)]
    attached = {"submission_memo": 1, "achievement_report": 2, "photos": 3}
    assert missing_documents(required, attached) == []
    check_dossier(required, attached)


def test_a_required_document_never_attached_is_missing_even_when_one_copy_is_asked():
    assert missing_documents([DossierItem("review_minutes", 1)], {}) == ["review_minutes x1"]


@pytest.mark.parametrize("standard, field", [
    ("registered", "registered"), ("registered_on_time", "registered_on_time"),
    ("exceeded_targets", "exceeded_targets"), ("reported_on_time", "reports_on_time")])
def test_each_standard_reads_its_own_fact(standard, field):
    record = NomineeRecord(**{**vars(ALL_MET), field: False})
    assert record.meets(standard) is False
    assert all(record.meets(s) for s in STANDARDS if s != standard)
    check_standards([s for s in STANDARDS if s != standard], record)
    with refused(StandardsNotMet, "STANDARDS_NOT_MET", "plan.standards", f"standards not met: {standard}",
                 "Chưa đạt tiêu chuẩn khen thưởng của kế hoạch"):
        check_standards(STANDARDS, record)


def test_every_standard_failed_is_named():
    record = NomineeRecord(registered=True, registered_on_time=False, exceeded_targets=False,
                           reports_on_time=True)
    with refused(StandardsNotMet, "STANDARDS_NOT_MET", "plan.standards",
                 "standards not met: registered_on_time, exceeded_targets",
                 "Chưa đạt tiêu chuẩn khen thưởng của kế hoạch"):
        check_standards(STANDARDS, record)


def test_a_nominee_meeting_every_standard_passes():
    check_standards(STANDARDS, ALL_MET)


def test_no_award_under_discipline_even_meeting_every_standard():
    with refused(StandardsNotMet, "STANDARDS_NOT_MET", "law.no_award_under_discipline",
                 "no award while discipline or investigation is pending"):
        check_standards((), NomineeRecord(True, True, True, True, under_discipline=True))


@pytest.mark.parametrize("present, votes_for, votes_against", [(5, 3, 2), (5, 0, 0), (1, 1, 0), (3, 0, 3)])
def test_votes_within_the_members_present_are_accepted(present, votes_for, votes_against):
    check_majority(present, votes_for, votes_against)


@pytest.mark.parametrize("present, votes_for, votes_against", [(3, 2, 2), (5, 6, 0), (5, 0, 6), (0, 0, 0)])
def test_votes_beyond_the_members_present_are_refused(present, votes_for, votes_against):
    with refused(InvalidTransition, "INVALID_TRANSITION", "nomination.council_vote.count",
                 "votes exceed members present"):
        check_majority(present, votes_for, votes_against)
