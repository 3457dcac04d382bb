"""OpenAPI document of the REST commands, at Litestar's default path /schema."""

from __future__ import annotations

from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components, SecurityScheme


def openapi_config() -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Thi Đua API", version="0.1.0",
        description="Commands (REST) of the Thi Đua platform; queries are GraphQL at /graphql.",
        components=Components(security_schemes={
            "BearerToken": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT"),
        }),
    )
