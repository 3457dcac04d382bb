"""Production mode is the default: `thidua serve` refuses the built-in secrets, GraphQL is
closed to introspection and GraphiQL, the demo prints no platform_admin token. `make run`
(THIDUA_DEV=1) keeps them all."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from litestar.testing import AsyncTestClient

from api.app import create_app
from demo.loader import DemoLoad
from demo.welcome import announcement
from infra.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
THIDUA = str(Path(sys.executable).parent / "thidua")
INTROSPECTION = {"query": "{ __schema { queryType { name } } }"}


def serve(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("THIDUA_", "DATABASE_URL"))}
    return subprocess.run([THIDUA, "serve"], env=clean | env, cwd=ROOT, capture_output=True, text=True, timeout=60)


def dev(settings: Settings, on: bool) -> Settings:
    return replace(settings, server=replace(settings.server, dev_mode=on))


def test_serve_refuses_the_built_in_secret_and_password_in_one_line():
    done = serve()
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "THIDUA_JWT_SECRET" in done.stderr and "THIDUA_APP_PASSWORD" in done.stderr


def test_serve_refuses_the_built_in_password_alone():
    done = serve(THIDUA_JWT_SECRET="a-real-secret-of-this-deployment")
    assert done.returncode != 0
    assert "THIDUA_APP_PASSWORD" in done.stderr and "THIDUA_JWT_SECRET" not in done.stderr


def test_production_is_the_default_and_dev_mode_is_asked_for():
    assert Settings.from_env({}).server.dev_mode is False
    assert Settings.from_env({}).server.load_demo is False  # no demo data in a production database
    asked = Settings.from_env({"THIDUA_DEV": "1"})
    assert asked.server.dev_mode and asked.server.load_demo and asked.unsafe_defaults() == []
    secrets = {"THIDUA_JWT_SECRET": "s" * 32, "THIDUA_APP_PASSWORD": "p" * 16}
    assert Settings.from_env(secrets).unsafe_defaults() == []
    assert "THIDUA_DEV=1" in (ROOT / "Makefile").read_text()  # `make run` opts in


async def test_production_closes_introspection_and_graphiql(admin_url):
    async with AsyncTestClient(app=create_app(dev(Settings(), False), admin_url)) as client:
        closed = (await client.post("/graphql", json=INTROSPECTION)).json()
        page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert closed.get("data") is None and closed["errors"]
    assert "introspection" in closed["errors"][0]["message"].lower()
    assert "graphiql" not in page.text.lower()


async def test_dev_mode_keeps_introspection_and_graphiql(admin_url):
    async with AsyncTestClient(app=create_app(dev(Settings(), True), admin_url)) as client:
        opened = (await client.post("/graphql", json=INTROSPECTION)).json()
        page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert opened["data"]["__schema"]["queryType"]["name"] == "Query"
    assert page.status_code == 200 and "graphiql" in page.text.lower()


def test_the_demo_prints_a_platform_admin_token_in_dev_mode_only():
    from demo import ids
    from demo.accounts import PASSWORD

    plans = {f"{ids.TAY_NINH}/seed_001": "p1", f"{ids.SO_LDTBXH}/seed_004": "p4"}
    loaded = DemoLoad(written=1, seconds=0.1, plans=plans)
    production, development = announcement(loaded, dev(Settings(), False)), announcement(loaded, dev(Settings(), True))
    assert "platform_admin:\n    ey" not in production and "officer" in production
    assert "platform_admin:\n    ey" in development
    assert PASSWORD in development and PASSWORD not in production, "demo passwords are for development only"
