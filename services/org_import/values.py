"""One sheet row's cells made into typed values, or issues saying why they cannot be.

Kinds are the identifiers the API uses (`grassroots_union`) or their Vietnamese names
("Công đoàn cơ sở", "CĐCS"); the enterprise flag is yes/no, có/không, x, 1/0 or a boolean
cell; dates are date cells, YYYY-MM-DD or DD/MM/YYYY (also with - or .).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from domain.organisation import InvalidUnitName, UnitKind, normalise_name
from domain.text import fold
from services.org_import.messages import Issue, issue

MAX_CODE = 50
MAX_NAME = 300

# kind -> Vietnamese names; the first is what an export in Vietnamese writes.
KIND_NAMES_VI: dict[UnitKind, tuple[str, ...]] = {
    UnitKind.NATIONAL_BODY: ("Tổng Liên đoàn Lao động",),
    UnitKind.PROVINCE_FEDERATION: ("Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", "Liên đoàn Lao động thành phố"),
    UnitKind.SECTOR_UNION: ("Công đoàn ngành", "Công đoàn ngành trung ương"),
    UnitKind.DEPARTMENT: ("Sở", "Cơ quan"),
    UnitKind.DISTRICT_FEDERATION: ("Liên đoàn Lao động huyện", "LĐLĐ huyện"),
    UnitKind.COMMUNE_UNION: ("Công đoàn xã, phường", "Công đoàn xã", "Công đoàn phường"),
    UnitKind.INDUSTRIAL_ZONE_UNION: ("Công đoàn khu công nghiệp", "Công đoàn KCN"),
    UnitKind.GRASSROOTS_UNION: ("Công đoàn cơ sở", "CĐCS"),
    UnitKind.PUBLIC_SERVICE_UNIT: ("Đơn vị sự nghiệp",),
    UnitKind.DIVISION: ("Phòng",),
}
_KINDS = {fold(k.value): k for k in UnitKind} | {
    " ".join(fold(n).replace(",", " ").split()): k for k, names in KIND_NAMES_VI.items() for n in names}
_YES = frozenset({"1", "x", "yes", "y", "true", "co", "c"})
_NO = frozenset({"", "0", "no", "n", "false", "khong", "k"})
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


@dataclass
class Row:
    """A data row: `number` is its line in the sheet (the header is line 1)."""

    number: int
    code: str
    name: str | None = None
    kind: UnitKind | None = None
    parent_code: str = ""
    enterprise: bool = False
    effective: date | None = None
    issues: list[Issue] = field(default_factory=list)


def parse_row(number: int, cells: dict[str, object]) -> Row:
    row = Row(number, code=text(cells.get("code")), parent_code=text(cells.get("parent_code")))
    _check_code(row)
    row.name = _name(row, cells.get("name"))
    row.kind = _kind(row, cells.get("kind"))
    row.enterprise = _flag(row, cells.get("enterprise"))
    row.effective = _date(row, cells.get("effective"))
    return row


def text(cell: object) -> str:
    """A cell as trimmed text; a whole-number float (Excel's 123.0) loses its ".0"."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def _check_code(row: Row) -> None:
    if not row.code:
        row.issues.append(issue("MISSING_CODE", "code"))
    elif len(row.code) > MAX_CODE:
        row.issues.append(issue("CODE_TOO_LONG", "code", value=MAX_CODE))


def _name(row: Row, cell: object) -> str | None:
    try:
        name = normalise_name(text(cell))
    except InvalidUnitName:
        row.issues.append(issue("MISSING_NAME", "name"))
        return None
    if len(name) > MAX_NAME:
        row.issues.append(issue("NAME_TOO_LONG", "name", value=MAX_NAME))
    return name


def _kind(row: Row, cell: object) -> UnitKind | None:
    value = text(cell)
    kind = _KINDS.get(" ".join(fold(value).replace(",", " ").split()))
    if kind is None:
        row.issues.append(issue("BAD_KIND", "kind", value=value))
    return kind


def _flag(row: Row, cell: object) -> bool:
    if isinstance(cell, bool):
        return cell
    value = fold(text(cell))
    if value in _YES or value in _NO:
        return value in _YES
    row.issues.append(issue("BAD_FLAG", "enterprise", value=text(cell)))
    return False


def _date(row: Row, cell: object) -> date | None:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    value = text(cell)
    if not value:
        row.issues.append(issue("MISSING_DATE", "effective"))
        return None
    try:
        if match := _DAY_FIRST.fullmatch(value):
            day, month, year = map(int, match.groups())
            return date(year, month, day)
        return date.fromisoformat(value)
    except ValueError:
        row.issues.append(issue("BAD_DATE", "effective", value=value))
        return None
