"""Web fixtures: the app served by a real uvicorn on 127.0.0.1 (its own database, SMTP to the
accounts tests' inbox), and a real headless Chromium driven by Playwright.

Chromium is Debian's (`/usr/bin/chromium`, installed by `.ci/run`); without it the browser
tests skip here, and fail under CI (CI=1), where a skip would hide them.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import uuid4

import pytest
import uvicorn

from api.app import create_app
from infra.platform import Platform, open_platform
from infra.scratch_database import scratch_database
from projections.engine.runner import ProjectionRunner
from tests.accounts.conftest import Inbox, account_settings, inbox  # noqa: F401 - the SMTP fixture

CHROMIUM = os.environ.get("THIDUA_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "artifacts" / "web"
# Headless on a closed network: no sandbox (root), no GPU, no background calls home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


@dataclass
class Site:
    url: str
    platform: Platform
    inbox: Inbox


@pytest.fixture(scope="session")
async def web_database(admin_url: str) -> AsyncIterator[str]:
    """The web tests' own database: what they provision stays out of other tests' national figures."""
    async with scratch_database(admin_url, f"thidua_web_{uuid4().hex[:10]}") as url:
        yield url


@pytest.fixture(scope="session")
async def site(web_database: str, inbox: Inbox) -> AsyncIterator[Site]:
    settings = account_settings(inbox)
    server, thread = _serve(create_app(settings, web_database, background=_projecting))
    try:
        async with open_platform(settings, web_database) as platform:
            yield Site(f"http://127.0.0.1:{server.config.port}", platform, inbox)
    finally:
        server.should_exit = True
        thread.join(30)  # its pool closes before the database is dropped


def _projecting(platform: Platform) -> ProjectionRunner:
    """The read models kept up to date beside the app, as `thidua serve` does (in-process here)."""
    return ProjectionRunner(platform.db, poll_interval=0.05)


def _serve(app) -> tuple[uvicorn.Server, threading.Thread]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True, name="web-test-server")
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the web test server did not start in 60 s")
        time.sleep(0.05)
    return server, thread


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[object]:
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


@pytest.fixture
async def phone(browser, site: Site) -> AsyncIterator[object]:
    """A page in a fresh browser context (no cookies), 360 px wide like a small phone."""
    async for page in _page(browser, site, 360, 740):
        yield page


@pytest.fixture
async def desk(browser, site: Site) -> AsyncIterator[object]:
    """A page in a fresh browser context at a desk's width."""
    async for page in _page(browser, site, 1280, 900):
        yield page


async def _page(browser, site: Site, width: int, height: int) -> AsyncIterator[object]:
    context = await browser.new_context(base_url=site.url, viewport={"width": width, "height": height}, locale="vi-VN")
    yield await context.new_page()
    await context.close()


def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def keep_screenshot() -> Iterator[object]:
    async def keep(page, name: str) -> Path:
        path = artifacts() / f"{name}.png"
        await page.screenshot(path=str(path), full_page=True)
        return path
    yield keep
