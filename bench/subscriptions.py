"""Live rollups: many subscribers of the national node's `rollupChanged` over WebSocket
(graphql-transport-ws) against a running `thidua serve`, and the latency from each write to
each subscriber's push that counts it.

A write is an officer creating a grassroots union under its tenant's root (REST), which
changes the national figures (unitsInScope). Its latency for one subscriber runs from the
command's reply (the event is committed by then) to the first push whose freshness counts the
write's position in its tenant. Writes go one after another, each once every subscriber has
its push, so each is timed on its own. The same writes are timed with 1 subscriber first
(the baseline) and then with all of them, in the same run.
"""

from __future__ import annotations

import asyncio
import json
import time
from itertools import count

import httpx
from websockets.asyncio.client import ClientConnection, connect

from bench.generator import Generated
from bench.latency import percentile
from bench.rollup import _METRICS
from tenants.ids import root_unit_id

SUBSCRIPTION = """subscription Live($planTenant: String!, $planId: UUID!, $node: UUID!) {
  rollupChanged(planTenant: $planTenant, planId: $planId, node: $node) {
    nodeId %s freshness { tenant position } } }""" % _METRICS
PUSH_TIMEOUT_S = 15.0
CONNECTS_AT_ONCE = 50


class SubscriptionsFailed(RuntimeError):
    """The server refused or dropped the subscriptions: no latency is reported."""


class Subscriber:
    """One connection with one subscription; remembers when each push arrived and what it counts."""

    def __init__(self) -> None:
        self.pushes: list[tuple[float, dict[str, int]]] = []
        self.pushed = asyncio.Event()
        self.failure: str | None = None
        self._ws: ClientConnection | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self, ws_url: str, token: str, variables: dict[str, str]) -> None:
        self._ws = await connect(ws_url, subprotocols=["graphql-transport-ws"], open_timeout=60,
                                 max_size=None, ping_interval=None)
        await self._ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
        if json.loads(await self._ws.recv())["type"] != "connection_ack":
            raise SubscriptionsFailed("connection_init was not acknowledged")
        await self._ws.send(json.dumps({"id": "1", "type": "subscribe",
                                        "payload": {"query": SUBSCRIPTION, "variables": variables}}))
        self._task = asyncio.create_task(self._receive())

    async def _receive(self) -> None:
        assert self._ws is not None
        async for raw in self._ws:
            received = time.perf_counter()
            message = json.loads(raw)
            payload = message.get("payload") or {}
            if message.get("type") != "next" or payload.get("errors"):
                self.failure = str(message)[:300]
                self.pushed.set()
                return
            counted = {f["tenant"]: f["position"] for f in payload["data"]["rollupChanged"]["freshness"]}
            self.pushes.append((received, counted))
            self.pushed.set()

    def first_counting(self, tenant: str, position: int) -> float | None:
        return next((t for t, counted in self.pushes if counted.get(tenant, 0) >= position), None)

    async def stop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)


async def subscribe_all(ws_url: str, token: str, variables: dict[str, str], n: int) -> list[Subscriber]:
    subscribers = [Subscriber() for _ in range(n)]
    gate = asyncio.Semaphore(CONNECTS_AT_ONCE)

    async def one(s: Subscriber) -> None:
        async with gate:
            await s.start(ws_url, token, variables)
            await asyncio.wait_for(s.pushed.wait(), PUSH_TIMEOUT_S * 4)  # the first push: as it stands
            if s.failure:
                raise SubscriptionsFailed(s.failure)

    try:
        await asyncio.gather(*(one(s) for s in subscribers))
    except BaseException:
        await asyncio.gather(*(s.stop() for s in subscribers))
        raise
    return subscribers


async def write_latencies_ms(base: str, officer_tokens: dict[str, str], subscribers: list[Subscriber],
                             writes: int, serial: count) -> tuple[list[float], int]:
    """Latencies (ms) of every subscriber for each write, and how many pushes never came."""
    latencies: list[float] = []
    missed = 0
    tenants = sorted(officer_tokens)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        for i in range(writes):
            tenant = tenants[i % len(tenants)]
            reply = await http.post("/api/v1/org-units/", headers={"Authorization": f"Bearer {officer_tokens[tenant]}"},
                                    json={"kind": "grassroots_union", "parent_id": str(root_unit_id(tenant)),
                                          "effective": "2025-07-01", "name": f"CĐCS bench live {next(serial)}"})
            committed = time.perf_counter()
            if reply.status_code != 201:
                raise SubscriptionsFailed(f"the write failed: HTTP {reply.status_code} {reply.text[:200]}")
            position = reply.json()["position"]
            deadline = committed + PUSH_TIMEOUT_S
            pending = list(subscribers)
            while pending and time.perf_counter() < deadline:
                await asyncio.sleep(0.01)
                pending = [s for s in pending if s.first_counting(tenant, position) is None and not s.failure]
            failed = next((s.failure for s in subscribers if s.failure), None)
            if failed:
                raise SubscriptionsFailed(failed)
            missed += len(pending)
            latencies += [(s.first_counting(tenant, position) - committed) * 1000
                          for s in subscribers if s not in pending]
    return latencies, missed


def summary(prefix: str, latencies: list[float], missed: int) -> dict[str, float]:
    if not latencies:
        raise SubscriptionsFailed("no push counted any write")
    return {f"{prefix}p50_ms": round(percentile(latencies, 50), 1),
            f"{prefix}p99_ms": round(percentile(latencies, 99), 1),
            f"{prefix}max_ms": round(max(latencies), 1),
            f"{prefix}missed": missed}


async def measure(base: str, national_token: str, officer_tokens: dict[str, str], data: Generated,
                  subscribers: int, writes: int) -> dict[str, float]:
    ws_url = base.replace("http", "ws", 1) + "/graphql"
    variables = {"planTenant": data.national_tenant, "planId": str(data.national_plan_id),
                 "node": str(data.national_unit_id)}
    serial = count()
    one = await subscribe_all(ws_url, national_token, variables, 1)
    try:
        baseline = summary("subscriptions.one_subscriber_",
                           *await write_latencies_ms(base, officer_tokens, one, writes, serial))
    finally:
        await asyncio.gather(*(s.stop() for s in one))
    started = time.perf_counter()
    many = await subscribe_all(ws_url, national_token, variables, subscribers)
    connect_s = time.perf_counter() - started
    try:
        loaded = summary("subscriptions.", *await write_latencies_ms(base, officer_tokens, many, writes, serial))
    finally:
        await asyncio.gather(*(s.stop() for s in many))
    return loaded | baseline | {"subscriptions.subscribers": subscribers, "subscriptions.writes": writes,
                                "subscriptions.subscribe_all_s": round(connect_s, 2)}
