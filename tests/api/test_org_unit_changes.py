"""Move, merge, split and dissolve over HTTP: the tree changes from a date, and every refusal
(stale version, cycle, units left behind, another subtree, bad input) writes nothing."""

from __future__ import annotations

from uuid import uuid4

import pytest

from tests.api.conftest import event_count
from tests.api.story import create_unit, ensure_national_platform, post, provision


@pytest.fixture
async def tree(client, platform, token, tenant_id):
    """Province → two districts; district A has two grassroots unions, district B one."""
    await ensure_national_platform(platform)
    root = await provision(client, token(tenant_id, "platform_admin"), tenant_id)
    officer = token(tenant_id, "officer")
    a = await create_unit(client, officer, root, "district_federation", "LĐLĐ huyện Gò Dầu")
    b = await create_unit(client, officer, root, "district_federation", "LĐLĐ huyện Trảng Bàng")
    units = {"root": root, "a": a, "b": b,
             "a1": await create_unit(client, officer, a, "grassroots_union", "CĐCS Công ty A1"),
             "a2": await create_unit(client, officer, a, "grassroots_union", "CĐCS Trường A2"),
             "b1": await create_unit(client, officer, b, "grassroots_union", "CĐCS Công ty B1")}
    return {"officer": officer, **units}


async def unchanged(admin, call, status: int, code: str) -> dict:
    before = await event_count(admin)
    response, body = await call
    assert (response.status_code, body.get("code")) == (status, code), body
    assert await event_count(admin) == before
    return body


async def test_a_moved_unit_has_its_new_parent_from_the_effective_date(client, tree):
    response, body = await post(client, f"/org-units/{tree['a1']}/move", tree["officer"],
                                {"parent_id": str(tree["b"]), "effective": "2021-07-01", "expected_version": 1})
    assert response.status_code == 201, body
    assert body["version"] == 2


async def test_a_stale_expected_version_on_a_move_is_a_conflict(client, tree, admin):
    await unchanged(admin, post(client, f"/org-units/{tree['a1']}/move", tree["officer"],
                                {"parent_id": str(tree["b"]), "effective": "2021-07-01", "expected_version": 3}),
                    409, "CONFLICT")


async def test_a_district_cannot_move_under_its_own_grassroots_union(client, tree, admin):
    body = await unchanged(admin, post(client, f"/org-units/{tree['a']}/move", tree["officer"],
                                       {"parent_id": str(tree["a1"]), "effective": "2021-07-01"}), 422, "ORG_INVALID_PARENT")
    assert body["message_vi"]


async def test_a_merged_unit_ends_and_a_split_creates_its_successors(client, tree):
    response, body = await post(client, f"/org-units/{tree['a2']}/merge", tree["officer"],
                                {"successor_id": str(tree["a1"]), "effective": "2021-07-01"})
    assert response.status_code == 201, body
    response, body = await post(client, f"/org-units/{tree['b1']}/split", tree["officer"], {
        "effective": "2021-07-01", "into": [{"kind": "grassroots_union", "name": "CĐCS Công ty B1-1"},
                                            {"kind": "grassroots_union", "name": "CĐCS Công ty B1-2",
                                             "parent_id": str(tree["a"])}]})
    assert response.status_code == 201, body
    assert body["id"] == str(tree["b1"]) and len(body["created"]) == 2


async def test_a_unit_with_active_children_cannot_be_dissolved_but_a_leaf_can(client, tree, admin):
    await unchanged(admin, post(client, f"/org-units/{tree['b']}/dissolve", tree["officer"],
                                {"effective": "2021-07-01"}), 422, "ORG_HAS_ACTIVE_CHILDREN")
    response, body = await post(client, f"/org-units/{tree['b1']}/dissolve", tree["officer"],
                                {"effective": "2021-07-01", "expected_version": 1})
    assert response.status_code == 201, body


async def test_an_officer_cannot_move_a_unit_into_or_out_of_another_subtree(client, tree, token, tenant_id, admin):
    officer_a = token(tenant_id, "officer", unit=str(tree["a"]))
    await unchanged(admin, post(client, f"/org-units/{tree['a1']}/move", officer_a,
                                {"parent_id": str(tree["b"]), "effective": "2021-07-01"}), 403, "FORBIDDEN")
    await unchanged(admin, post(client, f"/org-units/{tree['b1']}/merge", officer_a,
                                {"successor_id": str(tree["a1"]), "effective": "2021-07-01"}), 403, "FORBIDDEN")
    await unchanged(admin, post(client, f"/org-units/{tree['a1']}/split", officer_a, {
        "effective": "2021-07-01", "into": [{"kind": "grassroots_union", "name": "X", "parent_id": str(tree["b"])}]}),
        403, "FORBIDDEN")


@pytest.mark.parametrize("path, body, code, status", [
    ("move", {"parent_id": "b", "effective": "2021-02-29"}, "BAD_INPUT", 400),
    ("move", {"parent_id": "b", "effective": "2021-07-01", "reason": "x"}, "BAD_INPUT", 400),
    ("merge", {"successor_id": "not-a-uuid", "effective": "2021-07-01"}, "BAD_INPUT", 400),
    ("split", {"effective": "2021-07-01", "into": [{"kind": "grassroots_union", "name": "X", "size": 3}]},
     "BAD_INPUT", 400),
    ("dissolve", {}, "BAD_INPUT", 400),
    ("move", {"parent_id": "unknown", "effective": "2021-07-01"}, "NOT_FOUND", 404),
])
async def test_bad_org_change_input_is_refused_and_changes_nothing(client, tree, admin, path, body, code, status):
    body = {k: {"b": str(tree["b"]), "unknown": str(uuid4())}.get(v, v) if isinstance(v, str) else v
            for k, v in body.items()}
    await unchanged(admin, post(client, f"/org-units/{tree['a1']}/{path}", tree["officer"], body), status, code)


async def test_a_unit_of_another_tenant_is_not_found(client, tree, token, other_tenant_id, admin):
    await unchanged(admin, post(client, f"/org-units/{tree['b1']}/dissolve", token(other_tenant_id, "officer"),
                                {"effective": "2021-07-01"}), 404, "NOT_FOUND")
