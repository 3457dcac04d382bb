"""Dossier files over HTTP: multipart upload, GET download with the recorded media type,
refusals in the problem shape with nothing written, no file of another tenant, OpenAPI."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

import pytest
from litestar.testing import AsyncTestClient

from api.app import create_app
from infra.settings import FileSettings, Settings
from tests import dossier_samples as samples
from tests.api.conftest import bearer
from tests.api.seed_001_flow import created, draft, province, register, seed_001_plan
from tests.api.story import NATIONAL, ensure_national_platform

UNIONS = [("CĐCS Công ty A", True), ("CĐCS Trường C", False)]


@pytest.fixture
async def district(client, platform, token, tenant_id):
    await ensure_national_platform(platform)
    p = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
    p.plans["001"] = await seed_001_plan(client, p)
    return p


@pytest.fixture
async def nomination(client, district):
    body = created(await draft(client, district.district_officer, district.plans["001"], district.district,
                               district.unions[0]))
    return body["id"]


async def upload(client, token, path, content, name="Tờ trình.pdf", kind="submission_memo", **fields):
    response = await client.post(f"/api/v1{path}", headers=bearer(token),
                                 files={"file": (name, content, "application/octet-stream")},
                                 data={"kind": kind, **fields})
    return response, response.json()


async def files_rows(admin, tenant) -> int:
    return await admin.fetchval("SELECT count(*) FROM dossier_files WHERE tenant_id = $1", tenant)


async def test_an_uploaded_file_downloads_with_its_media_type_and_name(client, district, nomination):
    content = samples.pdf("Tờ trình đề nghị khen thưởng")
    body = created(await upload(client, district.district_officer, f"/nominations/{nomination}/files", content))
    assert body["version"] == 2
    sha256 = hashlib.sha256(content).hexdigest()
    response = await client.get(f"/api/v1/nominations/{nomination}/files/{sha256}",
                                headers=bearer(district.officer))
    assert response.status_code == 200 and response.content == content
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.headers["etag"] == f'"{sha256}"'
    assert f"filename*=UTF-8''{quote('Tờ trình.pdf', safe='')}" in response.headers["content-disposition"]
    assert 'filename="To trinh.pdf"' in response.headers["content-disposition"]
    listed = (await client.get(f"/api/v1/nominations/{nomination}/files", headers=bearer(district.officer))).json()
    assert listed == [{"kind": "submission_memo", "name": "Tờ trình.pdf", "sha256": sha256, "size": len(content),
                       "media_type": "application/pdf"}]
    again = await client.get(f"/api/v1/nominations/{nomination}/files/{sha256}",
                             headers={**bearer(district.officer), "If-None-Match": f'"{sha256}"'})
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize("make, media_type", [
    (samples.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (samples.xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (samples.jpeg, "image/jpeg"), (samples.png, "image/png"),
])
async def test_each_type_is_served_as_its_content_says(client, district, nomination, make, media_type):
    content = make()
    created(await upload(client, district.district_officer, f"/nominations/{nomination}/files", content,
                         name="scan.bin"))
    response = await client.get(f"/api/v1/nominations/{nomination}/files/{hashlib.sha256(content).hexdigest()}",
                                headers=bearer(district.officer))
    assert response.headers["content-type"].startswith(media_type)


async def test_a_registration_takes_and_serves_files(client, district):

    reg = created(await register(client, district.district_officer, district.plans["001"], district.unions[1],
                                 "2021-10-05"))["id"]
    content = samples.xlsx()
    created(await upload(client, district.district_officer, f"/registrations/{reg}/files", content,
                         name="Bảng đăng ký.xlsx", kind="registration_form"))
    response = await client.get(f"/api/v1/registrations/{reg}/files/{hashlib.sha256(content).hexdigest()}",
                                headers=bearer(district.officer))
    assert (response.status_code, response.content) == (200, content)


@pytest.mark.parametrize("content, fields, status, code", [
    (b"<?php system($_GET['c']); ?>", {}, 415, "UNSUPPORTED_MEDIA_TYPE"),
    (samples.plain_zip(), {}, 415, "UNSUPPORTED_MEDIA_TYPE"),
    (b"", {}, 400, "BAD_INPUT"),
    (samples.pdf(), {"kind": "  "}, 400, "BAD_INPUT"),
    (samples.pdf(), {"expected_version": "7"}, 409, "CONFLICT"),
])
async def test_a_refused_upload_answers_a_problem_and_writes_nothing(client, district, nomination, admin,
                                                                     content, fields, status, code):
    before = await admin.fetchval("SELECT count(*) FROM events WHERE tenant_id = $1", district.tenant)
    response, body = await upload(client, district.district_officer, f"/nominations/{nomination}/files",
                                  content, **({"kind": "submission_memo"} | fields))
    assert (response.status_code, body["code"]) == (status, code), body
    assert body["message_vi"]
    assert await admin.fetchval("SELECT count(*) FROM events WHERE tenant_id = $1", district.tenant) == before
    assert await files_rows(admin, district.tenant) == 0


async def test_a_retried_upload_answers_its_first_result_and_stores_once(client, district, nomination, admin):
    path, content = f"/api/v1/nominations/{nomination}/files", samples.pdf("gửi lại")
    replies = []
    for _ in range(2):
        response = await client.post(path, headers={**bearer(district.district_officer), "Idempotency-Key": "up-1"},
                                     files={"file": ("Tờ trình.pdf", content, "application/pdf")},
                                     data={"kind": "submission_memo"})
        replies.append((response.status_code, response.json()))
    assert [status for status, _ in replies] == [201, 200]
    assert replies[1][1]["replayed"] is True and replies[0][1]["version"] == replies[1][1]["version"]
    assert await files_rows(admin, district.tenant) == 1


async def test_an_upload_without_a_file_is_bad_input(client, district, nomination):
    response = await client.post(f"/api/v1/nominations/{nomination}/files", headers=bearer(district.officer),
                                 data={"kind": "submission_memo"})
    assert (response.status_code, response.json()["code"]) == (400, "BAD_INPUT")


async def test_a_viewer_may_download_but_not_upload(client, district, nomination, token):
    viewer = token(district.tenant, "viewer")
    response, body = await upload(client, viewer, f"/nominations/{nomination}/files", samples.pdf())
    assert (response.status_code, body["code"]) == (403, "FORBIDDEN")


async def test_another_tenant_never_reads_the_file(client, district, nomination, token, other_tenant_id):
    content = samples.pdf("bí mật")
    created(await upload(client, district.district_officer, f"/nominations/{nomination}/files", content))
    path = f"/api/v1/nominations/{nomination}/files/{hashlib.sha256(content).hexdigest()}"
    for caller in (token(other_tenant_id, "officer"), token(other_tenant_id, "viewer"),
                   token(NATIONAL, "national")):
        response = await client.get(path, headers=bearer(caller))
        assert response.status_code in (403, 404), response.text
        assert response.content != content
    assert (await client.get(path)).status_code == 401


async def test_a_file_over_the_limit_is_refused_with_413(admin_url, platform, token, tenant_id):
    small = Settings(files=FileSettings(max_bytes=2048))
    async with AsyncTestClient(app=create_app(small, admin_url)) as client:
        await ensure_national_platform(platform)
        p = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
        p.plans["001"] = await seed_001_plan(client, p)
        nid = created(await draft(client, p.district_officer, p.plans["001"], p.district, p.unions[0]))["id"]
        for size in (3000, 200_000):  # over the file limit; over the request limit too
            response, body = await upload(client, p.district_officer, f"/nominations/{nid}/files",
                                          samples.pdf() + b"\0" * size)
            assert (response.status_code, body["code"]) == (413, "PAYLOAD_TOO_LARGE")


async def test_every_download_is_a_get_under_documents_with_its_media_types(client):
    schema = (await client.get("/schema/openapi.json")).json()
    downloads = {path: ops["get"] for path, ops in schema["paths"].items() if "/files/" in path}
    assert set(downloads) == {"/api/v1/nominations/{nomination_id}/files/{sha256}",
                              "/api/v1/registrations/{registration_id}/files/{sha256}"}
    for operation in downloads.values():
        assert operation["tags"] == ["documents"]
        assert set(operation["responses"]["200"]["content"]) == {
            "application/pdf", "image/jpeg", "image/png",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
    uploads = [ops["post"] for path, ops in schema["paths"].items() if path.endswith("/files")]
    assert all("multipart/form-data" in op["requestBody"]["content"] for op in uploads)
