"""Typed values out of a posted form. A value that is not what its field asks for is refused
as BAD_INPUT with rule `form.<field>` and a Vietnamese message, before any service runs, so
the page shows it next to that field (the status the API gives a body it cannot decode)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from uuid import UUID

from litestar.datastructures import FormMultiDict

from domain.errors import BadInput


def bad(field: str, english: str, vietnamese: str) -> BadInput:
    return BadInput(english, rule=f"form.{field}", message_vi=vietnamese)


def text(form: FormMultiDict, name: str) -> str:
    return (form.get(name) or "").strip()


def day(value: str | None, field: str, *, required: bool = True) -> date | None:
    value = (value or "").strip()
    if not value:
        if required:
            raise bad(field, f"{field}: a date is required", "Cần nhập ngày")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise bad(field, f"{field}: not a date (yyyy-mm-dd)", "Ngày không hợp lệ") from None


def whole(value: str | None, field: str, *, required: bool = True, default: int | None = None) -> int | None:
    value = (value or "").strip()
    if not value:
        if required:
            raise bad(field, f"{field}: a number is required", "Cần nhập một số")
        return default
    try:
        return int(value)
    except ValueError:
        raise bad(field, f"{field}: not a whole number", "Phải là số nguyên") from None


def decimal(value: str | None, field: str) -> Decimal | None:
    """A decimal comma or point; blank is None."""
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        parsed = Decimal(value)
    except InvalidOperation:
        raise bad(field, f"{field}: not a number", "Phải là một số") from None
    if not parsed.is_finite():
        raise bad(field, f"{field}: not a number", "Phải là một số")
    return parsed


def number(value: str | None, field: str) -> int | Decimal:
    """A required amount: an int when it is whole, else a Decimal."""
    parsed = decimal(value, field)
    if parsed is None:
        raise bad(field, f"{field}: a number is required", "Cần nhập một số")
    return int(parsed) if parsed == parsed.to_integral_value() else parsed


def uuid(value: str | None, field: str, *, required: bool = True) -> UUID | None:
    value = (value or "").strip()
    if not value:
        if required:
            raise bad(field, f"{field}: choose one", "Cần chọn một mục")
        return None
    try:
        return UUID(value)
    except ValueError:
        raise bad(field, f"{field}: not an id", "Mã không hợp lệ") from None


def lines(value: str | None) -> list[str]:
    """A textarea of one entry per line; blank lines skipped."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def rows(form: FormMultiDict, prefix: str, names: tuple[str, ...]) -> list[dict[str, str]]:
    """Repeated inputs `prefix_name` (one per row, in order) as row dicts; blank rows dropped."""
    columns = {name: form.getall(f"{prefix}_{name}", []) for name in names}
    count = max((len(values) for values in columns.values()), default=0)
    out = []
    for i in range(count):
        row = {name: (values[i] if i < len(values) else "").strip() for name, values in columns.items()}
        if any(row.values()):
            out.append(row)
    return out
