"""Application services: thin async functions that load aggregates from the store, call the
domain, and save with optimistic concurrency. Rules live in `domain/`; these only wire.

Every command has the shape::

    await module.command(platform, tenant, ctx, <ids...>, *, <inputs...>, expected_version=None)
        -> CommandResult(id, version, position, replayed, created)

- `platform`: `infra.platform.Platform`; `tenant`: the tenant id the command writes in.
- `ctx`: `CommandContext(actor, unit_id=None, idempotency_key=None, correlation_id=None)`;
  actor/unit/correlation go to event metadata; a retried command with the same
  idempotency key returns the first result (`replayed=True`) and writes nothing.
- `expected_version`: the aggregate version the client last saw; if the aggregate has moved
  on, `infra.errors.ConcurrencyError` (code CONFLICT) and nothing is written.

Errors: `domain.errors.DomainError` subclasses (`.code`, `.rule`, `.message_vi`) for broken
rules; `infra.errors.NotFoundError` (NOT_FOUND), `ConcurrencyError` (CONFLICT),
`InvalidTenantError` (BAD_INPUT). A duplicate registration (also when two race) is DUPLICATE.

Modules:
- `services.plans`: draft_plan, link_parent, issue_plan, launch_plan, amend_plan,
  begin_interim_review, begin_final_review, declare_end_condition_met, close_plan, get_plan.
- `services.registrations`: register_unit, record_result, get_registration.
- `services.reports`: submit_report, find_missing_reports.
- `services.nominations`: draft, attach_document, submit, resubmit, return_for_correction,
  receive, appraise, record_council_vote, forward_up, reject.
- `services.awards`: open_quota, decide_award (quota-safe under concurrency), revoke_award.
- `services.scope`: in_scope / unit_in_scope (descendant of the plan's issuing unit that day).
- Tenants and org units live in `tenants/` (registry, provisioning, org_units, org_reader).
"""

from services.context import SYSTEM, CommandContext, CommandResult

__all__ = ["SYSTEM", "CommandContext", "CommandResult"]
