"""Seed 004 (004_99f95a8b249f6bb5.txt): Sở LĐTBXH Bình Phước (a department), COVID-19 campaign."""

from uuid import UUID

from domain.plan import AwardForm, Criteria, Period, ReportSchedule
from seeds.common import plan_278

# "Số: /KH-SLĐTBXH" and "Bình Phước, ngày tháng năm 2021": number and date left blank.
NUMBER_SYMBOL = "/KH-SLĐTBXH"
ISSUE = dict(number="", issued_on=None, signer="", capacity="Giám đốc")

AWARD_FORMS = [
    # V.2 "Bằng khen của Chủ tịch UBND tỉnh." / "Giấy khen của Giám đốc Sở LĐTBXH."
    AwardForm("bk_ct_ubnd_tinh", "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh Bình Phước",
              "bang_khen_chu_tich_ubnd_tinh"),
    AwardForm("gk_giam_doc_so", "Giấy khen của Giám đốc Sở Lao động - Thương binh và Xã hội",
              "Giám đốc Sở LĐTBXH", "giay_khen"),
]


def draft_args(tenant: str, issuing_unit_id: UUID) -> dict:
    return dict(
        tenant=tenant, issuing_unit_id=issuing_unit_id, kind="thematic",  # "phong trào thi đua đặc biệt"
        theme="Tập thể công chức, viên chức, người lao động của Sở Lao động - Thương binh và Xã hội đoàn kết, "
              "chung sức đồng lòng thi đua phòng, chống và chiến thắng đại dịch Covid-19",
        # III "KHẨU HIỆU THI ĐUA"
        slogan="Tập thể CC, VC, NLĐ Sở Lao động - Thương binh và Xã hội đoàn kết, chung sức, đồng lòng "
               "phòng, chống và chiến thắng đại dịch Covid-19",
        # No start date in the seed (starts when launched). The end follows VI.2: "phù hợp với thời gian
        # tỉnh tổ chức sơ kết, tổng kết đánh giá công tác phòng, chống dịch Covid-19 của tỉnh".
        period=Period(None, None, "tỉnh tổng kết đánh giá công tác phòng, chống dịch Covid-19"),
        # II.1 "Tập thể (phòng chuyên môn và tương đương), cá nhân công chức, viên chức, người lao động"
        eligible_subjects=["collective", "individual"],
        criteria=Criteria(
            collectives=("Tổ chức triển khai và thực hiện tốt các nội dung thi đua",
                         "Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật"),
            individuals=("Có thành tích xuất sắc trong công tác phòng, chống dịch",
                         "Có tinh thần trách nhiệm cao, chủ động, sáng tạo",
                         "Có đạo đức, lối sống lành mạnh")),
        content_items=["Tuyên truyền về phòng, chống dịch", "Nhân rộng điển hình, tấm gương tiêu biểu",
                       "Làm việc trực tuyến, báo cáo tiến độ", "Thực hiện nghiêm biện pháp 5K",
                       "Tương thân, tương ái", "Tham gia tổ phòng chống Covid-19"],
        award_forms=AWARD_FORMS,
        # VII.2 "Thời gian báo cáo vào các ngày 05, 15 và 25 hằng tháng" to UBND tỉnh via the council office
        report_schedule=ReportSchedule((5, 15, 25), 0,
                                       "UBND tỉnh (qua Thường trực Hội đồng Thi đua - Khen thưởng tỉnh)"),
        late_registration_policy="refuse",  # seed silent; the plan sets no registration deadline
        # "Thực hiện Kế hoạch số 278/KH-UBND ngày 26/8/2021 của UBND tỉnh"
        parent_links=[plan_278("implements")],
    )
