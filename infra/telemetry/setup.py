"""Installs the OpenTelemetry SDK once per process, from `TelemetrySettings`.

OpenTelemetry's global providers can be set only once per process, and tests build many
apps, so `configure_telemetry` is idempotent: the first call installs, later calls return
the same handle and may only ADD test exporters/readers. With nothing configured there is a
tracer provider without span processors (spans are created for their ids, which go into
event metadata, and then dropped), no meter provider (instruments stay no-ops) and no
database instrumentation.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import MetricReader
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExporter

from infra.settings import TelemetrySettings
from infra.telemetry.exporters import TelemetryConfigError, metric_readers, span_processors


@dataclass
class Telemetry:
    """The process's telemetry: what `configure_telemetry` installed."""

    enabled: bool
    tracer_provider: TracerProvider | None = None
    meter_provider: MeterProvider | None = None
    exporting_spans: bool = False
    _span_exporters: list[SpanExporter] = field(default_factory=list)
    _metric_readers: list[MetricReader] = field(default_factory=list)

    def force_flush(self) -> None:
        if self.tracer_provider is not None:
            self.tracer_provider.force_flush()
        if self.meter_provider is not None:
            self.meter_provider.force_flush()


_lock = threading.Lock()
_installed: Telemetry | None = None


def configure_telemetry(
    settings: TelemetrySettings,
    *,
    span_exporter: SpanExporter | None = None,
    metric_reader: MetricReader | None = None,
) -> Telemetry:
    """Install tracing and metrics (first call), add a test exporter/reader; idempotent.

    `settings` are honoured by the first call only. `span_exporter` (e.g. the SDK's
    InMemorySpanExporter) gets every span synchronously; `metric_reader` (e.g.
    InMemoryMetricReader) can be given once per process, before or with the first reader.
    """
    global _installed
    with _lock:
        if _installed is None:
            _installed = _install(settings, metric_reader)
        telemetry = _installed
        if not telemetry.enabled:
            return telemetry
        if span_exporter is not None and span_exporter not in telemetry._span_exporters:
            telemetry.tracer_provider.add_span_processor(SimpleSpanProcessor(span_exporter))
            telemetry._span_exporters.append(span_exporter)
            telemetry.exporting_spans = True
        if metric_reader is not None and metric_reader not in telemetry._metric_readers:
            _add_meter_provider(telemetry, settings, [metric_reader])
        if telemetry.exporting_spans:
            _instrument_asyncpg()
        return telemetry


def _install(settings: TelemetrySettings, metric_reader: MetricReader | None) -> Telemetry:
    if settings.disabled:
        return Telemetry(enabled=False)
    resource = Resource.create({"service.name": settings.service_name})
    tracer_provider = _global_tracer_provider(resource)
    processors = span_processors(settings)
    for processor in processors:
        tracer_provider.add_span_processor(processor)
    telemetry = Telemetry(True, tracer_provider, exporting_spans=bool(processors))
    readers = metric_readers(settings) + ([metric_reader] if metric_reader else [])
    if readers:
        _add_meter_provider(telemetry, settings, readers)
    return telemetry


def _global_tracer_provider(resource: Resource) -> TracerProvider:
    """Ours, or the SDK provider someone already installed (the global is set-once)."""
    current = trace.get_tracer_provider()
    if isinstance(current, TracerProvider):
        return current
    provider = TracerProvider(resource=resource)
    trace.set_tracer_provider(provider)
    return provider


def _add_meter_provider(
    telemetry: Telemetry, settings: TelemetrySettings, readers: list[MetricReader]
) -> None:
    # An SDK MeterProvider takes its readers at construction and the global is set-once.
    if telemetry.meter_provider is not None:
        raise TelemetryConfigError(
            "a meter provider is already installed in this process; give the metric reader "
            "to the first configure_telemetry call"
        )
    resource = telemetry.tracer_provider.resource
    provider = MeterProvider(resource=resource, metric_readers=readers)
    metrics.set_meter_provider(provider)
    telemetry.meter_provider = provider
    telemetry._metric_readers.extend(readers)


def _instrument_asyncpg() -> None:
    from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor

    instrumentor = AsyncPGInstrumentor()
    if not instrumentor.is_instrumented_by_opentelemetry:
        instrumentor.instrument()


def quiet():
    """A context in which instrumented libraries make no spans (a runner's idle polling)."""
    from opentelemetry.instrumentation.utils import suppress_instrumentation

    return suppress_instrumentation()
