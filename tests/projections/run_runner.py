"""`python -m tests.projections.run_runner ADMIN_URL [--counting] [--batch N] [--delay S]`:
a runner in its own process, for the kill and two-runner tests."""

from __future__ import annotations

import argparse
import asyncio

from infra.database import Database
from infra.settings import DatabaseSettings
from projections.engine.runner import ProjectionRunner
from projections.registry import all_projections
from tests.projections.counting import CountingProjection


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("admin_url")
    parser.add_argument("--counting", action="store_true")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    db = await Database.open(args.admin_url, DatabaseSettings())
    CountingProjection.delay = args.delay
    projections = [CountingProjection()] if args.counting else all_projections()
    async with ProjectionRunner(db, projections, batch_size=args.batch, poll_interval=0.2):
        print("runner started", flush=True)
        await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
