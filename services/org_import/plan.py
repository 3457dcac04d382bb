"""The import decided: new units created by the domain, parents before children, renames
applied, and the row-by-row report. Nothing here touches the store; the command saves
`changed` in one append.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from uuid import UUID, uuid5

from domain.organisation import OrgError, OrgTimeline, OrgUnit
from services.org_import.messages import issue
from services.org_import.resolve import CHANGED, NEW, REJECTED, UNCHANGED, Resolved

# Never change: re-importing a file must find the ids it created before.
IMPORTED_UNIT_NS = UUID("6f1d3c2a-4b7e-5a10-9c61-0d7a1e2b3c20")


def imported_unit_id(tenant: str, code: str) -> UUID:
    """Two imports racing to create the same code collide in the store instead of duplicating it."""
    return uuid5(IMPORTED_UNIT_NS, f"{tenant}/{code}")


@dataclass(frozen=True)
class ImportPlan:
    rows: list[Resolved]
    changed: list[OrgUnit]
    """New units, and renamed or moved ones, with their pending events."""
    ignored_columns: tuple[str, ...] = ()

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def rejected(self) -> int:
        return self.count(REJECTED)

    def report(self, *, dry_run: bool) -> dict[str, object]:
        return {
            "dry_run": dry_run, "ok": self.rejected == 0, "rows": len(self.rows),
            "new": self.count(NEW), "changed": self.count(CHANGED), "unchanged": self.count(UNCHANGED),
            "rejected": self.rejected,
            "ignored_columns": list(self.ignored_columns),
            "results": [_row_report(r) for r in self.rows],
        }


def units_to_load(rows: list[Resolved]) -> set[UUID]:
    """The existing units that new or moved rows hang under, and those the rows change."""
    parents = {r.parent_unit for r in rows if (r.existing is None or r.moved) and r.parent_unit is not None}
    return parents | {r.existing for r in rows if r.changes and r.existing is not None}


def build(tenant: str, rows: list[Resolved], loaded: dict[UUID, OrgUnit], timeline: OrgTimeline,
          ignored_columns: tuple[str, ...] = ()) -> ImportPlan:
    created = _create_all(tenant, rows, loaded)
    changed = [r for r in rows if r.changes and not r.row.issues]
    for item in changed:
        _change(item, rows, loaded, created, timeline)
    return ImportPlan(rows, [*created.values(), *(loaded[r.existing] for r in changed if not r.row.issues)],
                      ignored_columns)


def _create_all(tenant: str, rows: list[Resolved], parents: dict[UUID, OrgUnit]) -> dict[int, OrgUnit]:
    """Create each new unit under its parent, top down; a row under a refused row is refused."""
    units: dict[int, OrgUnit] = {}
    queue = deque(i for i, r in enumerate(rows) if r.existing is None and r.parent_row is None)
    reached = set(queue)
    while queue:
        i = queue.popleft()
        item = rows[i]
        parent = parents.get(item.parent_unit) if item.parent_row is None else units.get(item.parent_row)
        if parent is None and item.parent_row is not None and not item.row.issues and item.existing is None:
            item.add(issue("PARENT_REJECTED", "parent_code", row=rows[item.parent_row].row.number))
        if not item.row.issues and parent is not None and item.existing is None:
            _create(tenant, item, parent, units, i)
        queue.extend(c for c in item.children if c not in reached)
        reached.update(item.children)
    for i, item in enumerate(rows):  # below a cycle: never reached from an existing parent
        if i not in reached and item.existing is None and not item.row.issues:
            item.add(issue("PARENT_REJECTED", "parent_code", row=rows[item.parent_row].row.number))
    return units


def _create(tenant: str, item: Resolved, parent: OrgUnit, units: dict[int, OrgUnit], index: int) -> None:
    row = item.row
    try:
        units[index] = OrgUnit.create(tenant_id=tenant, kind=row.kind, name=row.name, parent=parent,
                                      effective=row.effective, code=row.code, enterprise=row.enterprise,
                                      id=imported_unit_id(tenant, row.code))
    except OrgError as refused:
        item.add(issue(refused.code, _COLUMN.get(refused.code), detail=refused.message))


def _change(item: Resolved, rows: list[Resolved], loaded: dict[UUID, OrgUnit], created: dict[int, OrgUnit],
            timeline: OrgTimeline) -> None:
    """Rename and/or move an existing unit from the row's date; the domain checks each step."""
    unit, row = loaded[item.existing], item.row
    try:
        if item.renamed:
            unit.rename(row.name, row.effective)
        if item.moved:
            parent = loaded.get(item.parent_unit) if item.parent_row is None else created.get(item.parent_row)
            if parent is None:
                item.add(issue("PARENT_REJECTED", "parent_code", row=rows[item.parent_row].row.number))
                return
            unit.move(parent, row.effective)
            if parent.id in timeline:  # a new parent has nothing under it yet but what moves there
                timeline.check_move(unit.id, parent.id, row.effective)
    except OrgError as refused:
        item.add(issue(refused.code, _COLUMN.get(refused.code), detail=refused.message))


_COLUMN = {"ORG_INVALID_PARENT": "kind", "ORG_NOT_ACTIVE_ON_DATE": "effective",
           "ORG_ENTERPRISE_FLAG": "enterprise", "ORG_INVALID_NAME": "name",
           "ORG_CHANGE_BEFORE_CREATION": "effective", "ORG_UNIT_ENDED": "effective",
           "ORG_SELF_REFERENCE": "parent_code", "ORG_CYCLE": "parent_code"}


def _row_report(item: Resolved) -> dict[str, object]:
    return {"row": item.row.number, "code": item.row.code, "name": item.row.name, "status": item.status,
            "changes": list(item.changes) if not item.row.issues else [],
            "issues": [{"code": i.code, "column": i.column, "message_en": i.message_en,
                        "message_vi": i.message_vi} for i in item.row.issues]}
