"""Relay pagination at national scale: every unit once, in a stable order, whatever the page
size; bad cursors and page sizes answer BAD_INPUT, and one tenant's cursor opens nothing of
another's."""

from __future__ import annotations

from datetime import date

import pytest

from bench.stream_writer import StreamWriter
from domain.organisation import OrgUnit
from infra.serialization import create_mapper
from projections.engine.batch import catch_up
from projections.read_models.org_tree import OrgTreeProjection
from tests.api.conftest import codes, gql
from tests.api.test_commands import province  # noqa: F401  (fixture)

UNITS = 5_000
CHILDREN = """query($unit: UUID!, $first: Int, $after: String) {
  unitChildren(unit: $unit, first: $first, after: $after) {
    edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }"""


@pytest.fixture
async def crowded(platform, province, tenant_id):  # noqa: F811
    """5,000 grassroots unions under one district, recorded as events and projected: many
    share a name (only the id breaks the tie), some spelled with and some without accents."""
    district = await platform.repository.get(tenant_id, province["district"])
    writer = StreamWriter(platform.store, tenant_id, create_mapper())
    for i in range(UNITS):
        name = f"Công đoàn cơ sở {i % 617:03d}" if i % 2 else f"CĐCS Trường {i % 911:03d}"
        await writer.add(OrgUnit.create(tenant_id=tenant_id, kind="grassroots_union", name=name, parent=district,
                                        effective=date(2020, 1, 1)))
    await writer.flush()
    await catch_up(platform.db, OrgTreeProjection(), tenant_id)
    return province


async def _walk(client, officer: str, unit: str, first: int) -> list[dict]:
    seen, after, pages = [], None, 0
    while True:
        response, body = await gql(client, CHILDREN, officer, unit=unit, first=first, after=after)
        assert response.status_code == 200 and "errors" not in body, body
        connection = body["data"]["unitChildren"]
        assert connection["pageInfo"]["hasPreviousPage"] is (after is not None)
        seen += [e["node"] for e in connection["edges"]]
        pages += 1
        if not connection["pageInfo"]["hasNextPage"]:
            break
        assert len(connection["edges"]) == first
        after = connection["pageInfo"]["endCursor"]
        assert after == connection["edges"][-1]["cursor"]
    assert pages == -(-len(seen) // first)
    return seen


async def test_paging_through_5000_children_visits_each_exactly_once(client, platform, crowded, admin, tenant_id):
    expected = {str(r["unit_id"]) for r in await admin.fetch(
        "SELECT unit_id FROM org_units WHERE tenant_id = $1 AND parent_id = $2", tenant_id, crowded["district"])}
    assert len(expected) == UNITS + 1  # the fixture's own grassroots union too

    by_100 = await _walk(client, crowded["officer"], str(crowded["district"]), 100)
    ids = [u["id"] for u in by_100]
    assert len(ids) == len(set(ids)) and set(ids) == expected
    # the order is the server's (its collation of names), the id breaking ties
    ordered = [str(r["unit_id"]) for r in await admin.fetch(
        "SELECT unit_id FROM org_units WHERE tenant_id = $1 AND parent_id = $2 AND ended_on IS NULL"
        " ORDER BY name, unit_id", tenant_id, crowded["district"])]
    assert ids == ordered

    by_37 = await _walk(client, crowded["officer"], str(crowded["district"]), 37)
    assert [u["id"] for u in by_37] == ids  # the same order whatever the page size



async def test_bad_cursors_and_page_sizes_answer_bad_input(client, province):  # noqa: F811
    for first, after in ((0, None), (101, None), (10, "not-a-cursor"), (10, "WyJ4Il0"), (10, "WyJ4IiwieSJd")):
        response, body = await gql(client, CHILDREN, province["officer"], unit=str(province["district"]), first=first,
                                   after=after)
        assert codes(body) == ["BAD_INPUT"], (first, after, body)
        assert body["errors"][0]["extensions"]["rule"].startswith("graphql.page.")
        assert response.status_code == 400


async def test_a_cursor_opens_nothing_of_another_tenant(client, province, token, other_tenant_id):  # noqa: F811
    _, body = await gql(client, CHILDREN, province["officer"], unit=str(province["district"]), first=1)
    cursor = body["data"]["unitChildren"]["pageInfo"]["endCursor"]
    stranger = token(other_tenant_id, "officer")
    _, body = await gql(client, CHILDREN, stranger, unit=str(province["district"]), first=10, after=None)
    assert body["data"]["unitChildren"]["edges"] == []
    _, body = await gql(client, CHILDREN, stranger, unit=str(province["district"]), first=10, after=cursor)
    assert body["data"]["unitChildren"]["edges"] == []

