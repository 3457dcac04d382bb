"""Signing in, out and back, in a real browser: the invitation link mailed to a new officer,
the password it sets, a wrong password refused in Vietnamese, English on request, a disabled
account stopped on its next click; every page accessible and 360 px wide."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

from domain.accounts import Grant
from services.accounts.administration import disable_account
from services.accounts.invitations import create_invitation
from services.auth.principal import Principal, Role
from services.context import SYSTEM
from services.tenants import provision_tenant
from tests.accounts.conftest import unique_email
from tests.api.story import ensure_national_platform
from tests.web.pages import assert_accessible, assert_fits_width, same_host_only, sign_in

PASSWORD = "Mat-khau-rat-dai-2026"


async def invited(site, tenant: str) -> tuple[str, str, object]:
    """A new officer's email, the path of its invitation link, and the account id."""
    await ensure_national_platform(site.platform)
    await provision_tenant(site.platform, SYSTEM, tenant_id=tenant, name=f"LĐLĐ {tenant}",
                           kind="province_federation", effective=date(2020, 1, 1))
    email = unique_email("officer")
    result, link, _ = await create_invitation(site.platform, SYSTEM, tenant=tenant, email=email,
                                              grant=Grant(frozenset({"officer"}), None))
    parts = urlsplit(link)
    return email, f"{parts.path}?{parts.query}", result.id


async def test_invitation_to_signed_in_and_out(site, phone, tenant_id, keep_screenshot):
    foreign = same_host_only(phone, site.url)
    email, link, _ = await invited(site, tenant_id)

    await phone.goto(link)
    await assert_accessible(phone)
    await phone.fill("#f-password", "ngan")  # too short: refused next to the field, nothing set
    await phone.click("button[type=submit]")
    assert "Mật khẩu phải có từ 10" in await phone.inner_text("#e-password")
    await phone.fill("#f-password", PASSWORD)
    await phone.click("button[type=submit]")
    assert "Tài khoản đã sẵn sàng" in await phone.inner_text("main")

    await phone.fill("#f-email", email)
    await phone.fill("#f-password", "sai-mat-khau-roi")
    await phone.click("button[type=submit]")
    assert "Email hoặc mật khẩu không đúng" in await phone.inner_text("[role=alert]")
    await assert_accessible(phone)
    await assert_fits_width(phone)
    await keep_screenshot(phone, "sign-in-refused")

    await sign_in(phone, email, PASSWORD)
    assert urlsplit(phone.url).path == "/"
    assert "Xin chào" in await phone.inner_text("h1")
    await phone.click("text=Đăng xuất")
    assert urlsplit(phone.url).path == "/sign-in"
    await phone.goto("/")
    assert urlsplit(phone.url).path == "/sign-in", "signed out: the start page asks to sign in again"
    assert foreign == [], f"pages loaded from other hosts: {foreign}"


async def test_back_where_you_were_after_sign_in(site, phone, tenant_id):
    email, link, _ = await invited(site, tenant_id)
    await phone.goto(link)
    await phone.fill("#f-password", PASSWORD)
    await phone.click("button[type=submit]")
    await phone.goto("/?from=mail")
    assert phone.url.endswith("/sign-in?next=/%3Ffrom%3Dmail")
    await phone.fill("#f-email", email)
    await phone.fill("#f-password", PASSWORD)
    await phone.click("button[type=submit]")
    assert phone.url.endswith("/?from=mail")


async def test_english_on_request(site, phone):
    await phone.goto("/sign-in")
    await phone.click("text=English")
    assert await phone.inner_text("h1") == "Sign in"
    assert await phone.get_attribute("html", "lang") == "en"
    await phone.click("text=Tiếng Việt")
    assert await phone.inner_text("h1") == "Đăng nhập"


async def test_a_disabled_account_is_stopped_on_its_next_click(site, phone, tenant_id):
    email, link, account = await invited(site, tenant_id)
    await phone.goto(link)
    await phone.fill("#f-password", PASSWORD)
    await phone.click("button[type=submit]")
    await sign_in(phone, email, PASSWORD)
    assert urlsplit(phone.url).path == "/"

    admin = Principal("platform-admin", tenant_id, None, frozenset({Role.PLATFORM_ADMIN}))
    await disable_account(site.platform, SYSTEM, admin, account, "left the union")
    await phone.goto("/")
    assert urlsplit(phone.url).path == "/sign-in", "a disabled account's session opens no page"


async def test_an_unknown_page_answers_a_page_and_an_api_client_problem_details(site, phone):
    import httpx

    response = await phone.goto("/khong-co-trang-nay")
    assert response.status == 404
    assert "Không tìm thấy" in await phone.inner_text("h1")
    await assert_accessible(phone)
    async with httpx.AsyncClient(base_url=site.url) as client:
        api = await client.get("/khong-co-trang-nay")
    assert api.status_code == 404 and api.headers["content-type"].startswith("application/problem+json")


async def test_the_sign_in_page_offers_the_identity_provider_when_one_is_configured(web_database, inbox):
    from dataclasses import replace

    from litestar.testing import AsyncTestClient

    from api.app import create_app
    from infra.settings import OidcSettings
    from tests.accounts.conftest import account_settings

    plain = account_settings(inbox)
    with_provider = replace(plain, oidc=OidcSettings(issuer="http://127.0.0.1:9/", client_id="thidua"))
    for settings, offered in ((plain, False), (with_provider, True)):
        async with AsyncTestClient(app=create_app(settings, web_database)) as client:
            page = (await client.get("/sign-in?next=/people")).text
        assert ('href="/auth/oidc/login?next=/people"' in page) is offered
