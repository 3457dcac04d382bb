"""Deterministic ids of tenant roots, so provisioning twice collides instead of duplicating."""

from __future__ import annotations

from uuid import UUID, uuid5

# Never change: existing root ids would stop matching.
ROOT_NS = UUID("6f1d3c2a-4b7e-5a10-9c61-0d7a1e2b3c10")

NATIONAL_TENANT = "national"
"""The platform tenant that holds the national body (Tổng Liên đoàn Lao động Việt Nam)."""


def root_unit_id(tenant: str) -> UUID:
    """The root org unit of a tenant: the national body in the platform tenant, else the
    province federation, central sector union or department the tenant was provisioned for."""
    return uuid5(ROOT_NS, tenant)
