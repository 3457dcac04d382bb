"""A unit's spans (where its facts count as of a day) on a tree that changes over time, and
the dated counter deltas they give: the sum of a node's deltas up to D is the unit's facts
effective by D while it sat under the node on D."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from domain.organisation import ChangeType, OrgTimeline, UnitChange
from domain.organisation.kinds import UnitKind
from projections.rollup.spans import node_deltas, spans_of

D = date


def _created(unit, kind, parent, on):
    return UnitChange(unit, ChangeType.CREATED, on, kind=UnitKind(kind), name=str(unit)[:4], parent_id=parent)


def _as_of(deltas: dict, node, day: date) -> int:
    return sum(v for (_, n, _, d), v in deltas.items() if n == str(node) and d <= day)


def test_a_move_and_a_later_merge_give_each_node_its_days_and_the_successor_the_history() -> None:
    province, c1, c2, unit, other = (uuid4() for _ in range(5))
    tl = OrgTimeline([_created(province, "province_federation", None, D(2025, 1, 1)),
                      _created(c1, "commune_union", province, D(2025, 1, 1)),
                      _created(c2, "commune_union", province, D(2025, 1, 1)),
                      _created(unit, "grassroots_union", c1, D(2025, 1, 10)),
                      _created(other, "grassroots_union", c2, D(2025, 1, 1)),
                      UnitChange(unit, ChangeType.MOVED, D(2025, 3, 1), parent_id=c2),
                      UnitChange(unit, ChangeType.MERGED, D(2025, 6, 1), successor_ids=(other,))])
    spans = spans_of(tl, unit)
    assert sorted((n, a, b) for n, a, b in spans) == sorted([
        (str(unit), D(2025, 1, 10), D(2025, 6, 1)), (str(province), D(2025, 1, 10), None),
        (str(c1), D(2025, 1, 10), D(2025, 3, 1)), (str(c2), D(2025, 3, 1), None), (str(other), D(2025, 6, 1), None)])
    plan = uuid4()
    deltas = node_deltas(spans, [(plan, "reports", D(2025, 2, 5), 1), (plan, "reports", D(2025, 4, 5), 2)])
    # under c1 from its start to the move: only the February report, on its day
    assert [_as_of(deltas, c1, d) for d in (D(2025, 2, 4), D(2025, 2, 5), D(2025, 2, 28), D(2025, 3, 1))] == [0, 1, 1, 0]
    # under c2 from the move: the February report from the move on, April's from its day; the
    # merge keeps both there, now carried by the successor (as the present-time rollup does)
    assert [_as_of(deltas, c2, d) for d in (D(2025, 2, 28), D(2025, 3, 1), D(2025, 4, 5), D(2025, 6, 1))] == [0, 1, 3, 3]
    assert [_as_of(deltas, other, d) for d in (D(2025, 5, 31), D(2025, 6, 1))] == [0, 3]
    # the province all along, the merge included
    assert [_as_of(deltas, province, d) for d in (D(2025, 2, 5), D(2025, 4, 5), D(2025, 5, 31), D(2025, 6, 1))] == [1, 3, 3, 3]


def test_a_parent_moved_later_moves_its_units_from_that_day() -> None:
    p1, p2, commune, unit = (uuid4() for _ in range(4))
    changes = [_created(p1, "province_federation", None, D(2025, 1, 1)),
               _created(p2, "province_federation", None, D(2025, 1, 1)),
               _created(commune, "commune_union", p1, D(2025, 1, 1)),
               _created(unit, "grassroots_union", commune, D(2025, 1, 1))]
    before = spans_of(OrgTimeline(changes), unit)
    after = spans_of(OrgTimeline([*changes, UnitChange(commune, ChangeType.MOVED, D(2025, 7, 1), parent_id=p2)]),
                     unit)
    assert (str(p1), D(2025, 1, 1), None) in before and (str(p2), D(2025, 7, 1), None) in after
    assert (str(p1), D(2025, 1, 1), D(2025, 7, 1)) in after


def test_a_unit_the_tree_does_not_hold_counts_nowhere() -> None:
    assert spans_of(OrgTimeline(), uuid4()) == ()
