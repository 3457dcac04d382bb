"""nominations: each nomination's state, returns and decision."""

from __future__ import annotations

import json

import asyncpg

from domain.nomination import Nomination
from projections.engine.base import Event, Projection, handles
from projections.engine.writes import DeferredWrites

N = Nomination
# event class name -> state after it (None: the state does not change)
STATES = {"NominationSubmitted": "submitted", "NominationResubmitted": "submitted",
          "NominationReturned": "returned", "NominationReceived": "received",
          "NominationAppraised": "appraised", "CouncilVoted": "voted",
          "NominationForwarded": "forwarded", "AwardDecided": "decided",
          "NominationRejected": "rejected", "AwardRevoked": "revoked"}
STEP_EVENTS = (N.NominationSubmitted, N.NominationResubmitted, N.NominationReturned,
               N.NominationReceived, N.NominationAppraised, N.CouncilVoted, N.NominationForwarded,
               N.AwardDecided, N.NominationRejected, N.AwardRevoked)


def state_after(e: Event) -> str:
    return STATES[e.topic.rsplit(".", 1)[-1]]


class NominationsProjection(DeferredWrites, Projection):
    name = "nominations"
    tables = ("nominations",)

    @handles(N.NominationDrafted)
    async def on_drafted(self, conn: asyncpg.Connection, e: Event) -> None:
        d = e.data
        await conn.execute(
            f"INSERT INTO {self.t['nominations']} (tenant_id, nomination_id, plan_id, phase, nominee_kind,"
            " nominee_id, nominee_name, nominee_enterprise, award_form, proposing_unit_id, status)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'drafted')",
            e.tenant_id, e.stream_id, d["plan_id"], d["phase"], d["nominee_kind"], d["nominee_id"],
            d["nominee_name"], d["nominee_enterprise"], d["award_form"], d["proposing_unit_id"])

    @handles(*STEP_EVENTS)
    async def on_step(self, conn: asyncpg.Connection, e: Event) -> None:
        d, table, state = e.data, self.t["nominations"], state_after(e)
        await conn.execute(f"UPDATE {table} SET status = $3 WHERE tenant_id = $1 AND nomination_id = $2",
                           e.tenant_id, e.stream_id, state)
        if state == "submitted":
            await conn.execute(f"UPDATE {table} SET submitted_on = $3, late = $4"
                               " WHERE tenant_id = $1 AND nomination_id = $2",
                               e.tenant_id, e.stream_id, d["on"], d["late"])
        elif state == "returned":
            entry = json.dumps([{"reason": d["reason"], "on": d["on"].isoformat()}], ensure_ascii=False)
            await conn.execute(f"UPDATE {table} SET returns = returns || $3::jsonb"
                               " WHERE tenant_id = $1 AND nomination_id = $2", e.tenant_id, e.stream_id, entry)
        elif state == "decided":
            await conn.execute(f"UPDATE {table} SET decision_number = $3, decided_on = $4, authority = $5"
                               " WHERE tenant_id = $1 AND nomination_id = $2", e.tenant_id, e.stream_id,
                               d["decision_number"], d["decided_on"], d["authority"])
        elif state in ("rejected", "revoked"):
            await conn.execute(f"UPDATE {table} SET end_reason = $3 WHERE tenant_id = $1 AND nomination_id = $2",
                               e.tenant_id, e.stream_id, d["reason"])
