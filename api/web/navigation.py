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


MENU: list[Entry] = [  # the account page goes last: see menu_for
    Entry("/", "Home"),
    Entry("/people", "People", frozenset({Role.TENANT_ADMIN, Role.PLATFORM_ADMIN})),
]


ACCOUNT = Entry("/me", "My account")


def menu_for(reader: Principal | None) -> list[Entry]:
    return [entry for entry in [*MENU, ACCOUNT] if reader is not None and entry.shown_to(reader)]
