"""The onboarding story with sign-in through a real OpenID Connect provider, on a fresh
database: platform init -> the administrator provisions Tây Ninh and invites an officer ->
the officer signs in at the province's identity provider (never setting a password here) ->
reads who they are and writes with the session's CSRF token."""

from __future__ import annotations

import asyncio
import contextlib
import io
from uuid import uuid4

from litestar.testing import AsyncTestClient

from api.app import create_app
from cli.main import main
from infra.scratch_database import scratch_database
from tests.accounts.session_client import send, sign_in
from tests.oidc.fixtures import oidc_settings, platform_settings, provider  # noqa: F401 (fixture)
from tests.oidc.signin import oidc_sign_in, person

ADMIN = "quantri@congdoan.vn"
OFFICER = "can.bo.oidc@ldld-tayninh.vn"
PASSWORD = "Mat-khau-quan-tri-2025"


def _init(url: str, monkeypatch) -> str:
    monkeypatch.setenv("DATABASE_URL", url)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["platform", "init", "--admin-email", ADMIN]) == 0
    return next(line for line in out.getvalue().splitlines() if "token=" in line).split("token=")[1]


async def test_fresh_database_to_a_write_signed_in_through_the_provider(admin_url, inbox, provider, monkeypatch):
    async with scratch_database(admin_url, f"thidua_oidc_{uuid4().hex[:8]}") as url:
        admin_link = await asyncio.to_thread(_init, url, monkeypatch)
        settings = platform_settings(inbox, oidc_settings(provider))
        async with AsyncTestClient(app=create_app(settings, url)) as client:
            response, _ = await send(client, "POST", "/account/invitation", None,
                                     {"token": admin_link, "password": PASSWORD})
            assert response.status_code == 201
            admin = await sign_in(client, ADMIN, PASSWORD)
            response, tenant = await send(client, "POST", "/tenants", admin, {
                "tenant_id": "tay-ninh", "name": "Liên đoàn Lao động tỉnh Tây Ninh", "kind": "province_federation",
                "effective": "2020-01-01"})
            assert response.status_code == 201, tenant
            root = tenant["root_unit_id"]
            response, invited = await send(client, "POST", "/accounts", admin, {
                "tenant": "tay-ninh", "email": OFFICER, "roles": ["officer"], "unit": root})
            assert response.status_code == 201 and invited["mailed"], invited

            # The provider knows the officer by a subject of its own and an email in another case.
            attempt = await oidc_sign_in(client, person(OFFICER.upper(), sub="cccd-072090001234"))
            assert attempt.response.status_code == 303 and attempt.response.headers["location"] == "/"
            officer = attempt.signed
            response, me = await send(client, "GET", "/session", officer)
            assert response.status_code == 200, me
            assert (me["subject"], me["tenant"], me["roles"]) == (OFFICER, "tay-ninh", ["officer"])

            unit = {"kind": "district_federation", "name": "LĐLĐ huyện Gò Dầu", "parent_id": root,
                    "effective": "2020-01-01"}
            response, body = await send(client, "POST", "/org-units", officer, unit, csrf=False)
            assert response.status_code == 403 and body["code"] == "FORBIDDEN"  # a cookie write needs the CSRF token
            response, body = await send(client, "POST", "/org-units", officer, unit)
            assert response.status_code == 201, body

            # Later sign-ins find the officer by the provider's subject, whatever email it sends.
            later = await oidc_sign_in(client, person("doi.email@elsewhere.vn", sub="cccd-072090001234"))
            response, me = await send(client, "GET", "/session", later.signed)
            assert response.status_code == 200 and me["subject"] == OFFICER
            history = await _topics(client, admin, invited["id"])
            assert history == ["UserInvited", "ExternalIdentityLinked"]


async def _topics(client, admin, account_id: str) -> list[str]:
    query = 'query($s: UUID!) { history(tenant: "tay-ninh", filter: {streamId: $s}) { topic } }'
    response = await client.post("/graphql", json={"query": query, "variables": {"s": account_id}},
                                 headers={"Cookie": f"{admin.cookie_name}={admin.cookie}", "X-CSRF-Token": admin.csrf})
    client.cookies.clear()
    assert response.status_code == 200, response.text
    return [e["topic"].rsplit(".", 1)[-1] for e in response.json()["data"]["history"]]
