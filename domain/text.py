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


def required(value: str, field: str) -> str:
    text = nfc(value)
    if not text:
        raise BadInput(f"{field} must not be blank", rule=f"input.{field}",
                       message_vi=f"{field} không được để trống")
    return text


def fold(value: str) -> str:
    """Accent-insensitive search key: strip marks, map đ→d, casefold."""
    decomposed = unicodedata.normalize("NFD", nfc(value).replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
