"""Benchmarks: national-shaped data and side-by-side measurements (`thidua bench`)."""
