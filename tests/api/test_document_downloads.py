"""Documents over HTTP: the plan and a registration form as PDF and DOCX, with their media
types, under the same access rules as the data they show."""

from __future__ import annotations

from io import BytesIO

import docx

from tenants.ids import NATIONAL_TENANT
from tests.api.conftest import bearer
from tests.api.seed_001_flow import caught_up, created, nominate_to_vote, province, register, seed_001_plan
from tests.api.story import ensure_national_platform, post
from tests.documents.reading import pdf_text

UNIONS = [("CĐCS Công ty TNHH Giày Da Mỹ Phong", True), ("CĐCS Trường THCS Thanh Phước", False)]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"



async def test_an_officer_downloads_the_plan_and_a_registration_form_as_pdf_and_docx(client, platform, token,
                                                                                     tenant_id):
    await ensure_national_platform(platform)
    tay_ninh = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
    plan = await seed_001_plan(client, tay_ninh)
    registration = created(await register(client, tay_ninh.district_officer, plan, tay_ninh.unions[0],
                                          "2021-10-05"))["id"]
    headers = bearer(tay_ninh.district_officer)

    response = await client.get(f"/api/v1/plans/{plan}/document.pdf", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith('attachment; filename="ke-hoach-')
    text = pdf_text(response.content)
    assert "KẾ HOẠCH" in text and "LĐLĐ HUYỆN GÒ DẦU" in text and "LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH" in text
    assert "Thực hiện Kế hoạch số 265/KH-LĐLĐ" in text and "PHÓ CHỦ TỊCH" in text

    response = await client.get(f"/api/v1/registrations/{registration}/form.docx", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == DOCX
    paragraphs = [p.text for p in docx.Document(BytesIO(response.content)).paragraphs]
    assert "BẢNG ĐĂNG KÝ" in paragraphs and "CĐCS CÔNG TY TNHH GIÀY DA MỸ PHONG" in docx_cells(response.content)


def docx_cells(data: bytes) -> str:
    document = docx.Document(BytesIO(data))
    return " ".join(p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs)


async def test_documents_follow_the_access_rules_of_their_data(client, platform, token, tenant_id, other_tenant_id):
    await ensure_national_platform(platform)
    tay_ninh = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
    plan = await seed_001_plan(client, tay_ninh)
    registration = created(await register(client, tay_ninh.district_officer, plan, tay_ninh.unions[1],
                                          "2021-10-06"))["id"]
    outsider = bearer(token(other_tenant_id, "officer"))
    national = bearer(token(NATIONAL_TENANT, "national"))

    for path in (f"/api/v1/plans/{plan}/document.pdf", f"/api/v1/registrations/{registration}/form.pdf"):
        response = await client.get(path, headers=outsider)  # another tenant's officer: nothing there
        assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")
    response = await client.get(f"/api/v1/plans/{plan}/document.docx?tenant={tenant_id}", headers=national)
    assert response.status_code == 200 and response.headers["content-type"] == DOCX
    response = await client.get(f"/api/v1/registrations/{registration}/form.pdf", headers=national)
    assert response.status_code == 403  # registrations are tenant data, not national metadata
    response = await client.get(f"/api/v1/plans/{plan}/document.pdf")
    assert response.status_code == 401


async def test_the_documents_are_listed_in_the_openapi_under_their_tag_with_their_media_types(client):
    schema = (await client.get("/schema/openapi.json")).json()
    pdf = schema["paths"]["/api/v1/plans/{plan_id}/document.pdf"]["get"]
    docx_op = schema["paths"]["/api/v1/registrations/{registration_id}/form.docx"]["get"]
    assert pdf["tags"] == ["documents"] and "application/pdf" in pdf["responses"]["200"]["content"]
    assert docx_op["tags"] == ["documents"] and DOCX in docx_op["responses"]["200"]["content"]


async def test_the_achievement_report_and_the_submission_memo_come_from_results_and_nominations(
        client, platform, admin, token, tenant_id):
    await ensure_national_platform(platform)
    tay_ninh = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
    plan = await seed_001_plan(client, tay_ninh)
    registration = created(await register(client, tay_ninh.district_officer, plan, tay_ninh.unions[0],
                                          "2021-10-05"))["id"]
    created(await post(client, f"/registrations/{registration}/results", tay_ninh.district_officer,
                       {"indicator": "Sáng kiến", "achieved": 4, "on": "2021-12-20"}))
    await nominate_to_vote(client, tay_ninh, plan, tay_ninh.unions[0])
    await caught_up(platform, admin, [tenant_id])
    headers = bearer(tay_ninh.district_officer)

    response = await client.get(f"/api/v1/registrations/{registration}/achievement-report.pdf", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "BÁO CÁO THÀNH TÍCH TẬP THỂ" in text and "Vượt mức" in text and "CÔNG TY TNHH GIÀY DA MỸ PHONG" in text

    response = await client.get(f"/api/v1/plans/{plan}/submission-memo.pdf?proposer={tay_ninh.district}",
                                headers=headers)
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "TỜ TRÌNH" in text and "CĐCS Công ty TNHH Giày Da Mỹ Phong (doanh nghiệp)" in text
    assert "Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh" in text and "cho 1 tập thể" in text
