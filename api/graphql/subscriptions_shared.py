"""One execution of a subscription event for all the subscribers who asked the same.

The hub hands one answer object to every subscriber of a key. Executing each subscriber's
selection on it again (a thousand times the same fields) cost far more than the read
itself. This executor answers an operation on a `SharedEvent` once per query text and
variables, and gives that answer to every subscriber who sent the same.

Only for payloads whose fields read nothing but the payload (no context, no caller): the
rollup's are plain values. Everything else runs as graphql-core runs it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from graphql import ExecutionResult, OperationDefinitionNode, OperationType
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext


class SharedEvent:
    """Mixin for a subscription payload that many subscribers receive as the same object."""

    def shared_answers(self) -> dict[tuple[object, str], tuple[object, Any]]:
        # Kept on the payload: the answers go when the round's payload does.
        return self.__dict__.setdefault("_shared_answers", {})


class SharedEventExecutor(StrawberryGraphQLCoreExecutionContext):  # Strawberry's own, plus sharing
    def execute_operation(self, serially: bool | None = None) -> Any:
        payload = self.root_value
        if not isinstance(payload, SharedEvent) or self.operation.operation is not OperationType.SUBSCRIPTION:
            return super().execute_operation(serially)
        answers = payload.shared_answers()
        key = (_operation_key(self.operation), repr(sorted(self.variable_values.coerced.items())))
        if key not in answers:
            result = super().execute_operation(serially)
            if self.is_awaitable(result):
                result = asyncio.ensure_future(result)
            answers[key] = (self.operation, result)
        result = answers[key][1]
        return _awaited(result) if isinstance(result, asyncio.Future) else result


def _operation_key(operation: OperationDefinitionNode) -> object:
    """The operation's text and place in it; without locations, the parsed object itself
    (kept beside its answer, so its id cannot be reused meanwhile)."""
    loc = operation.loc
    return (loc.source.body, loc.start) if loc is not None else id(operation)


async def _awaited(result: Awaitable[ExecutionResult]) -> ExecutionResult:
    return await asyncio.shield(result)
