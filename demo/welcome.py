"""What `thidua serve` prints after loading the demo: a token per role and the ids the
README's example queries use."""

from __future__ import annotations

from demo import ids
from demo.accounts import PASSWORD, PEOPLE, load_people
from demo.loader import DemoLoad, load_demo
from infra.platform import Platform
from infra.settings import Settings
from services.auth.tokens import mint_token

ROLES = (  # (label, tenant, roles, unit, audit tenants)
    ("platform_admin", ids.NATIONAL, ("platform_admin",), None, ()),
    ("officer (LĐLĐ tỉnh Tây Ninh)", ids.TAY_NINH, ("officer",), ids.root_unit_id(ids.TAY_NINH), ()),
    ("viewer (Sở LĐTBXH Bình Phước)", ids.SO_LDTBXH, ("viewer",), None, ()),
    ("national", ids.NATIONAL, ("national",), None, ()),
    ("auditor (of Tây Ninh)", ids.TAY_NINH, ("auditor",), None, (ids.TAY_NINH,)),
)


def tokens(settings: Settings) -> dict[str, str]:
    """A token per demo role; outside dev mode none for platform_admin, whose token would
    reach every tenant from wherever the server's output is kept (logs, journald)."""
    return {label: mint_token(settings.auth.jwt_secret, tenant=tenant, roles=roles, unit=unit,
                              audit_tenants=audit, subject=f"demo-{roles[0]}", ttl_s=settings.auth.token_ttl_s)
            for label, tenant, roles, unit, audit in ROLES
            if settings.server.dev_mode or "platform_admin" not in roles}


def announcement(loaded: DemoLoad, settings: Settings) -> str:
    lines = [f"Demo data loaded ({loaded.written} commands in {loaded.seconds:.1f} s). See README, 'Try it'.",
             f"  national plan 130/KH-TLĐ   {ids.NATIONAL_PLAN}",
             f"  national root unit         {ids.NATIONAL_ROOT}",
             f"  Tây Ninh root unit         {ids.root_unit_id(ids.TAY_NINH)}",
             f"  seed 001 plan (Tây Ninh)   {loaded.plans[f'{ids.TAY_NINH}/seed_001']}",
             f"  seed 004 plan (Sở LĐTBXH)  {loaded.plans[f'{ids.SO_LDTBXH}/seed_004']}",
             "Tokens (Authorization: Bearer <token>):"]
    lines += [f"  {label}:\n    {token}" for label, token in tokens(settings).items()]
    if settings.server.dev_mode:
        lines.append(f"Sign in at /sign-in (password {PASSWORD} for each):")
        lines += [f"  {person.email:<28} {person.who}" for person in PEOPLE]
    else:
        lines.append("  platform_admin: printed in dev mode only (THIDUA_DEV=1); mint one with `thidua token`")
    return "\n".join(lines)


async def load_and_announce(platform: Platform, settings: Settings) -> DemoLoad | None:
    loaded = await load_demo(platform)
    if loaded is not None and settings.server.dev_mode:
        await load_people(platform)
    if loaded is not None:
        print(announcement(loaded, settings), flush=True)
    return loaded
