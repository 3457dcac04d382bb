"""Parse and validate a repeated query text once, not on every request.

Clients send the same few query texts again and again; parsing and validating one cost
more than resolving a rollup. Both caches are bounded LRUs (texts come from clients).
Unlike Strawberry's ParserCache, a text that fails to parse is left to Strawberry, which
parses it again and reports the error where the error mapper sees it; failures are never
cached (lru_cache keeps no raised exception). The validation result is keyed by the parsed
document (the cached object), the schema and the rule classes (built once, limits.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from graphql import GraphQLError, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

CACHED_QUERIES = 256

_parse = lru_cache(maxsize=CACHED_QUERIES)(parse)
_validate = lru_cache(maxsize=CACHED_QUERIES)(validate_document)


class DocumentCache(SchemaExtension):
    """List it after the limits: the token limit is a parse option, part of the key."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is None and context.query:
            try:
                context.graphql_document = _parse(context.query, **context.parse_options)
            except (GraphQLError, TypeError):
                pass  # Strawberry parses it again and reports the error itself
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.pre_execution_errors is None and context.graphql_document is not None:
            errors = _validate(context.schema._schema, context.graphql_document, context.validation_rules)
            context.pre_execution_errors = list(errors)  # a copy: the cached list stays as it is
        yield
