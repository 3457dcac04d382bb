"""Spans of our own: the event-store append and the projection batch.

The append puts the trace id and span id of its caller (the request, GraphQL resolver or
command that caused it) into each event's metadata; a projection batch span links back to
those spans, so one can walk from a read model to the event and from the event to its request.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from typing import Any
from uuid import UUID

import asyncpg
from opentelemetry import context, trace
from opentelemetry.trace import Link, Span, SpanContext, TraceFlags, format_span_id, format_trace_id

from infra.errors import ConcurrencyError
from infra.telemetry.instruments import EVENT_TYPE, PROJECTION, TENANT, instruments

_tracer = trace.get_tracer("thidua")  # a proxy until configure_telemetry runs; no I/O
MAX_LINKS = 64


class AppendObservation:
    """What `observe_append` yields: the store reports the outcome on it."""

    def __init__(self, span: Span):
        self.span = span
        self.outcome = "error"

    def recorded(self, first_position: int, last_position: int, replayed: bool) -> None:
        self.outcome = "replayed" if replayed else "ok"
        self.span.set_attributes({
            "thidua.first_position": first_position,
            "thidua.last_position": last_position,
            "thidua.replayed": replayed,
        })


@contextmanager
def observe_append(
    tenant_id: str, stream_id: UUID, topics: Sequence[str], metadata: MutableMapping[str, Any]
) -> Iterator[AppendObservation]:
    """Span, metrics and trace ids for one append; fills `metadata` before it is written."""
    caller = trace.get_current_span().get_span_context()
    attributes = {TENANT: tenant_id, "thidua.stream_id": str(stream_id), "thidua.event_count": len(topics)}
    started = time.perf_counter()
    with _tracer.start_as_current_span("eventstore.append", attributes=attributes) as span:
        if "trace_id" not in metadata:
            metadata.update(trace_ids(caller if caller.is_valid else span.get_span_context()))
        observation = AppendObservation(span)
        try:
            yield observation
        except ConcurrencyError:
            observation.outcome = "conflict"
            instruments().version_conflicts.add(1, {TENANT: tenant_id})
            raise
        finally:
            _record_append(tenant_id, topics, observation.outcome, time.perf_counter() - started)


def _record_append(tenant_id: str, topics: Sequence[str], outcome: str, seconds: float) -> None:
    metrics = instruments()
    metrics.append_duration.record(seconds, {"thidua.outcome": outcome})
    if outcome == "ok":
        for topic, count in Counter(topics).items():
            metrics.events_appended.add(count, {TENANT: tenant_id, EVENT_TYPE: topic})


def trace_ids(span_context: SpanContext) -> dict[str, str]:
    """{"trace_id": 32 hex, "span_id": 16 hex}, or {} without a valid span (SDK disabled)."""
    if not span_context.is_valid:
        return {}
    return {"trace_id": format_trace_id(span_context.trace_id), "span_id": format_span_id(span_context.span_id)}


@contextmanager
def projection_batch_span(
    projection: str,
    tenant_id: str,
    events: Sequence[Any],
    from_position: int | None = None,
    to_position: int | None = None,
) -> Iterator[Span]:
    """A span around one projection batch, in a trace of its own, linked to the spans that
    caused the batch's events (the ids in their metadata), so a read model leads back to the
    requests. `events`: RecordedEvents or rows (mappings) with `position` and `metadata`.
    `from_position`/`to_position`: the checkpoint before and after the batch (default: the
    first and last event's positions). Wrap the handler calls and the checkpoint write."""
    positions = [_field(event, "position") for event in events]
    attributes: dict[str, Any] = {PROJECTION: projection, TENANT: tenant_id, "thidua.event_count": len(events)}
    first = from_position if from_position is not None else (positions[0] if positions else None)
    last = to_position if to_position is not None else (positions[-1] if positions else None)
    if first is not None and last is not None:
        attributes.update({"thidua.from_position": first, "thidua.to_position": last})
    with _tracer.start_as_current_span(
        f"projection {projection}", context=context.Context(), attributes=attributes, links=causing_links(events)
    ) as span:
        yield span


def causing_links(events: Sequence[Any]) -> list[Link]:
    """Links to the distinct spans named in the events' metadata (bad or missing ids skipped)."""
    seen: dict[tuple[int, int], Link] = {}
    looked_at: set[str] = set()  # metadata texts already parsed: a request's events share one
    for event in events:
        if len(seen) >= MAX_LINKS:
            break
        metadata = _field(event, "metadata")
        if isinstance(metadata, str):
            if metadata in looked_at:
                continue
            looked_at.add(metadata)
        ids = _parse_ids(metadata)
        if ids and ids not in seen:
            span_context = SpanContext(ids[0], ids[1], is_remote=True, trace_flags=TraceFlags(TraceFlags.SAMPLED))
            seen[ids] = Link(span_context, {"thidua.position": _field(event, "position")})
    return list(seen.values())


def _field(event: Any, name: str) -> Any:
    if type(event) is asyncpg.Record or isinstance(event, Mapping):  # a Record first: no ABC check
        return event[name]
    return getattr(event, name, None)


def _parse_ids(metadata: Any) -> tuple[int, int] | None:
    try:
        if isinstance(metadata, str):  # a jsonb column read without a codec
            metadata = json.loads(metadata)
        trace_id, span_id = int(metadata["trace_id"], 16), int(metadata["span_id"], 16)
    except (KeyError, TypeError, ValueError):
        return None
    return (trace_id, span_id) if trace_id and span_id else None
