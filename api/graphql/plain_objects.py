"""Plain objects completed in one pass: the GraphQL execution of a typed read answer without a
resolver call per field.

A national rollup answers ~1,850 fields (51 nodes x every metric and breakdown); graphql-core
executes each one as a resolver call with its own info object, middleware and completion,
~5 us a field: 10 ms of a 20 ms answer, once the metrics became typed fields. Most object
types are plain data: every field a default resolver (an attribute) without arguments, of a
scalar, an enum or another plain type (lists and non-null allowed). For those this context
completes the selected fields directly: the attribute, then the type's own output coercion.

Answers do not change: anything the direct pass does not take as it is (a null where the
type says non-null, a value the scalar refuses, an attribute that raises, @defer) falls back
to graphql-core's own completion of that object, which reports the error at its path. Field
middleware does not run for plain fields; the schema's only one (infra/telemetry/graphql)
passes them through untraced anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from math import isfinite
from operator import attrgetter
from typing import Any
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType,
    GraphQLSchema, GraphQLString, Undefined, get_named_type, is_leaf_type,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

class _Fallback(Exception):
    """The direct pass does not take this value as it is: graphql-core completes the object."""


_PLAIN: WeakKeyDictionary[GraphQLSchema, frozenset[str]] = WeakKeyDictionary()
Completer = Callable[[Any], Any]


def plain_types(schema: GraphQLSchema) -> frozenset[str]:
    """Names of the object types whose fields are all plain (computed once per schema)."""
    known = _PLAIN.get(schema)
    if known is None:
        known = _PLAIN[schema] = _find_plain(schema)
    return known


def _find_plain(schema: GraphQLSchema) -> frozenset[str]:
    roots = {schema.query_type, schema.mutation_type, schema.subscription_type}
    candidates = {name: t for name, t in schema.type_map.items()
                  if isinstance(t, GraphQLObjectType) and not name.startswith("__") and t not in roots
                  and t.is_type_of is None}
    plain = set(candidates)
    changed = True
    while changed:  # a type is plain only if the types its fields return are
        changed = False
        for name in list(plain):
            if not all(_plain_field(f, plain) for f in candidates[name].fields.values()):
                plain.discard(name)
                changed = True
    return frozenset(plain)


def _plain_field(field: Any, plain: set[str]) -> bool:
    named = get_named_type(field.type)
    return (not field.args and getattr(field.resolve, "_is_default", False)
            and (is_leaf_type(named) or (isinstance(named, GraphQLObjectType) and named.name in plain)))


class PlainObjectsExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plain_plans: dict[tuple[int, int], tuple[Any, list]] = {}

    def complete_object_value(self, return_type: GraphQLObjectType, field_details_list: Any, info: Any,
                              path: Any, result: Any, position_context: Any) -> Any:
        if return_type.name in plain_types(self.schema):
            try:
                return self._plain_object(return_type, field_details_list, result)
            except Exception:  # noqa: BLE001 - graphql-core's completion reports it at its path
                pass
        return super().complete_object_value(return_type, field_details_list, info, path, result,
                                             position_context)

    def _plain_object(self, object_type: GraphQLObjectType, field_details_list: Any, source: Any) -> dict:
        plan = self._plan(object_type, field_details_list)
        return {key: complete(read(source)) for key, read, complete in plan}

    def _plan(self, object_type: GraphQLObjectType, field_details_list: Any) -> list[tuple[str, Callable, Completer]]:
        """(response key, the field's resolver, its completion) per selected field; kept for
        the request by the selection's identity, as graphql-core keeps collected fields."""
        plans = self._plain_plans
        key = (id(object_type), id(field_details_list))
        found = plans.get(key)
        if found is not None:
            return found[1]
        grouped, deferred, _ = self.collect_subfields(object_type, field_details_list)
        if deferred or any(d.defer_usage is not None for details in grouped.values() for d in details):
            raise _Fallback
        plan = []
        for response_key, details in grouped.items():
            name = details[0].node.name.value
            if name == "__typename":
                plan.append((response_key, _constant(object_type.name), _same))
                continue
            field = object_type.fields[name]
            plan.append((response_key, _reader(field), self._completer(field.type, details)))
        plans[key] = (field_details_list, plan)  # the list kept alive: its id is not reused
        return plan

    def _completer(self, type_: Any, details: Any) -> Completer:
        if isinstance(type_, GraphQLNonNull):
            inner = self._completer(type_.of_type, details)

            def non_null(value: Any) -> Any:
                if value is None or value is Undefined:
                    raise _Fallback
                return inner(value)
            return non_null
        if isinstance(type_, GraphQLList):
            item = self._completer(type_.of_type, details)

            def items(value: Any) -> Any:
                if value is None or value is Undefined:
                    return None
                if isinstance(value, (str, bytes, dict)):
                    raise _Fallback
                return [item(v) for v in value]
            return items
        if isinstance(type_, GraphQLObjectType):
            plan: list | None = None  # planned on the first value: a field never returned costs nothing

            def obj(value: Any) -> Any:
                nonlocal plan
                if value is None or value is Undefined:
                    return None
                if plan is None:
                    plan = self._plan(type_, details)
                return {key: complete(read(value)) for key, read, complete in plan}
            return obj
        return _leaf(type_)


_BUILT_IN = (GraphQLInt, GraphQLFloat, GraphQLString, GraphQLBoolean, GraphQLID)
_EXACT = {"Int": int, "Float": float, "String": str, "Boolean": bool, "ID": str}
_MIN_INT, _MAX_INT = -(2**31), 2**31 - 1


def _leaf(type_: Any) -> Completer:
    """A scalar's or an enum's output coercion; a built-in scalar's value of exactly its
    Python type (an Int within 32 bits, a finite Float) is what the coercion would return."""
    coerce = type_.coerce_output_value

    def leaf(value: Any) -> Any:
        if value is None or value is Undefined:
            return None
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _Fallback
        return coerced

    exact = _EXACT.get(type_.name) if any(type_ is t for t in _BUILT_IN) else None
    if exact is int:
        return lambda v: v if type(v) is int and _MIN_INT <= v <= _MAX_INT else leaf(v)
    if exact is float:
        return lambda v: v if type(v) is float and isfinite(v) else leaf(v)
    if exact is not None:
        return lambda v: v if type(v) is exact else leaf(v)
    return leaf


def _reader(field: Any) -> Callable[[Any], Any]:
    """The attribute the field's default resolver reads (Strawberry's field definition is
    kept on the GraphQL field); the resolver itself when that cannot be told."""
    definition = (field.extensions or {}).get("strawberry-definition")
    if definition is not None and not definition.base_resolver and definition.default_resolver is getattr:
        return attrgetter(definition.python_name)
    resolve = field.resolve
    return lambda source: resolve(source, None)


def _constant(value: Any) -> Callable:
    return lambda _source: value


def _same(value: Any) -> Any:
    return value
