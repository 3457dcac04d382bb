"""Seed 003 (003_255a827fb578cacd.txt): Công đoàn Giáo dục Việt Nam, COVID-19 campaign, open-ended."""

from datetime import date
from uuid import UUID

from domain.plan import ParentLink, Period
from seeds.common import COVID_CAMPAIGN_TLD

# Signed "Nguyễn Ngọc Ân"; the seed shows no capacity line, number or date.
ISSUE = dict(number="", issued_on=None, signer="Nguyễn Ngọc Ân", capacity="")

# "Căn cứ Kế hoạch số 130/KH-TLĐ ngày 01/9/2021 của Đoàn Chủ tịch Tổng LĐLĐ Việt Nam"
# "Căn cứ" is based_on in the glossary (the issue text calls it "implements").
LINK_130 = ParentLink("based_on", "130/KH-TLĐ", date(2021, 9, 1),
                      "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", COVID_CAMPAIGN_TLD)


def draft_args(tenant: str, issuing_unit_id: UUID) -> dict:
    return dict(
        tenant=tenant, issuing_unit_id=issuing_unit_id, kind="thematic",
        theme="Cán bộ, nhà giáo, người lao động nỗ lực vượt khó, sáng tạo, quyết tâm chiến thắng đại dịch Covid - 19",
        # II.2 "Từ tháng 9/2021 đến khi tình hình dịch bệnh được kiểm soát trên phạm vi toàn quốc"
        period=Period(date(2021, 9, 1), None,
                      "đến khi tình hình dịch bệnh được kiểm soát trên phạm vi toàn quốc", start_precision="month"),
        # II.1 "Công đoàn cấp trên trực tiếp cơ sở, công đoàn cơ sở; đoàn viên, CBNGNLĐ"
        eligible_subjects=["collective", "individual"],
        content_items=[
            "Tuyên truyền chủ trương, chính sách phòng, chống dịch Covid-19; phương châm “ai ở đâu, ở đó”",
            "“Mỗi công đoàn cơ sở là một pháo đài, là mái nhà bình yên”",
            "“Mỗi đoàn viên, cán bộ, nhà giáo, người lao động là một chiến sĩ”",
            "Huy động nguồn lực chăm lo cho đoàn viên, CBNGNLĐ",
            "Đề cao vai trò, trách nhiệm của người đứng đầu tổ chức công đoàn",
        ],
        models=["Tổ an toàn Covid - 19", "ATM gạo miễn phí"],  # III.4
        late_registration_policy="refuse",  # seed silent
        parent_links=[LINK_130],
    )
