"""What a decision says about who decides, and on which legal bases, by the deciding level and
the decision's date: the enacting line over the bases ("BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH
…"), the signature block, and the law and decree in force on that day."""

from __future__ import annotations

from datetime import date

UNION_LEVELS = {"province_federation_executive", "central_sector_union_executive", "national_confederation",
                "upper_union_standing_committee", "district_federation_standing_committee"}
# deciding level → (the body that enacts, as a prefix of the issuer's name; signature lines)
ENACTING = {
    "province_federation_executive": ("Ban Thường vụ", ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH")),
    "central_sector_union_executive": ("Ban Thường vụ", ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH")),
    "upper_union_standing_committee": ("Ban Thường vụ", ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH")),
    "district_federation_standing_committee": ("Ban Thường vụ", ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH")),
    "national_confederation": ("Đoàn Chủ tịch", ("TM. ĐOÀN CHỦ TỊCH", "CHỦ TỊCH")),
    "province_chairman": ("Chủ tịch", ("CHỦ TỊCH",)),
    "department_director": ("Giám đốc", ("GIÁM ĐỐC",)),
    "enterprise_director": ("Giám đốc", ("GIÁM ĐỐC",)),
    "head_of_unit": ("Thủ trưởng", ("THỦ TRƯỞNG ĐƠN VỊ",)),
}
# deciding level → the body a certificate is "of": a union's Bằng khen is its executive
# committee's (Ban Chấp hành), though its standing committee decides it.
CERTIFYING = {level: "Ban Chấp hành" for level in UNION_LEVELS} | {
    "province_chairman": "Chủ tịch", "department_director": "Giám đốc", "enterprise_director": "Giám đốc",
    "head_of_unit": "Thủ trưởng"}
LAW_2022_IN_FORCE = date(2024, 1, 1)  # Luật 06/2022/QH15 and Nghị định 98/2023/NĐ-CP
DECREE_152_IN_FORCE = date(2025, 7, 1)  # Nghị định 152/2025/NĐ-CP replaced 98/2023


def enacting_line(authority: str, issuer: str) -> str:
    """"BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH"; the issuer alone for an unknown level."""
    return enacting_words(authority, issuer).upper()


def enacting_words(authority: str, issuer: str) -> str:
    """"Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh", as a sentence cites it."""
    return f"{ENACTING.get(authority, ('', ()))[0]} {issuer}".strip()


def certifying_line(authority: str, issuer: str) -> str:
    """"BAN CHẤP HÀNH LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH": who gives the certificate."""
    return f"{CERTIFYING.get(authority, '')} {issuer}".strip().upper()


def signature_for(authority: str) -> tuple[str, ...]:
    return ENACTING.get(authority, ("", ("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ",)))[1]


def legal_bases(authority: str, on: date) -> list[str]:
    """The law and the decree in force on the decision's day (the rulebook's sources say which)."""
    if on >= LAW_2022_IN_FORCE:
        bases = ["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"]
        if on >= DECREE_152_IN_FORCE:
            bases.append("Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều "
                         "của Luật Thi đua, khen thưởng;")
        else:
            bases.append("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định "
                         "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;")
    else:
        bases = ["Căn cứ Luật Thi đua, khen thưởng năm 2003 và Luật sửa đổi, bổ sung một số điều của Luật "
                 "Thi đua, khen thưởng năm 2013;",
                 "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết "
                 "thi hành một số điều của Luật Thi đua, khen thưởng;"]
    if authority in UNION_LEVELS:
        bases.insert(0, "Căn cứ Điều lệ Công đoàn Việt Nam;")
    return bases
