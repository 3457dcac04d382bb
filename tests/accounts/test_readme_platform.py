"""The README's `platform` example, run as written on a fresh database, twice."""

from __future__ import annotations

import asyncio
import os
import subprocess
from uuid import uuid4

from infra.scratch_database import scratch_database
from tests.demo.test_readme import ROOT, THIDUA, readme_examples


def _run(script: str, url: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")} | {"DATABASE_URL": url}
    done = subprocess.run(["bash", "-c", "set -e\n" + script.replace(".venv/bin/thidua", THIDUA)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


async def test_the_readme_platform_init_prints_a_link_once(admin_url):
    (block,) = [code for kind, code in readme_examples() if kind == "platform"]
    async with scratch_database(admin_url, f"thidua_readme_{uuid4().hex[:8]}") as url:
        first = await asyncio.to_thread(_run, block, url)
        assert "quantri@example.vn" in first and "/account/accept?token=" in first
        second = await asyncio.to_thread(_run, block, url)
        assert "nothing changed" in second and "token=" not in second
