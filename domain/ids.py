"""Deterministic aggregate ids: two racing creations get the same id and collide in the store
on stream version 1, so the store (not the domain) guarantees uniqueness."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid5

# Fixed namespaces; never change them or existing ids stop matching.
REGISTRATION_NS = UUID("6f1d3c2a-4b7e-5a10-9c61-0d7a1e2b3c01")
REPORT_NS = UUID("6f1d3c2a-4b7e-5a10-9c61-0d7a1e2b3c02")
QUOTA_NS = UUID("6f1d3c2a-4b7e-5a10-9c61-0d7a1e2b3c03")


def registration_id(tenant: str, plan_id: UUID, phase: str, unit_id: UUID) -> UUID:
    """One registration per unit and phase of a plan."""
    return uuid5(REGISTRATION_NS, f"{tenant}/{plan_id}/{phase}/{unit_id}")


def report_id(tenant: str, plan_id: UUID, unit_id: UUID, day: date) -> UUID:
    """One progress report per unit and reporting day."""
    return uuid5(REPORT_NS, f"{tenant}/{plan_id}/{unit_id}/{day.isoformat()}")


def quota_id(tenant: str, plan_id: UUID, pool: str, nominating_unit_id: UUID) -> UUID:
    """One quota ledger per plan, award-form pool and nominating unit."""
    return uuid5(QUOTA_NS, f"{tenant}/{plan_id}/{pool}/{nominating_unit_id}")


DECISION_REGISTER_NS = UUID("6f1d3c2a-4b7e-5a10-9c61-0d7a1e2b3c04")


def decision_register_id(tenant: str, issuer_unit_id: UUID, year: int) -> UUID:
    """One register of decision numbers per issuing unit and calendar year."""
    return uuid5(DECISION_REGISTER_NS, f"{tenant}/{issuer_unit_id}/{year}")


def decision_id(register_id: UUID, sequence: int) -> UUID:
    """A decision is the register's entry: two decisions racing for one number share an id."""
    return uuid5(DECISION_REGISTER_NS, f"{register_id}/{sequence}")
