"""GraphQL operation spans (strawberry's extension) plus an operation latency histogram.

Add to the schema: `strawberry.Schema(query=..., extensions=[GraphQLTelemetry])`.
"""

from __future__ import annotations

import time
from collections.abc import Generator

from strawberry.extensions.tracing import OpenTelemetryExtension

from infra.telemetry.instruments import instruments


class GraphQLTelemetry(OpenTelemetryExtension):
    """Spans: `GraphQL Query: <name>` with parsing, validation and resolver children (resolver
    spans are current while a resolver runs, so appends and queries nest under them)."""

    def on_operation(self) -> Generator[None, None, None]:
        started = time.perf_counter()
        yield from super().on_operation()
        instruments().graphql_duration.record(time.perf_counter() - started, self._operation_attributes())

    def _operation_attributes(self) -> dict[str, str]:
        context = self.execution_context
        try:
            operation_type = context.operation_type.value
        except RuntimeError:  # the document did not parse
            operation_type = "invalid"
        attributes = {"graphql.operation.type": operation_type}
        if context.operation_name:
            attributes["graphql.operation.name"] = context.operation_name
        return attributes
