"""The menu: one entry per area of the app, shown to the roles that can use it."""

from __future__ import annotations

from dataclasses import dataclass

from services.auth.principal import Principal, Role


@dataclass(frozen=True)
class Entry:
    path: str
    label: str  # English msgid; translated in the template
    roles: frozenset[Role] | None = None  # None: everyone signed in

    def shown_to(self, reader: Principal) -> bool:
        return self.roles is None or any(reader.has(role) for role in self.roles)


# A unit's own work first (its plans to answer, its nominations), then the upper levels' (plans
# issued, the review queue, the units below), then administration; the account page last (menu_for).
MENU: list[Entry] = [
    Entry("/", "Home"),
    Entry("/unit/plans", "Plans", frozenset({Role.OFFICER})),
    Entry("/unit/nominations", "Nominations", frozenset({Role.OFFICER})),
    Entry("/issued-plans", "Plans issued", frozenset({Role.OFFICER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN})),
    Entry("/review", "Review", frozenset({Role.OFFICER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN})),
    Entry("/org", "Units", frozenset({Role.OFFICER, Role.TENANT_ADMIN, Role.PLATFORM_ADMIN})),
    Entry("/people", "People", frozenset({Role.TENANT_ADMIN, Role.PLATFORM_ADMIN})),
    Entry("/dashboard/", "Dashboard", frozenset({Role.NATIONAL, Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.VIEWER})),
    Entry("/audit/", "Audit", frozenset({Role.AUDITOR, Role.PLATFORM_ADMIN})),
]


ACCOUNT = Entry("/me", "My account")


def menu_for(reader: Principal | None) -> list[Entry]:
    return [entry for entry in [*MENU, ACCOUNT] if reader is not None and entry.shown_to(reader)]
