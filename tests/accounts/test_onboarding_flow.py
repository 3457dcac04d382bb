"""The whole onboarding story on a fresh database: platform init -> the administrator sets a
password and signs in -> provisions Tây Ninh -> invites an officer by mail -> the officer
accepts, signs in, registers a unit for a plan with the session and with a personal token ->
is disabled and refused mid-session; an auditor reads who granted what."""

from __future__ import annotations

import asyncio
import contextlib
import io
from uuid import uuid4

import asyncpg
from litestar.testing import AsyncTestClient

from api.app import create_app
from cli.main import main
from infra.scratch_database import scratch_database
from services.auth.tokens import mint_token
from tests.accounts.conftest import account_settings
from tests.accounts.session_client import send, sign_in
from tests.api.seed_001_flow import PHASE, TARGETS, Province, register, seed_001_plan
from tests.api.story import create_unit

ADMIN = "quantri@congdoan.vn"
OFFICER = "can.bo@ldld-tayninh.vn"
PASSWORD, OFFICER_PASSWORD = "Mat-khau-quan-tri-2025", "Thi-dua-Tay-Ninh-2025"


def _init(url: str, monkeypatch) -> tuple[int, str]:
    monkeypatch.setenv("DATABASE_URL", url)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["platform", "init", "--admin-email", ADMIN])
    return code, out.getvalue()


async def test_fresh_database_to_a_registration_signed_in(admin_url, inbox, monkeypatch):
    async with scratch_database(admin_url, f"thidua_onboard_{uuid4().hex[:8]}") as url:
        code, printed = await asyncio.to_thread(_init, url, monkeypatch)
        assert code == 0 and "national" in printed and ADMIN in printed
        link = next(line for line in printed.splitlines() if "token=" in line)
        events_after_init = await _count(url)
        code, again = await asyncio.to_thread(_init, url, monkeypatch)
        assert code == 0 and "nothing changed" in again and "token=" not in again
        assert await _count(url) == events_after_init

        settings = account_settings(inbox)
        async with AsyncTestClient(app=create_app(settings, url)) as client:
            await _story(client, settings, inbox, link.split("token=")[1])


async def _story(client, settings, inbox, admin_link: str) -> None:
    accepted, _ = await send(client, "POST", "/account/invitation", None, {"token": admin_link, "password": PASSWORD})
    assert accepted.status_code == 201
    again, body = await send(client, "POST", "/account/invitation", None, {"token": admin_link, "password": PASSWORD})
    assert again.status_code == 400 and body["code"] == "LINK_INVALID"  # one-time
    admin = await sign_in(client, ADMIN, PASSWORD)

    response, body = await send(client, "POST", "/tenants", admin, {
        "tenant_id": "tay-ninh", "name": "Liên đoàn Lao động tỉnh Tây Ninh", "kind": "province_federation",
        "effective": "2020-01-01"})
    assert response.status_code == 201, body
    root = body["root_unit_id"]
    response, invited = await send(client, "POST", "/accounts", admin, {
        "tenant": "tay-ninh", "email": OFFICER, "roles": ["officer"], "unit": root})
    assert response.status_code == 201 and invited["mailed"] and invited.get("link") is None, invited

    response, _ = await send(client, "POST", "/account/invitation", None,
                             {"token": inbox.link_token(OFFICER), "password": OFFICER_PASSWORD})
    assert response.status_code == 201
    officer = await sign_in(client, OFFICER, OFFICER_PASSWORD)
    response, me = await send(client, "GET", "/session", officer)
    assert me["tenant"] == "tay-ninh" and me["roles"] == ["officer"] and me["subject"] == OFFICER

    response, issued = await send(client, "POST", "/account/tokens", officer,
                                  {"name": "kịch bản báo cáo", "scopes": ["read", "write"], "days": 30})
    assert response.status_code == 201, issued
    token = issued["token"]
    district = await create_unit(client, token, root, "district_federation", "LĐLĐ huyện Gò Dầu")
    union = await create_unit(client, token, district, "grassroots_union", "CĐCS Công ty May Gò Dầu")
    province = Province("tay-ninh", root, district, [union], officer=token, district_officer=token)
    plan_id = await seed_001_plan(client, province)

    registration = {"plan_id": plan_id, "unit_id": str(union), "phase": PHASE, "on": "2021-10-05",
                    "targets": TARGETS}
    response, body = await send(client, "POST", "/registrations", officer, registration, csrf=False)
    assert response.status_code == 403 and body["code"] == "FORBIDDEN"  # a cookie post needs the CSRF token
    response, body = await send(client, "POST", "/registrations", officer, registration)
    assert response.status_code == 201, body

    user_id = invited["id"]
    response, _ = await send(client, "POST", f"/accounts/{user_id}/disable", admin, {"reason": "chuyển công tác"})
    assert response.status_code == 201
    response, body = await send(client, "GET", "/session", officer)
    assert response.status_code == 401 and body["code"] == "UNAUTHENTICATED"
    response, body = await register(client, token, plan_id, union, "2021-10-06")
    assert response.status_code == 401 and body["code"] == "UNAUTHENTICATED"
    response, body = await send(client, "POST", "/session", None, {"email": OFFICER, "password": OFFICER_PASSWORD})
    assert response.status_code == 401

    await _auditor_sees_who_granted_what(client, settings, user_id)


async def _auditor_sees_who_granted_what(client, settings, user_id: str) -> None:
    auditor = mint_token(settings.auth.jwt_secret, tenant="national", roles=["auditor"], audit_tenants=["tay-ninh"])
    query = ('query($s: UUID!) { history(tenant: "tay-ninh", filter: {streamId: $s}) { topic actor body } }')
    response = await client.post("/graphql", json={"query": query, "variables": {"s": user_id}},
                                 headers={"Authorization": f"Bearer {auditor}"})
    history = response.json()["data"]["history"]
    kinds = [(e["topic"].rsplit(".", 1)[-1], e["actor"]) for e in history]
    assert kinds == [("UserInvited", ADMIN), ("InvitationAccepted", OFFICER), ("PersonalTokenIssued", OFFICER),
                     ("AccountDisabled", ADMIN)]
    assert history[0]["body"]["roles"] == ["officer"]


async def _count(url: str) -> int:
    conn = await asyncpg.connect(url)
    try:
        return await conn.fetchval("SELECT count(*) FROM events")
    finally:
        await conn.close()


async def test_platform_init_refuses_a_bad_email_and_writes_nothing(admin_url, monkeypatch):
    def init(url: str) -> tuple[int, str]:
        monkeypatch.setenv("DATABASE_URL", url)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            return main(["platform", "init", "--admin-email", "not-an-email"]), err.getvalue()

    async with scratch_database(admin_url, f"thidua_onboard_{uuid4().hex[:8]}") as url:
        code, said = await asyncio.to_thread(init, url)
        assert code == 2 and "email" in said
        conn = await asyncpg.connect(url)
        try:
            assert await conn.fetchval("SELECT count(*) FROM tenants") == 0
        finally:
            await conn.close()
        assert await _count(url) == 0


def test_thidua_token_says_it_is_for_development_only(capsys):
    assert main(["token", "--role", "viewer", "--tenant", "tay-ninh", "--ttl", "60"]) == 0
    printed = capsys.readouterr()
    assert printed.out.count(".") == 2  # the token alone on stdout, as scripts capture it
    assert "development only" in printed.err
