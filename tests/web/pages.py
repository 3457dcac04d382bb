"""What every page test checks in the browser: no accessibility violation (axe-core), nothing
wider than the screen, and nothing loaded from another host."""

from __future__ import annotations

from urllib.parse import urlsplit

from axe_playwright_python.async_playwright import Axe

_AXE = Axe()


async def assert_accessible(page) -> None:
    results = await _AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


async def assert_fits_width(page) -> None:
    overflow = await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow} px wider than the screen"


def same_host_only(page, base_url: str) -> list[str]:
    """Start recording every request the page makes; the list holds those to other hosts."""
    foreign: list[str] = []
    host = urlsplit(base_url).netloc

    def seen(request) -> None:
        if urlsplit(request.url).netloc not in (host, "") and not request.url.startswith(("data:", "blob:")):
            foreign.append(request.url)
    page.on("request", seen)
    return foreign


async def sign_in(page, email: str, password: str) -> None:
    await page.goto("/sign-in")
    await page.fill("#f-email", email)
    await page.fill("#f-password", password)
    await page.click("button[type=submit]")
    await page.wait_for_load_state("networkidle")


async def person(site, tenant: str, *roles: str, unit=None, password: str = "Mat-khau-rat-dai-2026") -> tuple[str, str]:
    """(email, password) of a fresh account in `tenant` that has accepted its invitation (the
    tenant is provisioned under the national body if it is new)."""
    from tests.accounts.conftest import active_user

    email, password, _ = await active_user(site.platform, tenant, *roles, unit=unit, password=password)
    return email, password
