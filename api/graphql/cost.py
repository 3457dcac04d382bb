"""A per-operation cost limit: the worst-case number of objects an operation can resolve.

Each field costs 1 plus its selection's cost, times how many objects it may return: the
`first` or `limit` it is given (a variable, or nothing, counts as its largest page), ten for
another list (the lists inside a connection are its page, already counted). Fragments are
costed where they are spread, so one fragment spread under many aliases is paid for each
time. Over MAX_COST the operation is refused before it runs: BAD_INPUT, rule graphql.cost.
"""

from __future__ import annotations

from collections.abc import Mapping

from graphql import (FieldNode, FragmentDefinitionNode, FragmentSpreadNode, GraphQLError, GraphQLList,
                     GraphQLNamedType, GraphQLNonNull, GraphQLObjectType, GraphQLOutputType, InlineFragmentNode,
                     IntValueNode, OperationDefinitionNode, SelectionSetNode, ValidationRule, get_named_type)

from api.graphql.types.connection import MAX_PAGE

MAX_COST = 20_000
LIST_GUESS = 10
_SIZE_ARGS = ("first", "limit")


def _is_list(kind: GraphQLOutputType) -> bool:
    while isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return isinstance(kind, GraphQLList)


def _size(node: FieldNode, kind: GraphQLOutputType, parent: GraphQLNamedType) -> int:
    for argument in node.arguments or ():
        if argument.name.value in _SIZE_ARGS:
            value = argument.value
            return max(int(value.value), 0) if isinstance(value, IntValueNode) else MAX_PAGE
    if not _is_list(kind):
        return 1
    return 1 if parent.name.endswith("Connection") else LIST_GUESS


def selection_cost(selections: SelectionSetNode | None, parent: GraphQLNamedType,
                   fragments: Mapping[str, FragmentDefinitionNode], seen: frozenset[str] = frozenset()) -> int:
    if selections is None or not isinstance(parent, GraphQLObjectType):
        return 0
    total = 0
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            name = selection.name.value
            field = parent.fields.get(name)
            if field is None or name.startswith("__"):
                continue  # unknown fields are another rule's error; introspection is free
            child = get_named_type(field.type)
            total += _size(selection, field.type, parent) * (
                1 + selection_cost(selection.selection_set, child, fragments, seen))
        elif isinstance(selection, InlineFragmentNode):
            total += selection_cost(selection.selection_set, parent, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            if fragment is not None and name not in seen:  # a cycle is NoFragmentCycles' error
                total += selection_cost(fragment.selection_set, parent, fragments, seen | {name})
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
