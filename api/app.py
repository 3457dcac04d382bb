"""The composition root: `create_app(settings)` builds the Litestar application."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager, nullcontext

from litestar import Litestar, Response, get
from litestar.datastructures import State
from litestar.middleware import DefineMiddleware

from api.auth.throttle import AttemptThrottle
from api.graphql.limits import MAX_BODY_BYTES
from api.graphql.schema import graphql_controller
from api.graphql.subscriptions import live_rollups
from api.rate_limit import RateLimitMiddleware
from api.rest.oidc import OidcSignIn
from api.rest.openapi import ProblemResponses, openapi_config
from api.rest.problems import EXCEPTION_HANDLERS
from api.rest.router import command_router
from api.static import vendor_assets
from api.web import template_config, web_router
from api.web.errors import pages_for_browsers
from infra.platform import Platform, open_platform
from infra.settings import Settings
from infra.telemetry import configure_telemetry
from infra.telemetry.http import litestar_plugin


@get("/health")
async def health(state: State) -> Response[dict[str, object]]:
    database = await state.platform.db.health()
    ok = database["status"] == "ok"
    return Response({"status": "ok" if ok else "degraded", "database": database}, status_code=200 if ok else 503)


Background = Callable[[Platform], AbstractAsyncContextManager[object]]


def create_app(settings: Settings, admin_url: str | None = None, *,
               background: Background | None = None) -> Litestar:
    """`admin_url` overrides DATABASE_URL / the embedded server (tests use it). `background`
    runs beside the handlers for the app's lifetime (`thidua serve`: demo data, the runner)."""
    configure_telemetry(settings.telemetry)  # once per process; later calls return the same

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        async with open_platform(settings, admin_url) as platform, (background or _nothing)(platform):
            app.state.platform = platform
            app.state.live_rollups = live_rollups(platform.db)
            try:
                yield
            finally:
                await app.state.live_rollups.aclose()

    return Litestar(
        route_handlers=[health, graphql_controller(settings.server.dev_mode),
                        command_router(settings.files.max_bytes), *web_router(), OidcSignIn, vendor_assets()],
        template_config=template_config(),
        openapi_config=openapi_config(),
        lifespan=[lifespan],
        plugins=[litestar_plugin(), ProblemResponses()],
        state=State({"settings": settings,
                     "signin_throttle": AttemptThrottle(settings.accounts.signins_per_minute)}),
        exception_handlers=pages_for_browsers(EXCEPTION_HANDLERS),
        request_max_body_size=MAX_BODY_BYTES,
        middleware=_rate_limits(settings),
    )


def _rate_limits(settings: Settings) -> list[DefineMiddleware]:
    limits = settings.rate_limits
    if limits.client is None and limits.account is None:
        return []
    return [DefineMiddleware(RateLimitMiddleware, limits=limits, jwt_secret=settings.auth.jwt_secret)]


def _nothing(platform: Platform) -> AbstractAsyncContextManager[object]:
    return nullcontext()
