"""The typed rollup over GraphQL, for tests: every metric field selected, and the answer read
back into the projection's own shape (snake_case names, breakdowns as name -> count)."""

from __future__ import annotations

import re
from typing import Any

from projections.rollup.reads import COUNTS

BREAKDOWNS = ("models_by_type", "nominations_by_state", "awards_by_form", "registrations_by_phase")


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(w.title() for w in rest)


METRICS = "metrics { " + " ".join(
    [_camel(c) for c in COUNTS] + ["registrationRate"] + [f"{_camel(b)} {{ name count }}" for b in BREAKDOWNS]) + " }"
"""The selection of every field of RollupMetrics."""


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def metrics(typed: dict[str, Any]) -> dict[str, Any]:
    """A typed RollupMetrics answer as the projection's dict: same names, same values."""
    out: dict[str, Any] = {}
    for key, value in typed.items():
        name = _snake(key)
        if name in BREAKDOWNS:
            out[name] = {c["name"]: c["count"] for c in value}
        elif name == "funds_mobilised":
            out[name] = int(value)
        else:
            out[name] = value
    return out


def rollup(typed: dict[str, Any]) -> dict[str, Any]:
    """A typed Rollup answer with its metrics, and its children's, as dicts."""
    out = dict(typed)
    if "metrics" in out:
        out["metrics"] = metrics(out["metrics"])
    if "children" in out:
        out["children"] = [{**c, "metrics": metrics(c["metrics"])} if "metrics" in c else c
                           for c in out["children"]]
    return out
