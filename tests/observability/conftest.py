"""One SDK set-up per test session: in-memory span exporter and metric reader.

OpenTelemetry's global providers are set-once per process, so the exporter is installed once
(`configure_telemetry` is additive for test exporters) and cleared before each test.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pytest
from opentelemetry.sdk.metrics.export import HistogramDataPoint, InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from infra.settings import TelemetrySettings
from infra.telemetry import configure_telemetry


@dataclass
class Sink:
    spans: InMemorySpanExporter
    reader: InMemoryMetricReader

    def finished(self, name: str | None = None) -> list[ReadableSpan]:
        spans = self.spans.get_finished_spans()
        return [s for s in spans if name is None or s.name == name]

    def only(self, name: str) -> ReadableSpan:
        spans = self.finished(name)
        if len(spans) != 1:
            raise LookupError(f"expected one span {name!r}, got {[s.name for s in self.finished()]}")
        return spans[0]

    def metric(self, name: str, attributes: Mapping[str, object] | None = None) -> float:
        """Sum (or histogram count) of the points of `name` whose attributes include `attributes`."""
        data = self.reader.get_metrics_data()
        total = 0.0
        for resource in data.resource_metrics if data else []:
            for scope in resource.scope_metrics:
                for metric in (m for m in scope.metrics if m.name == name):
                    for point in metric.data.data_points:
                        if (attributes or {}).items() <= dict(point.attributes).items():
                            total += point.count if isinstance(point, HistogramDataPoint) else point.value
        return total


@pytest.fixture(scope="session")
def telemetry_sink() -> Sink:
    sink = Sink(InMemorySpanExporter(), InMemoryMetricReader())
    configure_telemetry(TelemetrySettings(), span_exporter=sink.spans, metric_reader=sink.reader)
    return sink


@pytest.fixture
def sink(telemetry_sink: Sink) -> Sink:
    telemetry_sink.spans.clear()
    return telemetry_sink
