"""`thidua demo load`: write the demo data (demo/) into the configured database.

`thidua serve` does this by itself on an empty database; this command also adds the demo to
a database that already has tenants (each step is keyed, so what is there is skipped)."""

from __future__ import annotations

import argparse
import asyncio

from infra.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="demo data drawn from the seeds")
    parser.set_defaults(uses_database=True)
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("load", help="load the demo data (a no-op when it is there already)").set_defaults(
        handler=lambda args, settings: asyncio.run(_load(settings)))


async def _load(settings: Settings) -> int:
    from demo.loader import load_demo
    from demo.welcome import announcement
    from infra.platform import open_platform

    async with open_platform(settings) as platform:
        loaded = await load_demo(platform, force=True)
    print(announcement(loaded, settings))
    return 0
