"""A person at the test provider, over plain HTTP: follows the provider's redirects, answers
its login and consent prompts (tests/oidc/provider.mjs), and stops at the redirect back to
the platform, which the test then hands to the platform's own client."""

from __future__ import annotations

from urllib.parse import urljoin

import httpx

MAX_STEPS = 12


async def at_provider(authorize_url: str, redirect_uri: str, person: dict | None, *, refuse: bool = False) -> str:
    """The URL the provider sends the browser back to, after `person` ({"sub", "email",
    "email_verified"}) signs in and consents, or refuses (`refuse`: the abort prompt)."""
    async with httpx.AsyncClient(timeout=15) as browser:  # keeps the provider's own cookies
        url, method = authorize_url, "GET"
        for _ in range(MAX_STEPS):
            if url.startswith(redirect_uri):
                return url
            response = await browser.request(method, url, **_body(method, person))
            if response.is_redirect:
                url, method = urljoin(url, response.headers["location"]), "GET"
                continue
            assert response.status_code == 200, (response.status_code, response.text)
            prompt = response.json()["prompt"]  # an interaction page: answer it
            action = "abort" if refuse else prompt
            url, method = f"{url.rstrip('/')}/{action}", "POST"
        raise AssertionError(f"the provider never sent the browser back to {redirect_uri}")


def _body(method: str, person: dict | None) -> dict:
    return {"json": person or {}} if method == "POST" else {}
