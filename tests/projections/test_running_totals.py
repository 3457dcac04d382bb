"""Running totals of one dated counter key (projections/rollup/running_totals.py) against
the plain sum of every delta up to each day."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from projections.rollup.running_totals import totals_from

_DAYS = st.integers(0, 40).map(lambda n: date(2025, 1, 1) + timedelta(days=n))
_DELTAS = st.dictionaries(_DAYS, st.integers(-5, 5), min_size=1, max_size=8)


def _as_totals(deltas: dict[date, int]) -> list[tuple[date, int]]:
    total, out = 0, []
    for day in sorted(deltas):
        total += deltas[day]
        out.append((day, total))
    return out


def _total_on(rows: list[tuple[date, int]], day: date) -> int:
    return next((total for d, total in reversed(rows) if d <= day), 0)


@given(_DELTAS, _DELTAS)
def test_adding_deltas_to_stored_totals_gives_the_totals_of_all_the_deltas(
        before: dict[date, int], added: dict[date, int]) -> None:
    stored = _as_totals(before)
    written = dict(stored) | dict(totals_from(stored, added))
    everything = {d: before.get(d, 0) + added.get(d, 0) for d in before.keys() | added.keys()}
    rows = sorted(written.items())
    assert all(_total_on(rows, day) == _total_on(_as_totals(everything), day)
               for day in everything.keys() | {date(2024, 12, 31), date(2025, 3, 1)})


def test_only_the_days_from_the_first_delta_on_are_written() -> None:
    stored = [(date(2025, 1, 1), 3), (date(2025, 1, 10), 5), (date(2025, 1, 20), 9)]
    assert totals_from(stored, {date(2025, 1, 12): 2, date(2025, 1, 25): -1}) == [
        (date(2025, 1, 12), 7), (date(2025, 1, 20), 11), (date(2025, 1, 25), 10)]
    assert totals_from([], {date(2025, 1, 5): 4}) == [(date(2025, 1, 5), 4)]
