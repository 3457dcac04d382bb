"""The seed 001 story driven over HTTP, step by step, the way a client would (shared by the
story test and the bad-input tests of the nomination and award endpoints)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from uuid import UUID

from projections.engine.runner import ProjectionRunner
from projections.engine.status import projection_status
from projections.registry import all_projections
from seeds import seed_001
from seeds.common import COVID_CAMPAIGN_TLD, UNTIL_CONTROLLED
from tenants.ids import NATIONAL_TENANT, root_unit_id
from tests.api.story import create_unit, ensure_national_platform, post, provision, seed_001_draft

PHASE = seed_001.PHASE
FORM = "bk_bch_ldld_tinh"  # Bằng khen BCH LĐLĐ tỉnh, pool de_nghi_bang_khen: at most 4
DOSSIER = (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2))
REPORT_DAYS = ("2021-10-25", "2021-11-25", "2021-12-25")
# Seed 001 only says "báo cáo ... đúng thời gian quy định" and gives no reporting days: the
# story assumes a monthly report on the 25th, due the same day.
REPORT_SCHEDULE = {"days_of_month": [25], "grace_days": 0, "recipient": "Liên đoàn Lao động huyện"}
TARGETS = [{"indicator": "Sáng kiến", "amount": 3, "unit": "sáng kiến"}]


def created(response_body: tuple, status: int = 201) -> dict:
    response, body = response_body
    if response.status_code != status:
        raise AssertionError(f"{response.status_code} {body}")
    return body


@dataclass
class Province:
    tenant: str
    root: UUID
    district: UUID
    unions: list[UUID]
    officer: str  # the province federation's officer (whole tenant)
    district_officer: str  # the district federation's officer (its subtree only)
    plans: dict[str, str] = field(default_factory=dict)


async def national_plan(client, platform, token) -> str:
    """The national COVID-19 campaign plan (130/KH-TLĐ), drafted, issued and launched."""
    await ensure_national_platform(platform)
    officer = token(NATIONAL_TENANT, "officer")
    body = created(await post(client, "/plans", officer, {
        "issuing_unit_id": str(root_unit_id(NATIONAL_TENANT)), "theme": COVID_CAMPAIGN_TLD, "kind": "thematic",
        "period": {"start": "2021-09-01", "end": None, "end_condition": UNTIL_CONTROLLED},
        "eligible_subjects": ["collective", "individual"]}))
    created(await post(client, f"/plans/{body['id']}/issue", officer, {
        "number": "130/KH-TLĐ", "issued_on": "2021-09-01", "signer": "", "capacity": "TM. Đoàn Chủ tịch"}))
    created(await post(client, f"/plans/{body['id']}/launch", officer, {"on": "2021-09-01"}))
    return body["id"]


async def province(client, token, tenant: str, name: str, unions: list[tuple[str, bool]]) -> Province:
    """A provisioned province tenant with one district federation and its grassroots unions."""
    root = await provision(client, token(tenant, "platform_admin"), tenant, name)
    officer = token(tenant, "officer")
    district = await create_unit(client, officer, root, "district_federation", "LĐLĐ huyện Gò Dầu")
    district_officer = token(tenant, "officer", unit=str(district))
    ids = [await create_unit(client, district_officer, district, "grassroots_union", n, enterprise=e)
           for n, e in unions]
    return Province(tenant, root, district, ids, officer, district_officer)


async def province_plan(client, p: Province, national_plan_id: str, number: str = "265/KH-LĐLĐ") -> str:
    """Stub of a province plan (Tây Ninh's 265/KH-LĐLĐ) implementing the national plan on the platform."""
    body = created(await post(client, "/plans", p.officer, {
        "issuing_unit_id": str(p.root), "theme": "90 ngày nước rút vượt chỉ tiêu về đích", "kind": "sprint",
        "period": {"start": "2021-10-01", "end": "2021-12-31"}, "eligible_subjects": ["collective"],
        "parent_links": [{"relation": "implements", "number": "130/KH-TLĐ", "issued_on": "2021-09-01",
                          "issuer": "Tổng Liên đoàn Lao động Việt Nam", "tenant": NATIONAL_TENANT,
                          "plan_id": national_plan_id}]}))
    created(await post(client, f"/plans/{body['id']}/issue", p.officer, {
        "number": number, "issued_on": "2021-09-28", "signer": "", "capacity": "TM. Ban Thường vụ"}))
    created(await post(client, f"/plans/{body['id']}/launch", p.officer, {"on": "2021-09-28"}))
    return body["id"]


async def seed_001_plan(client, p: Province, parent: tuple[str, str] | None = None) -> str:
    """Seed 001; its 265/KH-LĐLĐ link points at `parent` (tenant, plan) on the platform if given."""
    draft = seed_001_draft(p.district)
    draft["report_schedule"] = REPORT_SCHEDULE
    if parent is not None:
        link = draft["parent_links"][0]
        link["tenant"], link["plan_id"] = parent
    body = created(await post(client, "/plans", p.district_officer, draft, key=f"draft-001-{p.tenant}"))
    issue = {**seed_001.ISSUE, "expected_version": 1}
    created(await post(client, f"/plans/{body['id']}/issue", p.district_officer, issue))
    created(await post(client, f"/plans/{body['id']}/launch", p.district_officer,
                             {"on": "2021-10-01", "expected_version": 2}))
    return body["id"]


async def register(client, officer: str, plan_id: str, unit: UUID, on: str):
    return await post(client, "/registrations", officer, {
        "plan_id": plan_id, "unit_id": str(unit), "phase": PHASE, "on": on, "targets": TARGETS})


async def report(client, officer: str, plan_id: str, unit: UUID, day: str, **figures):
    return await post(client, "/reports", officer, {
        "plan_id": plan_id, "unit_id": str(unit), "day": day, "submitted_on": day, "figures": figures})


async def draft(client, officer: str, plan_id: str, proposer: UUID, nominee: UUID, kind: str = "collective",
                **extra):
    return await post(client, "/nominations", officer, {
        "plan_id": plan_id, "nominee_kind": kind, "nominee_id": str(nominee), "award_form": FORM,
        "phase": PHASE, "proposing_unit_id": str(proposer), **extra})


async def nominate_to_vote(client, p: Province, plan_id: str, unit: UUID, on: str = "2021-12-20") -> str:
    """Draft by the district with a complete dossier, submitted; received, appraised and voted
    by the province's emulation council (7 of 9 for)."""
    nid = (created(await draft(client, p.district_officer, plan_id, p.district, unit)))["id"]
    version = 1
    for kind, copies in DOSSIER:
        version = (created(await post(client, f"/nominations/{nid}/documents", p.district_officer, {
            "kind": kind, "copies": copies, "expected_version": version})))["version"]
    created(await post(client, f"/nominations/{nid}/submit", p.district_officer, {"on": on}))
    created(await post(client, f"/nominations/{nid}/receive", p.officer, {"on": on}))
    created(await post(client, f"/nominations/{nid}/appraise", p.officer, {"on": on, "note": "Đạt"}))
    created(await post(client, f"/nominations/{nid}/council-vote", p.officer, {
        "on": on, "present": 9, "votes_for": 7, "votes_against": 2}))
    return nid


async def decide(client, officer: str, nid: str, number: int, **extra):
    return await post(client, f"/nominations/{nid}/award", officer, {
        "decision_number": f"{number}/QĐ-LĐLĐ", "decided_on": "2022-01-10", "signer": "Chủ tịch",
        "authority": "province_federation_executive", **extra})


async def caught_up(platform, admin, tenants: list[str], within_s: float = 30.0) -> None:
    """Run a ProjectionRunner until every projection of `tenants` has reached the log head."""
    names = [p.name for p in all_projections()]
    async with ProjectionRunner(platform.db, poll_interval=0.05):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within_s
        while loop.time() < deadline:
            rows = [r for r in await projection_status(admin, names) if r.tenant_id in tenants]
            if len(rows) == len(names) * len(tenants) and all(r.lag == 0 and not r.error for r in rows):
                return
            await asyncio.sleep(0.1)
    raise TimeoutError(f"projections of {tenants} did not catch up")


async def qualified(client, p: Province, plan_id: str, unit: UUID) -> None:
    """Registered on time, every report on time, targets exceeded: meets seed 001's three standards."""
    reg = created(await register(client, p.district_officer, plan_id, unit, "2021-10-05"))["id"]
    for day in REPORT_DAYS:
        created(await report(client, p.district_officer, plan_id, unit, day, members_supported=1))
    created(await post(client, f"/registrations/{reg}/results", p.district_officer, {
        "indicator": "Sáng kiến", "achieved": 4, "on": "2021-12-20"}))
