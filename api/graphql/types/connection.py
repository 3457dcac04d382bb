"""Relay connections over keyset pages (projections/read_models/pages.py).

A cursor is the sort key of the row it stands for (opaque to the client: base64url of a JSON
list), so a page starts strictly after it: stable while rows are added, no offset scans.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry

from domain.errors import BadInput
from projections.read_models.pages import Page, SortKey

T = TypeVar("T")

DEFAULT_PAGE = 20
MAX_PAGE = 100


@strawberry.type(description="Where a page stands in its list (Relay).")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool = strawberry.field(description="True when the page was asked `after` a cursor.")
    start_cursor: str | None
    end_cursor: str | None = strawberry.field(description="Pass as `after` for the next page.")


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type(description="A page of a list in a stable order; ask the next with `after: pageInfo.endCursor`.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo

    @strawberry.field(description="The page's nodes without their cursors.")
    def nodes(self) -> list[T]:
        return [e.node for e in self.edges]


def page_size(first: int | None) -> int:
    size = DEFAULT_PAGE if first is None else first
    if not 1 <= size <= MAX_PAGE:
        raise BadInput(f"first must be between 1 and {MAX_PAGE}", rule="graphql.page.first",
                       message_vi=f"first phải từ 1 đến {MAX_PAGE}")
    return size


def encode_cursor(row: dict[str, Any], key: SortKey) -> str:
    text = json.dumps([str(row[k]) for k in key.columns], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, key: SortKey) -> tuple[str, ...] | None:
    """The sort key a cursor stands for; BAD_INPUT for one this list did not hand out."""
    if cursor is None:
        return None
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        values = None
    if not (isinstance(values, list) and len(values) == len(key.columns) and all(isinstance(v, str) for v in values)):
        raise BadInput("after is not a cursor of this list", rule="graphql.page.after",
                       message_vi="after không phải con trỏ của danh sách này")
    return tuple(values)


def connection(page: Page, key: SortKey, node: Callable[[dict[str, Any]], T], after: str | None) -> Connection[T]:
    edges = [Edge(cursor=encode_cursor(r, key), node=node(r)) for r in page.rows]
    return Connection(edges=edges, page_info=PageInfo(
        has_next_page=page.has_next, has_previous_page=after is not None,
        start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None))
