"""`thidua`: the one command-line entry point. Each sub-command lives in cli/commands/."""

from __future__ import annotations

import argparse

from cli.commands import COMMANDS
from infra.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thidua", description="Thi Đua campaign platform")
    subparsers = parser.add_subparsers(dest="command", required=True)
    for register in COMMANDS:
        register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args, Settings.from_env())

