"""`thidua`: the one command-line entry point. Each sub-command lives in cli/commands/."""

from __future__ import annotations

import argparse

from cli.commands import COMMANDS
from cli.startup import StartupError, check_database, fail, stop_on_sigterm
from infra.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thidua", description="Thi Đua campaign platform")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for register in COMMANDS:
        register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ValueError as exc:  # a setting that is not a number, a rate limit that does not parse
        return fail(f"bad setting: {exc}")
    stop_on_sigterm()
    try:
        if getattr(args, "uses_database", False):
            check_database(settings.database.url)
        return args.handler(args, settings)
    except StartupError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return 130  # Ctrl-C: stopped on request, no traceback
