"""Who am I."""

from __future__ import annotations

import strawberry

from api.graphql.context import Info
from api.graphql.types.viewer import Viewer


@strawberry.type
class IdentityQueries:
    @strawberry.field(description="The caller, from the bearer token.")
    def me(self, info: Info) -> Viewer:
        return Viewer.from_principal(info.context.principal())
