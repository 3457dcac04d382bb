"""Each row against the file and the existing tree: a new unit, an unchanged one, or issues.

A parent code names an existing unit of the caller's subtree (that wins) or another row of
the file; a blank one hangs the unit directly under the caller's unit. Codes are the units'
identity: a row whose code exists is compared with that unit. Only its name may differ (a
rename from the row's date, e.g. a corrected spelling); a different kind, flag or parent is
refused, since a move needs the tree-wide checks of its own command.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from services.org_import.existing import ExistingTree
from services.org_import.messages import Issue, differs, issue
from services.org_import.values import Row

NEW, RENAMED, UNCHANGED, REJECTED = "new", "renamed", "unchanged", "rejected"


@dataclass
class Resolved:
    row: Row
    existing: UUID | None = None
    parent_unit: UUID | None = None  # an existing parent
    parent_row: int | None = None  # else the index of the parent's row
    children: list[int] = field(default_factory=list)
    renamed: bool = False

    @property
    def status(self) -> str:
        if self.row.issues:
            return REJECTED
        if self.existing is None:
            return NEW
        return RENAMED if self.renamed else UNCHANGED

    def add(self, found: Issue) -> None:
        self.row.issues.append(found)


def resolve(rows: list[Row], tree: ExistingTree) -> list[Resolved]:
    resolved = [Resolved(r) for r in rows]
    first_row = _first_rows(resolved)
    for item in resolved:
        _match_existing(item, tree)
        _find_parent(item, tree, first_row)
    for i, item in enumerate(resolved):
        if item.parent_row is not None and item.existing is None:
            resolved[item.parent_row].children.append(i)
    _mark_cycles(resolved)
    for item in resolved:
        if item.existing is not None and not item.row.issues:
            _compare(item, tree)
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


def _mark_cycles(resolved: list[Resolved]) -> None:
    """Rows whose chain of parent rows comes back to them (walked without recursion)."""
    state = [0] * len(resolved)  # 0 unseen, 1 on the current walk, 2 done
    for start in range(len(resolved)):
        walk, current = [], start
        while current is not None and state[current] == 0:
            state[current] = 1
            walk.append(current)
            current = resolved[current].parent_row
        if current is not None and state[current] == 1:
            loop = walk[walk.index(current):]
            detail = " → ".join(resolved[i].row.code for i in (*loop, current))
            for i in loop:
                resolved[i].add(issue("CYCLE", "parent_code", detail=detail))
        for i in walk:
            state[i] = 2


def _compare(item: Resolved, tree: ExistingTree) -> None:
    view, row = tree.now[item.existing], item.row
    same_parent = (item.parent_unit == view.parent_id
                   or (item.existing == tree.anchor and not row.parent_code))
    fields = [name for name, same in (("name", row.name == view.name), ("kind", row.kind == view.kind),
                                      ("parent", same_parent), ("enterprise", row.enterprise == view.enterprise))
              if not same]
    if fields and fields != ["name"]:
        item.add(differs(row.code, fields))
    elif fields:
        _rename(item, tree)


def _rename(item: Resolved, tree: ExistingTree) -> None:
    """A rename from the row's date, unless a later one already holds now: the row would then
    never read unchanged, and every import of it would rename the unit again."""
    renames = tree.timeline.history(item.existing).names.entries[1:]  # the first is the creation
    if renames and item.row.effective is not None and renames[-1][0] > item.row.effective:
        item.add(issue("RENAMED_LATER", "effective", code=item.row.code, value=renames[-1][0].isoformat()))
    else:
        item.renamed = True
