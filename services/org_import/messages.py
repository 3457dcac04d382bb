"""What the row-by-row report says, in Vietnamese and English, under a stable code.

Each template is formatted with the row's own values (`code`, `parent`, `value`, `row`,
`detail`); a client shows the message in its language and keys its logic on the code.
"""

from __future__ import annotations

from dataclasses import dataclass

# code -> (English, Vietnamese)
CATALOGUE: dict[str, tuple[str, str]] = {
    "MISSING_CODE": ("the code is blank", "Mã đơn vị để trống"),
    "CODE_TOO_LONG": ("the code is longer than {value} characters", "Mã đơn vị dài quá {value} ký tự"),
    "MISSING_NAME": ("the name is blank", "Tên đơn vị để trống"),
    "NAME_TOO_LONG": ("the name is longer than {value} characters", "Tên đơn vị dài quá {value} ký tự"),
    "BAD_KIND": ("unknown kind {value!r}", "Loại đơn vị không hợp lệ: {value!r}"),
    "BAD_FLAG": ("the enterprise flag {value!r} is neither yes nor no",
                 "Cột doanh nghiệp {value!r} không phải có/không"),
    "MISSING_DATE": ("the effective date is blank", "Ngày hiệu lực để trống"),
    "BAD_DATE": ("{value!r} is not a date (YYYY-MM-DD or DD/MM/YYYY)",
                 "{value!r} không phải ngày hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)"),
    "DUPLICATE_CODE": ("the code {code!r} is already used on row {row}",
                       "Mã {code!r} đã dùng ở dòng {row}"),
    "UNKNOWN_PARENT": ("no unit with the parent code {parent!r} in the file or in your subtree",
                       "Không tìm thấy đơn vị cấp trên có mã {parent!r} trong tệp hoặc trong phạm vi quản lý"),
    "AMBIGUOUS_CODE": ("several units have the code {value!r}", "Nhiều đơn vị cùng có mã {value!r}"),
    "OUTSIDE_SUBTREE": ("the unit {value!r} is outside your subtree",
                        "Đơn vị {value!r} nằm ngoài phạm vi quản lý của bạn"),
    "CYCLE": ("the parent codes loop back to this row ({detail})",
              "Mã đơn vị cấp trên tạo thành vòng lặp ({detail})"),
    "PARENT_REJECTED": ("its parent, row {row}, has errors", "Đơn vị cấp trên (dòng {row}) có lỗi"),
    "CODE_OF_ENDED_UNIT": ("the code {code!r} belongs to a unit that was merged, split or dissolved",
                           "Mã {code!r} thuộc đơn vị đã sáp nhập, chia tách hoặc giải thể"),
    "DIFFERS_FROM_EXISTING": ("the unit {code!r} exists with another {detail}, which an import cannot change",
                              "Đơn vị {code!r} đã có với {detail} khác; nhập tệp không thay đổi được"),
    "MOVED_LATER": ("{code!r} was moved on {value}, after this row's date: that parent holds now",
                    "{code!r} đã chuyển đơn vị cấp trên ngày {value}, sau ngày hiệu lực của dòng này"),
    "RENAMED_LATER": ("{code!r} was renamed on {value}, after this row's date: that name holds now",
                      "{code!r} đã đổi tên ngày {value}, sau ngày hiệu lực của dòng này"),
    # Refusals of the domain's own rules (domain/organisation), by their codes.
    "ORG_INVALID_PARENT": ("{detail}", "Loại đơn vị này không thể trực thuộc đơn vị cấp trên đã ghi"),
    "ORG_NOT_ACTIVE_ON_DATE": ("{detail}", "Đơn vị cấp trên chưa thành lập hoặc đã chấm dứt vào ngày hiệu lực"),
    "ORG_ENTERPRISE_FLAG": ("{detail}", "Chỉ công đoàn cơ sở mới được đánh dấu là doanh nghiệp"),
    "ORG_INVALID_NAME": ("{detail}", "Tên đơn vị không hợp lệ"),
    "ORG_CHANGE_BEFORE_CREATION": ("{detail}", "Ngày hiệu lực trước ngày thành lập đơn vị"),
    "ORG_UNIT_ENDED": ("{detail}", "Đơn vị đã chấm dứt hoạt động vào ngày hiệu lực"),
    "ORG_SELF_REFERENCE": ("{detail}", "Đơn vị không thể trực thuộc chính nó"),
    "ORG_CYCLE": ("{detail}", "Chuyển đơn vị như vậy tạo thành vòng lặp trong cây tổ chức"),
}
_FALLBACK = ("{detail}", "Dòng không hợp lệ: {detail}")

# Field names inside DIFFERS_FROM_EXISTING, per language.
FIELD_WORDS = {"name": ("name", "tên"), "kind": ("kind", "loại"), "parent": ("parent", "đơn vị cấp trên"),
               "enterprise": ("enterprise flag", "cờ doanh nghiệp")}


@dataclass(frozen=True)
class Issue:
    """One thing wrong with one row; `column` names the field at fault, if one is."""

    code: str
    column: str | None
    message_en: str
    message_vi: str


def issue(issue_code: str, column: str | None = None, /, **values: object) -> Issue:
    en, vi = CATALOGUE.get(issue_code, _FALLBACK)
    values = {"code": "", "parent": "", "value": "", "row": "", "detail": "", **values}
    return Issue(issue_code, column, en.format(**values), vi.format(**values))


def differs(code: str, fields: list[str]) -> Issue:
    """An existing unit whose name, kind, parent or flag the row contradicts."""
    en_template, vi_template = CATALOGUE["DIFFERS_FROM_EXISTING"]
    en = en_template.format(code=code, detail=", ".join(FIELD_WORDS[f][0] for f in fields))
    vi = vi_template.format(code=code, detail=", ".join(FIELD_WORDS[f][1] for f in fields))
    return Issue("DIFFERS_FROM_EXISTING", "parent_code" if fields[0] == "parent" else fields[0], en, vi)
