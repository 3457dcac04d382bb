"""nominations: each nomination's state, returns and decision."""

from __future__ import annotations

import json

import asyncpg

from domain.nomination import Nomination
from projections.engine.base import Projection, handles
from projections.engine.event import Event
from projections.engine.writes import DeferredWrites

N = Nomination
STATES = {N.NominationSubmitted: "submitted", N.NominationResubmitted: "submitted",
          N.NominationReturned: "returned", N.NominationReceived: "received",
          N.NominationAppraised: "appraised", N.CouncilVoted: "voted",
          N.NominationForwarded: "forwarded", N.AwardDecided: "decided",
          N.NominationRejected: "rejected", N.AwardRevoked: "revoked"}
"""A step's event class -> the nomination's state after it."""
STEP_EVENTS = tuple(STATES)


def state_after(e: Event) -> str:
    return STATES[type(e.domain_event)]


class NominationsProjection(DeferredWrites, Projection):
    name = "nominations"
    tables = ("nominations",)

    @handles(N.NominationDrafted)
    async def on_drafted(self, conn: asyncpg.Connection, e: Event) -> None:
        n = e.domain_event
        await conn.execute(
            f"INSERT INTO {self.t['nominations']} (tenant_id, nomination_id, plan_id, phase, nominee_kind,"
            " nominee_id, nominee_name, nominee_enterprise, award_form, proposing_unit_id, status)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'drafted')",
            e.tenant_id, e.stream_id, n.plan_id, n.phase, n.nominee_kind, n.nominee_id,
            n.nominee_name, n.nominee_enterprise, n.award_form, n.proposing_unit_id)

    @handles(*STEP_EVENTS)
    async def on_step(self, conn: asyncpg.Connection, e: Event) -> None:
        step, table, state = e.domain_event, self.t["nominations"], state_after(e)
        await conn.execute(f"UPDATE {table} SET status = $3 WHERE tenant_id = $1 AND nomination_id = $2",
                           e.tenant_id, e.stream_id, state)
        if state == "submitted":
            await conn.execute(f"UPDATE {table} SET submitted_on = $3, late = $4"
                               " WHERE tenant_id = $1 AND nomination_id = $2",
                               e.tenant_id, e.stream_id, step.on, step.late)
        elif state == "returned":
            entry = json.dumps([{"reason": step.reason, "on": step.on.isoformat()}], ensure_ascii=False)
            await conn.execute(f"UPDATE {table} SET returns = returns || $3::jsonb"
                               " WHERE tenant_id = $1 AND nomination_id = $2", e.tenant_id, e.stream_id, entry)
        elif state == "decided":
            await conn.execute(f"UPDATE {table} SET decision_number = $3, decided_on = $4, authority = $5"
                               " WHERE tenant_id = $1 AND nomination_id = $2", e.tenant_id, e.stream_id,
                               step.decision_number, step.decided_on, step.authority)
        elif state in ("rejected", "revoked"):
            await conn.execute(f"UPDATE {table} SET end_reason = $3 WHERE tenant_id = $1 AND nomination_id = $2",
                               e.tenant_id, e.stream_id, step.reason)
