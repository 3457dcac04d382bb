-- Rollups as of a day read dated counters per node (projections/rollup/spans.py): a fact
-- effective on day d is added at each node its unit sits under, from the later of d and the
-- day the unit came under it, and taken away on the day it left (moved, merged, dissolved);
-- "as of D" sums a node's deltas on days <= D. Its cost follows days and metrics, not the
-- number of units under the node. Keyed by node first: the read asks for the node and its
-- children, the upserts for whole keys; one index serves both.
CREATE TABLE rollup_counters_dated (
    tenant_id  text NOT NULL,
    plan_id    uuid NOT NULL,
    node_id    uuid NOT NULL,
    metric     text NOT NULL,
    day        date NOT NULL,
    value      bigint NOT NULL,
    PRIMARY KEY (node_id, plan_id, tenant_id, metric, day)
);
SELECT thidua_secure_read_model('rollup_counters_dated', true);

-- Each unit's spans [[node, first day, end day or null], ...]: where its facts count as of a
-- day, kept so that a change of the tree moves exactly what the old spans had added.
ALTER TABLE rollup_units ADD COLUMN spans jsonb NOT NULL DEFAULT '[]';

-- Figures per phase (rollup(phase: ...)): a fact's counters carry its phase (a registration's
-- and its results', a nomination's, a report's by the plan phase its reporting day falls in),
-- so the rollup keeps the phase of what it follows, and each plan's phases.
ALTER TABLE rollup_registrations ADD COLUMN phase text NOT NULL DEFAULT '';
ALTER TABLE rollup_nominations ADD COLUMN phase text NOT NULL DEFAULT '';
CREATE TABLE rollup_plans (
    tenant_id  text NOT NULL,
    plan_id    uuid NOT NULL,
    phases     jsonb NOT NULL,  -- [[name, start, end], ...] in the plan's order
    PRIMARY KEY (tenant_id, plan_id)
);
SELECT thidua_secure_read_model('rollup_plans', false);

-- Only a replay of the logs fills the new counters: empty the rollup's tables and its
-- checkpoints; the runner projects every tenant again from position 0.
TRUNCATE rollup_units, rollup_leaf, rollup_counters, rollup_registrations, rollup_nominations, rollup_leaf_dated;
DELETE FROM projection_checkpoints WHERE projection = 'rollups';
