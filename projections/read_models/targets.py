"""Registered targets against recorded results, amounts kept exact (registrations and rollups)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def exact(value: Any) -> Decimal:
    return Decimal(str(value))


def targets_met(targets: list[dict], results: dict[str, str]) -> int:
    """Targets whose recorded result reaches the registered amount (met or exceeded)."""
    return sum(1 for t in targets
               if t["indicator"] in results and exact(results[t["indicator"]]) >= exact(t["amount"]))
