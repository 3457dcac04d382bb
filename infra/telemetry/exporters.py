"""Span processors and metric readers named by OTEL_TRACES_EXPORTER / OTEL_METRICS_EXPORTER."""

from __future__ import annotations

from opentelemetry.sdk.metrics.export import (
    ConsoleMetricExporter,
    MetricReader,
    PeriodicExportingMetricReader,
)
from opentelemetry.sdk.trace import SpanProcessor
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
)

from infra.settings import TelemetrySettings


class TelemetryConfigError(ValueError):
    """Bad OTEL_* configuration: stops start-up with a clear message."""

    code = "TELEMETRY_CONFIG"


def span_processors(settings: TelemetrySettings) -> list[SpanProcessor]:
    processors: list[SpanProcessor] = []
    for name in settings.traces_exporter:
        if name == "console":
            # Simple: a developer watching the console wants each span as it ends.
            processors.append(SimpleSpanProcessor(ConsoleSpanExporter()))
        elif name == "otlp":
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            endpoint = _signal_url(settings.otlp_endpoint, "traces")
            processors.append(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
        else:
            raise TelemetryConfigError(f"OTEL_TRACES_EXPORTER: unknown exporter {name!r} (console, otlp, none)")
    return processors


def metric_readers(settings: TelemetrySettings) -> list[MetricReader]:
    readers: list[MetricReader] = []
    for name in settings.metrics_exporter:
        if name == "console":
            readers.append(PeriodicExportingMetricReader(ConsoleMetricExporter()))
        elif name == "otlp":
            from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter

            endpoint = _signal_url(settings.otlp_endpoint, "metrics")
            readers.append(PeriodicExportingMetricReader(OTLPMetricExporter(endpoint=endpoint)))
        else:
            raise TelemetryConfigError(f"OTEL_METRICS_EXPORTER: unknown exporter {name!r} (console, otlp, none)")
    return readers


def _signal_url(base: str | None, signal: str) -> str | None:
    """OTEL_EXPORTER_OTLP_ENDPOINT is a base URL; the per-signal path is appended (OTLP/HTTP spec).

    None lets the exporter use its own default (and the per-signal variables).
    """
    if base is None:
        return None
    return f"{base.rstrip('/')}/v1/{signal}"
