"""`thidua serve`: the HTTP API on an ASGI server."""

from __future__ import annotations

import argparse

from cli.startup import fail
from infra.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser("serve", help="run the HTTP API (and the projection runner)")
    serve.add_argument("--host", help="bind address (THIDUA_HOST, default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (THIDUA_PORT, default 8000)")
    serve.set_defaults(handler=run, uses_database=True)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if unsafe := settings.unsafe_defaults():
        return fail(f"production mode refuses to start: {'; '.join(unsafe)}."
                    " Set them, or THIDUA_DEV=1 for development (make run does).")

    import uvicorn

    from api.app import create_app
    from cli.background import background
    from infra.gc_policy import freeze_startup_heap

    host = args.host or settings.server.host
    port = args.port or settings.server.port
    app = create_app(settings, background=lambda platform: background(platform, settings))
    freeze_startup_heap()  # request latency first: no full collection rescans the libraries
    uvicorn.run(app, host=host, port=port, log_level="info")
    return 0
