"""Seed 002 (002_977792fb87b7f2b4.txt): LĐLĐ huyện Vĩnh Thuận (Kiên Giang), annual plan 2021, two phases."""

from datetime import date
from uuid import UUID

from domain.plan import Deadline, ParentLink, Period, Phase

PHASE_1, PHASE_2 = "Đợt 1", "Đợt 2"

# Signed "TM. BAN THƯỜNG VỤ / CHỦ TỊCH / Phan Thị Cẩm"; no number or date in the seed.
ISSUE = dict(number="", issued_on=None, signer="Phan Thị Cẩm", capacity="TM. Ban Thường vụ – Chủ tịch")

PHASES = [
    # 3.1 "Thi đua Đợt 1 (Từ tháng 01/2021 đến 30/6/2021)" — only the month is given.
    # 3.3 "Đợt 1: Thời gian đăng ký thi đua trước ngày 03/3/2021, hồ sơ ... trước ngày 07/7/2021"
    Phase(PHASE_1, date(2021, 1, 1), date(2021, 6, 30),
          registration_deadline=Deadline(date(2021, 3, 3), inclusive=False),
          dossier_deadline=Deadline(date(2021, 7, 7), inclusive=False), start_precision="month"),
    # 3.2 "Thi đua Đợt 2 (Từ 01/7/2021 đến 31/12/2021)"
    # 3.3 "Đợt 2: Thời gian đăng ký thi đua trước ngày 01/7/2021, hồ sơ ... trước ngày 13/12/2021"
    Phase(PHASE_2, date(2021, 7, 1), date(2021, 12, 31),
          registration_deadline=Deadline(date(2021, 7, 1), inclusive=False),
          dossier_deadline=Deadline(date(2021, 12, 13), inclusive=False)),
]


def draft_args(tenant: str, issuing_unit_id: UUID) -> dict:
    return dict(
        tenant=tenant, issuing_unit_id=issuing_unit_id, kind="regular",
        # II.1 "Chủ đề thi đua"
        theme="Tận dụng cơ hội, vượt mọi khó khăn, nỗ lực phấn đấu, đưa Nghị quyết của Đảng vào cuộc sống",
        # "phong trào thi đua ... năm 2021" — "Phong trào thi đua năm 2021 được tổ chức thành 02 đợt"
        period=Period(date(2021, 1, 1), date(2021, 12, 31), start_precision="month"),
        phases=PHASES,
        # title "trong đoàn viên, công nhân, viên chức lao động và các công đoàn cơ sở"
        eligible_subjects=["collective", "individual"],
        content_items=[
            "Thông tin, tuyên truyền về công tác thi đua khen thưởng gắn với nghị quyết đại hội Đảng",
            "Duy trì, đẩy mạnh các phong trào thi đua yêu nước trong đoàn viên, CNVCLĐ và các CĐCS",
            "Phong trào thi đua đợt, chuyên đề, cuộc vận động do Tổng Liên đoàn phát động",
            "Chăm lo lợi ích và phúc lợi cho đoàn viên, CNVCLĐ",
        ],
        models=["Mái ấm công đoàn"],  # 2.4 "chương trình nhà ở “Mái ấm công đoàn”"
        # 3.3 "tiêu chuẩn khen thưởng có hướng dẫn cụ thể riêng theo từng đợt" — no forms yet
        late_registration_policy="refuse",  # seed silent
        # "Thực hiện Kế hoạch số 133/KH-LĐLĐ, ngày 20/01/2021 của Ban Thường vụ LĐLĐ tỉnh Kiên Giang"
        parent_links=[ParentLink("implements", "133/KH-LĐLĐ", date(2021, 1, 20),
                                 "Ban Thường vụ Liên đoàn Lao động tỉnh Kiên Giang",
                                 "phát động phong trào thi đua trong đoàn viên, CNVCLĐ và các CĐCS năm 2021")],
    )
