"""`thidua token`: mint a bearer token for development only (signed with THIDUA_JWT_SECRET).

People sign in with a password (a session); integrations use personal API tokens. A token
minted here names any role in any tenant: never hand one out on a real platform."""

from __future__ import annotations

import argparse
from uuid import UUID

from infra.settings import Settings
from services.auth.principal import Role


def register(subparsers: argparse._SubParsersAction) -> None:
    token = subparsers.add_parser("token", help="mint a bearer token, for development only (users sign in; scripts use personal tokens)")
    token.add_argument("--role", required=True, action="append", choices=[r.value for r in Role],
                       help="role (repeatable)")
    token.add_argument("--tenant", required=True, help="tenant id the token acts in")
    token.add_argument("--unit", type=UUID, help="org unit id (officers write for its subtree)")
    token.add_argument("--audit-tenant", action="append", default=[], help="tenant an auditor may read")
    token.add_argument("--subject", default="dev", help="who (the `sub` claim)")
    token.add_argument("--ttl", type=int, help="lifetime in seconds (THIDUA_TOKEN_TTL)")
    token.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    import sys

    from services.auth.tokens import mint_token

    print("thidua token: for development only; on a real platform users sign in and scripts use"
          " personal API tokens (POST /api/v1/account/tokens).", file=sys.stderr)
    print(mint_token(settings.auth.jwt_secret, tenant=args.tenant, roles=args.role, unit=args.unit,
                     subject=args.subject, audit_tenants=args.audit_tenant,
                     ttl_s=args.ttl or settings.auth.token_ttl_s))
    return 0
