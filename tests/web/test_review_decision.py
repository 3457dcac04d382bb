"""One award decision for several nominations, from the review queue at 360 px: three
nominations passed by the council decided together under one number from the district's
register (3 of the quota of 4 used), then a decision for two more refused whole with the
quota's Vietnamese message: nothing written, the counter still at 3."""

from __future__ import annotations

from tests.web.pages import assert_accessible, assert_fits_width, person, sign_in
from tests.web.review_story import (district_with_unions, projected, qualified_and_nominated, seed_001_launched,
                                    voted)

UNIONS = ["CĐCS Công ty Hoàng Phúc", "CĐCS Trường THCS Phước Thạnh", "CĐCS Công ty May Thanh Tùng",
          "CĐCS UBND xã Thanh Phước", "CĐCS Công ty Gạch Long Thành"]


async def decide_together(page, story, names: list[str]) -> None:
    for name in names:
        await page.check(f"#step-decision input[value='{story.nominations[name]}']")
    await page.select_option("#f-decision-issuer_unit_id", str(story.district))
    await page.fill("#f-decision-decided_on", "2022-01-10")
    await page.fill("#f-decision-signer", "Chủ tịch")
    await page.click("#step-decision button[type=submit]")
    await page.wait_for_load_state("networkidle")


async def test_one_decision_for_three_then_two_more_refused(site, phone, tenant_id, keep_screenshot):
    email, password = await person(site, tenant_id, "officer")
    story = await district_with_unions(site.platform, tenant_id, UNIONS)
    plan_id = await seed_001_launched(site.platform, story)
    for name in UNIONS:
        await qualified_and_nominated(site.platform, story, name)
        await voted(site.platform, story, name)
    await projected(site.platform, story)

    await sign_in(phone, email, password)
    await phone.goto(f"/review?plan={plan_id}")
    await phone.click("#step-decision button[type=submit]")  # nothing ticked
    assert "Quyết định phải có ít nhất một đối tượng được khen thưởng" in await phone.inner_text("#step-decision")
    await decide_together(phone, story, UNIONS[:3])
    assert "status=decided" in phone.url
    assert "Đã dùng 3/4" in await phone.inner_text(".quota-counter")
    assert await phone.locator("ul.nomination-list li").count() == 3
    await phone.click(f"ul.nomination-list a:has-text(\"{UNIONS[0]}\")")
    assert "1/QĐ-LĐLĐ" in await phone.inner_text("dl.facts")
    for link in ("Quyết định (PDF)", "Bằng khen, giấy khen (PDF)"):  # the decision's documents, with the session
        document = await phone.request.get(await phone.get_attribute(f"a:has-text('{link}')", "href"))
        assert document.status == 200 and document.headers["content-type"] == "application/pdf", link

    await phone.goto(f"/review?plan={plan_id}")
    await decide_together(phone, story, UNIONS[3:])
    assert "Đã hết chỉ tiêu khen thưởng (4)" in await phone.inner_text("#step-decision [role=alert]")
    assert "Đã dùng 3/4" in await phone.inner_text(".quota-counter"), "the refused decision took no slot"
    await assert_accessible(phone)
    await assert_fits_width(phone)
    await keep_screenshot(phone, "review-decision-refused")
