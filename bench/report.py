"""Writes a run's results: JSON under `bench/results/` and the table in `docs/benchmarks.md`."""

from __future__ import annotations

import json
from pathlib import Path

from bench.docs_template import TEMPLATE
from bench.targets import PART_KEYS, TARGETS

ROOT = Path(__file__).resolve().parents[1]
RESULTS_PATH = ROOT / "bench" / "results" / "latest.json"  # published with docs/benchmarks.md
RUN_PATH = ROOT / "bench" / "results" / "run.json"  # any other run (ignored by git)
DOCS_PATH = ROOT / "docs" / "benchmarks.md"


def write_json(run: dict, path: Path = RESULTS_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def markdown_table(run: dict) -> str:
    lines = ["| key | measured | target | verdict |", "|---|---:|---|---|"]
    for part, keys in PART_KEYS.items():
        for key in keys:
            value = run["results"].get(key)
            target = TARGETS.get(key)
            shown = _fmt(value) if value is not None else f"null (skipped: {run['skipped'].get(part, '?')})"
            lines.append(f"| `{key}` | {shown} | {target.text if target else ''} "
                         f"| {target.verdict(value) if target else ''} |")
    return "\n".join(lines)


def write_markdown(run: dict, path: Path = DOCS_PATH) -> None:
    machine = run["machine"]
    text = TEMPLATE.format(
        table=markdown_table(run),
        date=run["date"],
        mode=run["mode"],
        duration=run["duration_s"],
        cores=machine["cores"],
        memory=machine["memory_gib"],
        pg=machine["postgresql_version"],
        scale=", ".join(f"{k} {v}" for k, v in run["scale"].items()) or "n/a",
        conditions=run.get("conditions", ""),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
