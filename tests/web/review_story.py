"""Seed 001 from the district/province side, set up through the services (as tests/api/
seed_001_flow.py does over HTTP): a province tenant, its district federation (LĐLĐ huyện Gò
Dầu) and grassroots unions, seed 001's plan issued and launched by the district, each union
registered on time, reporting every month and exceeding its target, and a nomination with a
complete dossier submitted for each."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from domain.plan import ReportSchedule
from domain.registration import Target
from domain.report import ReportFigures
from seeds import seed_001
from domain.nomination import Nomination
from projections.read_your_writes import wait_until_projected
from services import files, nominations, org_units, plans, registrations, reports
from services.context import SYSTEM
from tenants.ids import root_unit_id
from tests.dossier_samples import pdf

FORM = "bk_bch_ldld_tinh"  # Bằng khen BCH LĐLĐ tỉnh, pool de_nghi_bang_khen: at most 4
DOSSIER = (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2))
REPORT_DAYS = (date(2021, 10, 25), date(2021, 11, 25), date(2021, 12, 25))
SUBMITTED_ON = date(2021, 12, 20)


@dataclass
class Story:
    tenant: str
    root: UUID
    district: UUID
    plan_id: UUID = None  # type: ignore[assignment]
    unions: dict[str, UUID] = field(default_factory=dict)
    nominations: dict[str, UUID] = field(default_factory=dict)
    position: int = 0  # the last command's: wait for the read models to reach it


async def district_with_unions(platform, tenant: str, names: list[str]) -> Story:
    root = root_unit_id(tenant)
    district = (await org_units.create_unit(platform, tenant, SYSTEM, kind="district_federation",
                                            name="LĐLĐ huyện Gò Dầu", parent_id=root,
                                            effective=date(2020, 1, 1))).id
    story = Story(tenant, root, district)
    for i, name in enumerate(names):
        created = await org_units.create_unit(platform, tenant, SYSTEM, kind="grassroots_union", name=name,
                                              parent_id=district, effective=date(2020, 1, 1), enterprise=i % 2 == 0)
        story.unions[name], story.position = created.id, created.position
    return story


async def seed_001_launched(platform, story: Story) -> UUID:
    args = seed_001.draft_args(story.tenant, story.district)
    args.pop("tenant")
    args["report_schedule"] = ReportSchedule((25,), 0, "Liên đoàn Lao động huyện")
    plan_id = (await plans.draft_plan(platform, story.tenant, SYSTEM, **args)).id
    await plans.issue_plan(platform, story.tenant, SYSTEM, plan_id, number="15/KH-LĐLĐ",
                           issued_on=date(2021, 9, 30), signer="", capacity="TM. Ban Thường vụ")
    story.position = (await plans.launch_plan(platform, story.tenant, SYSTEM, plan_id, on=date(2021, 10, 1))).position
    story.plan_id = plan_id
    return plan_id


async def qualified_and_nominated(platform, story: Story, name: str, *, reports_sent: int = 3) -> UUID:
    """Registered on time, reports sent, target exceeded; nominated with a complete dossier, submitted."""
    unit, tenant, plan_id = story.unions[name], story.tenant, story.plan_id
    registration = (await registrations.register_unit(
        platform, tenant, SYSTEM, plan_id=plan_id, unit_id=unit, phase=seed_001.PHASE,
        targets=[Target("Sáng kiến", 3, "sáng kiến")], on=date(2021, 10, 5))).id
    for day in REPORT_DAYS[:reports_sent]:
        await reports.submit_report(platform, tenant, SYSTEM, plan_id=plan_id, unit_id=unit, day=day,
                                    figures=ReportFigures(members_supported=1), submitted_on=day)
    await registrations.record_result(platform, tenant, SYSTEM, registration, indicator="Sáng kiến", achieved=4,
                                      on=date(2021, 12, 20))
    nid = (await nominations.draft_nomination(
        platform, tenant, SYSTEM, plan_id=plan_id, nominee_kind="collective", nominee_id=unit, award_form=FORM,
        phase=seed_001.PHASE, proposing_unit_id=story.district)).id
    for kind, copies in DOSSIER:
        await nominations.attach_document(platform, tenant, SYSTEM, nid, kind=kind, copies=copies)
    await files.attach_file(platform, tenant, SYSTEM, Nomination, nid, kind="achievement_report",
                            name=f"bao-cao-thanh-tich-{len(story.nominations) + 1}.pdf", content=pdf(name))
    story.position = (await nominations.submit(platform, tenant, SYSTEM, nid, on=SUBMITTED_ON)).position
    story.nominations[name] = nid
    return nid


async def voted(platform, story: Story, name: str) -> None:
    """Received, appraised and passed by the emulation council (7 of 9 for)."""
    nid, tenant = story.nominations[name], story.tenant
    await nominations.receive(platform, tenant, SYSTEM, nid, on=SUBMITTED_ON)
    await nominations.appraise(platform, tenant, SYSTEM, nid, on=SUBMITTED_ON, note="Đạt")
    story.position = (await nominations.record_council_vote(
        platform, tenant, SYSTEM, nid, on=SUBMITTED_ON, present=9, votes_for=7, votes_against=2)).position


async def projected(platform, story: Story) -> None:
    """The read models hold everything set up (the pages read them)."""
    assert await wait_until_projected(platform.db, story.tenant, story.position, timeout_s=30)
