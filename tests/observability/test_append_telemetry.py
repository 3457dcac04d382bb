from __future__ import annotations

import json
from uuid import uuid4

import pytest
from opentelemetry import trace
from opentelemetry.trace import format_span_id, format_trace_id

from infra.errors import ConcurrencyError
from infra.records import NewEvent

tracer = trace.get_tracer("tests")


def events(*names: str) -> list[NewEvent]:
    return [NewEvent(f"tests.observability:{name}", json.dumps({"name": name})) for name in names]


async def test_append_inside_a_span_is_its_child_with_tenant_stream_and_positions(sink, platform, tenant_id):
    stream = uuid4()
    with tracer.start_as_current_span("request") as parent:
        result = await platform.store.append(tenant_id, stream, 0, events("A", "B", "C"))

    append = sink.only("eventstore.append")
    assert append.parent.span_id == parent.get_span_context().span_id
    assert append.context.trace_id == parent.get_span_context().trace_id
    attributes = dict(append.attributes)
    assert attributes["thidua.tenant"] == tenant_id
    assert attributes["thidua.stream_id"] == str(stream)
    assert attributes["thidua.event_count"] == 3
    assert (attributes["thidua.first_position"], attributes["thidua.last_position"]) == (1, 3)
    assert (result.first_position, result.last_position) == (1, 3)


async def test_each_stored_event_names_the_trace_and_span_that_caused_it(sink, platform, tenant_id):
    stream = uuid4()
    with tracer.start_as_current_span("request") as parent:
        await platform.store.append(tenant_id, stream, 0, events("A", "B"))

    stored = await platform.store.read_stream(tenant_id, stream)
    context = parent.get_span_context()
    assert [e.metadata["trace_id"] for e in stored] == [format_trace_id(context.trace_id)] * 2
    assert [e.metadata["span_id"] for e in stored] == [format_span_id(context.span_id)] * 2


async def test_trace_ids_given_by_the_caller_are_kept(sink, platform, tenant_id):
    stream, given = uuid4(), {"trace_id": "ab" * 16, "span_id": "cd" * 8, "actor": "u1"}
    with tracer.start_as_current_span("request"):
        await platform.store.append(tenant_id, stream, 0, events("A"), metadata=given)

    (stored,) = await platform.store.read_stream(tenant_id, stream)
    assert stored.metadata == given


async def test_an_append_outside_any_span_names_its_own_root_span(sink, platform, tenant_id):
    stream = uuid4()
    await platform.store.append(tenant_id, stream, 0, events("A"))

    append = sink.only("eventstore.append")
    (stored,) = await platform.store.read_stream(tenant_id, stream)
    assert append.parent is None
    assert stored.metadata["trace_id"] == format_trace_id(append.context.trace_id)
    assert stored.metadata["span_id"] == format_span_id(append.context.span_id)


async def test_appended_events_are_counted_by_tenant_and_event_type(sink, platform, tenant_id):
    a = {"thidua.tenant": tenant_id, "thidua.event_type": "tests.observability:A"}
    b = {"thidua.tenant": tenant_id, "thidua.event_type": "tests.observability:B"}
    appends_before = sink.metric("thidua.eventstore.append.duration")

    await platform.store.append(tenant_id, uuid4(), 0, events("A", "A", "B"))
    await platform.store.append(tenant_id, uuid4(), 0, events("A"))

    assert sink.metric("thidua.eventstore.events_appended", a) == 3
    assert sink.metric("thidua.eventstore.events_appended", b) == 1
    assert sink.metric("thidua.eventstore.append.duration") == appends_before + 2


async def test_a_version_conflict_is_counted_once_and_appends_nothing(sink, platform, tenant_id):
    stream = uuid4()
    await platform.store.append(tenant_id, stream, 0, events("A"))
    counted = sink.metric("thidua.eventstore.events_appended", {"thidua.tenant": tenant_id})

    with pytest.raises(ConcurrencyError):
        await platform.store.append(tenant_id, stream, 0, events("B"))

    assert sink.metric("thidua.eventstore.version_conflicts", {"thidua.tenant": tenant_id}) == 1
    assert sink.metric("thidua.eventstore.events_appended", {"thidua.tenant": tenant_id}) == counted
    failed = sink.finished("eventstore.append")[-1]
    assert failed.status.status_code == trace.StatusCode.ERROR


async def test_a_replayed_idempotent_append_counts_no_new_events(sink, platform, tenant_id):
    await platform.store.append(tenant_id, uuid4(), 0, events("A"), idempotency_key="k1")
    replay = await platform.store.append(tenant_id, uuid4(), 0, events("A"), idempotency_key="k1")

    assert replay.replayed
    assert sink.metric("thidua.eventstore.events_appended", {"thidua.tenant": tenant_id}) == 1
    assert sink.finished("eventstore.append")[-1].attributes["thidua.replayed"] is True
