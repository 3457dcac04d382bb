"""Dossier files are recognised by their content, limited in size, and recorded once."""

from __future__ import annotations

import hashlib
from datetime import date
from uuid import uuid4

import pytest

from domain import files
from domain.errors import DomainError
from domain.nomination import draft_nomination
from domain.registration import Registration
from seeds import seed_001
from tests import dossier_samples as samples

from .conftest import launched

LIMIT = 1024 * 1024


@pytest.fixture
def nomination():
    plan = launched(seed_001, date(2021, 10, 1))
    return draft_nomination(plan, nominee_kind="collective", nominee_id=uuid4(), nominee_name="CĐCS Công ty A",
                            award_form="bk_bch_ldld_tinh", phase=seed_001.PHASE, proposing_unit_id=uuid4())


@pytest.mark.parametrize("content, media_type", [
    (samples.pdf(), files.PDF), (samples.docx(), files.DOCX), (samples.xlsx(), files.XLSX),
    (samples.jpeg(), files.JPEG), (samples.png(), files.PNG),
])
def test_each_accepted_type_is_recognised_by_its_content(content, media_type):
    facts = files.file_facts(content, "tệp", LIMIT)
    assert (facts.media_type, facts.size) == (media_type, len(content))
    assert facts.sha256 == hashlib.sha256(content).hexdigest()


def test_the_name_does_not_decide_the_type():
    assert files.file_facts(samples.pdf(), "bao-cao.docx", LIMIT).media_type == files.PDF


@pytest.mark.parametrize("content", [
    b"#!/bin/sh\nrm -rf /\n", b"<html><script>alert(1)</script></html>", samples.plain_zip(),
    b"PK\x03\x04 not really a zip", b"GIF89a\x01\x00\x01\x00", samples.docm(),
])
def test_other_content_is_refused_whatever_its_name(content):
    with pytest.raises(DomainError) as err:
        files.file_facts(content, "to-trinh.pdf", LIMIT)
    assert (err.value.code, err.value.rule) == ("UNSUPPORTED_MEDIA_TYPE", "dossier.file.type")


def test_a_file_over_the_limit_or_empty_is_refused():
    with pytest.raises(DomainError) as err:
        files.file_facts(samples.pdf() + b"\0" * 100, "x.pdf", 100)
    assert err.value.code == "PAYLOAD_TOO_LARGE"
    with pytest.raises(DomainError) as err:
        files.file_facts(b"", "x.pdf", 100)
    assert err.value.code == "BAD_INPUT"


def test_only_the_last_segment_of_a_name_is_kept():
    assert files.file_facts(samples.pdf(), "C:\\hồ sơ\\..\\Tờ trình.pdf", LIMIT).name == "Tờ trình.pdf"
    assert files.file_facts(samples.pdf(), "../../etc/passwd", LIMIT).name == "passwd"
    with pytest.raises(DomainError):
        files.file_facts(samples.pdf(), "dir/", LIMIT)


def test_a_file_attached_to_a_nomination_counts_as_a_copy_of_its_document(nomination):
    facts = files.file_facts(samples.pdf(), "Tờ trình.pdf", LIMIT)
    nomination.attach_file("submission_memo", facts)
    assert nomination.documents["submission_memo"] == 1
    assert nomination.files[facts.sha256] == {"kind": "submission_memo", "name": "Tờ trình.pdf",
                                              "sha256": facts.sha256, "size": facts.size,
                                              "media_type": files.PDF}
    with pytest.raises(DomainError) as err:
        nomination.attach_file("review_minutes", facts)
    assert err.value.code == "DUPLICATE"


def test_a_declared_copy_count_is_not_lowered_by_a_file(nomination):
    nomination.attach_document("achievement_report", 2)
    nomination.attach_file("achievement_report", files.file_facts(samples.docx(), "bc.docx", LIMIT))
    assert nomination.documents["achievement_report"] == 2


def test_a_registration_holds_its_files():
    registration = Registration(tenant="t", plan_id=uuid4(), phase="", unit_id=uuid4(), targets=[],
                                work_items=[], initiatives=[], registered_on=date(2021, 10, 5), late=False)
    facts = files.file_facts(samples.xlsx(), "Bảng đăng ký.xlsx", LIMIT)
    registration.attach_file("registration_form", facts)
    assert registration.files[facts.sha256]["media_type"] == files.XLSX
