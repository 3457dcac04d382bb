"""Limits on what one GraphQL request may ask for (cost control, denial of service):
tokens, depth, aliases (fragments counted where spread: strawberry-graphql >= 0.315.7) and
cost (api/graphql/cost.py).

The depth and alias rules are built ONCE here: Strawberry's QueryDepthLimiter and
MaxAliasesLimiter build a new rule class per request, which would make every request miss
the validation cache (api/graphql/document_cache.py), whose key holds the rule classes.
"""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

from api.graphql.cost import CostRule

MAX_DEPTH = 10
MAX_ALIASES = 20
MAX_TOKENS = 2000
MAX_BODY_BYTES = 64 * 1024  # Litestar `request_max_body_size` → 413

LIMIT_RULES = (depth_rule(MAX_DEPTH, None, None), alias_rule(MAX_ALIASES), CostRule)


class QueryLimits(SchemaExtension):
    """Token limit (a parse option) and the depth, alias and cost rules, set before parsing."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = MAX_TOKENS
        context.validation_rules = context.validation_rules + LIMIT_RULES
        yield


LIMIT_EXTENSIONS = [QueryLimits]
