"""Reading typed values out of a posted form. A value that is not what the field asks for
is refused as BAD_INPUT with rule `form.<field>`, so the page shows it next to that field
(the same status the API gives a body it cannot decode)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from uuid import UUID

from litestar.datastructures import FormMultiDict

from domain.errors import BadInput


def day(form: FormMultiDict, name: str) -> date:
    value = (form.get(name) or "").strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadInput(f"{name}: a date is needed (yyyy-mm-dd)", rule=f"form.{name}",
                       message_vi="Cần nhập ngày hợp lệ") from None


def number(form: FormMultiDict, name: str, *, default: int | None = None) -> int | Decimal:
    value = (form.get(name) or "").strip().replace(",", ".")
    if not value and default is not None:
        return default
    try:
        parsed = Decimal(value)
    except InvalidOperation:
        raise BadInput(f"{name}: a number is needed", rule=f"form.{name}", message_vi="Cần nhập một số") from None
    if not parsed.is_finite():
        raise BadInput(f"{name}: a number is needed", rule=f"form.{name}", message_vi="Cần nhập một số")
    return int(parsed) if parsed == parsed.to_integral_value() else parsed


def whole(form: FormMultiDict, name: str) -> int:
    value = number(form, name, default=0)
    if not isinstance(value, int):
        raise BadInput(f"{name}: a whole number is needed", rule=f"form.{name}",
                       message_vi="Cần nhập số nguyên")
    return value


def unit_id(form: FormMultiDict, name: str) -> UUID:
    try:
        return UUID(form.get(name) or "")
    except ValueError:
        raise BadInput(f"{name}: choose a unit", rule=f"form.{name}", message_vi="Hãy chọn một đơn vị") from None


def lines(form: FormMultiDict, name: str) -> list[str]:
    """A textarea of one entry per line; blank lines skipped."""
    return [line.strip() for line in (form.get(name) or "").splitlines() if line.strip()]


def identifier(form: FormMultiDict, name: str) -> UUID:
    """A hidden id the page itself wrote; anything else is a mangled post."""
    try:
        return UUID(form.get(name) or "")
    except ValueError:
        raise BadInput(f"{name}: not an id", rule=f"form.{name}", message_vi="Mã không hợp lệ") from None
