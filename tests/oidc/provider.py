"""Starting and stopping the test OpenID Connect provider (tests/oidc/provider.mjs, panva's
oidc-provider under node) on 127.0.0.1, on a port the OS chooses.

Without node or its installed packages the OIDC tests are skipped on a developer's machine
and fail in CI (CI set): CI must never pass by skipping them. `make test` installs the
packages (`npm ci --prefix tests/oidc`); `.ci/run` installs node and npm when missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).parent
START_TIMEOUT_S = 30


@dataclass(frozen=True)
class Client:
    client_id: str
    client_secret: str
    redirect_uri: str

    def metadata(self) -> dict:
        return {"client_id": self.client_id, "client_secret": self.client_secret,
                "redirect_uris": [self.redirect_uri], "grant_types": ["authorization_code"],
                "response_types": ["code"], "token_endpoint_auth_method": "client_secret_basic"}


@dataclass(frozen=True)
class RunningProvider:
    issuer: str
    clients: tuple[Client, ...]


def node_or_skip() -> str:
    """The node binary, once the provider's packages are installed; skip (fail in CI) otherwise."""
    node = shutil.which("node")
    missing = ("node is not installed (apt-get install nodejs npm)" if node is None
               else None if (HERE / "node_modules" / "oidc-provider").is_dir()
               else "the test provider's packages are not installed (npm ci --prefix tests/oidc)")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"OpenID Connect tests cannot run in CI: {missing}")
        pytest.skip(f"OpenID Connect tests skipped: {missing}")
    return node


@contextmanager
def running_provider(*clients: Client) -> Iterator[RunningProvider]:
    """The provider serving `clients`, once it answers its discovery document; stopped after."""
    env = {**os.environ, "OIDC_CLIENTS": json.dumps([c.metadata() for c in clients])}
    node = node_or_skip()
    log = tempfile.TemporaryFile(mode="w+")  # its warnings; read back only if it fails to start
    process = subprocess.Popen([node, str(HERE / "provider.mjs")], cwd=HERE, env=env, stdout=subprocess.PIPE,
                               stderr=log, text=True)
    try:
        issuer = _issuer_line(process, log)
        _wait_for_discovery(issuer)
        yield RunningProvider(issuer, clients)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        log.close()


def _issuer_line(process: subprocess.Popen, log) -> str:
    """The first JSON line the provider prints; its log lines (warnings) are skipped."""
    found: list[str] = []

    def read() -> None:
        for line in process.stdout:
            if line.startswith("{"):
                found.append(json.loads(line)["issuer"])
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(START_TIMEOUT_S)
    if not found:
        process.kill()
        log.seek(0)
        raise RuntimeError(f"the test OIDC provider did not start: {log.read()[-2000:]}")
    return found[0]


def _wait_for_discovery(issuer: str) -> None:
    import httpx

    with httpx.Client(timeout=5) as http:
        for _ in range(50):
            try:
                if http.get(f"{issuer}/.well-known/openid-configuration").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            threading.Event().wait(0.1)
    raise RuntimeError(f"the test OIDC provider at {issuer} never served its discovery document")
