"""Numeric input checks: counts are ints, amounts int or Decimal, never float (or bool)."""

from __future__ import annotations

from decimal import Decimal

from domain.errors import BadInput


def count(value: object, field: str, rule: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadInput(f"{field} must be a non-negative integer", rule=rule,
                       message_vi=f"{field} phải là số nguyên không âm")
    return value


def amount(value: object, field: str, rule: str) -> int | Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise BadInput(f"{field} must be an int or Decimal, not {type(value).__name__}", rule=rule,
                       message_vi=f"{field} phải là một số")
    # Finiteness first: comparing a NaN Decimal with 0 raises InvalidOperation.
    if (isinstance(value, Decimal) and not value.is_finite()) or value < 0:
        raise BadInput(f"{field} must be a finite, non-negative amount", rule=rule,
                       message_vi=f"{field} phải là số hữu hạn, không âm")
    return value
