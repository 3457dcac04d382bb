from __future__ import annotations

import asyncio
import json
from uuid import uuid4

from opentelemetry import trace

from infra.records import NewEvent
from projections.engine.base import Projection, handles
from projections.engine.runner import ProjectionRunner

tracer = trace.get_tracer("tests")
TOPIC = "tests.observability:Counted"


class Counted(Projection):
    name = "obs_counted"
    tables = ()

    @handles(TOPIC)
    async def on_counted(self, conn, event) -> None:
        await conn.execute("SELECT 1")


async def wait_for(condition, seconds: float = 10.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise TimeoutError("condition not met")


async def test_the_runner_makes_a_linked_batch_span_and_reports_lag(sink, platform, tenant_id):
    with tracer.start_as_current_span("request") as request:
        await platform.store.append(tenant_id, uuid4(), 0, [NewEvent(TOPIC, json.dumps({}))] * 2)
    mine = {"thidua.projection": "obs_counted", "thidua.tenant": tenant_id}

    def batches():
        return [s for s in sink.finished("projection obs_counted") if s.attributes["thidua.tenant"] == tenant_id]

    # A new projection's first pass catches up every tenant the session has made so far (two
    # at a time, a commit each) before it may reach this one: on a busy machine, past 10 s.
    async with ProjectionRunner(platform.db, [Counted()], poll_interval=0.05):
        await wait_for(lambda: batches() and sink.metric("thidua.projection.lag.events", mine) == 0, 60)

    (batch,) = [b for b in batches() if b.attributes["thidua.event_count"] == 2]
    assert [link.context.span_id for link in batch.links] == [request.get_span_context().span_id]
    assert (batch.attributes["thidua.from_position"], batch.attributes["thidua.to_position"]) == (0, 2)
    handler_queries = [s for s in sink.finished() if s.context.trace_id == batch.context.trace_id
                       and s.attributes.get("db.statement") == "SELECT 1"]
    assert len(handler_queries) == 2
    assert sink.metric("thidua.projection.lag.seconds", mine) == 0
    polls = [s for s in sink.finished() if "thidua_tenant_heads" in (s.attributes.get("db.statement") or "")]
    assert polls == [], "idle polling makes no spans"
