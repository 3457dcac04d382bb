"""Mutation scores of the domain's rule modules, from a finished `mutmut run` (make mutation).

Reads mutmut's per-file results (mutants/<module>.py.meta: mutant name -> test exit code) and
writes the score per module as JSON and as a Markdown table. A mutant is caught when the
domain tests fail (or time out) on it; one that no test ran, or that survives, counts against
the score. EQUIVALENT lists mutants that no test can tell from the original, with the reason;
they are reported apart and left out of the score that the target applies to.

    python -m bench.mutation [--mutants mutants] [--json docs/mutation.json] [--md docs/mutation.md]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

TARGET = 0.90
CAUGHT = {1: "killed", 3: "killed", 36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout"}

# mutant name (as `mutmut show` prints it) -> why no test can kill it
EQUIVALENT: dict[str, str] = {
    "domain.rules.x__overlap__mutmut_5": "`<=` -> `<` in one comparison of _overlap: the rule book checks "
                                         "every pair in both orders, and the other order still sees the shared day",
    "domain.rules.x__overlap__mutmut_6": "the same, for the other comparison",
}


def module_path(meta: Path, mutants: Path) -> str:
    return meta.relative_to(mutants).as_posix().removesuffix(".meta")


def outcome(code: int | None) -> str:
    if code in CAUGHT:
        return CAUGHT[code]
    return {0: "survived", None: "not_checked", 5: "no_tests", 33: "no_tests"}.get(code, "suspicious")


def score_module(exit_codes: dict[str, int | None]) -> dict:
    counts: dict[str, int] = {}
    survivors, equivalent = [], []
    for name, code in sorted(exit_codes.items(), key=lambda kv: _natural(kv[0])):
        status = "equivalent" if name in EQUIVALENT and outcome(code) == "survived" else outcome(code)
        counts[status] = counts.get(status, 0) + 1
        if status == "equivalent":
            equivalent.append({"mutant": name, "reason": EQUIVALENT[name]})
        elif status not in ("killed", "timeout"):
            survivors.append({"mutant": name, "status": status})
    caught = counts.get("killed", 0) + counts.get("timeout", 0)
    total = len(exit_codes)
    scored = total - counts.get("equivalent", 0)
    return {"mutants": total, "caught": caught, "counts": counts,
            "score": round(caught / scored, 4) if scored else 1.0,
            "score_all": round(caught / total, 4) if total else 1.0,
            "survivors": survivors, "equivalent": equivalent}


def _natural(name: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name))


def collect(mutants: Path) -> dict:
    modules = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        modules[module_path(meta, mutants)] = score_module(codes)
    if not modules:
        raise SystemExit(f"no mutmut results under {mutants}/: run `make mutation` (mutmut run) first")
    total = sum(m["mutants"] for m in modules.values())
    caught = sum(m["caught"] for m in modules.values())
    equivalent = sum(len(m["equivalent"]) for m in modules.values())
    return {
        "tool": f"mutmut {version('mutmut')}", "tests": "tests/domain",
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "target": TARGET,
        "total": {"mutants": total, "caught": caught, "equivalent": equivalent,
                  "score": round(caught / (total - equivalent), 4) if total > equivalent else 1.0},
        "modules": modules,
        "meets_target": all(m["score"] >= TARGET for m in modules.values()),
    }


def markdown(result: dict) -> str:
    lines = [
        "# Mutation score of the domain's rule modules",
        "",
        f"`make mutation` ({result['tool']}, tests: `{result['tests']}`, no database), "
        f"{result['generated_at']}. Target: at least {result['target']:.0%} of the mutants of every "
        "rule module caught, message and rule-code mutants included. A mutant counts as caught when "
        "a domain test fails (or times out) on it. Machine-readable: `docs/mutation.json`.",
        "",
        "| module | mutants | caught | survived | no test ran | equivalent | score |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for path, m in result["modules"].items():
        c = m["counts"]
        lines.append(f"| `{path}` | {m['mutants']} | {m['caught']} | {c.get('survived', 0)} | "
                     f"{c.get('no_tests', 0)} | {c.get('equivalent', 0)} | {m['score']:.1%} |")
    t = result["total"]
    lines += [f"| **all** | {t['mutants']} | {t['caught']} | | | {t['equivalent']} | **{t['score']:.1%}** |", ""]
    equivalent = [e for m in result["modules"].values() for e in m["equivalent"]]
    if equivalent:
        lines += ["## Equivalent mutants (left out of the score)", ""]
        lines += [f"- `{e['mutant']}`: {e['reason']}" for e in equivalent] + [""]
    survivors = [s for m in result["modules"].values() for s in m["survivors"]]
    if survivors:
        lines += ["## Mutants not caught", "", "See each with `.venv/bin/mutmut show NAME`.", ""]
        lines += [f"- `{s['mutant']}` ({s['status']})" for s in survivors] + [""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutants", type=Path, default=Path("mutants"))
    parser.add_argument("--json", type=Path, default=Path("docs/mutation.json"))
    parser.add_argument("--md", type=Path, default=Path("docs/mutation.md"))
    args = parser.parse_args(argv)
    result = collect(args.mutants)
    args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    args.md.write_text(markdown(result), "utf-8")
    for path, m in result["modules"].items():
        print(f"{m['score']:7.1%}  {m['caught']:4}/{m['mutants']:<4} {path}")
    print(f"{result['total']['score']:7.1%}  all; target {TARGET:.0%} per module "
          f"{'met' if result['meets_target'] else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
