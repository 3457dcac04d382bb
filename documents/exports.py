"""The lists a plan's officers work from, as sheets: registrations, reports (late and missing
ones marked), nominations. Units appear by name as well as id; rows come from the read models,
names from the tenant's org timeline."""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID

from documents.names import unit_name
from documents.spreadsheet import Sheet
from infra.platform import Platform
from projections.queries import nominations, registrations, reports
from tenants.org_reader import load_timeline

NOMINATION_STATUS_WORDS = {
    "drafted": "Dự thảo", "submitted": "Đã gửi", "returned": "Trả lại", "received": "Đã tiếp nhận",
    "appraised": "Đã thẩm định", "voted": "Hội đồng đã bỏ phiếu", "forwarded": "Trình cấp trên",
    "decided": "Đã quyết định", "rejected": "Không đề nghị", "revoked": "Đã thu hồi"}


async def registrations_sheet(platform: Platform, tenant: str, plan_id: UUID) -> Sheet:
    rows = await registrations(platform.db, tenant, plan_id)
    names = await unit_names(platform, tenant)
    return Sheet("Đăng ký thi đua",
                 ("STT", "Đơn vị", "Mã đơn vị (id)", "Đợt", "Ngày đăng ký", "Quá hạn", "Số chỉ tiêu", "Chỉ tiêu đạt",
                  "Công trình, phần việc", "Sáng kiến"),
                 [(n, names(r["unit_id"]), str(r["unit_id"]), r["phase"], r["registered_on"], r["late"],
                   len(json.loads(r["targets"])), r["targets_met"], r["work_items"], r["initiatives"])
                  for n, r in enumerate(rows, 1)], (6, 40, 38, 18, 14, 9, 12, 12, 12, 10))


async def reports_sheet(platform: Platform, tenant: str, plan_id: UUID, today: date) -> Sheet:
    """Every report received, then every one missing as of `today` (the row says which)."""
    found = await reports(platform.db, tenant, plan_id, today=today)
    names = await unit_names(platform, tenant)
    received = [(names(r["unit_id"]), str(r["unit_id"]), r["day"], r["submitted_on"],
                 "Nộp muộn" if r["late"] else "Đúng hạn", r["members_supported"], r["funds_mobilised"])
                for r in found["reports"]]
    missing = [(names(m["unit_id"]), str(m["unit_id"]), m["day"], None, "Chưa nộp", None, None)
               for m in found["missing"]]
    return Sheet("Báo cáo", ("STT", "Đơn vị", "Mã đơn vị (id)", "Kỳ báo cáo", "Ngày nộp", "Tình trạng",
                             "Đoàn viên được hỗ trợ", "Kinh phí vận động (đồng)"),
                 [(n, *row) for n, row in enumerate(received + missing, 1)], (6, 40, 38, 12, 12, 12, 14, 18))


async def nominations_sheet(platform: Platform, tenant: str, plan_id: UUID) -> Sheet:
    rows = await nominations(platform.db, tenant, plan_id)
    names = await unit_names(platform, tenant)
    return Sheet("Đề nghị khen thưởng",
                 ("STT", "Tập thể, cá nhân", "Đối tượng", "Doanh nghiệp", "Hình thức", "Đơn vị trình", "Ngày gửi",
                  "Gửi muộn", "Tình trạng", "Số quyết định", "Ngày quyết định"),
                 [(n, r["nominee_name"], "Tập thể" if r["nominee_kind"] == "collective" else "Cá nhân",
                   r["nominee_enterprise"], r["award_form"], names(r["proposing_unit_id"]), r["submitted_on"],
                   r["late"], NOMINATION_STATUS_WORDS.get(r["status"], r["status"]), r["decision_number"],
                   r["decided_on"]) for n, r in enumerate(rows, 1)],
                 (6, 40, 10, 12, 22, 30, 12, 9, 18, 16, 14))


async def unit_names(platform: Platform, tenant: str):
    """unit id → its name now (its last name, for a unit that has ended)."""
    timeline = await load_timeline(platform, tenant)
    return lambda unit_id: unit_name(timeline, unit_id, None)
