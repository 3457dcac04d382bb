"""A per-operation cost limit: the worst-case number of objects an operation can resolve.

Each field costs 1 plus its selection's cost, times how many objects it may return. A field
with a page size argument (`first`, `limit`) returns at most that many (capped at the field's
own maximum, which its resolver enforces; a variable counts as that maximum, an absent
argument as its default): the field itself when it is a list, else the lists inside the page
it returns (a connection's edges and nodes). Any other list counts ten. Fragments are costed
where they are spread, so one fragment spread under many aliases is paid for each time.
Over MAX_COST the operation is refused before it runs: BAD_INPUT, rule graphql.cost.
"""

from __future__ import annotations

from collections.abc import Mapping

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    get_named_type,
)

from api.graphql.queries.auditor import MAX_READS
from api.graphql.queries.history import MAX_PAGE as MAX_HISTORY
from api.graphql.types.connection import MAX_PAGE

MAX_COST = 20_000
LIST_GUESS = 10
_SIZE_ARGS = ("first", "limit")
# Fields whose resolver allows pages larger than a connection's.
_MAX_SIZE = {"history": MAX_HISTORY, "historyPage": MAX_HISTORY, "auditReads": MAX_READS}


def _is_list(kind: GraphQLOutputType) -> bool:
    while isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return isinstance(kind, GraphQLList)


def _page_size(node: FieldNode, field: GraphQLField) -> int | None:
    """How many objects the field's page may hold; None when it takes no page size."""
    name = next((a for a in _SIZE_ARGS if a in field.args), None)
    if name is None:
        return None
    largest = _MAX_SIZE.get(node.name.value, MAX_PAGE)
    given = next((a.value for a in node.arguments or () if a.name.value == name), None)
    if isinstance(given, IntValueNode):
        return max(min(int(given.value), largest), 0)
    default = field.args[name].default_value
    return default if given is None and isinstance(default, int) else largest


def selection_cost(selections: SelectionSetNode | None, parent: GraphQLNamedType,
                   fragments: Mapping[str, FragmentDefinitionNode], seen: frozenset[str] = frozenset(),
                   page: int | None = None) -> int:
    """`page`: the size of the page `parent` holds, applied to its list fields."""
    if selections is None or not isinstance(parent, GraphQLObjectType):
        return 0
    total = 0
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            name = selection.name.value
            field = parent.fields.get(name)
            if field is None or name.startswith("__"):
                continue  # unknown fields are another rule's error; introspection is free
            size, inner = _page_size(selection, field), None
            if size is not None and not _is_list(field.type):
                size, inner = 1, size  # a page object: its lists hold the page
            elif size is None:
                size = (page if page is not None else LIST_GUESS) if _is_list(field.type) else 1
            child = get_named_type(field.type)
            total += size * (1 + selection_cost(selection.selection_set, child, fragments, seen, inner))
        elif isinstance(selection, InlineFragmentNode):
            total += selection_cost(selection.selection_set, parent, fragments, seen, page)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:  # a cycle is NoFragmentCycles' error
                total += selection_cost(fragment.selection_set, parent, fragments, seen | {name}, page)
    return total


class CostRule(ValidationRule):
    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: object) -> None:
        root = self.context.schema.get_root_type(node.operation)
        fragments = {d.name.value: d for d in self.context.document.definitions
                     if isinstance(d, FragmentDefinitionNode)}
        cost = selection_cost(node.selection_set, root, fragments) if root else 0
        if cost > MAX_COST:
            self.report_error(GraphQLError(
                f"the operation may resolve {cost} objects, more than the limit of {MAX_COST}:"
                " ask smaller pages (first) or fewer aliases", node,
                extensions={"rule": "graphql.cost", "message_vi":
                            f"Truy vấn có thể trả về {cost} đối tượng, vượt giới hạn {MAX_COST}"}))
