"""The yearly statistical report forms on emulation and commendation, by the structure of
Circular 02/2023/TT-BNV (forms 0601.N, 0602.N, 0603.N/BNV-TĐKT; see docs/documents.md for
what was followed and what Circular 18/2025/TT-BNV may change): the reporting year runs from
01/12 of the year before to 30/11, figures are counted here from plain facts (the plans a
unit launched, the awards decided), and a row the platform does not record stays blank."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from documents.spreadsheet import Sheet

BLANK = None  # a figure the platform does not record: left for the hand, never a made-up 0


@dataclass(frozen=True)
class LaunchedPlan:
    central: bool
    """Launched by a ministry, a central mass organisation or a province (the national
    confederation, a province federation, a sector union); else by an agency or unit."""
    kind: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class GivenAward:
    form: str
    """The award form's name ("Bằng khen của …", "Huân chương Lao động hạng Ba", …)."""
    subject: str
    enterprise: bool
    plan_kind: str


def reporting_year(year: int) -> tuple[date, date]:
    return date(year - 1, 12, 1), date(year, 11, 30)


@dataclass(frozen=True)
class FormHeader:
    reporter: str
    receiver: str
    year: int
    tree_on: date


def _sheet(code: str, title: str, unit: str, h: FormHeader, columns: tuple[str, ...],
           rows: list[tuple], widths: tuple[int, ...]) -> Sheet:
    start, end = reporting_year(h.year)
    preamble = ((f"Biểu số: {code}", "", f"Đơn vị báo cáo: {h.reporter}"),
                ("Cấu trúc theo Thông tư số 02/2023/TT-BNV (xem docs/documents.md)", "",
                 f"Đơn vị nhận báo cáo: {h.receiver}"),
                ("Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo",), (title,),
                (f"Kỳ báo cáo: năm {h.year} (từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}); "
                 f"cây tổ chức ngày {h.tree_on:%d/%m/%Y}",), (f"Đơn vị tính: {unit}",))
    letters = ("A", "B", *(["C"] if "Đơn vị tính" in columns else []))
    numbers = tuple(str(n) for n in range(1, len(columns) - len(letters) + 1))
    return Sheet(code.split(".")[0], columns, [(*letters, *numbers), *rows], widths, preamble)


# --- 0601: Số phong trào thi đua ------------------------------------------------------------

def form_0601(plans: Sequence[LaunchedPlan], h: FormHeader) -> Sheet:
    """Columns by who launched it: 2 the central council (not a unit of this platform: 0),
    3 ministries, central mass organisations, provinces; 4 agencies, organisations, units."""
    def counts(selected: Iterable[LaunchedPlan]) -> tuple:
        chosen = list(selected)
        by = (0, sum(p.central for p in chosen), sum(not p.central for p in chosen))
        return (sum(by), *by)

    durations = [("- Dưới 1 năm", "06", lambda d: d < 365), ("- 1 năm", "07", lambda d: 365 <= d <= 366),
                 ("- Từ 1 năm đến dưới 3 năm", "08", lambda d: 366 < d < 3 * 365),
                 ("- Từ 3 năm đến dưới 5 năm", "09", lambda d: 3 * 365 <= d < 5 * 365),
                 ("- Từ 5 năm trở lên", "10", lambda d: d >= 5 * 365)]
    central = counts(p for p in plans if p.central)
    local = counts(p for p in plans if not p.central)
    rows = [("Tổng số", "01", *counts(plans)), ("1. Chia theo phạm vi tổ chức thi đua", ""),
            ("- Toàn quốc", "02", 0, 0, None, None),
            ("- Bộ, ban, ngành đoàn thể, địa phương", "03", central[0], None, central[2], None),
            ("- Cụm, khối thi đua do Hội đồng Thi đua - Khen thưởng các cấp tổ chức", "04", BLANK, None, None, BLANK),
            ("- Cơ quan, tổ chức, đơn vị", "05", local[0], None, None, local[3]),
            ("2. Chia theo thời hạn thi đua", ""),
            *((label, code, *counts(p for p in plans if p.start and p.end and test((p.end - p.start).days + 1)))
              for label, code, test in durations),
            ("3. Chia theo phương thức tổ chức phong trào thi đua", ""),
            ("- Thi đua theo chuyên đề", "11", *counts(p for p in plans if p.kind in ("thematic", "sprint"))),
            ("- Thi đua thường xuyên hàng năm", "12", *counts(p for p in plans if p.kind == "regular"))]
    return _sheet("0601.N/BNV-TĐKT", "SỐ PHONG TRÀO THI ĐUA", "Phong trào", h,
                  ("", "Mã số", "Tổng số (1=2+3+4)", "Cấp Trung ương (Hội đồng Thi đua - Khen thưởng Trung ương)",
                   "Cấp bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương",
                   "Cơ quan, tổ chức, đơn vị"), rows, (60, 8, 14, 24, 30, 20))


# --- 0602 and 0603: awards, by the form's name ------------------------------------------------

