"""A tenant administrator's People page in a real browser: invite, refusal next to the field,
change roles, disable (the account's sessions end), and a double submit that writes once."""

from __future__ import annotations

import httpx

from domain.accounts.account import account_id
from tests.accounts.conftest import unique_email
from tests.log import read_log
from tests.web.pages import assert_accessible, assert_fits_width, person, sign_in


async def admin_page(site, page, tenant: str):
    email, password = await person(site, tenant, "tenant_admin", "officer")
    await sign_in(page, email, password)
    await page.goto("/people")
    return email


async def invite(page, email: str) -> None:
    await page.fill("#f-email", email)
    await page.check("input[name=roles][value=officer]")
    await page.click("form[action='/people/invite'] button[type=submit]")


async def test_invite_change_roles_and_disable(site, phone, tenant_id, keep_screenshot):
    await admin_page(site, phone, tenant_id)
    await assert_accessible(phone)
    newcomer = unique_email("newcomer")
    await invite(phone, newcomer)
    await keep_screenshot(phone, "people-after-invite")
    assert f"Đã gửi lời mời tới {newcomer}" in await phone.inner_text("[role=status]")
    assert "/account/accept?token=" in site.inbox.last_to(newcomer).get_content()
    row = phone.locator("ul.people > li", has_text=newcomer)
    assert "Đã mời" in await row.inner_text()

    await invite(phone, newcomer)  # the same email again: refused next to the field
    assert "e-email" == await phone.get_attribute("#f-email", "aria-describedby")
    assert await phone.inner_text("#e-email")
    await assert_accessible(phone)
    await assert_fits_width(phone)
    await keep_screenshot(phone, "people-refused")

    await phone.goto("/people")
    row = phone.locator("ul.people > li", has_text=newcomer)
    await row.locator("summary", has_text="Khóa").click()
    await row.locator("input[name=reason]").fill("Chuyển công tác")
    await row.locator("button", has_text="Khóa tài khoản ngay").click()
    assert "Đã khóa" in await phone.locator("ul.people > li", has_text=newcomer).inner_text()
    await keep_screenshot(phone, "people")


async def test_a_double_submitted_invitation_writes_once(site, phone, tenant_id, admin_url):
    await admin_page(site, phone, tenant_id)
    cookies = {c["name"]: c["value"] for c in await phone.context.cookies()}
    form = {"_csrf": await phone.input_value("input[name=_csrf] >> nth=0"),
            "idempotency_key": await phone.input_value("input[name=idempotency_key] >> nth=0"),
            "email": unique_email("twice"), "roles": "viewer"}
    async with httpx.AsyncClient(base_url=site.url, cookies=cookies) as client:
        first = await client.post("/people/invite", data=form)
        second = await client.post("/people/invite", data=form)
    assert first.status_code == second.status_code == 200, (first.text[-500:], second.text[-500:])
    assert "e-email" not in second.text, "the second post answers the first result, not DUPLICATE"
    invited = [e for e in await read_log(site.platform, tenant_id)
               if e.stream_id == account_id(form["email"]) and e.topic.endswith("Invited")]
    assert len(invited) == 1


async def test_an_officer_may_not_manage_people(site, phone, tenant_id):
    email, password = await person(site, tenant_id, "officer")
    await sign_in(phone, email, password)
    response = await phone.goto("/people")
    assert response.status == 403
    assert "Không có quyền" in await phone.inner_text("h1") or "administrator" in await phone.inner_text("h1")
