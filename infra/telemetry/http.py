"""HTTP server spans and metrics: Litestar's OpenTelemetry plugin on the global providers."""

from __future__ import annotations

from litestar.plugins.opentelemetry import OpenTelemetryConfig, OpenTelemetryPlugin


def litestar_plugin() -> OpenTelemetryPlugin:
    """One server span per request (named `METHOD /route`), the parent of everything below it.

    Uses the global providers installed by `configure_telemetry`; call that first."""
    return OpenTelemetryPlugin(OpenTelemetryConfig(exclude_spans=["receive", "send"]))
