"""Browser assets the app serves itself (GraphiQL, the OpenAPI viewer), so no page loads
anything from another host: see vendor/README.md for where each file comes from."""

from __future__ import annotations

from pathlib import Path

from litestar import Router
from litestar.datastructures import CacheControlHeader
from litestar.static_files import create_static_files_router

VENDOR_PATH = "/vendor"
VENDOR_DIR = Path(__file__).parent / "vendor"


def vendor_url(asset: str) -> str:
    """`vendor_url("graphiql@3.8.3/graphiql.min.js")` -> the path the app serves it at."""
    return f"{VENDOR_PATH}/{asset}"


def vendor_assets() -> Router:
    # Each directory is named after its package's version, so a file never changes at its URL.
    return create_static_files_router(VENDOR_PATH, [VENDOR_DIR], name="vendor",
                                      cache_control=CacheControlHeader(max_age=365 * 24 * 3600, public=True,
                                                                       immutable=True))
