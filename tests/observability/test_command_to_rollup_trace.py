"""End to end over HTTP: a REST command, the projections catching up, a GraphQL rollup query;
the spans link up (request -> append -> queries; event metadata -> batch span link; request ->
GraphQL operation -> resolver -> queries) and the metrics move by exactly what was done."""

from __future__ import annotations

import asyncio
from collections import Counter

from litestar.testing import AsyncTestClient
from opentelemetry.trace import SpanKind, format_span_id, format_trace_id

from api.app import create_app
from infra.settings import Settings
from projections.engine.runner import ProjectionRunner
from services.auth.tokens import mint_token
from tests.api.conftest import gql
from tests.api.story import create_unit, ensure_national_platform, post, provision
from tests.api.test_commands import TARGETS, _launched_plan
from tests.observability.test_http_telemetry import descends_from, server_span

SETTINGS = Settings()
ROLLUP = """query Rollup($t: String!, $plan: UUID!, $node: UUID!) {
  rollup(planTenant: $t, planId: $plan, node: $node) { nodeId metrics { unitsRegistered } } }"""
APPENDED, APPEND_SECONDS = "thidua.eventstore.events_appended", "thidua.eventstore.append.duration"
GRAPHQL_SECONDS, LAG = "thidua.graphql.operation.duration", "thidua.projection.lag"
ROLLUP_OPERATION = {"graphql.operation.name": "Rollup", "graphql.operation.type": "query"}


def token(tenant: str, *roles: str, **claims) -> str:
    return mint_token(SETTINGS.auth.jwt_secret, tenant=tenant, roles=roles, **claims)


def points(sink, name: str, attributes: dict) -> list:
    """The metric's data points whose attributes include these (an empty list: never reported)."""
    data = sink.reader.get_metrics_data()
    return [p for r in data.resource_metrics for s in r.scope_metrics for m in s.metrics if m.name == name
            for p in m.data.data_points if attributes.items() <= dict(p.attributes).items()]


def gauge_points(sink, name: str, attributes: dict) -> list[float]:
    return [p.value for p in points(sink, name, attributes)]


def appended_by_type(sink, tenant: str) -> dict[str, int]:
    return {p.attributes["thidua.event_type"]: p.value for p in points(sink, APPENDED, {"thidua.tenant": tenant})}


async def a_province_with_a_launched_plan(client, platform, tenant: str) -> dict:
    await ensure_national_platform(platform)
    root = await provision(client, token(tenant, "platform_admin"), tenant)
    officer = token(tenant, "officer")
    district = await create_unit(client, officer, root, "district_federation", "LĐLĐ huyện Gò Dầu")
    grassroots = await create_unit(client, officer, district, "grassroots_union", "CĐCS Công ty A", enterprise=True)
    province = {"district": district, "grassroots": grassroots, "officer": officer}
    return {**province, "plan": await _launched_plan(client, province)}


async def rollups_caught_up(sink, platform, tenant: str, head: int, within_s: float = 60.0) -> None:
    """Run the projection runner until the rollups of `tenant` reported zero lag at the head."""
    mine = {"thidua.projection": "rollups", "thidua.tenant": tenant}

    def done() -> bool:
        reached = [s for s in sink.finished("projection rollups") if s.attributes["thidua.tenant"] == tenant
                   and s.attributes["thidua.to_position"] >= head]
        return bool(reached) and gauge_points(sink, f"{LAG}.events", mine) == [0]

    async with ProjectionRunner(platform.db, poll_interval=0.05):
        for _ in range(int(within_s / 0.05)):
            if done():
                return
            await asyncio.sleep(0.05)
    raise TimeoutError(f"rollups of {tenant} did not catch up to {head}")


def check_command_trace(sink, request, stored) -> list:
    """Request span -> append spans -> their queries; the events name a span of the request."""
    spans, appends = sink.finished(), sink.finished("eventstore.append")
    assert request.kind == SpanKind.SERVER
    assert appends and all(descends_from(a, request, spans) for a in appends)
    for append in appends:
        inside = [s for s in spans if s.parent and s.parent.span_id == append.context.span_id]
        assert any("thidua_append" in (s.attributes.get("db.statement") or "") for s in inside)
        assert all(s.attributes.get("db.system") == "postgresql" for s in inside)
    assert sum(a.attributes["thidua.event_count"] for a in appends) == len(stored)
    in_request = {format_span_id(s.context.span_id) for s in spans
                  if s is request or descends_from(s, request, spans)}
    assert all(r["span_id"] in in_request for r in stored)
    return appends


