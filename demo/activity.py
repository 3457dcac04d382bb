"""Registrations, results, progress reports (some late, some missing), nominations with their
dossiers, and award decisions within seed 001's quota (4 certificates of merit at most)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from demo import ids
from demo.org import unit
from demo.steps import Steps
from domain.registration import Target
from domain.report import ReportFigures
from seeds import seed_001, seed_002
from services import awards, nominations, registrations, reports

INITIATIVES = "Sáng kiến, cải tiến kỹ thuật"
SUPPORTED = "Đoàn viên, người lao động được hỗ trợ"
GIFTS = "Suất quà hỗ trợ đoàn viên khó khăn"

# (tenant, plan key, phase, unit keys, registered on, targets)
REGISTRATIONS = [
    (ids.TAY_NINH, "seed_001", seed_001.PHASE, [f"go-dau/{n}" for n in range(1, 6)], date(2021, 10, 5),
     [Target(INITIATIVES, 3, "sáng kiến"), Target(SUPPORTED, 50, "người")]),
    (ids.TAY_NINH, "265", "", ["chau-thanh/1", "chau-thanh/2"], date(2021, 10, 4), [Target(SUPPORTED, 80, "người")]),
    (ids.BINH_PHUOC, "seed_000", "", ["phu-rieng/1", "phu-rieng/2", "phu-rieng/3"], date(2021, 9, 15),
     [Target(GIFTS, 100, "suất")]),
    (ids.BINH_PHUOC, "116", "", ["dong-xoai/1"], date(2021, 9, 20), [Target(GIFTS, 150, "suất")]),
    (ids.KIEN_GIANG, "covid", "", ["vinh-thuan/1", "rach-gia/1"], date(2021, 9, 20), [Target(GIFTS, 60, "suất")]),
    (ids.KIEN_GIANG, "seed_002", seed_002.PHASE_2, ["vinh-thuan/1", "vinh-thuan/2", "vinh-thuan/3"],
     date(2021, 6, 20), [Target("Đoàn viên mới kết nạp", 20, "người")]),
    (ids.GIAO_DUC, "seed_003", "", ["/1", "/2"], date(2021, 9, 20), [Target(SUPPORTED, 200, "người")]),
    (ids.SO_LDTBXH, "seed_004", "", ["van-phong", "thanh-tra", "lao-dong"], date(2021, 9, 12),
     [Target("Tin bài tuyên truyền phòng, chống dịch", 10, "tin bài")]),
]

# Seed 004 reports on the 5th, 15th and 25th: (division, reporting day, submitted on); the
# "Phòng Bảo trợ xã hội" never reports and thanh-tra misses 5/10 (both show as missing).
REPORTS = [
    ("van-phong", date(2021, 9, 15), date(2021, 9, 15)), ("van-phong", date(2021, 9, 25), date(2021, 9, 25)),
    ("van-phong", date(2021, 10, 5), date(2021, 10, 5)),
    ("thanh-tra", date(2021, 9, 15), date(2021, 9, 15)), ("thanh-tra", date(2021, 9, 25), date(2021, 9, 27)),
    ("lao-dong", date(2021, 9, 15), date(2021, 9, 17)), ("lao-dong", date(2021, 9, 25), date(2021, 9, 25)),
    ("lao-dong", date(2021, 10, 5), date(2021, 10, 5)),
]

CERTIFICATE = "bk_bch_ldld_tinh"  # Bằng khen của BCH LĐLĐ tỉnh; pool de_nghi_bang_khen, 4 at most
DOSSIER = (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2))


async def load_activity(steps: Steps, plans: dict[str, UUID]) -> None:
    for tenant, key, phase, units, on, targets in REGISTRATIONS:
        for u in units:
            await steps.run(registrations.register_unit, tenant, f"reg/{key}/{u}", plan_id=plans[f"{tenant}/{key}"],
                            unit_id=unit(tenant, u), phase=phase, targets=targets, on=on)
    await _results(steps, plans[f"{ids.TAY_NINH}/seed_001"])
    await _reports(steps, plans[f"{ids.SO_LDTBXH}/seed_004"])
    await _nominations(steps, plans[f"{ids.TAY_NINH}/seed_001"])


async def _results(steps: Steps, plan_id: UUID) -> None:
    """Go Dau's unions 1-4 exceed every target of the sprint; union 5 only meets them."""
    for n in range(1, 6):
        reg = await registrations.get_registration(steps.platform, ids.TAY_NINH, plan_id=plan_id,
                                                   phase=seed_001.PHASE, unit_id=unit(ids.TAY_NINH, f"go-dau/{n}"))
        for indicator, target in ((INITIATIVES, 3), (SUPPORTED, 50)):
            achieved = target + (n if n < 5 else 0)
            await steps.run(registrations.record_result, ids.TAY_NINH, f"result/{n}/{indicator}", reg.id,
                            indicator=indicator, achieved=achieved, on=date(2021, 12, 20))


async def _reports(steps: Steps, plan_id: UUID) -> None:
    for n, (division, day, submitted) in enumerate(REPORTS, 1):
        figures = ReportFigures(members_supported=10 * n, funds_mobilised=2_500_000 * n,
                                models_started={"Tổ an toàn Covid-19": 1} if n % 3 == 0 else {})
        await steps.run(reports.submit_report, ids.SO_LDTBXH, f"report/{division}/{day}", plan_id=plan_id,
                        unit_id=unit(ids.SO_LDTBXH, division), day=day, figures=figures, submitted_on=submitted)


async def _nominations(steps: Steps, plan_id: UUID) -> None:
    """Gò Dầu proposes unions 1-4 (submitted 20/12/2021), union 5 late (30/12/2021); the province
    decides 3 certificates (enterprise unions first), leaving one voted and one slot open."""
    district = unit(ids.TAY_NINH, "go-dau")
    voted = []
    for n in range(1, 6):
        late = n == 5
        on = date(2021, 12, 30) if late else date(2021, 12, 20)
        t, k = ids.TAY_NINH, f"nomination/{n}"
        nid = (await steps.run(nominations.draft_nomination, t, f"{k}/draft", plan_id=plan_id,
                               nominee_kind="collective", nominee_id=unit(t, f"go-dau/{n}"), award_form=CERTIFICATE,
                               phase=seed_001.PHASE, proposing_unit_id=district)).id
        for kind, copies in DOSSIER:
            await steps.run(nominations.attach_document, t, f"{k}/{kind}", nid, kind=kind, copies=copies)
        await steps.run(nominations.submit, t, f"{k}/submit", nid, on=on)
        if late:
            continue
        await steps.run(nominations.receive, t, f"{k}/receive", nid, on=on)
        await steps.run(nominations.appraise, t, f"{k}/appraise", nid, on=date(2021, 12, 22))
        await steps.run(nominations.record_council_vote, t, f"{k}/vote", nid, on=date(2021, 12, 24), present=9,
                        votes_for=8, votes_against=1)
        voted.append(nid)
    for n, nid in enumerate(voted[:3], 1):
        await steps.run(awards.decide_award, ids.TAY_NINH, f"award/{n}", nid, decision_number=f"{n}/QĐ-LĐLĐ",
                        decided_on=date(2021, 12, 30), signer="Chủ tịch LĐLĐ tỉnh Tây Ninh",
                        authority="province_federation_executive")
