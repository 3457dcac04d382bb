from __future__ import annotations

import json
from uuid import uuid4

import strawberry

from infra.records import NewEvent
from infra.telemetry.graphql import GraphQLTelemetry
from tests.log import read_log


@strawberry.type
class Query:
    @strawberry.field
    async def head(self, info: strawberry.Info, tenant: str) -> int:
        return (await info.context["platform"].store.head(tenant)).position


@strawberry.type
class Mutation:
    @strawberry.mutation
    async def record(self, info: strawberry.Info, tenant: str) -> int:
        event = NewEvent("tests.observability:Recorded", json.dumps({}))
        return (await info.context["platform"].store.append(tenant, uuid4(), 0, [event])).last_position


schema = strawberry.Schema(query=Query, mutation=Mutation, extensions=[GraphQLTelemetry])


async def test_a_graphql_mutation_then_query_nest_append_and_queries_under_their_operations(sink, platform, tenant_id):
    context = {"platform": platform}
    done = await schema.execute(f'mutation Record {{ record(tenant: "{tenant_id}") }}', context_value=context)
    read = await schema.execute(f'query Head {{ head(tenant: "{tenant_id}") }}', context_value=context)

    assert done.errors is None and read.errors is None and read.data == {"head": 1}
    mutation, query = sink.only("GraphQL Query: Record"), sink.only("GraphQL Query: Head")
    resolver = sink.only("GraphQL Resolving: record")
    append = sink.only("eventstore.append")
    assert resolver.parent.span_id == mutation.context.span_id
    assert append.parent.span_id == resolver.context.span_id
    (stored,) = await read_log(platform, tenant_id)
    assert stored.metadata["span_id"] == format(resolver.context.span_id, "016x")
    head_query = sink.only("GraphQL Resolving: head")
    assert head_query.parent.span_id == query.context.span_id


async def test_graphql_operation_latency_is_recorded_by_type_and_name(sink, platform, tenant_id):
    name = {"graphql.operation.name": "Head", "graphql.operation.type": "query"}
    before = sink.metric("thidua.graphql.operation.duration", name)

    await schema.execute(f'query Head {{ head(tenant: "{tenant_id}") }}', context_value={"platform": platform})
    await schema.execute(f'query Head {{ head(tenant: "{tenant_id}") }}', context_value={"platform": platform})

    assert sink.metric("thidua.graphql.operation.duration", name) == before + 2
