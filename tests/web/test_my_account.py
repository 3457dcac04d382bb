"""My account in a real browser: a personal token issued (shown once), usable against the
API, refused when its name is blank, listed, and revoked (the API then refuses it)."""

from __future__ import annotations

import httpx

from tests.web.pages import assert_accessible, assert_fits_width, person, sign_in


async def test_issue_use_and_revoke_a_personal_token(site, phone, tenant_id, keep_screenshot):
    email, password = await person(site, tenant_id, "officer")
    await sign_in(phone, email, password)
    await phone.click("text=Tài khoản của tôi")
    await assert_accessible(phone)

    await phone.fill("#f-name", "   ")
    await phone.click("form[action='/me/tokens'] button[type=submit]")
    assert "Tên token có từ 1 đến 100 ký tự" in await phone.inner_text("#e-name")

    await phone.fill("#f-name", "Phần mềm tổng hợp")
    await phone.click("form[action='/me/tokens'] button[type=submit]")
    token = (await phone.inner_text("[role=status] code")).strip()
    await keep_screenshot(phone, "my-account")
    await assert_fits_width(phone)
    async with httpx.AsyncClient(base_url=site.url) as api:
        assert (await api.get("/api/v1/session", headers={"Authorization": f"Bearer {token}"})).status_code == 200

        await phone.goto("/me")
        assert "Phần mềm tổng hợp" in await phone.inner_text("table")
        async with phone.expect_navigation():
            await phone.click("button:has-text('Thu hồi')")
        assert "Hết hiệu lực" in await phone.inner_text("table")
        assert (await api.get("/api/v1/session", headers={"Authorization": f"Bearer {token}"})).status_code == 401
