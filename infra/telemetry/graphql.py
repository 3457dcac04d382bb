"""GraphQL operation spans (strawberry's extension) plus an operation latency histogram.

Add to the schema: `strawberry.Schema(query=..., extensions=[GraphQLTelemetry])`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from typing import Any

from graphql import GraphQLResolveInfo
from strawberry.extensions.tracing import OpenTelemetryExtension
from strawberry.resolvers import is_default_resolver

from infra.telemetry.instruments import instruments


class GraphQLTelemetry(OpenTelemetryExtension):
    """Spans: `GraphQL Query: <name>` with parsing, validation and resolver children (resolver
    spans are current while a resolver runs, so appends and queries nest under them)."""

    def on_operation(self) -> Generator[None, None, None]:
        started = time.perf_counter()
        yield from super().on_operation()
        instruments().graphql_duration.record(time.perf_counter() - started, self._operation_attributes())

    def resolve(self, _next: Callable, root: Any, info: GraphQLResolveInfo, *args: Any, **kwargs: Any) -> Any:
        # Plain fields (default resolvers, untraced anyway) pass straight through: the
        # parent's `async def resolve` made a coroutine, and graphql-core a task, per field
        # (a national rollup has ~150). Resolvers get their span exactly as before.
        if _untraced(info):
            return _next(root, info, *args, **kwargs)
        return super().resolve(_next, root, info, *args, **kwargs)

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


def _untraced(info: GraphQLResolveInfo) -> bool:
    """Strawberry's `should_skip_tracing` without walking the field's path for an
    introspection key on every field: a field is under introspection exactly when it or its
    parent type is one (introspection types refer only to each other and to scalars)."""
    field = info.parent_type.fields.get(info.field_name)
    return (field is None or field.resolve is None or is_default_resolver(field.resolve)
            or info.field_name.startswith("__") or info.parent_type.name.startswith("__"))
