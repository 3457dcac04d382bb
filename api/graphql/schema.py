"""The GraphQL schema and its Litestar controller (Strawberry's official integration)."""

from __future__ import annotations

import strawberry
from litestar import Request, Response
from strawberry.litestar import make_graphql_controller

from api.errors import public
from api.graphql.context import context_getter
from api.graphql.errors import ERROR_EXTENSIONS
from api.graphql.limits import LIMIT_EXTENSIONS
from api.graphql.queries.auditor import AuditorQueries
from api.graphql.queries.history import HistoryQueries
from api.graphql.queries.identity import IdentityQueries
from api.graphql.queries.read_models import ReadModelQueries
from api.rest.problems import render
from infra.telemetry.graphql import GraphQLTelemetry


@strawberry.type
class Query(IdentityQueries, HistoryQueries, AuditorQueries, ReadModelQueries):
    pass


def build_schema() -> strawberry.Schema:
    # GraphQLTelemetry first: its operation span wraps the other extensions' work.
    return strawberry.Schema(query=Query, extensions=[GraphQLTelemetry, *ERROR_EXTENSIONS, *LIMIT_EXTENSIONS])


def graphql_controller(dev_mode: bool) -> type:
    base = make_graphql_controller(build_schema(), path="/graphql",
                                   graphql_ide="graphiql" if dev_mode else None, context_getter=context_getter)

    class GraphQLController(base):  # type: ignore[misc, valid-type]
        async def execute_request(self, request: Request, context, root_value) -> Response:
            response = await super().execute_request(request, context, root_value)
            if response.status_code == 400 and response.media_type == "text/plain":
                # Strawberry answers a body it cannot parse in plain text; answer in GraphQL's shape.
                return render(request, public("BAD_INPUT", str(response.content)))
            return response

    return GraphQLController
