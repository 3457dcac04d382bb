"""`thidua audit ...`: the auditor's command line (verify, export, verify-export, history, state,
reads, replay)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from uuid import UUID

from infra.errors import CodedError
from infra.platform import Platform, open_platform
from infra.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help="auditor tools: verify, export, history, state")
    audit.set_defaults(uses_database=True)
    sub = audit.add_subparsers(dest="audit_command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--auditor", default=None, help="who is reading (default cli:<user>)")

    p = sub.add_parser("verify", help="walk each tenant's hash chain", parents=[common])
    p.add_argument("--tenant", help="one tenant (default: every tenant)")
    p.set_defaults(handler=_run(_verify))

    p = sub.add_parser("export", help="write a tenant's log as JSON Lines", parents=[common])
    p.add_argument("--tenant", required=True)
    p.add_argument("--out", help="file to write (default: standard output)")
    p.set_defaults(handler=_run(_export))

    p = sub.add_parser("verify-export", help="check an export file, with no database")
    p.add_argument("file")
    p.add_argument("--head", help="head hash (hex) obtained independently, to compare with")
    p.set_defaults(handler=_verify_export, uses_database=False)

    p = sub.add_parser("history", help="a tenant's event history, filtered", parents=[common])
    p.add_argument("--tenant", required=True)
    p.add_argument("--stream", type=UUID)
    p.add_argument("--type", dest="topic", help="event topic (domain.plan:Plan.PlanLaunched) or its class part"
                   f" ({HISTORY_TYPE_EXAMPLE})")
    p.add_argument("--actor")
    p.add_argument("--since", type=moment, help="ISO timestamp, inclusive (UTC if no zone)")
    p.add_argument("--until", type=moment, help="ISO timestamp, exclusive (UTC if no zone)")
    p.add_argument("--after", type=int, default=0, help="start after this position")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=_run(_history))

    p = sub.add_parser("state", help="an aggregate as of a moment or version", parents=[common])
    p.add_argument("--tenant", required=True)
    p.add_argument("--stream", type=UUID, required=True)
    at = p.add_mutually_exclusive_group()
    at.add_argument("--as-of", type=moment, help="ISO timestamp (UTC if no zone)")
    at.add_argument("--version", type=int)
    p.set_defaults(handler=_run(_state))

    p = sub.add_parser("reads", help="recorded auditor reads of a tenant, newest first")
    p.add_argument("--tenant", required=True)
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(handler=_run(_reads))

    p = sub.add_parser("replay", help="rebuild projections into scratch tables, compare with live")
    p.add_argument("--tenant", help="one tenant (default: every tenant)")
    p.add_argument("--projection", action="append", help="a projection name (repeatable; default all)")
    p.add_argument("--keep", action="store_true", help="keep the scratch tables for inspection")
    p.set_defaults(handler=_run(_replay))


HISTORY_TYPE_EXAMPLE = "Plan.PlanLaunched"  # a real topic's class part (tests check it resolves)


def moment(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO timestamp: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _auditor(args: argparse.Namespace) -> str:
    return args.auditor or f"cli:{getpass.getuser()}"


Handler = Callable[[argparse.Namespace, Platform], Awaitable[int]]


def _run(handler: Handler) -> Callable[[argparse.Namespace, Settings], int]:
    """Open the platform, run the handler, turn application errors into a coded message."""

    async def main(args: argparse.Namespace, settings: Settings) -> int:
        async with open_platform(settings) as platform:
            return await handler(args, platform)

    def run(args: argparse.Namespace, settings: Settings) -> int:
        try:
            return asyncio.run(main(args, settings))
        except CodedError as exc:
            print(f"error {exc.code}: {exc}", file=sys.stderr)
            return 2

    return run


async def _verify(args: argparse.Namespace, platform: Platform) -> int:
    from audit.verify import all_tenants, describe, verify_all
    from infra.database import validate_tenant_id

    known = await all_tenants(platform.db.admin_url)
    if args.tenant and validate_tenant_id(args.tenant) not in known:
        print(f"error NOT_FOUND: no tenant {args.tenant!r} (it has no events and is not registered)",
              file=sys.stderr)
        return 2
    reports = await verify_all(platform.db, [args.tenant] if args.tenant else known, platform.files)
    for report in reports:
        print(describe(report))
    return 0 if all(r.ok for r in reports) else 1


async def _export(args: argparse.Namespace, platform: Platform) -> int:
    from audit.export import export_tenant

    if args.out is None:
        summary = await export_tenant(platform.db, args.tenant, sys.stdout, auditor=_auditor(args))
    else:
        with open(args.out, "w", encoding="utf-8") as out:
            summary = await export_tenant(platform.db, args.tenant, out, auditor=_auditor(args))
    print(f"exported {summary.events} events of {summary.tenant_id}: head={summary.head_position}"
          f" hash={summary.head_hash}", file=sys.stderr)
    return 0


def _verify_export(args: argparse.Namespace, settings: Settings) -> int:
    from audit.export_check import verify_export

    try:
        report = verify_export(args.file, args.head)
    except OSError as exc:
        print(f"error BAD_INPUT: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    if report.ok:
        print(f"OK {report.tenant_id} events={report.events} head={report.head_position}"
              f" hash={report.head_hash}")
        return 0
    print(f"BROKEN {report.tenant_id} at position {report.first_bad_position}"
          f" (line {report.line}): {report.reason}")
    return 1


async def _history(args: argparse.Namespace, platform: Platform) -> int:
    from audit.history import HistoryFilter, read_history

    f = HistoryFilter(args.stream, args.topic, args.actor, args.since, args.until)
    page = await read_history(platform.db, args.tenant, auditor=_auditor(args), filter=f,
                              after=args.after, limit=args.limit)
    for e in page.entries:
        if args.json:
            print(json.dumps({"position": e.position, "stream_id": str(e.stream_id),
                              "version": e.version, "topic": e.topic,
                              "recorded_at": e.recorded_at.isoformat(), "body": e.body,
                              "metadata": e.metadata, "hash": e.hash}, ensure_ascii=False))
        else:
            print(f"{e.position:>8} {e.recorded_at.isoformat()} {e.stream_id} v{e.version}"
                  f" {e.topic} actor={e.actor} trace={e.trace_id} key={e.idempotency_key}")
    if page.next_after is not None:
        print(f"more: --after {page.next_after}", file=sys.stderr)
    return 0


async def _state(args: argparse.Namespace, platform: Platform) -> int:
    from audit.state import state_of

    result = await state_of(platform.repository, args.tenant, args.stream,
                            auditor=_auditor(args), version=args.version, as_of=args.as_of)
    print(json.dumps({"tenant_id": result.tenant_id, "aggregate_type": result.aggregate_type,
                      "version": result.version, "state": result.state},
                     ensure_ascii=False, indent=2))
    return 0


async def _reads(args: argparse.Namespace, platform: Platform) -> int:
    from audit.reads import list_reads

    if not 1 <= args.limit <= 10_000:
        print("error BAD_INPUT: --limit must be within 1..10000", file=sys.stderr)
        return 2
    for r in await list_reads(platform.db, args.tenant, args.limit):
        if args.json:
            print(json.dumps({"read_id": str(r.read_id), "auditor": r.auditor, "read_at": r.read_at.isoformat(),
                              "what": r.what, "detail": r.detail}, ensure_ascii=False))
        else:
            print(f"{r.read_at.isoformat()} {r.auditor} {r.what} {json.dumps(r.detail, ensure_ascii=False)}")
    return 0


async def _replay(args: argparse.Namespace, platform: Platform) -> int:
    from audit.replay import replay
    from audit.verify import all_tenants
    from projections.registry import projection_classes

    known = projection_classes()
    unknown = sorted(set(args.projection or ()) - known.keys())
    if unknown:
        print(f"error BAD_INPUT: unknown projection {', '.join(unknown)};"
              f" known: {', '.join(sorted(known))}", file=sys.stderr)
        return 2
    classes = [known[name] for name in args.projection] if args.projection else list(known.values())
    tenants = [args.tenant] if args.tenant else await all_tenants(platform.db.admin_url)
    report = await replay(platform.db, tenants, classes, keep=args.keep)
    for line in [*report.notes, *(d.describe() for d in report.differences)]:
        print(line)
    print(f"{'OK' if report.ok else 'DIFFERENT'}: {len(report.projections)} projections,"
          f" {len(report.tenants)} tenants, {len(report.differences)} differences")
    return 0 if report.ok else 1
