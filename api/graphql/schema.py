"""The GraphQL schema and its Litestar controller (Strawberry's official integration)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import orjson
import strawberry
from graphql import GraphQLError
from litestar import Request, Response
from litestar.background_tasks import BackgroundTasks
from litestar.di import Provide
from strawberry.extensions import DisableIntrospection
from strawberry.litestar import make_graphql_controller
from strawberry.types import ExecutionContext
from strawberry.types.unset import UNSET, UnsetType

from api.error_log import log_refusal
from api.errors import public
from api.graphql.context import context_getter
from api.graphql.document_cache import DocumentCache
from api.graphql.errors import ERROR_EXTENSIONS, public_of
from api.graphql.limits import LIMIT_EXTENSIONS
from api.graphql.plain_objects import PlainObjectsExecutionContext
from api.graphql.queries.auditor import AuditorQueries
from api.graphql.queries.discovery import DiscoveryQueries
from api.graphql.queries.history import HistoryQueries
from api.graphql.queries.identity import IdentityQueries
from api.graphql.queries.read_models import ReadModelQueries
from api.graphql.queries.rollup import RollupQueries
from api.graphql.queries.tenant_data import TenantDataQueries
from api.graphql.subscriptions import Subscription
from api.graphql.subscriptions_auth import authorize_connection
from api.graphql.subscriptions_shared import SharedEventExecutor
from api.json_input import decode_json
from api.rest.problems import render
from domain.errors import BadInput
from infra.telemetry.graphql import GraphQLTelemetry


@strawberry.type
class Query(IdentityQueries, HistoryQueries, AuditorQueries, DiscoveryQueries, ReadModelQueries,
            TenantDataQueries, RollupQueries):
    pass


class Execution(SharedEventExecutor, PlainObjectsExecutionContext):
    """Subscribers woken by one event share one execution (subscriptions_shared); plain data
    objects complete without a resolver call per field (plain_objects)."""


class Schema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """Instead of Strawberry's traceback per error: one line per client error; server
        errors are logged once, with their traceback, by the error mapper (CodedErrors)."""
        operation = execution_context.operation_name if execution_context else None
        for error in errors:
            public_error = public_of(error)
            log_refusal(public_error, method="POST", path="/graphql", operation=operation)


def build_schema(introspection: bool = True) -> strawberry.Schema:
    # GraphQLTelemetry first: its operation span wraps the other extensions' work. The
    # document cache after the limits: it parses with the token limit they set.
    # Introspection is for development: in production the schema is not handed to anyone who asks.
    closed = [] if introspection else [DisableIntrospection]
    return Schema(query=Query, subscription=Subscription, execution_context_class=Execution,
                  extensions=[GraphQLTelemetry, *ERROR_EXTENSIONS, *LIMIT_EXTENSIONS, *closed, DocumentCache])


_GRAPHIQL_HTML = (Path(__file__).parent / "graphiql.html").read_text(encoding="utf-8")


def _sub_response() -> Response:
    # Strawberry's own getter is run in a worker thread (sync_to_thread=True): a thread
    # hop per request to build an empty object.
    return Response({}, background=BackgroundTasks([]))


def _encode(data: object) -> bytes:
    try:
        return orjson.dumps(data)
    except TypeError:  # e.g. an integer beyond 64 bits: the standard encoder takes it
        return json.dumps(data, separators=(",", ":")).encode()


def graphql_controller(dev_mode: bool) -> type:
    base = make_graphql_controller(build_schema(introspection=dev_mode), path="/graphql",
                                   graphql_ide="graphiql" if dev_mode else None, context_getter=context_getter)

    class GraphQLController(base):  # type: ignore[misc, valid-type]
        dependencies: ClassVar[dict[str, Provide]] = {
            **base.dependencies, "response": Provide(_sub_response, sync_to_thread=False)}

        def encode_json(self, data: Any) -> bytes:
            return _encode(data)

        def decode_json(self, data: str | bytes) -> object:
            # Strawberry's json.loads fails with a 500 on invalid UTF-8, deep nesting, huge
            # numbers and a body that is not an object (`null`): refuse them as BAD_INPUT.
            value = decode_json(data)
            if not isinstance(value, dict):
                raise BadInput("a GraphQL request is a JSON object", rule="api.graphql.body")
            return value

        @property
        def graphql_ide_html(self) -> str:
            # Strawberry's page loads its scripts from unpkg.com: ours, from the app (api/static).
            return _GRAPHIQL_HTML

        async def on_ws_connect(self, context) -> UnsetType:
            await authorize_connection(context)
            return UNSET

        async def execute_request(self, request: Request, context, root_value) -> Response:
            response = await super().execute_request(request, context, root_value)
            if response.status_code == 400 and response.media_type == "text/plain":
                # Strawberry answers a body it cannot parse in plain text; answer in GraphQL's shape.
                return render(request, public("BAD_INPUT", str(response.content)))
            return response

    return GraphQLController
