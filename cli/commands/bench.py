"""`thidua bench`: side-by-side measurements; writes bench/results/latest.json and docs/benchmarks.md."""

from __future__ import annotations

import argparse
from pathlib import Path

from infra.settings import Settings

PART_NAMES = ("append", "projection", "rollup", "commands", "files")


def register(subparsers: argparse._SubParsersAction) -> None:
    bench = subparsers.add_parser("bench", help="run the benchmarks (see docs/benchmarks.md)")
    bench.add_argument("--quick", action="store_true", help="small data, under 2 minutes (CI)")
    bench.add_argument("--only", type=_parts, default=list(PART_NAMES),
                       help="comma-separated parts: " + ",".join(PART_NAMES))
    bench.add_argument("--results", type=Path, help="JSON output (default bench/results/latest.json)")
    bench.add_argument("--docs", type=Path, help="Markdown output (default docs/benchmarks.md)")
    bench.add_argument("--grassroots", type=int, help="grassroots units of the generated country"
                       " (default 100,000; --quick 1,000); upper-level unions = 1 per 100")
    bench.add_argument("--conditions", default="", help="a note on the conditions, put in the outputs")
    bench.set_defaults(handler=run)


def _parts(raw: str) -> list[str]:
    names = [name.strip() for name in raw.split(",") if name.strip()]
    unknown = sorted(set(names) - set(PART_NAMES))
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown part(s) {unknown}; choose from {', '.join(PART_NAMES)}")
    return names


def run(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from bench import report
    from bench.national import Scale
    from bench.runner import run_bench
    from infra.gc_policy import relax_for_batches

    relax_for_batches()  # a batch process: its catch-up runs here (its latency probes allocate little)

    scale = None if args.grassroots is None else Scale(
        grassroots=args.grassroots, upper_unions=max(49, args.grassroots // 100))
    result = asyncio.run(run_bench(settings, quick=args.quick, only=args.only, conditions=args.conditions,
                                   scale=scale))
    report.write_json(result, args.results or report.RESULTS_PATH)
    report.write_markdown(result, args.docs or report.DOCS_PATH)
    print(report.markdown_table(result))
    return 0
