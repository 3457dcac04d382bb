"""The README's "Try it" examples, run as written (curl in bash) against `thidua serve` on a
fresh database: serve loads the demo, its in-process runner catches up, every example answers."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pypdf
import pytest

from tests.demo.conftest import drop_database, fresh_database, wait_caught_up

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"<!-- try: (\w+) -->\n```sh\n(.*?)```", re.S)
THIDUA = str(Path(sys.executable).parent / "thidua")

pytestmark = pytest.mark.skipif(shutil.which("curl") is None, reason="the README's examples use curl")


def readme_examples() -> list[tuple[str, str]]:
    return BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
async def served(admin_url, tmp_path_factory):
    """`thidua serve` on a fresh database: (port, its output file)."""
    url, port = await fresh_database(admin_url), free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    # THIDUA_DEV=1 as `make run` sets it: the demo and GraphiQL the README shows are development features.
    env |= {"DATABASE_URL": url, "THIDUA_PORT": str(port), "THIDUA_HOST": "127.0.0.1", "THIDUA_DEV": "1"}
    with log.open("w") as out:
        server = subprocess.Popen([THIDUA, "serve"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        await _healthy(port, server, log)
        await wait_caught_up(url)
        yield port, log
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        await drop_database(admin_url, url)


async def _healthy(port: int, server: subprocess.Popen, log: Path, within_s: float = 60.0) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(int(within_s * 5)):
            if server.poll() is not None:
                raise RuntimeError(f"thidua serve exited: {log.read_text()}")
            try:
                if (await client.get(f"http://127.0.0.1:{port}/health")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise TimeoutError(f"thidua serve did not answer: {log.read_text()}")


def bash(script: str, port: int, env: dict[str, str] | None = None, cwd: Path = ROOT) -> str:
    script = "set -e\n" + script.replace("127.0.0.1:8000", f"127.0.0.1:{port}").replace(".venv/bin/thidua", THIDUA)
    done = subprocess.run(["bash", "-c", script], cwd=cwd, capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def tokens_env(served) -> dict[str, str]:
    """The environment after the README's setup block (run once: each token is a CLI start)."""
    setup = next(code for kind, code in readme_examples() if kind == "setup")
    return dict(line.split("=", 1) for line in bash(setup + "\nenv", served[0]).splitlines() if "=" in line)


def run_block(port: int, env: dict[str, str], block: str) -> dict:
    return json.loads(bash(block, port, env))


def test_the_readme_has_examples_of_every_kind():
    kinds = [kind for kind, _ in readme_examples()]
    assert kinds.count("setup") == 1 and kinds.count("graphql") >= 4 and "rest" in kinds


async def test_serve_loads_the_demo_and_prints_a_token_per_role(served):
    _, log = served
    output = log.read_text()
    assert "Demo data loaded" in output
    for role in ("platform_admin", "officer", "viewer", "national", "auditor"):
        assert f"  {role}" in output


async def test_every_readme_example_answers_with_data(served, tokens_env):
    port, _ = served
    for kind, code in readme_examples():
        if kind == "graphql":
            body = run_block(port, tokens_env, code)
            assert "errors" not in body, (code, body)
            assert body["data"] and all(body["data"].values()), (code, body)
        elif kind == "rest":
            first, again = run_block(port, tokens_env, code), run_block(port, tokens_env, code)
            assert first.get("replayed") is False, first
            assert again == {**first, "replayed": True}
        elif kind == "import":  # a dry run of the exported tree: every row already there
            answer = run_block(port, tokens_env, code)
            assert "report" in answer, answer
            report = answer["report"]
            assert report["dry_run"] and report["ok"] and report["unchanged"] == report["rows"] > 0, report


async def test_the_readme_document_example_downloads_the_plan_as_a_pdf(served, tokens_env, tmp_path):
    port, _ = served
    block = next(code for kind, code in readme_examples() if kind == "document")
    bash(block, port, tokens_env, cwd=tmp_path)
    (pdf,) = tmp_path.glob("*.pdf")
    text = " ".join((page.extract_text() or "") for page in pypdf.PdfReader(pdf).pages)
    assert "KẾ HOẠCH" in text and "BẢNG ĐĂNG KÝ" not in text


async def test_the_national_rollup_example_breaks_down_by_province(served, tokens_env):
    port, _ = served
    rollup = next(code for kind, code in readme_examples() if kind == "graphql" and "rollup(" in code)
    children = run_block(port, tokens_env, rollup)["data"]["rollup"]["children"]
    registered = {c["name"]: c["metrics"]["registrations"] for c in children}
    assert all(registered[f"Liên đoàn Lao động tỉnh {p}"] > 0 for p in ("Bình Phước", "Tây Ninh", "Kiên Giang"))


async def test_the_demo_people_sign_in_to_the_web_app(served):
    """`make run` prints a demo account per kind of user; each opens the start page."""
    from demo.accounts import PASSWORD, PEOPLE

    port, log = served
    assert all(person.email in log.read_text() for person in PEOPLE)
    for person in PEOPLE:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as browser:
            signed = await browser.post("/sign-in", data={"email": person.email, "password": PASSWORD, "next": "/"})
            assert signed.status_code == 303, signed.text
            start = await browser.get("/")
            assert start.status_code == 200 and "<main" in start.text, person.email
