"""GraphQL side of the edge mapper: every error gets `extensions.code` and both messages.

`CodedErrors` rewrites errors after the operation; `MaskErrors` (listed before it, so it
runs after it) then hides anything that is not one of our public coded errors. The HTTP
status follows the errors: 401 for UNAUTHENTICATED and 503 (+ Retry-After) for UNAVAILABLE
always; otherwise, when the operation produced no data at all, the first error's status.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension

from api.errors import PublicError, classify, public, to_public
from infra.errors import CodedError

ALWAYS_STATUS = {"UNAUTHENTICATED", "UNAVAILABLE"}


def public_of(error: GraphQLError) -> PublicError:
    """The public error, without logging (the schema logs client errors, CodedErrors the rest)."""
    return _query_error(error) if _describes_query(error) else classify(error.original_error)


def _public_of(error: GraphQLError) -> PublicError:
    """As `public_of`, logging an outage or an unexpected error (once: CodedErrors calls it)."""
    return _query_error(error) if _describes_query(error) else to_public(error.original_error)


def _query_error(error: GraphQLError) -> PublicError:
    """Our own validation rules (api/graphql/cost.py) name their rule and Vietnamese text."""
    ext = error.extensions or {}
    return public("BAD_INPUT", error.message, ext.get("message_vi"), ext.get("rule"))


def _describes_query(error: GraphQLError) -> bool:
    # Parse, validation and variable-coercion errors describe the query, not the data.
    original = error.original_error
    if isinstance(original, CodedError):  # ours, wherever it was raised (a subscription's has no path)
        return False
    return original is None or isinstance(original, GraphQLError) or error.path is None


class CodedErrors(SchemaExtension):
    def __init__(self) -> None:
        self._streamed = False

    def on_operation(self) -> Iterator[None]:
        yield
        if not self._streamed:  # a stream's results were coded as they went out
            self._code(self.execution_context.result)

    def on_stream_result(self, result: object) -> Iterator[None]:
        # A subscription sends its results one by one: each is coded, then masked, before it goes.
        self._streamed = True
        if getattr(result, "errors", None):  # most results have none: skip the masking's Protocol check
            self._code(result)
            MaskPrivateErrors().mask_stream_result(result)
        yield

    def _code(self, result: object) -> None:
        errors = getattr(result, "errors", None)
        if not errors:
            return
        coded = [(error, _public_of(error)) for error in errors]
        result.errors = [
            GraphQLError(p.message_en, nodes=e.nodes, source=e.source, positions=e.positions,
                         path=e.path, original_error=None, extensions=p.extensions())
            for e, p in coded
        ]
        self._set_status([p for _, p in coded], getattr(result, "data", None))

    def _set_status(self, errors: list[PublicError], data: object) -> None:
        response = getattr(self.execution_context.context, "response", None)
        chosen = next((p for p in errors if p.code in ALWAYS_STATUS), None)
        if chosen is None and data is None:
            chosen = errors[0]
        if response is None or chosen is None:
            return
        response.status_code = chosen.status
        if chosen.retry_after is not None:
            response.headers["Retry-After"] = str(chosen.retry_after)


def is_private(error: GraphQLError) -> bool:
    code = (error.extensions or {}).get("code")
    return code is None or code == "INTERNAL"


class MaskPrivateErrors(MaskErrors):
    """Strawberry's masking, restricted to non-public errors, keeping the INTERNAL code."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_private, error_message="Unexpected error")

    def on_stream_result(self, result: object) -> Iterator[None]:
        self._stream_result_processed = True
        yield  # CodedErrors masks each streamed result once it has coded it (it runs after this)

    def mask_stream_result(self, result: object) -> None:
        self._process_stream_result(result)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        internal = public("INTERNAL", self.error_message)
        return GraphQLError(internal.message_en, nodes=error.nodes, source=error.source,
                            positions=error.positions, path=error.path, extensions=internal.extensions())


# Classes, not instances: Strawberry builds them per request (no state shared across requests).
ERROR_EXTENSIONS = [MaskPrivateErrors, CodedErrors]
