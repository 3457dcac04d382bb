"""Keyset pages of the lists that grow with the country (Relay connections at the API).

Each list has a fixed total order ending in its primary key, so a page starts strictly after
the last row the client saw (`after`, that row's sort key as text) and a row is never seen
twice nor skipped while pages are read, whatever is inserted meanwhile before the cursor.
A read asks one row more than the page to learn whether another page follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from domain.errors import BadInput
from infra.database import Database
from projections.read_models.scope import NATIONAL, read_scope

@dataclass(frozen=True)
class SortKey:
    """A list's total order: its columns (the last one unique) and their SQL types."""

    columns: tuple[str, ...]
    types: tuple[str, ...]

    def after(self, first_param: int) -> str:
        """`(a, b) > ($n, $n+1)`, or true when no cursor was given (its values NULL)."""
        params = ", ".join(f"${first_param + i}::{t}" for i, t in enumerate(self.types))
        return f"(${first_param}::{self.types[0]} IS NULL OR ({', '.join(self.columns)}) > ({params}))"

    @property
    def order_by(self) -> str:
        return " ORDER BY " + ", ".join(self.columns)


REGISTRATION_KEY = SortKey(("registered_on", "unit_id", "registration_id"), ("date", "uuid", "uuid"))
REPORT_KEY = SortKey(("day", "unit_id", "report_id"), ("date", "uuid", "uuid"))
NOMINATION_KEY = SortKey(("nominee_name", "nomination_id"), ("text", "uuid"))
AWARD_KEY = SortKey(("decided_on", "nomination_id"), ("date", "uuid"))
CHILD_KEY = SortKey(("name", "unit_id"), ("text", "uuid"))


@dataclass(frozen=True)
class Page:
    rows: list[dict[str, Any]]
    has_next: bool


_PARSE = {"date": date.fromisoformat, "uuid": UUID, "text": str}


def _cursor_args(after: tuple[str, ...] | None, key: SortKey) -> list[Any]:
    """The cursor's values as the columns' types; BAD_INPUT for values that are not."""
    if after is None:
        return [None] * len(key.types)
    try:
        return [_PARSE[t](v) for t, v in zip(key.types, after, strict=True)]
    except ValueError:
        raise BadInput("after is not a cursor of this list", rule="graphql.page.after",
                       message_vi="after không phải con trỏ của danh sách này") from None


def _page(rows: list[Any], first: int) -> Page:
    return Page([dict(r) for r in rows[:first]], len(rows) > first)


async def registrations(db: Database, tenant: str, plan_id: UUID, *, first: int, after: tuple[str, ...] | None,
                        late: bool | None = None, phase: str | None = None) -> Page:
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            "SELECT registration_id, plan_id, phase, unit_id, registered_on, late, targets, results,"
            " targets_met, work_item_names, initiative_names FROM registrations"
            " WHERE tenant_id = $1 AND plan_id = $2"
            " AND ($3::boolean IS NULL OR late = $3) AND ($4::text IS NULL OR phase = $4) AND "
            + REGISTRATION_KEY.after(5)
            + REGISTRATION_KEY.order_by + " LIMIT $8",
            tenant, plan_id, late, phase, *_cursor_args(after, REGISTRATION_KEY), first + 1)
    return _page(rows, first)


async def reports(db: Database, tenant: str, plan_id: UUID, *, first: int, after: tuple[str, ...] | None,
                  late: bool | None = None) -> Page:
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            "SELECT report_id, unit_id, day, submitted_on, late, members_supported, funds_mobilised,"
            " models, initiatives, work_items_completed FROM reports WHERE tenant_id = $1 AND plan_id = $2"
            " AND ($3::boolean IS NULL OR late = $3) AND " + REPORT_KEY.after(4)
            + REPORT_KEY.order_by + " LIMIT $7",
            tenant, plan_id, late, *_cursor_args(after, REPORT_KEY), first + 1)
    return _page(rows, first)


async def nominations(db: Database, tenant: str, plan_id: UUID, *, first: int, after: tuple[str, ...] | None,
                      status: str | None = None) -> Page:
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            "SELECT * FROM nominations WHERE tenant_id = $1 AND plan_id = $2"
            " AND ($3::text IS NULL OR status = $3) AND " + NOMINATION_KEY.after(4)
            + NOMINATION_KEY.order_by + " LIMIT $6",
            tenant, plan_id, status, *_cursor_args(after, NOMINATION_KEY), first + 1)
    return _page(rows, first)


async def awards(db: Database, tenant: str, plan_id: UUID, *, first: int, after: tuple[str, ...] | None) -> Page:
    """Decided nominations (a revoked award is no longer one), by decision day."""
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            "SELECT * FROM nominations WHERE tenant_id = $1 AND plan_id = $2 AND status = 'decided' AND "
            + AWARD_KEY.after(3) + AWARD_KEY.order_by + " LIMIT $5",
            tenant, plan_id, *_cursor_args(after, AWARD_KEY), first + 1)
    return _page(rows, first)


async def children(db: Database, parent: UUID, *, first: int, after: tuple[str, ...] | None,
                   tenant: str | None = NATIONAL) -> Page:
    """A unit's current children (ended units left out), by name then id."""
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            "SELECT tenant_id, unit_id, name, kind, level, parent_id, enterprise, 1 AS depth FROM org_units"
            " WHERE parent_id = $1 AND ended_on IS NULL AND " + CHILD_KEY.after(2)
            + CHILD_KEY.order_by + " LIMIT $4", parent, *_cursor_args(after, CHILD_KEY), first + 1)
    return _page(rows, first)
