"""Text helpers: names arrive in many spellings ("Phú Riềng" / "Phú Riêng")."""

from __future__ import annotations

import unicodedata

from domain.errors import BadInput


def nfc(value: str) -> str:
    """NFC-normalise and trim; every name is stored this way."""
    if not isinstance(value, str):
        raise BadInput(f"expected text, got {type(value).__name__}", rule="input.text",
                       message_vi="Giá trị phải là văn bản")
    return unicodedata.normalize("NFC", value).strip()


# The input fields named in refusals, as a Vietnamese officer calls them.
FIELDS_VI = {
    "achieved": "Kết quả đạt được", "against": "Số phiếu không tán thành", "copies": "Số bản",
    "decision_number": "Số quyết định", "document kind": "Loại tài liệu", "enterprise_waiting": "Số đơn vị doanh nghiệp chờ",
    "file name": "Tên tệp", "for": "Số phiếu tán thành", "indicator": "Chỉ tiêu", "initiative": "Sáng kiến, giải pháp",
    "initiatives": "Số sáng kiến", "members supported": "Số đoàn viên được hỗ trợ", "model type": "Loại mô hình",
    "models started": "Số mô hình triển khai", "nominee_name": "Tên đối tượng đề nghị", "present": "Số thành viên có mặt",
    "reason": "Lý do", "registered_collectives": "Số tập thể đăng ký", "signer": "Người ký", "symbol": "Ký hiệu",
    "target amount": "Mức chỉ tiêu", "tenant": "Đơn vị", "theme": "Chủ đề", "work_item": "Nội dung công việc",
    "work items completed": "Số việc đã hoàn thành",
}


def field_vi(field: str) -> str:
    return FIELDS_VI.get(field, field)


def required(value: str, field: str) -> str:
    text = nfc(value)
    if not text:
        raise BadInput(f"{field} must not be blank", rule=f"input.{field}",
                       message_vi=f"{field_vi(field)} không được để trống")
    return text


def fold(value: str) -> str:
    """Accent-insensitive search key: strip marks, map đ→d, casefold."""
    decomposed = unicodedata.normalize("NFD", nfc(value).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
