"""Documents over HTTP: the plan and a registration form as PDF and DOCX, with their media
types, under the same access rules as the data they show."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from uuid import uuid4

import docx
import pypdf

from tenants.ids import NATIONAL_TENANT
from tests.api.conftest import bearer
from tests.api.seed_001_flow import caught_up, created, nominate_to_vote, province, register, seed_001_plan
from tests.api.story import ensure_national_platform, post
from tests.documents.decided import UNIONS as DECIDED_UNIONS
from tests.documents.decided import decided, revoke
from tests.documents.reading import pdf_text
from tests.documents.test_documents import ARTIFACTS

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


# --- the award decision, its revocation, the certificates, the review reports -------------------

async def test_the_award_decision_lists_its_recipients_and_a_revocation_cites_it(client, platform, admin, token,
                                                                                 tenant_id):
    story = await decided(client, platform, admin, token, tenant_id)
    headers = bearer(story.province.officer)
    path = f"/api/v1/decisions/{story.decision}"

    response = await client.get(f"{path}/revocation.pdf", headers=headers)
    assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")  # nothing revoked yet
    await revoke(client, platform, admin, story)

    response = await client.get(f"{path}/document.pdf", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.content)
    for phrase in ("QUYẾT ĐỊNH", "Số: 1/QĐ-LĐLĐ", "Tây Ninh, ngày 10 tháng 01 năm 2022",
                   "Về việc tặng Bằng khen phong trào thi đua 90 ngày nước rút",
                   "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH", "Căn cứ Điều lệ Công đoàn Việt Nam",
                   "Căn cứ Nghị định số 91/2017/NĐ-CP",
                   "Căn cứ Kế hoạch của LĐLĐ huyện Gò Dầu về phát động phong trào thi đua 90 ngày nước rút",
                   "Xét đề nghị của LĐLĐ huyện Gò Dầu",
                   "Điều 1. Tặng Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh cho 03 tập thể", "Điều 2.",
                   "Điều 3.", "Nơi nhận:", "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Thị Hoa",
                   "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", "Kèm theo Quyết định số 1/QĐ-LĐLĐ ngày 10/01/2022",
                   "Đã thu hồi ngày 01/06/2022", "Hồ sơ không trung thực"):
        assert phrase in text, phrase
    assert all(name in text for name, _ in DECIDED_UNIONS)
    keep_page(response.content, "decision")

    response = await client.get(f"{path}/document.docx", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == DOCX
    text = " ".join((docx_paragraphs(response.content) + " " + docx_cells(response.content)).split())
    assert "Điều 1. Tặng Bằng khen" in text and "CĐCS Trường THCS Thanh Phước" in text and "Số: 1/QĐ-LĐLĐ" in text

    response = await client.get(f"{path}/revocation.pdf", headers=headers)
    assert response.status_code == 200
    text = pdf_text(response.content)
    for phrase in ("Về việc thu hồi khen thưởng tại Quyết định số 1/QĐ-LĐLĐ", "Số: ……/QĐ-LĐLĐ",
                   "ngày 01 tháng 06 năm 2022", "Điều 1. Thu hồi khen thưởng của 01 tập thể",
                   "Quyết định số 1/QĐ-LĐLĐ ngày 10/01/2022", "Hồ sơ không trung thực", "hoàn trả hiện vật"):
        assert phrase in text, phrase
    assert "Thanh Phước" not in text  # only the revoked recipient
    keep_page(response.content, "decision-revocation")
    response = await client.get(f"{path}/revocation.docx", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == DOCX
    assert "Hồ sơ không trung thực" in docx_cells(response.content)


async def test_each_recipient_gets_a_landscape_certificate_naming_the_decision(client, platform, admin, token,
                                                                               tenant_id):
    story = await decided(client, platform, admin, token, tenant_id)
    headers = bearer(story.province.officer)
    path = f"/api/v1/decisions/{story.decision}/recipients/{story.nominations[2]}/certificate"

    response = await client.get(f"{path}.pdf", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    page = pypdf.PdfReader(BytesIO(response.content)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = pdf_text(response.content)
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH", "TẶNG",
                   "BẰNG KHEN", "CĐCS Trường THCS Thanh Phước", "Trực thuộc LĐLĐ huyện Gò Dầu",
                   "90 ngày nước rút", "Quyết định số 1/QĐ-LĐLĐ ngày 10/01/2022",
                   "Tây Ninh, ngày 10 tháng 01 năm 2022", "TM. BAN THƯỜNG VỤ", "Nguyễn Thị Hoa"):
        assert phrase in text, phrase
    keep_page(response.content, "certificate")

    response = await client.get(f"{path}.docx", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == DOCX
    document = docx.Document(BytesIO(response.content))
    assert document.sections[0].page_width > document.sections[0].page_height
    assert "BẰNG KHEN" in docx_paragraphs(response.content) and "Nguyễn Thị Hoa" in docx_cells(response.content)

    response = await client.get(f"/api/v1/decisions/{story.decision}/recipients/{uuid4()}/certificate.pdf",
                                headers=headers)
    assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND")  # not a recipient
    national = bearer(token(NATIONAL_TENANT, "national"))
    for url in (f"{path}.pdf", f"/api/v1/decisions/{story.decision}/document.pdf"):
        assert (await client.get(url, headers=national)).status_code == 403  # names people: tenant data
    outsider = bearer(token(f"t-{uuid4().hex[:12]}", "officer"))
    assert (await client.get(f"{path}.pdf", headers=outsider)).status_code == 404


async def test_the_review_reports_give_the_rollups_figures_and_the_awards(client, platform, admin, token, tenant_id):
    story = await decided(client, platform, admin, token, tenant_id)
    p = story.province
    query = {"node": str(p.district), "stage": "final", "as_of": "2022-01-31"}

    response = await client.get(f"/api/v1/plans/{story.plan}/review.pdf", params=query, headers=bearer(p.officer))
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.content)
    for phrase in ("BÁO CÁO", "Tổng kết phong trào thi đua 90 ngày nước rút", "LĐLĐ HUYỆN GÒ DẦU",
                   "ngày 31 tháng 01 năm 2022", "tính đến ngày 31/01/2022",
                   "Toàn đơn vị có 3 công đoàn cơ sở", "3 đơn vị đã đăng ký thi đua, đạt 100%",
                   "3/3 chỉ tiêu đạt và vượt", "9 kỳ báo cáo đến hạn; 9 đúng hạn",
                   "Đã khen thưởng 3 tập thể, cá nhân", "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh: 3",
                   "CĐCS Trường THCS Thanh Phước", "1/QĐ-LĐLĐ ngày 10/01/2022", "Tổng cộng", "IV. ĐÁNH GIÁ CHUNG"):
        assert phrase in text, phrase

    national = bearer(token(NATIONAL_TENANT, "national"))
    response = await client.get(f"/api/v1/plans/{story.plan}/review.docx", headers=national,
                                params={**query, "stage": "interim", "plan_tenant": p.tenant})
    assert response.status_code == 200 and response.headers["content-type"] == DOCX
    text = " ".join((docx_paragraphs(response.content) + " " + docx_cells(response.content)).split())
    assert "Sơ kết phong trào thi đua" in text and "3 đơn vị đã đăng ký thi đua" in text
    assert "do đơn vị quản lý lưu giữ" in text and "1/QĐ-LĐLĐ" not in text  # figures, no awardee's name
    assert "IV. NHIỆM VỤ THỜI GIAN TỚI" in text

    response = await client.get(f"/api/v1/plans/{story.plan}/review.pdf", headers=bearer(p.officer),
                                params={**query, "stage": "yearly"})
    assert response.status_code == 400  # the OpenAPI lists the two stages


def docx_paragraphs(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(BytesIO(data)).paragraphs)


def keep_page(pdf: bytes, name: str) -> None:
    """The first page as PNG under var/artifacts (CI keeps it) for a person to look at."""
    if shutil.which("pdftoppm") is None:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile", str(ARTIFACTS / f"{name}.pdf"),
                    str(ARTIFACTS / name)], check=True)
    assert (ARTIFACTS / f"{name}.png").stat().st_size > 10_000


async def test_every_new_file_is_a_get_under_its_tag_with_its_media_type(client):
    paths = (await client.get("/schema/openapi.json")).json()["paths"]
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    expected = {
        "/api/v1/decisions/{decision_id}/document.pdf": ("documents", "application/pdf"),
        "/api/v1/decisions/{decision_id}/document.docx": ("documents", DOCX),
        "/api/v1/decisions/{decision_id}/revocation.pdf": ("documents", "application/pdf"),
        "/api/v1/decisions/{decision_id}/recipients/{nomination_id}/certificate.pdf": ("documents", "application/pdf"),
        "/api/v1/decisions/{decision_id}/recipients/{nomination_id}/certificate.docx": ("documents", DOCX),
        "/api/v1/plans/{plan_id}/review.pdf": ("documents", "application/pdf"),
        "/api/v1/plans/{plan_id}/review.docx": ("documents", DOCX),
        "/api/v1/plans/{plan_id}/rollup.xlsx": ("exports", xlsx),
        "/api/v1/plans/{plan_id}/rollup.csv": ("exports", "text/csv; charset=utf-8"),
        "/api/v1/plans/{plan_id}/awards.xlsx": ("exports", xlsx),
        "/api/v1/statistics/{form}/form.xlsx": ("exports", xlsx),
        "/api/v1/statistics/{form}/form.csv": ("exports", "text/csv; charset=utf-8"),
    }
    for path, (tag, media_type) in expected.items():
        operation = paths[path]["get"]
        assert operation["tags"] == [tag] and media_type in operation["responses"]["200"]["content"], path
    form = next(p for p in paths["/api/v1/statistics/{form}/form.xlsx"]["get"]["parameters"] if p["name"] == "form")
    assert form["schema"]["enum"] == ["0601", "0602", "0603"]
