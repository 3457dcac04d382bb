"""`thidua platform init --admin-email EMAIL`: bootstrap an empty database with the national
body, the platform tenant and its first platform administrator, who gets a one-time link to
set a password. Run again, it changes nothing and says so."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date

from infra.settings import Settings

NATIONAL_BODY_FOUNDED = date(1929, 7, 28)  # Tổng Công hội Đỏ Bắc Kỳ, the first national union body


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("platform", help="bootstrap the platform")
    sub = parser.add_subparsers(dest="action", required=True)
    init = sub.add_parser("init", help="national body, platform tenant and first platform administrator")
    init.add_argument("--admin-email", required=True, help="email of the first platform administrator")
    init.add_argument("--effective", type=date.fromisoformat, default=NATIONAL_BODY_FOUNDED,
                      help="date the national body's unit takes effect; default 1929-07-28, its founding, so"
                           " tenants and plans of any past date fit under it")
    init.set_defaults(handler=lambda args, settings: asyncio.run(_init(args, settings)))


async def _init(args: argparse.Namespace, settings: Settings) -> int:
    from domain.errors import DomainError
    from infra.platform import open_platform
    from services.accounts.bootstrap import init_platform

    async with open_platform(settings) as platform:
        try:
            outcome = await init_platform(platform, args.admin_email, effective=args.effective)
        except DomainError as refused:
            print(f"thidua platform init: {refused.message}", file=sys.stderr)
            return 2
    if not outcome.changed:
        print(f"The platform is already initialised (platform administrators: {', '.join(outcome.admins)});"
              " nothing changed.")
        return 0
    if outcome.provisioned_tenant:
        print("Provisioned the platform tenant 'national' with the national body (Tổng Liên đoàn Lao động Việt Nam).")
    if outcome.link:
        print(f"Invited the platform administrator {outcome.admins[0]}. One-time link to set the password"
              f" (valid {settings.accounts.invitation_ttl_s // 3600} h):")
        print(outcome.link)
    return 0
