"""Each row against the file and the existing tree: a new unit, an unchanged one, or issues.

A parent code names an existing unit of the caller's subtree (that wins) or another row of
the file; a blank one hangs the unit directly under the caller's unit. Codes are the units'
identity: a row whose code exists is compared with that unit. A new name renames it, a new
parent moves it, from the row's date; a different kind or enterprise flag is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from services.org_import.cycles import find_loops
from services.org_import.existing import ExistingTree
from services.org_import.messages import Issue, differs, issue
from services.org_import.values import Row

NEW, CHANGED, UNCHANGED, REJECTED = "new", "changed", "unchanged", "rejected"


@dataclass
class Resolved:
    row: Row
    existing: UUID | None = None
    parent_unit: UUID | None = None  # an existing parent
    parent_row: int | None = None  # else the index of the parent's row
    children: list[int] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # "name", "parent" of an existing unit

    @property
    def status(self) -> str:
        if self.row.issues:
            return REJECTED
        if self.existing is None:
            return NEW
        return CHANGED if self.changes else UNCHANGED

    @property
    def renamed(self) -> bool:
        return "name" in self.changes

    @property
    def moved(self) -> bool:
        return "parent" in self.changes

    def add(self, found: Issue) -> None:
        self.row.issues.append(found)


def resolve(rows: list[Row], tree: ExistingTree) -> list[Resolved]:
    resolved = [Resolved(r) for r in rows]
    first_row = _first_rows(resolved)
    for item in resolved:
        _match_existing(item, tree)
        _find_parent(item, tree, first_row)
    for i, item in enumerate(resolved):
        if item.parent_row is not None:
            resolved[item.parent_row].children.append(i)
    for item in resolved:
        if item.existing is not None and not item.row.issues:
            _compare(item, tree)
    _mark_loops(resolved, tree)
    return resolved


def _first_rows(resolved: list[Resolved]) -> dict[str, int]:
    """Where each code first appears; later rows with the same code are refused."""
    first: dict[str, int] = {}
    for i, item in enumerate(resolved):
        code = item.row.code
        if not code:
            continue
        if code in first:
            item.add(issue("DUPLICATE_CODE", "code", code=code, row=resolved[first[code]].row.number))
        else:
            first[code] = i
    return first


def _match_existing(item: Resolved, tree: ExistingTree) -> None:
    code = item.row.code
    if not code:
        return
    found = tree.by_code(code)
    if len(found) > 1:
        item.add(issue("AMBIGUOUS_CODE", "code", value=code))
    elif found and found[0] not in tree.subtree:
        item.add(issue("OUTSIDE_SUBTREE", "code", value=code))
    elif found:
        item.existing = found[0]
    elif tree.is_ended_code(code):
        item.add(issue("CODE_OF_ENDED_UNIT", "code", code=code))


def _find_parent(item: Resolved, tree: ExistingTree, first_row: dict[str, int]) -> None:
    parent = item.row.parent_code
    if not parent:
        item.parent_unit = tree.anchor
        return
    found = tree.by_code(parent)
    if len(found) > 1:
        item.add(issue("AMBIGUOUS_CODE", "parent_code", value=parent))
    elif found and found[0] not in tree.subtree:
        item.add(issue("OUTSIDE_SUBTREE", "parent_code", value=parent))
    elif found:
        item.parent_unit = found[0]
    elif parent in first_row:
        item.parent_row = first_row[parent]
    else:
        item.add(issue("UNKNOWN_PARENT", "parent_code", parent=parent))


def _mark_loops(resolved: list[Resolved], tree: ExistingTree) -> None:
    """Rows whose parents, as the import leaves them, come back to them."""
    row_of = {item.existing: i for i, item in enumerate(resolved) if item.existing is not None}

    def unit_parent(unit: UUID) -> int | UUID | None:
        parent = tree.now[unit].parent_id
        return row_of.get(parent, parent) if parent in tree.subtree else None

    def parent_of(node: int | UUID) -> int | UUID | None:
        if not isinstance(node, int):
            return unit_parent(node)
        item = resolved[node]
        if item.existing is not None and not item.moved:
            return unit_parent(item.existing)  # it stays where it is
        if item.parent_row is not None:
            return item.parent_row
        return None if item.parent_unit is None else row_of.get(item.parent_unit, item.parent_unit)

    starts = [i for i, item in enumerate(resolved) if item.existing is None or item.moved]
    for loop in find_loops(starts, parent_of):
        rows = [n for n in loop if isinstance(n, int)]
        detail = " → ".join(resolved[i].row.code for i in (*rows, rows[0]))
        for i in rows:
            resolved[i].add(issue("CYCLE", "parent_code", detail=detail))


def _compare(item: Resolved, tree: ExistingTree) -> None:
    view, row = tree.now[item.existing], item.row
    same_parent = (item.parent_unit == view.parent_id
                   or (item.existing == tree.anchor and not row.parent_code))
    fixed = [name for name, same in (("kind", row.kind == view.kind), ("enterprise", row.enterprise == view.enterprise))
             if not same]
    if fixed:
        item.add(differs(row.code, fixed))
        return
    history = tree.timeline.history(item.existing)
    for change, same, series in (("name", row.name == view.name, history.names),
                                 ("parent", same_parent, history.parents)):
        if not same and _not_later(item, change, series.entries[1:]):  # the first is the creation
            item.changes.append(change)


def _not_later(item: Resolved, change: str, changes: list) -> bool:
    """A change from the row's date, unless a later one holds now: the row would never read
    unchanged then, and every import of it would write the change again."""
    if changes and item.row.effective is not None and changes[-1][0] > item.row.effective:
        code = "RENAMED_LATER" if change == "name" else "MOVED_LATER"
        item.add(issue(code, "effective", code=item.row.code, value=changes[-1][0].isoformat()))
        return False
    return True
