"""The registrations and nominations a rollup batch follows, each set owning its rows: read
once when the batch opens, changed by the batch's events, the changed rows handed to the
batch's flush. The projection asks them what an event changes in the counters."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from projections.read_models.targets import targets_met


class Registrations:
    def __init__(self, rows: dict[UUID, dict], registered: set[tuple[UUID, UUID, str]]):
        self._rows = rows  # registration -> plan_id, unit_id, phase, targets, results, targets_met
        self._plans_of: dict[UUID, set[UUID]] = {}  # unit -> plans it has a registration for
        self._phase_plans_of: dict[tuple[UUID, str], set[UUID]] = {}  # (unit, phase) -> plans
        for plan, unit, phase in registered:
            self._plans_of.setdefault(unit, set()).add(plan)
            self._phase_plans_of.setdefault((unit, phase), set()).add(plan)
        self._changed: set[UUID] = set()

    def register(self, registration_id: UUID, plan: UUID, unit: UUID, phase: str,
                 targets: list[dict]) -> tuple[frozenset[UUID] | None, frozenset[UUID]]:
        """Follow a new registration: None if the unit already had one for the plan (another
        phase), else the other plans the unit was registered for before this one; and the
        other plans it was registered for in the same phase (one registration per plan and
        phase, so this is always its first for the plan in this phase)."""
        if registration_id in self._rows:
            raise ValueError(f"registration {registration_id} is already in the rollup")
        plans = self._plans_of.setdefault(unit, set())
        earlier = None if plan in plans else frozenset(plans)
        plans.add(plan)
        in_phase = self._phase_plans_of.setdefault((unit, phase), set())
        earlier_in_phase = frozenset(in_phase - {plan})
        in_phase.add(plan)
        self._rows[registration_id] = {"plan_id": plan, "unit_id": unit, "phase": phase, "targets": targets,
                                       "results": {}, "targets_met": 0}
        self._changed.add(registration_id)
        return earlier, earlier_in_phase

    def record_result(self, registration_id: UUID, indicator: str, achieved: Any) -> tuple[UUID, UUID, str, int]:
        """Keep a target's result: the registration's plan, unit and phase, and how many
        more (or fewer) of its targets are met."""
        row = self._rows[registration_id]
        results = {**row["results"], indicator: str(achieved)}
        met = targets_met(row["targets"], results)
        more = met - row["targets_met"]
        row["results"], row["targets_met"] = results, met
        self._changed.add(registration_id)
        return row["plan_id"], row["unit_id"], row["phase"], more

    def take_changed(self) -> dict[UUID, dict]:
        """The rows changed since the last call, to be written."""
        changed, self._changed = self._changed, set()
        return {i: self._rows[i] for i in changed}


class Nominations:
    def __init__(self, rows: dict[UUID, dict]):
        self._rows = rows  # nomination -> plan_id, unit_id, phase, award_form, status, since (day it entered status)
        self._changed: set[UUID] = set()

    def draft(self, nomination_id: UUID, plan: UUID, unit: UUID, phase: str, award_form: str, day: date) -> None:
        if nomination_id in self._rows:
            raise ValueError(f"nomination {nomination_id} is already in the rollup")
        self._rows[nomination_id] = {"plan_id": plan, "unit_id": unit, "phase": phase, "award_form": award_form,
                                     "status": "drafted", "since": day}
        self._changed.add(nomination_id)

    def move(self, nomination_id: UUID, state: str, day: date) -> tuple[UUID, UUID, str, str, str, date]:
        """Put the nomination in `state` on `day`: its plan, unit, phase, award form, the state it left
        and the day it left it, never before the day it entered it (a step dated earlier than
        the draft was recorded counts from its own day; the earlier state, then, never did)."""
        row = self._rows[nomination_id]
        left, left_on = row["status"], max(day, row["since"] or day)
        row["status"], row["since"] = state, day
        self._changed.add(nomination_id)
        return row["plan_id"], row["unit_id"], row["phase"], row["award_form"], left, left_on

    def take_changed(self) -> dict[UUID, dict]:
        """The rows changed since the last call, to be written."""
        changed, self._changed = self._changed, set()
        return {i: self._rows[i] for i in changed}
