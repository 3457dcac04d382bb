"""OpenAPI document of the REST commands, at Litestar's default path /schema (Swagger UI,
served from the app's own files; the document itself at /schema/openapi.json and .yaml).

Every operation under /api/v1 lists the refusals it may answer, all RFC 9457 problem
details (`application/problem+json`), so a generated client knows their shape.
"""

from __future__ import annotations

import msgspec
from litestar.openapi import OpenAPIConfig
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.plugins import JsonRenderPlugin, SwaggerRenderPlugin, YamlRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme
from litestar.plugins import ReceiveRoutePlugin
from litestar.routes import BaseRoute, HTTPRoute

from api.static import vendor_url

PROBLEM_JSON = "application/problem+json"
COMMANDS_PATH = "/api/v1"


class Problem(msgspec.Struct):
    """Problem details as this API writes them (api/rest/problems.py)."""

    type: str
    title: str
    status: int
    detail: str
    code: str
    message_vi: str
    instance: str
    rule: str | None = None
    invalid_params: list[dict[str, object]] | None = None


REFUSALS: dict[int, str] = {
    400: "BAD_INPUT: malformed JSON, an unknown field or word, a NUL character, a bad value",
    401: "UNAUTHENTICATED: no bearer token, or a bad or expired one",
    403: "FORBIDDEN: the caller's roles or subtree do not allow it",
    404: "NOT_FOUND: no such aggregate in the caller's tenant",
    405: "METHOD_NOT_ALLOWED: the path takes other methods (see Allow)",
    409: "CONFLICT (the version named is stale) or DUPLICATE",
    413: "PAYLOAD_TOO_LARGE",
    422: "A business rule refused the command (its code and rule), or IDEMPOTENCY_KEY_REUSED",
    429: "TOO_MANY_REQUESTS (see Retry-After)",
    503: "UNAVAILABLE: the database cannot be reached (see Retry-After)",
}
PROBLEM_RESPONSES = {status: ResponseSpec(Problem, description=text, media_type=PROBLEM_JSON, generate_examples=False)
                     for status, text in REFUSALS.items()}


class ProblemResponses(ReceiveRoutePlugin):
    """Adds the refusals to every command operation as the app registers it."""

    def receive_route(self, route: BaseRoute) -> None:
        if isinstance(route, HTTPRoute) and route.path.startswith(COMMANDS_PATH):
            for handler in route.route_handlers:
                handler.responses = {**PROBLEM_RESPONSES, **(handler.responses or {})}


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Thi Đua API", version="0.1.0",
        description="Commands (REST) of the Thi Đua platform; queries are GraphQL at /graphql.",
        components=Components(security_schemes={
            "BearerToken": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT"),
        }),
        render_plugins=VIEWERS,
    )


_SWAGGER = "swagger-ui-dist@5.18.2"
VIEWERS = [
    # /schema itself: Swagger UI from the app's own files (Litestar's default viewer loads
    # its scripts, styles and icon from CDNs: a blank page without internet).
    SwaggerRenderPlugin(path=["/", "/swagger"], js_url=vendor_url(f"{_SWAGGER}/swagger-ui-bundle.js"),
                        css_url=vendor_url(f"{_SWAGGER}/swagger-ui.css"),
                        standalone_preset_js_url=vendor_url(f"{_SWAGGER}/swagger-ui-standalone-preset.js"),
                        favicon=f"<link rel='icon' type='image/png' href='{vendor_url(_SWAGGER + '/favicon-32x32.png')}'>"),
    JsonRenderPlugin(),  # /schema/openapi.json
    YamlRenderPlugin(),  # /schema/openapi.yaml
]
