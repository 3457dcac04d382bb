"""`thidua serve` ends cleanly: SIGTERM or Ctrl-C stops the runner child and the embedded
PostgreSQL it started, with no traceback; a database it cannot reach or a bad setting is one line, not a traceback."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest

ROOT = Path(__file__).resolve().parents[2]
THIDUA = str(Path(sys.executable).parent / "thidua")
SECRETS = {"THIDUA_JWT_SECRET": "a-secret-of-this-test-only", "THIDUA_APP_PASSWORD": "a-password-of-this-test"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("THIDUA_", "DATABASE_URL"))}
    return clean | SECRETS | extra


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()


def children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in found]


def wait_until(condition, within_s: float, what: str) -> None:
    deadline = time.monotonic() + within_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        time.sleep(0.2)


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


@pytest.mark.parametrize("stop", ["SIGTERM to the server", "Ctrl-C to its process group"])
def test_stopping_serve_stops_its_runner_and_embedded_database_without_a_traceback(tmp_path, stop):
    port, data_dir = free_port(), tmp_path / "pgdata"
    env = environment(THIDUA_DATA_DIR=str(data_dir), THIDUA_PORT=str(port), THIDUA_DEMO="0")
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([THIDUA, "serve"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    try:
        wait_until(lambda: healthy(port) or server.poll() is not None, 90, "serve did not answer")
        assert server.poll() is None, log.read_text()
        wait_until(lambda: children(server.pid), 30, "no runner child")
        runner = children(server.pid)[0]
        postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
        assert alive(runner) and alive(postmaster)

        if stop.startswith("SIGTERM"):
            server.send_signal(signal.SIGTERM)
        else:
            os.killpg(server.pid, signal.SIGINT)
        code = server.wait(60)
    finally:
        if server.poll() is None:
            server.kill()
    output = log.read_text()
    assert code in (0, 130), output
    assert "Traceback" not in output, output
    wait_until(lambda: not alive(runner), 20, "the runner child outlived serve")
    wait_until(lambda: not alive(postmaster), 20, "the embedded PostgreSQL outlived serve")


@pytest.mark.parametrize("url", [
    "postgresql://thidua:hunter2@127.0.0.1:{closed}/thidua",  # nothing listens
    "postgresql://thidua:hunter2@no-such-host.invalid/thidua",  # no such host
    "mysql://thidua@127.0.0.1/thidua",  # not PostgreSQL
])
def test_a_database_that_cannot_be_reached_is_one_line_and_a_failing_exit(url):
    url = url.format(closed=free_port())
    for argv in (["serve"], ["audit", "verify"], ["projections", "status"]):
        done = subprocess.run([THIDUA, *argv], env=environment(DATABASE_URL=url), cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 2, (argv, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, (argv, done.stderr)
        assert "DATABASE_URL" in done.stderr and "hunter2" not in done.stderr


def test_a_bad_setting_is_one_line():
    done = subprocess.run([THIDUA, "serve"], env=environment(THIDUA_PORT="eighty"), cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.strip() == "thidua: error: bad setting: THIDUA_PORT='eighty'" \
        " is not a whole number"


async def test_a_runner_stopped_in_the_middle_of_its_catch_up_ends_cleanly(admin_url):
    """SIGTERM (how `serve` and `--workers` stop a runner child) while it is busy: the batch in
    flight rolls back or commits, the pool closes in the loop, exit 0, no traceback.

    The runner gets a database of its own: in the suite's shared one it would first catch up
    every earlier test's tenants, one event a batch, and time out before reaching this one."""
    from infra.platform import open_platform
    from infra.scratch_database import scratch_database
    from infra.settings import Settings
    from tests.projections import builders as b
    from tests.projections.helpers import checkpoint, head

    tenant_id = "t-runner-stopped"
    async with scratch_database(admin_url, f"thidua_runner_{uuid4().hex[:10]}") as url, \
            open_platform(Settings(), url) as platform:
        province = b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh", b.external_parent())
        await platform.repository.save(tenant_id, province)
        for start in range(0, 400, 50):
            await platform.repository.save(tenant_id, *(b.unit(tenant_id, "grassroots_union", f"CĐCS {i}", province)
                                                       for i in range(start, start + 50)))
        env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")} | {
            "DATABASE_URL": url, "THIDUA_DEV": "1", "THIDUA_DEMO": "0"}  # the test database's own app password
        runner = subprocess.Popen([THIDUA, "projections", "run", "--batch-size", "1"], cwd=ROOT, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        admin = await asyncpg.connect(url)
        try:
            deadline = time.monotonic() + 60
            while await checkpoint(admin, tenant_id, "org_tree") == 0 and runner.poll() is None \
                    and time.monotonic() < deadline:
                await asyncio.sleep(0.01)
            started = runner.poll() is None
            runner.send_signal(signal.SIGTERM)
            _, err = runner.communicate(timeout=60)
            assert started, f"the runner ended or projected nothing in 60 s: {err}"
            assert runner.returncode == 0, err
            assert "Traceback" not in err and "Task was destroyed" not in err, err
            assert await checkpoint(admin, tenant_id, "rollups") < await head(admin, tenant_id), "stopped half-way"
        finally:
            if runner.poll() is None:
                runner.kill()
                runner.communicate()
            await admin.close()
