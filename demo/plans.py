"""The demo's plans: the national COVID-19 campaign (130/KH-TLĐ, cited by seed 003) and the
plans cascading from it through the province federations to the seeds' district plans;
seed 003 under the sector union, seed 004 under the department.

Province plans are stubs holding what the seeds say of them (number, date, issuer, theme);
Kiên Giang's COVID-19 plan is illustrative (seed 002 cites only its annual plan 133).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import UUID

from demo import ids
from demo.org import unit
from demo.steps import Steps
from domain.plan import ParentLink, Period
from seeds import seed_000, seed_001, seed_002, seed_003, seed_004
from seeds.common import COVID_CAMPAIGN_TLD, UNTIL_CONTROLLED
from services import plans

TLD_PRESIDIUM = "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam"
BOTH = ["collective", "individual"]


def on_platform(link: ParentLink, tenant: str, plan_id: UUID) -> ParentLink:
    return replace(link, tenant=tenant, plan_id=plan_id)


def implements_130(title: str = COVID_CAMPAIGN_TLD) -> ParentLink:
    return ParentLink("implements", "130/KH-TLĐ", date(2021, 9, 1), TLD_PRESIDIUM, title,
                      ids.NATIONAL, ids.NATIONAL_PLAN)


async def launched(steps: Steps, tenant: str, key: str, issuing_unit: str, args: dict, issue: dict,
                   on: date) -> UUID:
    """Draft (with the fixed id), issue and launch one plan."""
    plan_id = ids.plan_id(tenant, key)
    args = {**args, "issuing_unit_id": unit(tenant, issuing_unit)}
    args.pop("tenant", None)
    await steps.run(plans.draft_plan, tenant, f"plan/{key}/draft", id=plan_id, **args)
    await steps.run(plans.issue_plan, tenant, f"plan/{key}/issue", plan_id, **issue)
    await steps.run(plans.launch_plan, tenant, f"plan/{key}/launch", plan_id, on=on)
    return plan_id


def _stub(theme: str, start: date | None, end: date | None = None, links=(), kind: str = "thematic") -> dict:
    period = Period(start, end, "" if end else UNTIL_CONTROLLED)
    return dict(kind=kind, theme=theme, period=period, eligible_subjects=BOTH, parent_links=list(links))


async def load_plans(steps: Steps) -> dict[str, UUID]:
    """Every plan, keyed "<tenant>/<key>"."""
    out: dict[str, UUID] = {}

    async def add(tenant: str, key: str, *a, **kw) -> UUID:
        out[f"{tenant}/{key}"] = await launched(steps, tenant, key, *a, **kw)
        return out[f"{tenant}/{key}"]

    await add(ids.NATIONAL, "130", "", _stub(COVID_CAMPAIGN_TLD, date(2021, 9, 1)),
              dict(number="130/KH-TLĐ", issued_on=date(2021, 9, 1), signer="", capacity="TM. Đoàn Chủ tịch"),
              date(2021, 9, 1))

    # Tây Ninh: 265/KH-LĐLĐ (28/9/2021) → seed 001, the district's 90-day sprint
    p265 = await add(ids.TAY_NINH, "265", "", _stub(
        seed_001.PARENTS[0].title, date(2021, 10, 1), date(2021, 12, 31), [implements_130()], kind="sprint"),
        dict(number="265/KH-LĐLĐ", issued_on=date(2021, 9, 28), signer="", capacity="TM. Ban Thường vụ"),
        date(2021, 9, 28))
    args = seed_001.draft_args(ids.TAY_NINH, unit(ids.TAY_NINH, "go-dau"))
    args["parent_links"] = [on_platform(seed_001.PARENTS[0], ids.TAY_NINH, p265), *seed_001.PARENTS[1:]]
    await add(ids.TAY_NINH, "seed_001", "go-dau", args, seed_001.ISSUE, date(2021, 10, 1))

    # Bình Phước: 116/KH-LĐLĐ (6/9/2021, implementing 278/KH-UBND and the national campaign) → seed 000
    args = seed_000.plan_116_args(ids.BINH_PHUOC, unit(ids.BINH_PHUOC, ""))
    args["parent_links"] = [*args["parent_links"], implements_130()]
    p116 = await add(ids.BINH_PHUOC, "116", "", args,
                     dict(number=seed_000.NUMBER_116, issued_on=seed_000.DATE_116, signer="",
                          capacity="TM. Ban Thường vụ"), seed_000.DATE_116)
    args = seed_000.draft_args(ids.BINH_PHUOC, unit(ids.BINH_PHUOC, "phu-rieng"),
                               seed_000.link_116(ids.BINH_PHUOC, p116))
    await add(ids.BINH_PHUOC, "seed_000", "phu-rieng", args, seed_000.ISSUE, date(2021, 9, 10))

    # Kiên Giang: an illustrative COVID-19 plan; 133/KH-LĐLĐ (20/01/2021) → seed 002, the annual plan
    await add(ids.KIEN_GIANG, "covid", "", _stub(
        f"Triển khai phong trào thi đua “{COVID_CAMPAIGN_TLD}”", date(2021, 9, 1), links=[implements_130()]),
        dict(number="", issued_on=date(2021, 9, 10), signer="", capacity="TM. Ban Thường vụ"), date(2021, 9, 10))
    link_133 = seed_002.draft_args(ids.KIEN_GIANG, unit(ids.KIEN_GIANG, ""))["parent_links"][0]
    p133 = await add(ids.KIEN_GIANG, "133", "", dict(
        kind="regular", theme=link_133.title, period=Period(date(2021, 1, 1), date(2021, 12, 31)),
        eligible_subjects=BOTH), dict(number=link_133.number, issued_on=link_133.issued_on, signer="",
                                      capacity="TM. Ban Thường vụ"), link_133.issued_on)
    args = seed_002.draft_args(ids.KIEN_GIANG, unit(ids.KIEN_GIANG, "vinh-thuan"))
    args["parent_links"] = [on_platform(link_133, ids.KIEN_GIANG, p133)]
    await add(ids.KIEN_GIANG, "seed_002", "vinh-thuan", args, seed_002.ISSUE, date(2021, 1, 25))

    # Công đoàn Giáo dục Việt Nam: seed 003, "Căn cứ" (based on) 130/KH-TLĐ
    args = seed_003.draft_args(ids.GIAO_DUC, unit(ids.GIAO_DUC, ""))
    args["parent_links"] = [on_platform(seed_003.LINK_130, ids.NATIONAL, ids.NATIONAL_PLAN)]
    await add(ids.GIAO_DUC, "seed_003", "", args, seed_003.ISSUE, date(2021, 9, 10))

    # Sở LĐTBXH Bình Phước: seed 004 (implements 278/KH-UBND, outside the platform)
    await add(ids.SO_LDTBXH, "seed_004", "", seed_004.draft_args(ids.SO_LDTBXH, unit(ids.SO_LDTBXH, "")),
              seed_004.ISSUE, date(2021, 9, 10))
    return out
