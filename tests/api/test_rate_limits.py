"""Rate limits per client address and per account (api/rate_limit.py): 429 with Retry-After
in the problem shape. Each test builds an app of its own: the shared one has no limits."""

from __future__ import annotations

from dataclasses import replace

import pytest
from litestar.testing import AsyncTestClient

from api.app import create_app
from api.rate_limit import TokenBuckets
from infra.settings import RateLimit, RateLimitSettings, Settings, SettingsError
from services.auth.tokens import mint_token

SECRET = Settings().auth.jwt_secret


def limited(client: RateLimit | None = None, account: RateLimit | None = None) -> Settings:
    return replace(Settings(), rate_limits=RateLimitSettings(client=client, account=account))


def me(token: str) -> dict:
    return {"json": {"query": "{ me { tenant } }"}, "headers": {"Authorization": f"Bearer {token}"}}


async def test_500_bad_token_requests_meet_429s_under_the_default_limits(admin_url):
    settings = replace(Settings(), rate_limits=Settings.from_env({}).rate_limits)
    async with AsyncTestClient(app=create_app(settings, admin_url)) as client:
        statuses = [(await client.post("/api/v1/org-units", json={}, headers={"Authorization": "Bearer forged"}))
                    .status_code for _ in range(500)]
    assert set(statuses) == {401, 429}
    burst = settings.rate_limits.client.requests
    assert statuses[:burst] == [401] * burst
    assert statuses.count(429) >= (500 - burst) // 2  # a few come back while the loop runs (5 a second)


async def test_a_refusal_is_a_problem_with_retry_after(admin_url):
    async with AsyncTestClient(app=create_app(limited(client=RateLimit(2, 60)), admin_url)) as client:
        for _ in range(2):
            assert (await client.post("/api/v1/org-units", json={})).status_code == 401
        refused = await client.post("/api/v1/org-units", json={})
    assert refused.status_code == 429
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert 1 <= int(refused.headers["retry-after"]) <= 30  # one request back every 30 s
    body = refused.json()
    assert body["code"] == "TOO_MANY_REQUESTS" and body["status"] == 429
    assert body["message_vi"].startswith("Quá nhiều yêu cầu")


async def test_graphql_is_refused_in_graphql_shape_and_health_is_never_limited(admin_url):
    async with AsyncTestClient(app=create_app(limited(client=RateLimit(1, 3600)), admin_url)) as client:
        await client.post("/graphql", **me("forged"))
        refused = await client.post("/graphql", **me("forged"))
        healths = [(await client.get("/health")).status_code for _ in range(5)]
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert refused.json()["errors"][0]["extensions"]["code"] == "TOO_MANY_REQUESTS"
    assert healths == [200] * 5


async def test_each_account_has_its_own_allowance_and_a_forged_token_spends_none(admin_url, tenant_id):
    alice = mint_token(SECRET, tenant=tenant_id, roles=["viewer"], subject="alice")
    bob = mint_token(SECRET, tenant=tenant_id, roles=["viewer"], subject="bob")
    alice_forged = mint_token("not-the-secret", tenant=tenant_id, roles=["viewer"], subject="alice")
    async with AsyncTestClient(app=create_app(limited(account=RateLimit(3, 3600)), admin_url)) as client:
        forged = [(await client.post("/graphql", **me(alice_forged))).status_code for _ in range(5)]
        alices = [(await client.post("/graphql", **me(alice))).status_code for _ in range(4)]
        bobs = [(await client.post("/graphql", **me(bob))).status_code for _ in range(3)]
    assert 429 not in forged  # a bad token has no account: only its address is limited
    assert alices == [200, 200, 200, 429]
    assert bobs == [200, 200, 200]


def test_a_bucket_refills_evenly_and_says_how_long_to_wait():
    buckets = TokenBuckets(RateLimit(requests=2, per_s=10))  # one back every 5 s
    for _ in range(2):
        assert buckets.wait_s("a", 0.0) == 0
        buckets.take("a", 0.0)
    assert buckets.wait_s("a", 0.0) == pytest.approx(5.0)
    assert buckets.wait_s("a", 4.0) == pytest.approx(1.0)
    assert buckets.wait_s("a", 5.0) == 0
    assert buckets.wait_s("b", 0.0) == 0  # keys do not share


def test_the_least_recently_used_idle_keys_are_forgotten_beyond_the_bound():
    buckets = TokenBuckets(RateLimit(requests=1, per_s=60), max_keys=2)
    for key in ("a", "b", "c"):
        buckets.take(key, 0.0)
    assert buckets.wait_s("a", 0.0) == 0 and buckets.wait_s("c", 0.0) > 0


def test_limits_are_read_from_the_environment():
    assert Settings().rate_limits == RateLimitSettings(None, None)  # code: off (tests share one app)
    defaults = Settings.from_env({}).rate_limits
    assert defaults.client == RateLimit(300, 60) and defaults.account == RateLimit(300, 60)
    env = {"THIDUA_RATE_LIMIT_CLIENT": "50/second", "THIDUA_RATE_LIMIT_ACCOUNT": "off"}
    assert Settings.from_env(env).rate_limits == RateLimitSettings(RateLimit(50, 1), None)
    for bad in ("lots", "10/fortnight", "-1/minute", "/minute"):
        with pytest.raises(SettingsError):
            Settings.from_env({"THIDUA_RATE_LIMIT_CLIENT": bad})
