"""Seed 001 from the province side, in a real browser at 360 px: the review queue of the
district's nominations with the quota counter (Bằng khen BCH LĐLĐ tỉnh: at most 4), receive →
appraise → council vote → decide through the pages, four decisions within the quota and the
fifth refused with its Vietnamese message, a dossier returned with a reason (refused without
one), the dossier's files downloadable, and the registrations and reports of the units below."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.web.pages import assert_accessible, assert_fits_width, person, same_host_only, sign_in
from tests.web.review_story import (district_with_unions, projected, qualified_and_nominated, seed_001_launched,
                                    voted)

UNIONS = ["CĐCS Công ty Hoàng Phúc", "CĐCS Trường THCS Phước Thạnh", "CĐCS Công ty May Thanh Tùng",
          "CĐCS UBND xã Thanh Phước", "CĐCS Công ty Gạch Long Thành", "CĐCS Bệnh viện huyện Gò Dầu"]


async def checked(page, keep_screenshot, name: str) -> None:
    await assert_accessible(page)
    await assert_fits_width(page)
    await keep_screenshot(page, name)


async def step(page, form: str, button: str, **fields: str) -> None:
    """Fill one step's form on a nomination page and send it."""
    for name, value in fields.items():
        selector = f"#f-{form}-{name}"
        if await page.locator(selector).evaluate("el => el.tagName") == "SELECT":
            await page.select_option(selector, value)
        else:
            await page.fill(selector, value)
    await page.click(f"#step-{form} button[type=submit]")
    await page.wait_for_load_state("networkidle")


async def open_nomination(page, plan_id, nomination_id) -> None:
    await page.goto(f"/review/{plan_id}/{nomination_id}")


async def decide(page, number: int) -> None:
    await step(page, "decide", "Quyết định", decision_number=f"{number}/QĐ-LĐLĐ", decided_on="2022-01-10",
               signer="Chủ tịch", authority="province_federation_executive")


