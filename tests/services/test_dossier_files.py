"""Dossier files through the services and the store: the event records sha256, size and type;
a file changed or removed behind the application's back fails verification at the position
of the event that recorded it, and is never served."""

from __future__ import annotations

import dataclasses
from datetime import date
from uuid import uuid4

import pytest

from audit.verify import verify_with_files
from domain.errors import DomainError
from domain.files import DOCX, PDF
from domain.nomination import Nomination
from domain.registration import Registration, Target
from infra.errors import CodedError
from infra.files.directory import DirectoryFileStore
from seeds import seed_001
from services import files, nominations, registrations
from services.context import CommandContext
from tests import dossier_samples as samples

from .conftest import CTX, launched_plan, load_nomination


@pytest.fixture
async def nomination_id(platform, org):
    plan_id = await launched_plan(platform, org.tenant, seed_001, org.district, date(2021, 10, 1))
    return (await nominations.draft_nomination(
        platform, org.tenant, CTX, plan_id=plan_id, nominee_kind="collective", nominee_id=org.unions[0],
        award_form="bk_bch_ldld_tinh", phase=seed_001.PHASE, proposing_unit_id=org.district)).id


async def attach(platform, tenant, nomination_id, content, name="Tờ trình.pdf", kind="submission_memo"):
    return await files.attach_file(platform, tenant, CTX, Nomination, nomination_id, kind=kind, name=name,
                                   content=content)


async def recorded_at(admin, tenant, sha256) -> int:
    return await admin.fetchval("SELECT position FROM events WHERE tenant_id = $1 AND body->>'file_sha256' = $2",
                                tenant, sha256)


async def test_an_attached_file_is_in_the_event_and_comes_back(platform, org, nomination_id, admin):
    content = samples.pdf()
    await attach(platform, org.tenant, nomination_id, content)
    nomination = await load_nomination(platform, org.tenant, nomination_id)
    (sha256, entry), = nomination.files.items()
    body = await admin.fetchval("SELECT body FROM events WHERE tenant_id = $1 AND body->>'file_sha256' = $2",
                                org.tenant, sha256)
    assert '"file_size": %d' % len(content) in body and PDF in body
    got = await files.read_file(platform, org.tenant, Nomination, nomination_id, sha256)
    assert (got.content, got.media_type, got.name) == (content, PDF, "Tờ trình.pdf")
    assert (await verify_with_files(platform.db, org.tenant, platform.files)).ok


async def test_a_refused_file_writes_nothing(platform, org, nomination_id, admin):
    before = await admin.fetchval("SELECT count(*) FROM dossier_files WHERE tenant_id = $1", org.tenant)
    with pytest.raises(DomainError) as err:
        await attach(platform, org.tenant, nomination_id, b"MZ\x90\x00 an executable", name="memo.pdf")
    assert err.value.code == "UNSUPPORTED_MEDIA_TYPE"
    assert await admin.fetchval("SELECT count(*) FROM dossier_files WHERE tenant_id = $1", org.tenant) == before
    assert (await load_nomination(platform, org.tenant, nomination_id)).version == 1


async def test_a_caller_outside_the_proposing_subtree_may_not_attach(platform, org, nomination_id, admin):
    outsider = CommandContext(actor="other@test", writes_under=org.other_district)
    with pytest.raises(CodedError) as err:
        await files.attach_file(platform, org.tenant, outsider, Nomination, nomination_id, kind="memo",
                                name="x.pdf", content=samples.pdf("outsider"))
    assert err.value.code == "FORBIDDEN"
    assert await admin.fetchval("SELECT count(*) FROM dossier_files WHERE tenant_id = $1", org.tenant) == 0


async def test_a_registration_takes_files_too(platform, org):
    plan_id = await launched_plan(platform, org.tenant, seed_001, org.district, date(2021, 10, 1))
    reg = await registrations.register_unit(platform, org.tenant, CTX, plan_id=plan_id, unit_id=org.unions[1],
                                            phase=seed_001.PHASE, targets=[Target("Sáng kiến", 3, "sáng kiến")],
                                            on=date(2021, 10, 5))
    content = samples.docx("Bảng đăng ký thi đua")
    await files.attach_file(platform, org.tenant, CTX, Registration, reg.id, kind="registration_form",
                            name="Bảng đăng ký.docx", content=content)
    (sha256, entry), = (await registrations.get_registration(
        platform, org.tenant, plan_id=plan_id, phase=seed_001.PHASE, unit_id=org.unions[1])).files.items()
    assert entry["media_type"] == DOCX
    assert (await files.read_file(platform, org.tenant, Registration, reg.id, sha256)).content == content


