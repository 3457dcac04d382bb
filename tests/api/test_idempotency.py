"""Idempotency-Key: the same request again is a replay; the key with another request is 422."""

from __future__ import annotations

import json

from tests.api.conftest import bearer, event_count


async def create(client, office, body: dict | str, key: str):
    content = body if isinstance(body, str) else json.dumps(body)
    return await client.post("/api/v1/org-units", content=content, headers={
        **bearer(office["officer"]), "Content-Type": "application/json", "Idempotency-Key": key})


def unit(office, name: str) -> dict:
    return {"kind": "grassroots_union", "name": name, "parent_id": office["district"], "effective": "2020-01-01"}


async def test_a_key_reused_with_another_body_is_refused_and_writes_nothing(client, office, admin):
    first = await create(client, office, unit(office, "CĐCS Công ty A"), "k-1")
    assert first.status_code == 201
    before = await event_count(admin)
    again = await create(client, office, unit(office, "CĐCS Công ty B"), "k-1")
    assert again.status_code == 422
    assert again.json()["code"] == "IDEMPOTENCY_KEY_REUSED" and again.json()["message_vi"]
    assert await event_count(admin) == before


async def test_the_same_body_respelled_is_still_a_replay(client, office, admin):
    body = unit(office, "CĐCS Công ty C")
    first = await create(client, office, body, "k-2")
    before = await event_count(admin)
    reordered = json.dumps(dict(reversed(list(body.items()))), indent=2)
    again = await create(client, office, reordered, "k-2")
    assert again.status_code == 200 and again.json()["replayed"] is True
    assert again.json()["id"] == first.json()["id"]
    assert await event_count(admin) == before


async def test_the_same_key_on_another_path_is_refused(client, office):
    first = await create(client, office, unit(office, "CĐCS Công ty D"), "k-3")
    rename = await client.post(f"/api/v1/org-units/{first.json()['id']}/rename", json={
        "name": "CĐCS Công ty E", "effective": "2021-01-01"}, headers={
        **bearer(office["officer"]), "Idempotency-Key": "k-3"})
    assert rename.status_code == 422 and rename.json()["code"] == "IDEMPOTENCY_KEY_REUSED"
