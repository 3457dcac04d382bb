"""The rollup: counters per (tenant, plan, org node, metric) at every ancestor level.

`projection` handles the events, `batch` holds one batch in memory, `store` is its SQL;
`queries` reads a node's figures in two statements and `reads` derives the API's metrics;
`spans` says where a unit's dated facts count as of a day (the dated node counters).
"""
