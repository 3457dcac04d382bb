"""Counter arithmetic of the rollup projection.

counters(plan, node, metric) = Σ leaf(plan, u, metric) over units u whose attribution path
now contains node. Every leaf change is added along the unit's path; a path change moves the
unit's leaves from the nodes it left to the nodes it joined. Rows are keyed by tenant, so two
tenants never touch the same counter row.
"""

from __future__ import annotations

from uuid import UUID

import asyncpg

NIL_PLAN = UUID(int=0)  # plan-independent facts: units in the tree


class RollupStore:
    def __init__(self, t: dict[str, str]):
        self.t = t

    async def path(self, conn: asyncpg.Connection, tenant: str, unit: UUID) -> list[UUID]:
        """The unit's attribution path; a unit not (yet) created stands alone."""
        path = await conn.fetchval(
            f"SELECT path FROM {self.t['rollup_units']} WHERE tenant_id = $1 AND unit_id = $2", tenant, unit)
        if path is None:
            await conn.execute(
                f"INSERT INTO {self.t['rollup_units']} (tenant_id, unit_id, path) VALUES ($1, $2, $3)",
                tenant, unit, [unit])
            return [unit]
        return path

    async def add(self, conn: asyncpg.Connection, tenant: str, plan: UUID, unit: UUID,
                  deltas: dict[str, int]) -> None:
        deltas = {m: v for m, v in deltas.items() if v}
        if not deltas:
            return
        metrics, values = list(deltas), list(deltas.values())
        await conn.execute(
            f"INSERT INTO {self.t['rollup_leaf']} AS l SELECT $1, $2, $3, m, v"
            " FROM unnest($4::text[], $5::bigint[]) AS d(m, v)"
            " ON CONFLICT (tenant_id, plan_id, unit_id, metric) DO UPDATE SET value = l.value + excluded.value",
            tenant, plan, unit, metrics, values)
        await self._bump(conn, tenant, plan, await self.path(conn, tenant, unit), metrics, values)

    async def _bump(self, conn: asyncpg.Connection, tenant: str, plan: UUID, nodes: list[UUID],
                    metrics: list[str], values: list[int]) -> None:
        await conn.execute(
            f"INSERT INTO {self.t['rollup_counters']} AS c SELECT $1, $2, n, m, v"
            " FROM unnest($3::uuid[]) AS n, unnest($4::text[], $5::bigint[]) AS d(m, v)"
            " ON CONFLICT (tenant_id, plan_id, node_id, metric) DO UPDATE SET value = c.value + excluded.value",
            tenant, plan, nodes, metrics, values)

    async def repath(self, conn: asyncpg.Connection, tenant: str, unit: UUID,
                     old: list[UUID], new: list[UUID]) -> None:
        """Move the unit's leaf facts from the nodes it left to the nodes it joined."""
        if old == new:
            return
        await conn.execute(
            f"UPDATE {self.t['rollup_units']} SET path = $3 WHERE tenant_id = $1 AND unit_id = $2",
            tenant, unit, new)
        left, joined = [n for n in old if n not in new], [n for n in new if n not in old]
        if not left and not joined:
            return
        await conn.execute(
            f"INSERT INTO {self.t['rollup_counters']} AS c"
            " SELECT $1, l.plan_id, n.node, l.metric, sum(l.value * n.sign)"
            f" FROM {self.t['rollup_leaf']} l,"
            " (SELECT unnest($3::uuid[]) AS node, -1 AS sign UNION ALL SELECT unnest($4::uuid[]), 1) AS n"
            " WHERE l.tenant_id = $1 AND l.unit_id = $2 GROUP BY 1, 2, 3, 4"
            " ON CONFLICT (tenant_id, plan_id, node_id, metric) DO UPDATE SET value = c.value + excluded.value",
            tenant, unit, left, joined)
