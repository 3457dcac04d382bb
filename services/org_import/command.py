"""Import an org tree from a spreadsheet: a dry run reports, a real run writes all or nothing.

The real run is one command (`import_org_tree`): every new and renamed unit is saved in one
append, so a refused row, a lost race or a crash leaves the tree as it was. New units get ids derived
from the tenant and their code, so an import racing another for the same codes collides in
the store and is decided again on the tree the winner left (its rows then read unchanged).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from domain.errors import DomainError
from domain.organisation import NOW, OrgUnit
from infra.platform import Platform
from services.commands import load_many, run_command
from services.context import CommandContext
from services.errors import Forbidden
from services.org_import.existing import ExistingTree
from services.org_import.plan import ImportPlan, build, units_to_load
from services.org_import.resolve import resolve
from services.org_import.rows import read_rows
from services.org_import.values import Row
from tenants.ids import root_unit_id
from tenants.org_reader import load_timeline


class ImportRejected(DomainError):
    """Some rows are wrong; `report` says which and why. Nothing was written."""

    code = "ORG_IMPORT_REJECTED"

    def __init__(self, report: dict[str, object]) -> None:
        super().__init__(f"{report['rejected']} of {report['rows']} rows are refused; nothing was written",
                         rule="org_import.all_or_nothing",
                         message_vi=f"{report['rejected']}/{report['rows']} dòng bị từ chối; chưa ghi gì")
        self.report = report


@dataclass(frozen=True)
class ImportOutcome:
    report: dict[str, object]
    position: int | None = None
    """The tenant log position after the append; None when nothing was written."""
    replayed: bool = False


class _NothingNew(Exception):
    """Every row names a unit that exists as written: there is nothing to append."""


async def import_tree(platform: Platform, tenant: str, ctx: CommandContext, content: bytes, *,
                      dry_run: bool) -> ImportOutcome:
    parsed, ignored = read_rows(content)
    if dry_run:
        return ImportOutcome((await _plan(platform, tenant, ctx, parsed, ignored)).report(dry_run=True))
    decided: list[ImportPlan] = []

    async def decide() -> list[OrgUnit]:
        decided[:] = [plan := await _plan(platform, tenant, ctx, parsed, ignored)]
        if plan.rejected:
            raise ImportRejected(plan.report(dry_run=False))
        if not plan.changed:
            raise _NothingNew
        return plan.changed
    try:
        result = await run_command(platform, tenant, ctx, "import_org_tree", decide, retries=2)
    except _NothingNew:
        return ImportOutcome(decided[0].report(dry_run=False))
    if result.replayed:  # the first run's units now read as unchanged
        plan = decided[0] if decided else await _plan(platform, tenant, ctx, parsed, ignored)
        return ImportOutcome(plan.report(dry_run=False), result.position, replayed=True)
    return ImportOutcome(decided[0].report(dry_run=False), result.position)


async def _plan(platform: Platform, tenant: str, ctx: CommandContext, parsed: list[Row],
                ignored: tuple[str, ...]) -> ImportPlan:
    # Fresh issue lists each time: a retried decide must not see what an earlier attempt marked.
    rows = [replace(r, issues=list(r.issues)) for r in parsed]
    timeline = await load_timeline(platform, tenant)
    anchor = ctx.writes_under or root_unit_id(tenant)
    if anchor not in timeline or not timeline.is_active(anchor, NOW):
        raise Forbidden(f"the caller's unit {anchor} is not an active unit of this tenant")
    resolved = resolve(rows, ExistingTree(timeline, anchor))
    loaded = await load_many(platform, tenant, sorted(units_to_load(resolved)), OrgUnit)
    return build(tenant, resolved, {u.id: u for u in loaded}, timeline, ignored)


