"""Plain objects completed in one pass answer exactly what graphql-core's own completion
answers: the same data for every selection form, the same errors at the same paths."""

from __future__ import annotations

import enum

import pytest
import strawberry
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.graphql.plain_objects import PlainObjectsExecutionContext, plain_types


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@strawberry.type
class Count:
    name: str
    count: int


@strawberry.type
class Figures:
    total: int
    rate: float
    colour: Colour
    label: str | None
    tag: strawberry.ID
    ok: bool
    counts: list[Count]
    maybe_counts: list[Count | None] | None


@strawberry.type
class Node:
    node_id: strawberry.ID
    figures: Figures
    children: list[Figures]

    @strawberry.field
    def computed(self, times: int = 2) -> int:
        return self.figures.total * times


def _figures(total: int = 7, rate: float = 0.25, label: str | None = "x", counts: list | None = None) -> Figures:
    return Figures(total=total, rate=rate, colour=Colour.BLUE, label=label, tag=strawberry.ID("t-1"), ok=True,
                   counts=counts if counts is not None else [Count(name="a", count=1), Count(name="b", count=2)],
                   maybe_counts=[None, Count(name="c", count=3)])


NODES: dict[str, Node] = {}


@strawberry.type
class Query:
    @strawberry.field
    def node(self, key: str) -> Node:
        return NODES[key]


def _schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    return (strawberry.Schema(query=Query, execution_context_class=PlainObjectsExecutionContext),
            strawberry.Schema(query=Query, execution_context_class=StrawberryGraphQLCoreExecutionContext))


QUERIES = [
    "{ node(key: \"k\") { nodeId figures { total rate colour label tag ok counts { name count } } } }",
    "{ node(key: \"k\") { a: nodeId b: nodeId figures { t: total __typename counts { n: name } } } }",
    "query Q($skip: Boolean!) { node(key: \"k\") { figures { total @skip(if: $skip) rate @include(if: $skip) } } }",
    "{ node(key: \"k\") { ...N children { ...F } computed(times: 3) } } fragment N on Node { nodeId figures { ...F } }"
    " fragment F on Figures { total colour maybeCounts { name count } }",
]


@pytest.mark.parametrize("key, figures", [
    ("plain", _figures()),
    ("null label, empty lists", _figures(label=None, counts=[])),
    ("a total beyond 32 bits", _figures(total=2**40)),
    ("a rate that is not finite", _figures(rate=float("inf"))),
    ("null where non-null", _figures(counts=[Count(name=None, count=1)])),  # type: ignore[arg-type]
    ("a count of another type", _figures(counts=[Count(name="a", count="3")])),  # type: ignore[arg-type]
    ("a count that cannot be an Int", _figures(counts=[Count(name="a", count="three")])),  # type: ignore[arg-type]
])
@pytest.mark.parametrize("query", QUERIES)
async def test_same_answer_as_graphql_core(key: str, figures: Figures, query: str) -> None:
    NODES["k"] = Node(node_id=strawberry.ID("n-1"), figures=figures, children=[figures, _figures(total=1)])
    fast, reference = _schemas()
    variables = {"skip": True}
    got = await fast.execute(query, variable_values=variables)
    expected = await reference.execute(query, variable_values=variables)
    assert got.data == expected.data
    assert [(e.message, e.path) for e in got.errors or []] == [(e.message, e.path) for e in expected.errors or []]


def test_plain_types_are_the_data_objects() -> None:
    fast, _ = _schemas()
    found = plain_types(fast._schema)
    assert {"Count", "Figures"} <= found
    assert "Node" not in found  # a field with a resolver and arguments
    assert "Query" not in found


async def test_plain_objects_skip_graphql_core_completion(monkeypatch: pytest.MonkeyPatch) -> None:
    """The direct pass is taken (not a silent fallback every time): graphql-core completes
    only the objects that are not plain, unless a value needs its error."""
    completed: list[str] = []
    original = StrawberryGraphQLCoreExecutionContext.complete_object_value

    def counting(self, return_type, *args):  # type: ignore[no-untyped-def]
        completed.append(return_type.name)
        return original(self, return_type, *args)

    monkeypatch.setattr(StrawberryGraphQLCoreExecutionContext, "complete_object_value", counting)
    fast, _ = _schemas()
    NODES["k"] = Node(node_id=strawberry.ID("n-1"), figures=_figures(), children=[_figures()])
    assert not (await fast.execute(QUERIES[3])).errors
    assert completed == ["Node"]
    completed.clear()
    NODES["k"] = Node(node_id=strawberry.ID("n-1"), figures=_figures(total=2**40), children=[])
    assert (await fast.execute(QUERIES[0])).errors
    assert "Figures" in completed
