"""GraphiQL (dev mode) and the OpenAPI viewer load nothing from another host: every script,
style and icon they name is served by the app, with its media type. And a real headless
Chromium that can reach no host but 127.0.0.1 renders GraphiQL (a screenshot is kept in
var/artifacts/ for a person to look at)."""

from __future__ import annotations

import asyncio
import re
import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from litestar.testing import AsyncTestClient

from api.app import create_app
from tests.api.conftest import SETTINGS
from tests.api.live_server import serving

DEV = replace(SETTINGS, server=replace(SETTINGS.server, dev_mode=True))
PAGES = ["/graphql", "/schema", "/schema/swagger"]
MEDIA = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _Assets(HTMLParser):
    """Every URL a page makes the browser load: script src, link href, img src."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        url = named.get("src") if tag in ("script", "img", "iframe") else named.get("href") if tag == "link" else None
        if url:
            self.urls.append(url)


def assets_of(html: str) -> list[str]:
    parser = _Assets()
    parser.feed(html)
    return parser.urls


@pytest.fixture(scope="module")
async def dev_client(admin_url):
    async with AsyncTestClient(app=create_app(DEV, admin_url)) as client:
        yield client


@pytest.mark.parametrize("page", PAGES)
async def test_the_page_loads_only_assets_the_app_serves(dev_client, page):
    response = await dev_client.get(page, headers={"Accept": "text/html"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    urls = assets_of(response.text)
    assert any(u.endswith(".js") for u in urls), urls  # the page has scripts: the parse found them
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme == "data":
            continue  # inline: nothing is loaded
        assert not parts.scheme and not parts.netloc, f"{page} loads {url} from another host"
        asset = await dev_client.get(url)
        assert asset.status_code == 200, url
        expected = MEDIA[Path(parts.path).suffix]
        assert asset.headers["content-type"].split(";")[0] == expected, (url, asset.headers["content-type"])
        if expected == "text/css":  # a stylesheet may pull fonts or images in by itself
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", asset.text), url
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=['\"]?(https?:)?//", response.text)


async def test_vendored_assets_are_cached_and_unknown_ones_are_404(dev_client):
    asset = await dev_client.get("/vendor/graphiql@3.8.3/graphiql.min.js")
    assert "immutable" in asset.headers["cache-control"]
    assert (await dev_client.get("/vendor/graphiql@3.8.3/nothing.js")).status_code == 404
    assert (await dev_client.get("/vendor/../__init__.py")).status_code in (400, 404)
    assert (await dev_client.get("/vendor/graphiql@3.8.3/LICENSE")).status_code == 200


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (.ci/run installs it)")
async def test_graphiql_renders_in_a_browser_without_internet(admin_url):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    async with serving(create_app(DEV, admin_url)) as address:
        # Every host name but the server's fails to resolve: a CDN script would not load.
        offline = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                   "--virtual-time-budget=8000", "--window-size=1280,800"]
        dom = await _chromium(*offline, "--dump-dom", f"http://{address}/graphql")
        shot = ARTIFACTS / "graphiql-offline.png"
        await _chromium(*offline, f"--screenshot={shot}", f"http://{address}/graphql")
        swagger = await _chromium(*offline, "--dump-dom", f"http://{address}/schema")
        await _chromium(*offline, f"--screenshot={ARTIFACTS / 'openapi-offline.png'}", f"http://{address}/schema")
    # GraphiQL replaced "Loading…" with its editors, and loaded the schema (the explorer lists Query's fields).
    assert "graphiql-editors" in dom and "Loading…" not in dom, dom[:2000]
    assert "swagger-ui" in swagger and "Thi Đua API" in swagger, swagger[:2000]
    assert shot.stat().st_size > 10_000


async def _chromium(*args: str) -> str:
    process = await asyncio.create_subprocess_exec(CHROMIUM, *args, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.DEVNULL)
    out, _ = await asyncio.wait_for(process.communicate(), 120)
    return out.decode()
