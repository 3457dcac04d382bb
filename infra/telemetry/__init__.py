"""OpenTelemetry for Thi Đua: one set-up call from the composition root, spans and metrics
helpers for the store, the projection runner and GraphQL. See README "Observability".

Set-up: `configure_telemetry(settings.telemetry)` in `create_app` (and any CLI command that
works without the app). Nothing here reads the environment or installs anything at import.
HTTP: `litestar_plugin()` (infra/telemetry/http.py); GraphQL: `GraphQLTelemetry`
(infra/telemetry/graphql.py, add it to the strawberry schema's extensions).
"""

from infra.telemetry.exporters import TelemetryConfigError
from infra.telemetry.instruments import instruments, report_projection_lag, report_projection_progress
from infra.telemetry.setup import Telemetry, configure_telemetry, quiet
from infra.telemetry.spans import causing_links, observe_append, projection_batch_span, trace_ids

__all__ = [
    "Telemetry",
    "TelemetryConfigError",
    "causing_links",
    "configure_telemetry",
    "instruments",
    "observe_append",
    "projection_batch_span",
    "quiet",
    "report_projection_lag",
    "report_projection_progress",
    "trace_ids",
]