async def test_review_queue_to_decisions_within_the_quota(site, phone, tenant_id, keep_screenshot):
    foreign = same_host_only(phone, site.url)
    email, password = await person(site, tenant_id, "officer")  # the province federation's officer
    story = await district_with_unions(site.platform, tenant_id, UNIONS)
    plan_id = await seed_001_launched(site.platform, story)
    for name in UNIONS:
        await qualified_and_nominated(site.platform, story, name, reports_sent=3 if name != UNIONS[5] else 1)
    for name in UNIONS[1:5]:
        await voted(site.platform, story, name)
    await projected(site.platform, story)
    nid = story.nominations

    await sign_in(phone, email, password)
    await phone.click("nav >> text=Xét duyệt")
    assert urlsplit(phone.url).path == "/review"
    counter = phone.locator(".quota-counter")
    assert "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh" in await counter.inner_text()
    assert "Đã dùng 0/4" in await counter.inner_text()
    for name in UNIONS:
        assert name in await phone.inner_text("ul.nomination-list")
    await checked(phone, keep_screenshot, "review-queue")

    # The first nomination all the way through the pages: receive, appraise, vote, decide.
    await phone.click(f"ul.nomination-list a:has-text(\"{UNIONS[0]}\")")
    assert "Đã nộp" in await phone.inner_text("dl.facts")
    files = phone.locator("ul.files a")
    assert await files.count() == 1
    download = await phone.request.get(await files.first.get_attribute("href"))
    assert download.status == 200 and (await download.body()).startswith(b"%PDF")
    await checked(phone, keep_screenshot, "review-nomination-submitted")
    await step(phone, "receive", "Tiếp nhận", on="2021-12-20")
    assert "Đã tiếp nhận" in await phone.inner_text("dl.facts")
    await step(phone, "appraise", "Ghi kết quả thẩm định", note="Đạt tiêu chuẩn", on="2021-12-21")
    await step(phone, "vote", "Ghi kết quả bỏ phiếu", present="9", votes_for="10", votes_against="0", on="2021-12-22")
    assert await phone.get_attribute("#f-vote-present", "aria-invalid") == "true" or \
        "phiếu" in await phone.inner_text("#step-vote"), "more votes than members present is refused"
    await step(phone, "vote", "Ghi kết quả bỏ phiếu", present="9", votes_for="7", votes_against="2", on="2021-12-22")
    assert "Đã bỏ phiếu" in await phone.inner_text("dl.facts")
    await checked(phone, keep_screenshot, "review-nomination-voted")
    await decide(phone, 1)
    assert "Đã khen thưởng" in await phone.inner_text("dl.facts")
    assert "Đã dùng 1/4" in await phone.inner_text(".quota-counter")

    # A double submit (the same form sent twice) decides once and takes one slot.
    await open_nomination(phone, plan_id, nid[UNIONS[1]])
    for name, value in {"decision_number": "2/QĐ-LĐLĐ", "decided_on": "2022-01-10", "signer": "Chủ tịch"}.items():
        await phone.fill(f"#f-decide-{name}", value)
    statuses = await phone.evaluate("""async () => {
        const form = document.querySelector('#step-decide form');
        const body = new URLSearchParams(new FormData(form));
        const sent = await Promise.all([fetch(form.action, {method: 'POST', body}),
                                        fetch(form.action, {method: 'POST', body})]);
        return sent.map(r => r.status);
    }""")
    assert statuses == [200, 200], statuses
    await phone.reload()
    assert "Đã khen thưởng" in await phone.inner_text("dl.facts")
    assert "Đã dùng 2/4" in await phone.inner_text(".quota-counter")

    # Two more decided (4 of 4), the fifth refused with the rule's Vietnamese message.
    for number, name in enumerate(UNIONS[2:4], start=3):
        await open_nomination(phone, plan_id, nid[name])
        await decide(phone, number)
        assert "Đã khen thưởng" in await phone.inner_text("dl.facts"), name
    await open_nomination(phone, plan_id, nid[UNIONS[4]])
    assert "Đã dùng 4/4" in await phone.inner_text(".quota-counter")
    await decide(phone, 5)
    alert = await phone.inner_text("#step-decide [role=alert]")
    assert "Đã hết chỉ tiêu khen thưởng (4)" in alert
    assert "Đã bỏ phiếu" in await phone.inner_text("dl.facts"), "the refused decision wrote nothing"
    await checked(phone, keep_screenshot, "review-fifth-decision-refused")

    # A dossier returned for correction: refused without a reason, next to the field.
    await open_nomination(phone, plan_id, nid[UNIONS[5]])
    await step(phone, "return", "Trả lại", reason="", on="2021-12-21")
    assert "không được để trống" in await phone.inner_text("#e-return-reason")
    assert await phone.get_attribute("#f-return-reason", "aria-invalid") == "true"
    await checked(phone, keep_screenshot, "review-return-refused")
    await step(phone, "return", "Trả lại", reason="Thiếu biên bản họp xét có chữ ký", on="2021-12-21")
    assert "Đã trả lại" in await phone.inner_text("dl.facts")

    await phone.goto(f"/review?plan={plan_id}&status=decided")
    assert "Đã dùng 4/4" in await phone.inner_text(".quota-counter")
    assert await phone.locator("ul.nomination-list li").count() == 4
    await checked(phone, keep_screenshot, "review-queue-decided")
    assert foreign == [], f"pages loaded from other hosts: {foreign}"


async def test_registrations_and_reports_below_with_late_and_missing(site, phone, tenant_id, keep_screenshot):
    email, password = await person(site, tenant_id, "officer")
    story = await district_with_unions(site.platform, tenant_id, UNIONS[:3])
    plan_id = await seed_001_launched(site.platform, story)
    await qualified_and_nominated(site.platform, story, UNIONS[0])
    await qualified_and_nominated(site.platform, story, UNIONS[1], reports_sent=1)  # Nov and Dec missing
    await projected(site.platform, story)

    await sign_in(phone, email, password)
    await phone.goto(f"/issued-plans/{plan_id}/follow-up?as_of=2022-01-05")
    missing = await phone.inner_text("#missing + .table-wrap")
    assert missing.count("Chưa nộp") == 2 and UNIONS[1] in missing and UNIONS[0] not in missing
    assert "25/11/2021" in missing and "25/12/2021" in missing
    registrations = await phone.inner_text("#registrations ~ .table-wrap")
    assert UNIONS[0] in registrations and "05/10/2021" in registrations
    await checked(phone, keep_screenshot, "review-follow-up")
    export = phone.locator("a", has_text="CSV").first
    response = await phone.request.get(await export.get_attribute("href"))
    assert response.status == 200 and UNIONS[0] in (await response.body()).decode("utf-8-sig")
