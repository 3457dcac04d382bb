"""Seed 001 from the district officer's side, in a real browser at 360 px: the to-do list,
the plan, registering on time, a late registration refused with its rule's message and nothing
written, a double submit written once, results and a report, a nomination with a dossier file
(a wrong type refused by its content), submitted, and its timeline as the province handles it.
Every page is checked with axe-core and for its width; screenshots go to var/artifacts/web/."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit
from uuid import UUID

from projections.queries import registrations, reports
from projections.read_models.reads import nomination
from projections.read_your_writes import wait_until_projected
from services import nominations
from services.context import CommandContext
from tests.web.officer_story import seed_001_story
from tests.web.pages import assert_accessible, assert_fits_width, same_host_only, sign_in

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PROVINCE = CommandContext(actor="province-officer")


async def checked(page, keep_screenshot, name: str) -> None:
    await assert_accessible(page)
    await assert_fits_width(page)
    await keep_screenshot(page, f"officer-{name}")


async def test_seed_001_from_the_officer_side(site, phone, tenant_id, keep_screenshot):
    foreign = same_host_only(phone, site.url)
    story = await seed_001_story(site, tenant_id)
    plan, union, other = story.plan_id, story.unions[0], story.unions[1]
    await sign_in(phone, story.email, story.password)

    # To do, as of 05/10/2021: the registration deadline of 12/10/2021, seven days left.
    await phone.goto("/?on=2021-10-05")
    todo = await phone.inner_text("main")
    assert "Việc cần làm" in await phone.inner_text("h1")
    assert "12/10/2021" in todo and "Còn 7 ngày" in todo and "Đã xong 0/3 đơn vị" in todo
    await checked(phone, keep_screenshot, "todo-before")

    await phone.click("nav >> text=Kế hoạch")
    assert "90/KH-LĐLĐ" in await phone.inner_text("main")
    await checked(phone, keep_screenshot, "plans")
    await phone.click("text=Kế hoạch 90/KH-LĐLĐ")
    page_text = await phone.inner_text("main")
    for shown in ("90 ngày nước rút", "12/10/2021", "29/12/2021", "Báo cáo vào các ngày 25 hằng tháng",
                  "Hoàn thành vượt mức chỉ tiêu đăng ký thi đua", "Chưa đăng ký"):
        assert shown in page_text, shown
    pdf = await phone.request.get(await phone.get_attribute("a[href$='document.pdf']", "href"))
    assert pdf.ok and (await pdf.body()).startswith(b"%PDF")
    await checked(phone, keep_screenshot, "plan")

    # Register on time (05/10/2021) on the BẢNG ĐĂNG KÝ.
    await phone.goto(f"/unit/plans/{plan}/register?on=2021-10-05")
    await phone.select_option("#f-unit_id", str(union))
    await phone.fill("#f-target-0-indicator", "Sáng kiến")
    await phone.fill("#f-target-0-amount", "3")
    await phone.fill("#f-target-0-unit", "sáng kiến")
    await phone.fill("#f-work_items", "Sửa chữa nhà văn hóa công nhân")
    await phone.fill("#f-initiatives", "Tổ an toàn Covid-19")
    await checked(phone, keep_screenshot, "register-form")
    await phone.click("button:has-text('Đăng ký')")
    assert urlsplit(phone.url).path == f"/unit/plans/{plan}/units/{union}"
    unit_page = await phone.inner_text("main")
    assert "Đã ghi nhận đăng ký thi đua" in unit_page and "đăng ký ngày 05/10/2021" in unit_page
    assert "Sửa chữa nhà văn hóa công nhân" in unit_page
    form = await phone.request.get(await phone.get_attribute("a[href$='form.pdf']", "href"))
    assert form.ok and (await form.body()).startswith(b"%PDF"), "the filled BẢNG ĐĂNG KÝ downloads"
    await checked(phone, keep_screenshot, "registered")

    # Late (13/10/2021): refused next to the date with the rule's message; nothing written.
    await phone.goto(f"/unit/plans/{plan}/register?on=2021-10-13")
    await phone.select_option("#f-unit_id", str(other))
    await phone.fill("#f-target-0-indicator", "Sáng kiến")
    await phone.fill("#f-target-0-amount", "2")
    await phone.click("button:has-text('Đăng ký')")
    assert "Đã quá hạn đăng ký thi đua (12/10/2021)" in await phone.inner_text("#e-on")
    assert await phone.get_attribute("#f-on", "aria-invalid") == "true"
    assert await phone.input_value("#f-target-0-indicator") == "Sáng kiến", "what was typed stays"
    await checked(phone, keep_screenshot, "register-late-refused")
    assert await registrations(site.platform.db, tenant_id, plan, unit_id=other) == []

    # Results and a report for 25/10/2021.
    await phone.goto(f"/unit/plans/{plan}/units/{union}?on=2021-10-25")
    await phone.fill("#f-achieved", "4")
    await phone.fill("#f-result_on", "2021-12-20")
    await phone.click("button:has-text('Lưu kết quả')")
    assert "Vượt mức" in await phone.inner_text("#results ~ section")
    await phone.select_option("#f-day", "2021-10-25")
    await phone.fill("#f-submitted_on", "2021-10-25")
    await phone.fill("#f-members_supported", "12")
    await phone.fill("#f-funds_mobilised", "5000000")
    await phone.click("button:has-text('Gửi báo cáo')")
    assert "Đã ghi nhận báo cáo" in await phone.inner_text("main")
    assert "5.000.000" in await phone.inner_text("#reports + .table-wrap")
    await checked(phone, keep_screenshot, "results-and-report")
    got = (await reports(site.platform.db, tenant_id, plan, today=date(2021, 10, 26)))["reports"]
    assert [(r["unit_id"], r["day"], r["late"]) for r in got] == [(union, date(2021, 10, 25), False)]

    # Nominate the union with a dossier file; a text file is refused by its content.
    await phone.goto("/unit/nominations")
    await phone.click("text=Kế hoạch 90/KH-LĐLĐ")
    await phone.select_option("#f-nominee_id", str(union))
    await phone.select_option("#f-award_form", "bk_bch_ldld_tinh")
    await checked(phone, keep_screenshot, "nominate-form")
    await phone.click("button:has-text('Lập đề nghị')")
    nomination_path = urlsplit(phone.url).path
    nomination_id = nomination_path.rsplit("/", 1)[1]
    await phone.select_option("#f-kind", "submission_memo")
    await phone.set_input_files("#f-file", files=[{"name": "ghi-chu.txt", "mimeType": "application/pdf",
                                                  "buffer": b"not a pdf at all"}])
    await phone.click("button:has-text('Tải lên')")
    assert "Tệp không phải PDF, DOCX, XLSX, JPEG hoặc PNG" in await phone.inner_text("#e-file")
    await checked(phone, keep_screenshot, "file-refused")
    await phone.select_option("#f-kind", "submission_memo")
    await phone.set_input_files("#f-file", files=[{"name": "to-trinh.pdf", "mimeType": "application/pdf",
                                                  "buffer": PDF}])
    await phone.click("button:has-text('Tải lên')")
    assert "to-trinh.pdf" in await phone.inner_text("#dossier ~ ul")
    download = await phone.request.get(await phone.get_attribute("a[href*='/files/']", "href"))
    assert await download.body() == PDF
    await phone.fill("#f-on", "2021-12-20")
    await phone.click("button:has-text('Nộp')")
    assert "Hồ sơ đề nghị khen thưởng chưa đầy đủ" in await phone.inner_text("#e-on"), "memo only: incomplete"
    for kind, copies in (("review_minutes", "1"), ("achievement_report", "2")):
        await phone.select_option("#f-doc_kind", kind)
        await phone.fill("#f-copies", copies)
        await phone.click("button:has-text('Kê khai')")
    assert "Còn thiếu" not in await phone.inner_text("#dossier + .table-wrap")
    await phone.fill("#f-on", "2021-12-20")
    await phone.click("button:has-text('Nộp')")
    assert "Đã nộp" in await phone.inner_text(".facts")
    memo = await phone.request.get(await phone.get_attribute("a[href*='submission-memo.pdf']", "href"))
    assert memo.ok and (await memo.body()).startswith(b"%PDF"), "the TỜ TRÌNH listing the nominee downloads"
    await checked(phone, keep_screenshot, "nomination-submitted")

    # The province returns it with a reason, the district resubmits, the council votes.
    nid = UUID(nomination_id)
    assert (await nomination(site.platform.db, tenant_id, nid))["status"] == "submitted"
    returned = await nominations.return_for_correction(site.platform, tenant_id, PROVINCE, nid, on=date(2021, 12, 22),
                                                       reason="Biên bản họp xét thiếu chữ ký")
    await wait_until_projected(site.platform.db, tenant_id, returned.position)
    await phone.goto(nomination_path)
    assert "Biên bản họp xét thiếu chữ ký" in await phone.inner_text("[role=status]")
    await phone.fill("#f-on", "2021-12-23")
    await phone.click("button:has-text('Nộp lại')")
    await nominations.receive(site.platform, tenant_id, PROVINCE, nid, on=date(2021, 12, 24))
    await nominations.appraise(site.platform, tenant_id, PROVINCE, nid, on=date(2021, 12, 27), note="Đạt")
    voted = await nominations.record_council_vote(site.platform, tenant_id, PROVINCE, nid, on=date(2021, 12, 28),
                                                  present=9, votes_for=7, votes_against=2)
    await wait_until_projected(site.platform.db, tenant_id, voted.position)
    await phone.goto(nomination_path)
    steps = await phone.locator(".timeline li strong").all_inner_texts()
    assert steps == ["Đã lập", "Đã đính kèm tệp", "Đã kê khai văn bản", "Đã kê khai văn bản", "Đã nộp",
                     "Trả lại để bổ sung", "Đã nộp lại", "Đã tiếp nhận", "Đã thẩm định",
                     "Hội đồng Thi đua – Khen thưởng đã bỏ phiếu"]
    timeline = await phone.inner_text(".timeline")
    assert "22/12/2021" in timeline and "Lý do: Biên bản họp xét thiếu chữ ký" in timeline
    assert "7 tán thành, 2 không tán thành" in timeline
    await checked(phone, keep_screenshot, "nomination-timeline")

    # To do, as of 26/12/2021: registration 1 of 3, the 25/11 report late, the dossier handed in.
    await phone.goto("/?on=2021-12-26")
    late = await phone.locator(".todo-item.late").all_inner_texts()
    assert any("Báo cáo kỳ ngày 25/11/2021" in item and "Trễ hạn 31 ngày" in item for item in late), late
    assert any("Đăng ký thi đua" in item and "Đã xong 1/3 đơn vị" in item for item in late), late
    done = await phone.locator(".todo-item.done").all_inner_texts()
    assert any("Nộp hồ sơ đề nghị khen thưởng" in item for item in done), done
    await checked(phone, keep_screenshot, "todo-after")
    assert foreign == [], f"pages loaded from other hosts: {foreign}"
