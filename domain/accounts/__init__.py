"""User accounts: who may sign in to a tenant, with which roles over which subtree.

Every change (invitation, roles, disabling, personal tokens) is an event of the `UserAccount`
aggregate in its tenant's chained log, so an auditor sees who granted what and when.
Secrets that must stay erasable (password hashes, session and link secrets) live outside
the log, in infra tables the services keep (services/accounts/)."""

from domain.accounts.account import UserAccount, account_id
from domain.accounts.grants import ROLES, Grant, check_grant, normalise_email

__all__ = ["ROLES", "Grant", "UserAccount", "account_id", "check_grant", "normalise_email"]
