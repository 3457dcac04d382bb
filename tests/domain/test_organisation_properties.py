"""Property: the indexed timeline agrees with a naive replay of every change effective by that day."""

import os
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.errors import DomainError
from domain.organisation import (
    NOW, ChangeType, OrgTimeline, OrgUnit, UnitChange, UnitKind, changes_from_events,
)

BASE = date(2000, 1, 1)
KINDS_BY_LEVEL = {lvl: [k for k in UnitKind if k.level == lvl] for lvl in range(4)}
OPS = ["create", "create", "move", "rename", "merge", "dissolve", "split"]
op = st.tuples(st.sampled_from(OPS), st.integers(0, 50), st.integers(0, 50), st.integers(0, 40))

# Under `make mutation` (mutmut sets MUTANT_UNDER_TEST) every timeline mutant reruns these:
# a fifth of the examples, drawn the same way each run, keeps the run minutes long and its
# score reproducible. A plain test run explores the full number, new examples each time.
MUTATING = "MUTANT_UNDER_TEST" in os.environ


def examples(n: int) -> int:
    return n // 5 if MUTATING else n


class World:
    """Runs random commands as the application would: tree guards, then the aggregate."""

    def __init__(self) -> None:
        self.units = [OrgUnit.create(tenant_id="t", kind=UnitKind.NATIONAL_BODY, name="TLĐ",
                                     parent=None, effective=BASE)]
        self.facts: list[UnitChange] = []
        self._collect(self.units[0])

    def run(self, name: str, a: int, b: int, offset: int) -> None:
        unit, other = self.units[a % len(self.units)], self.units[b % len(self.units)]
        if unit is self.units[0] and name in ("merge", "dissolve", "split"):
            return  # keep the root so later commands have a tree to act on
        try:
            getattr(self, name)(unit, other, b, BASE + timedelta(days=offset))
        except DomainError:
            pass  # refused commands leave no facts

    def create(self, parent, _other, b, day):
        kinds = [k for lvl, ks in KINDS_BY_LEVEL.items() if lvl > parent.level for k in ks]
        if kinds:
            self._new(kinds[b % len(kinds)], parent, day)

    def move(self, unit, _other, b, day):
        parent = self._pick([u for u in self.units if u.level < unit.level], b)
        if parent is None:
            return
        OrgTimeline(self.facts).check_move(unit.id, parent.id, day)
        unit.move(parent, day)
        self._collect(unit)

    def rename(self, unit, _other, b, day):
        unit.rename(f"Đơn vị {b}", day)
        self._collect(unit)

    def merge(self, unit, _other, b, day):
        successor = self._pick([u for u in self.units if u.level == unit.level and u is not unit], b)
        if successor is None:
            return
        OrgTimeline(self.facts).check_merge(unit.id, successor.id, day)
        unit.merge_into(successor, day)
        self._collect(unit)

    def dissolve(self, unit, _other, _b, day):
        OrgTimeline(self.facts).check_end(unit.id, day)
        unit.dissolve(day)
        self._collect(unit)

    def split(self, unit, _other, _b, day):
        parent = next((u for u in self.units if u.id == unit.parent_id), None)
        if parent is None or not unit.is_active_on(day) or not parent.is_active_on(day):
            return
        OrgTimeline(self.facts).check_end(unit.id, day)
        new = [self._new(unit.kind, parent, day) for _ in range(2)]
        unit.split([n.id for n in new], day)
        self._collect(unit)

    @staticmethod
    def _pick(candidates: list[OrgUnit], b: int) -> OrgUnit | None:
        return candidates[b % len(candidates)] if candidates else None

    def _new(self, kind, parent, day) -> OrgUnit:
        unit = OrgUnit.create(tenant_id="t", kind=kind, name=f"{kind.value} {len(self.units)}",
                              parent=parent, effective=day, enterprise=kind is UnitKind.GRASSROOTS_UNION)
        self.units.append(unit)
        self._collect(unit)
        return unit

    def _collect(self, unit: OrgUnit) -> None:
        self.facts.extend(changes_from_events(unit.collect_events()))


def naive_tree(facts: list[UnitChange], day: date) -> dict:
    """Replay, in effective order then record order, every fact effective by `day`."""
    state: dict = {}
    for _, c in sorted(((i, c) for i, c in enumerate(facts) if c.effective <= day),
                       key=lambda ic: (ic[1].effective, ic[0])):
        if c.change is ChangeType.CREATED:
            state[c.unit_id] = {"name": c.name, "parent": c.parent_id, "kind": c.kind, "ent": c.enterprise}
        elif c.unit_id in state and c.change is ChangeType.RENAMED:
            state[c.unit_id]["name"] = c.name
        elif c.unit_id in state and c.change is ChangeType.MOVED:
            state[c.unit_id]["parent"] = c.parent_id
        elif c.change.ends_unit:
            state.pop(c.unit_id, None)
    return state


def naive_ancestors(state: dict, uid) -> list:
    path, parent = [], state[uid]["parent"]
    while parent in state:
        path.append(parent)
        parent = state[parent]["parent"]
    return path


def naive_successor(facts: list[UnitChange], uid):
    ends = {c.unit_id: c.successor_ids for c in facts if c.change.ends_unit}
    while ends.get(uid):
        uid = ends[uid][0]
    return uid


def check_day(t: OrgTimeline, facts: list[UnitChange], day: date) -> None:
    state = naive_tree(facts, day)
    tree = t.tree_as_of(day)
    assert {u: (v.name, v.parent_id, v.kind, v.enterprise) for u, v in tree.items()} == {
        u: (s["name"], s["parent"], s["kind"], s["ent"]) for u, s in state.items()}
    for uid in state:
        assert t.ancestors(uid, day) == naive_ancestors(state, uid)
        assert set(t.children(uid, day)) == {c for c, s in state.items() if s["parent"] == uid}
        assert set(t.descendants(uid, day)) == {c for c in state if uid in naive_ancestors(state, c)}


@settings(max_examples=examples(150), deadline=None, derandomize=MUTATING)
@given(st.lists(op, min_size=10, max_size=60))
def test_tree_as_of_any_day_equals_naive_replay(ops):
    world = World()
    for name, a, b, offset in ops:
        world.run(name, a, b, offset)
    t = OrgTimeline(world.facts)
    for offset in range(-1, 42):
        check_day(t, world.facts, BASE + timedelta(days=offset))
    check_day(t, world.facts, NOW)
    for unit in world.units:
        assert t.attribution_now(unit.id) == naive_successor(world.facts, unit.id)


@settings(max_examples=examples(50), deadline=None, derandomize=MUTATING)
@given(st.lists(op, min_size=10, max_size=60), st.randoms(use_true_random=False))
def test_timeline_does_not_depend_on_the_order_facts_arrive_in(ops, rnd):
    world = World()
    for name, a, b, offset in ops:
        world.run(name, a, b, offset)
    shuffled = list(world.facts)
    rnd.shuffle(shuffled)
    one, other = OrgTimeline(world.facts), OrgTimeline(shuffled)
    for offset in range(0, 42, 3):
        day = BASE + timedelta(days=offset)
        assert one.tree_as_of(day) == other.tree_as_of(day)
