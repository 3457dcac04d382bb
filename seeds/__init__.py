"""The five seed plans (/work/shared/seeds/*.txt) encoded as drafting data.

Each module offers `draft_args(tenant, issuing_unit_id) -> dict` for `Plan.draft(**...)` and
`ISSUE` (number, issued_on, signer, capacity) for `Plan.issue(**ISSUE)`. Comments quote the
seed lines each value comes from; "seed silent" marks a platform default.

Data for the tests, the demo and the benchmark, not rules: it lives beside the domain and
imports only from it.
"""
