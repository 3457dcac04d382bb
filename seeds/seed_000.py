"""Seed 000 (000_c4dd5290a36051b1.txt): LĐLĐ huyện Phú Riềng, COVID-19 campaign, open-ended.

Cascade: 278/KH-UBND (UBND tỉnh Bình Phước) → 116/KH-LĐLĐ (LĐLĐ tỉnh Bình Phước) → this plan.
"""

from datetime import date
from uuid import UUID

from domain.plan import Criteria, ParentLink, Period
from seeds.common import COVID_CAMPAIGN_TLD, UNTIL_CONTROLLED, plan_278

# "Thực hiện Kế hoạch số 116/KH-LĐLĐ ngày 06/9/2021 của Liên đoàn Lao động tỉnh Bình Phước"
NUMBER_116, DATE_116, ISSUER_116 = "116/KH-LĐLĐ", date(2021, 9, 6), "Liên đoàn Lao động tỉnh Bình Phước"

# The seed shows no number or date; signed "TM. BAN THƯỜNG VỤ / CHỦ TỊCH / Trương Văn Cường".
ISSUE = dict(number="", issued_on=None, signer="Trương Văn Cường", capacity="TM. Ban Thường vụ – Chủ tịch")


def link_116(tenant: str = "", plan_id: UUID | None = None) -> ParentLink:
    """116 as an outside document, or as a plan on the platform when its id is known."""
    return ParentLink("implements", NUMBER_116, DATE_116, ISSUER_116,
                      "về việc thực hiện Kế hoạch số 278/KH-UBND", tenant, plan_id)


def plan_116_args(tenant: str, issuing_unit_id: UUID) -> dict:
    """Stub of the province plan 116, holding only what seed 000 says about it."""
    return dict(
        tenant=tenant, issuing_unit_id=issuing_unit_id, kind="thematic",
        theme="Thực hiện Kế hoạch số 278/KH-UBND của UBND tỉnh Bình Phước",
        # seed 000 does not give 116's period; its theme implies the same open end.
        period=Period(None, None, UNTIL_CONTROLLED), eligible_subjects=["collective", "individual"],
        parent_links=[plan_278("implements")])


def draft_args(tenant: str, issuing_unit_id: UUID, parent_116: ParentLink | None = None) -> dict:
    return dict(
        tenant=tenant, issuing_unit_id=issuing_unit_id, kind="thematic",
        theme=COVID_CAMPAIGN_TLD,  # "Công nhân, viên chức, lao động nỗ lực vượt khó, ..."
        # "từ ngày 01/9/2021 đến khi tình hình dịch bệnh được kiểm soát trong phạm vi toàn quốc"
        period=Period(date(2021, 9, 1), None, UNTIL_CONTROLLED),
        # "biểu dương, tôn vinh, khen thưởng các tập thể, cá nhân"
        eligible_subjects=["collective", "individual"],
        content_items=[
            "Tuyên truyền chủ trương, chính sách phòng, chống dịch; phương châm “Ai ở đâu, ở đó”",
            "“Mỗi cán bộ, đoàn viên, công nhân, viên chức và người lao động là một chiến sĩ”",
            "“Mỗi Công đoàn cơ sở là một pháo đài, là mái nhà bình yên”",
            "Huy động nguồn lực chăm lo cho đoàn viên, người lao động khó khăn",
            "Đề cao vai trò, trách nhiệm của người đứng đầu tổ chức Công đoàn",
        ],
        criteria=Criteria(),
        # III.4 "Tổ an toàn Covid - 19", "Gian hàng 0 đồng", ...
        models=["Tổ an toàn Covid - 19", "Gian hàng 0 đồng", "Phiên chợ 0 đồng", "Nhà trọ 0 đồng",
                "ATM gạo miễn phí", "Nghĩa tình công đoàn", "Bếp ăn nghĩa tình"],
        late_registration_policy="refuse",  # seed silent
        parent_links=[parent_116 or link_116()],
    )
