"""Who reaches the review pages and what a wrong address answers: the sign-in page for a
stranger, the menu only for the roles that use it, a malformed date a 400 page in Vietnamese
(never a 500), and a write by a role that may not write refused on the form, nothing written."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.web.pages import assert_accessible, person, sign_in
from tests.web.review_story import district_with_unions, projected


async def test_strangers_sign_in_first(site, phone):
    await phone.goto("/review")
    assert urlsplit(phone.url).path == "/sign-in" and "next=/review" in phone.url


async def test_a_viewer_sees_no_review_menu_and_a_bad_date_is_a_400_page(site, phone, tenant_id):
    email, password = await person(site, tenant_id, "viewer")
    await sign_in(phone, email, password)
    menu = await phone.inner_text("nav")
    assert "Xét duyệt" not in menu and "Đơn vị" not in menu
    response = await phone.goto("/org?as_of=31-12-2025")
    assert response.status == 400
    assert "Ngày không hợp lệ" in await phone.inner_text("h1")
    await assert_accessible(phone)
    response = await phone.goto("/review/00000000-0000-0000-0000-000000000000/00000000-0000-0000-0000-000000000000")
    assert response.status == 404


async def test_a_grassroots_officer_sees_no_upper_level_entries(site, phone, tenant_id, keep_screenshot):
    """A grassroots union has no units below it: no plans to issue to them, no review queue,
    no tree to change. Its officer's menu leaves those out; a district's and the province's
    officers keep them."""
    province = await person(site, tenant_id, "officer")
    story = await district_with_unions(site.platform, tenant_id, ["CĐCS Công ty Hoàng Phúc"])
    await projected(site.platform, story)
    grassroots = await person(site, tenant_id, "officer", unit=story.unions["CĐCS Công ty Hoàng Phúc"])
    district = await person(site, tenant_id, "officer", unit=story.district)
    upper = ("Kế hoạch ban hành", "Xét duyệt", "Đơn vị")
    for (email, password), shown in ((grassroots, False), (district, True), (province, True)):
        await sign_in(phone, email, password)
        menu = await phone.inner_text("header nav")
        assert [entry in menu for entry in upper] == [shown] * 3, menu
        assert "Kế hoạch" in menu and "Đề nghị khen thưởng" in menu, "a unit's own work stays"
        if not shown:
            await keep_screenshot(phone, "officer-grassroots-menu")
        await phone.context.clear_cookies()


async def test_a_tenant_admin_may_not_change_the_tree(site, phone, tenant_id):
    email, password = await person(site, tenant_id, "tenant_admin")
    story = await district_with_unions(site.platform, tenant_id, ["CĐCS Công ty Hoàng Phúc"])
    await projected(site.platform, story)
    await sign_in(phone, email, password)
    await phone.click("nav >> text=Đơn vị")
    await phone.fill("#f-create-name", "CĐCS Công ty May Gò Dầu")
    await phone.select_option("#f-create-parent_id", str(story.district))
    await phone.click("#create button[type=submit]")
    assert "Không có quyền" in await phone.inner_text("#create [role=alert]")
    await phone.goto("/org")
    assert "CĐCS Công ty May Gò Dầu" not in await phone.inner_text("ul.org-tree"), "nothing written"
