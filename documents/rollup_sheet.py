"""A rollup's breakdown by child unit as a sheet: one row per child with every metric the
rollup answers (the counts, the rate, and each named count of the breakdowns as its own
column), then the node's own totals, as the rollup read them (not re-added here)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any
from uuid import UUID

from documents.spreadsheet import Sheet
from infra.platform import Platform
from projections import queries
from projections.queries import PlanRef

METRIC_WORDS = {
    "units_in_scope": "Số CĐCS", "enterprise_units": "CĐCS doanh nghiệp", "units_registered": "Đơn vị đã đăng ký",
    "registration_rate": "Tỷ lệ đăng ký", "registrations": "Bản đăng ký", "registrations_late": "Đăng ký quá hạn",
    "targets_registered": "Chỉ tiêu đăng ký", "targets_met": "Chỉ tiêu đạt",
    "initiatives_registered": "Sáng kiến đăng ký", "work_items_registered": "Công trình, phần việc đăng ký",
    "reports": "Báo cáo đã nộp", "reports_on_time": "Báo cáo đúng hạn", "reports_late": "Báo cáo muộn",
    "reports_due": "Kỳ báo cáo đến hạn", "reports_missing": "Báo cáo chưa nộp",
    "members_supported": "Đoàn viên được hỗ trợ", "funds_mobilised": "Kinh phí vận động (đồng)",
    "initiatives": "Sáng kiến", "work_items_completed": "Công trình, phần việc hoàn thành"}
"""Every figure of a rollup that is one number, in the order the sheet gives them."""
GROUP_WORDS = {"models_by_type": "Mô hình", "nominations_by_state": "Đề nghị", "awards_by_form": "Khen thưởng",
               "registrations_by_phase": "Đăng ký"}
"""Every breakdown: one column per name that has a count somewhere in the sheet."""
TOTAL = "Tổng cộng"


def rollup_sheet(rollup: Mapping[str, Any], group_names: Mapping[str, str] | None = None) -> Sheet:
    """`group_names`: display names of breakdown keys (an award form's code → its name)."""
    names = group_names or {}
    everyone = [*(c["metrics"] for c in rollup["children"]), rollup["metrics"]]
    groups = [(group, key) for group in GROUP_WORDS for key in sorted({k for m in everyone for k in m[group]})]
    columns = ("STT", "Đơn vị", "Mã đơn vị (id)", *METRIC_WORDS.values(),
               *(f"{GROUP_WORDS[g]}: {names.get(k, k)}" for g, k in groups))

    metrics = tuple(METRIC_WORDS)
    funds = metrics.index("funds_mobilised")

    def row(m: Mapping[str, Any]) -> list:
        values = [m[metric] for metric in metrics]
        values[funds] = _number(values[funds])
        return values + [m[g].get(k, 0) for g, k in groups]

    rows = [(n, c["name"], str(c["node_id"]), *row(c["metrics"])) for n, c in enumerate(rollup["children"], 1)]
    rows.append(("", TOTAL, str(rollup["node_id"]), *row(rollup["metrics"])))
    return Sheet("Tổng hợp theo đơn vị", columns, rows, (6, 40, 38, *(14 for _ in columns[3:])))


def _number(value: Any) -> Any:
    """Funds are exact decimals in the rollup; whole ones go out as integers."""
    if type(value) is int or isinstance(value, float):
        return value
    return int(value) if value == int(value) else value


async def rollup_breakdown_sheet(platform: Platform, plan: PlanRef, node: UUID, *, scope: str | None,
                                 as_of: date | None) -> Sheet:
    """Through the rollup's own query function (the one GraphQL's `rollup` answers from)."""
    rollup = await queries.rollup(platform.db, plan, node, as_of=as_of, tenant=scope)
    found = await queries.plan(platform.db, plan, scope=scope)
    listed = (found or {}).get("award_forms") or []
    forms = {f["code"]: f["name"] for f in (json.loads(listed) if isinstance(listed, str) else listed)}
    return rollup_sheet(rollup, forms)
