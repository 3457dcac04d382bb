"""A plan's awards as a sheet: every nomination an award was decided for, revoked ones marked,
with the decision's number and date and the unit it belongs to (from the nominations read
model; names of units from the org timeline)."""

from __future__ import annotations

from uuid import UUID

from documents.exports import unit_names
from documents.spreadsheet import Sheet
from domain.plan import Plan
from infra.platform import Platform
from projections.queries import nominations
from services.commands import load

AWARDED = ("decided", "revoked")


async def awards_sheet(platform: Platform, tenant: str, plan_id: UUID) -> Sheet:
    plan = await load(platform, tenant, plan_id, Plan)
    forms = {f.code: f.name for f in plan.award_forms}
    rows = [r for r in await nominations(platform.db, tenant, plan_id) if r["status"] in AWARDED]
    names = await unit_names(platform, tenant)
    return Sheet("Khen thưởng",
                 ("STT", "Tập thể, cá nhân", "Đối tượng", "Doanh nghiệp", "Đơn vị", "Hình thức khen thưởng",
                  "Số quyết định", "Ngày quyết định", "Cấp quyết định", "Tình trạng", "Lý do thu hồi"),
                 [(n, r["nominee_name"], "Tập thể" if r["nominee_kind"] == "collective" else "Cá nhân",
                   r["nominee_enterprise"], names(_unit_of(r)), forms.get(r["award_form"], r["award_form"]),
                   r["decision_number"], r["decided_on"], r["authority"],
                   "Đã thu hồi" if r["status"] == "revoked" else "Đã khen thưởng",
                   r["end_reason"] if r["status"] == "revoked" else "")
                  for n, r in enumerate(sorted(rows, key=lambda r: (r["decided_on"], r["nominee_name"])), 1)],
                 (6, 40, 10, 12, 30, 40, 16, 14, 26, 16, 30))


def _unit_of(row) -> UUID:
    """The unit above a collective (its proposing unit), the proposing unit of an individual."""
    return row["proposing_unit_id"]
