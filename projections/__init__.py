"""Read models: the event log projected into tables, and the reads of those tables.

- `engine/`: how any projection runs: the contract (a Projection, its handlers, the Event
  they receive), checkpoints, leases, batches (alone or several projections fed by one read),
  the runner and its supervision, rebuild, status, and the runner worker processes.
- `read_models/`: one projection per read model (org tree, plans, registrations, reports,
  nominations, quotas) and the plain reads of their tables.
- `rollup/`: the rollup projection (counters at every ancestor level), its batch in memory,
  its SQL, and the rollup reads.
- `registry.py`: every projection the platform runs; `queries.py`: every read the API calls.

Imports point down: registry and queries -> rollup -> read_models -> engine. The one
exception: a runner given no projections runs the registry's, imported when it is built.
"""
