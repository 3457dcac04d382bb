"""Shipped rule configuration: JSON-shaped data, one dict per rule version.

Values for dates before 2024 follow Luật TĐKT 2003 (sửa đổi 2013) and NĐ 91/2017/NĐ-CP,
the regime under which the 2021 seed plans were issued. Entries marked "verify" carry dates
or values taken from the domain brief that the legal team should confirm.
An application may load a replacement list (e.g. from JSON) with RuleBook.from_data.
"""

LOCAL_HEADS = ["head_of_unit", "department_director", "enterprise_director"]
UNION_UPPER = ["upper_union_standing_committee"]
DISTRICT = ["district_federation_standing_committee"]

ENTRIES: list[dict] = [
    # --- deciding authority by award form ------------------------------------------------
    {"topic": "authority", "key": "bang_khen_chu_tich_ubnd_tinh", "value": ["province_chairman"],
     "effective_from": "2017-10-01", "effective_to": None,
     "source": "Luật TĐKT 2003 (sđ 2013); NĐ 91/2017; Luật TĐKT 06/2022/QH15; NĐ 98/2023; NĐ 152/2025"},
    {"topic": "authority", "key": "bang_khen_ldld_tinh",
     "value": ["province_federation_executive", "central_sector_union_executive"],
     "effective_from": "2017-10-01", "effective_to": None,
     "source": "Quy chế khen thưởng của Tổng LĐLĐ VN; QĐ 999/QĐ-TLĐ 2024"},
    {"topic": "authority", "key": "bang_khen_tld", "value": ["national_confederation"],
     "effective_from": "2017-10-01", "effective_to": None,
     "source": "Quy chế khen thưởng của Tổng LĐLĐ VN; QĐ 999/QĐ-TLĐ 2024"},
    # Giấy khen: heads of units, department and enterprise directors; district federations
    # gave it until the district level was abolished on 1 July 2025.
    {"topic": "authority", "key": "giay_khen", "value": LOCAL_HEADS + UNION_UPPER + DISTRICT,
     "effective_from": "2017-10-01", "effective_to": "2025-06-30",
     "source": "Luật TĐKT 2003 (sđ 2013); NĐ 91/2017; Luật TĐKT 06/2022/QH15; NĐ 98/2023"},
    {"topic": "authority", "key": "giay_khen", "value": LOCAL_HEADS + UNION_UPPER,
     "effective_from": "2025-07-01", "effective_to": None,
     "source": "NĐ 152/2025/NĐ-CP (from 2025-07-01); abolition of the district level"},
    # --- quotas --------------------------------------------------------------------------
    {"topic": "quota", "key": "thematic_bang_khen_tld_per_topic", "value": 4,
     "effective_from": "2024-01-01", "effective_to": None, "source": "QĐ 999/QĐ-TLĐ 2024",
     "note": "per province federation or central sector union and topic; verify start date"},
    # --- bonuses as multiples of the base salary -----------------------------------------
    {"topic": "bonus", "key": "lao_dong_tien_tien", "value": "0.3",
     "effective_from": "2024-01-01", "effective_to": None, "source": "NĐ 98/2023/NĐ-CP",
     "note": "value from the domain brief; verify"},
    {"topic": "bonus", "key": "tap_the_lao_dong_xuat_sac", "value": "1.5",
     "effective_from": "2024-01-01", "effective_to": None, "source": "NĐ 98/2023/NĐ-CP",
     "note": "value from the domain brief; verify"},
    # --- principles ----------------------------------------------------------------------
    {"topic": "principle", "key": "lower_award_prerequisite", "value": False,
     "effective_from": "2025-07-01", "effective_to": None, "source": "NĐ 152/2025/NĐ-CP"},
    {"topic": "principle", "key": "thematic_award_basis_for_merit", "value": False,
     "effective_from": "2025-07-01", "effective_to": None, "source": "NĐ 152/2025/NĐ-CP"},
]
