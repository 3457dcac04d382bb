"""Limits on what one GraphQL request may ask for (cost control, denial of service):
tokens, depth, aliases (fragments counted where spread: strawberry-graphql >= 0.315.7) and
cost (api/graphql/cost.py).

The depth and alias rules are built ONCE here: Strawberry's QueryDepthLimiter and
MaxAliasesLimiter build a new rule class per request, which would make every request miss
the validation cache (api/graphql/document_cache.py), whose key holds the rule classes.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError, SelectionSetNode, StringValueNode, ValidationContext, ValidationRule, visit
from graphql.language import Visitor
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule

from api.graphql.cost import CostRule

MAX_DEPTH = 10
MAX_ALIASES = 20
MAX_TOKENS = 2000
MAX_BODY_BYTES = 64 * 1024  # Litestar `request_max_body_size` → 413



class _FirstEmptySelection(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: SelectionSetNode | None = None

    def enter_selection_set(self, node: SelectionSetNode, *_: object) -> object:
        if not node.selections:
            self.found = node
            return self.BREAK
        return None


class DepthRule(depth_rule(MAX_DEPTH, None, None)):  # type: ignore[misc]
    """Strawberry's depth rule, after the check it takes for granted: graphql-core 3.3 parses
    `{ me { } }`, on which the depth rule fails with a raw ValueError."""

    def __init__(self, context: ValidationContext) -> None:
        empty = _FirstEmptySelection()
        visit(context.document, empty)
        if empty.found is None:
            super().__init__(context)
            return
        ValidationRule.__init__(self, context)
        context.report_error(GraphQLError("a selection set must not be empty", empty.found))


class NoNulInStrings(ValidationRule):
    """A NUL character in a string literal cannot be stored or compared by PostgreSQL."""

    def enter_string_value(self, node: StringValueNode, *_: object) -> None:
        if "\x00" in node.value:
            self.report_error(GraphQLError("text must not contain the NUL character (U+0000)", node))


LIMIT_RULES = (DepthRule, alias_rule(MAX_ALIASES), CostRule, NoNulInStrings)


class QueryLimits(SchemaExtension):
    """Token limit (a parse option) and the depth, alias and cost rules, set before parsing."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = MAX_TOKENS
        context.validation_rules = context.validation_rules + LIMIT_RULES
        yield


LIMIT_EXTENSIONS = [QueryLimits]
