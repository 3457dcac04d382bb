from __future__ import annotations

import json
from uuid import uuid4

from opentelemetry import trace

from infra.records import NewEvent
from infra.telemetry import projection_batch_span, report_projection_lag
from tests.log import read_log

tracer = trace.get_tracer("tests")


def event(name: str) -> NewEvent:
    return NewEvent(f"tests.observability:{name}", json.dumps({"name": name}))


async def test_a_projection_batch_span_links_to_the_requests_that_caused_its_events(sink, platform, tenant_id):
    with tracer.start_as_current_span("request one") as one:
        await platform.store.append(tenant_id, uuid4(), 0, [event("A"), event("B")])
    with tracer.start_as_current_span("request two") as two:
        await platform.store.append(tenant_id, uuid4(), 0, [event("C")])
    batch = await read_log(platform, tenant_id)

    with tracer.start_as_current_span("runner loop"), projection_batch_span("rollup", tenant_id, batch):
        pass

    span = sink.only("projection rollup")
    assert span.parent is None, "a batch is a trace of its own, linked to its causes"
    linked = {(link.context.trace_id, link.context.span_id) for link in span.links}
    assert linked == {
        (one.get_span_context().trace_id, one.get_span_context().span_id),
        (two.get_span_context().trace_id, two.get_span_context().span_id),
    }
    assert dict(span.attributes) == {
        "thidua.projection": "rollup", "thidua.tenant": tenant_id, "thidua.event_count": 3,
        "thidua.from_position": 1, "thidua.to_position": 3,
    }


async def test_queries_inside_a_projection_batch_are_its_children(sink, platform, tenant_id):
    await platform.store.append(tenant_id, uuid4(), 0, [event("A")])
    batch = await read_log(platform, tenant_id)
    # The append's NOTIFY goes out from a background task, a trace of its own: sent before the
    # batch, or it may land inside it (this test failed now and then).
    await platform.store.notifier.flushed()
    sink.spans.clear()

    with projection_batch_span("rollup", tenant_id, batch):
        await platform.store.head(tenant_id)

    span = sink.only("projection rollup")
    queries = [s for s in sink.finished() if s.attributes.get("db.system") == "postgresql"]
    strangers = [(q.name, q.attributes.get("db.statement")) for q in queries
                 if q.context.trace_id != span.context.trace_id]
    assert queries and not strangers, strangers


async def test_events_without_trace_ids_give_a_batch_span_without_links(sink):
    class Old:
        position, metadata = 7, {"trace_id": "not hex", "span_id": "x"}

    with projection_batch_span("rollup", "t-old", [Old()]):
        pass

    assert sink.only("projection rollup").links == ()


async def test_projection_lag_is_observed_per_projection_and_tenant(sink, tenant_id, other_tenant_id):
    report_projection_lag("rollup", tenant_id, events_behind=12, seconds_behind=3.5)
    report_projection_lag("rollup", other_tenant_id, events_behind=0, seconds_behind=0.0)
    report_projection_lag("rollup", tenant_id, events_behind=5, seconds_behind=1.25)

    mine = {"thidua.projection": "rollup", "thidua.tenant": tenant_id}
    theirs = {"thidua.projection": "rollup", "thidua.tenant": other_tenant_id}
    assert sink.metric("thidua.projection.lag.events", mine) == 5
    assert sink.metric("thidua.projection.lag.seconds", mine) == 1.25
    assert sink.metric("thidua.projection.lag.events", theirs) == 0


async def test_a_batch_of_database_rows_links_through_their_json_metadata(sink, platform, admin, tenant_id):
    with tracer.start_as_current_span("request") as request:
        await platform.store.append(tenant_id, uuid4(), 0, [event("A"), event("B")])
    rows = await admin.fetch("SELECT position, metadata::text AS metadata FROM events WHERE tenant_id = $1"
                             " ORDER BY position", tenant_id)

    with projection_batch_span("rollup", tenant_id, rows, from_position=0, to_position=2):
        pass

    span = sink.only("projection rollup")
    assert [link.context.span_id for link in span.links] == [request.get_span_context().span_id]
    assert (span.attributes["thidua.from_position"], span.attributes["thidua.to_position"]) == (0, 2)


async def test_progress_reports_zero_lag_when_caught_up_and_growing_seconds_while_behind(sink, tenant_id):
    from infra.telemetry import report_projection_progress

    key = {"thidua.projection": "plans", "thidua.tenant": tenant_id}
    report_projection_progress("plans", tenant_id, position=3, head=10)
    assert sink.metric("thidua.projection.lag.events", key) == 7
    report_projection_progress("plans", tenant_id, position=8, head=10)
    assert sink.metric("thidua.projection.lag.seconds", key) > 0
    report_projection_progress("plans", tenant_id, position=10, head=10)
    assert (sink.metric("thidua.projection.lag.events", key), sink.metric("thidua.projection.lag.seconds", key)) == (0, 0)
