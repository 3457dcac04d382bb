"""Over random trees and random event sequences, every rollup equals the naive figure computed
from the exported logs, now and as of a random day, and the national node is the sum of its
children for every metric."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from uuid import uuid4

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infra.platform import Platform
from projections.queries import NATIONAL, PlanRef, rollup
from tests.projections import builders as b
from tests.projections.oracle import comparable, naive_rollups, oracle_flat

OPS = st.lists(st.one_of(
    st.tuples(st.just("unit"), st.integers(0, 9), st.booleans()),
    st.tuples(st.just("commune"), st.integers(0, 9)),
    st.tuples(st.just("register"), st.integers(0, 30), st.booleans(), st.integers(0, 3), st.sampled_from(["", "p2"])),
    st.tuples(st.just("result"), st.integers(0, 30), st.integers(0, 3), st.integers(0, 15)),
    st.tuples(st.just("report"), st.integers(0, 30), st.booleans(), st.integers(0, 50), st.sampled_from(["ATM gạo", "Bếp ăn nghĩa tình"])),
    st.tuples(st.just("move"), st.integers(0, 30), st.integers(0, 9)),
    st.tuples(st.just("move_commune"), st.integers(0, 9), st.integers(0, 9)),
    st.tuples(st.just("merge"), st.integers(0, 30), st.integers(0, 30)),
    st.tuples(st.just("dissolve"), st.integers(0, 30)),
    st.tuples(st.just("nominate"), st.integers(0, 30), st.integers(0, 3)),
), min_size=5, max_size=30)


class World:
    """Two tenants, each with two level-1 units under an external national body."""

    def __init__(self, platform: Platform):
        self.repo, self.day = platform.repository, b.DAY0
        self.national = b.external_parent()
        self.nat_tenant = f"n-{uuid4().hex[:10]}"
        self.tenants = [f"p-{uuid4().hex[:10]}" for _ in range(2)]
        self.tops, self.communes, self.grassroots, self.regs, self.plans = [], [], [], [], {}

    def tick(self) -> date:
        self.day += timedelta(days=1)
        return self.day

    async def setup(self) -> None:
        self.national = b.unit(self.nat_tenant, "national_body", "Tổng LĐLĐ", None)
        await self.repo.save(self.nat_tenant, self.national)
        self.root = b.plan(self.nat_tenant, self.national.id)
        await self.repo.save(self.nat_tenant, self.root)
        for t in self.tenants:
            tops = [b.unit(t, kind, f"{kind} {t}", self.national)
                    for kind in ("province_federation", "sector_union")]
            communes = [b.unit(t, "commune_union", f"xã {i}", tops[i % 2]) for i in range(2)]
            plan = b.plan(t, tops[0].id, parent=(self.nat_tenant, self.root.id))
            await self.repo.save(t, *tops, *communes, plan)
            self.tops += [(t, u) for u in tops]
            self.communes += [(t, u) for u in communes]
            self.plans[t] = plan

    async def run(self, op: tuple) -> None:
        await getattr(self, "op_" + op[0])(*op[1:])

    def _active(self, pool: list, i: int):
        live = [(t, u) for t, u in pool if u.ended_on is None]
        return live[i % len(live)] if live else (None, None)

    async def op_unit(self, parent_i: int, enterprise: bool) -> None:
        t, parent = self._active(self.communes + self.tops, parent_i)
        u = b.unit(t, "grassroots_union", f"cđcs {len(self.grassroots)}", parent, self.tick(), enterprise)
        await self.repo.save(t, u)
        self.grassroots.append((t, u))

    async def op_commune(self, parent_i: int) -> None:
        t, parent = self._active(self.tops, parent_i)
        u = b.unit(t, "commune_union", f"xã {len(self.communes)}", parent, self.tick())
        await self.repo.save(t, u)
        self.communes.append((t, u))

    async def op_register(self, i: int, late: bool, targets: int, phase: str) -> None:
        t, u = self._active(self.grassroots, i)
        if u is None or any(r.unit_id == u.id and r.phase == phase for _, r in self.regs):
            return
        reg = b.registration(t, self.plans[t].id, u.id, phase=phase, late=late,
                             targets={f"chỉ tiêu {k}": 5 + k for k in range(targets)}, initiatives=targets)
        await self.repo.save(t, reg)
        self.regs.append((t, reg))

    async def op_result(self, i: int, k: int, achieved: int) -> None:
        if not self.regs:
            return
        t, reg = self.regs[i % len(self.regs)]
        if reg.targets:
            reg.record_result(reg.targets[k % len(reg.targets)].indicator, achieved, self.tick())
            await self.repo.save(t, reg)

    async def op_report(self, i: int, late: bool, members: int, model: str) -> None:
        t, u = self._active(self.grassroots, i)
        if u is not None:
            day = self.tick()
            await self.repo.save(t, b.report(t, self.plans[t].id, u.id, day, late=late, members=members,
                                             funds=members * 100_000, models={model: 1}, initiatives=members % 3))

    async def op_move(self, i: int, to: int) -> None:
        t, u = self._active(self.grassroots, i)
        targets = [p for tt, p in self.communes + self.tops if tt == t and p.ended_on is None and p.id != u.parent_id] if u else []
        if targets:
            u.move(targets[to % len(targets)], self.tick())
            await self.repo.save(t, u)

    async def op_move_commune(self, i: int, to: int) -> None:
        t, c = self._active(self.communes, i)
        targets = [p for tt, p in self.tops if tt == t and p.id != c.parent_id] if c else []
        if targets:
            c.move(targets[to % len(targets)], self.tick())
            await self.repo.save(t, c)

    async def op_merge(self, i: int, j: int) -> None:
        t, u = self._active(self.grassroots, i)
        others = [g for tt, g in self.grassroots if tt == t and g.ended_on is None and u and g.id != u.id]
        if others:
            u.merge_into(others[j % len(others)], self.tick())
            await self.repo.save(t, u)

    async def op_dissolve(self, i: int) -> None:
        t, u = self._active(self.grassroots, i)
        if u is not None:
            u.dissolve(self.tick())
            await self.repo.save(t, u)

    async def op_nominate(self, i: int, steps: int) -> None:
        t, u = self._active(self.grassroots, i)
        if u is None:
            return
        n = b.nomination(t, self.plans[t].id, u.id, u.parent_id, form=["bang_khen", "giay_khen"][steps % 2])
        day = self.tick()
        for step in [lambda: n._submit(day, False), lambda: n._receive(day),
                     lambda: n._decide("QĐ 1", day, "Chủ tịch", "province_chair", n.award_form)][:steps]:
            step()
        if steps == 3 and i % 2:
            n._revoke("hồ sơ sai", day)
        await self.repo.save(t, n)

    def nodes(self) -> list:
        return [self.national.id] + [u.id for _, u in self.tops + self.communes + self.grassroots]


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(ops=OPS, as_of_pick=st.integers(0, 40))
async def test_every_rollup_equals_the_naive_figure_from_the_log(platform: Platform, project, ops, as_of_pick) -> None:
    world = World(platform)
    await world.setup()
    for op in ops:
        await world.run(op)
    tenants = [world.nat_tenant, *world.tenants]
    await project(*tenants, batch_size=7)
    plans = {(world.nat_tenant, world.root.id)} | {(t, p.id) for t, p in world.plans.items()}
    root = PlanRef(world.nat_tenant, world.root.id)
    as_of = b.DAY0 + timedelta(days=as_of_pick % ((world.day - b.DAY0).days + 1))
    for day in (None, as_of):
        expected = await naive_rollups(platform.db, tenants, plans, day)
        for node in world.nodes():
            got = await rollup(platform.db, root, node, as_of=day, tenant=NATIONAL)
            assert comparable(got["metrics"]) == oracle_flat(expected.get(node, {})), (node, day)
        # The national node holds no facts of its own: it is the sum of its children.
        national = await rollup(platform.db, root, world.national.id, as_of=day, tenant=NATIONAL)
        summed: Counter = Counter()
        for child in national["children"]:
            summed.update(comparable(child["metrics"]))
        assert comparable(national["metrics"]) == oracle_flat(summed), day
    # As of a day after every fact, each node answers what it answers now: merged, split and
    # dissolved units' history is carried the same way (domain Succession.path_on).
    for node in world.nodes():
        now = await rollup(platform.db, root, node, tenant=NATIONAL)
        later = await rollup(platform.db, root, node, as_of=date(2100, 1, 1), tenant=NATIONAL)
        assert comparable(later["metrics"]) == comparable(now["metrics"]), node
