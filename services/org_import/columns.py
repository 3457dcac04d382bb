"""The sheet's columns, under their English or Vietnamese headers.

Headers match accent- and case-insensitively ("Mã đơn vị cấp trên", "ma don vi cap tren",
"parent_code" and "Parent code" are one column). Columns the import does not know are ignored
and named in the report; a required column that is missing refuses the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.errors import BadInput
from domain.text import fold

FIELDS = ("code", "name", "kind", "parent_code", "enterprise", "effective")
OPTIONAL = frozenset({"enterprise"})  # a blank or absent flag means "not an enterprise union"

# field -> (English header, Vietnamese header): the export writes these.
HEADERS: dict[str, tuple[str, str]] = {
    "code": ("code", "Mã"),
    "name": ("name", "Tên đơn vị"),
    "kind": ("kind", "Loại"),
    "parent_code": ("parent code", "Mã đơn vị cấp trên"),
    "enterprise": ("enterprise", "Doanh nghiệp"),
    "effective": ("effective date", "Ngày hiệu lực"),
}
_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("unit code", "mã đơn vị"),
    "name": ("unit name", "tên"),
    "kind": ("type", "loại đơn vị"),
    "parent_code": ("parent", "mã cấp trên"),
    "enterprise": ("enterprise union", "công đoàn doanh nghiệp"),
    "effective": ("effective", "ngày", "ngày thành lập"),
}


def header_key(text: str) -> str:
    return " ".join(fold(text).replace("_", " ").split())


_BY_KEY = {header_key(h): f for f, names in HEADERS.items() for h in (*names, *_ALIASES.get(f, ()))}


@dataclass(frozen=True)
class Columns:
    """Where each known field sits in a row, and the headers the import ignores."""

    index: dict[str, int]
    ignored: tuple[str, ...]


def map_headers(headers: list[object]) -> Columns:
    index: dict[str, int] = {}
    ignored: list[str] = []
    for i, cell in enumerate(headers):
        text = "" if cell is None else str(cell)
        field = _BY_KEY.get(header_key(text))
        if field is None:
            if text.strip():
                ignored.append(text.strip())
            continue
        if field in index:
            raise BadInput(f"the column {HEADERS[field][0]!r} appears twice", rule="org_import.columns.unique",
                           message_vi=f"Cột {HEADERS[field][1]!r} xuất hiện hai lần")
        index[field] = i
    missing = [f for f in FIELDS if f not in index and f not in OPTIONAL]
    if missing:
        en = ", ".join(HEADERS[f][0] for f in missing)
        vi = ", ".join(HEADERS[f][1] for f in missing)
        raise BadInput(f"missing column(s): {en} (the first row must hold the headers)",
                       rule="org_import.columns.required",
                       message_vi=f"Thiếu cột: {vi} (dòng đầu tiên phải là tiêu đề cột)")
    return Columns(index, tuple(ignored))