def check_rollup_query_trace(sink) -> None:
    """Request span -> GraphQL operation -> resolver -> every query of the request."""
    spans, request = sink.finished(), server_span(sink, "/graphql")
    operation, resolver = sink.only("GraphQL Query: Rollup"), sink.only("GraphQL Resolving: rollup")
    assert operation.parent.span_id == request.context.span_id
    assert resolver.parent.span_id == operation.context.span_id
    queries = [s for s in spans if s.attributes.get("db.system") == "postgresql"
               and s.context.trace_id == request.context.trace_id]
    assert queries and all(descends_from(q, resolver, spans) for q in queries)


async def test_a_command_and_a_rollup_query_trace_from_request_to_event_to_read_model(
        sink, admin_url, platform, admin, tenant_id):
    by_tenant = {"thidua.tenant": tenant_id}
    rollups = {"thidua.projection": "rollups", **by_tenant}
    async with AsyncTestClient(app=create_app(SETTINGS, admin_url)) as client:
        province = await a_province_with_a_launched_plan(client, platform, tenant_id)
        appended_before, appends_before = appended_by_type(sink, tenant_id), sink.metric(APPEND_SECONDS)
        sink.spans.clear()
        response, body = await post(client, "/registrations", province["officer"], {
            "plan_id": province["plan"], "unit_id": str(province["grassroots"]), "phase": "90 ngày nước rút",
            "on": "2021-10-05", "targets": TARGETS})
        assert response.status_code == 201, body

        request = server_span(sink, "/api/v1/registrations")
        stored = await admin.fetch("SELECT tenant_id, position, topic, metadata->>'trace_id' AS trace_id,"
                                   " metadata->>'span_id' AS span_id FROM events"
                                   " WHERE metadata->>'trace_id' = $1 ORDER BY position",
                                   format_trace_id(request.context.trace_id))
        assert stored and {r["tenant_id"] for r in stored} == {tenant_id}
        assert body["position"] == stored[-1]["position"]
        appends = check_command_trace(sink, request, stored)
        appended = appended_by_type(sink, tenant_id)
        moved = {t: n - appended_before.get(t, 0) for t, n in appended.items() if n != appended_before.get(t, 0)}
        assert moved == dict(Counter(r["topic"] for r in stored))
        assert sink.metric(APPEND_SECONDS) - appends_before == len(appends)

        # The rollups batch span, in a trace of its own, links back to the request's span.
        await rollups_caught_up(sink, platform, tenant_id, stored[-1]["position"])
        batches = [s for s in sink.finished("projection rollups") if s.attributes["thidua.tenant"] == tenant_id]
        links = {(format_trace_id(link.context.trace_id), format_span_id(link.context.span_id))
                 for batch in batches for link in batch.links}
        assert {(r["trace_id"], r["span_id"]) for r in stored} <= links
        assert all(b.context.trace_id != request.context.trace_id for b in batches)
        assert gauge_points(sink, f"{LAG}.events", rollups) == [0]
        assert gauge_points(sink, f"{LAG}.seconds", rollups) == [0]
        assert set(gauge_points(sink, f"{LAG}.events", by_tenant)) == {0}, "every projection caught up"

        graphql_before = sink.metric(GRAPHQL_SECONDS, ROLLUP_OPERATION)
        sink.spans.clear()
        response, rollup = await gql(client, ROLLUP, token("national", "national"), t=tenant_id,
                                     plan=province["plan"], node=str(province["district"]))
    assert response.status_code == 200 and "errors" not in rollup, rollup
    assert rollup["data"]["rollup"]["metrics"]["unitsRegistered"] == 1
    check_rollup_query_trace(sink)
    assert sink.metric(GRAPHQL_SECONDS, ROLLUP_OPERATION) - graphql_before == 1
