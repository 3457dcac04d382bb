"""The dashboard's tables, built once from the figures: the page draws them and the CSV
download writes the very same cells (so the file equals the table on screen).

Headings are English message ids (`_` only marks them for the catalogue); `build` translates
them into the reader's language. No table holds a person's name: the rollup counts units.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from statistics import mean
from typing import Any
from uuid import UUID

from api.web.dashboard.figures import Figures
from documents.spreadsheet import Sheet


def _(message: str) -> str:
    return message


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    links: list[UUID | None]
    """Per row, the unit its first cell opens (drill-down), or None."""
    numeric: frozenset[int] = frozenset()

    def linked(self) -> list[tuple[tuple[Any, ...], UUID | None]]:
        return list(zip(self.rows, self.links, strict=True))

    def sheet(self) -> Sheet:
        return Sheet(self.title, self.columns, self.rows)


TABLES = ("units", "coverage", "levels", "awards", "quotas")

LEVEL_NAMES = {0: _("National body"), 1: _("Province federations and sector unions"),
               2: _("Upper-level unions"), 3: _("Grassroots unions")}


def percent(part: float, whole: float) -> float | str:
    """A share in percent with one decimal; "" when there is nothing to share."""
    return round(100 * part / whole, 1) if whole else ""


def day_text(value) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def build(figures: Figures, tr: Callable[[str], str]) -> dict[str, Table]:
    names = {c["node_id"]: c["name"] or str(c["node_id"]) for c in figures.rollup["children"]}
    node_name = figures.trail[-1]["name"] if figures.trail else str(figures.node)
    return {"units": _units(figures, tr, node_name), "coverage": _coverage(figures, tr, names),
            "levels": _levels(figures, tr), "awards": _awards(figures, tr),
            "quotas": _quotas(figures, tr, names, node_name)}


def _unit_row(name: str, m: dict[str, Any]) -> tuple[Any, ...]:
    awards = sum(m["awards_by_form"].values())
    return (name, m["units_in_scope"], m["enterprise_units"], m["units_registered"],
            percent(m["units_registered"], m["units_in_scope"]), m["registrations_late"],
            m["targets_registered"], m["targets_met"], percent(m["targets_met"], m["targets_registered"]),
            m["reports_on_time"], m["reports_late"], m["reports_missing"],
            percent(m["reports_on_time"], m["reports_due"]), awards)


def _units(f: Figures, tr, node_name: str) -> Table:
    children = f.rollup["children"]
    rows = [_unit_row(c["name"] or str(c["node_id"]), c["metrics"]) for c in children]
    rows.append(_unit_row(f"{tr(_('Total'))}: {node_name}", f.rollup["metrics"]))
    columns = (_("Unit"), _("Units in scope"), _("Enterprise units"), _("Units registered"),
               _("Registration rate (%)"), _("Late registrations"), _("Targets registered"), _("Targets met"),
               _("Targets met (%)"), _("Reports on time"), _("Reports late"), _("Reports missing"),
               _("Reports on time (%)"), _("Awards"))
    return Table("units", tr(_("Figures by unit")), tuple(map(tr, columns)), rows,
                 [c["node_id"] for c in children] + [None], frozenset(range(1, 14)))


def _coverage(f: Figures, tr, names: dict[UUID, str]) -> Table:
    by_child: dict[UUID, list[dict[str, Any]]] = defaultdict(list)
    for plan in f.cascade:
        if plan["child"] is not None and plan["status"] != "drafted":
            by_child[plan["child"]].append(plan)
    rows, links = [], []
    for child, name in names.items():
        plans = by_child.get(child, [])
        days = [p["days_after_parent"] for p in plans if p["days_after_parent"] is not None]
        first = min((p["issued_on"] for p in plans if p["issued_on"]), default=None)
        rows.append((name, len(plans), day_text(first), min(days, default=""), max(days, default="")))
        links.append(child)
    columns = (_("Unit"), _("Implementing plans issued"), _("First issued on"), _("Fewest days after the parent plan"),
               _("Most days after the parent plan"))
    return Table("coverage", tr(_("Cascade coverage")), tuple(map(tr, columns)), rows, links, frozenset({1, 3, 4}))


def _levels(f: Figures, tr) -> Table:
    by_level: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for plan in f.cascade:
        if plan["status"] != "drafted" and plan["level"] is not None and plan["depth"] > 0:
            by_level[plan["level"]].append(plan)
    rows = []
    for level in sorted(by_level):
        days = [p["days_after_parent"] for p in by_level[level] if p["days_after_parent"] is not None]
        rows.append((tr(LEVEL_NAMES.get(level, str(level))), len(by_level[level]),
                     round(mean(days), 1) if days else "", max(days, default="")))
    columns = (_("Level"), _("Implementing plans issued"), _("Average days after the parent plan"),
               _("Most days after the parent plan"))
    return Table("levels", tr(_("Days per level")), tuple(map(tr, columns)), rows, [None] * len(rows),
                 frozenset({1, 2, 3}))


def _awards(f: Figures, tr) -> Table:
    counts = f.rollup["metrics"]["awards_by_form"]
    rows = [(f.award_forms.get(code, {}).get("name", code), f.award_forms.get(code, {}).get("issuer", ""), n)
            for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    columns = (_("Award form"), _("Awarding level"), _("Awards"))
    return Table("awards", tr(_("Awards by form and level")), tuple(map(tr, columns)), rows, [None] * len(rows),
                 frozenset({2}))


def _quotas(f: Figures, tr, names: dict[UUID, str], node_name: str) -> Table:
    sums: dict[UUID | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    for q in f.quotas:
        total = sums[q["child"]]
        total[0] += q["limit"]
        total[1] += q["used"]
        total[2] += q["enterprise_used"]
    order = [c for c in names if c in sums] + ([None] if None in sums else [])
    rows = [(names.get(c, node_name) if c is not None else node_name, *_quota_cells(sums[c])) for c in order]
    links = list(order)
    everything = [sum(v[i] for v in sums.values()) for i in range(3)]
    rows.append((f"{tr(_('Total'))}: {node_name}", *_quota_cells(everything)))
    links.append(None)
    columns = (_("Unit"), _("Quota slots"), _("Used"), _("Remaining"), _("Used by enterprise unions"),
               _("Enterprise share (%)"))
    return Table("quotas", tr(_("Quota use and enterprise share")), tuple(map(tr, columns)), rows, links,
                 frozenset(range(1, 6)))


def _quota_cells(sums: list[int]) -> tuple[Any, ...]:
    limit, used, enterprise = sums
    return limit, used, limit - used, enterprise, percent(enterprise, used)