STATE_FORMS = (("Huân chương, huy chương", ("huân chương", "huy chương")),
               ("Giải thưởng Hồ Chí Minh", ("giải thưởng hồ chí minh",)),
               ("Giải thưởng Nhà nước", ("giải thưởng nhà nước",)),
               ("Danh hiệu vinh dự nhà nước", ("anh hùng", "nghệ sĩ nhân dân", "nhà giáo nhân dân",
                                               "thầy thuốc nhân dân", "bà mẹ việt nam anh hùng")),
               ("Cờ thi đua của Chính phủ", ("cờ thi đua của chính phủ",)),
               ("Bằng khen của Thủ tướng Chính phủ", ("bằng khen của thủ tướng",)),
               ("Chiến sĩ thi đua toàn quốc", ("chiến sĩ thi đua toàn quốc",)))
PROVINCE_FORMS = (("Bằng khen", ("bằng khen",)), ("Chiến sĩ thi đua cấp bộ, cấp tỉnh",
                                                  ("chiến sĩ thi đua cấp bộ", "chiến sĩ thi đua cấp tỉnh")),
                  ("Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh", ("cờ thi đua",)),
                  ("Huy hiệu (kỷ niệm chương)", ("huy hiệu", "kỷ niệm chương")))


def classify(form: str, columns: Sequence[tuple[str, tuple[str, ...]]]) -> int | None:
    """The column (0-based) whose words the form's name starts with or holds; None: another level's."""
    name = form.lower()
    return next((i for i, (_, words) in enumerate(columns) if any(w in name for w in words)), None)


def state_level(form: str) -> bool:
    return classify(form, STATE_FORMS) is not None


def _award_rows(awards: Sequence[GivenAward], columns, subject_rows: list, method_rows: list) -> list[tuple]:
    def counts(selected: Iterable[GivenAward]) -> tuple:
        chosen = [classify(a.form, columns) for a in selected]
        by = tuple(chosen.count(i) for i in range(len(columns)))
        return (sum(by), *by)
    collective = [a for a in awards if a.subject == "collective"]
    rows = [("Tổng số", "01", "", *counts(awards)), ("1. Chia theo đối tượng khen thưởng", "", ""),
            ("- Tập thể", "02", "Tập thể", *counts(collective)),
            ("Trong đó: Doanh nghiệp", "03", "Doanh nghiệp", *counts(a for a in collective if a.enterprise)),
            ("- Hộ gia đình", "04", "Hộ", *counts(())),
            ("- Cá nhân", "05", "Người", *counts(a for a in awards if a.subject == "individual")),
            *((label, code, "Người", *(BLANK for _ in range(len(columns) + 1))) for label, code in subject_rows),
            ("2. Chia theo phương thức khen thưởng", "", "")]
    methods = {"11": ("regular",), "12": ("thematic", "sprint")}  # by the plan the award came under
    for label, code in method_rows:
        kinds = methods.get(code)
        rows.append((label, code, "", *(counts(a for a in awards if a.plan_kind in kinds) if kinds else
                                         tuple(BLANK for _ in range(len(columns) + 1)))))
    return rows


INDIVIDUAL_ROWS = [("+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên", "06"),
                   ("+ Lãnh đạo cấp vụ, sở, ngành và tương đương", "07"), ("+ Doanh nhân", "08"),
                   ("+ Các cấp lãnh đạo khác từ phó phòng trở lên", "09"),
                   ("+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu", "10")]
METHOD_ROWS = [("- Thường xuyên", "11"), ("- Chuyên đề", "12"), ("- Đột xuất", "13"), ("- Đối ngoại", "14"),
               ("- Cống hiến", "15"), ("- Niên hạn", "16"), ("- Kháng chiến", "17")]


def form_0602(awards: Sequence[GivenAward], h: FormHeader) -> Sheet:
    rows = _award_rows([a for a in awards if state_level(a.form)], STATE_FORMS, INDIVIDUAL_ROWS, METHOD_ROWS)
    return _sheet("0602.N/BNV-TĐKT", "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC", "Tập thể, người", h,
                  ("", "Mã số", "Đơn vị tính", "Tổng số", *(name for name, _ in STATE_FORMS)), rows,
                  (60, 8, 12, 10, *(18 for _ in STATE_FORMS)))


def form_0603(awards: Sequence[GivenAward], h: FormHeader) -> Sheet:
    """Awards of a ministry, central mass organisation or province: not the state's (0602), not a
    unit's own (Giấy khen: no column in this form, so not counted)."""
    given = [a for a in awards if not state_level(a.form)]
    rows = _award_rows(given, PROVINCE_FORMS, INDIVIDUAL_ROWS, METHOD_ROWS)
    return _sheet("0603.N/BNV-TĐKT", "SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, "
                  "THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG", "Tập thể, người", h,
                  ("", "Mã số", "Đơn vị tính", "Tổng số", *(name for name, _ in PROVINCE_FORMS)), rows,
                  (60, 8, 12, 10, *(20 for _ in PROVINCE_FORMS)))
