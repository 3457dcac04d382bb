"""The menu: one entry per area of the app, shown to the roles that can use it."""

from __future__ import annotations

from dataclasses import dataclass

from domain.organisation import LEVELS
from services.auth.principal import Principal, Role

LOWEST_LEVEL = max(LEVELS.values())
"""Grassroots unions and divisions: no unit sits below them (domain may_sit_under)."""


@dataclass(frozen=True)
class Entry:
    path: str
    label: str  # English msgid; translated in the template
    roles: frozenset[Role] | None = None  # None: everyone signed in
    units_below: bool = False
    """The work of a unit with units below it: an officer whose unit is of the lowest level
    does not see it (other roles that may use it do)."""

    def shown_to(self, reader: Principal, unit_level: int | None) -> bool:
        if self.roles is None:
            return True
        roles = self.roles
        if self.units_below and unit_level == LOWEST_LEVEL:
            roles = roles - {Role.OFFICER}
        return any(reader.has(role) for role in roles)


# A unit's own work first (its plans to answer, its nominations), then the upper levels' (plans
# issued, the review queue, the units below), then administration; the account page last (menu_for).
MENU: list[Entry] = [
    Entry("/", "Home"),
    Entry("/unit/plans", "Plans", frozenset({Role.OFFICER})),
    Entry("/unit/nominations", "Nominations", frozenset({Role.OFFICER})),
    Entry("/issued-plans", "Plans issued", frozenset({Role.OFFICER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN}), True),
    Entry("/review", "Review", frozenset({Role.OFFICER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN}), True),
    Entry("/org", "Units", frozenset({Role.OFFICER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN}), True),
    Entry("/people", "People", frozenset({Role.TENANT_ADMIN, Role.PLATFORM_ADMIN})),
    Entry("/dashboard/", "Dashboard", frozenset({Role.NATIONAL, Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.VIEWER})),
    Entry("/audit/", "Audit", frozenset({Role.AUDITOR, Role.PLATFORM_ADMIN})),
]


ACCOUNT = Entry("/me", "My account")


def menu_for(reader: Principal | None, unit_level: int | None = None) -> list[Entry]:
    """`unit_level`: the level of the reader's own unit, if known (access.signed_in)."""
    return [entry for entry in [*MENU, ACCOUNT] if reader is not None and entry.shown_to(reader, unit_level)]
