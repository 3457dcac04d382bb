"""Pieces several seeds share."""

from datetime import date

from domain.plan import ParentLink

COVID_CAMPAIGN_TLD = "Công nhân, viên chức, lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch COVID - 19"
UNTIL_CONTROLLED = "đến khi tình hình dịch bệnh được kiểm soát trong phạm vi toàn quốc"


def plan_278(relation: str) -> ParentLink:
    """'Kế hoạch số 278/KH-UBND ngày 26/8/2021 của Ủy ban nhân dân tỉnh Bình Phước' (seeds 000, 004)."""
    return ParentLink(
        relation, "278/KH-UBND", date(2021, 8, 26), "Ủy ban nhân dân tỉnh Bình Phước",
        "Toàn dân đoàn kết, chung sức, đồng lòng thi đua phòng, chống và chiến thắng đại dịch Covid - 19")
