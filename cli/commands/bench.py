"""`thidua bench`: side-by-side measurements. A run writes its results under bench/results/
(ignored by git) and prints the table; `--docs` publishes it: docs/benchmarks.md and
bench/results/latest.json, the tracked pair."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from infra.settings import Settings

PART_NAMES = ("append", "projection", "rollup", "subscriptions", "pages", "commands", "org_import", "files", "exports")
PUBLISH = "publish"  # `--docs` with no path


def register(subparsers: argparse._SubParsersAction) -> None:
    bench = subparsers.add_parser("bench", help="run the benchmarks (see docs/benchmarks.md)")
    bench.add_argument("--quick", action="store_true", help="small data, under 2 minutes (CI)")
    bench.add_argument("--only", type=_parts, default=list(PART_NAMES),
                       help="comma-separated parts: " + ",".join(PART_NAMES))
    bench.add_argument("--results", type=Path, help="JSON output (default bench/results/run.json;"
                       " with --docs and no path, bench/results/latest.json)")
    bench.add_argument("--docs", nargs="?", const=PUBLISH,
                       help="also write the Markdown page (no path: publish docs/benchmarks.md)")
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


def outputs(args: argparse.Namespace) -> tuple[Path, Path | None]:
    """(JSON results, Markdown page or None): the tracked pair only when asked to publish."""
    from bench import report

    docs = report.DOCS_PATH if args.docs == PUBLISH else (Path(args.docs) if args.docs else None)
    return args.results or (report.RESULTS_PATH if args.docs == PUBLISH else report.RUN_PATH), docs


def run(args: argparse.Namespace, settings: Settings) -> int:
    import asyncio

    from bench import report
    from bench.national import Scale
    from bench.runner import run_bench
    from infra.gc_policy import relax_for_batches

    relax_for_batches()  # a batch process: its catch-up runs here (its latency probes allocate little)

    scale = None if args.grassroots is None else Scale(
        grassroots=args.grassroots, upper_unions=max(49, args.grassroots // 100))
    started = time.perf_counter()

    def progress(line: str) -> None:
        print(f"bench [{time.perf_counter() - started:6.1f} s] {line}", file=sys.stderr, flush=True)

    progress(f"{'quick' if args.quick else 'full'} run of {', '.join(args.only)}")
    result = asyncio.run(run_bench(settings, quick=args.quick, only=args.only, conditions=args.conditions,
                                   scale=scale, progress=progress))
    results, docs = outputs(args)
    report.write_json(result, results)
    written = [results]
    if docs is not None:
        report.write_markdown(result, docs)
        written.append(docs)
    print(report.markdown_table(result))
    progress(f"written: {', '.join(map(str, written))}")
    return 0