async def test_a_file_of_another_dossier_or_tenant_is_not_found(platform, org, nomination_id, other_tenant_id):
    await attach(platform, org.tenant, nomination_id, samples.png())
    sha256 = next(iter((await load_nomination(platform, org.tenant, nomination_id)).files))
    for tenant, holder in ((org.tenant, uuid4()), (other_tenant_id, nomination_id)):
        with pytest.raises(CodedError) as err:
            await files.read_file(platform, tenant, Nomination, holder, sha256)
        assert err.value.code == "NOT_FOUND"


async def test_a_file_changed_in_postgres_breaks_verification_at_its_event(platform, org, nomination_id, admin):
    await attach(platform, org.tenant, nomination_id, samples.pdf("bản gốc"))
    await attach(platform, org.tenant, nomination_id, samples.docx(), name="Báo cáo.docx", kind="achievement_report")
    held = (await load_nomination(platform, org.tenant, nomination_id)).files
    sha256 = next(s for s, entry in held.items() if entry["media_type"] == DOCX)
    await admin.execute("UPDATE dossier_files SET content = $3 WHERE tenant_id = $1 AND sha256 = $2",
                        org.tenant, sha256, samples.docx("bản đã sửa"))
    report = await verify_with_files(platform.db, org.tenant, platform.files)
    assert not report.ok
    assert report.first_bad_position == await recorded_at(admin, org.tenant, sha256)
    assert "changed after it was recorded" in report.reason
    with pytest.raises(CodedError) as err:
        await files.read_file(platform, org.tenant, Nomination, nomination_id, sha256)
    assert err.value.code == "FILE_DAMAGED"


async def test_a_file_removed_from_postgres_is_reported_missing(platform, org, nomination_id, admin):
    await attach(platform, org.tenant, nomination_id, samples.jpeg())
    sha256 = next(iter((await load_nomination(platform, org.tenant, nomination_id)).files))
    await admin.execute("DELETE FROM dossier_files WHERE tenant_id = $1 AND sha256 = $2", org.tenant, sha256)
    report = await verify_with_files(platform.db, org.tenant, platform.files)
    assert (report.ok, report.first_bad_position) == (False, await recorded_at(admin, org.tenant, sha256))
    assert "missing" in report.reason


async def test_a_file_changed_in_the_directory_store_breaks_verification(platform, org, nomination_id, admin,
                                                                         tmp_path):
    on_disk = dataclasses.replace(platform, files=DirectoryFileStore(tmp_path))
    await attach(on_disk, org.tenant, nomination_id, samples.pdf("trên đĩa"))
    sha256 = next(iter((await load_nomination(platform, org.tenant, nomination_id)).files))
    assert (await verify_with_files(platform.db, org.tenant, on_disk.files)).ok
    on_disk.files.path_of(org.tenant, sha256).write_bytes(samples.pdf("giả mạo"))
    report = await verify_with_files(platform.db, org.tenant, on_disk.files)
    assert (report.ok, report.first_bad_position) == (False, await recorded_at(admin, org.tenant, sha256))


async def test_an_earlier_break_in_the_chain_is_reported_first(platform, org, nomination_id, admin):
    await attach(platform, org.tenant, nomination_id, samples.pdf("x"))
    sha256 = next(iter((await load_nomination(platform, org.tenant, nomination_id)).files))
    await admin.execute("DELETE FROM dossier_files WHERE tenant_id = $1 AND sha256 = $2", org.tenant, sha256)
    await admin.execute("UPDATE events SET body = body || '{\"forged\": 1}' WHERE tenant_id = $1 AND position = 2",
                        org.tenant)
    report = await verify_with_files(platform.db, org.tenant, platform.files)
    assert (report.ok, report.first_bad_position) == (False, 2)
