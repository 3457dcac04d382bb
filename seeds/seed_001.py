"""Seed 001 (001_0fbd7dc908bc1695.txt): LĐLĐ huyện (Tây Ninh), 90-day sprint Q4 2021."""

from datetime import date
from decimal import Decimal
from uuid import UUID

from domain.plan import (AwardForm, Criteria, Deadline, DossierItem, ParentLink, Period, Phase,
                         QuotaRule)
from seeds.common import COVID_CAMPAIGN_TLD

PHASE = "90 ngày nước rút"
COLLECTIVE = ("collective",)

# Signed "TM. BAN THƯỜNG VỤ / PHÓ CHỦ TỊCH"; no name, number or date in the seed.
ISSUE = dict(number="", issued_on=None, signer="", capacity="TM. Ban Thường vụ – Phó Chủ tịch")

PARENTS = [
    # "Thực hiện Kế hoạch số 265/KH-LĐLĐ, ngày 28/9/2021 của Ban thường vụ LĐLĐ tỉnh Tây Ninh"
    ParentLink("implements", "265/KH-LĐLĐ", date(2021, 9, 28), "Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh",
               "phát động phong trào thi đua 90 ngày nước rút vượt chỉ tiêu về đích"),
    # "Căn cứ Kế hoạch số 152/KH-UBND ngày 10/9/2021 của Ủy ban nhân dân huyện"
    ParentLink("based_on", "152/KH-UBND", date(2021, 9, 10), "Ủy ban nhân dân huyện",
               "khôi phục sản xuất trong điều kiện dịch bệnh Covid-19"),
    # "hưởng ứng phong trào thi đua ... do Tổng Liên đoàn Lao động Việt Nam phát động" (no number given;
    # seed 003 cites that campaign's plan as 130/KH-TLĐ)
    ParentLink("responds_to", "", None, "Tổng Liên đoàn Lao động Việt Nam", COVID_CAMPAIGN_TLD),
    # title: "... năm 2021 gắn với Phong trào thi đua “Công nhân, viên chức, lao động ...”"
    ParentLink("combined_with", "", None, "Tổng Liên đoàn Lao động Việt Nam", COVID_CAMPAIGN_TLD),
]

AWARD_FORMS = [
    # III.2 "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh." / "Bằng khen của BCH LĐLĐ tỉnh."
    # III.1 "chỉ xét tặng bằng khen cho tập thể không xét tặng bằng khen cho cá nhân"
    AwardForm("bk_ct_ubnd_tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh",
              "bang_khen_chu_tich_ubnd_tinh", COLLECTIVE, "de_nghi_bang_khen"),
    AwardForm("bk_bch_ldld_tinh", "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh", "BCH LĐLĐ tỉnh",
              "bang_khen_ldld_tinh", COLLECTIVE, "de_nghi_bang_khen"),
    # III.4 "BTV LĐLĐ huyện tặng bằng khen cho các tập thể đạt tiêu chuẩn ..., trong đó, xét 5% tập thể";
    # a district federation's own award is a giấy khen in the rule book.
    AwardForm("khen_btv_ldld_huyen", "Khen thưởng của Ban Thường vụ LĐLĐ huyện", "BTV LĐLĐ huyện",
              "giay_khen", COLLECTIVE, "khen_huyen_5_phan_tram"),
]

QUOTA_RULES = [
    # III.4 "liên đoàn lao động huyện xét chọn và đề nghị khen thưởng 4 bằng khen cho công đoàn cơ sở"
    QuotaRule("de_nghi_bang_khen", max_count=4, priority="enterprise_grassroots"),
    # "xét 5% tập thể (ưu tiên xét, đề nghị khen thưởng công đoàn cơ sở doanh nghiệp)";
    # rounding: seed silent, rounded down.
    QuotaRule("khen_huyen_5_phan_tram", max_percent=Decimal("5"), rounding="floor",
              priority="enterprise_grassroots"),
]


def draft_args(tenant: str, issuing_unit_id: UUID) -> dict:
    return dict(
        tenant=tenant, issuing_unit_id=issuing_unit_id, kind="sprint",
        theme="90 ngày nước rút vượt chỉ tiêu về đích, hoàn thành xuất sắc nhiệm vụ, kế hoạch năm 2021 "
              f"gắn với Phong trào thi đua “{COVID_CAMPAIGN_TLD}”",
        # II.4 "từ ngày 01/10/2021 đến ngày 31/12/2021"
        period=Period(date(2021, 10, 1), date(2021, 12, 31)),
        phases=[Phase(PHASE, date(2021, 10, 1), date(2021, 12, 31),
                      # II.5 "gửi chậm nhất ngày 12/10/2021"
                      registration_deadline=Deadline(date(2021, 10, 12), inclusive=True),
                      # IV.4 "chậm nhất ngày 29/12/2021"
                      dossier_deadline=Deadline(date(2021, 12, 29), inclusive=True))],
        # III.1 "Công đoàn cơ sở trực thuộc Liên đoàn Lao động huyện" — collectives only
        eligible_subjects=["collective"],
        content_items=[
            "Đơn vị sự nghiệp, cơ quan hành chính: đăng ký phần việc, việc làm hữu ích",
            "Đơn vị sản xuất, kinh doanh: đăng ký sáng kiến, cải tiến, giải pháp",
            "“Mỗi cán bộ, đoàn viên, CNVCLĐ là một chiến sĩ”",
            "“Mỗi công đoàn cơ sở là một pháo đài, là mái nhà bình yên”",
        ],
        criteria=Criteria(collectives=(
            "Tham gia đăng ký hưởng ứng phong trào thi đua với các chỉ tiêu, công trình, sản phẩm, việc làm hữu ích",
            "Hoàn thành vượt mức chỉ tiêu, kế hoạch đăng ký thi đua",
            "Báo cáo kết quả đúng thời gian quy định")),
        # III.3 the three standards, in order
        standards=["registered", "exceeded_targets", "reported_on_time"],
        models=["Tổ an toàn Covid-19", "Gian hàng 0 lãi suất", "Chuyến xe 0 đồng", "Chuyến xe nghĩa tình",
                "Nhà trọ 0 đồng", "ATM gạo", "Nghĩa tình công đoàn", "Bếp ăn nghĩa tình"],
        award_forms=AWARD_FORMS, quota_rules=QUOTA_RULES,
        # IV.1-3 "Tờ trình", "Biên bản họp xét", "Báo cáo thành tích ... làm 2 bản"
        dossier=[DossierItem("submission_memo"), DossierItem("review_minutes"),
                 DossierItem("achievement_report", copies=2)],
        late_registration_policy="refuse",  # "chậm nhất" read as a hard deadline; seed silent on late
        parent_links=PARENTS,
    )
