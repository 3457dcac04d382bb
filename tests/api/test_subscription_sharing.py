"""The shared execution of a subscription event: one execution per query text and variables
for a payload many subscribers receive; different texts or variables get their own answers;
other payloads run as usual (no database: a small schema of its own)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import dataclass

import strawberry

from api.graphql.subscriptions_shared import SharedEvent, SharedEventExecutor

calls: list[str] = []


@strawberry.type
class Figures:
    count: int

    @strawberry.field
    def doubled(self, by: int = 2) -> int:
        calls.append(f"doubled {self.count} x{by}")
        return self.count * by


@dataclass
class SharedFigures(Figures, SharedEvent):
    pass


EVENTS: list[Figures] = []


@strawberry.type
class Query:
    ok: bool = True


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def figures(self) -> AsyncGenerator[Figures, None]:
        for event in EVENTS:
            yield event


schema = strawberry.Schema(query=Query, subscription=Subscription, execution_context_class=SharedEventExecutor)


async def _answers(query: str, **variables) -> list[dict]:
    stream = await schema.subscribe(query, variable_values=variables)
    return [result.data async for result in stream]


async def test_one_execution_per_text_and_variables_for_a_shared_payload():
    calls.clear()
    EVENTS[:] = [SharedFigures(count=3), SharedFigures(count=5)]
    same = "subscription($by: Int!) { figures { count doubled(by: $by) } }"
    answers = await asyncio.gather(*(_answers(same, by=2) for _ in range(10)), _answers(same, by=10),
                                   _answers("subscription { figures { doubled } }"))
    assert answers[0] == [{"figures": {"count": 3, "doubled": 6}}, {"figures": {"count": 5, "doubled": 10}}]
    assert all(a == answers[0] for a in answers[:10])
    assert answers[10] == [{"figures": {"count": 3, "doubled": 30}}, {"figures": {"count": 5, "doubled": 50}}]
    assert answers[11] == [{"figures": {"doubled": 6}}, {"figures": {"doubled": 10}}]
    # Per event: the ten identical subscriptions share one execution; the other two run their own.
    assert sorted(calls) == sorted(["doubled 3 x2", "doubled 5 x2", "doubled 3 x10", "doubled 5 x10",
                                    "doubled 3 x2", "doubled 5 x2"])


async def test_payloads_that_are_not_shared_run_once_per_subscriber():
    calls.clear()
    EVENTS[:] = [Figures(count=1)]
    query = "subscription { figures { doubled } }"
    await asyncio.gather(*(_answers(query) for _ in range(3)))
    assert calls == ["doubled 1 x2"] * 3
