"""The GraphQL schema and its Litestar controller (Strawberry's official integration)."""

from __future__ import annotations

import json
from typing import Any, ClassVar

import orjson
import strawberry
from litestar import Request, Response
from litestar.background_tasks import BackgroundTasks
from litestar.di import Provide
from strawberry.extensions import DisableIntrospection
from strawberry.litestar import make_graphql_controller

from api.errors import public
from api.graphql.context import context_getter
from api.graphql.document_cache import DocumentCache
from api.graphql.errors import ERROR_EXTENSIONS
from api.graphql.limits import LIMIT_EXTENSIONS
from api.graphql.queries.auditor import AuditorQueries
from api.graphql.queries.discovery import DiscoveryQueries
from api.graphql.queries.history import HistoryQueries
from api.graphql.queries.identity import IdentityQueries
from api.graphql.queries.read_models import ReadModelQueries
from api.graphql.queries.rollup import RollupQueries
from api.graphql.queries.tenant_data import TenantDataQueries
from api.rest.problems import render
from infra.telemetry.graphql import GraphQLTelemetry


@strawberry.type
class Query(IdentityQueries, HistoryQueries, AuditorQueries, DiscoveryQueries, ReadModelQueries,
            TenantDataQueries, RollupQueries):
    pass


def build_schema(introspection: bool = True) -> strawberry.Schema:
    # GraphQLTelemetry first: its operation span wraps the other extensions' work. The
    # document cache after the limits: it parses with the token limit they set.
    # Introspection is for development: in production the schema is not handed to anyone who asks.
    closed = [] if introspection else [DisableIntrospection()]
    return strawberry.Schema(query=Query, extensions=[GraphQLTelemetry, *ERROR_EXTENSIONS, *LIMIT_EXTENSIONS,
                                                      *closed, DocumentCache])


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

        async def execute_request(self, request: Request, context, root_value) -> Response:
            response = await super().execute_request(request, context, root_value)
            if response.status_code == 400 and response.media_type == "text/plain":
                # Strawberry answers a body it cannot parse in plain text; answer in GraphQL's shape.
                return render(request, public("BAD_INPUT", str(response.content)))
            return response

    return GraphQLController
