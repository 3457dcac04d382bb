"""Loops in the tree an import would leave: new rows under rows, existing units moved under
new rows or under each other. Walked on the tree as it will be, rows and existing units
alike, without recursion and visiting each node once."""

from __future__ import annotations

from collections.abc import Callable, Hashable

Node = Hashable


def find_loops(starts: list[Node], parent_of: Callable[[Node], Node | None]) -> list[list[Node]]:
    """Each loop reachable from `starts`, listed from where the walk entered it."""
    state: dict[Node, int] = {}  # 1: on the current walk, 2: done
    loops = []
    for start in starts:
        walk, current = [], start
        while current is not None and current not in state:
            state[current] = 1
            walk.append(current)
            current = parent_of(current)
        if current is not None and state[current] == 1:
            loops.append(walk[walk.index(current):])
        for node in walk:
            state[node] = 2
    return loops
