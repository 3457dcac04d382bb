"""The service's metrics. Instruments are made on first use from the global meter provider
(before `configure_telemetry` they are the API's proxies, which forward once it has run)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from opentelemetry import metrics
from opentelemetry.metrics import CallbackOptions, Counter, Histogram, Observation

SECONDS_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

TENANT = "thidua.tenant"
EVENT_TYPE = "thidua.event_type"
PROJECTION = "thidua.projection"


@dataclass(frozen=True)
class Instruments:
    append_duration: Histogram
    events_appended: Counter
    version_conflicts: Counter
    graphql_duration: Histogram


@cache
def instruments() -> Instruments:
    meter = metrics.get_meter("thidua")
    meter.create_observable_gauge(
        "thidua.projection.lag.events", [_observe_lag_events], "{event}",
        "events in the tenant's log not yet applied by the projection",
    )
    meter.create_observable_gauge(
        "thidua.projection.lag.seconds", [_observe_lag_seconds], "s",
        "age of the oldest event the projection has not applied yet (0 when caught up)",
    )
    return Instruments(
        append_duration=meter.create_histogram(
            "thidua.eventstore.append.duration", "s", "time of one append to one stream",
            explicit_bucket_boundaries_advisory=SECONDS_BUCKETS,
        ),
        events_appended=meter.create_counter(
            "thidua.eventstore.events_appended", "{event}", "events appended, by tenant and event type"
        ),
        version_conflicts=meter.create_counter(
            "thidua.eventstore.version_conflicts", "{conflict}", "appends refused: stale expected version"
        ),
        graphql_duration=meter.create_histogram(
            "thidua.graphql.operation.duration", "s", "time of one GraphQL operation",
            explicit_bucket_boundaries_advisory=SECONDS_BUCKETS,
        ),
    )


# Projection lag, reported by the runner, read by the observable gauges at collection time.
_lag_lock = threading.Lock()
_lag: dict[tuple[str, str], tuple[int, float]] = {}


def report_projection_lag(projection: str, tenant_id: str, *, events_behind: int, seconds_behind: float) -> None:
    """The runner calls this after each batch (and when idle, with 0 and 0.0)."""
    instruments()  # the gauges exist from the first report on
    with _lag_lock:
        _lag[(projection, tenant_id)] = (max(events_behind, 0), max(seconds_behind, 0.0))


_behind_since: dict[tuple[str, str], float] = {}


def report_projection_progress(projection: str, tenant_id: str, *, position: int, head: int) -> None:
    """For a runner that knows its checkpoint and the tenant's head but not event ages:
    seconds behind = how long the projection has been behind without catching up."""
    key, now = (projection, tenant_id), time.monotonic()
    if position >= head:
        _behind_since.pop(key, None)
        report_projection_lag(projection, tenant_id, events_behind=0, seconds_behind=0.0)
        return
    since = _behind_since.setdefault(key, now)
    report_projection_lag(projection, tenant_id, events_behind=head - position, seconds_behind=now - since)


def _observe_lag_events(options: CallbackOptions) -> Iterable[Observation]:
    return [Observation(events, _lag_attributes(key)) for key, (events, _) in _lag_snapshot()]


def _observe_lag_seconds(options: CallbackOptions) -> Iterable[Observation]:
    return [Observation(seconds, _lag_attributes(key)) for key, (_, seconds) in _lag_snapshot()]


def _lag_snapshot() -> list[tuple[tuple[str, str], tuple[int, float]]]:
    with _lag_lock:
        return list(_lag.items())


def _lag_attributes(key: tuple[str, str]) -> dict[str, str]:
    return {PROJECTION: key[0], TENANT: key[1]}
