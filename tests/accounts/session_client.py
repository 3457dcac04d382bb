"""Driving the API as a signed-in person: the session cookie and the CSRF token it needs."""

from __future__ import annotations

import json
from dataclasses import dataclass

from api.auth.request import CSRF_HEADER


@dataclass
class Signed:
    cookie_name: str
    cookie: str
    csrf: str


async def sign_in(client, email: str, password: str) -> Signed:
    client.cookies.clear()
    response = await client.post("/api/v1/session", json={"email": email, "password": password})
    assert response.status_code == 201, response.text
    name = next(n for n in response.cookies if n.endswith("thidua_session"))
    signed = Signed(name, response.cookies[name], response.json()["csrf_token"])
    client.cookies.clear()  # each call names its session, so several people share one client
    return signed


def headers(signed: Signed | None, csrf: bool = True) -> dict[str, str]:
    if signed is None:
        return {}
    out = {"Cookie": f"{signed.cookie_name}={signed.cookie}"}
    return {**out, CSRF_HEADER: signed.csrf} if csrf else out


async def send(client, method: str, path: str, signed: Signed | None, body: dict | None = None, csrf: bool = True):
    response = await client.request(method, f"/api/v1{path}", headers={
        **headers(signed, csrf), "Content-Type": "application/json"},
        content=json.dumps(body, default=str) if body is not None else None)
    client.cookies.clear()
    return response, (response.json() if response.content else None)
