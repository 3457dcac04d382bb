"""Rate limits per client address and per account: a request over either answers 429 with
`Retry-After`, in the project's error shape (problem details; GraphQL's shape on /graphql).

Token buckets in this process's memory: a key may spend `requests` at once and gets them
back evenly over `per_s` seconds, so `Retry-After` is exact. (Litestar's RateLimitMiddleware
keeps every timestamp of a fixed window per key, JSON-encoded on each request, behind one
lock, and sets no `Retry-After`.) Limits hold per server process.

The account is the token's tenant and subject, and only a token that verifies has one: a
forged `sub` cannot spend a victim's allowance, and bad tokens count against their address.
The client address is the ASGI client, which uvicorn takes from `X-Forwarded-For` only for
the proxies in FORWARDED_ALLOW_IPS (default 127.0.0.1).
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from litestar import Request
from litestar.types import ASGIApp, Receive, Scope, Send

from api.errors import public
from api.rest.problems import render
from infra.settings import RateLimit, RateLimitSettings
from services.auth.tokens import bearer_token, verify_token
from services.errors import Unauthenticated

UNLIMITED_PATHS = frozenset({"/health"})  # probes of load balancers and orchestrators
MAX_KEYS = 100_000  # idle keys beyond this are forgotten, least recently used first
# A client sends the same token request after request: its account is remembered for a
# minute rather than its signature checked twice per request (here and in the handler).
ACCOUNT_MEMORY_S = 60.0


class TokenBuckets:
    """One bucket per key; a forgotten key starts full again, as an idle one would be."""

    def __init__(self, limit: RateLimit, max_keys: int = MAX_KEYS):
        self.capacity = float(limit.requests)
        self.refill_per_s = limit.requests / limit.per_s
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, at)

    def available(self, key: str, now: float) -> float:
        tokens, at = self._buckets.get(key, (self.capacity, now))
        return min(self.capacity, tokens + (now - at) * self.refill_per_s)

    def wait_s(self, key: str, now: float) -> float:
        """Seconds until `key` may make one more request (0: now)."""
        return max(0.0, (1.0 - self.available(key, now)) / self.refill_per_s)

    def take(self, key: str, now: float) -> None:
        self._buckets[key] = (self.available(key, now) - 1.0, now)
        self._buckets.move_to_end(key)
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)


class RateLimitMiddleware:
    """ASGI middleware; the app's exception handlers never see the refusal (no handler ran)."""

    def __init__(self, app: ASGIApp, limits: RateLimitSettings, jwt_secret: str,
                 clock: Callable[[], float] = time.monotonic):
        self.app = app
        self.clients = TokenBuckets(limits.client) if limits.client else None
        self.accounts = TokenBuckets(limits.account) if limits.account else None
        self.jwt_secret = jwt_secret
        self.clock = clock
        self._accounts: OrderedDict[bytes, tuple[str | None, float]] = OrderedDict()  # header -> (account, seen)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        now = self.clock()
        spends: list[tuple[TokenBuckets, str]] = []
        if self.clients and (client := _client(scope)):
            spends.append((self.clients, client))
        if self.accounts and (account := self._account(scope, now)):
            spends.append((self.accounts, account))
        wait_s = max((buckets.wait_s(key, now) for buckets, key in spends), default=0.0)
        if wait_s > 0:
            await self._refuse(scope, receive, send, math.ceil(wait_s))
            return
        for buckets, key in spends:  # only when every limit allows it: a refusal spends nothing
            buckets.take(key, now)
        await self.app(scope, receive, send)

    def _account(self, scope: Scope, now: float) -> str | None:
        header = next((v for k, v in scope["headers"] if k == b"authorization"), None)
        if header is None:
            return None
        remembered = self._accounts.get(header)
        if remembered is not None and now - remembered[1] < ACCOUNT_MEMORY_S:
            return remembered[0]
        account = self._verified_account(header)
        self._accounts[header] = (account, now)
        self._accounts.move_to_end(header)
        if len(self._accounts) > MAX_KEYS:
            self._accounts.popitem(last=False)
        return account

    def _verified_account(self, header: bytes) -> str | None:
        try:
            principal = verify_token(self.jwt_secret, bearer_token(header.decode("latin-1")))
        except Unauthenticated:
            return None
        return f"{principal.tenant}/{principal.subject}"

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, retry_after_s: int) -> None:
        request: Request = Request(scope, receive)
        error = replace(public("TOO_MANY_REQUESTS", f"Too many requests; retry in {retry_after_s} s",
                               f"Quá nhiều yêu cầu; hãy thử lại sau {retry_after_s} giây"),
                        retry_after=retry_after_s)
        response = render(request, error)
        await response.to_asgi_response(app=None, request=request)(scope, receive, send)


def _client(scope: Scope) -> str | None:
    client = scope.get("client")
    return client[0] if client else None
