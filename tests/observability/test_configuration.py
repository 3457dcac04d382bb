from __future__ import annotations

import os
import subprocess
import sys

import pytest

from infra.settings import Settings, TelemetrySettings
from infra.telemetry import TelemetryConfigError
from infra.telemetry.exporters import metric_readers, span_processors


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OTEL_")}
    return subprocess.run([sys.executable, "-c", code], env=clean | env, capture_output=True, text=True, timeout=60)


def test_standard_otel_variables_are_read_into_settings():
    telemetry = Settings.from_env({
        "OTEL_SERVICE_NAME": "thidua-hn", "OTEL_TRACES_EXPORTER": "console, otlp",
        "OTEL_METRICS_EXPORTER": "none", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318",
    }).telemetry
    assert telemetry == TelemetrySettings("thidua-hn", ("console", "otlp"), (), "http://collector:4318", False)
    assert Settings.from_env({}).telemetry == TelemetrySettings()


def test_an_unknown_exporter_is_refused_with_a_clear_error():
    with pytest.raises(TelemetryConfigError, match="OTEL_TRACES_EXPORTER.*'jaeger'"):
        span_processors(TelemetrySettings(traces_exporter=("jaeger",)))
    with pytest.raises(TelemetryConfigError, match="OTEL_METRICS_EXPORTER"):
        metric_readers(TelemetrySettings(metrics_exporter=("prometheus",)))


def test_otlp_exporters_send_to_the_signal_paths_of_the_endpoint():
    settings = TelemetrySettings(traces_exporter=("otlp",), metrics_exporter=("otlp",),
                                 otlp_endpoint="http://collector:4318/")
    (processor,) = span_processors(settings)
    (reader,) = metric_readers(settings)
    assert processor.span_exporter._endpoint == "http://collector:4318/v1/traces"
    assert reader._exporter._endpoint == "http://collector:4318/v1/metrics"
    reader.shutdown()
    processor.shutdown()


NOTHING_SET = """
from opentelemetry import metrics
from opentelemetry.instrumentation.asyncpg import AsyncPGInstrumentor
from infra.settings import Settings
from infra.telemetry import configure_telemetry
t = configure_telemetry(Settings.from_env().telemetry)
print(len(t.tracer_provider._active_span_processor._span_processors), t.meter_provider,
      type(metrics.get_meter_provider()).__name__, AsyncPGInstrumentor().is_instrumented_by_opentelemetry)
"""


def test_with_nothing_set_no_span_is_processed_and_no_meter_or_query_instrumentation_is_installed():
    done = run_python(NOTHING_SET)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["0", "None", "_ProxyMeterProvider", "False"]


CONSOLE = """
from opentelemetry import trace
from infra.settings import Settings
from infra.telemetry import configure_telemetry
configure_telemetry(Settings.from_env().telemetry)
with trace.get_tracer("demo").start_as_current_span("hello console"):
    pass
"""


def test_the_console_exporter_prints_spans_as_the_readme_says():
    done = run_python(CONSOLE, OTEL_TRACES_EXPORTER="console", OTEL_SERVICE_NAME="thidua-demo")
    assert done.returncode == 0, done.stderr
    assert '"name": "hello console"' in done.stdout and '"service.name": "thidua-demo"' in done.stdout
