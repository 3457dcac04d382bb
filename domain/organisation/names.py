"""Unit names: stored NFC with single spaces; searched accent-insensitively."""

from __future__ import annotations

from domain.text import fold, nfc
from domain.organisation.errors import InvalidUnitName


def normalise_name(name: str) -> str:
    """NFC, trimmed, inner whitespace collapsed; blank names are refused."""
    if not isinstance(name, str):
        raise InvalidUnitName(f"a unit name must be text, got {type(name).__name__}",
                              message_vi="Tên đơn vị phải là văn bản")
    text = " ".join(nfc(name).split())
    if not text:
        raise InvalidUnitName("a unit name must not be blank", message_vi="Tên đơn vị không được để trống")
    return text


def fold_name(name: str) -> str:
    """Search key: "LĐLĐ huyện Phú Riềng" and "ldld huyen phu rieng" fold alike."""
    return " ".join(fold(name).split())
