"""Application services: the one layer every edge (REST, GraphQL, CLI, demo) calls to change
anything. Rules live in `domain/`; services load, check the caller's reach, let the domain
decide and save, always through `services.commands.run_command` (or `update` for a step of
one existing aggregate).

Every command has the shape::

    await module.command(platform, tenant, ctx, <ids...>, *, <inputs...>, expected_version=None)
        -> CommandResult(id, version, position, replayed, created)

- `platform`: `infra.platform.Platform`; `tenant`: the tenant id the command writes in.
- `ctx`: `CommandContext(actor, unit_id=None, idempotency_key=None, correlation_id=None,
  writes_under=None)`; actor/unit/correlation go to event metadata; a retried command with
  the same idempotency key returns the first result (`replayed=True`) and writes nothing;
  `writes_under` limits the units the caller may write for to one subtree (FORBIDDEN).
- `expected_version`: the aggregate version the client last saw; if the aggregate has moved
  on, `services.errors.ConcurrencyError` (code CONFLICT) and nothing is written.

Errors: `domain.errors.DomainError` subclasses (`.code`, `.rule`, `.message_vi`) for broken
rules; `services.errors` NotFoundError (NOT_FOUND), ConcurrencyError (CONFLICT), Forbidden,
Unauthenticated; `infra.errors.InvalidTenantError` (BAD_INPUT). A duplicate registration
(also when two race) is DUPLICATE.

Modules:
- `services.commands`: run_command, update, load, load_or_none, load_many.
- `services.tenants`: provision_platform, provision_tenant (tenants/provisioning.py does it).
- `services.org_units`: create, rename, move, merge, split, dissolve a unit.
- `services.plans`: draft_plan, link_parent, issue_plan, launch_plan, amend_plan,
  begin_interim_review, begin_final_review, declare_end_condition_met, close_plan.
- `services.registrations`: register_unit, record_result, get_registration.
- `services.reports`: submit_report, find_missing_reports.
- `services.nominations`: draft, attach_document, submit, resubmit, return_for_correction,
  receive, appraise, record_council_vote, forward_up, reject.
- `services.awards`: open_quota, decide_award (quota-safe under concurrency), revoke_award.
- `services.decisions`: a decision naming many recipients, numbered from the issuer's register.
- `services.nomination_steps`: a nomination's timeline (its steps) and its dossier against the plan's list.
- `services.files`: dossier files of nominations and registrations (content-addressed).
- `services.org_import`: the org tree from and to a spreadsheet.
- `services.accounts`: invitations, roles, sign-in, sessions, personal tokens, platform init.
- `services.scope`: in_scope (a plan's scope), check_reach (the caller's subtree).
- `services.auth`: the caller (`Principal`, roles) and bearer tokens.
"""

from services.context import SYSTEM, CommandContext, CommandResult

__all__ = ["SYSTEM", "CommandContext", "CommandResult"]
