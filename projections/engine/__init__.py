"""How any projection runs: the contract, checkpoints, leases, batches, the runner, rebuild.
Knows no read model (the runner's default set comes from projections.registry)."""
