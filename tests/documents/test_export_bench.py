"""The benchmark of the national breakdown as XLSX runs the export's own code and checks the
file it wrote (speed is reported by `thidua bench`, never asserted here)."""

from __future__ import annotations

from bench.exports_xlsx import measure_exports, national_breakdown
from bench.runner import PARTS
from bench.targets import PART_KEYS, TARGETS


def test_the_exports_part_reports_every_key_of_its_table():
    results = measure_exports(500)
    assert set(results) == set(PART_KEYS["exports"]) and "exports" in PARTS
    assert results["exports.units"] == 500 and results["exports.cells"] == 32 * 502
    assert all(results[key] >= 0 for key in results) and "exports.national_xlsx_s" in TARGETS


def test_the_generated_breakdown_sums_to_its_totals():
    rollup = national_breakdown(300)
    assert rollup["metrics"]["units_in_scope"] == 300
    assert rollup["metrics"]["units_registered"] == sum(c["metrics"]["units_registered"] for c in rollup["children"])
